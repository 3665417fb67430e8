"""The account in a region: spend limits, tier (sandbox) and resource limits.

DescribeSpendLimits, Set/Delete{Text,Voice,Media,Rcs}MessageSpendLimitOverride,
DescribeAccountAttributes, DescribeAccountLimits.

Spend is kept per account and region, per channel and calendar month of the mock's clock
(``call.now``, which freezegun moves): a new month starts from zero. The limit AWS sets
(``MaxLimit``) is a quota named after the spend limit (``TEXT_MESSAGE_MONTHLY_SPEND_LIMIT`` …,
1 USD by default as for a new account: "You have a monthly SMS spending limit of $1.00 (USD)",
User Guide, *SMS/MMS and Voice sandbox*), so tests raise it with ``sms.set_quota``; the account's
override (``EnforcedLimit``) may only lower it.
"""

from __future__ import annotations

import functools
from typing import Any

from smsmock.errors import ServiceQuotaExceededError, ValidationError
from smsmock.model import enum_values
from smsmock.resources.opt_out_lists import opt_out_lists
from smsmock.state.operations import Call, Params, operation
from smsmock.state.paging import paginate
from smsmock.state.world import Backend

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

_SPEND = "monthly_spend"
"""``backend.attributes`` key: ``{"SMS/2026-11": 0.42, …}`` (US dollars)."""
_OVERRIDES = "spend_limit_overrides"
"""``backend.attributes`` key: ``{"TEXT_MESSAGE_MONTHLY_SPEND_LIMIT": 0, …}``."""
_TIER = "account_tier"
"""``backend.attributes`` key: ``PRODUCTION`` (the default) or ``SANDBOXED``."""

ACCOUNT_LIMITS = {
    "PHONE_NUMBERS": ("phone-number", "PHONE_NUMBERS_PER_ACCOUNT"),
    "POOLS": ("pool", "POOLS_PER_ACCOUNT"),
    "CONFIGURATION_SETS": ("configuration-set", "CONFIGURATION_SETS_PER_ACCOUNT"),
    "OPT_OUT_LISTS": ("opt-out-list", "OPT_OUT_LISTS_PER_ACCOUNT"),
    "SENDER_IDS": ("sender-id", "SENDER_IDS_PER_ACCOUNT"),
    "REGISTRATIONS": ("registration", "REGISTRATIONS_PER_ACCOUNT"),
    "REGISTRATION_ATTACHMENTS": ("registration-attachment", "REGISTRATION_ATTACHMENTS_PER_ACCOUNT"),
    "VERIFIED_DESTINATION_NUMBERS": (
        "verified-destination-number",
        "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
    ),
}
"""``AccountLimitName`` → (the resource type counted, the quota that is its ``Max``)."""


# -- spend, shared with messaging --------------------------------------------------------------


def _month_key(call: Call, channel: str) -> str:
    return f"{channel}/{call.now:%Y-%m}"


def spent(backend: Backend, channel: str, month: str) -> float:
    """US dollars spent on ``channel`` (``SMS``, ``VOICE``, ``MMS``) in ``month`` (``2026-11``)."""
    spend: dict[str, float] = backend.attributes.get(_SPEND, {})
    return spend.get(f"{channel}/{month}", 0.0)


def enforced_limit(backend: Backend, channel: str) -> int:
    """The monthly limit in force for ``channel``: the override, else the maximum."""
    name = SPEND_LIMITS[channel]
    overrides: dict[str, int] = backend.attributes.get(_OVERRIDES, {})
    return overrides.get(name, backend.quota(name))


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
    spend: dict[str, float] = call.backend.attributes.setdefault(_SPEND, {})
    key = _month_key(call, channel)
    spend[key] = round(spend.get(key, 0.0) + price, 6)


# -- the sandbox, shared with messaging --------------------------------------------------------


def is_sandboxed(backend: Backend) -> bool:
    """Whether the account is in the SMS/MMS and voice sandbox in this region."""
    return bool(backend.attributes.get(_TIER) == "SANDBOXED")


def set_sandboxed(backend: Backend, sandboxed: bool) -> None:
    backend.attributes[_TIER] = "SANDBOXED" if sandboxed else "PRODUCTION"


# -- operations --------------------------------------------------------------------------------


@operation("DescribeSpendLimits")
def describe_spend_limits(call: Call, params: Params) -> dict[str, Any]:
    overrides: dict[str, int] = call.backend.attributes.get(_OVERRIDES, {})
    limits = [
        {
            "Name": name,
            "EnforcedLimit": enforced_limit(call.backend, channel),
            "MaxLimit": call.backend.quota(name),
            "Overridden": name in overrides,
        }
        for channel, name in SPEND_LIMITS.items()
        if name in _spend_limit_names()
    ]
    page, token = paginate(call, limits, params)
    return {"SpendLimits": page, "NextToken": token}


@functools.cache
def _spend_limit_names() -> frozenset[str]:
    """The installed model's ``SpendLimitName`` values."""
    return enum_values("SpendLimitName")


def set_spend_limit_override(call: Call, params: Params, channel: str) -> dict[str, Any]:
    """Set the account's ``MonthlyLimit`` for ``channel``: at most the limit AWS sets."""
    name = SPEND_LIMITS[channel]
    limit = params["MonthlyLimit"]
    maximum = call.backend.quota(name)
    if limit > maximum:
        raise ValidationError(
            f"The requested monthly limit {limit} is higher than the service limit {maximum} "
            f"for {name}.",
            "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
            [("MonthlyLimit", f"Must be less than or equal to {maximum}.")],
        )
    call.backend.attributes.setdefault(_OVERRIDES, {})[name] = limit
    return {"MonthlyLimit": limit}


def delete_spend_limit_override(call: Call, channel: str) -> dict[str, Any]:
    """Remove the account's override for ``channel``; the limit AWS sets applies again."""
    name = SPEND_LIMITS[channel]
    overrides: dict[str, int] = call.backend.attributes.get(_OVERRIDES, {})
    # The response's MonthlyLimit is the override that was removed (none: the limit in force).
    previous = overrides.pop(name, None)
    return {"MonthlyLimit": previous if previous is not None else call.backend.quota(name)}


def register_spend_limit_operations(noun: str, channel: str) -> None:
    """Register ``Set{noun}MessageSpendLimitOverride`` and ``Delete{noun}MessageSpendLimitOverride``
    for ``channel``'s spend limit (the four pairs differ only in the limit they change)."""

    def set_override(call: Call, params: Params) -> dict[str, Any]:
        return set_spend_limit_override(call, params, channel)

    def delete_override(call: Call, params: Params) -> dict[str, Any]:
        return delete_spend_limit_override(call, channel)

    operation(f"Set{noun}MessageSpendLimitOverride")(set_override)
    operation(f"Delete{noun}MessageSpendLimitOverride")(delete_override)


for _noun, _channel in (("Text", "SMS"), ("Voice", "VOICE"), ("Media", "MMS"), ("Rcs", "RCS")):
    register_spend_limit_operations(_noun, _channel)


@operation("DescribeAccountAttributes")
def describe_account_attributes(call: Call, params: Params) -> dict[str, Any]:
    attributes = [
        {"Name": "ACCOUNT_TIER", "Value": call.backend.attributes.get(_TIER, "PRODUCTION")}
    ]
    default = _default_protect_configuration_id(call.backend)
    if default is not None:
        attributes.append({"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": default})
    page, token = paginate(call, attributes, params)
    return {"AccountAttributes": page, "NextToken": token}


def _default_protect_configuration_id(backend: Backend) -> str | None:
    try:
        from smsmock.resources.protect_configurations import account_default
    except ImportError:  # pragma: no cover - the family is optional to this one
        return None
    config = account_default(backend)
    return None if config is None else str(config.protect_configuration_id)


@operation("DescribeAccountLimits")
def describe_account_limits(call: Call, params: Params) -> dict[str, Any]:
    opt_out_lists(call.backend, call.now)  # the Default list counts, made on first use
    in_use: dict[str, int] = {}
    for table in call.backend.tables():
        kind = table.spec.resource_type
        in_use[kind] = in_use.get(kind, 0) + len(table)
    limits = [
        {"Name": name, "Used": in_use.get(kind, 0), "Max": call.backend.quota(quota)}
        for name, (kind, quota) in ACCOUNT_LIMITS.items()
    ]
    page, token = paginate(call, limits, params)
    return {"AccountLimits": page, "NextToken": token}
