"""Event payloads as AWS documents them: every event a configuration set's destination receives
carries the JSON of *Example event data*, checked against the schemas in ``tests/schemas``; and
inbound messages carry the two-way payload."""

from __future__ import annotations

from typing import Any

import pytest
from freezegun import freeze_time
from payload_schemas import check_event, check_events, check_inbound
from registration_data import register_toll_free

from smsmock import SmsVoiceMock

END_USER = "+12065550100"
TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:events"
NOW = "2026-06-01T12:00:00Z"
NOW_MS = 1780315200000


@pytest.fixture
def number(client: Any) -> dict[str, Any]:
    found: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS", "VOICE", "MMS"],
        NumberType="TOLL_FREE",
    )
    register_toll_free(client, found["PhoneNumberId"])
    return found


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


def test_voice_events(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    client.send_voice_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Your code is 1 2 3",
        ConfigurationSetName=config_set,
    )

    events = sms_voice.events(config_set)
    check_events(events)
    assert [(e.payload["messageStatus"], e.payload["isFinal"]) for e in events] == [
        ("INITIATED", False),
        ("RINGING", False),
        ("ANSWERED", False),
        ("COMPLETED", True),
    ]
    assert events[-1].payload["totalMessageParts"] == sms_voice.sent_messages[0].segments


def test_media_events(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any], config_set: str
) -> None:
    client.send_media_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MediaUrls=["s3://bucket/cat.jpg"],
        ConfigurationSetName=config_set,
    )

    events = sms_voice.events(config_set)
    check_events(events)
    assert [e.event_type for e in events] == ["MEDIA_SUCCESSFUL", "MEDIA_DELIVERED"]


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


def test_rcs_events_name_the_agent(client: Any, sms_voice: SmsVoiceMock, config_set: str) -> None:
    if "SendRcsMessage" not in client.meta.service_model.operation_names:
        pytest.skip("the installed botocore model predates SendRcsMessage")
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    client.send_rcs_message(
        OriginationIdentity=agent_id,
        DestinationPhoneNumber=END_USER,
        RcsMessageContent={"Content": {"TextMessage": {"Body": "Your table is ready."}}},
        ConfigurationSetName=config_set,
    )

    events = sms_voice.events(config_set)
    check_events(events)
    assert [e.event_type for e in events] == ["RCS_QUEUED", "RCS_SENT", "RCS_DELIVERED"]
    assert {(e.payload["rcsBusinessId"], e.payload["agentIsoCountryCode"]) for e in events} == {
        (agent_id, "US")
    }


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
