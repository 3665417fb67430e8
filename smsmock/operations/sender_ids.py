"""Sender IDs: RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId.

A sender ID exists per country (its id is ``{SenderId}/{IsoCountryCode}``). Sender IDs are
supported where the country table (:mod:`smsmock.rules.origination_countries`) says so — not in the
US or Canada. Where the country requires registration, RequestSenderId refuses
(``SENDER_ID_REQUIRES_REGISTRATION``: RequestSenderId is documented as "Request a new sender ID
that doesn't require registration") and the sender ID comes from its approved registration,
registered (``ASSOCIATE_ON_APPROVAL``). A sender ID is therefore either registered or of a country
that needs no registration, and sends at once: there is no unregistered sender ID to refuse.
"""

from __future__ import annotations

import re

from smsmock.records.sender_ids import SENDER_IDS, SenderId, sender_id
from smsmock.rules import origination_countries, registration_associations
from smsmock.state.conflicts import refuse_if_deletion_protected, refuse_if_in_pool
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ValidationError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import copy_members


def _check_can_release(sender: SenderId) -> None:
    """``ConflictException`` when the sender ID cannot be released: ``DELETION_PROTECTION_ENABLED``
    or ``SENDER_ID_ASSOCIATED_TO_POOL``."""
    refuse_if_deletion_protected(sender, "sender-id", sender.key)
    refuse_if_in_pool(sender, "sender-id", sender.key, "SENDER_ID_ASSOCIATED_TO_POOL")


# -- operations -------------------------------------------------------------------------------

_HAS_LETTER = re.compile(r".*[A-Za-z].*")


@operation("RequestSenderId")
def request_sender_id(call: Call, params: Params) -> SenderId:
    sender, country = params["SenderId"], params["IsoCountryCode"]
    origination_countries.check_sender_id_country(country)
    if country in origination_countries.SENDER_ID_REGISTRATION_COUNTRIES:
        # RequestSenderId: "Request a new sender ID that doesn't require registration." Where the
        # country requires one, the sender ID comes from its registration (ASSOCIATE_ON_APPROVAL:
        # "The sender ID will be automatically provisioned once the registration is approved").
        raise ValidationError(
            f"A sender ID in {country} requires a registration: it is provisioned when the "
            "registration is approved.",
            "SENDER_ID_REQUIRES_REGISTRATION",
            [("IsoCountryCode", f"Sender IDs in {country} require registration.")],
        )
    if _HAS_LETTER.fullmatch(sender) is None:
        # Sender ID display rules: an alphanumeric sender ID has at least one letter.
        raise ValidationError(
            "A sender ID must contain at least one letter.",
            "INVALID_PARAMETER",
            [("SenderId", "Must contain at least one letter.")],
        )
    return create_record(
        call,
        call.backend.table(SENDER_IDS),
        params,
        lambda _, arn: SenderId(
            sender_id_arn=arn,
            sender_id=sender,
            iso_country_code=country,
            # No MessageTypes: the sender ID is for both kinds of message.
            message_types=list(dict.fromkeys(params.get("MessageTypes") or []))
            or ["TRANSACTIONAL", "PROMOTIONAL"],
            monthly_leasing_price=origination_countries.SENDER_ID_PRICE,
            deletion_protection_enabled=params.get("DeletionProtectionEnabled", False),
            registered=False,
        ),
        key=f"{sender}/{country}",
    )


_FILTERS = attribute_filters(
    "sender_id",
    "iso_country_code",
    "deletion_protection_enabled",
    "registered",
    named={"message-type": "message_types"},
)


describe_operation(
    "DescribeSenderIds",
    SENDER_IDS,
    "SenderIds",
    "SenderIds",
    filters=_FILTERS,
    boolean_filters=["deletion-protection-enabled", "registered"],
    owner=True,
    resolve=lambda table, wanted: sender_id(table, wanted["SenderId"], wanted["IsoCountryCode"]),
)


@operation("UpdateSenderId")
def update_sender_id(call: Call, params: Params) -> SenderId:
    table = call.backend.table(SENDER_IDS)
    record = sender_id(table, params["SenderId"], params["IsoCountryCode"])
    copy_members(params, record, ("DeletionProtectionEnabled",))
    return record


@operation("ReleaseSenderId")
def release_sender_id(call: Call, params: Params) -> SenderId:
    table = call.backend.table(SENDER_IDS)
    record = sender_id(table, params["SenderId"], params["IsoCountryCode"])
    _check_can_release(record)
    registration_associations.check_can_release(call, record)
    registration_associations.release(call, record)
    table.remove(record)
    return record
