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

from smsmock.records.opt_out_lists import opt_out_lists
from smsmock.records.protect_configurations import account_default
from smsmock.rules.spend import (
    ACCOUNT_TIER,
    SPEND_LIMIT_OVERRIDES,
    SPEND_LIMITS,
    enforced_limit,
)
from smsmock.state.errors import ValidationError
from smsmock.state.paging import paginate
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import enum_values
from smsmock.state.world import Backend

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


# -- operations --------------------------------------------------------------------------------


@operation("DescribeSpendLimits")
def describe_spend_limits(call: Call, params: Params) -> dict[str, Any]:
    overrides = SPEND_LIMIT_OVERRIDES.of(call.backend)
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
    SPEND_LIMIT_OVERRIDES.of(call.backend)[name] = limit
    return {"MonthlyLimit": limit}


def delete_spend_limit_override(call: Call, channel: str) -> dict[str, Any]:
    """Remove the account's override for ``channel``; the limit AWS sets applies again."""
    name = SPEND_LIMITS[channel]
    overrides = SPEND_LIMIT_OVERRIDES.of(call.backend)
    # The response's MonthlyLimit is the override that was removed (none: the limit in force).
    previous = overrides.pop(name, None)
    return {"MonthlyLimit": previous if previous is not None else call.backend.quota(name)}


def register_spend_limit_operations(noun: str, channel: str) -> None:
    """Register ``Set{noun}MessageSpendLimitOverride`` and ``Delete{noun}MessageSpendLimitOverride``
    for ``channel``'s spend limit (the pairs differ only in the limit they change)."""

    def set_override(call: Call, params: Params) -> dict[str, Any]:
        return set_spend_limit_override(call, params, channel)

    def delete_override(call: Call, params: Params) -> dict[str, Any]:
        return delete_spend_limit_override(call, channel)

    operation(f"Set{noun}MessageSpendLimitOverride")(set_override)
    operation(f"Delete{noun}MessageSpendLimitOverride")(delete_override)


# The notify family's pair is here too: a spend limit is the account's, whatever sends.
for _noun, _channel in (
    ("Text", "SMS"),
    ("Voice", "VOICE"),
    ("Media", "MMS"),
    ("Rcs", "RCS"),
    ("Notify", "NOTIFY"),
):
    register_spend_limit_operations(_noun, _channel)


@operation("DescribeAccountAttributes")
def describe_account_attributes(call: Call, params: Params) -> dict[str, Any]:
    attributes = [{"Name": "ACCOUNT_TIER", "Value": ACCOUNT_TIER.of(call.backend)}]
    default = _default_protect_configuration_id(call.backend)
    if default is not None:
        attributes.append({"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": default})
    page, token = paginate(call, attributes, params)
    return {"AccountAttributes": page, "NextToken": token}


def _default_protect_configuration_id(backend: Backend) -> str | None:
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
