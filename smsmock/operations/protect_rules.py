"""Protect configuration rules: the country rule set of each number capability
(Get/UpdateProtectConfigurationCountryRuleSet) and phone number overrides
(Put/Delete/ListProtectConfigurationRuleSetNumberOverride(s)). What they decide when a message
is sent is :func:`smsmock.rules.protect.protect_verdict`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from smsmock.records.protect_configurations import (
    RESOURCE_TYPE,
    RULE_SET_CAPABILITIES,
    NumberOverride,
    ProtectConfiguration,
    protect_configuration,
)
from smsmock.rules.countries import country_of, end_user_number, is_country, iso_country_codes
from smsmock.state.errors import ResourceNotFoundError, ValidationError
from smsmock.state.paging import attribute_filters, paginate
from smsmock.state.registry import Call, Params, operation


def _now(call: Call) -> datetime:
    return call.now if call.now.tzinfo else call.now.replace(tzinfo=timezone.utc)


def _timestamp(value: float | datetime | None) -> datetime | None:
    """A request timestamp (JSON 1.0 sends epoch seconds) as an aware datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromtimestamp(value, timezone.utc)


# -- country rule sets --------------------------------------------------------------------------


def _rule_set_capability(capability: str) -> str:
    if capability not in RULE_SET_CAPABILITIES:
        raise ValidationError(
            f"Protect configuration country rule sets exist for SMS, VOICE and MMS, "
            f"not {capability}.",
            "INVALID_PARAMETER",
            [("NumberCapability", "Valid values are SMS, VOICE, or MMS.")],
        )
    return capability


def _rule_set(config: ProtectConfiguration, capability: str) -> dict[str, Any]:
    rules = config.country_rules[capability]
    return {
        "ProtectConfigurationArn": config.protect_configuration_arn,
        "ProtectConfigurationId": config.protect_configuration_id,
        "NumberCapability": capability,
        "CountryRuleSet": {
            country: {"ProtectStatus": rules.get(country, "ALLOW")}
            for country in iso_country_codes()
        },
    }


@operation("GetProtectConfigurationCountryRuleSet")
def get_protect_configuration_country_rule_set(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configuration(call, params["ProtectConfigurationId"])
    return _rule_set(config, _rule_set_capability(params["NumberCapability"]))


@operation("UpdateProtectConfigurationCountryRuleSet")
def update_protect_configuration_country_rule_set(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configuration(call, params["ProtectConfigurationId"])
    capability = _rule_set_capability(params["NumberCapability"])
    updates: dict[str, dict[str, str]] = params["CountryRuleSetUpdates"]
    unknown = [country for country in updates if not is_country(country)]
    if unknown:
        raise ValidationError(
            f"Unknown ISO country codes: {', '.join(unknown)}.",
            "INVALID_PARAMETER",
            [(f"CountryRuleSetUpdates.{c}", "Not a supported country or region.") for c in unknown],
        )
    rules = config.country_rules[capability]
    for country, rule in updates.items():
        if rule["ProtectStatus"] == "ALLOW":
            rules.pop(country, None)
        else:
            rules[country] = rule["ProtectStatus"]
    return _rule_set(config, capability)


# -- phone number overrides ---------------------------------------------------------------------


def _override_output(config: ProtectConfiguration, override: NumberOverride) -> dict[str, Any]:
    return {
        "ProtectConfigurationArn": config.protect_configuration_arn,
        "ProtectConfigurationId": config.protect_configuration_id,
        "DestinationPhoneNumber": override.destination_phone_number,
        "CreatedTimestamp": override.created_timestamp,
        "Action": override.action,
        "IsoCountryCode": override.iso_country_code,
        "ExpirationTimestamp": override.expiration_timestamp,
    }


def _live_override(
    config: ProtectConfiguration, number: str, now: datetime
) -> NumberOverride | None:
    """The override of ``number`` in force; an expired one is forgotten here."""
    override = config.number_overrides.get(number)
    if override is not None and not override.in_force(now):
        del config.number_overrides[number]
        return None
    return override


@operation("PutProtectConfigurationRuleSetNumberOverride")
def put_number_override(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configuration(call, params["ProtectConfigurationId"])
    now = _now(call)
    expires = _timestamp(params.get("ExpirationTimestamp"))
    if expires is not None and expires <= now:
        raise ValidationError(
            "The expiration timestamp must be in the future.",
            "INVALID_PARAMETER",
            [("ExpirationTimestamp", "Must be a time in the future.")],
        )
    number = end_user_number(params["DestinationPhoneNumber"], "DestinationPhoneNumber")
    existing = _live_override(config, number, now)
    override = NumberOverride(
        destination_phone_number=number,
        created_timestamp=existing.created_timestamp if existing else call.now,
        action=params["Action"],
        iso_country_code=country_of(number),
        expiration_timestamp=expires,
    )
    config.number_overrides[number] = override
    return _override_output(config, override)


@operation("DeleteProtectConfigurationRuleSetNumberOverride")
def delete_number_override(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configuration(call, params["ProtectConfigurationId"])
    number = end_user_number(params["DestinationPhoneNumber"], "DestinationPhoneNumber")
    override = _live_override(config, number, _now(call))
    if override is None:
        raise ResourceNotFoundError(
            RESOURCE_TYPE,
            params["DestinationPhoneNumber"],
            f"Protect configuration {config.protect_configuration_id} has no number override "
            f"for {number}.",
        )
    del config.number_overrides[number]
    return _override_output(config, override)


@operation("ListProtectConfigurationRuleSetNumberOverrides")
def list_number_overrides(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configuration(call, params["ProtectConfigurationId"])
    now = _now(call)
    for number in [n for n, o in config.number_overrides.items() if not o.in_force(now)]:
        del config.number_overrides[number]
    matchers: list[Callable[[NumberOverride], bool]] = []
    equality: list[dict[str, Any]] = []
    for i, item in enumerate(params.get("Filters") or []):
        name, values = item["Name"], item["Values"]
        if name == "destination-phone-number-begins-with":
            matchers.append(_begins_with(values))
        elif name in _TIME_FILTERS:
            matchers.append(_time_matcher(i, name, values))
        else:
            equality.append(item)
    page, token = paginate(
        call,
        list(config.number_overrides.values()),
        {**params, "Filters": equality},
        filters=attribute_filters("iso_country_code", "action"),
        where=lambda o: all(match(o) for match in matchers),
    )
    return {
        "ProtectConfigurationArn": config.protect_configuration_arn,
        "ProtectConfigurationId": config.protect_configuration_id,
        "RuleSetNumberOverrides": page,
        "NextToken": token,
    }


def _begins_with(values: list[str]) -> Callable[[NumberOverride], bool]:
    """Numbers that begin with any of ``values`` (given with or without the ``+``)."""
    prefixes = tuple("+" + value.lstrip("+") for value in values)
    return lambda override: override.destination_phone_number.startswith(prefixes)


_TIME_FILTERS = {
    "expires-before": ("expiration_timestamp", True),
    "expires-after": ("expiration_timestamp", False),
    "created-before": ("created_timestamp", True),
    "created-after": ("created_timestamp", False),
}


def _time_matcher(i: int, name: str, values: list[str]) -> Callable[[NumberOverride], bool]:
    """A filter on a timestamp: values are epoch seconds or ISO 8601 times; any one may match.
    An override that never expires is after every time and before none."""
    attribute, before = _TIME_FILTERS[name]
    times = [_parse_time(i, value) for value in values]

    def matches(override: NumberOverride) -> bool:
        value: datetime | None = getattr(override, attribute)
        if value is None:
            return not before
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return any((value < t) if before else (value > t) for t in times)

    return matches


def _parse_time(i: int, value: str) -> datetime:
    try:
        return datetime.fromtimestamp(float(value), timezone.utc)
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            f"The filter value {value!r} is not a timestamp.",
            "INVALID_FILTER_VALUES",
            [(f"Filters[{i}].Values", "Values must be epoch seconds or ISO 8601 timestamps.")],
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
