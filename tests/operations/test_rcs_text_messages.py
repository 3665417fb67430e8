"""SendTextMessage through RCS agents and pools that hold one (User Guide, *RCS to SMS fallback
using phone pools*, rcs-sms-fallback.md; the model's ``SendTextMessage.OriginationIdentity``:
"PhoneNumber, PhoneNumberId, PhoneNumberArn, RcsAgentId, RcsAgentArn, SenderId, SenderIdArn,
PoolId, or PoolArn"), and the order in which a pool's identities are chosen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import botocore.session
import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from smsmock.rules import pricing
from tests.helpers import expect_error, refused, toll_free_number
from tests.registration_data import completed_campaign

if (
    "CreateRcsAgent"
    not in botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2").operation_names
):
    pytest.skip("the installed botocore model predates RCS agents", allow_module_level=True)

DEST = "+12065550100"


def launched_agent(client: Any, sms_voice: SmsVoiceMock, country: str = "US") -> dict[str, Any]:
    agent: dict[str, Any] = client.create_rcs_agent()
    sms_voice.launch_rcs_agent(agent["RcsAgentId"], country, "ACTIVE", registration_id="reg-1")
    return agent


def pool_of(client: Any, *identities: str) -> str:
    pool_id: str = client.create_pool(
        OriginationIdentity=identities[0], MessageType="TRANSACTIONAL"
    )["PoolId"]
    for identity in identities[1:]:
        client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=identity)
    return pool_id


def text(client: Any, origin: str | None = None, **extra: Any) -> str:
    if origin is not None:
        extra["OriginationIdentity"] = origin
    message_id: str = client.send_text_message(
        DestinationPhoneNumber=DEST, MessageBody="Your table is ready.", **extra
    )["MessageId"]
    return message_id


@pytest.mark.parametrize("ref", ["RcsAgentId", "RcsAgentArn"])
def test_an_agent_sends_a_text_as_rcs(client: Any, sms_voice: SmsVoiceMock, ref: str) -> None:
    agent = launched_agent(client, sms_voice)
    message_id = text(client, agent[ref])
    [sent] = sms_voice.sent_messages
    assert (sent.message_id, sent.channel, sent.operation) == (message_id, "RCS", "SendTextMessage")
    assert sent.origination_identity == agent["RcsAgentId"]
    assert sent.origination_identity_arn == agent["RcsAgentArn"]
    assert sent.price == pricing.rcs_price("US", 1)
    assert sms_voice.spend("RCS") == sent.price


def test_an_unknown_agent_is_an_rcs_agent_not_found(client: Any) -> None:
    response = refused(client.send_text_message, **_to("rcs-nope"))
    expect_error(
        response,
        "ResourceNotFoundException",
        message="No rcs-agent found with id 'rcs-nope'",
        resource_type="rcs-agent",
        resource_id="rcs-nope",
    )


def _to(origin: str) -> dict[str, Any]:
    return {"DestinationPhoneNumber": DEST, "MessageBody": "hi", "OriginationIdentity": origin}


def test_direct_sending_has_no_sms_fallback(client: Any, sms_voice: SmsVoiceMock) -> None:
    # "Direct (AWS RCS Agent ARN): No SMS fallback — message is delivered via RCS only or not at
    # all."
    toll_free_number(client, ("SMS",))
    agent = launched_agent(client, sms_voice, "CA")
    response = refused(client.send_text_message, **_to(agent["RcsAgentArn"]))
    expect_error(
        response,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message=f"{agent['RcsAgentId']} is not launched in US",
        fields={"DestinationPhoneNumber": "The RCS agent does not reach this country"},
    )
    sms_voice.launch_rcs_agent(agent["RcsAgentId"], "US", "ACTIVE", registration_id="reg-1")
    sms_voice.set_rcs_capable(DEST, False)
    text(client, agent["RcsAgentArn"])
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.delivered, sent.price) == ("RCS", False, 0.0)


def test_a_pool_tries_rcs_first_then_sms(client: Any, sms_voice: SmsVoiceMock) -> None:
    # "When you send a message to the pool, AWS End User Messaging attempts RCS delivery first. If
    # RCS delivery fails, the service retries the message via SMS using a phone number from the
    # same pool."
    number = toll_free_number(client, ("SMS",))
    agent = launched_agent(client, sms_voice)
    pool_id = pool_of(client, number["PhoneNumberId"], agent["RcsAgentId"])
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="all",
        MatchingEventTypes=["RCS_ALL", "TEXT_ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"},
    )
    text(client, pool_id)
    sms_voice.set_rcs_capable(DEST, False)
    text(client, pool_id, ConfigurationSetName="cs")
    assert [e.event_type for e in sms_voice.events("cs")] == [
        "RCS_FALLEN_BACK_TO_SMS",
        "TEXT_SUCCESSFUL",
        "TEXT_DELIVERED",
    ]
    rcs, sms = sms_voice.sent_messages
    assert (rcs.channel, rcs.origination_identity) == ("RCS", agent["RcsAgentId"])
    assert (sms.channel, sms.origination_identity) == ("SMS", number["PhoneNumber"])
    assert sms_voice.spend("RCS") == rcs.price
    assert sms_voice.spend("SMS") == sms.price


def test_a_pool_with_only_an_agent_does_not_fall_back(client: Any, sms_voice: SmsVoiceMock) -> None:
    # "A pool with only an AWS RCS Agent (and no phone numbers) does not support SMS fallback. If
    # RCS fails, the message is not delivered."
    agent = launched_agent(client, sms_voice)
    pool_id = pool_of(client, agent["RcsAgentId"])
    sms_voice.set_rcs_capable(DEST, False)
    text(client, pool_id)
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.delivered) == ("RCS", False)


def test_account_level_sending_tries_the_accounts_agent_first(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # "For account-level sending, the service considers all identities in your account."
    number = toll_free_number(client, ("SMS",))
    agent = launched_agent(client, sms_voice)
    text(client)
    sms_voice.set_rcs_capable(DEST, False)
    text(client)
    assert [(m.channel, m.origination_identity) for m in sms_voice.sent_messages] == [
        ("RCS", agent["RcsAgentId"]),
        ("SMS", number["PhoneNumber"]),
    ]


def test_a_pool_chooses_10dlc_before_toll_free(client: Any, sms_voice: SmsVoiceMock) -> None:
    # "Fallback logic and priority order": short code, 10DLC, toll-free number, sender ID; not
    # the order the members joined.
    toll_free = toll_free_number(client, ("SMS",))
    pool_id = pool_of(client, toll_free["PhoneNumberId"])
    ten_dlc = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TEN_DLC",
        RegistrationId=completed_campaign(client),
        PoolId=pool_id,
    )
    # A new number is PENDING until it is read again ACTIVE, as a user's test waits for it.
    [active] = client.describe_phone_numbers(PhoneNumberIds=[ten_dlc["PhoneNumberId"]])[
        "PhoneNumbers"
    ]
    assert active["Status"] == "ACTIVE"
    text(client, pool_id)
    assert sms_voice.sent_messages[-1].origination_identity == ten_dlc["PhoneNumber"]


def test_sticky_sending_keeps_the_identity_for_25_hours(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # *Sticky sending*: "the service remembers that pairing for 25 hours. Subsequent messages to
    # the same destination within the 25-hour window are routed through the same origination
    # identity"; "If the previous message was delivered via SMS (after RCS fallback), the next
    # message is attempted via SMS through the same phone number."
    number = toll_free_number(client, ("SMS",))
    agent = launched_agent(client, sms_voice)
    pool_id = pool_of(client, number["PhoneNumberId"], agent["RcsAgentId"])
    with freeze_time("2026-03-01 12:00:00") as clock:
        sms_voice.set_rcs_capable(DEST, False)
        text(client, pool_id)  # falls back to SMS
        sms_voice.set_rcs_capable(DEST, True)
        clock.tick(timedelta(hours=24, minutes=59))
        text(client, pool_id)  # still the phone number
        clock.tick(timedelta(hours=25))
        text(client, pool_id)  # the pairing expired: RCS first again
        text(client, pool_id)  # and sticks to the agent
    assert [m.origination_identity for m in sms_voice.sent_messages] == [
        number["PhoneNumber"],
        number["PhoneNumber"],
        agent["RcsAgentId"],
        agent["RcsAgentId"],
    ]
