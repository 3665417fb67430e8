"""Phone numbers: Request, Describe, Update and ReleasePhoneNumber.

A requested number is a real, valid number of its country (``phonenumbers``, Google's
libphonenumber metadata): toll-free for ``TOLL_FREE``, mobile or fixed-line for the others, never
the same as another account's number in the region. What can be requested where is the country
table in :mod:`smsmock.rules.origination_countries`. :func:`check_can_release` and
:func:`check_can_send` say whether a number may be released or sent from, for other families.
"""

from __future__ import annotations

import random
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import datetime

import phonenumbers
from phonenumbers import PhoneNumberType

from smsmock.engine.model import Written
from smsmock.operations import origination
from smsmock.rules import origination_countries
from smsmock.rules.messaging_limits import PRICING_TIER, phone_number_limits
from smsmock.state.conflicts import (
    refuse_if_deletion_protected,
    refuse_if_in_pool,
    refuse_unless_active,
)
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ValidationError
from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.paging import attribute_filters, record_filter
from smsmock.state.registry import Call, Params, operation
from smsmock.state.tables import TableKey


@dataclass(kw_only=True)
class PhoneNumber(StatefulRecord):
    """An origination phone number; attributes are the model's ``PhoneNumberInformation``."""

    phone_number_arn: str
    phone_number_id: str
    phone_number: str
    iso_country_code: str
    message_type: str
    number_capabilities: list[str]
    number_type: str
    monthly_leasing_price: str
    created_timestamp: datetime
    opt_out_list_name: str = "Default"
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs_enabled: bool = False
    international_sending_enabled: bool = False
    deletion_protection_enabled: bool = False
    pool_id: str | None = None
    registration_id: str | None = None
    keywords: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Keyword → (KeywordMessage, KeywordAction); starts with the service's defaults."""
    pricing_tier: str = PRICING_TIER
    messaging_limits: Written | None = field(default=None, init=False, repr=False)
    """``MessagingLimits`` (:mod:`smsmock.rules.messaging_limits`): found when the number is
    made, as nothing changes a number's type or capabilities."""

    def __post_init__(self) -> None:
        self.messaging_limits = phone_number_limits(self.number_type, self.number_capabilities)


PHONE_NUMBERS: TableKey[PhoneNumber] = TableKey(
    "phone-number",
    key=lambda r: r.phone_number_id,
    id_prefix="phone",
    quota="PHONE_NUMBERS_PER_ACCOUNT",
    aliases=lambda r: (r.phone_number,),
    arn=lambda r: r.phone_number_arn,
    transitions={"PENDING": "ACTIVE"},
)


# -- for other families -----------------------------------------------------------------------


def check_can_release(number: PhoneNumber) -> None:
    """``ConflictException`` when the number cannot be released: ``DELETION_PROTECTION_ENABLED``,
    or ``PHONE_NUMBER_ASSOCIATED_TO_POOL`` (ReleasePhoneNumber: "If the origination phone number
    has deletion protection enabled or is associated with a pool, an error is returned")."""
    refuse_if_deletion_protected(number, "phone-number", number.phone_number_id)
    refuse_if_in_pool(
        number, "phone-number", number.phone_number_id, "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    )


def check_can_send(number: PhoneNumber) -> None:
    """``ConflictException`` ``RESOURCE_NOT_ACTIVE`` unless the number is ``ACTIVE``."""
    refuse_unless_active(number, "phone-number", number.phone_number_id)


# -- choosing a number ------------------------------------------------------------------------

_RANDOM = random.Random()
_LOCAL_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_FIXED_TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _wanted_types(number_type: str, capabilities: list[str]) -> list[tuple[int, ...]]:
    """The libphonenumber types a number may have, most fitting first."""
    if number_type == "TOLL_FREE":
        return [(PhoneNumberType.TOLL_FREE,)]
    if "SMS" in capabilities or "MMS" in capabilities:
        # A text-capable long code is a mobile number where the country tells them apart.
        return [_LOCAL_TYPES]
    return [_FIXED_TYPES, (PhoneNumberType.MOBILE,)]


def new_phone_number(
    region: str, number_type: str, capabilities: list[str], taken: Container[str]
) -> str:
    """A valid E.164 number of ``region`` for ``number_type``, not in ``taken``."""
    for wanted in _wanted_types(number_type, capabilities):
        for kind in wanted:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            found = _number_like(example, region, wanted, taken)
            if found is not None:
                return found
    raise ValidationError(
        f"No {number_type} phone number is available in {region}.",
        "INVALID_PARAMETER",
        [("IsoCountryCode", "No phone number is available for this request.")],
    )


def _number_like(
    example: phonenumbers.PhoneNumber, region: str, wanted: tuple[int, ...], taken: Container[str]
) -> str | None:
    nsn = phonenumbers.national_significant_number(example)
    # Keep the example's first digit, then ever more of its leading digits, so that numbers
    # spread over the country's ranges yet some try always lands in a valid one.
    for keep in range(1, max(2, len(nsn) - 3)):
        for _ in range(100):
            tail = "".join(_RANDOM.choice("0123456789") for _ in range(len(nsn) - keep))
            candidate = phonenumbers.PhoneNumber(
                country_code=example.country_code, national_number=int(nsn[:keep] + tail)
            )
            text = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)
            if (
                text not in taken
                and phonenumbers.is_valid_number_for_region(candidate, region)
                and phonenumbers.number_type(candidate) in wanted
            ):
                return text
    return None


class _NumbersInRegion:
    """Whether a number is leased in this region, by any account (a number has one owner): a
    lookup in each account's table, not a scan of the numbers."""

    def __init__(self, call: Call) -> None:
        self._tables = [
            backend.table(PHONE_NUMBERS)
            for backend in call.world.backends()
            if backend.region == call.region
        ]

    def __contains__(self, number: object) -> bool:
        return isinstance(number, str) and any(number in table for table in self._tables)


# -- operations -------------------------------------------------------------------------------


@operation("RequestPhoneNumber")
def request_phone_number(call: Call, params: Params) -> PhoneNumber:
    from smsmock.operations.keywords import default_keywords, keywords_of
    from smsmock.operations.opt_out_lists import opt_out_list
    from smsmock.operations.pools import join_pool, pool

    country, number_type = params["IsoCountryCode"], params["NumberType"]
    capabilities = list(dict.fromkeys(params["NumberCapabilities"]))
    message_type = params["MessageType"]
    origination_countries.check_number_request(country, number_type, capabilities, message_type)
    if params.get("InternationalSendingEnabled") and number_type == "SIMULATOR":
        # Simulator numbers only reach the destination simulator numbers of their own country.
        raise ValidationError(
            "International sending is not supported for SIMULATOR phone numbers.",
            "INTERNATIONAL_SENDING_NOT_SUPPORTED",
            [("InternationalSendingEnabled", "Not supported for SIMULATOR phone numbers.")],
        )
    target = pool(call, params["PoolId"]) if params.get("PoolId") else None
    if "OptOutListName" in params:
        list_name = opt_out_list(call, params["OptOutListName"]).opt_out_list_name
    else:
        list_name = target.opt_out_list_name if target is not None else "Default"
        opt_out_list(call, list_name)
    registration = None
    if number_type == "TEN_DLC" and not params.get("RegistrationId"):
        # A 10DLC number is provisioned for a completed 10DLC campaign: the user guide's 10DLC
        # steps are brand, vetting, campaign, then "Request your 10DLC number", and the number
        # comes from "the aggregator associated with your 10DLC campaign registration";
        # SupportedAssociation ASSOCIATE_AFTER_COMPLETE: "you must complete a registration
        # first". So RegistrationId ("to attach your phone number for an external registration
        # process") is required for TEN_DLC.
        raise ValidationError(
            "A TEN_DLC phone number is requested with the RegistrationId of a completed 10DLC "
            "campaign registration.",
            "MISSING_PARAMETER",
            [("RegistrationId", "Required for the TEN_DLC number type.")],
        )
    if params.get("RegistrationId"):
        from smsmock.operations import registration_associations

        registration = registration_associations.registration_for_number(
            call, params["RegistrationId"], number_type, country
        )
    from smsmock.operations.available_numbers import requested_number

    # NumberPreference (TEN_DLC in the US) picks the number; see available_numbers.
    number = requested_number(call, params, capabilities)
    table = call.backend.table(PHONE_NUMBERS)
    record = create_record(
        call,
        table,
        params,
        lambda number_id, arn: PhoneNumber(
            phone_number_arn=arn,
            phone_number_id=number_id,
            phone_number=number,
            status="PENDING",
            status_since=call.now,
            iso_country_code=country,
            message_type=message_type,
            number_capabilities=capabilities,
            number_type=number_type,
            monthly_leasing_price=origination_countries.monthly_leasing_price(country, number_type),
            created_timestamp=call.now,
            opt_out_list_name=list_name,
            international_sending_enabled=params.get("InternationalSendingEnabled", False),
            deletion_protection_enabled=params.get("DeletionProtectionEnabled", False),
            keywords=default_keywords(),
        ),
        store=False,
    )
    if target is not None:
        # A number requested into a pool is made for it: it takes the pool's keywords, two-way
        # and self-managed opt-out settings (the message type and opt-out list must still match).
        record.keywords = dict(keywords_of(target))
        record.two_way_enabled = target.two_way_enabled
        record.two_way_channel_arn = target.two_way_channel_arn
        record.two_way_channel_role = target.two_way_channel_role
        record.self_managed_opt_outs_enabled = target.self_managed_opt_outs_enabled
        join_pool(call, target, record)
    table.add(record)
    if registration is not None:
        from smsmock.operations import registration_associations

        registration_associations.associate_phone_number(call, registration, record)
    return record


_FILTERS = {
    **origination.IDENTITY_FILTERS,
    **attribute_filters("iso_country_code", "message_type", "number_type"),
    "number-capability": record_filter("number_capabilities"),
}


describe_operation(
    "DescribePhoneNumbers",
    PHONE_NUMBERS,
    "PhoneNumberIds",
    "PhoneNumbers",
    filters=_FILTERS,
    owner=True,
)


_UPDATABLE = (
    "TwoWayEnabled",
    "TwoWayChannelArn",
    "TwoWayChannelRole",
    "SelfManagedOptOutsEnabled",
    "InternationalSendingEnabled",
    "DeletionProtectionEnabled",
)


@operation("UpdatePhoneNumber")
def update_phone_number(call: Call, params: Params) -> PhoneNumber:
    from smsmock.engine.model import copy_members
    from smsmock.operations.opt_out_lists import opt_out_list

    record = call.backend.table(PHONE_NUMBERS).get(params["PhoneNumberId"])
    # UpdatePhoneNumber: "If the origination phone number is associated with a pool, an error
    # is returned." (the pool's settings govern its numbers).
    refuse_if_in_pool(
        record, "phone-number", record.phone_number_id, "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    )
    check_can_send(record)
    if params.get("TwoWayEnabled"):
        if not origination_countries.two_way_supported(record.iso_country_code):
            raise ValidationError(
                f"Two-way messaging is not supported in {record.iso_country_code}.",
                "TWO_WAY_NOT_SUPPORTED_IN_COUNTRY",
                [("TwoWayEnabled", "Two-way messaging is not supported in this country.")],
            )
        if not (params.get("TwoWayChannelArn") or record.two_way_channel_arn):
            raise ValidationError(
                "TwoWayChannelArn is required to enable two-way messaging.",
                "TWO_WAY_CHANNEL_NOT_PRESENT",
                [("TwoWayChannelArn", "Required when TwoWayEnabled is true.")],
            )
    if params.get("InternationalSendingEnabled") and record.number_type == "SIMULATOR":
        raise ValidationError(
            "International sending is not supported for SIMULATOR phone numbers.",
            "INTERNATIONAL_SENDING_NOT_SUPPORTED",
            [("InternationalSendingEnabled", "Not supported for SIMULATOR phone numbers.")],
        )
    if "OptOutListName" in params:
        record.opt_out_list_name = opt_out_list(call, params["OptOutListName"]).opt_out_list_name
    copy_members(params, record, _UPDATABLE)
    return record


@operation("ReleasePhoneNumber")
def release_phone_number(call: Call, params: Params) -> PhoneNumber:
    table = call.backend.table(PHONE_NUMBERS)
    record = table.get(params["PhoneNumberId"])
    check_can_release(record)
    from smsmock.operations import registration_associations

    registration_associations.check_can_release(call, record)
    registration_associations.release(call, record)
    table.remove(record)
    record.status = "DELETED"
    record.status_since = call.now
    return record
