"""How long a voice message lasts and what it costs: the words read out at 150 a minute (SSML's
tags are not spoken, a plain-text body's angle brackets are), the longest message the account may
send (quotas.md, Voice quotas) refused whole, billing per started minute, ``MaxPricePerMinute``
against the price of one minute, and the per-destination count's 24 hours."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, record_events

DEST = "+12065550100"
US_PER_MINUTE = 0.013
"""The price table's US voice minute (``pricing.PRICES["US"].voice_per_minute``)."""


@pytest.fixture(autouse=True)
def spend(sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT", 100)


def call(client: Any, number: dict[str, Any], body: str, **extra: Any) -> None:
    client.send_voice_message(
        DestinationPhoneNumber=DEST,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody=body,
        **extra,
    )


def words(count: int) -> str:
    return " ".join(["hi"] * count)


def paused(count: int) -> str:
    """An SSML body of ``count`` words, each followed by a pause."""
    return "<speak>" + " ".join("word <break/>" for _ in range(count)) + "</speak>"


def test_ssml_tags_are_not_spoken(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # The same body of 100 words and pauses: as SSML 100 words are read (40 seconds, one minute
    # billed); as plain text its tags are read too (200 words, 80 seconds, two minutes).
    config_set = record_events(client)
    for text_type in ("SSML", "TEXT"):
        call(
            client,
            us_toll_free,
            paused(100),
            MessageBodyTextType=text_type,
            ConfigurationSetName=config_set,
        )
    billed = [(m.segments, m.price) for m in sms_voice.sent_messages]
    assert billed == [(1, US_PER_MINUTE), (2, 2 * US_PER_MINUTE)]
    durations = [
        e.payload["callDurationInSeconds"]
        for e in sms_voice.events(config_set, event_type="VOICE_COMPLETED")
    ]
    assert durations == [40, 80]


def test_an_ssml_message_is_as_long_as_its_spoken_words(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # 380 words read in 152 seconds, within the 5 minutes out of the sandbox, though its 760
    # words and tags would take 304.
    call(client, us_toll_free, paused(380), MessageBodyTextType="SSML")
    [sent] = sms_voice.sent_messages
    assert (sent.segments, sent.price) == (3, 0.039)


@pytest.mark.parametrize(
    ("sandboxed", "limit"),
    [(True, "at most 30 are allowed in the sandbox."), (False, "at most 300 are allowed.")],
)
def test_a_voice_message_too_long_is_refused_whole(
    client: Any,
    sms_voice: SmsVoiceMock,
    us_toll_free: dict[str, Any],
    sandboxed: bool,
    limit: str,
) -> None:
    # quotas.md: "Voice message length: If your account is in the sandbox: 30 seconds. If your
    # account is out of the sandbox: 5 minutes." The length is checked before the destination.
    sms_voice.set_sandbox(sandboxed)
    seconds = 30 if sandboxed else 300
    with pytest.raises(ClientError) as caught:
        call(client, us_toll_free, words(seconds * 150 // 60 + 5))
    expect_error(
        caught,
        "ValidationException",
        "MAXIMUM_SIZE_EXCEEDED",
        message=f"lasts about {seconds + 2} seconds; {limit}",
        fields={"MessageBody": "The voice message is too long."},
    )
    assert sms_voice.sent_messages == ()


def test_a_call_is_billed_per_started_minute(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    config_set = record_events(client)
    for body in ("Hi", words(150), words(151)):
        call(client, us_toll_free, body, ConfigurationSetName=config_set)
    billed = [(m.segments, m.price) for m in sms_voice.sent_messages]
    assert billed == [(1, US_PER_MINUTE), (1, US_PER_MINUTE), (2, 2 * US_PER_MINUTE)]
    durations = [
        e.payload["callDurationInSeconds"]
        for e in sms_voice.events(config_set, event_type="VOICE_COMPLETED")
    ]
    assert durations == [1, 60, 61]  # a word takes 0.4 seconds: a call lasts at least one


def test_max_price_per_minute_is_compared_with_one_minute(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # SendVoiceMessage's MaxPricePerMinute: "The maximum amount to spend per voice message, in US
    # dollars": per minute, so a two-minute call at 0.013 a minute stays under 0.02.
    call(client, us_toll_free, words(200), MaxPricePerMinute="0.02")
    [sent] = sms_voice.sent_messages
    assert (sent.segments, sent.price) == (2, 2 * US_PER_MINUTE)
    with pytest.raises(ClientError) as caught:
        call(client, us_toll_free, "Hi", MaxPricePerMinute="0.01")
    expect_error(
        caught,
        "ValidationException",
        "PRICE_OVER_THRESHOLD",
        fields={"MaxPricePerMinute": "Too low"},
    )


def test_the_day_of_a_destinations_voice_messages_ends_24_hours_on(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # quotas.md: "Number of voice messages that can be sent to a single recipient during a
    # 24-hour period: 5 messages". Exactly 24 hours later the first five are out of the period.
    with freeze_time("2026-03-01 12:00:00") as clock:
        for _ in range(5):
            call(client, us_toll_free, "Hi")
        with pytest.raises(ClientError) as caught:
            call(client, us_toll_free, "Hi")
        expect_error(
            caught,
            "ServiceQuotaExceededException",
            "DAILY_DESTINATION_CALL_LIMIT",
            message=(
                "The quota VOICE_MESSAGES_PER_DESTINATION_PER_DAY of 5 for this account"
                " and region is reached"
            ),
        )
        clock.tick(timedelta(hours=24))
        call(client, us_toll_free, "Hi")
    assert len(sms_voice.sent_messages) == 6
