"""The price table as a test patches it (docs/handle.md: ``pricing.PRICES`` and
``pricing.RCS_PRICES`` are plain dicts a test may patch): every channel charges the patched price,
per part, minute or segment, rounded to a millionth of a dollar; RCS to a country the table does
not list costs the default price."""

from __future__ import annotations

from typing import Any

import pytest

from smsmock import SmsVoiceMock
from smsmock.rules import pricing
from smsmock.rules.pricing import Price
from tests.installed_model import needs_operations

DEST = "+12065550100"
GB_MOBILE = "+447400123456"


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch, sms_voice: SmsVoiceMock) -> None:
    """US prices with seven decimals, and spend limits that do not get in the way."""
    monkeypatch.setitem(
        pricing.PRICES, "US", Price(sms=0.0111114, voice_per_minute=0.0123456, mms=0.0234567)
    )
    monkeypatch.setitem(pricing.RCS_PRICES, "US", 0.0123456)
    for channel in ("TEXT", "VOICE", "MEDIA"):
        sms_voice.set_quota(f"{channel}_MESSAGE_MONTHLY_SPEND_LIMIT", 100)


@pytest.mark.usefixtures("patched")
def test_text_voice_and_media_charge_the_patched_prices(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    origin = {"DestinationPhoneNumber": DEST, "OriginationIdentity": us_toll_free["PhoneNumberId"]}
    client.send_text_message(**origin, MessageBody="x" * 161)  # two parts
    client.send_voice_message(**origin, MessageBody=" ".join(["hi"] * 151))  # two minutes
    client.send_media_message(**origin, MediaUrls=["s3://media-bucket/cat.png"])
    assert [(m.channel, m.segments, m.price) for m in sms_voice.sent_messages] == [
        ("SMS", 2, 0.022223),
        ("VOICE", 2, 0.024691),
        ("MMS", 1, 0.023457),
    ]
    assert sms_voice.spend("MMS") == 0.023457


def agent_launched_in(client: Any, sms_voice: SmsVoiceMock, country: str) -> str:
    agent: str = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent, country, "ACTIVE", registration_id="reg-1")
    return agent


@needs_operations("CreateRcsAgent")
@pytest.mark.usefixtures("patched")
def test_rcs_charges_the_patched_price_per_segment(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent = agent_launched_in(client, sms_voice, "US")
    client.send_text_message(
        DestinationPhoneNumber=DEST, OriginationIdentity=agent, MessageBody="x" * 161
    )
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.segments, sent.price) == ("RCS", 2, 0.024691)
    assert sms_voice.spend("RCS") == 0.024691


@needs_operations("CreateRcsAgent")
def test_rcs_to_a_country_the_table_does_not_list_costs_the_default(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent = agent_launched_in(client, sms_voice, "GB")
    client.send_text_message(
        DestinationPhoneNumber=GB_MOBILE, OriginationIdentity=agent, MessageBody="x" * 161
    )
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.delivered, sent.segments) == ("RCS", True, 2)
    assert sent.price == 2 * 0.0100  # DEFAULT_RCS_PRICE a segment
