"""What RequestPhoneNumber offers in each country, through boto3: the capabilities a long code
has where it can be leased (SMS, voice and MMS lists of the User Guide), the monthly price
each answer states, and what a refusal says (the number type, country and capabilities it
names, in the message as in Fields)."""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest

from tests.helpers import expect_error, refused

LONG_CODES = {"NumberType": "LONG_CODE", "MessageType": "TRANSACTIONAL"}


def request(client: Any, country: str, capabilities: list[str], **kwargs: Any) -> dict[str, Any]:
    number: dict[str, Any] = client.request_phone_number(
        **{**LONG_CODES, **kwargs}, IsoCountryCode=country, NumberCapabilities=capabilities
    )
    return number


@pytest.mark.parametrize(
    ("country", "capabilities", "price"),
    [
        ("CA", ["SMS", "VOICE", "MMS"], "1.00"),  # on all three lists
        ("GB", ["SMS", "VOICE"], "1.50"),
        ("AU", ["SMS"], "3.00"),  # SMS list only
        ("US", ["VOICE"], "1.00"),  # voice list only: US text goes by 10DLC or toll-free
        ("DE", ["SMS"], "2.00"),  # a long code without a price of its own
        ("KE", ["VOICE"], "2.00"),
    ],
)
def test_a_long_code_has_what_its_country_offers_at_its_price(
    client: Any, country: str, capabilities: list[str], price: str
) -> None:
    number = request(client, country, capabilities)
    assert number["IsoCountryCode"] == country
    assert number["NumberCapabilities"] == capabilities
    assert number["MonthlyLeasingPrice"] == price


KINDS = phonenumbers.PhoneNumberType


@pytest.mark.parametrize(
    ("country", "capabilities", "number_type", "kind"),
    [
        ("GB", ["SMS"], "LONG_CODE", KINDS.MOBILE),  # a text-capable long code is a mobile
        ("GB", ["SMS", "VOICE"], "LONG_CODE", KINDS.MOBILE),
        ("GB", ["VOICE"], "LONG_CODE", KINDS.FIXED_LINE),  # voice only: a landline
        ("US", ["SMS", "VOICE"], "TOLL_FREE", KINDS.TOLL_FREE),
    ],
)
def test_the_number_is_of_the_kind_its_capabilities_ask(
    client: Any, country: str, capabilities: list[str], number_type: str, kind: int
) -> None:
    for _ in range(5):
        leased = request(client, country, capabilities, NumberType=number_type)
        number = phonenumbers.parse(leased["PhoneNumber"])
        assert phonenumbers.is_valid_number_for_region(number, country)
        assert phonenumbers.number_type(number) == kind


@pytest.mark.parametrize(("number_type", "price"), [("TOLL_FREE", "2.00"), ("SIMULATOR", "0.00")])
def test_the_monthly_price_of_us_number_types(client: Any, number_type: str, price: str) -> None:
    number = request(client, "US", ["SMS"], NumberType=number_type)
    assert number["MonthlyLeasingPrice"] == price


@pytest.mark.parametrize(
    ("country", "capabilities", "extra", "reason", "fields", "message"),
    [
        (
            "US",
            ["SMS"],
            {"NumberType": "SIMULATOR", "MessageType": "PROMOTIONAL"},
            "INVALID_PARAMETER",
            {"MessageType": "Must be TRANSACTIONAL for a SIMULATOR phone number"},
            "A SIMULATOR phone number requires the MessageType TRANSACTIONAL",
        ),
        (
            "GB",
            ["SMS"],
            {"NumberType": "TOLL_FREE"},
            "INVALID_PARAMETER",
            {"NumberType": "TOLL_FREE is not available in GB"},
            "TOLL_FREE phone numbers are not available in GB",
        ),
        (
            "AU",
            ["VOICE", "MMS"],
            {},
            "VOICE_CAPABILITY_NOT_AVAILABLE",
            {"NumberCapabilities": "VOICE is not available for this number type and country"},
            "LONG_CODE phone numbers in AU do not support VOICE",
        ),
        (
            "US",
            ["SMS", "VOICE", "MMS"],
            {},
            "INVALID_PARAMETER",
            {"NumberCapabilities": "SMS, MMS not available here"},
            "LONG_CODE phone numbers in US do not support SMS, MMS",
        ),
    ],
    ids=["simulator-promotional", "toll-free-abroad", "voice-first", "two-missing"],
)
def test_a_refused_request_names_what_is_not_offered(
    client: Any,
    country: str,
    capabilities: list[str],
    extra: dict[str, str],
    reason: str,
    fields: dict[str, str],
    message: str,
) -> None:
    answer = refused(request, client=client, country=country, capabilities=capabilities, **extra)
    expect_error(answer, "ValidationException", reason, fields=fields, message=message)
    assert client.describe_phone_numbers()["PhoneNumbers"] == []
