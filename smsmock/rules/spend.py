"""The account's monthly spend per channel and its limits, and the sandbox: checked and counted by
every family that sends."""

from __future__ import annotations

from smsmock.state.errors import ServiceQuotaExceededError
from smsmock.state.registry import Call
from smsmock.state.world import Backend, Setting

SPEND_LIMITS = {
    "SMS": "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
    "VOICE": "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT",
    "MMS": "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT",
    "NOTIFY": "NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT",
    "RCS": "RCS_MESSAGE_MONTHLY_SPEND_LIMIT",
}
"""Channel → the model's ``SpendLimitName`` (DescribeSpendLimits lists those the installed
model's enum has: an older botocore has no RCS limit)."""


_REACHED = {
    "SMS": "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
    "VOICE": "MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE",
    "MMS": "MONTHLY_SPEND_LIMIT_REACHED_FOR_MEDIA",
    "NOTIFY": "MONTHLY_SPEND_LIMIT_REACHED_FOR_NOTIFY",
    "RCS": "MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS",
}


MONTHLY_SPEND: Setting[dict[str, float]] = Setting("monthly_spend", dict)
"""``{"SMS/2026-11": 0.42, …}`` (US dollars)."""


SPEND_LIMIT_OVERRIDES: Setting[dict[str, int]] = Setting("spend_limit_overrides", dict)
"""``{"TEXT_MESSAGE_MONTHLY_SPEND_LIMIT": 0, …}``."""


ACCOUNT_TIER: Setting[str] = Setting("account_tier", lambda: "PRODUCTION")
"""``PRODUCTION`` (the default) or ``SANDBOXED``."""


def _month_key(call: Call, channel: str) -> str:
    return f"{channel}/{call.now:%Y-%m}"


def spent(backend: Backend, channel: str, month: str) -> float:
    """US dollars spent on ``channel`` (``SMS``, ``VOICE``, ``MMS``) in ``month`` (``2026-11``)."""
    return MONTHLY_SPEND.of(backend).get(f"{channel}/{month}", 0.0)


def enforced_limit(backend: Backend, channel: str) -> int:
    """The monthly limit in force for ``channel``: the override, else the maximum."""
    name = SPEND_LIMITS[channel]
    return SPEND_LIMIT_OVERRIDES.of(backend).get(name, backend.quota(name))


def check_spend(call: Call, channel: str, price: float) -> None:
    """``ServiceQuotaExceededException`` ``MONTHLY_SPEND_LIMIT_REACHED_FOR_…`` if sending at
    ``price`` would take this month's spend on ``channel`` past the limit in force."""
    limit = enforced_limit(call.backend, channel)
    so_far = spent(call.backend, channel, f"{call.now:%Y-%m}")
    if round(so_far + price, 6) > limit:
        raise ServiceQuotaExceededError(
            f"Sending this message would exceed the monthly spend limit of {limit} USD for "
            f"{channel} messages ({so_far:.5f} USD spent this month).",
            _REACHED[channel],
        )


def add_spend(call: Call, channel: str, price: float) -> None:
    """Count ``price`` (US dollars) as this month's spend on ``channel``."""
    spend = MONTHLY_SPEND.of(call.backend)
    key = _month_key(call, channel)
    spend[key] = round(spend.get(key, 0.0) + price, 6)


def is_sandboxed(backend: Backend) -> bool:
    """Whether the account is in the SMS/MMS and voice sandbox in this region."""
    return ACCOUNT_TIER.of(backend) == "SANDBOXED"


def set_sandboxed(backend: Backend, sandboxed: bool) -> None:
    ACCOUNT_TIER.put(backend, "SANDBOXED" if sandboxed else "PRODUCTION")
