"""SendTextMessage, SendVoiceMessage, SendMediaMessage and PutMessageFeedback through boto3, and
what ``sms_voice.sent_messages`` and ``sms_voice.events()`` show afterwards."""

from __future__ import annotations

import time
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from smsmock.rules import pricing
from tests.helpers import expect_error, refused
from tests.installed_model import needs_members, needs_operations
from tests.registration_data import register_toll_free

US_DEST = "+12065550100"
GB_DEST = "+447700900123"
DE_DEST = "+4915112345678"
SE_DEST = "+46701234567"  # a country without a price of its own: the default, $0.05


def number(client: Any, country: str = "US", **kwargs: Any) -> dict[str, Any]:
    """A phone number of the account (toll-free in the US, a long code elsewhere)."""
    args: dict[str, Any] = {
        "IsoCountryCode": country,
        "MessageType": "TRANSACTIONAL",
        "NumberCapabilities": ["SMS", "VOICE", "MMS"] if country == "US" else ["SMS"],
        "NumberType": "TOLL_FREE" if country == "US" else "LONG_CODE",
    }
    args.update(kwargs)
    result: dict[str, Any] = client.request_phone_number(**args)
    if args["NumberType"] == "TOLL_FREE":
        register_toll_free(client, result["PhoneNumberId"])
    return result


@pytest.fixture
def us_number(client: Any) -> dict[str, Any]:
    return number(client)


# -- what is recorded --------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["PhoneNumberId", "PhoneNumberArn", "PhoneNumber"])
def test_text_message_is_recorded(
    client: Any, sms_voice: Any, us_number: dict[str, Any], ref: str
) -> None:
    response = client.send_text_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number[ref],
        MessageBody="Your order has shipped",
        Context={"order": "42"},
        TimeToLive=300,
        Keyword="ORDERS",
    )
    [sent] = sms_voice.sent_messages
    assert sent.message_id == response["MessageId"]
    assert sent.channel == "SMS"
    assert sent.account_id == "123456789012"
    assert sent.region == "us-east-1"
    assert sent.origination_identity == us_number["PhoneNumber"]
    assert sent.origination_identity_arn == us_number["PhoneNumberArn"]
    assert sent.destination_phone_number == US_DEST
    assert sent.message_body == "Your order has shipped"
    assert sent.message_type == "TRANSACTIONAL"
    assert sent.context == {"order": "42"}
    assert sent.time_to_live == 300
    assert sent.keyword == "ORDERS"
    assert sent.dry_run is False
    assert sent.segments == 1
    assert sent.price == pricing.PRICES["US"].sms
    assert sent.destination_country == "US"
    assert sent.operation == "SendTextMessage"
    with pytest.raises(AttributeError):
        sent.message_body = "changed"


def test_sent_messages_span_accounts_and_regions(sms_voice: Any) -> None:
    west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="111122223333",
        aws_secret_access_key="x",
    )
    for client in (west, other):
        client.send_text_message(
            DestinationPhoneNumber=US_DEST,
            OriginationIdentity=number(client)["PhoneNumberId"],
            MessageBody="hi",
        )
    assert [(m.account_id, m.region) for m in sms_voice.sent_messages] == [
        ("123456789012", "us-west-2"),
        ("111122223333", "us-east-1"),
    ]


def test_sender_id_and_pool(client: Any, sms_voice: Any) -> None:
    client.request_sender_id(SenderId="ACME", IsoCountryCode="DE")
    client.send_text_message(
        DestinationPhoneNumber=DE_DEST, OriginationIdentity="ACME", MessageBody="hi"
    )
    gb = number(client, "GB")
    pool = client.create_pool(
        OriginationIdentity=gb["PhoneNumberId"], IsoCountryCode="GB", MessageType="TRANSACTIONAL"
    )
    client.send_text_message(
        DestinationPhoneNumber=GB_DEST, OriginationIdentity=pool["PoolArn"], MessageBody="hi"
    )
    assert [m.origination_identity for m in sms_voice.sent_messages] == ["ACME", gb["PhoneNumber"]]


def test_identity_chosen_when_omitted(client: Any, sms_voice: Any, us_number: Any) -> None:
    client.send_text_message(DestinationPhoneNumber=US_DEST, MessageBody="hi")
    assert sms_voice.sent_messages[-1].origination_identity == us_number["PhoneNumber"]


def test_configuration_set_default_sender_id_when_no_identity(client: Any, sms_voice: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="cs")
    # No identity of the account, and no shared routes in the US (phone-number-types.md).
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=US_DEST,
        MessageBody="hi",
        ConfigurationSetName="cs",
    )
    expect_error(response, "ConflictException", "NO_ORIGINATION_IDENTITIES_FOUND")
    client.set_default_sender_id(ConfigurationSetName="cs", SenderId="ACME")
    client.set_default_message_type(ConfigurationSetName="cs", MessageType="PROMOTIONAL")
    client.send_text_message(
        DestinationPhoneNumber=GB_DEST, MessageBody="hi", ConfigurationSetName="cs"
    )
    sent = sms_voice.sent_messages[-1]
    assert sent.origination_identity == "ACME"
    assert sent.configuration_set_name == "cs"
    assert sent.message_type == "PROMOTIONAL"


def test_voice_and_media(client: Any, sms_voice: Any, us_number: Any) -> None:
    words = " ".join(["word"] * 200)  # 200 words: two started minutes
    client.send_voice_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody=words,
        VoiceId="JOANNA",
    )
    client.send_voice_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="<speak>Hello</speak>",
        MessageBodyTextType="SSML",
    )
    client.send_media_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="look",
        MediaUrls=["s3://bucket/cat.png"],
    )
    voice, ssml, media = sms_voice.sent_messages
    assert (voice.channel, voice.voice_id, voice.segments) == ("VOICE", "JOANNA", 2)
    assert voice.price == pytest.approx(2 * pricing.PRICES["US"].voice_per_minute)
    assert (ssml.voice_id, ssml.message_body_text_type, ssml.segments) == ("MATTHEW", "SSML", 1)
    assert (media.channel, media.media_urls) == ("MMS", ("s3://bucket/cat.png",))
    assert media.price == pricing.PRICES["US"].mms


@pytest.mark.parametrize(
    ("body", "parts"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("{" * 80, 1),  # extension characters count twice
        ("{" * 81, 2),
        ("é" * 160, 1),  # é is in GSM-7
        ("ł" * 70, 1),  # ł is not: UCS-2
        ("ł" * 71, 2),
        pytest.param("😀" * 35, 1, id="emoji"),  # two UTF-16 code units each
        pytest.param("😀" * 36, 2, id="emoji-2"),
    ],
)
def test_segments_and_price(
    client: Any, sms_voice: Any, us_number: Any, body: str, parts: int
) -> None:
    client.send_text_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody=body,
    )
    sent = sms_voice.sent_messages[-1]
    assert sent.segments == parts
    assert sent.price == pytest.approx(parts * pricing.PRICES["US"].sms)


def test_dry_run_is_marked_and_free(client: Any, sms_voice: Any, us_number: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="all",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"},
    )
    response = client.send_text_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
        ConfigurationSetName="cs",
        DryRun=True,
    )
    [sent] = sms_voice.sent_messages
    assert sent.message_id == response["MessageId"]
    assert sent.dry_run is True
    assert sent.price > 0
    assert sms_voice.spend("SMS") == 0
    assert sms_voice.events("cs") == ()


def test_dry_run_still_validates(client: Any, us_number: Any) -> None:
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=US_DEST)
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
        DryRun=True,
    )
    expect_error(
        response,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        resource_type="opted-out-number",
        resource_id=US_DEST,
        message="opt-out list Default",
    )


# -- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "resource_type"),
    [
        ("+12065550199", "phone-number"),
        ("phone-00000000000000000000000000000000", "phone-number"),
        ("pool-00000000000000000000000000000000", "pool"),
        ("NOPE", "sender-id"),
        ("arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1", "pool"),
    ],
)
def test_unknown_origination_identity(client: Any, ref: str, resource_type: str) -> None:
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=ref,
        MessageBody="hi",
    )
    expect_error(
        response, "ResourceNotFoundException", resource_type=resource_type, resource_id=ref
    )


def test_unknown_configuration_set(client: Any, us_number: Any) -> None:
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
        ConfigurationSetName="nope",
    )
    expect_error(
        response, "ResourceNotFoundException", resource_type="configuration-set", resource_id="nope"
    )


def test_opted_out_destination(client: Any, sms_voice: Any, us_number: Any) -> None:
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=US_DEST)
    send = {
        "DestinationPhoneNumber": US_DEST,
        "OriginationIdentity": us_number["PhoneNumberId"],
        "MessageBody": "hi",
    }
    response = refused(client.send_text_message, **send)
    expect_error(
        response,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        resource_type="opted-out-number",
        resource_id="+12065550100",
    )
    assert sms_voice.sent_messages == ()
    # Self-managed opt-outs do not lift the list: tests/rules/test_sending_limits.py.


def test_opt_out_list_of_the_pool(client: Any) -> None:
    gb = number(client, "GB")
    client.create_opt_out_list(OptOutListName="marketing")
    pool = client.create_pool(
        OriginationIdentity=gb["PhoneNumberId"], IsoCountryCode="GB", MessageType="TRANSACTIONAL"
    )
    client.update_pool(PoolId=pool["PoolId"], OptOutListName="marketing")
    client.put_opted_out_number(OptOutListName="marketing", OptedOutNumber=GB_DEST)
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=GB_DEST,
        OriginationIdentity=pool["PoolId"],
        MessageBody="hi",
    )
    expect_error(
        response,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        resource_type="opted-out-number",
        resource_id="+447700900123",
    )


def test_ten_thousand_opted_out_numbers_cost_no_scan(
    client: Any, sms_voice: Any, us_number: Any
) -> None:
    from smsmock.records.opt_out_lists import OptedOutNumber, opt_out_lists

    # 10,000 numbers put on the list directly (10,000 PutOptedOutNumber calls would only test
    # boto3's speed); every send then checks the list.
    default = opt_out_lists(sms_voice.backend(), _now()).get("Default")
    for i in range(10_000):
        key = f"+1206555{i:04d}"
        default.numbers[key] = OptedOutNumber(opted_out_number=key, opted_out_timestamp=_now())
    started = time.perf_counter()
    for _ in range(50):
        client.send_text_message(
            DestinationPhoneNumber="+12125550100",
            OriginationIdentity=us_number["PhoneNumberId"],
            MessageBody="hi",
        )
    assert time.perf_counter() - started < 5
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber="+12065559999",
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
    )
    expect_error(
        response,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        resource_type="opted-out-number",
        resource_id="+12065559999",
    )


def _now() -> Any:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def test_capabilities(client: Any) -> None:
    gb = number(client, "GB")  # SMS only
    voice = refused(
        client.send_voice_message,
        DestinationPhoneNumber=GB_DEST,
        OriginationIdentity=gb["PhoneNumberId"],
        MessageBody="hi",
    )
    expect_error(
        voice,
        "ValidationException",
        "VOICE_CAPABILITY_NOT_AVAILABLE",
        fields={"OriginationIdentity": "The identity has no VOICE capability"},
    )
    media = refused(
        client.send_media_message,
        DestinationPhoneNumber=GB_DEST,
        OriginationIdentity=gb["PhoneNumberId"],
        MediaUrls=["s3://bucket/a.png"],
    )
    expect_error(
        media,
        "ConflictException",
        "NUMBER_CAPABILITIES_MISMATCH",
        resource_type="phone-number",
        resource_id=gb["PhoneNumberId"],
    )
    client.request_sender_id(SenderId="ACME", IsoCountryCode="DE")
    sender_voice = refused(
        client.send_voice_message,
        DestinationPhoneNumber=GB_DEST,
        OriginationIdentity="arn:aws:sms-voice:us-east-1:123456789012:sender-id/ACME/DE",
        MessageBody="hi",
    )
    expect_error(
        sender_voice,
        "ValidationException",
        "INVALID_ARN",
        fields={"OriginationIdentity": "Invalid origination identity ARN"},
    )


def test_identity_not_active(client: Any, sms_voice: Any) -> None:
    sms_voice.set_lifecycle("phone-number", "manual")
    pending = number(client)
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=pending["PhoneNumberId"],
        MessageBody="hi",
    )
    expect_error(
        response,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        resource_type="phone-number",
        resource_id=pending["PhoneNumberId"],
    )


def test_message_type_mismatch(client: Any, us_number: Any) -> None:
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
        MessageType="PROMOTIONAL",
    )
    expect_error(
        response,
        "ConflictException",
        "MESSAGE_TYPE_MISMATCH",
        resource_type="phone-number",
        resource_id=us_number["PhoneNumberId"],
    )


@needs_members("UpdatePhoneNumberRequest", "InternationalSendingEnabled")
def test_international_sending(client: Any, sms_voice: Any, us_number: Any) -> None:
    send = {
        "DestinationPhoneNumber": GB_DEST,
        "OriginationIdentity": us_number["PhoneNumberId"],
        "MessageBody": "hi",
    }
    response = refused(client.send_text_message, **send)
    expect_error(
        response,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        fields={"DestinationPhoneNumber": "The origination identity cannot reach this country"},
    )
    client.update_phone_number(
        PhoneNumberId=us_number["PhoneNumberId"], InternationalSendingEnabled=True
    )
    client.send_text_message(**send)
    assert sms_voice.sent_messages[-1].price == pricing.PRICES["GB"].sms


@pytest.mark.parametrize(
    ("operation", "member", "extra"),
    [
        ("send_text_message", "MaxPrice", {}),
        ("send_voice_message", "MaxPricePerMinute", {}),
        ("send_media_message", "MaxPrice", {"MediaUrls": ["s3://bucket/a.png"]}),
    ],
)
def test_max_price(client: Any, us_number: Any, operation: str, member: str, extra: Any) -> None:
    send = {
        "DestinationPhoneNumber": US_DEST,
        "OriginationIdentity": us_number["PhoneNumberId"],
        "MessageBody": "hi",
        **extra,
    }
    response = refused(getattr(client, operation), **send, **{member: "0.001"})
    expect_error(
        response, "ValidationException", "PRICE_OVER_THRESHOLD", fields={member: "Too low"}
    )
    getattr(client, operation)(**send, **{member: "0.50"})


def test_body_limits(client: Any, us_number: Any) -> None:
    base = {"DestinationPhoneNumber": US_DEST, "OriginationIdentity": us_number["PhoneNumberId"]}
    too_long = refused(client.send_text_message, **base, MessageBody="a" * 1601)
    expect_error(
        too_long,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"MessageBody": "Member must have length less than or equal to 1600"},
    )
    missing = refused(client.send_text_message, **base)
    expect_error(
        missing, "ValidationException", "MISSING_PARAMETER", fields={"MessageBody": "Required"}
    )
    voice = refused(client.send_voice_message, **base, MessageBody="a" * 3001)
    expect_error(
        voice,
        "ValidationException",
        "MAXIMUM_SIZE_EXCEEDED",
        fields={"MessageBody": "At most 3000 characters for TEXT"},
    )
    client.send_voice_message(**base, MessageBody="a" * 3001, MessageBodyTextType="SSML")
    media = refused(client.send_media_message, **base)
    either = "Give MessageBody or MediaUrls"
    expect_error(
        media,
        "ValidationException",
        "MISSING_PARAMETER",
        fields={"MessageBody": either, "MediaUrls": either},
    )
    bad_url = refused(client.send_media_message, **base, MediaUrls=["https://example.com/a.png"])
    expect_error(
        bad_url,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"MediaUrls[0]": "Member must satisfy regular expression pattern"},
    )
    bad_destination = refused(
        client.send_text_message,
        DestinationPhoneNumber="+999123",
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
    )
    expect_error(
        bad_destination,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"DestinationPhoneNumber": "Not a valid E.164 phone number"},
    )


# -- spend -------------------------------------------------------------------------------------


def test_monthly_text_spend_limit_resets_with_the_month(client: Any, sms_voice: Any) -> None:
    gb = number(client, "GB")
    send = {"DestinationPhoneNumber": GB_DEST, "OriginationIdentity": gb["PhoneNumberId"]}
    fits = int(1 // pricing.PRICES["GB"].sms)
    with freeze_time("2026-01-31 23:00:00"):
        for _ in range(fits):
            client.send_text_message(**send, MessageBody="hi")
        assert sms_voice.spend("SMS") == pytest.approx(fits * pricing.PRICES["GB"].sms)
        response = refused(client.send_text_message, **send, MessageBody="hi")
        expect_error(
            response,
            "ServiceQuotaExceededException",
            "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
        )
        client.send_text_message(**send, MessageBody="hi", DryRun=True)  # dry runs are free
    with freeze_time("2026-02-01 00:00:01"):
        client.send_text_message(**send, MessageBody="hi")
        assert sms_voice.spend("SMS") == pricing.PRICES["GB"].sms
        assert sms_voice.spend("SMS", month="2026-01") > 0.95


def test_a_message_landing_exactly_on_the_limit_is_sent(client: Any, sms_voice: Any) -> None:
    """The limit is "the maximum amount, in US dollars, that you can spend each month" and "once
    you've spent $50, AWS End User Messaging SMS stops sending" (user guide, "Set a spending
    limit"; ``SpendLimit.MaxLimit``: "The maximum amount of money that you are able to spend"):
    spending up to the limit is allowed, only what would go past it is refused."""
    client.request_sender_id(SenderId="ACME", IsoCountryCode="SE")
    client.set_text_message_spend_limit_override(MonthlyLimit=1)
    send = {"DestinationPhoneNumber": SE_DEST, "OriginationIdentity": "ACME", "MessageBody": "hi"}
    each = pricing.price_for("SE").sms
    fits = round(1 / each)
    assert fits * each == pytest.approx(1.0)  # the last message lands exactly on $1
    with freeze_time("2026-05-10 12:00:00"):
        for _ in range(fits):
            client.send_text_message(**send)
        assert sms_voice.spend("SMS") == 1.0
        expect_error(
            refused(client.send_text_message, **send),
            "ServiceQuotaExceededException",
            "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
            message="monthly spend limit of 1 USD",
        )


@pytest.mark.parametrize(
    ("operation", "override", "reason", "extra"),
    [
        ("send_voice_message", "set_voice_message_spend_limit_override", "VOICE", {}),
        (
            "send_media_message",
            "set_media_message_spend_limit_override",
            "MEDIA",
            {"MediaUrls": ["s3://bucket/a.png"]},
        ),
        ("send_text_message", "set_text_message_spend_limit_override", "TEXT", {}),
    ],
)
def test_spend_limit_per_channel(
    client: Any, us_number: Any, operation: str, override: str, reason: str, extra: Any
) -> None:
    getattr(client, override)(MonthlyLimit=0)
    response = refused(
        getattr(client, operation),
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
        **extra,
    )
    expect_error(
        response,
        "ServiceQuotaExceededException",
        f"MONTHLY_SPEND_LIMIT_REACHED_FOR_{reason}",
        message="would exceed the monthly spend limit of 0 USD",
    )


# -- events and feedback -----------------------------------------------------------------------


def test_events_by_matching_event_types(client: Any, sms_voice: Any, us_number: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="cs")
    topic = {"SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"}}
    for name, types in (("delivered", ["TEXT_DELIVERED"]), ("voice", ["VOICE_ALL"])):
        client.create_event_destination(
            ConfigurationSetName="cs", EventDestinationName=name, MatchingEventTypes=types, **topic
        )
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="off",
        MatchingEventTypes=["ALL"],
        **topic,
    )
    client.update_event_destination(
        ConfigurationSetName="cs", EventDestinationName="off", Enabled=False
    )
    base = {"DestinationPhoneNumber": US_DEST, "OriginationIdentity": us_number["PhoneNumberId"]}
    text_id = client.send_text_message(**base, MessageBody="hi", ConfigurationSetName="cs")
    voice_id = client.send_voice_message(**base, MessageBody="hi", ConfigurationSetName="cs")
    client.send_text_message(**base, MessageBody="no set")
    events = sms_voice.events("cs")
    assert [(e.event_type, e.event_destination_name) for e in events] == [
        ("TEXT_DELIVERED", "delivered"),
        ("VOICE_INITIATED", "voice"),
        ("VOICE_RINGING", "voice"),
        ("VOICE_ANSWERED", "voice"),
        ("VOICE_COMPLETED", "voice"),
    ]
    assert events[0].message_id == text_id["MessageId"]
    assert events[1].message_id == voice_id["MessageId"]
    assert events[0].destination_kind == "SnsDestination"
    assert len(sms_voice.events(event_type="VOICE_RINGING")) == 1
    voice = tuple(e for e in events if e.event_type.startswith("VOICE_"))
    assert sms_voice.events(event_type="VOICE_ALL") == voice
    assert sms_voice.events("cs", event_type="ALL") == tuple(events)


@needs_members("SendTextMessageRequest", "MessageFeedbackEnabled")
def test_message_feedback(client: Any, us_number: Any) -> None:
    base = {
        "DestinationPhoneNumber": US_DEST,
        "OriginationIdentity": us_number["PhoneNumberId"],
        "MessageBody": "123456 is your code",
    }
    with_feedback = client.send_text_message(**base, MessageFeedbackEnabled=True)["MessageId"]
    answer = client.put_message_feedback(MessageId=with_feedback, MessageFeedbackStatus="RECEIVED")
    assert answer == {
        "MessageId": with_feedback,
        "MessageFeedbackStatus": "RECEIVED",
        "ResponseMetadata": answer["ResponseMetadata"],
    }
    without = client.send_text_message(**base)["MessageId"]
    for message_id in (without, "no-such-message"):
        response = refused(
            client.put_message_feedback, MessageId=message_id, MessageFeedbackStatus="FAILED"
        )
        expect_error(
            response,
            "ResourceNotFoundException",
            resource_type="message",
            resource_id=message_id,
        )


@needs_operations("SetDefaultMessageFeedbackEnabled")
def test_feedback_default_from_configuration_set(
    client: Any, sms_voice: Any, us_number: Any
) -> None:
    client.create_configuration_set(ConfigurationSetName="cs")
    client.set_default_message_feedback_enabled(
        ConfigurationSetName="cs", MessageFeedbackEnabled=True
    )
    message_id = client.send_text_message(
        DestinationPhoneNumber=US_DEST,
        OriginationIdentity=us_number["PhoneNumberId"],
        MessageBody="hi",
        ConfigurationSetName="cs",
    )["MessageId"]
    assert sms_voice.sent_messages[-1].message_feedback_enabled is True
    client.put_message_feedback(MessageId=message_id, MessageFeedbackStatus="FAILED")


def test_pool_with_shared_routes_sends_where_it_has_no_number(
    client: Any, sms_voice: Any, us_number: Any
) -> None:
    pool = client.create_pool(
        OriginationIdentity=us_number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    send = {"DestinationPhoneNumber": GB_DEST, "OriginationIdentity": pool["PoolId"]}
    response = refused(client.send_text_message, **send, MessageBody="hi")
    expect_error(
        response,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        fields={"DestinationPhoneNumber": "The origination identity cannot reach this country"},
    )
    client.update_pool(PoolId=pool["PoolId"], SharedRoutesEnabled=True)
    client.send_text_message(**send, MessageBody="hi")
    sent = sms_voice.sent_messages[-1]
    assert sent.origination_identity is None
    assert sent.price == pricing.PRICES["GB"].sms
