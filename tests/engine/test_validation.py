"""Server-side validation against the installed model: every kind of constraint, with the
``Reason`` and the ``Fields`` a caller branches on. The client's own checks are off, as they
are for a caller with ``parameter_validation=False`` or a client that is not botocore."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.engine import wire
from smsmock.state.world import WORLD
from tests.helpers import expect_error
from tests.installed_model import needs_enum_values, needs_operations

GOOD_NUMBER: dict[str, Any] = {
    "IsoCountryCode": "US",
    "MessageType": "TRANSACTIONAL",
    "NumberCapabilities": ["SMS"],
    "NumberType": "TOLL_FREE",
}


@pytest.fixture
def raw_client(sms_voice: SmsVoiceMock) -> Any:
    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        config=Config(parameter_validation=False),
    )


def refusal(call: Any, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as caught:
        call(**params)
    response: dict[str, Any] = caught.value.response
    assert response["Error"]["Code"] == "ValidationException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    return response


def expect_invalid(
    answer: dict[str, Any], reason: str, message: str, fields: list[tuple[str, str]]
) -> None:
    """``expect_error`` of a ``ValidationException`` (a raw JSON body or botocore's response)
    whose ``Fields`` are ``fields``, in order (a member breaking two constraints is named
    twice)."""
    response = dict(answer)
    if "__type" in response:
        response["Error"] = {"Code": response["__type"], "Message": response["Message"]}
    expect_error(response, "ValidationException", reason, message=message, fields=fields)


def raw_call(operation: str, params: dict[str, Any]) -> dict[str, Any]:
    """What the service answers to a JSON body no botocore serializer would write."""
    body = json.dumps(params).encode()
    request = wire.Request(
        "POST",
        "https://sms-voice.us-east-1.amazonaws.com/",
        {"X-Amz-Target": f"PinpointSMSVoiceV2.{operation}"},
        body,
    )
    answer: dict[str, Any] = json.loads(wire.handle(request, WORLD).body)
    assert answer["__type"] == "ValidationException"
    return answer


@pytest.mark.parametrize(
    "change,reason,field,rule",
    [
        ({"IsoCountryCode": None}, "MISSING_PARAMETER", "IsoCountryCode", "must not be null"),
        (
            {"IsoCountryCode": "U"},
            "FIELD_VALIDATION_FAILED",
            "IsoCountryCode",
            ("length greater than or equal to 2", "regular expression pattern: [A-Z]{2}"),
        ),
        (
            {"IsoCountryCode": "us"},
            "FIELD_VALIDATION_FAILED",
            "IsoCountryCode",
            "regular expression pattern: [A-Z]{2}",
        ),
        (
            {"MessageType": "URGENT"},
            "FIELD_VALIDATION_FAILED",
            "MessageType",
            "enum value set: [TRANSACTIONAL, PROMOTIONAL]",
        ),
        (
            {"NumberCapabilities": []},
            "FIELD_VALIDATION_FAILED",
            "NumberCapabilities",
            "length greater than or equal to 1",
        ),
        pytest.param(
            {"NumberCapabilities": ["SMS", "VOICE", "MMS", "RCS", "SMS"]},
            "FIELD_VALIDATION_FAILED",
            "NumberCapabilities",
            "length less than or equal to 4",
            marks=needs_enum_values("NumberCapability", "RCS"),
        ),
        (
            {"NumberCapabilities": ["FAX"]},
            "FIELD_VALIDATION_FAILED",
            "NumberCapabilities[0]",
            "enum value set",
        ),
        (
            {"Tags": [{"Key": "k" * 129, "Value": "v"}]},
            "FIELD_VALIDATION_FAILED",
            "Tags[0].Key",
            "length less than or equal to 128",
        ),
        ({"Tags": [{"Key": "k"}]}, "MISSING_PARAMETER", "Tags[0].Value", "must not be null"),
        (
            {"ClientToken": "has space"},
            "FIELD_VALIDATION_FAILED",
            "ClientToken",
            "regular expression pattern",
        ),
        (
            {"DeletionProtectionEnabled": "yes"},
            "INVALID_PARAMETER",
            "DeletionProtectionEnabled",
            "must be a boolean",
        ),
    ],
)
def test_request_phone_number_constraints(
    raw_client: Any, change: dict[str, Any], reason: str, field: str, rule: str | tuple[str, ...]
) -> None:
    params = {**GOOD_NUMBER, **change}
    params = {k: v for k, v in params.items() if v is not None}
    response = refusal(raw_client.request_phone_number, **params)
    rules = (rule,) if isinstance(rule, str) else rule
    expect_invalid(response, reason, field, [(field, each) for each in rules])


def test_pattern_must_match_the_whole_value(raw_client: Any) -> None:
    # "[A-Za-z0-9_-]+" matches a prefix of "bad name!" but not all of it.
    response = refusal(raw_client.create_opt_out_list, OptOutListName="bad name!")
    expect_invalid(
        response,
        "FIELD_VALIDATION_FAILED",
        "'bad name!'",
        [("OptOutListName", "regular expression pattern")],
    )


@pytest.mark.parametrize(
    "value,reason,rule",
    [
        (0, "FIELD_VALIDATION_FAILED", "greater than or equal to 1"),
        (101, "FIELD_VALIDATION_FAILED", "less than or equal to 100"),
        ("5", "INVALID_PARAMETER", "must be an integer"),
    ],
)
def test_numeric_range_and_type(raw_client: Any, value: Any, reason: str, rule: str) -> None:
    response = refusal(raw_client.describe_phone_numbers, MaxResults=value)
    expect_invalid(response, reason, f"'{value}'", [("MaxResults", rule)])


def test_map_size_and_key_enum(raw_client: Any) -> None:
    context = {f"k{i}": "v" for i in range(6)}
    response = refusal(
        raw_client.send_text_message,
        DestinationPhoneNumber="+12065550100",
        Context=context,
        DestinationCountryParameters={"NOT_A_KEY": "x"},
    )
    expect_invalid(
        response,
        "FIELD_VALIDATION_FAILED",
        "'NOT_A_KEY'",
        [
            ("Context", "less than or equal to 5"),
            ("DestinationCountryParameters.key", "enum value set"),
        ],
    )


def test_every_failure_is_reported_at_once(raw_client: Any) -> None:
    response = refusal(
        raw_client.request_phone_number,
        IsoCountryCode="usa",
        MessageType="X",
        NumberCapabilities=["SMS"],
    )
    expect_invalid(
        response,
        "MISSING_PARAMETER",
        "'usa'",
        [
            ("NumberType", "must not be null"),
            ("IsoCountryCode", "length less than or equal to 2"),
            ("IsoCountryCode", "regular expression pattern"),
            ("MessageType", "enum value set"),
        ],
    )
    assert response["Error"]["Message"].startswith("4 validation errors detected: ")


def test_list_items_are_checked(raw_client: Any) -> None:
    response = refusal(raw_client.describe_phone_numbers, PhoneNumberIds=["ok", "", "bad id!"])
    expect_invalid(
        response,
        "FIELD_VALIDATION_FAILED",
        "'bad id!'",
        [
            ("PhoneNumberIds[1]", "length greater than or equal to 1"),
            ("PhoneNumberIds[1]", "regular expression pattern"),
            ("PhoneNumberIds[2]", "regular expression pattern"),
        ],
    )


def test_unknown_member(sms_voice: SmsVoiceMock) -> None:
    answer = raw_call("RequestPhoneNumber", {**GOOD_NUMBER, "Colour": "blue"})
    expect_invalid(answer, "INVALID_PARAMETER", "'blue'", [("Colour", "not a known parameter")])


def test_blob_must_be_base64(sms_voice: SmsVoiceMock) -> None:
    answer = raw_call("CreateRegistrationAttachment", {"AttachmentBody": "***not base64***"})
    expect_invalid(answer, "INVALID_PARAMETER", "AttachmentBody", [("AttachmentBody", "base64")])


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_timestamp_must_be_a_number(sms_voice: SmsVoiceMock) -> None:
    answer = raw_call(
        "PutProtectConfigurationRuleSetNumberOverride",
        {
            "ProtectConfigurationId": "protect-0",
            "DestinationPhoneNumber": "+12065550100",
            "Action": "ALLOW",
            "ExpirationTimestamp": "tomorrow",
        },
    )
    expect_invalid(
        answer, "INVALID_PARAMETER", "'tomorrow'", [("ExpirationTimestamp", "timestamp")]
    )


def test_structure_where_a_list_is_expected(sms_voice: SmsVoiceMock) -> None:
    answer = raw_call("DescribePhoneNumbers", {"Filters": {"Name": "status"}})
    expect_invalid(answer, "INVALID_PARAMETER", "'Filters'", [("Filters", "must be a list")])
