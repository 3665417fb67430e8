"""ListAvailablePhoneNumbers and RequestPhoneNumber's NumberPreference through boto3, and the
MessagingLimits and PricingTier of phone numbers, sender IDs and RCS agents."""

from __future__ import annotations

from typing import Any

import botocore.session
import phonenumbers
import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.installed_model import has_member
from tests.registration_data import completed_campaign, new_registration

if (
    "ListAvailablePhoneNumbers"
    not in botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2").operation_names
):
    pytest.skip(
        "the installed botocore model predates ListAvailablePhoneNumbers", allow_module_level=True
    )

SEARCH = {"IsoCountryCode": "US", "NumberCapabilities": ["SMS"], "NumberType": "TEN_DLC"}


@pytest.fixture
def campaign(client: Any) -> str:
    return completed_campaign(client)


def search(client: Any, campaign: str, **kwargs: Any) -> dict[str, Any]:
    response: dict[str, Any] = client.list_available_phone_numbers(
        **{**SEARCH, "RegistrationId": campaign, **kwargs}
    )
    return response


def everything(client: Any, campaign: str, **kwargs: Any) -> list[str]:
    found: list[str] = []
    token: dict[str, str] = {}
    while True:
        page = search(client, campaign, **kwargs, **token)
        found += page["AvailablePhoneNumbers"]
        if "NextToken" not in page:
            return found
        token = {"NextToken": page["NextToken"]}


def preference(kind: str, *values: str) -> list[dict[str, Any]]:
    return [{"PreferenceType": [kind], "Filter": list(values)}]


# -- ListAvailablePhoneNumbers ------------------------------------------------------------------


def test_numbers_are_valid_us_numbers_paged_by_ten(client: Any, campaign: str) -> None:
    first = search(client, campaign)
    assert len(first["AvailablePhoneNumbers"]) == 10
    assert "NextToken" in first
    numbers = everything(client, campaign)
    assert len(numbers) == len(set(numbers)) == 50
    for number in numbers:
        parsed = phonenumbers.parse(number)
        assert phonenumbers.is_valid_number_for_region(parsed, "US")
    small = search(client, campaign, MaxResults=3)["AvailablePhoneNumbers"]
    assert small == numbers[:3]


def test_the_same_search_answers_the_same_numbers_less_those_leased(
    client: Any, campaign: str
) -> None:
    numbers = everything(client, campaign)
    assert everything(client, campaign) == numbers
    leased = client.request_phone_number(
        **SEARCH,
        MessageType="TRANSACTIONAL",
        RegistrationId=campaign,
        NumberPreference=preference("ExactMatch", numbers[0]),
    )
    assert leased["PhoneNumber"] == numbers[0]
    again = everything(client, campaign)
    assert numbers[0] not in again
    assert again[:10] == numbers[1:11]


@pytest.mark.parametrize(
    ("kind", "value", "check"),
    [
        ("StartsWith", "+1510", lambda n: n.startswith("+1510")),
        ("StartsWith", "206", lambda n: n[2:].startswith("206")),
        ("EndsWith", "4242", lambda n: n.endswith("4242")),
        ("Contains", "777", lambda n: "777" in n[2:]),
    ],
)
def test_a_pattern_preference(
    client: Any, campaign: str, kind: str, value: str, check: Any
) -> None:
    numbers = everything(client, campaign, NumberPreference=preference(kind, value))
    assert numbers
    assert all(check(n) for n in numbers)


def test_an_exact_match_preference(client: Any, campaign: str) -> None:
    wanted = ["+12065550199", "+15105551234", "+447700900123"]  # the last is no US number
    numbers = everything(client, campaign, NumberPreference=preference("ExactMatch", *wanted))
    assert numbers == wanted[:2]


def test_an_exact_match_without_the_plus_is_the_same_number(client: Any, campaign: str) -> None:
    numbers = everything(client, campaign, NumberPreference=preference("ExactMatch", "12065550199"))
    assert numbers == ["+12065550199"]


@pytest.mark.parametrize(
    ("kind", "value"),
    [("StartsWith", "2065550199"), ("StartsWith", "+12065550199"), ("EndsWith", "2065550199")],
)
def test_a_pattern_as_long_as_a_number_finds_that_number(
    client: Any, campaign: str, kind: str, value: str
) -> None:
    numbers = everything(client, campaign, NumberPreference=preference(kind, value))
    assert numbers == ["+12065550199"]


def test_contains_finds_the_value_anywhere_in_the_national_number(
    client: Any, campaign: str
) -> None:
    numbers = everything(client, campaign, NumberPreference=preference("Contains", "206"))
    assert len(numbers) == 50
    assert all("206" in n[2:] for n in numbers)
    assert any(n[2:].startswith("206") for n in numbers)  # as the area code
    assert any(n.endswith("206") for n in numbers)
    assert any("206" in n[3:-1] for n in numbers)


def test_numbers_spread_over_every_area_code_leading_digit(client: Any, campaign: str) -> None:
    numbers = everything(client, campaign)
    assert {n[2] for n in numbers} == set("23456789")


def test_the_capabilities_choose_the_numbers_in_any_order(client: Any, campaign: str) -> None:
    voice_and_sms = everything(client, campaign, NumberCapabilities=["SMS", "VOICE"])
    assert everything(client, campaign, NumberCapabilities=["VOICE", "SMS"]) == voice_and_sms
    assert set(voice_and_sms).isdisjoint(everything(client, campaign))


@pytest.mark.parametrize(
    ("kwargs", "first"),
    [
        ({}, ["+12702589741", "+16696218021", "+19733987426"]),
        (
            {"NumberPreference": preference("Contains", "+1206")},
            ["+12068959693", "+12062035967", "+12066737618"],
        ),
    ],
    ids=["any", "contains-+1206"],
)
def test_a_search_answers_the_same_numbers_in_every_run(
    client: Any, campaign: str, kwargs: dict[str, Any], first: list[str]
) -> None:
    # Seeded by the request's parameters alone (not Python's per-process hash), so a number a
    # user's test saw listed once can be written into it. A phonenumbers release that changes
    # which US numbers are valid can change these (docs/phone-numbers.md says so).
    assert search(client, campaign, MaxResults=3, **kwargs)["AvailablePhoneNumbers"] == first


def test_no_match_is_an_empty_list(client: Any, campaign: str) -> None:
    found = search(client, campaign, NumberPreference=preference("StartsWith", "+44"))
    assert found["AvailablePhoneNumbers"] == []
    assert "NextToken" not in found


@pytest.mark.parametrize(
    ("overrides", "reason", "fields", "message"),
    [
        (
            {"IsoCountryCode": "CA"},
            "INVALID_PARAMETER",
            {"IsoCountryCode": "only in US"},
            "supported in US only, not CA",
        ),
        (
            {"NumberCapabilities": ["RCS"]},
            "INVALID_PARAMETER",
            {"NumberCapabilities": "RCS not available"},
            None,
        ),
        ({"RegistrationId": None}, "MISSING_PARAMETER", {"RegistrationId": "Required for"}, None),
        (
            {"NumberPreference": preference("StartsWith", "+1206", "+1425")},
            "INVALID_PARAMETER",
            {"NumberPreference.Filter": "At most 1 value for StartsWith"},
            "A StartsWith preference takes one filter value",
        ),
    ],
)
def test_validation(
    client: Any,
    campaign: str,
    overrides: dict[str, Any],
    reason: str,
    fields: dict[str, str],
    message: str | None,
) -> None:
    params = {**SEARCH, "RegistrationId": campaign, **overrides}
    params = {k: v for k, v in params.items() if v is not None}
    with pytest.raises(ClientError) as caught:
        client.list_available_phone_numbers(**params)
    expect_error(caught, "ValidationException", reason, fields=fields, message=message)


def test_registration_errors(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.list_available_phone_numbers(**SEARCH, RegistrationId="registration-nope")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-nope",
    )
    draft = new_registration(client, "US_TEN_DLC_CAMPAIGN_REGISTRATION")
    with pytest.raises(ClientError) as caught:
        client.list_available_phone_numbers(**SEARCH, RegistrationId=draft)
    expect_error(
        caught,
        "ConflictException",
        "REGISTRATION_NOT_COMPLETE",
        resource_type="registration",
        resource_id=draft,
    )


# -- RequestPhoneNumber's NumberPreference ------------------------------------------------------


def request(client: Any, **kwargs: Any) -> dict[str, Any]:
    response: dict[str, Any] = client.request_phone_number(
        **{**SEARCH, "MessageType": "TRANSACTIONAL", **kwargs}
    )
    return response


def test_request_a_number_that_starts_with(client: Any, campaign: str) -> None:
    # The number leased is the first the same search lists (docs/phone-numbers.md).
    wanted = preference("StartsWith", "+1425")
    [first, *_] = search(client, campaign, NumberPreference=wanted)["AvailablePhoneNumbers"]
    number = request(client, RegistrationId=campaign, NumberPreference=wanted)
    assert number["PhoneNumber"] == first
    assert first.startswith("+1425")
    listed = search(client, campaign, NumberPreference=wanted)
    assert first not in listed["AvailablePhoneNumbers"]


@pytest.mark.parametrize(
    ("overrides", "fields", "message"),
    [
        (
            {
                "NumberType": "TOLL_FREE",
                "RegistrationId": None,
                "NumberPreference": preference("EndsWith", "42"),
            },
            {"NumberPreference": "Applies only to TEN_DLC requests in the US"},
            "Number preferences apply only to TEN_DLC numbers",
        ),
        (
            {
                "IsoCountryCode": "CA",
                "NumberType": "LONG_CODE",
                "RegistrationId": None,
                "NumberPreference": preference("EndsWith", "42"),
            },
            {"NumberPreference": "Supported only in US"},
            "supported in US only, not CA",
        ),
        (
            {"NumberPreference": preference("StartsWith", "+44")},
            {"NumberPreference": "No available phone number matches"},
            "No available phone number matches the NumberPreference",
        ),
        (
            {"NumberPreference": preference("Contains", "12", "34")},
            {"NumberPreference.Filter": "At most 1 value for Contains"},
            "A Contains preference takes one filter value",
        ),
    ],
    ids=["toll-free", "canada", "no-match", "two-values"],
)
def test_request_with_a_preference_refused(
    client: Any, campaign: str, overrides: dict[str, Any], fields: dict[str, str], message: str
) -> None:
    params = {k: v for k, v in {"RegistrationId": campaign, **overrides}.items() if v is not None}
    with pytest.raises(ClientError) as caught:
        request(client, **params)
    expect_error(caught, "ValidationException", "INVALID_PARAMETER", fields=fields, message=message)
    assert client.describe_phone_numbers()["PhoneNumbers"] == []


def test_an_exact_match_already_leased_is_refused(client: Any, campaign: str) -> None:
    taken = request(client, RegistrationId=campaign)["PhoneNumber"]
    with pytest.raises(ClientError) as caught:
        request(client, RegistrationId=campaign, NumberPreference=preference("ExactMatch", taken))
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"NumberPreference": "No available phone number matches"},
    )


# -- MessagingLimits and PricingTier ------------------------------------------------------------


def test_messaging_limits_of_phone_numbers(client: Any, campaign: str) -> None:
    request(client, RegistrationId=campaign, NumberCapabilities=["SMS", "VOICE"])
    request(client, NumberType="TOLL_FREE", NumberCapabilities=["SMS", "MMS"])
    described = {n["NumberType"]: n for n in client.describe_phone_numbers()["PhoneNumbers"]}
    assert described["TEN_DLC"]["MessagingLimits"] == {
        "RateLimits": {"SMS": 1, "VOICE": 1},
        "DailyMessageCaps": {"T-MOBILE": 2000},
    }
    assert described["TOLL_FREE"]["MessagingLimits"] == {"RateLimits": {"SMS": 3, "MMS": 3}}
    if has_member("PhoneNumberInformation", "PricingTier"):
        assert {n["PricingTier"] for n in described.values()} == {"STANDARD"}


def test_messaging_limits_of_sender_ids_and_rcs_agents(client: Any) -> None:
    client.request_sender_id(SenderId="EXAMPLE", IsoCountryCode="ES")
    [described] = client.describe_sender_ids()["SenderIds"]
    assert described["MessagingLimits"] == {"RateLimits": {"SMS": 20}}
    if has_member("SenderIdInformation", "PricingTier"):
        assert described["PricingTier"] == "STANDARD"
    agent = client.create_rcs_agent()
    [info] = client.describe_rcs_agents(RcsAgentIds=[agent["RcsAgentId"]])["RcsAgents"]
    assert info["MessagingLimits"] == {"RateLimits": {"RCS": 20}}
