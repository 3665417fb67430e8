"""Pools: CreatePool, DescribePools, UpdatePool, DeletePool, AssociateOriginationIdentity,
DisassociateOriginationIdentity, ListPoolOriginationIdentities.

A pool is made from one origination identity and takes its settings (CreatePool: "The new pool
inherits its configuration from the specified origination identity. This includes keywords,
message type, opt-out list, two-way configuration, and self-managed opt-out configuration");
every identity that joins later must match them (:func:`join_pool`, which RequestPhoneNumber's
``PoolId`` uses too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smsmock.records.notify import notify_configuration_for_pool
from smsmock.records.opt_out_lists import opt_out_list
from smsmock.records.pools import POOLS, Pool, pool
from smsmock.rules import origination
from smsmock.rules.pools import (
    join_pool,
    leave_pool,
    poolable_kinds,
)
from smsmock.state.conflicts import refuse_if_deletion_protected, refuse_unless_active
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.state.paging import attribute_filters, paginate
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import copy_members
from smsmock.state.tables import Record


@dataclass(frozen=True)
class OriginationIdentityMetadata:
    """One member of a pool as ListPoolOriginationIdentities writes it."""

    origination_identity_arn: str
    origination_identity: str
    iso_country_code: str | None
    number_capabilities: tuple[str, ...]
    phone_number: str | None


# -- shared with phone numbers ----------------------------------------------------------------


def _identity_in_country(call: Call, params: Params) -> tuple[origination.IdentityKind, Any]:
    """The identity ``OriginationIdentity`` names, checked against ``IsoCountryCode``.

    CreatePool's ``IsoCountryCode`` "is not required for origination identity types that are not
    country-specific, such as RCS agents": it is required for sender IDs (a SenderId exists per
    country); a phone number's country is its number's, so it may be left out, but when given it
    must agree.

    A sender ID's ARN names its country (``sender-id/NAME/CC``), yet without ``IsoCountryCode``
    AWS refuses it as ``ValidationException`` ``INVALID_ARN`` with the field ``senderId``: the
    Terraform provider's ``pool_test.go`` (``Pool_OriginationIdentities_multipleCountries``,
    run against AWS) records that answer for AssociateOriginationIdentity, and its pool resource
    passes the ARN's country on every call for that reason. A bare SenderId without a country is
    ``MISSING_PARAMETER``.
    """
    ref, country = params["OriginationIdentity"], params.get("IsoCountryCode")
    if country is None and ref.startswith("arn:") and ":sender-id/" in ref:
        raise ValidationError(
            f"The sender ID ARN {ref} needs IsoCountryCode.",
            "INVALID_ARN",
            [("senderId", "A sender ID ARN needs the IsoCountryCode of the call.")],
        )
    identity = origination.resolve_origination_identity(
        call, ref, iso_country_code=country, kinds=poolable_kinds()
    )
    kind = origination.kind_of(identity)
    own_country = kind.traits(identity).iso_country_code
    if own_country is not None and country is None and kind.resource_type == "sender-id":
        raise ValidationError(
            "IsoCountryCode is required for a sender ID.",
            "MISSING_PARAMETER",
            [("IsoCountryCode", "Required for a sender ID.")],
        )
    if own_country is not None and country is not None and country != own_country:
        raise ValidationError(
            f"The origination identity {ref} is in {own_country}, not {country}.",
            "COUNTRY_CODE_MISMATCH",
            [("IsoCountryCode", f"The origination identity is in {own_country}.")],
        )
    return kind, identity


def _membership(target: Pool, kind: origination.IdentityKind, identity: Any) -> dict[str, Any]:
    """The answer of Associate/DisassociateOriginationIdentity."""
    return {
        "PoolArn": target.pool_arn,
        "PoolId": target.pool_id,
        **origination.identity_members(identity),
        "IsoCountryCode": kind.traits(identity).iso_country_code,
    }


# -- operations -------------------------------------------------------------------------------


@operation("CreatePool")
def create_pool(call: Call, params: Params) -> Pool:
    kind, identity = _identity_in_country(call, params)
    simulator = getattr(identity, "number_type", None) == "SIMULATOR"
    if simulator and params["MessageType"] != "TRANSACTIONAL":
        # Simulator numbers are TRANSACTIONAL only (RequestPhoneNumber), and AWS answers a
        # PROMOTIONAL pool made from one ResourceNotFoundException: the Terraform provider's
        # pool_test.go (Pool_MessageType, last step, run against AWS) expects exactly that.
        raise ResourceNotFoundError("phone-number", params["OriginationIdentity"])
    traits = kind.traits(identity)
    table = call.backend.table(POOLS)
    record = create_record(
        call,
        table,
        params,
        lambda pool_id, arn: Pool(
            pool_arn=arn,
            pool_id=pool_id,
            status="CREATING",
            status_since=call.now,
            message_type=params["MessageType"],
            created_timestamp=call.now,
            opt_out_list_name=traits.opt_out_list_name or "Default",
            two_way_enabled=bool(traits.two_way_enabled),
            two_way_channel_arn=getattr(identity, "two_way_channel_arn", None),
            two_way_channel_role=getattr(identity, "two_way_channel_role", None),
            self_managed_opt_outs_enabled=bool(traits.self_managed_opt_outs_enabled),
            # "Deletion protection isn't inherited from the origination identity".
            deletion_protection_enabled=params.get("DeletionProtectionEnabled", False),
            keywords=dict(getattr(identity, "keywords", None) or {}),
        ),
        store=False,
    )
    # The pool has the identity's settings, so only its message type can mismatch
    # (MESSAGE_TYPE_MISMATCH); a number already in a pool is RESOURCE_ALREADY_ASSOCIATED.
    join_pool(call, record, identity)
    return table.add(record)


_FILTERS = {
    **origination.IDENTITY_FILTERS,
    **attribute_filters("message_type", "shared_routes_enabled"),
}


describe_operation("DescribePools", POOLS, "PoolIds", "Pools", filters=_FILTERS, owner=True)


_POOL_SETTINGS = (
    "TwoWayEnabled",
    "TwoWayChannelArn",
    "TwoWayChannelRole",
    "SelfManagedOptOutsEnabled",
    "SharedRoutesEnabled",
    "DeletionProtectionEnabled",
)
_SHARED_WITH_MEMBERS = (
    "opt_out_list_name",
    "two_way_enabled",
    "two_way_channel_arn",
    "two_way_channel_role",
    "self_managed_opt_outs_enabled",
)
"""The settings a pool's members must share with it (AssociateOriginationIdentity)."""


@operation("UpdatePool")
def update_pool(call: Call, params: Params) -> Pool:
    record = pool(call, params["PoolId"])
    _check_active(record)
    if params.get("TwoWayEnabled") and not (
        params.get("TwoWayChannelArn") or record.two_way_channel_arn
    ):
        raise ValidationError(
            "TwoWayChannelArn is required to enable two-way messaging.",
            "TWO_WAY_CHANNEL_NOT_PRESENT",
            [("TwoWayChannelArn", "Required when TwoWayEnabled is true.")],
        )
    if "OptOutListName" in params:
        record.opt_out_list_name = opt_out_list(call, params["OptOutListName"]).opt_out_list_name
    copy_members(params, record, _POOL_SETTINGS)
    # Members keep matching their pool: its settings are theirs (UpdatePhoneNumber refuses a
    # number in a pool, so the pool is where they change).
    for arn in record.members:
        identity = call.backend.by_arn.get(arn)
        for attribute in _SHARED_WITH_MEMBERS:
            if identity is not None and hasattr(identity, attribute):
                setattr(identity, attribute, getattr(record, attribute))
    return record


def _check_active(record: Pool) -> None:
    """A pool still ``CREATING`` (only seen in the manual and timed lifecycle modes) cannot be
    changed yet: ``ConflictException`` ``RESOURCE_NOT_ACTIVE``."""
    refuse_unless_active(record, "pool", record.pool_id)


@operation("DeletePool")
def delete_pool(call: Call, params: Params) -> Pool:
    table = call.backend.table(POOLS)
    record = pool(call, params["PoolId"])
    refuse_if_deletion_protected(record, "pool", record.pool_id)
    # DeletePool: "If the pool status isn't active or if deletion protection is enabled, an
    # error is returned."
    _check_active(record)
    # A notify configuration sends from its pool (CreateNotifyConfiguration's PoolId): the
    # model's POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION is the pool still in use by one.

    user = notify_configuration_for_pool(call.backend, record.pool_id)
    if user is not None:
        raise ConflictError(
            f"The pool {record.pool_id} is used by notify configuration "
            f"{user.notify_configuration_id}; remove it there first.",
            "POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION",
            "pool",
            record.pool_id,
        )
    # "Deleting a pool disassociates all origination identities from that pool."
    for arn in list(record.members):
        identity = call.backend.by_arn.get(arn)
        if identity is not None:
            leave_pool(call, record, identity)
    record.members.clear()
    table.remove(record)
    record.status = "DELETING"
    return record


@operation("AssociateOriginationIdentity")
def associate_origination_identity(call: Call, params: Params) -> dict[str, Any]:
    target = pool(call, params["PoolId"])
    _check_active(target)
    kind, identity = _identity_in_country(call, params)
    join_pool(call, target, identity)
    return _membership(target, kind, identity)


@operation("DisassociateOriginationIdentity")
def disassociate_origination_identity(call: Call, params: Params) -> dict[str, Any]:
    source = pool(call, params["PoolId"])
    _check_active(source)
    kind, identity = _identity_in_country(call, params)
    if kind.arn(identity) not in source.members:
        raise ConflictError(
            f"The origination identity {kind.identity(identity)} is not associated with the "
            f"pool {source.pool_id}.",
            "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL",
            kind.resource_type,
            kind.identity(identity),
        )
    if len(source.members) == 1:
        raise ConflictError(
            f"The origination identity {kind.identity(identity)} is the last one in the pool "
            f"{source.pool_id}; a pool keeps at least one.",
            "LAST_PHONE_NUMBER",
            "pool",
            source.pool_id,
        )
    leave_pool(call, source, identity)
    return _membership(source, kind, identity)


@operation("ListPoolOriginationIdentities")
def list_pool_origination_identities(call: Call, params: Params) -> dict[str, Any]:
    source = pool(call, params["PoolId"])
    members = [_metadata(call.backend.by_arn[arn]) for arn in source.members]
    page, token = paginate(
        call,
        members,
        params,
        filters={
            "iso-country-code": lambda m: m.iso_country_code,
            "number-capability": lambda m: m.number_capabilities,
        },
    )
    return {
        "PoolArn": source.pool_arn,
        "PoolId": source.pool_id,
        "OriginationIdentities": page,
        "NextToken": token,
    }


def _metadata(identity: Record) -> OriginationIdentityMetadata:
    kind = origination.kind_of(identity)
    traits = kind.traits(identity)
    return OriginationIdentityMetadata(
        origination_identity_arn=kind.arn(identity),
        origination_identity=kind.identity(identity),
        iso_country_code=traits.iso_country_code,
        number_capabilities=traits.number_capabilities,
        phone_number=traits.phone_number,
    )
