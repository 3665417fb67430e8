"""What the send pipeline keeps of an accepted message and counts for it: the request's
``DestinationCountryParameters`` on the recorded message, notify's price counted as notify spend
(not its channel's), the events of SendRcsMessage's SMS fallback from a pool (one
``RCS_FALLEN_BACK_TO_SMS``, however the fallback was chosen), and the ``MessageType`` of a text
that goes as RCS."""

from __future__ import annotations

from typing import Any

from smsmock import SmsVoiceMock
from smsmock.rules import pricing
from tests.helpers import toll_free_number
from tests.installed_model import needs_operations

US_DEST = "+12065550100"
IN_DEST = "+919876543210"
GB_DEST = "+447700900123"
INDIA_PARAMETERS = {"IN_ENTITY_ID": "1101000000000000001", "IN_TEMPLATE_ID": "1107000000000000002"}


def test_the_destination_country_parameters_are_kept(client: Any, sms_voice: SmsVoiceMock) -> None:
    # No identity of the account: India gets the text on a shared route, with the parameters
    # India's regulator asks for (the model's DestinationCountryParameters: IN_ENTITY_ID,
    # IN_TEMPLATE_ID).
    client.send_text_message(
        DestinationPhoneNumber=IN_DEST,
        MessageBody="Your code is 123456",
        DestinationCountryParameters=INDIA_PARAMETERS,
    )
    [sent] = sms_voice.sent_messages
    assert (sent.destination_country, sent.origination_identity) == ("IN", None)
    assert sent.destination_country_parameters == INDIA_PARAMETERS


@needs_operations("CreateNotifyConfiguration")
def test_a_notify_text_counts_as_notify_spend(client: Any, sms_voice: SmsVoiceMock) -> None:
    config_id = client.create_notify_configuration(
        DisplayName="Acme", UseCase="CODE_VERIFICATION", EnabledChannels=["SMS"]
    )["NotifyConfigurationId"]
    client.send_notify_text_message(
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=US_DEST,
        TemplateId="otp-sms-en",
        TemplateVariables={"code": "123456"},
    )
    [sent] = sms_voice.sent_messages
    assert sent.channel == "SMS"
    assert sent.price == pricing.text_price("US", 1) > 0
    assert sms_voice.spend("NOTIFY") == sent.price
    assert sms_voice.spend("SMS") == 0


@needs_operations("SendRcsMessage")
def test_an_rcs_message_to_a_pool_falls_back_once(client: Any, sms_voice: SmsVoiceMock) -> None:
    # rcs-sms-fallback.md: "If RCS delivery fails, the service retries the message via SMS using
    # a phone number from the same pool": the SMS follows one RCS_FALLEN_BACK_TO_SMS event.
    number = toll_free_number(client, ("SMS",))
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    pool_id = client.create_pool(OriginationIdentity=agent_id, MessageType="TRANSACTIONAL")[
        "PoolId"
    ]
    client.associate_origination_identity(
        PoolId=pool_id, OriginationIdentity=number["PhoneNumberId"]
    )
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="all",
        MatchingEventTypes=["RCS_ALL", "TEXT_ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"},
    )
    sms_voice.set_rcs_capable(US_DEST, False)
    message_id = client.send_rcs_message(
        OriginationIdentity=pool_id,
        DestinationPhoneNumber=US_DEST,
        RcsMessageContent={"Content": {"TextMessage": {"Body": "Your table is ready."}}},
        FallbackConfiguration={"Channel": "SMS", "MessageBody": "Your table is ready (SMS)."},
        ConfigurationSetName="cs",
    )["MessageId"]
    [sent] = sms_voice.sent_messages
    assert (sent.message_id, sent.channel, sent.fallback_for) == (message_id, "SMS", "RCS")
    assert sent.origination_identity == number["PhoneNumber"]
    events = sms_voice.events("cs")
    assert [e.event_type for e in events] == [
        "RCS_FALLEN_BACK_TO_SMS",
        "TEXT_SUCCESSFUL",
        "TEXT_DELIVERED",
    ]
    assert {e.message_id for e in events} == {message_id}


@needs_operations("CreateRcsAgent")
def test_a_text_an_rcs_agent_sends_keeps_its_message_type(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    client.send_text_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=agent_id,
        MessageBody="20% off tonight.",
        MessageType="PROMOTIONAL",
    )
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.message_type) == ("RCS", "PROMOTIONAL")
