"""Event payloads as AWS documents them: every event a configuration set's destination receives
carries the JSON of *Example event data*, checked against the schemas in ``tests/schemas``; and
inbound messages carry the two-way payload."""

from __future__ import annotations

from typing import Any

import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import toll_free_number
from tests.payload_schemas import check_event, check_events, check_inbound

END_USER = "+12065550100"
TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:events"
NOW = "2026-06-01T12:00:00Z"
NOW_MS = 1780315200000


def opening(
    event_type: str, origination: str, message_id: str, *, final: bool = True
) -> dict[str, Any]:
    """The members every example of every channel has, for a message sent at ``NOW``."""
    return {
        "eventType": event_type,
        "eventVersion": "1.0",
        "eventTimestamp": NOW_MS,
        "isFinal": final,
        "originationPhoneNumber": origination,
        "destinationPhoneNumber": END_USER,
        "isoCountryCode": "US",
        "messageId": message_id,
        "messageRequestTimestamp": NOW_MS,
    }


@pytest.fixture
def number(client: Any) -> dict[str, Any]:
    return toll_free_number(client)


@pytest.fixture
def config_set(client: Any) -> str:
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="all",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": TOPIC_ARN},
    )
    return "cs"


def test_a_delivered_text_has_the_documented_payloads(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    with freeze_time(NOW):
        message_id = client.send_text_message(
            DestinationPhoneNumber=END_USER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="Your order shipped",
            ConfigurationSetName=config_set,
            Context={"order": "A-1"},
        )["MessageId"]
        events = sms_voice.events(config_set)

    [sent] = sms_voice.sent_messages
    assert [e.event_type for e in events] == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
    check_events(events)
    delivered = events[1].payload
    assert delivered == {
        "eventType": "TEXT_DELIVERED",
        "eventVersion": "1.0",
        "eventTimestamp": NOW_MS,
        "isFinal": True,
        "originationPhoneNumber": number["PhoneNumber"],
        "destinationPhoneNumber": END_USER,
        "isoCountryCode": "US",
        "isInternationalSend": False,
        "messageId": message_id,
        "messageRequestTimestamp": NOW_MS,
        "messageEncoding": "GSM",
        "messageType": "TRANSACTIONAL",
        "messageStatus": "DELIVERED",
        "messageStatusDescription": "Message has been accepted by phone",
        "context": {"order": "A-1"},
        "totalMessageParts": 1,
        "totalMessagePrice": round(sent.price, 5),
        "totalCarrierFee": 0.0,
    }
    assert events[0].payload["messageStatus"] == "SUCCESSFUL"
    assert events[0].payload["messageStatusDescription"] == (
        "Message has been accepted by phone carrier"
    )
    # Nothing could take it (moto is not active): the payload stays on the handle.
    assert {e.delivery.status for e in events} == {"recorded"}


def test_a_send_without_context_has_none_and_a_unicode_body_says_so(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Grüße 😀 " * 10,
        ConfigurationSetName=config_set,
    )

    payload = sms_voice.events(config_set)[-1].payload
    check_event(payload)
    assert "context" not in payload
    assert payload["messageEncoding"] == "Unicode"
    assert payload["totalMessageParts"] == sms_voice.sent_messages[0].segments > 1


def test_a_completed_call_has_the_voice_example_members(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    body = " ".join(["word"] * 160)  # 160 words read at 150 a minute: 64 seconds, 2 minutes
    with freeze_time(NOW):
        message_id = client.send_voice_message(
            DestinationPhoneNumber=END_USER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody=body,
            ConfigurationSetName=config_set,
            Context={"account": "bar"},
        )["MessageId"]
        events = sms_voice.events(config_set)

    check_events(events)
    assert [(e.payload["messageStatus"], e.payload["isFinal"]) for e in events] == [
        ("INITIATED", False),
        ("RINGING", False),
        ("ANSWERED", False),
        ("COMPLETED", True),
    ]
    [sent] = sms_voice.sent_messages
    assert events[-1].payload == {
        **opening("VOICE_COMPLETED", number["PhoneNumber"], message_id),
        "messageStatus": "COMPLETED",
        "callDurationInSeconds": 64,
        "totalDurationInMinutes": 2,
        "totalMessagePrice": round(sent.price, 5),
        "context": {"account": "bar"},
    }
    # A call still under way reports no figures (AWS's VOICE_INITIATED example).
    assert events[0].payload == {
        **opening("VOICE_INITIATED", number["PhoneNumber"], message_id, final=False),
        "messageStatus": "INITIATED",
        "context": {"account": "bar"},
    }


@pytest.mark.parametrize("fate", ["BUSY", "NO_ANSWER", "FAILED", "TTL_EXPIRED"])
def test_a_call_never_answered_lasted_and_cost_nothing(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str, fate: str
) -> None:
    sms_voice.set_fate(END_USER, f"VOICE_{fate}")
    client.send_voice_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Your code is 1 2 3",
        ConfigurationSetName=config_set,
    )

    last = sms_voice.events(config_set)[-1].payload
    check_event(last)
    assert (last["eventType"], last["messageStatus"], last["isFinal"]) == (
        f"VOICE_{fate}",
        fate,
        True,
    )
    assert (last["callDurationInSeconds"], last["totalDurationInMinutes"]) == (0, 0)
    assert last["totalMessagePrice"] == 0.0


def test_a_delivered_mms_has_the_mms_example_members(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    with freeze_time(NOW):
        message_id = client.send_media_message(
            DestinationPhoneNumber=END_USER,
            OriginationIdentity=number["PhoneNumberId"],
            MediaUrls=["s3://bucket/cat.jpg"],
            ConfigurationSetName=config_set,
            Context={"foo": "bar"},
        )["MessageId"]
        events = sms_voice.events(config_set)

    check_events(events)
    assert [e.event_type for e in events] == ["MEDIA_SUCCESSFUL", "MEDIA_DELIVERED"]
    [sent] = sms_voice.sent_messages
    delivered = events[1].payload
    assert delivered == {
        "contentType": "MMS",
        **opening("MEDIA_DELIVERED", number["PhoneNumber"], message_id),
        "messageType": "TRANSACTIONAL",
        "messageStatus": "DELIVERED",
        "messageStatusDescription": "Message has been accepted by phone",
        "context": {"foo": "bar"},
        "totalMessageParts": 1,
        "totalMessagePrice": round(sent.price, 5),
        "totalCarrierFee": 0.0,
    }
    assert next(iter(delivered)) == "contentType"  # first, as in the example


def test_a_protect_configuration_is_named_in_the_payload(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    protect_id = client.create_protect_configuration()["ProtectConfigurationId"]
    client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hello",
        ConfigurationSetName=config_set,
        ProtectConfigurationId=protect_id,
    )

    payload = sms_voice.events(config_set)[-1].payload
    check_event(payload)  # the SMS Protect schema: protectConfiguration is required there
    assert payload["protectConfiguration"] == {
        "protectConfigurationId": protect_id,
        "protectStatus": "ALLOW",
    }


def _send_rcs(client: Any, sms_voice: SmsVoiceMock, config_set: str, **content: Any) -> str:
    if "SendRcsMessage" not in client.meta.service_model.operation_names:
        pytest.skip("the installed botocore model predates SendRcsMessage")
    agent_id: str = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    client.send_rcs_message(
        OriginationIdentity=agent_id,
        DestinationPhoneNumber=END_USER,
        RcsMessageContent=content,
        ConfigurationSetName=config_set,
    )
    return agent_id


def test_a_delivered_rcs_message_has_the_rcs_example_members(
    client: Any, sms_voice: SmsVoiceMock, config_set: str
) -> None:
    sms_voice.set_fate(END_USER, "RCS_READ")
    with freeze_time(NOW):
        agent_id = _send_rcs(
            client,
            sms_voice,
            config_set,
            Content={"TextMessage": {"Body": "Your table is ready."}},
        )
        events = sms_voice.events(config_set)

    check_events(events)
    assert [(e.event_type, e.payload["messageStatus"]) for e in events] == [
        ("RCS_QUEUED", "QUEUED"),
        ("RCS_SENT", "PENDING"),
        ("RCS_DELIVERED", "DELIVERED"),
        ("RCS_READ", "READ"),
    ]
    [sent] = sms_voice.sent_messages
    delivered, read = events[2].payload, events[3].payload
    assert delivered == {
        **opening("RCS_DELIVERED", agent_id, sent.message_id),
        "isInternationalSend": False,
        "messageEncoding": "UNICODE",
        "messageType": "TRANSACTIONAL",
        "messageStatus": "DELIVERED",
        "messageStatusDescription": "Message has been accepted by phone",
        "totalMessageParts": 1,
        "totalMessagePrice": round(sent.price, 5),
        "totalCarrierFee": 0.0,
        "rcsMetadata": {"billingEventType": "BASIC"},
        "rcsBusinessId": agent_id,
        "agentIsoCountryCode": "US",
    }
    # The read receipt is not billed and carries no billing metadata (AWS's RCS_READ example).
    assert read["messageStatusDescription"] == "Message has been read by recipient"
    assert (read["totalMessagePrice"], read["totalCarrierFee"]) == (0.0, 0.0)
    assert "rcsMetadata" not in read


def test_a_rich_rcs_message_is_billed_as_rich(
    client: Any, sms_voice: SmsVoiceMock, config_set: str
) -> None:
    _send_rcs(
        client,
        sms_voice,
        config_set,
        Content={"TextMessage": {"Body": "Your table is ready."}},
        Suggestions=[{"Reply": {"Text": "On my way", "PostbackData": "coming"}}],
    )

    [delivered] = sms_voice.events(config_set, event_type="RCS_DELIVERED")
    assert delivered.payload["rcsMetadata"] == {"billingEventType": "RICH"}


def test_an_undeliverable_rcs_message_says_so(
    client: Any, sms_voice: SmsVoiceMock, config_set: str
) -> None:
    sms_voice.set_fate(END_USER, "RCS_FAILED")
    _send_rcs(client, sms_voice, config_set, Content={"TextMessage": {"Body": "Hi"}})

    last = sms_voice.events(config_set)[-1].payload
    check_event(last)
    assert (last["eventType"], last["messageStatus"], last["isFinal"]) == (
        "RCS_FAILED",
        "UNDELIVERABLE",
        True,
    )
    assert "rcsMetadata" not in last


def test_an_rcs_fallback_reports_itself_then_the_text_events(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    if "SendRcsMessage" not in client.meta.service_model.operation_names:
        pytest.skip("the installed botocore model predates SendRcsMessage")
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    sms_voice.set_rcs_capable(END_USER, False)
    client.send_rcs_message(
        OriginationIdentity=agent_id,
        DestinationPhoneNumber=END_USER,
        RcsMessageContent={"Content": {"TextMessage": {"Body": "Your table is ready."}}},
        ConfigurationSetName=config_set,
        FallbackConfiguration={
            "Channel": "SMS",
            "MessageBody": "Your table is ready (SMS).",
            "OriginationIdentity": number["PhoneNumberId"],
        },
    )

    events = sms_voice.events(config_set)
    check_events(events)
    assert [e.event_type for e in events] == [
        "RCS_FALLEN_BACK_TO_SMS",
        "TEXT_SUCCESSFUL",
        "TEXT_DELIVERED",
    ]
    fallen = events[0].payload
    assert (fallen["messageStatus"], fallen["isFinal"]) == ("FALLEN_BACK_TO_SMS", True)
    assert fallen["originationPhoneNumber"] == number["PhoneNumber"]  # the SMS's sender


# -- inbound -------------------------------------------------------------------------------------


def test_an_inbound_reply_names_the_message_it_answers(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any]
) -> None:
    first = client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Reply YES to confirm",
    )["MessageId"]
    last = client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Reply YES to confirm, please",
    )["MessageId"]
    client.send_text_message(  # to someone else: not what END_USER answers
        DestinationPhoneNumber="+12065550199",
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Reply YES",
    )

    inbound = sms_voice.receive(END_USER, number["PhoneNumber"], "YES")

    check_inbound(inbound.payload)
    assert inbound.payload == {
        "originationNumber": END_USER,
        "destinationNumber": number["PhoneNumber"],
        "messageKeyword": "",
        "messageBody": "YES",
        "inboundMessageId": inbound.message_id,
        "previousPublishedMessageId": last,
    }
    assert first != last
    assert inbound.delivery is None  # two-way is off: nothing to deliver to


def test_an_inbound_keyword_is_named_and_a_first_message_answers_nothing(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any]
) -> None:
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn="arn:aws:sns:us-east-1:123456789012:inbound",
    )

    inbound = sms_voice.receive(END_USER, number["PhoneNumber"], "HELP")

    check_inbound(inbound.payload)
    assert inbound.payload["messageKeyword"] == "HELP"
    # The service's answer to HELP comes after: the end user answered nothing of ours.
    assert "previousPublishedMessageId" not in inbound.payload
    assert inbound.delivery.status == "recorded"  # no moto: the payload stays on the handle
