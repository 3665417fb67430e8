"""One send pipeline: every kind of outgoing message passes the same checks, in the same order,
through boto3. A check appended to ``SEND_CHECKS`` (the extension point other families use) sees
text, voice, media, verification codes, notify text and voice, RCS, and RCS's SMS fallback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.rules import sending
from smsmock.rules.sending import Outgoing
from smsmock.state.registry import Call
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import needs_operations

US_MOBILE = "+14155552671"
RCS_TEXT = {"Content": {"TextMessage": {"Body": "Your table is ready."}}}


@contextmanager
def send_check(check: Callable[[Call, Outgoing], None]) -> Iterator[None]:
    """``check`` appended to ``SEND_CHECKS`` for a while. The list itself is kept: the rules
    that append theirs when they are first imported (protect configurations) must find it."""
    sending.SEND_CHECKS.append(check)
    try:
        yield
    finally:
        sending.SEND_CHECKS.remove(check)


@pytest.fixture
def checked() -> Iterator[list[tuple[str, str]]]:
    """``(operation, channel)`` of every message that reached ``SEND_CHECKS``."""
    seen: list[tuple[str, str]] = []

    def record(call: Call, outgoing: Outgoing) -> None:
        seen.append((call.operation, outgoing.channel))

    with send_check(record):
        yield seen


def test_text_voice_media_and_verification_codes(
    client: Any, checked: list[tuple[str, str]]
) -> None:
    origin = toll_free_number(client)["PhoneNumberId"]
    client.send_text_message(
        DestinationPhoneNumber=US_MOBILE, OriginationIdentity=origin, MessageBody="hi"
    )
    client.send_voice_message(
        DestinationPhoneNumber=US_MOBILE, OriginationIdentity=origin, MessageBody="hi"
    )
    client.send_media_message(
        DestinationPhoneNumber=US_MOBILE, OriginationIdentity=origin, MessageBody="hi"
    )
    destination = client.create_verified_destination_number(DestinationPhoneNumber=US_MOBILE)
    client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=destination["VerifiedDestinationNumberId"],
        VerificationChannel="TEXT",
        OriginationIdentity=origin,
    )
    assert checked == [
        ("SendTextMessage", "SMS"),
        ("SendVoiceMessage", "VOICE"),
        ("SendMediaMessage", "MMS"),
        ("SendDestinationNumberVerificationCode", "SMS"),
    ]


@needs_operations("CreateNotifyConfiguration")
def test_notify_text_and_voice(client: Any, checked: list[tuple[str, str]]) -> None:
    config_id = client.create_notify_configuration(
        DisplayName="Acme", UseCase="CODE_VERIFICATION", EnabledChannels=["SMS", "VOICE"]
    )["NotifyConfigurationId"]
    for send, template in (
        (client.send_notify_text_message, "otp-sms-en"),
        (client.send_notify_voice_message, "otp-voice-en"),
    ):
        send(
            NotifyConfigurationId=config_id,
            DestinationPhoneNumber=US_MOBILE,
            TemplateId=template,
            TemplateVariables={"code": "123456"},
        )
    assert checked == [("SendNotifyTextMessage", "SMS"), ("SendNotifyVoiceMessage", "VOICE")]


@needs_operations("SendRcsMessage")
def test_rcs_and_its_sms_fallback(
    client: Any, sms_voice: SmsVoiceMock, checked: list[tuple[str, str]]
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US")
    origin = toll_free_number(client)["PhoneNumberId"]
    client.send_rcs_message(
        DestinationPhoneNumber=US_MOBILE, OriginationIdentity=agent_id, RcsMessageContent=RCS_TEXT
    )
    sms_voice.set_rcs_capable(US_MOBILE, False)
    client.send_rcs_message(
        DestinationPhoneNumber=US_MOBILE,
        OriginationIdentity=agent_id,
        RcsMessageContent=RCS_TEXT,
        FallbackConfiguration={
            "Channel": "SMS",
            "MessageBody": "hi",
            "OriginationIdentity": origin,
        },
    )
    # The fallback is an SMS sent through the same pipeline, in the RCS message's place.
    assert checked == [("SendRcsMessage", "RCS"), ("SendRcsMessage", "SMS")]
    assert [m.channel for m in sms_voice.sent_messages] == ["RCS", "SMS"]


def test_the_spend_limit_comes_before_other_families_checks(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    def refuse(call: Call, outgoing: Outgoing) -> None:
        raise AssertionError("SEND_CHECKS ran before the spend limit")

    client.set_text_message_spend_limit_override(MonthlyLimit=0)
    origin = toll_free_number(client)["PhoneNumberId"]
    with send_check(refuse), pytest.raises(ClientError) as caught:
        client.send_text_message(
            DestinationPhoneNumber=US_MOBILE, OriginationIdentity=origin, MessageBody="hi"
        )
    expect_error(
        caught,
        "ServiceQuotaExceededException",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
        message=(
            "Sending this message would exceed the monthly spend limit of 0 USD for SMS messages"
            " (0.00000 USD spent this month"
        ),
    )
    assert sms_voice.sent_messages == ()
