"""Phone numbers: Request, Describe, Update and ReleasePhoneNumber.

A requested number is a real, valid number of its country (``phonenumbers``, Google's
libphonenumber metadata): toll-free for ``TOLL_FREE``, mobile or fixed-line for the others, never
the same as another account's number in the region. What can be requested where is the country
table in :mod:`smsmock.rules.origination_countries`.
"""

from __future__ import annotations

from smsmock.records.opt_out_lists import opt_out_list
from smsmock.records.phone_numbers import PHONE_NUMBERS, PhoneNumber, phone_number
from smsmock.records.pools import pool
from smsmock.records.registrations import Registration
from smsmock.rules import origination, origination_countries, registration_associations, toll_free
from smsmock.rules.available_numbers import requested_number
from smsmock.rules.keywords import default_keywords, keywords_of
from smsmock.rules.opt_outs import check_self_managed_needs_two_way
from smsmock.rules.pools import join_pool
from smsmock.state.conflicts import (
    refuse_if_deletion_protected,
    refuse_if_in_pool,
    refuse_unless_active,
)
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ValidationError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import copy_members


def _check_can_release(number: PhoneNumber) -> None:
    """``ConflictException`` when the number cannot be released: ``DELETION_PROTECTION_ENABLED``,
    or ``PHONE_NUMBER_ASSOCIATED_TO_POOL`` (ReleasePhoneNumber: "If the origination phone number
    has deletion protection enabled or is associated with a pool, an error is returned")."""
    refuse_if_deletion_protected(number, "phone-number", number.phone_number_id)
    refuse_if_in_pool(
        number, "phone-number", number.phone_number_id, "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    )


def _refuse_international_simulator(params: Params, number_type: str) -> None:
    """Simulator numbers only reach the destination simulator numbers of their own country."""
    if params.get("InternationalSendingEnabled") and number_type == "SIMULATOR":
        raise ValidationError(
            "International sending is not supported for SIMULATOR phone numbers.",
            "INTERNATIONAL_SENDING_NOT_SUPPORTED",
            [("InternationalSendingEnabled", "Not supported for SIMULATOR phone numbers.")],
        )


def _registration(
    call: Call, params: Params, number_type: str, country: str
) -> Registration | None:
    """The registration ``RegistrationId`` names, checked for the number (required for
    ``TEN_DLC``)."""
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
    if not params.get("RegistrationId"):
        return None
    return registration_associations.registration_for_number(
        call, params["RegistrationId"], number_type, country
    )


@operation("RequestPhoneNumber")
def request_phone_number(call: Call, params: Params) -> PhoneNumber:
    country, number_type = params["IsoCountryCode"], params["NumberType"]
    capabilities = list(dict.fromkeys(params["NumberCapabilities"]))
    message_type = params["MessageType"]
    origination_countries.check_number_request(country, number_type, capabilities, message_type)
    _refuse_international_simulator(params, number_type)
    target = pool(call, params["PoolId"]) if params.get("PoolId") else None
    if "OptOutListName" in params:
        list_name = opt_out_list(call, params["OptOutListName"]).opt_out_list_name
    else:
        list_name = target.opt_out_list_name if target is not None else "Default"
        opt_out_list(call, list_name)
    registration = _registration(call, params, number_type, country)
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
            awaiting_registration=toll_free.awaits_registration(number_type, country),
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
        registration_associations.associate_phone_number(call, registration, record)
    return record


_FILTERS = {
    **origination.IDENTITY_FILTERS,
    **attribute_filters(
        "iso_country_code",
        "message_type",
        "number_type",
        named={"number-capability": "number_capabilities"},
    ),
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
    record = phone_number(call, params["PhoneNumberId"])
    # UpdatePhoneNumber: "If the origination phone number is associated with a pool, an error
    # is returned." (the pool's settings govern its numbers).
    refuse_if_in_pool(
        record, "phone-number", record.phone_number_id, "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    )
    refuse_unless_active(record, "phone-number", record.phone_number_id)
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
    check_self_managed_needs_two_way(params, record.two_way_enabled)
    _refuse_international_simulator(params, record.number_type)
    if "OptOutListName" in params:
        record.opt_out_list_name = opt_out_list(call, params["OptOutListName"]).opt_out_list_name
    copy_members(params, record, _UPDATABLE)
    return record


@operation("ReleasePhoneNumber")
def release_phone_number(call: Call, params: Params) -> PhoneNumber:
    record = phone_number(call, params["PhoneNumberId"])
    _check_can_release(record)
    registration_associations.check_can_release(call, record)
    registration_associations.release(call, record)
    call.backend.table(PHONE_NUMBERS).remove(record)
    record.status = "DELETED"
    record.status_since = call.now
    return record
