"""SendRcsMessage and the RCS spend limit through boto3: what is recorded, priced and published,
the SMS/MMS fallback, and every documented error."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.records.verified_destinations import VERIFIED_DESTINATION_NUMBERS
from smsmock.rules import pricing
from smsmock.rules.rcs import set_testing_agent
from tests.helpers import expect_error, toll_free_number

if (
    "SendRcsMessage"
    not in botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2").operation_names
):
    pytest.skip("the installed botocore model predates SendRcsMessage", allow_module_level=True)

US_DEST = "+12065550100"
TEXT = {"Content": {"TextMessage": {"Body": "Your table is ready."}}}
TOPIC = {"SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"}}
SMS_FALLBACK = {"Channel": "SMS", "MessageBody": "Your table is ready (SMS)."}
AGENT_ARN = "arn:aws:sms-voice:us-east-1:123456789012:rcs-agent/rcs-1"


def agent(client: Any, sms_voice: SmsVoiceMock, *countries: str) -> str:
    """An RCS agent launched (ACTIVE) in ``countries`` (default: the US)."""
    agent_id: str = client.create_rcs_agent()["RcsAgentId"]
    for country in countries or ("US",):
        sms_voice.launch_rcs_agent(agent_id, country, "ACTIVE", registration_id="registration-1")
    return agent_id


def send(client: Any, origin: str, **kwargs: Any) -> str:
    kwargs.setdefault("RcsMessageContent", TEXT)
    kwargs.setdefault("DestinationPhoneNumber", US_DEST)
    message_id: str = client.send_rcs_message(OriginationIdentity=origin, **kwargs)["MessageId"]
    return message_id


def refused(send_rcs_message: Any, origin: str, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("RcsMessageContent", TEXT)
    kwargs.setdefault("DestinationPhoneNumber", US_DEST)
    with pytest.raises(ClientError) as caught:
        send_rcs_message(OriginationIdentity=origin, **kwargs)
    response: dict[str, Any] = caught.value.response
    return response


def watch_events(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="all",
        MatchingEventTypes=["RCS_ALL", "TEXT_ALL", "MEDIA_ALL"],
        **TOPIC,
    )


# -- delivered over RCS -------------------------------------------------------------------------


def test_a_text_message_is_recorded_priced_and_published(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = agent(client, sms_voice)
    watch_events(client)
    message_id = send(
        client,
        agent_id,
        ConfigurationSetName="cs",
        Context={"table": "7"},
        TimeToLive=600,
        MessageTrafficType="TRANSACTION",
    )
    [sent] = sms_voice.sent_messages
    assert (sent.message_id, sent.channel, sent.operation) == (
        message_id,
        "RCS",
        "SendRcsMessage",
    )
    assert sent.origination_identity == agent_id
    assert sent.origination_identity_arn.endswith(f":rcs-agent/{agent_id}")
    assert sent.message_body == "Your table is ready."
    assert sent.rcs_message_content == TEXT
    assert (sent.time_to_live, sent.message_traffic_type, sent.context) == (
        600,
        "TRANSACTION",
        {"table": "7"},
    )
    assert sent.delivered and sent.fallback_for is None
    assert sent.price == pricing.rcs_price("US", 1) > 0
    assert sms_voice.spend("RCS") == sent.price
    assert sms_voice.spend("SMS") == 0
    assert [e.event_type for e in sms_voice.events("cs")] == [
        "RCS_QUEUED",
        "RCS_SENT",
        "RCS_DELIVERED",
    ]


def test_a_long_text_is_billed_per_160_character_segment(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = agent(client, sms_voice)
    body = "x" * 161
    send(client, agent_id, RcsMessageContent={"Content": {"TextMessage": {"Body": body}}})
    [sent] = sms_voice.sent_messages
    assert sent.segments == 2
    assert sent.price == pricing.rcs_price("US", 2)


REPLY = {"Reply": {"Text": "Yes", "PostbackData": "yes"}}
CARD = {
    "Title": "Table 7",
    "Media": {"FileUrl": "s3://bucket/table.png", "Height": "SHORT"},
    "Suggestions": [REPLY],
}


@pytest.mark.parametrize(
    "content",
    [
        {"FileMessage": {"FileUrl": "s3://bucket/menu.pdf"}},
        {
            "RichCard": {
                "CardOrientation": "HORIZONTAL",
                "ThumbnailImageAlignment": "LEFT",
                "CardContent": CARD,
            }
        },
        {"Carousel": {"CardWidth": "MEDIUM", "CardContents": [CARD, CARD]}},
    ],
    ids=["file", "rich-card", "carousel"],
)
def test_rich_content_is_one_segment(
    client: Any, sms_voice: SmsVoiceMock, content: dict[str, Any]
) -> None:
    agent_id = agent(client, sms_voice)
    actions = [
        REPLY,
        {"OpenUrl": {"Text": "Menu", "PostbackData": "m", "Url": "https://example.com"}},
        {
            "ShowLocation": {
                "Text": "Map",
                "PostbackData": "l",
                "Latitude": 47.6,
                "Longitude": -122.3,
            }
        },
        {
            "CreateCalendarEvent": {
                "Text": "Save",
                "PostbackData": "c",
                "Title": "Dinner",
                "StartTime": datetime(2030, 1, 1, 19, tzinfo=timezone.utc),
                "EndTime": datetime(2030, 1, 1, 21, tzinfo=timezone.utc),
            }
        },
    ]
    send(client, agent_id, RcsMessageContent={"Content": content, "Suggestions": actions})
    [sent] = sms_voice.sent_messages
    assert (sent.segments, sent.message_body) == (1, None)
    assert set(sent.rcs_message_content["Content"]) == set(content)


def test_a_pool_sends_through_its_agent(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = agent(client, sms_voice)
    pool_id = client.create_pool(OriginationIdentity=agent_id, MessageType="TRANSACTIONAL")[
        "PoolId"
    ]
    send(client, pool_id)
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.origination_identity) == ("RCS", agent_id)


def test_a_testing_agent_reaches_its_verified_test_devices_only(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    set_testing_agent(sms_voice.backend(), agent_id, "registration-test")
    unverified = refused(client.send_rcs_message, agent_id)
    expect_error(
        unverified,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message=agent_id,
        fields={"DestinationPhoneNumber": "does not reach this country"},
    )
    created = client.create_verified_destination_number(
        DestinationPhoneNumber=US_DEST, RcsAgentId=agent_id
    )
    table = sms_voice.backend().table(VERIFIED_DESTINATION_NUMBERS)
    table.get(created["VerifiedDestinationNumberId"]).status = "VERIFIED"
    send(client, agent_id)
    assert [m.channel for m in sms_voice.sent_messages] == ["RCS"]


def test_a_dry_run_is_checked_but_not_sent(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = agent(client, sms_voice)
    watch_events(client)
    send(client, agent_id, DryRun=True, ConfigurationSetName="cs")
    [sent] = sms_voice.sent_messages
    assert sent.dry_run
    assert sms_voice.events() == ()
    assert sms_voice.spend("RCS") == 0


def test_message_feedback(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = agent(client, sms_voice)
    message_id = send(client, agent_id, MessageFeedbackEnabled=True)
    answer = client.put_message_feedback(MessageId=message_id, MessageFeedbackStatus="RECEIVED")
    assert answer["MessageFeedbackStatus"] == "RECEIVED"


# -- when RCS cannot reach ----------------------------------------------------------------------


def test_a_phone_without_rcs_gets_the_sms_fallback(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = agent(client, sms_voice)
    number = toll_free_number(client)
    watch_events(client)
    sms_voice.set_rcs_capable(US_DEST, False)
    message_id = send(
        client,
        agent_id,
        ConfigurationSetName="cs",
        FallbackConfiguration={**SMS_FALLBACK, "OriginationIdentity": number["PhoneNumberId"]},
    )
    [sent] = sms_voice.sent_messages
    assert (sent.message_id, sent.channel, sent.fallback_for) == (message_id, "SMS", "RCS")
    assert sent.operation == "SendRcsMessage"
    assert sent.origination_identity == number["PhoneNumber"]
    assert sent.message_body == SMS_FALLBACK["MessageBody"]
    # "If an RCS message fails and falls back to SMS, you are charged for the SMS message".
    assert sms_voice.spend("RCS") == 0
    assert sms_voice.spend("SMS") == sent.price > 0
    assert [e.event_type for e in sms_voice.events("cs")] == [
        "RCS_FALLEN_BACK_TO_SMS",
        "TEXT_SUCCESSFUL",
        "TEXT_DELIVERED",
    ]


def test_an_unlaunched_country_gets_the_mms_fallback_from_the_pool(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = agent(client, sms_voice, "CA")  # not launched in the US
    number = toll_free_number(client)
    pool_id = client.create_pool(OriginationIdentity=agent_id, MessageType="TRANSACTIONAL")[
        "PoolId"
    ]
    client.associate_origination_identity(
        PoolId=pool_id, OriginationIdentity=number["PhoneNumberId"]
    )
    send(
        client,
        pool_id,
        FallbackConfiguration={"Channel": "MMS", "MediaUrls": ["s3://bucket/table.png"]},
    )
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.fallback_for, sent.origination_identity) == (
        "MMS",
        "RCS",
        number["PhoneNumber"],
    )
    assert sent.media_urls == ("s3://bucket/table.png",)


def test_the_fallback_is_never_sent_by_an_rcs_agent(client: Any, sms_voice: SmsVoiceMock) -> None:
    """The fallback "retries the message via SMS using a phone number from the same pool"
    (rcs-sms-fallback.md): a pool whose only member is the agent has none to send it, and the
    agent is refused as the fallback's OriginationIdentity."""
    agent_id = agent(client, sms_voice)
    sms_voice.set_rcs_capable(US_DEST, False)
    pool_id = client.create_pool(OriginationIdentity=agent_id, MessageType="TRANSACTIONAL")[
        "PoolId"
    ]
    expect_error(
        refused(client.send_rcs_message, pool_id, FallbackConfiguration=SMS_FALLBACK),
        "ConflictException",
        reason="NO_ORIGINATION_IDENTITIES_FOUND",
        message=f"The pool {pool_id} has no origination identity",
        resource_type="pool",
        resource_id=pool_id,
    )
    fallback = {**SMS_FALLBACK, "OriginationIdentity": agent_id}
    expect_error(
        refused(client.send_rcs_message, agent_id, FallbackConfiguration=fallback),
        "ValidationException",
        reason="INVALID_PARAMETER",
        message="not an RCS agent",
        fields={"FallbackConfiguration.OriginationIdentity": "RCS agents not accepted"},
    )
    assert sms_voice.sent_messages == ()
    number = toll_free_number(client)
    client.associate_origination_identity(
        PoolId=pool_id, OriginationIdentity=number["PhoneNumberId"]
    )
    send(client, pool_id, FallbackConfiguration=SMS_FALLBACK)
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.fallback_for, sent.origination_identity) == (
        "SMS",
        "RCS",
        number["PhoneNumber"],
    )


def test_a_pools_sticky_agent_does_not_send_its_fallback(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """A text from a pool pairs the destination with the agent that delivered it (sticky
    sending); an RCS message through the same pool that falls back still sends its SMS from a
    phone number of the pool, not from that agent."""
    canada = agent(client, sms_voice, "CA")  # the pool's first agent: it does not reach the US
    us = agent(client, sms_voice, "US")
    number = toll_free_number(client)
    pool_id = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"], MessageType="TRANSACTIONAL"
    )["PoolId"]
    for agent_id in (canada, us):
        client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=agent_id)
    client.send_text_message(
        DestinationPhoneNumber=US_DEST, OriginationIdentity=pool_id, MessageBody="Hello"
    )
    send(client, pool_id, FallbackConfiguration=SMS_FALLBACK)
    text, fallback = sms_voice.sent_messages
    assert (text.channel, text.origination_identity) == ("RCS", us)
    assert (fallback.channel, fallback.fallback_for, fallback.origination_identity) == (
        "SMS",
        "RCS",
        number["PhoneNumber"],
    )


def test_a_phone_without_rcs_and_no_fallback_fails_uncharged(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = agent(client, sms_voice)
    watch_events(client)
    sms_voice.set_rcs_capable(US_DEST, False)
    send(client, agent_id, ConfigurationSetName="cs")
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.delivered, sent.price) == ("RCS", False, 0.0)
    assert [e.event_type for e in sms_voice.events("cs")] == ["RCS_QUEUED", "RCS_FAILED"]
    assert sms_voice.spend("RCS") == 0
    sms_voice.set_rcs_capable(US_DEST, True)
    send(client, agent_id)
    assert sms_voice.sent_messages[-1].delivered


# -- documented errors --------------------------------------------------------------------------


def test_an_unknown_origination_identity_is_not_found(client: Any) -> None:
    error = refused(client.send_rcs_message, "rcs-nope")
    expect_error(
        error,
        "ResourceNotFoundException",
        message="rcs-nope",
        resource_type="rcs-agent",
        resource_id="rcs-nope",
    )


@pytest.mark.parametrize(
    ("member", "value", "resource_type"),
    [
        ("ConfigurationSetName", "nope", "configuration-set"),
        ("ProtectConfigurationId", "protect-nope", "protect-configuration"),
    ],
)
def test_unknown_references_are_not_found(
    client: Any, sms_voice: SmsVoiceMock, member: str, value: str, resource_type: str
) -> None:
    agent_id = agent(client, sms_voice)
    error = refused(client.send_rcs_message, agent_id, **{member: value})
    expect_error(
        error,
        "ResourceNotFoundException",
        message=value,
        resource_type=resource_type,
        resource_id=value,
    )


def _content(**content: Any) -> dict[str, Any]:
    return {"RcsMessageContent": {"Content": content}}


def _card(**card: Any) -> dict[str, Any]:
    return _content(RichCard={"CardOrientation": "VERTICAL", "CardContent": {}, **card})


START = datetime(2030, 1, 1, 19, tzinfo=timezone.utc)
BAD_EVENT = {
    "CreateCalendarEvent": {
        "Text": "Save",
        "PostbackData": "c",
        "Title": "Dinner",
        "StartTime": START,
        "EndTime": START,
    }
}


@pytest.mark.parametrize(
    ("request_members", "reason", "message", "fields"),
    [
        (
            {"RcsMessageContent": None},
            "MISSING_PARAMETER",
            "RcsMessageContent",
            {"RcsMessageContent": "Required"},
        ),
        (
            _content(),
            "MISSING_PARAMETER",
            "RcsMessageContent.Content",
            {"RcsMessageContent.Content": "TextMessage, FileMessage, RichCard, Carousel"},
        ),
        (
            _content(TextMessage={"Body": "a"}, FileMessage={"FileUrl": "s3://b/k"}),
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            "it has TextMessage, FileMessage",
            {
                "RcsMessageContent.Content.TextMessage": "Only one",
                "RcsMessageContent.Content.FileMessage": "Only one",
            },
        ),
        (
            _card(CardOrientation="DIAGONAL"),
            "INVALID_PARAMETER",
            "DIAGONAL",
            {"RcsMessageContent.Content.RichCard.CardOrientation": "HORIZONTAL, VERTICAL"},
        ),
        (
            _card(ThumbnailImageAlignment="LEFT"),
            "INVALID_PARAMETER",
            "HORIZONTAL",
            {"RcsMessageContent.Content.RichCard.ThumbnailImageAlignment": "HORIZONTAL"},
        ),
        (
            _content(
                Carousel={
                    "CardWidth": "SMALL",
                    "CardContents": [{}, {"Media": {"FileUrl": "s3://b/k", "Height": "TALL"}}],
                }
            ),
            "INVALID_PARAMETER",
            "TALL",
            {"RcsMessageContent.Content.Carousel.CardContents[1].Media.Height": "SHORT, MEDIUM"},
        ),
        (
            {"RcsMessageContent": {**TEXT, "Suggestions": [{}]}},
            "MISSING_PARAMETER",
            "RcsMessageContent.Suggestions[0]",
            {"RcsMessageContent.Suggestions[0]": "Reply, OpenUrl"},
        ),
        (
            {"RcsMessageContent": {**TEXT, "Suggestions": [BAD_EVENT]}},
            "INVALID_PARAMETER",
            "ends after it starts",
            {"RcsMessageContent.Suggestions[0].CreateCalendarEvent.EndTime": "after StartTime"},
        ),
        (
            {"MessageTrafficType": "MARKETING"},
            "INVALID_PARAMETER",
            "MARKETING",
            {"MessageTrafficType": "AUTHENTICATION, TRANSACTION"},
        ),
        (
            {"FallbackConfiguration": {"Channel": "SMS"}},
            "MISSING_PARAMETER",
            "MessageBody",
            {"FallbackConfiguration.MessageBody": "Required for SMS fallback"},
        ),
        (
            {"FallbackConfiguration": {**SMS_FALLBACK, "MediaUrls": ["s3://bucket/table.png"]}},
            "INVALID_PARAMETER",
            "MMS fallback",
            {"FallbackConfiguration.MediaUrls": "MMS"},
        ),
        (
            {"FallbackConfiguration": {**SMS_FALLBACK, "OriginationIdentity": "pool-abc"}},
            "INVALID_PARAMETER",
            "not a pool",
            {"FallbackConfiguration.OriginationIdentity": "Pool IDs"},
        ),
        (
            {"FallbackConfiguration": {**SMS_FALLBACK, "OriginationIdentity": "rcs-abc"}},
            "INVALID_PARAMETER",
            "not an RCS agent",
            {"FallbackConfiguration.OriginationIdentity": "RCS agents"},
        ),
        (
            {"FallbackConfiguration": {**SMS_FALLBACK, "OriginationIdentity": AGENT_ARN}},
            "INVALID_PARAMETER",
            "not an RCS agent",
            {"FallbackConfiguration.OriginationIdentity": "RCS agents"},
        ),
        ({"MaxPrice": "0.001"}, "PRICE_OVER_THRESHOLD", "0.001", {"MaxPrice": "Too low"}),
        (
            {"DestinationPhoneNumber": "+447700900123"},  # not launched in GB
            "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
            "GB",
            {"DestinationPhoneNumber": "does not reach this country"},
        ),
    ],
)
def test_validation(
    client: Any,
    sms_voice: SmsVoiceMock,
    request_members: dict[str, Any],
    reason: str,
    message: str,
    fields: dict[str, str],
) -> None:
    agent_id = agent(client, sms_voice)
    # botocore checks unions itself; the mock checks them too, for clients that do not.
    unchecked = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        config=Config(parameter_validation=False),
    )
    request = {"RcsMessageContent": TEXT, **request_members}
    if request["RcsMessageContent"] is None:
        del request["RcsMessageContent"]
    with pytest.raises(ClientError) as caught:
        unchecked.send_rcs_message(
            **{"DestinationPhoneNumber": US_DEST, "OriginationIdentity": agent_id, **request}
        )
    expect_error(caught, "ValidationException", reason, message=message, fields=fields)
    assert sms_voice.sent_messages == ()


def test_a_phone_number_is_not_an_rcs_origination_identity(
    client: Any, us_toll_free: dict[str, Any]
) -> None:
    error = refused(client.send_rcs_message, us_toll_free["PhoneNumberArn"])
    expect_error(
        error,
        "ValidationException",
        "INVALID_ARN",
        message=us_toll_free["PhoneNumberArn"],
        fields={"OriginationIdentity": "Invalid origination identity ARN"},
    )


def test_conflicts(client: Any, sms_voice: SmsVoiceMock) -> None:
    not_launched = client.create_rcs_agent()["RcsAgentId"]
    error = refused(client.send_rcs_message, not_launched)
    expect_error(
        error,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        message=not_launched,
        resource_type="rcs-agent",
        resource_id=not_launched,
    )

    number = toll_free_number(client)
    pool_id = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"], MessageType="TRANSACTIONAL"
    )["PoolId"]
    error = refused(client.send_rcs_message, pool_id)
    expect_error(
        error,
        "ConflictException",
        "NO_ORIGINATION_IDENTITIES_FOUND",
        message=pool_id,
        resource_type="pool",
        resource_id=pool_id,
    )

    agent_id = agent(client, sms_voice)
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=US_DEST)
    error = refused(client.send_rcs_message, agent_id)
    expect_error(
        error,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        message=US_DEST,
        resource_type="opted-out-number",
        resource_id=US_DEST,
    )


def test_a_protect_configuration_blocks(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = agent(client, sms_voice)
    config = client.create_protect_configuration()["ProtectConfigurationId"]
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=config,
        NumberCapability="SMS",
        CountryRuleSetUpdates={"US": {"ProtectStatus": "BLOCK"}},
    )
    error = refused(client.send_rcs_message, agent_id, ProtectConfigurationId=config)
    expect_error(
        error,
        "ConflictException",
        "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION",
        message=config,
        resource_type="protect-configuration",
        resource_id=config,
    )


def test_the_monthly_rcs_spend_limit(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = agent(client, sms_voice)
    client.set_rcs_message_spend_limit_override(MonthlyLimit=0)
    error = refused(client.send_rcs_message, agent_id)
    expect_error(
        error,
        "ServiceQuotaExceededException",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS",
        message="0 USD",
    )
    assert client.delete_rcs_message_spend_limit_override()["MonthlyLimit"] == 0
    send(client, agent_id)
    assert sms_voice.spend("RCS") > 0


def test_rcs_spend_limit_override_above_the_maximum(client: Any, sms_voice: SmsVoiceMock) -> None:
    with pytest.raises(ClientError) as caught:
        client.set_rcs_message_spend_limit_override(MonthlyLimit=5)
    expect_error(
        caught,
        "ValidationException",
        "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
        message="monthly limit 5",
        fields={"MonthlyLimit": "less than or equal to 1"},
    )
    sms_voice.set_quota("RCS_MESSAGE_MONTHLY_SPEND_LIMIT", 50)
    assert client.set_rcs_message_spend_limit_override(MonthlyLimit=5)["MonthlyLimit"] == 5
    limits = {s["Name"]: s for s in client.describe_spend_limits()["SpendLimits"]}
    assert limits["RCS_MESSAGE_MONTHLY_SPEND_LIMIT"] == {
        "Name": "RCS_MESSAGE_MONTHLY_SPEND_LIMIT",
        "EnforcedLimit": 5,
        "MaxLimit": 50,
        "Overridden": True,
    }
    assert client.delete_rcs_message_spend_limit_override()["MonthlyLimit"] == 5
