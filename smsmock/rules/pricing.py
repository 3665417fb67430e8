"""What a message costs: segments (GSM-7 and UCS-2), voice minutes, and a price table per
destination country.

The segment rules are the SMS standard (3GPP TS 23.038 / 23.040) the End User Messaging SMS user
guide describes: a GSM-7 message holds 160 characters, or 153 per part when split; any character
outside GSM-7 makes the whole message UCS-2, 70 characters or 67 per part (counted in UTF-16
code units); characters of the GSM-7 extension table (``{ } [ ] ~ \\ | ^ €``) take two.

The prices (US dollars) are approximations of the AWS End User Messaging pricing page
(https://aws.amazon.com/end-user-messaging/pricing/) as published in 2024: per SMS part the base
price plus a typical carrier fee, per voice minute the outbound price, per MMS the base price plus
a typical carrier fee, rounded. They are realistic orders of magnitude so that spend limits and
``MaxPrice`` behave as they do against AWS, not a quotation; countries not listed cost
:data:`DEFAULT_PRICE`. Change :data:`PRICES` (a plain dict) in a test to model other rates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")


@dataclass(frozen=True)
class Price:
    """What one destination country costs: per SMS part, per voice minute, per MMS."""

    sms: float
    voice_per_minute: float
    mms: float


PRICES: dict[str, Price] = {
    "US": Price(sms=0.00883, voice_per_minute=0.013, mms=0.0220),
    "CA": Price(sms=0.00750, voice_per_minute=0.013, mms=0.0220),
    "MX": Price(sms=0.0295, voice_per_minute=0.0350, mms=0.0400),
    "BR": Price(sms=0.0528, voice_per_minute=0.0520, mms=0.0600),
    "GB": Price(sms=0.0463, voice_per_minute=0.0145, mms=0.0600),
    "IE": Price(sms=0.0726, voice_per_minute=0.0300, mms=0.0800),
    "DE": Price(sms=0.0865, voice_per_minute=0.0250, mms=0.0900),
    "FR": Price(sms=0.0717, voice_per_minute=0.0250, mms=0.0800),
    "ES": Price(sms=0.0830, voice_per_minute=0.0250, mms=0.0900),
    "IT": Price(sms=0.0838, voice_per_minute=0.0300, mms=0.0900),
    "NL": Price(sms=0.1026, voice_per_minute=0.0300, mms=0.1100),
    "IN": Price(sms=0.00278, voice_per_minute=0.0300, mms=0.0300),
    "JP": Price(sms=0.0740, voice_per_minute=0.0850, mms=0.0800),
    "SG": Price(sms=0.0390, voice_per_minute=0.0200, mms=0.0500),
    "AU": Price(sms=0.0425, voice_per_minute=0.0250, mms=0.0600),
    "NZ": Price(sms=0.1090, voice_per_minute=0.0300, mms=0.1200),
    "ZA": Price(sms=0.0205, voice_per_minute=0.0400, mms=0.0400),
}
"""ISO country code → prices (see the module's docstring for where they come from)."""

DEFAULT_PRICE = Price(sms=0.0500, voice_per_minute=0.0500, mms=0.0700)
"""Countries :data:`PRICES` does not list."""

WORDS_PER_MINUTE = 150
"""How fast Amazon Polly's voices read, roughly: a voice message of N words lasts N/150 minutes,
billed per started minute."""


def price_for(iso_country_code: str | None) -> Price:
    """The prices for a destination country."""
    if iso_country_code is None:
        return DEFAULT_PRICE
    return PRICES.get(iso_country_code, DEFAULT_PRICE)


def is_gsm7(text: str) -> bool:
    """Whether ``text`` is written in the GSM-7 alphabet (basic or extension table)."""
    return all(c in _GSM7_BASIC or c in _GSM7_EXTENSION for c in text)


def segments(text: str) -> int:
    """How many SMS parts ``text`` is sent as (GSM-7: 160, or 153 per part; UCS-2: 70, or 67
    per part)."""
    length = sms_length(text)
    single, part = (160, 153) if is_gsm7(text) else (70, 67)
    if length <= single:
        return 1
    return math.ceil(length / part)


def sms_length(text: str) -> int:
    """The characters ``text`` counts as in its encoding: GSM-7 septets (the extension
    characters count two, their escape included) or UCS-2 code units."""
    if is_gsm7(text):
        return sum(2 if c in _GSM7_EXTENSION else 1 for c in text)
    return len(text.encode("utf-16-le")) // 2


_TAG = re.compile(r"<[^>]*>")


def spoken_words(text: str, text_type: str = "TEXT") -> int:
    """The words a voice message speaks (SSML's tags left out)."""
    spoken = _TAG.sub(" ", text) if text_type == "SSML" else text
    return len(spoken.split())


def voice_seconds(text: str, text_type: str = "TEXT") -> int:
    """The seconds a voice message takes to read out (at least one)."""
    return max(1, -(-spoken_words(text, text_type) * 60 // WORDS_PER_MINUTE))


def voice_minutes(text: str, text_type: str = "TEXT") -> int:
    """The minutes a voice message lasts, billed per started minute (at least one)."""
    return max(1, -(-voice_seconds(text, text_type) // 60))


def text_price(iso_country_code: str | None, parts: int) -> float:
    return round(price_for(iso_country_code).sms * parts, 6)


def voice_price(iso_country_code: str | None, minutes: int) -> float:
    return round(price_for(iso_country_code).voice_per_minute * minutes, 6)


def media_price(iso_country_code: str | None) -> float:
    return round(price_for(iso_country_code).mms, 6)


RCS_PRICES: dict[str, float] = {"US": 0.0100, "CA": 0.0100}
"""ISO country code → US dollars per RCS message segment. The User Guide's *RCS billing and
pricing model*: RCS is sent to the United States and Canada; a US "Rich RCS" message is "metered
per 160-character segment, similar to SMS", at a message transport fee plus the carrier's fee
passed through, and "charges for RCS messages only when they are successfully delivered" (a
message that falls back to SMS is charged as that SMS). The figure is the mock's approximation
of transport plus carrier fee, a realistic order of magnitude rather than a quotation; countries
not listed cost :data:`DEFAULT_RCS_PRICE`."""

DEFAULT_RCS_PRICE = 0.0100
RCS_SEGMENT = 160


def rcs_segments(text: str | None) -> int:
    """How many 160-character segments an RCS message is billed as (at least one; rich cards,
    carousels and files count as one)."""
    return max(1, math.ceil(len(text or "") / RCS_SEGMENT))


def rcs_price(iso_country_code: str | None, parts: int) -> float:
    per_segment = RCS_PRICES.get(iso_country_code or "", DEFAULT_RCS_PRICE)
    return round(per_segment * parts, 6)
