"""Verified destination numbers and the sandbox, through boto3."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from tests.helpers import expect_error, refused, toll_free_number
from tests.installed_model import has_member

DEST = "+12065550100"


@pytest.fixture
def us_number(client: Any) -> dict[str, Any]:
    return toll_free_number(client, ("SMS", "VOICE"))


def code_sent(sms_voice: Any) -> str:
    """The code in the last verification message, read as a test reads it."""
    match = re.search(r"\d{6}", sms_voice.sent_messages[-1].message_body)
    assert match is not None
    return match.group()


def test_create_describe_delete(client: Any) -> None:
    with freeze_time("2026-03-01 12:00:00") as clock:
        created = client.create_verified_destination_number(
            DestinationPhoneNumber=DEST, Tags=[{"Key": "k", "Value": "v"}]
        )
        assert created["Status"] == "PENDING"
        assert created["DestinationPhoneNumber"] == DEST
        assert created["VerifiedDestinationNumberId"].startswith("verifieddestination-")
        assert created["VerifiedDestinationNumberArn"].endswith(
            f"verified-destination-number/{created['VerifiedDestinationNumberId']}"
        )
        assert created["Tags"] == [{"Key": "k", "Value": "v"}]
        other = client.create_verified_destination_number(DestinationPhoneNumber="+12065550101")

        def ids(**kwargs: Any) -> list[str]:
            found = client.describe_verified_destination_numbers(**kwargs)
            return [n["VerifiedDestinationNumberId"] for n in found["VerifiedDestinationNumbers"]]

        assert ids() == [
            created["VerifiedDestinationNumberId"],
            other["VerifiedDestinationNumberId"],
        ]
        assert ids(DestinationPhoneNumbers=["+12065550101"]) == [
            other["VerifiedDestinationNumberId"]
        ]
        assert ids(VerifiedDestinationNumberIds=[created["VerifiedDestinationNumberId"]]) == [
            created["VerifiedDestinationNumberId"]
        ]
        assert ids(Filters=[{"Name": "status", "Values": ["VERIFIED"]}]) == []
        # A number can be deleted 24 hours after it was added (sandbox.md).
        clock.tick(timedelta(hours=24))
        deleted = client.delete_verified_destination_number(
            VerifiedDestinationNumberId=created["VerifiedDestinationNumberId"]
        )
        assert deleted["DestinationPhoneNumber"] == DEST
        assert ids() == [other["VerifiedDestinationNumberId"]]


def test_create_errors(client: Any, sms_voice: Any) -> None:
    client.create_verified_destination_number(DestinationPhoneNumber=DEST)
    duplicate = refused(client.create_verified_destination_number, DestinationPhoneNumber=DEST)
    expect_error(
        duplicate,
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        message=DEST,
        resource_type="verified-destination-number",
        resource_id=DEST,
    )
    invalid = refused(client.create_verified_destination_number, DestinationPhoneNumber="+999")
    expect_error(
        invalid,
        "ValidationException",
        "INVALID_PARAMETER",
        message="+999",
        fields={"DestinationPhoneNumber": "E.164"},
    )
    if has_member("CreateVerifiedDestinationNumberRequest", "RcsAgentId"):
        agent = refused(
            client.create_verified_destination_number,
            DestinationPhoneNumber="+12065550102",
            RcsAgentId="rcs-agent-nope",
        )
        expect_error(
            agent,
            "ResourceNotFoundException",
            message="rcs-agent-nope",
            resource_type="rcs-agent",
            resource_id="rcs-agent-nope",
        )
    sms_voice.set_quota("VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT", 1)
    quota = refused(
        client.create_verified_destination_number, DestinationPhoneNumber="+12065550103"
    )
    expect_error(
        quota,
        "ServiceQuotaExceededException",
        "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
        message="VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT of 1",
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.delete_verified_destination_number(VerifiedDestinationNumberId="nope"),
        lambda c: c.describe_verified_destination_numbers(VerifiedDestinationNumberIds=["nope"]),
        lambda c: c.send_destination_number_verification_code(
            VerifiedDestinationNumberId="nope", VerificationChannel="TEXT"
        ),
        lambda c: c.verify_destination_number(
            VerifiedDestinationNumberId="nope", VerificationCode="123456"
        ),
    ],
)
def test_unknown_verified_destination(client: Any, call: Any) -> None:
    with pytest.raises(ClientError) as exc:
        call(client)
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="verified-destination-number",
        resource_id="nope",
    )


def test_verification_by_text(client: Any, sms_voice: Any, us_number: Any) -> None:
    record = client.create_verified_destination_number(DestinationPhoneNumber=DEST)
    vid = record["VerifiedDestinationNumberId"]
    sent = client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vid, VerificationChannel="TEXT"
    )
    message = sms_voice.sent_messages[-1]
    assert message.message_id == sent["MessageId"]
    assert message.operation == "SendDestinationNumberVerificationCode"
    assert message.destination_phone_number == DEST
    assert message.origination_identity == us_number["PhoneNumber"]
    assert message.price == 0  # the first code to a number is free
    code = code_sent(sms_voice)

    wrong = "000000" if code != "000000" else "111111"
    mismatch = refused(
        client.verify_destination_number, VerifiedDestinationNumberId=vid, VerificationCode=wrong
    )
    expect_error(
        mismatch,
        "ValidationException",
        "VERIFICATION_CODE_MISMATCH",
        fields={"VerificationCode": "Wrong code"},
    )

    verified = client.verify_destination_number(
        VerifiedDestinationNumberId=vid, VerificationCode=code
    )
    assert verified["Status"] == "VERIFIED"
    for again in (
        lambda: client.verify_destination_number(
            VerifiedDestinationNumberId=vid, VerificationCode=code
        ),
        lambda: client.send_destination_number_verification_code(
            VerifiedDestinationNumberId=vid, VerificationChannel="TEXT"
        ),
    ):
        with pytest.raises(ClientError) as exc:
            again()
        expect_error(
            exc,
            "ConflictException",
            "VERIFICATION_ALREADY_COMPLETE",
            resource_type="verified-destination-number",
            resource_id=vid,
        )


def test_verification_by_voice_in_another_language(
    client: Any, sms_voice: Any, us_number: Any
) -> None:
    vid = client.create_verified_destination_number(DestinationPhoneNumber=DEST)[
        "VerifiedDestinationNumberId"
    ]
    client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vid,
        VerificationChannel="VOICE",
        LanguageCode="DE_DE",
        OriginationIdentity=us_number["PhoneNumberId"],
    )
    message = sms_voice.sent_messages[-1]
    assert message.channel == "VOICE"
    assert "Bestätigungscode" in message.message_body


def test_codes_expire(client: Any, sms_voice: Any, us_number: Any) -> None:
    vid = client.create_verified_destination_number(DestinationPhoneNumber=DEST)[
        "VerifiedDestinationNumberId"
    ]
    with freeze_time("2026-03-01 12:00:00") as clock:
        client.send_destination_number_verification_code(
            VerifiedDestinationNumberId=vid, VerificationChannel="TEXT"
        )
        code = code_sent(sms_voice)
        clock.tick(11 * 60)
        expired = refused(
            client.verify_destination_number, VerifiedDestinationNumberId=vid, VerificationCode=code
        )
        expect_error(
            expired,
            "ConflictException",
            "VERIFICATION_CODE_EXPIRED",
            resource_type="verified-destination-number",
            resource_id=vid,
        )
        client.send_destination_number_verification_code(
            VerifiedDestinationNumberId=vid, VerificationChannel="TEXT"
        )
        assert sms_voice.sent_messages[-1].price > 0  # only the first code is free
        clock.tick(9 * 60)
        client.verify_destination_number(
            VerifiedDestinationNumberId=vid, VerificationCode=code_sent(sms_voice)
        )


def test_verification_attempts_per_day(client: Any, sms_voice: Any, us_number: Any) -> None:
    sms_voice.set_quota("VERIFICATION_ATTEMPTS_PER_DAY", 2)
    vid = client.create_verified_destination_number(DestinationPhoneNumber=DEST)[
        "VerifiedDestinationNumberId"
    ]
    send = {"VerifiedDestinationNumberId": vid, "VerificationChannel": "TEXT"}
    with freeze_time("2026-03-01 12:00:00") as clock:
        client.send_destination_number_verification_code(**send)
        client.send_destination_number_verification_code(**send)
        quota = refused(client.send_destination_number_verification_code, **send)
        expect_error(
            quota,
            "ServiceQuotaExceededException",
            "VERIFICATION_ATTEMPTS_PER_DAY",
            message="VERIFICATION_ATTEMPTS_PER_DAY of 2",
        )
        clock.tick(24 * 3600)
        client.send_destination_number_verification_code(**send)


def test_sending_a_code_follows_the_send_rules(client: Any) -> None:
    vid = client.create_verified_destination_number(DestinationPhoneNumber=DEST)[
        "VerifiedDestinationNumberId"
    ]
    none = refused(
        client.send_destination_number_verification_code,
        VerifiedDestinationNumberId=vid,
        VerificationChannel="TEXT",
    )
    expect_error(none, "ConflictException", "NO_ORIGINATION_IDENTITIES_FOUND", message="US")
    unknown = refused(
        client.send_destination_number_verification_code,
        VerifiedDestinationNumberId=vid,
        VerificationChannel="TEXT",
        OriginationIdentity="+12065550199",
    )
    expect_error(
        unknown,
        "ResourceNotFoundException",
        message="+12065550199",
        resource_type="phone-number",
        resource_id="+12065550199",
    )


def test_sandbox_only_reaches_verified_numbers(client: Any, sms_voice: Any, us_number: Any) -> None:
    sms_voice.set_sandbox(True)
    attributes = client.describe_account_attributes()["AccountAttributes"]
    assert {"Name": "ACCOUNT_TIER", "Value": "SANDBOXED"} in attributes
    send = {
        "DestinationPhoneNumber": DEST,
        "OriginationIdentity": us_number["PhoneNumberId"],
        "MessageBody": "hi",
    }
    response = refused(client.send_text_message, **send)
    not_verified = {
        "code": "ConflictException",
        "reason": "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
        "message": DEST,
        "resource_type": "verified-destination-number",
        "resource_id": DEST,
    }
    expect_error(response, **not_verified)

    vid = client.create_verified_destination_number(DestinationPhoneNumber=DEST)[
        "VerifiedDestinationNumberId"
    ]
    client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vid, VerificationChannel="TEXT"
    )
    expect_error(refused(client.send_text_message, **send), **not_verified)  # still PENDING
    client.verify_destination_number(
        VerifiedDestinationNumberId=vid, VerificationCode=code_sent(sms_voice)
    )
    client.send_text_message(**send)
    assert sms_voice.sent_messages[-1].message_body == "hi"

    sms_voice.set_sandbox(False)
    client.send_text_message(**{**send, "DestinationPhoneNumber": "+12065550177"})
