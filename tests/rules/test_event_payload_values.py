"""Event payload values the documented examples leave to smsmock, as docs/messaging.md states
them: prices rounded to five decimals (as every example's are), ``isInternationalSend`` (the
sending number's country against the destination's; a sender ID never), RCS billing at the
160-character limit, the SMS members of ``RCS_FALLEN_BACK_TO_SMS``, ``protectConfiguration`` of
an RCS message and of a configuration set's protect configuration, and a notify message sent from
an AWS-managed identity, which names no sender."""

from __future__ import annotations

from typing import Any

import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from smsmock.rules import pricing
from smsmock.rules.pricing import Price
from tests.helpers import record_events, send_text, toll_free_number
from tests.installed_model import needs_members, needs_operations

END_USER = "+12065550100"
GB_MOBILE = "+447400123456"
DE_MOBILE = "+4915123456789"
NOW = "2026-06-01T12:00:00Z"
NOW_MS = 1780315200000
PROTECT_ALLOWED = "ALLOW"


def sms_payload(
    event_type: str, origination: str, message_id: str, **members: Any
) -> dict[str, Any]:
    """The SMS example's members, in its order, for a GSM text to ``END_USER`` sent at ``NOW``:
    ``members`` gives the rest (status, description, price …)."""
    return {
        "eventType": event_type,
        "eventVersion": "1.0",
        "eventTimestamp": NOW_MS,
        "isFinal": True,
        "originationPhoneNumber": origination,
        "destinationPhoneNumber": END_USER,
        "isoCountryCode": "US",
        "isInternationalSend": False,
        "messageId": message_id,
        "messageRequestTimestamp": NOW_MS,
        "messageEncoding": "GSM",
        "messageType": "TRANSACTIONAL",
        **members,
    }


# -- prices --------------------------------------------------------------------------------------


def test_event_prices_are_rounded_to_five_decimals(
    client: Any, sms_voice: SmsVoiceMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A price of a millionth of a dollar more shows as the examples' five decimals (0.09582)."""
    monkeypatch.setitem(
        pricing.PRICES, "US", Price(sms=0.0111114, voice_per_minute=0.0123456, mms=0.0234567)
    )
    for channel in ("TEXT", "VOICE"):
        sms_voice.set_quota(f"{channel}_MESSAGE_MONTHLY_SPEND_LIMIT", 100)
    origin = toll_free_number(client, handle=sms_voice)["PhoneNumberId"]
    record_events(client)
    send_text(client, origin, END_USER, "x" * 161)  # two parts: 0.022223
    client.send_voice_message(  # two minutes: 0.024691
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=origin,
        MessageBody=" ".join(["hi"] * 151),
        ConfigurationSetName="cs",
    )

    assert [m.price for m in sms_voice.sent_messages] == [0.022223, 0.024691]
    [text] = sms_voice.events("cs", event_type="TEXT_DELIVERED")
    [call] = sms_voice.events("cs", event_type="VOICE_COMPLETED")
    assert text.payload["totalMessagePrice"] == 0.02222
    assert call.payload["totalMessagePrice"] == 0.02469


# -- isInternationalSend -------------------------------------------------------------------------


@needs_members("UpdatePhoneNumberRequest", "InternationalSendingEnabled")
def test_a_number_sending_abroad_makes_an_international_send(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    number = toll_free_number(client, ("SMS",), handle=sms_voice)
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], InternationalSendingEnabled=True
    )
    record_events(client)
    send_text(client, number["PhoneNumberId"], GB_MOBILE)
    send_text(client, number["PhoneNumberId"], END_USER)

    delivered = sms_voice.events("cs", event_type="TEXT_DELIVERED")
    assert [
        (e.payload["destinationPhoneNumber"], e.payload["isoCountryCode"]) for e in delivered
    ] == [(GB_MOBILE, "GB"), (END_USER, "US")]
    assert [e.payload["isInternationalSend"] for e in delivered] == [True, False]


def test_a_sender_id_is_never_an_international_send(client: Any, sms_voice: SmsVoiceMock) -> None:
    """Not even one that reads as a phone number: ``123Cars`` is no +1 number."""
    client.request_sender_id(SenderId="123Cars", IsoCountryCode="DE")
    record_events(client)
    send_text(client, "123Cars", DE_MOBILE)

    [delivered] = sms_voice.events("cs", event_type="TEXT_DELIVERED")
    assert delivered.payload["originationPhoneNumber"] == "123Cars"
    assert delivered.payload["isoCountryCode"] == "DE"
    assert delivered.payload["isInternationalSend"] is False


# -- RCS -----------------------------------------------------------------------------------------


def launched_agent(client: Any, sms_voice: SmsVoiceMock) -> str:
    """An RCS agent launched (ACTIVE) in the US."""
    agent_id: str = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    return agent_id


@needs_operations("SendRcsMessage")
def test_a_text_of_up_to_160_characters_is_billed_as_basic(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = launched_agent(client, sms_voice)
    record_events(client)
    for body in ("x" * 160, "x" * 161):
        client.send_rcs_message(
            OriginationIdentity=agent_id,
            DestinationPhoneNumber=END_USER,
            RcsMessageContent={"Content": {"TextMessage": {"Body": body}}},
            ConfigurationSetName="cs",
        )

    delivered = sms_voice.events("cs", event_type="RCS_DELIVERED")
    assert [e.payload["rcsMetadata"] for e in delivered] == [
        {"billingEventType": "BASIC"},
        {"billingEventType": "RICH"},
    ]


@needs_operations("SendRcsMessage")
def test_the_fallback_event_has_the_sms_members_and_no_agent(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """``RCS_FALLEN_BACK_TO_SMS`` is reported for the SMS sent instead, which does not know the
    agent: the SMS example's members, none of the RCS ones (``rcsBusinessId`` …)."""
    agent_id = launched_agent(client, sms_voice)
    number = toll_free_number(client, ("SMS",), handle=sms_voice)
    sms_voice.set_rcs_capable(END_USER, False)
    record_events(client)
    with freeze_time(NOW):
        message_id = client.send_rcs_message(
            OriginationIdentity=agent_id,
            DestinationPhoneNumber=END_USER,
            RcsMessageContent={"Content": {"TextMessage": {"Body": "Your table is ready."}}},
            ConfigurationSetName="cs",
            FallbackConfiguration={
                "Channel": "SMS",
                "MessageBody": "Your table is ready (SMS).",
                "OriginationIdentity": number["PhoneNumberId"],
            },
        )["MessageId"]
        [fallen] = sms_voice.events("cs", event_type="RCS_FALLEN_BACK_TO_SMS")

    [sms] = sms_voice.sent_messages
    assert fallen.payload == sms_payload(
        "RCS_FALLEN_BACK_TO_SMS",
        number["PhoneNumber"],
        message_id,
        messageStatus="FALLEN_BACK_TO_SMS",
        messageStatusDescription="The message was sent as SMS or MMS instead of RCS",
        totalMessageParts=1,
        totalMessagePrice=sms.price,
        totalCarrierFee=0.0,
    )
    assert sms.price == pricing.PRICES["US"].sms


# -- protectConfiguration ------------------------------------------------------------------------


@needs_operations("SendRcsMessage")
def test_an_rcs_message_names_its_protect_configuration(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = launched_agent(client, sms_voice)
    protect_id = client.create_protect_configuration()["ProtectConfigurationId"]
    record_events(client)
    client.send_rcs_message(
        OriginationIdentity=agent_id,
        DestinationPhoneNumber=END_USER,
        RcsMessageContent={"Content": {"TextMessage": {"Body": "Your table is ready."}}},
        ConfigurationSetName="cs",
        ProtectConfigurationId=protect_id,
    )

    events = sms_voice.events("cs")
    assert [e.event_type for e in events] == ["RCS_QUEUED", "RCS_SENT", "RCS_DELIVERED"]
    assert [e.payload["protectConfiguration"] for e in events] == [
        {"protectConfigurationId": protect_id, "protectStatus": PROTECT_ALLOWED}
    ] * 3


def test_a_configuration_sets_protect_configuration_is_named(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """The send names none: the configuration set's applies, and its events say so."""
    origin = toll_free_number(client, ("SMS",), handle=sms_voice)["PhoneNumberId"]
    protect_id = client.create_protect_configuration()["ProtectConfigurationId"]
    record_events(client)
    client.associate_protect_configuration(
        ConfigurationSetName="cs", ProtectConfigurationId=protect_id
    )
    send_text(client, origin, END_USER)

    events = sms_voice.events("cs")
    assert [e.event_type for e in events] == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
    assert [e.payload["protectConfiguration"] for e in events] == [
        {"protectConfigurationId": protect_id, "protectStatus": PROTECT_ALLOWED}
    ] * 2


# -- notify --------------------------------------------------------------------------------------


@needs_operations("SendNotifyTextMessage")
def test_a_notify_message_from_an_aws_managed_identity_names_no_sender(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """docs/protect-policies-notify-rcs.md: the sender of a configuration without a pool is
    none (an AWS-managed identity); its events name none either."""
    config_id = client.create_notify_configuration(
        DisplayName="Acme", UseCase="CODE_VERIFICATION", EnabledChannels=["SMS"]
    )["NotifyConfigurationId"]
    record_events(client)
    client.send_notify_text_message(
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=END_USER,
        TemplateId="otp-sms-en",
        TemplateVariables={"code": "123456"},
        ConfigurationSetName="cs",
    )

    [sent] = sms_voice.sent_messages
    assert sent.origination_identity is None
    events = sms_voice.events("cs")
    assert [e.event_type for e in events] == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
    assert [e.payload["originationPhoneNumber"] for e in events] == ["", ""]
    assert [e.payload["isInternationalSend"] for e in events] == [False, False]
