"""``MessagingLimits`` and ``PricingTier`` of origination identities (phone numbers, sender IDs,
RCS agents): what DescribePhoneNumbers, DescribeSenderIds and DescribeRcsAgents answer.

``RateLimits`` are messages per second per capability the identity has. The figures follow the
User Guide's *Message Parts per Second (MPS) limits*: a US short code sends 100 MPS and a US
toll-free number 3 MPS; long codes outside the US send 1 MPS. A 10DLC number's throughput is set
per campaign by the carriers; the mock gives the figure of a low-volume campaign (about 75
messages a minute, rounded to 1 MPS) and, as the only identity that has them
(``DailyMessageCaps``: "Applies to 10DLC phone numbers"), T-Mobile's daily cap of its lowest
brand tier, 2,000 messages. Voice is 1 call per second per number, sender IDs 20 MPS and RCS
agents 20 messages per second: the mock's own round figures, as AWS publishes none per identity.
The figures are constants: each kind of identity's limits are written once and shared by every
answer (:class:`~smsmock.engine.model.Written`).

``PricingTier`` ("The pricing model") has no documented values; the mock answers ``STANDARD``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from smsmock.state.service_model import Written

PRICING_TIER = "STANDARD"

SMS_RATES: dict[str, int] = {
    "SHORT_CODE": 100,
    "TOLL_FREE": 3,
    "TEN_DLC": 1,
    "LONG_CODE": 1,
    "SIMULATOR": 1,
}
"""Number type → SMS and MMS messages per second."""

VOICE_RATE = 1
SENDER_ID_RATE = 20
RCS_AGENT_RATE = 20

DAILY_MESSAGE_CAPS: dict[str, dict[str, int]] = {"TEN_DLC": {"T-MOBILE": 2000}}
"""Number type → advisory daily caps per provider."""


def phone_number_limits(number_type: str, capabilities: Iterable[str]) -> Written:
    """The ``MessagingLimits`` of a phone number of ``number_type`` with ``capabilities``."""
    return _phone_number_limits(number_type, tuple(capabilities))


@functools.cache
def _phone_number_limits(number_type: str, capabilities: tuple[str, ...]) -> Written:
    rates: dict[str, int] = {}
    for capability in capabilities:
        if capability == "VOICE":
            rates[capability] = VOICE_RATE
        elif capability in ("SMS", "MMS"):
            rates[capability] = SMS_RATES.get(number_type, 1)
    limits = Written(RateLimits=rates)
    caps = DAILY_MESSAGE_CAPS.get(number_type)
    if caps:
        limits["DailyMessageCaps"] = dict(caps)
    return limits


@functools.cache
def sender_id_limits() -> Written:
    """The ``MessagingLimits`` of a sender ID (text only: sender IDs do not call)."""
    return Written(RateLimits={"SMS": SENDER_ID_RATE})


@functools.cache
def rcs_agent_limits() -> Written:
    """The ``MessagingLimits`` of an RCS agent."""
    return Written(RateLimits={"RCS": RCS_AGENT_RATE})
