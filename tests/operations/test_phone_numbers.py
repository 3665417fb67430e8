"""Phone numbers: RequestPhoneNumber, DescribePhoneNumbers, UpdatePhoneNumber, ReleasePhoneNumber,
through boto3."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import boto3
import phonenumbers
import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from smsmock.rules.origination_countries import LONG_CODE_SMS, LONG_CODE_VOICE
from smsmock.state.errors import ResourceNotFoundError
from tests.helpers import expect_error
from tests.installed_model import needs_enum_values, needs_members
from tests.registration_data import completed_campaign, register_toll_free

ACCOUNT = "123456789012"
ARN_PREFIX = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:phone-number/"
SNS_TOPIC = "arn:aws:sns:us-east-1:123456789012:MyTopic"


def request(client: Any, **overrides: Any) -> dict[str, Any]:
    params: dict[str, Any] = {
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "NumberCapabilities": ["SMS"],
        "NumberType": "TOLL_FREE",
    }
    params.update(overrides)
    if params["NumberType"] == "TEN_DLC" and "RegistrationId" not in params:
        # A TEN_DLC number is requested with a completed 10DLC campaign.
        params["RegistrationId"] = completed_campaign(client)
    response: dict[str, Any] = client.request_phone_number(**params)
    return response


# -- RequestPhoneNumber ------------------------------------------------------------------------


def test_request_answers_like_the_user_guide(client: Any) -> None:
    with freeze_time("2026-02-22 22:22:22"):
        number = request(client, IsoCountryCode="CA", NumberType="LONG_CODE")
    assert re.fullmatch(r"phone-[0-9a-f]{32}", number["PhoneNumberId"])
    assert number["PhoneNumberArn"] == ARN_PREFIX + number["PhoneNumberId"]
    assert number["Status"] == "PENDING"
    assert number["IsoCountryCode"] == "CA"
    assert number["MessageType"] == "TRANSACTIONAL"
    assert number["NumberCapabilities"] == ["SMS"]
    assert number["NumberType"] == "LONG_CODE"
    assert number["MonthlyLeasingPrice"] == "1.00"
    assert number["TwoWayEnabled"] is False
    assert number["SelfManagedOptOutsEnabled"] is False
    assert number["OptOutListName"] == "Default"
    assert number["DeletionProtectionEnabled"] is False
    assert "PoolId" not in number
    assert number["CreatedTimestamp"] == datetime(2026, 2, 22, 22, 22, 22, tzinfo=timezone.utc)
    parsed = phonenumbers.parse(number["PhoneNumber"])
    assert phonenumbers.region_code_for_number(parsed) == "CA"
    assert phonenumbers.is_valid_number(parsed)


@pytest.mark.parametrize(
    ("country", "number_type", "capabilities", "kinds"),
    [
        ("US", "TOLL_FREE", ["SMS", "VOICE"], {phonenumbers.PhoneNumberType.TOLL_FREE}),
        ("US", "TOLL_FREE", ["MMS"], {phonenumbers.PhoneNumberType.TOLL_FREE}),
        ("US", "TEN_DLC", ["SMS", "MMS"], {phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}),
        ("US", "LONG_CODE", ["VOICE"], {phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}),
        ("US", "SIMULATOR", ["SMS"], {phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}),
        ("GB", "LONG_CODE", ["SMS"], {phonenumbers.PhoneNumberType.MOBILE}),
        ("DE", "LONG_CODE", ["SMS"], {phonenumbers.PhoneNumberType.MOBILE}),
        ("AU", "LONG_CODE", ["SMS"], {phonenumbers.PhoneNumberType.MOBILE}),
        ("GB", "LONG_CODE", ["SMS", "VOICE"], {phonenumbers.PhoneNumberType.MOBILE}),
        ("BR", "LONG_CODE", ["VOICE"], {phonenumbers.PhoneNumberType.FIXED_LINE}),
    ],
)
def test_the_number_is_valid_for_its_country_and_type(
    client: Any, country: str, number_type: str, capabilities: list[str], kinds: set[int]
) -> None:
    number = request(
        client, IsoCountryCode=country, NumberType=number_type, NumberCapabilities=capabilities
    )
    parsed = phonenumbers.parse(number["PhoneNumber"])
    assert phonenumbers.is_valid_number_for_region(parsed, country)
    assert phonenumbers.number_type(parsed) in kinds
    assert number["NumberCapabilities"] == capabilities
    assert re.fullmatch(r"\d+\.\d{2}", number["MonthlyLeasingPrice"])


@pytest.mark.parametrize(
    ("country", "number_type", "capabilities", "message_type", "reason", "fields"),
    [
        # US long codes can't send A2P text (10DLC, toll-free or short codes instead).
        (
            "US",
            "LONG_CODE",
            ["SMS"],
            "TRANSACTIONAL",
            "INVALID_PARAMETER",
            {"NumberCapabilities": "SMS not available"},
        ),
        (
            "GB",
            "TOLL_FREE",
            ["SMS"],
            "TRANSACTIONAL",
            "INVALID_PARAMETER",
            {"NumberType": "TOLL_FREE is not available in GB"},
        ),
        (
            "CA",
            "TEN_DLC",
            ["SMS"],
            "TRANSACTIONAL",
            "INVALID_PARAMETER",
            {"NumberType": "TEN_DLC is not available in CA"},
        ),
        (
            "FR",
            "LONG_CODE",
            ["SMS"],
            "TRANSACTIONAL",
            "INVALID_PARAMETER",
            {"NumberType": "LONG_CODE is not available in FR"},
        ),
        (
            "AU",
            "LONG_CODE",
            ["VOICE"],
            "TRANSACTIONAL",
            "VOICE_CAPABILITY_NOT_AVAILABLE",
            {"NumberCapabilities": "VOICE is not available"},
        ),
        (
            "GB",
            "SIMULATOR",
            ["SMS"],
            "TRANSACTIONAL",
            "INVALID_PARAMETER",
            {"NumberType": "SIMULATOR is not available in GB"},
        ),
        (
            "US",
            "SIMULATOR",
            ["SMS"],
            "PROMOTIONAL",
            "INVALID_PARAMETER",
            {"MessageType": "Must be TRANSACTIONAL"},
        ),
        pytest.param(
            *(
                "US",
                "TOLL_FREE",
                ["RCS"],
                "TRANSACTIONAL",
                "INVALID_PARAMETER",
                {"NumberCapabilities": "RCS not available"},
            ),
            marks=needs_enum_values("NumberCapability", "RCS"),
        ),
        (
            "GB",
            "LONG_CODE",
            ["MMS"],
            "TRANSACTIONAL",
            "INVALID_PARAMETER",
            {"NumberCapabilities": "MMS not available"},
        ),
        (
            "ZZ",
            "LONG_CODE",
            ["SMS"],
            "TRANSACTIONAL",
            "INVALID_PARAMETER",
            {"NumberType": "LONG_CODE is not available in ZZ"},
        ),
    ],
)
def test_what_the_country_does_not_offer_is_refused(
    client: Any,
    country: str,
    number_type: str,
    capabilities: list[str],
    message_type: str,
    reason: str,
    fields: dict[str, str],
) -> None:
    with pytest.raises(ClientError) as caught:
        request(
            client,
            IsoCountryCode=country,
            NumberType=number_type,
            NumberCapabilities=capabilities,
            MessageType=message_type,
        )
    expect_error(caught, "ValidationException", reason, fields=fields)
    assert client.describe_phone_numbers()["PhoneNumbers"] == []


def test_a_simulator_number_can_have_sms_and_voice(client: Any) -> None:
    # The Terraform provider's PhoneNumber_full and Pool_TwoWayChannelConnect acceptance tests
    # request exactly this from AWS and read both capabilities back.
    number = request(client, NumberType="SIMULATOR", NumberCapabilities=["SMS", "VOICE"])
    assert number["NumberCapabilities"] == ["SMS", "VOICE"]
    described = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    assert described["PhoneNumbers"][0]["NumberCapabilities"] == ["SMS", "VOICE"]


@needs_members("RequestPhoneNumberRequest", "InternationalSendingEnabled")
def test_simulator_numbers_cannot_send_internationally(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        request(client, NumberType="SIMULATOR", InternationalSendingEnabled=True)
    expect_error(
        caught,
        "ValidationException",
        "INTERNATIONAL_SENDING_NOT_SUPPORTED",
        fields={"InternationalSendingEnabled": "Not supported for SIMULATOR phone numbers"},
    )


def test_numbers_are_unique_in_the_region_across_accounts(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="111122223333",
        aws_secret_access_key="x",
    )
    numbers = [request(c, NumberType="TEN_DLC")["PhoneNumber"] for c in (client, other) * 25]
    assert len(set(numbers)) == 50
    assert len(sms_voice.backends()) == 2


def test_the_next_read_shows_active(client: Any) -> None:
    number = request(client, IsoCountryCode="GB", NumberType="LONG_CODE")
    described = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    assert described["PhoneNumbers"][0]["Status"] == "ACTIVE"


def status_of(client: Any, phone_number_id: str) -> str:
    [found] = client.describe_phone_numbers(PhoneNumberIds=[phone_number_id])["PhoneNumbers"]
    return str(found["Status"])


def test_a_us_toll_free_number_is_pending_until_its_registration_is_approved(
    client: Any,
) -> None:
    # "Your toll-free number registration must be completed and verified before you can use it
    # to send SMS messages"; meanwhile the live service shows PENDING (Terraform AWS provider
    # issue #43295 and pull request #49485: TOLL_FREE numbers "can remain PENDING for days to
    # weeks"; cabalmail/cabal-infra's submit-tfv-registration.py: "sits in Pending forever until
    # a US_TOLL_FREE_REGISTRATION is created, populated, associated with the number, and
    # submitted").
    number = request(client)
    assert status_of(client, number["PhoneNumberId"]) == "PENDING"
    with pytest.raises(ClientError) as caught:
        client.send_text_message(
            DestinationPhoneNumber="+12065550100",
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hello",
        )
    expect_error(  # smsmock's reading of what AWS answers: see docs/phone-numbers.md
        caught,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
    )

    registration = register_toll_free(client, number["PhoneNumberId"])

    assert status_of(client, number["PhoneNumberId"]) == "ACTIVE"
    [described] = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])[
        "PhoneNumbers"
    ]
    assert described["RegistrationId"] == registration
    assert client.send_text_message(
        DestinationPhoneNumber="+12065550100",
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hello",
    )["MessageId"]


def test_a_toll_free_number_waits_while_its_registration_is_reviewed(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_lifecycle("registration", "manual")
    number = request(client)
    registration = register_toll_free(client, number["PhoneNumberId"])
    assert status_of(client, number["PhoneNumberId"]) == "PENDING"

    sms_voice.advance("registration", registration, to="COMPLETE")

    assert status_of(client, number["PhoneNumberId"]) == "ACTIVE"


def test_the_handle_registers_a_number_in_one_line(client: Any, sms_voice: SmsVoiceMock) -> None:
    number = request(client)

    record = sms_voice.register_phone_number(number["PhoneNumber"])

    assert record.phone_number_id == number["PhoneNumberId"]
    assert status_of(client, number["PhoneNumberId"]) == "ACTIVE"
    with pytest.raises(ValueError, match="waits for no registration"):
        sms_voice.register_phone_number(number["PhoneNumberId"])
    with pytest.raises(ResourceNotFoundError, match="searched us-east-1"):
        sms_voice.register_phone_number("phone-none")


def _activates_at_11_01(client: Any, clock: Any, phone_number_id: str) -> None:
    """Released at 11:00:00 with a minute to activate: PENDING a second before 11:01:00, then
    ACTIVE."""
    clock.move_to("2026-03-01 11:00:59")
    assert status_of(client, phone_number_id) == "PENDING"
    clock.move_to("2026-03-01 11:01:00")
    assert status_of(client, phone_number_id) == "ACTIVE"


def test_an_approved_toll_free_number_counts_its_activation_from_the_approval(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # With numbers taking a minute to activate, a number whose registration was approved an hour
    # after it was requested is still PENDING 59 seconds after the approval: the hour it waited
    # does not count.
    sms_voice.set_lifecycle("phone-number", "after", 60)
    sms_voice.set_lifecycle("registration", "manual")
    with freeze_time("2026-03-01 10:00:00") as clock:
        number = request(client)
        registration = register_toll_free(client, number["PhoneNumberId"])
        clock.move_to("2026-03-01 11:00:00")
        sms_voice.advance("registration", registration, to="COMPLETE")
        _activates_at_11_01(client, clock, number["PhoneNumberId"])


def test_a_number_registered_by_the_handle_counts_its_activation_from_then(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_lifecycle("phone-number", "after", 60)
    with freeze_time("2026-03-01 10:00:00") as clock:
        number = request(client)
        clock.move_to("2026-03-01 11:00:00")
        sms_voice.register_phone_number(number["PhoneNumberId"])
        _activates_at_11_01(client, clock, number["PhoneNumberId"])


def test_an_approval_does_not_restart_a_number_already_released(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # Released by the handle at 11:00:00, the number activates at 11:01:00 even though its
    # registration is approved half a minute later.
    sms_voice.set_lifecycle("phone-number", "after", 60)
    sms_voice.set_lifecycle("registration", "manual")
    with freeze_time("2026-03-01 10:00:00") as clock:
        number = request(client)
        registration = register_toll_free(client, number["PhoneNumberId"])
        clock.move_to("2026-03-01 11:00:00")
        sms_voice.register_phone_number(number["PhoneNumberId"])
        clock.move_to("2026-03-01 11:00:30")
        sms_voice.advance("registration", registration, to="COMPLETE")
        clock.move_to("2026-03-01 11:01:00")
        assert status_of(client, number["PhoneNumberId"]) == "ACTIVE"


def test_manual_lifecycle_keeps_pending_until_advanced(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_lifecycle("phone-number", "manual")
    number = request(client)
    ids = [number["PhoneNumberId"]]
    assert client.describe_phone_numbers(PhoneNumberIds=ids)["PhoneNumbers"][0]["Status"] == (
        "PENDING"
    )
    sms_voice.advance("phone-number", number["PhoneNumberId"])
    assert client.describe_phone_numbers(PhoneNumberIds=ids)["PhoneNumbers"][0]["Status"] == (
        "ACTIVE"
    )


def test_opt_out_list_by_name_or_arn(client: Any) -> None:
    created = client.create_opt_out_list(OptOutListName="Marketing")
    by_name = request(client, OptOutListName="Marketing")
    by_arn = request(client, OptOutListName=created["OptOutListArn"])
    assert by_name["OptOutListName"] == by_arn["OptOutListName"] == "Marketing"


@pytest.mark.parametrize(
    ("member", "value", "resource_type"),
    [
        ("OptOutListName", "NoSuchList", "opt-out-list"),
        ("PoolId", "pool-00000000000000000000000000000000", "pool"),
    ],
)
def test_unknown_references_are_not_found(
    client: Any, member: str, value: str, resource_type: str
) -> None:
    with pytest.raises(ClientError) as caught:
        request(client, **{member: value})
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type=resource_type,
        resource_id=value,
    )
    assert client.describe_phone_numbers()["PhoneNumbers"] == []


@pytest.mark.parametrize("by", ["PoolId", "PoolArn"])
def test_a_number_requested_with_a_pool_joins_it(client: Any, by: str) -> None:
    first = request(client)
    pool = client.create_pool(
        OriginationIdentity=first["PhoneNumberId"], IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )
    number = request(client, PoolId=pool[by])
    assert number["PoolId"] == pool["PoolId"]
    members = client.list_pool_origination_identities(PoolId=pool["PoolId"])
    assert [m["OriginationIdentity"] for m in members["OriginationIdentities"]] == [
        first["PhoneNumberId"],
        number["PhoneNumberId"],
    ]


def test_a_number_must_match_the_pool_message_type(client: Any) -> None:
    first = request(client)
    pool = client.create_pool(
        OriginationIdentity=first["PhoneNumberId"], IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )
    with pytest.raises(ClientError) as caught:
        request(client, PoolId=pool["PoolId"], MessageType="PROMOTIONAL")
    expect_error(
        caught,
        "ConflictException",
        "MESSAGE_TYPE_MISMATCH",
        resource_type="phone-number",
        resource_id=re.compile(r"phone-[0-9a-f]{32}"),  # the number it would have been
        message="does not match the pool's message type TRANSACTIONAL",
    )
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


def test_tags_given_at_request_are_listed(client: Any) -> None:
    number = request(client, Tags=[{"Key": "team", "Value": "growth"}])
    assert number["Tags"] == [{"Key": "team", "Value": "growth"}]
    tags = client.list_tags_for_resource(ResourceArn=number["PhoneNumberArn"])["Tags"]
    assert tags == [{"Key": "team", "Value": "growth"}]


def test_the_account_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("PHONE_NUMBERS_PER_ACCOUNT", 2)
    request(client)
    request(client)
    with pytest.raises(ClientError) as caught:
        request(client)
    expect_error(caught, "ServiceQuotaExceededException", "PHONE_NUMBERS_PER_ACCOUNT")


def test_a_repeated_client_token_returns_the_first_number(client: Any) -> None:
    first = request(client, ClientToken="token-1")
    again = request(client, ClientToken="token-1")
    assert again["PhoneNumberId"] == first["PhoneNumberId"]
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


def test_an_unknown_registration_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        request(client, NumberType="TEN_DLC", RegistrationId="registration-nope")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-nope",
    )


# -- DescribePhoneNumbers ----------------------------------------------------------------------


def test_describe_by_id_or_arn(client: Any) -> None:
    a, b = request(client), request(client)
    described = client.describe_phone_numbers(
        PhoneNumberIds=[a["PhoneNumberId"], b["PhoneNumberArn"]]
    )["PhoneNumbers"]
    assert [n["PhoneNumberId"] for n in described] == [a["PhoneNumberId"], b["PhoneNumberId"]]


def test_describe_an_unknown_id(client: Any) -> None:
    request(client)
    with pytest.raises(ClientError) as caught:
        client.describe_phone_numbers(PhoneNumberIds=["phone-" + "0" * 32])
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="phone-number",
        resource_id="phone-" + "0" * 32,
    )


@needs_members("DescribePhoneNumbersRequest", "Owner")
def test_owner_and_ids_cannot_be_combined(client: Any) -> None:
    number = request(client)
    with pytest.raises(ClientError) as caught:
        client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]], Owner="SELF")
    expect_error(
        caught,
        "ValidationException",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        fields={
            "Owner": "Cannot be used with PhoneNumberIds",
            "PhoneNumberIds": "Cannot be used with Owner",
        },
    )


@needs_members("DescribePhoneNumbersRequest", "Owner")
def test_owner(client: Any) -> None:
    request(client)
    assert len(client.describe_phone_numbers(Owner="SELF")["PhoneNumbers"]) == 1
    assert client.describe_phone_numbers(Owner="SHARED")["PhoneNumbers"] == []


@pytest.fixture
def three_numbers(client: Any, sms_voice: SmsVoiceMock) -> list[dict[str, Any]]:
    """A US toll-free SMS number, a GB long code with SMS and voice (promotional, deletion
    protected, on the Marketing list) and a US 10DLC number with two-way."""
    client.create_opt_out_list(OptOutListName="Marketing")
    toll_free = request(client)
    sms_voice.register_phone_number(toll_free["PhoneNumberId"])
    long_code = request(
        client,
        IsoCountryCode="GB",
        NumberType="LONG_CODE",
        NumberCapabilities=["SMS", "VOICE"],
        MessageType="PROMOTIONAL",
        DeletionProtectionEnabled=True,
        OptOutListName="Marketing",
    )
    ten_dlc = request(client, NumberType="TEN_DLC")
    client.update_phone_number(
        PhoneNumberId=ten_dlc["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=SNS_TOPIC,
        SelfManagedOptOutsEnabled=True,
    )
    return [toll_free, long_code, ten_dlc]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ([{"Name": "status", "Values": ["ACTIVE"]}], [0, 1, 2]),
        ([{"Name": "status", "Values": ["PENDING"]}], []),
        ([{"Name": "iso-country-code", "Values": ["GB"]}], [1]),
        ([{"Name": "message-type", "Values": ["PROMOTIONAL"]}], [1]),
        ([{"Name": "number-capability", "Values": ["VOICE"]}], [1]),
        ([{"Name": "number-capability", "Values": ["VOICE", "SMS"]}], [0, 1, 2]),
        ([{"Name": "number-type", "Values": ["TOLL_FREE", "TEN_DLC"]}], [0, 2]),
        ([{"Name": "two-way-enabled", "Values": ["true"]}], [2]),
        ([{"Name": "self-managed-opt-outs-enabled", "Values": ["false"]}], [0, 1]),
        ([{"Name": "opt-out-list-name", "Values": ["Marketing"]}], [1]),
        ([{"Name": "deletion-protection-enabled", "Values": ["true"]}], [1]),
        ([{"Name": "two-way-channel-arn", "Values": [SNS_TOPIC]}], [2]),
        (
            [
                {"Name": "iso-country-code", "Values": ["US"]},
                {"Name": "number-capability", "Values": ["SMS"]},
                {"Name": "two-way-enabled", "Values": ["false"]},
            ],
            [0],
        ),
    ],
)
def test_filters(
    client: Any,
    three_numbers: list[dict[str, Any]],
    filters: list[dict[str, Any]],
    expected: list[int],
) -> None:
    found = client.describe_phone_numbers(Filters=filters)["PhoneNumbers"]
    assert [n["PhoneNumberId"] for n in found] == [
        three_numbers[i]["PhoneNumberId"] for i in expected
    ]


def test_filters_apply_to_ids_too(client: Any, three_numbers: list[dict[str, Any]]) -> None:
    found = client.describe_phone_numbers(
        PhoneNumberIds=[n["PhoneNumberId"] for n in three_numbers],
        Filters=[{"Name": "iso-country-code", "Values": ["US"]}],
    )["PhoneNumbers"]
    assert len(found) == 2


def test_a_boolean_filter_takes_true_or_false(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_phone_numbers(Filters=[{"Name": "two-way-enabled", "Values": ["yes"]}])
    expect_error(
        caught,
        "ValidationException",
        "INVALID_FILTER_VALUES",
        fields={"Filters[0].Values": "Values must be true or false"},
    )


def test_paging_returns_every_number_once(client: Any) -> None:
    ids = [request(client, NumberType="TEN_DLC")["PhoneNumberId"] for _ in range(7)]
    first = client.describe_phone_numbers(MaxResults=3)
    assert len(first["PhoneNumbers"]) == 3 and "NextToken" in first
    pages = client.get_paginator("describe_phone_numbers").paginate(
        PaginationConfig={"PageSize": 3}
    )
    assert [n["PhoneNumberId"] for page in pages for n in page["PhoneNumbers"]] == ids


def test_a_token_we_did_not_issue(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_phone_numbers(NextToken="not-a-token")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_NEXT_TOKEN",
        fields={"NextToken": "Invalid next token"},
    )


# -- UpdatePhoneNumber -------------------------------------------------------------------------


def test_update_the_settings(client: Any) -> None:
    created = client.create_opt_out_list(OptOutListName="Marketing")
    number = request(client, NumberType="TEN_DLC")
    updated = client.update_phone_number(
        PhoneNumberId=number["PhoneNumberArn"],
        DeletionProtectionEnabled=True,
        OptOutListName=created["OptOutListArn"],
        SelfManagedOptOutsEnabled=True,
        TwoWayEnabled=True,
        TwoWayChannelArn=SNS_TOPIC,
        TwoWayChannelRole="arn:aws:iam::123456789012:role/SmsInbound",
    )
    assert updated["PhoneNumberId"] == number["PhoneNumberId"]
    assert updated["Status"] == "ACTIVE"
    assert updated["DeletionProtectionEnabled"] is True
    assert updated["OptOutListName"] == "Marketing"
    assert updated["SelfManagedOptOutsEnabled"] is True
    assert updated["TwoWayEnabled"] is True
    assert updated["TwoWayChannelArn"] == SNS_TOPIC
    assert updated["TwoWayChannelRole"] == "arn:aws:iam::123456789012:role/SmsInbound"
    described = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    assert described["PhoneNumbers"][0]["OptOutListName"] == "Marketing"


def test_two_way_needs_a_channel(client: Any, sms_voice: SmsVoiceMock) -> None:
    number = request(client)
    sms_voice.register_phone_number(number["PhoneNumberId"])
    with pytest.raises(ClientError) as caught:
        client.update_phone_number(PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=True)
    expect_error(
        caught,
        "ValidationException",
        "TWO_WAY_CHANNEL_NOT_PRESENT",
        fields={"TwoWayChannelArn": "Required when TwoWayEnabled is true"},
    )


def test_two_way_only_where_the_country_supports_it(client: Any) -> None:
    # The Cayman Islands lease voice long codes, but have no two-way SMS.
    number = request(
        client, IsoCountryCode="KY", NumberType="LONG_CODE", NumberCapabilities=["VOICE"]
    )
    with pytest.raises(ClientError) as caught:
        client.update_phone_number(
            PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=SNS_TOPIC
        )
    expect_error(
        caught,
        "ValidationException",
        "TWO_WAY_NOT_SUPPORTED_IN_COUNTRY",
        fields={"TwoWayEnabled": "Two-way messaging is not supported in this country"},
    )


@pytest.mark.parametrize(
    ("member", "value", "resource_type"),
    [
        ("PhoneNumberId", "phone-" + "1" * 32, "phone-number"),
        ("OptOutListName", "Nope", "opt-out-list"),
    ],
)
def test_update_unknown_references(
    client: Any, sms_voice: SmsVoiceMock, member: str, value: str, resource_type: str
) -> None:
    number = request(client)
    sms_voice.register_phone_number(number["PhoneNumberId"])
    params = {"PhoneNumberId": number["PhoneNumberId"], member: value}
    with pytest.raises(ClientError) as caught:
        client.update_phone_number(**params)
    expect_error(
        caught, "ResourceNotFoundException", resource_type=resource_type, resource_id=value
    )


def test_a_pending_number_cannot_be_updated(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("phone-number", "manual")
    number = request(client)
    with pytest.raises(ClientError) as caught:
        client.update_phone_number(
            PhoneNumberId=number["PhoneNumberId"], DeletionProtectionEnabled=True
        )
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
        message="PENDING",
    )


# -- ReleasePhoneNumber ------------------------------------------------------------------------


def test_release_answers_deleted_and_the_number_is_gone(client: Any) -> None:
    number = request(client)
    released = client.release_phone_number(PhoneNumberId=number["PhoneNumberArn"])
    assert released["Status"] == "DELETED"
    assert released["PhoneNumber"] == number["PhoneNumber"]
    assert client.describe_phone_numbers()["PhoneNumbers"] == []
    with pytest.raises(ClientError) as caught:
        client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
    )


def test_deletion_protection_until_updated_off(client: Any, sms_voice: SmsVoiceMock) -> None:
    number = request(client, DeletionProtectionEnabled=True)
    sms_voice.register_phone_number(number["PhoneNumberId"])
    with pytest.raises(ClientError) as caught:
        client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    expect_error(
        caught,
        "ConflictException",
        "DELETION_PROTECTION_ENABLED",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
    )
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], DeletionProtectionEnabled=False
    )
    assert client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])["Status"] == "DELETED"


@pytest.mark.parametrize(
    ("operation", "settings"),
    [("update_phone_number", {"TwoWayEnabled": False}), ("release_phone_number", {})],
)
def test_a_number_in_a_pool_cannot_be_updated_or_released(
    client: Any, operation: str, settings: dict[str, Any]
) -> None:
    number = request(client)
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(PhoneNumberId=number["PhoneNumberId"], **settings)
    expect_error(
        caught,
        "ConflictException",
        "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
        message=pool["PoolId"],
    )


@pytest.mark.parametrize(
    ("country", "capability"),
    sorted({(c, "SMS") for c in LONG_CODE_SMS} | {(c, "VOICE") for c in LONG_CODE_VOICE}),
)
def test_every_long_code_country_of_the_table_gives_a_valid_number(
    client: Any, country: str, capability: str
) -> None:
    number = request(
        client, IsoCountryCode=country, NumberType="LONG_CODE", NumberCapabilities=[capability]
    )
    assert phonenumbers.is_valid_number_for_region(
        phonenumbers.parse(number["PhoneNumber"]), country
    )
