"""CarrierLookup through boto3: deterministic facts from libphonenumber's metadata."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.installed_model import needs_operations

pytestmark = needs_operations("CarrierLookup")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "+33 6 12 34 56 78",
            {
                "E164PhoneNumber": "+33612345678",
                "DialingCountryCode": "33",
                "IsoCountryCode": "FR",
                "Country": "France",
                "Carrier": "SFR",
                "PhoneNumberType": "MOBILE",
            },
        ),
        (
            "+49 (151) 1234-5678",
            {
                "E164PhoneNumber": "+4915112345678",
                "DialingCountryCode": "49",
                "IsoCountryCode": "DE",
                "Country": "Germany",
                "Carrier": "T-Mobile",
                "PhoneNumberType": "MOBILE",
            },
        ),
        (
            "+44 20 7946 0958",
            {
                "E164PhoneNumber": "+442079460958",
                "DialingCountryCode": "44",
                "IsoCountryCode": "GB",
                "Country": "United Kingdom",
                "PhoneNumberType": "LANDLINE",
            },
        ),
        (
            "+1 (206) 555-0100",
            {
                "E164PhoneNumber": "+12065550100",
                "DialingCountryCode": "1",
                "IsoCountryCode": "US",
                "Country": "United States",
                "PhoneNumberType": "MOBILE",
            },
        ),
        (
            "+1 800 555 1234",
            {
                "E164PhoneNumber": "+18005551234",
                "DialingCountryCode": "1",
                "IsoCountryCode": "US",
                "Country": "United States",
                "PhoneNumberType": "OTHER",
            },
        ),
        (
            "+61.412.345.678",
            {
                "E164PhoneNumber": "+61412345678",
                "DialingCountryCode": "61",
                "IsoCountryCode": "AU",
                "Country": "Australia",
                "Carrier": "Optus",
                "PhoneNumberType": "MOBILE",
            },
        ),
    ],
)
def test_lookup(client: Any, given: str, expected: dict[str, str]) -> None:
    response = client.carrier_lookup(PhoneNumber=given)
    response.pop("ResponseMetadata")
    assert response == expected


def test_lookup_is_deterministic(client: Any) -> None:
    answers = [client.carrier_lookup(PhoneNumber="+919876543210") for _ in range(3)]
    for answer in answers:
        answer.pop("ResponseMetadata")
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["Carrier"] == "Airtel"


def test_number_not_valid_in_its_plan_is_invalid_type(client: Any) -> None:
    # +1 555 is not an area code in use: a parseable number, but not a valid one.
    response = client.carrier_lookup(PhoneNumber="+15551234567")
    assert response["PhoneNumberType"] == "INVALID"
    assert response["E164PhoneNumber"] == "+15551234567"
    assert "Carrier" not in response


@pytest.mark.parametrize("number", ["+99912345", "+1234", "+80012345678901"])
def test_unparseable_number_is_a_validation_error(client: Any, number: str) -> None:
    with pytest.raises(ClientError) as exc:
        client.carrier_lookup(PhoneNumber=number)
    expect_error(
        exc,
        "ValidationException",
        "CANNOT_PARSE",
        fields={"PhoneNumber": "Not a valid E.164 phone number"},
    )


def test_number_without_plus_fails_the_model_pattern(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.carrier_lookup(PhoneNumber="12065550100")
    expect_error(
        exc,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"PhoneNumber": "Member must satisfy regular expression pattern"},
    )
