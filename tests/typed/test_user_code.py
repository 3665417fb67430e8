"""User code as a team would write it, typed: run by pytest and checked with ``mypy --strict``
(``tests/typed/test_mypy.py``), so the handle's types are what users get from their editor."""

from __future__ import annotations

import boto3
import botocore.session
import pytest

from smsmock import (
    Backend,
    CountryLaunch,
    EventRecord,
    InboundMessage,
    Record,
    SentMessage,
    SmsVoiceMock,
    mock_sms_voice,
)

SERVICE = "pinpoint-sms-voice-v2"
HAS_RCS_AGENTS: bool = (
    "CreateRcsAgent" in botocore.session.get_session().get_service_model(SERVICE).operation_names
)


def request_toll_free_number() -> str:
    """The application's code under test: request a number, answer its E.164 form."""
    client = boto3.client(SERVICE, region_name="us-east-1")
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    return str(number["PhoneNumber"])


def send_alert(origination: str, destination: str, body: str) -> None:
    client = boto3.client(SERVICE, region_name="us-east-1")
    client.send_text_message(
        DestinationPhoneNumber=destination,
        OriginationIdentity=origination,
        MessageBody=body,
        ConfigurationSetName="alerts",
    )


def bodies_sent_to(sms: SmsVoiceMock, destination: str) -> list[str | None]:
    return [m.message_body for m in sms.sent_messages if m.destination_phone_number == destination]


def test_sent_messages_are_typed() -> None:
    with mock_sms_voice() as sms:
        number = request_toll_free_number()
        sms.register_phone_number(number)  # PENDING until its registration is approved
        client = boto3.client(SERVICE, region_name="us-east-1")
        client.create_configuration_set(ConfigurationSetName="alerts")
        client.create_event_destination(
            ConfigurationSetName="alerts",
            EventDestinationName="to-sns",
            MatchingEventTypes=["ALL"],
            SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:alerts"},
        )
        send_alert(number, "+12065550142", "disk full")

        sent: SentMessage = sms.sent_messages[-1]
        segments: int = sent.segments
        price: float = sent.price
        assert (sent.origination_identity, segments, price > 0) == (number, 1, True)
        assert bodies_sent_to(sms, "+12065550142") == ["disk full"]

        delivered: tuple[EventRecord, ...] = sms.events("alerts", event_type="TEXT_DELIVERED")
        assert [e.message_id for e in delivered] == [sent.message_id]


def test_inbound_messages_are_typed(sms_voice: SmsVoiceMock) -> None:
    number = request_toll_free_number()
    sms_voice.register_phone_number(number)  # PENDING until its registration is approved

    inbound: InboundMessage = sms_voice.receive("+12065550199", number, "STOP")

    assert inbound.action == "OPT_OUT"
    reply: SentMessage | None = inbound.reply
    assert reply is not None and reply.operation == "KeywordResponse"
    assert sms_voice.inbound_messages == (inbound,)


@pytest.mark.skipif(not HAS_RCS_AGENTS, reason="the installed botocore has no RCS agents")
def test_rcs_launch_is_typed(sms_voice: SmsVoiceMock) -> None:
    client = boto3.client(SERVICE, region_name="us-east-1")
    agent_id: str = client.create_rcs_agent()["RcsAgentId"]

    launch: CountryLaunch = sms_voice.launch_rcs_agent(agent_id, "US")

    assert (launch.iso_country_code, launch.status) == ("US", "ACTIVE")
    assert all(carrier.status == "ACTIVE" for carrier in launch.carrier_status)


@mock_sms_voice
def test_decorated_function_keeps_its_signature() -> None:
    assert request_toll_free_number().startswith("+1")


@pytest.mark.parametrize("body", ["hello", "ünïcode"])
def test_unicode_costs_more_segments(sms_voice: SmsVoiceMock, body: str) -> None:
    number = request_toll_free_number()
    sms_voice.register_phone_number(number)  # PENDING until its registration is approved
    client = boto3.client(SERVICE, region_name="us-east-1")
    client.send_text_message(
        DestinationPhoneNumber="+12065550142", OriginationIdentity=number, MessageBody=body * 30
    )
    [sent] = sms_voice.sent_messages
    assert sent.segments == (1 if body == "hello" else 4)  # 150 GSM-7; 210 UCS-2 by 67


def test_backend_and_advance_are_typed(sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("phone-number", "manual")
    client = boto3.client(SERVICE, region_name="us-east-1")
    number_id: str = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )["PhoneNumberId"]

    backend: Backend = sms_voice.backend()
    record: Record = sms_voice.advance("phone-number", number_id)

    assert (backend.account_id, backend.region) == ("123456789012", "us-east-1")
    assert (
        client.describe_phone_numbers(PhoneNumberIds=[number_id])["PhoneNumbers"][0]["Status"]
        == "ACTIVE"
    )
    assert record in backend.by_arn.values()
