"""Limits the User Guide states on what is sent: self-managed opt-outs
(opt-out-list-self-managed.md, opt-out-list.md), message size (sms-limitations-character.md),
voice limits (quotas.md, Voice quotas; sandbox.md) and deleting a verified destination number
(sandbox.md)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, refused
from tests.installed_model import country_if_required

DEST = "+12065550100"
CHANNEL = "arn:aws:sns:us-east-1:123456789012:inbound"
QUOTE = "\u2019"
"""The closing single quote: not a GSM character (the page's example 3)."""


# -- self-managed opt-outs ---------------------------------------------------------------------


def _expect_two_way_first(response: dict[str, Any]) -> None:
    expect_error(
        response,
        "ValidationException",
        "TWO_WAY_NOT_ENABLED",
        message="Two-way messaging must be enabled before self-managed opt-outs.",
        fields={"SelfManagedOptOutsEnabled": "Enable two-way messaging (TwoWayEnabled) first."},
    )


def test_self_managed_opt_outs_need_two_way(client: Any, us_toll_free: dict[str, Any]) -> None:
    # opt-out-list-self-managed.md: "To enable self-managed opt-outs for a pool or phone number,
    # you must first enable two-way SMS messaging."
    phone_id = us_toll_free["PhoneNumberId"]
    response = refused(
        client.update_phone_number, PhoneNumberId=phone_id, SelfManagedOptOutsEnabled=True
    )
    _expect_two_way_first(response)
    # In the same request, or once two-way is on.
    both = client.update_phone_number(
        PhoneNumberId=phone_id,
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
        SelfManagedOptOutsEnabled=True,
    )
    assert both["SelfManagedOptOutsEnabled"] is True


def test_a_pools_self_managed_opt_outs_need_two_way(
    client: Any, us_toll_free: dict[str, Any]
) -> None:
    pool = client.create_pool(
        OriginationIdentity=us_toll_free["PhoneNumberId"],
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )
    response = refused(client.update_pool, PoolId=pool["PoolId"], SelfManagedOptOutsEnabled=True)
    _expect_two_way_first(response)
    client.update_pool(PoolId=pool["PoolId"], TwoWayEnabled=True, TwoWayChannelArn=CHANNEL)
    updated = client.update_pool(PoolId=pool["PoolId"], SelfManagedOptOutsEnabled=True)
    assert updated["SelfManagedOptOutsEnabled"] is True


def test_the_opt_out_list_still_blocks_a_self_managed_number(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # opt-out-list.md: "If a phone number is in the opt-out list then the message is not sent";
    # self-managed opt-outs change how incoming HELP and STOP are handled, and leave "tracking and
    # honoring opt-out requests" to the sender (PutOptedOutNumber).
    client.update_phone_number(
        PhoneNumberId=us_toll_free["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
        SelfManagedOptOutsEnabled=True,
    )
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=DEST,
        OriginationIdentity=us_toll_free["PhoneNumberId"],
        MessageBody="hi",
    )
    expect_error(
        response,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        message=f"The destination phone number {DEST} is opted out of the opt-out list Default",
        resource_type="opted-out-number",
        resource_id=DEST,
    )
    client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    client.send_text_message(
        DestinationPhoneNumber=DEST,
        OriginationIdentity=us_toll_free["PhoneNumberId"],
        MessageBody="hi",
    )
    assert len(sms_voice.sent_messages) == 1


# -- message size ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fits"),
    [
        ("a" * 1530, True),
        ("a" * 1531, False),
        ("a" * 1528 + "€", True),  # an extension character counts two
        ("a" * 1529 + "€", False),
        (QUOTE * 630, True),
        (QUOTE * 631, False),
        (QUOTE * 1600, False),
    ],
)
def test_the_largest_sms(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any], body: str, fits: bool
) -> None:
    # sms-limitations-character.md: "The maximum supported size of any message is 1530 GSM
    # characters or 630 non-GSM characters. If the message size is greater than the supported
    # size, the message will fail and AWS End User Messaging SMS will return an Invalid Message
    # Exception."
    send = {
        "DestinationPhoneNumber": DEST,
        "OriginationIdentity": us_toll_free["PhoneNumberId"],
        "MessageBody": body,
    }
    if fits:
        client.send_text_message(**send)
        assert len(sms_voice.sent_messages) == 1
        return
    response = refused(client.send_text_message, **send)
    limit, alphabet = (630, "non-GSM") if QUOTE in body else (1530, "GSM")
    length = len(body) + body.count("€")  # an extension character counts two
    expect_error(
        response,
        "ValidationException",
        "MAXIMUM_SIZE_EXCEEDED",
        message=(
            f"The message is {length} {alphabet} characters long; at most {limit} are supported"
        ),
        fields={"MessageBody": f"At most {limit} {alphabet} characters"},
    )
    assert sms_voice.sent_messages == ()


# -- voice limits ------------------------------------------------------------------------------


def _call(client: Any, number: dict[str, Any], destination: str = DEST, words: int = 10) -> Any:
    return client.send_voice_message(
        DestinationPhoneNumber=destination,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody=" ".join(["hi"] * words),
    )


def _expect_five_a_day(response: dict[str, Any]) -> None:
    expect_error(
        response,
        "ServiceQuotaExceededException",
        "DAILY_DESTINATION_CALL_LIMIT",
        message=(
            "The quota VOICE_MESSAGES_PER_DESTINATION_PER_DAY of 5 for this account"
            " and region is reached"
        ),
    )


def test_five_voice_messages_to_one_recipient_a_day(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # quotas.md, Voice quotas: "Number of voice messages that can be sent to a single recipient
    # during a 24-hour period: 5 messages".
    sms_voice.set_quota("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT", 100)
    with freeze_time("2026-03-01 12:00:00") as clock:
        for _ in range(5):
            _call(client, us_toll_free)
        response = refused(_call, client=client, number=us_toll_free)
        _expect_five_a_day(response)
        _call(client, us_toll_free, destination="+12065550101")  # another recipient
        clock.tick(timedelta(hours=23, minutes=59))
        _expect_five_a_day(refused(_call, client=client, number=us_toll_free))
        clock.tick(timedelta(minutes=2))  # 24 hours after the first
        _call(client, us_toll_free)
    assert len(sms_voice.sent_messages) == 7


def test_a_dry_run_is_not_counted(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    sms_voice.set_quota("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT", 100)
    for _ in range(6):
        client.send_voice_message(
            DestinationPhoneNumber=DEST,
            OriginationIdentity=us_toll_free["PhoneNumberId"],
            MessageBody="hello",
            DryRun=True,
        )
    _call(client, us_toll_free)


def test_the_sandbox_allows_20_voice_messages_a_day(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # quotas.md: "Number of voice messages that can be sent during a 24-hour period: If your
    # account is in the sandbox: 20 messages"; sandbox.md: "You have a daily limit of 20
    # messages."
    sms_voice.set_quota("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT", 100)
    sms_voice.set_quota("VOICE_MESSAGES_PER_DESTINATION_PER_DAY", 100)
    sms_voice.set_sandbox()
    destinations = [f"+1206555010{i}" for i in range(2)]
    for destination in destinations:
        _verify(client, sms_voice, destination)
    for i in range(20):
        _call(client, us_toll_free, destination=destinations[i % 2])
    response = refused(_call, client=client, number=us_toll_free, destination=destinations[0])
    expect_error(
        response,
        "ServiceQuotaExceededException",
        "DAILY_DESTINATION_CALL_LIMIT",
        message=(
            "The quota SANDBOX_VOICE_MESSAGES_PER_DAY of 20 for this account and region is reached"
        ),
    )
    sms_voice.set_sandbox(False)
    _call(client, us_toll_free, destination=destinations[0])


def _verify(client: Any, sms_voice: SmsVoiceMock, number: str) -> None:
    created = client.create_verified_destination_number(DestinationPhoneNumber=number)
    client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=created["VerifiedDestinationNumberId"],
        VerificationChannel="TEXT",
    )
    code = sms_voice.sent_messages[-1].message_body
    client.verify_destination_number(
        VerifiedDestinationNumberId=created["VerifiedDestinationNumberId"],
        VerificationCode="".join(c for c in str(code) if c.isdigit()),
    )


@pytest.mark.parametrize(("sandboxed", "seconds"), [(True, 30), (False, 300)])
def test_the_longest_voice_message(
    client: Any,
    sms_voice: SmsVoiceMock,
    us_toll_free: dict[str, Any],
    sandboxed: bool,
    seconds: int,
) -> None:
    # quotas.md: "Voice message length: If your account is in the sandbox: 30 seconds. If your
    # account is out of the sandbox: 5 minutes." Spoken at 150 words a minute.
    sms_voice.set_quota("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT", 100)
    if sandboxed:
        sms_voice.set_sandbox()
        _verify(client, sms_voice, DEST)
    words = seconds * 150 // 60
    _call(client, us_toll_free, words=words)
    response = refused(_call, client=client, number=us_toll_free, words=words + 1)
    expect_error(
        response,
        "ValidationException",
        "MAXIMUM_SIZE_EXCEEDED",
        message=f"seconds; at most {seconds} are allowed"
        + (" in the sandbox" if sandboxed else ""),
        fields={"MessageBody": "The voice message is too long"},
    )


# -- verified destination numbers --------------------------------------------------------------


def test_a_verified_destination_number_is_deleted_24_hours_after_it_was_added(
    client: Any,
) -> None:
    # sandbox.md: "You can delete a destination phone number. However, you must wait 24 hours
    # after adding a phone number before you can delete it."
    with freeze_time("2026-03-01 12:00:00") as clock:
        created = client.create_verified_destination_number(DestinationPhoneNumber=DEST)
        number_id = created["VerifiedDestinationNumberId"]
        clock.tick(timedelta(hours=23, minutes=59))
        response = refused(
            client.delete_verified_destination_number, VerifiedDestinationNumberId=number_id
        )
        expect_error(
            response,
            "ConflictException",
            "RESOURCE_DELETION_NOT_ALLOWED",
            message=(
                f"The verified destination number {number_id} can be deleted 24 hours after"
                " it was added"
            ),
            resource_type="verified-destination-number",
            resource_id=number_id,
        )
        clock.tick(timedelta(minutes=1))
        deleted = client.delete_verified_destination_number(VerifiedDestinationNumberId=number_id)
        assert deleted["VerifiedDestinationNumberId"] == number_id
    assert client.describe_verified_destination_numbers()["VerifiedDestinationNumbers"] == []
