"""Sender IDs: RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId.

A sender ID exists per country (its id is ``{SenderId}/{IsoCountryCode}``). Sender IDs are
supported where the country table (:mod:`smsmock.origination_countries`) says so — not in the US
or Canada; where the country requires registration the sender ID is made with ``Registered``
false and cannot send until a registration marks it registered (:func:`check_can_send`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from smsmock import origination_countries
from smsmock.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.resources.tags import apply_tags
from smsmock.state.operations import Call, Params, operation
from smsmock.state.paging import paginate, record_filter
from smsmock.state.tables import Record, Table, TableKey


@dataclass(kw_only=True)
class SenderId(Record):
    """A sender ID in one country; attributes are the model's ``SenderIdInformation``.

    Its id is ``{SenderId}/{IsoCountryCode}`` (the ARN's resource part), as one sender ID may be
    requested in several countries.
    """

    sender_id_arn: str
    sender_id: str
    iso_country_code: str
    message_types: list[str]
    monthly_leasing_price: str
    deletion_protection_enabled: bool = False
    registered: bool = False
    registration_id: str | None = None
    pool_id: str | None = None

    @property
    def key(self) -> str:
        return f"{self.sender_id}/{self.iso_country_code}"


SENDER_IDS: TableKey[SenderId] = TableKey(
    "sender-id",
    key=lambda r: r.key,
    arn=lambda r: r.sender_id_arn,
)


# -- for other families -----------------------------------------------------------------------


def requires_registration(sender: SenderId) -> bool:
    return sender.iso_country_code in origination_countries.SENDER_ID_REGISTRATION_COUNTRIES


def check_can_release(sender: SenderId) -> None:
    """``ConflictException`` when the sender ID cannot be released: ``DELETION_PROTECTION_ENABLED``
    or ``SENDER_ID_ASSOCIATED_TO_POOL``."""
    if sender.deletion_protection_enabled:
        raise ConflictError(
            f"The sender ID {sender.key} has deletion protection enabled.",
            "DELETION_PROTECTION_ENABLED",
            "sender-id",
            sender.key,
        )
    if sender.pool_id is not None:
        raise ConflictError(
            f"The sender ID {sender.key} is associated with the pool {sender.pool_id}.",
            "SENDER_ID_ASSOCIATED_TO_POOL",
            "sender-id",
            sender.key,
        )


def check_can_send(sender: SenderId) -> None:
    """``ValidationException`` ``SENDER_ID_NOT_REGISTERED`` for a sender ID of a country that
    requires registration that is not registered yet."""
    if requires_registration(sender) and not sender.registered:
        raise ValidationError(
            f"The sender ID {sender.key} must be registered before it can send in "
            f"{sender.iso_country_code}.",
            "SENDER_ID_NOT_REGISTERED",
            [("OriginationIdentity", "The sender ID is not registered.")],
        )


def find_sender_id(table: Table[SenderId], ref: str, iso_country_code: str) -> SenderId:
    """The sender ID ``ref`` (a SenderId or its ARN) in ``iso_country_code``, or
    ``ResourceNotFoundException``."""
    found = table.find(ref) if ref.startswith("arn:") else table.find(f"{ref}/{iso_country_code}")
    if found is None or found.iso_country_code != iso_country_code:
        raise ResourceNotFoundError("sender-id", ref)
    return found


# -- operations -------------------------------------------------------------------------------

_HAS_LETTER = re.compile(r".*[A-Za-z].*")


@operation("RequestSenderId")
def request_sender_id(call: Call, params: Params) -> SenderId:
    sender, country = params["SenderId"], params["IsoCountryCode"]
    origination_countries.check_sender_id_country(country)
    if _HAS_LETTER.fullmatch(sender) is None:
        # Sender ID display rules: an alphanumeric sender ID has at least one letter.
        raise ValidationError(
            "A sender ID must contain at least one letter.",
            "INVALID_PARAMETER",
            [("SenderId", "Must contain at least one letter.")],
        )
    table = call.backend.table(SENDER_IDS)
    if f"{sender}/{country}" in table:
        raise ConflictError(
            f"The sender ID {sender} already exists in {country}.",
            "RESOURCE_ALREADY_EXISTS",
            "sender-id",
            f"{sender}/{country}",
        )
    call.backend.check_quota("SENDER_IDS_PER_ACCOUNT", len(table))
    record = SenderId(
        sender_id_arn=call.backend.arn("sender-id", f"{sender}/{country}"),
        sender_id=sender,
        iso_country_code=country,
        # No MessageTypes: the sender ID is for both kinds of message.
        message_types=list(dict.fromkeys(params.get("MessageTypes") or []))
        or ["TRANSACTIONAL", "PROMOTIONAL"],
        monthly_leasing_price=origination_countries.SENDER_ID_PRICE,
        deletion_protection_enabled=params.get("DeletionProtectionEnabled", False),
        registered=False,
    )
    apply_tags(call, record, params.get("Tags"))
    return table.add(record)


_FILTERS = {
    "sender-id": record_filter("sender_id"),
    "iso-country-code": record_filter("iso_country_code"),
    "message-type": record_filter("message_types"),
    "deletion-protection-enabled": record_filter("deletion_protection_enabled"),
    "registered": record_filter("registered"),
}


@operation("DescribeSenderIds")
def describe_sender_ids(call: Call, params: Params) -> dict[str, Any]:
    table = call.backend.table(SENDER_IDS)
    wanted, owner = params.get("SenderIds"), params.get("Owner")
    if wanted and owner:
        raise ValidationError(
            "The Owner and SenderIds parameters can't be used at the same time.",
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [
                ("Owner", "Cannot be used with SenderIds."),
                ("SenderIds", "Cannot be used with Owner."),
            ],
        )
    source: Any = table
    if wanted:
        chosen: dict[str, SenderId] = {}
        for item in wanted:
            found = find_sender_id(table, item["SenderId"], item["IsoCountryCode"])
            chosen.setdefault(found.key, found)
        source = list(chosen.values())
    page, token = paginate(
        call,
        source,
        params,
        filters=_FILTERS,
        boolean_filters=["deletion-protection-enabled", "registered"],
        where=(lambda _: False) if owner == "SHARED" else None,
    )
    return {"SenderIds": page, "NextToken": token}


@operation("UpdateSenderId")
def update_sender_id(call: Call, params: Params) -> SenderId:
    table = call.backend.table(SENDER_IDS)
    record = find_sender_id(table, params["SenderId"], params["IsoCountryCode"])
    if "DeletionProtectionEnabled" in params:
        record.deletion_protection_enabled = params["DeletionProtectionEnabled"]
    return record


@operation("ReleaseSenderId")
def release_sender_id(call: Call, params: Params) -> SenderId:
    table = call.backend.table(SENDER_IDS)
    record = find_sender_id(table, params["SenderId"], params["IsoCountryCode"])
    check_can_release(record)
    table.remove(record)
    return record
