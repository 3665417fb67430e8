"""Protect configurations: country rule sets per number capability, phone number overrides, the
account default, and their association with configuration sets.

Sending consults them through :func:`protect_verdict` (one of
:data:`smsmock.resources.messages.SEND_CHECKS`): a rule ``BLOCK`` for the destination's country
refuses the message, an override for the destination number wins over the country rule.
``MONITOR`` and ``FILTER`` let messages through: the service's AIT risk model has no counterpart
in a mock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from smsmock.countries import country_of, e164, is_country, iso_country_codes
from smsmock.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.resources.configuration_sets import CONFIGURATION_SETS, ConfigurationSet
from smsmock.resources.messages import SEND_CHECKS, Outgoing
from smsmock.resources.tags import apply_tags
from smsmock.state.ids import new_id
from smsmock.state.operations import Call, Params, operation
from smsmock.state.paging import paginate, record_filter
from smsmock.state.tables import Record, Table, TableKey
from smsmock.state.world import Backend

RESOURCE_TYPE = "protect-configuration"
# GetProtectConfigurationCountryRuleSet: "Valid values are SMS, VOICE, or MMS." The model's
# NumberCapability enum also has RCS, which protect configurations do not take.
RULE_SET_CAPABILITIES = ("SMS", "VOICE", "MMS")


@dataclass(kw_only=True)
class NumberOverride:
    """A phone number rule override; attributes are the model's
    ``ProtectConfigurationRuleSetNumberOverride``."""

    destination_phone_number: str
    created_timestamp: datetime
    action: str
    iso_country_code: str | None = None
    expiration_timestamp: datetime | None = None

    def in_force(self, now: datetime) -> bool:
        return self.expiration_timestamp is None or self.expiration_timestamp > now


@dataclass(kw_only=True)
class ProtectConfiguration(Record):
    """A protect configuration; attributes are the model's ``ProtectConfigurationInformation``.

    ``country_rules`` holds, per capability, only the countries whose status is not ``ALLOW``
    (the default of every country); ``number_overrides`` is keyed by E.164 number.
    """

    protect_configuration_arn: str
    protect_configuration_id: str
    created_timestamp: datetime
    account_default: bool = False
    deletion_protection_enabled: bool = False
    country_rules: dict[str, dict[str, str]] = field(
        default_factory=lambda: {capability: {} for capability in RULE_SET_CAPABILITIES}
    )
    number_overrides: dict[str, NumberOverride] = field(default_factory=dict)

    def status_for(self, capability: str, iso_country_code: str) -> str:
        return self.country_rules.get(capability, {}).get(iso_country_code, "ALLOW")


PROTECT_CONFIGURATIONS: TableKey[ProtectConfiguration] = TableKey(
    RESOURCE_TYPE,
    key=lambda r: r.protect_configuration_id,
    arn=lambda r: r.protect_configuration_arn,
)


def protect_configurations(backend: Backend) -> Table[ProtectConfiguration]:
    return backend.table(PROTECT_CONFIGURATIONS)


def account_default(backend: Backend) -> ProtectConfiguration | None:
    """The account's default protect configuration in this region, if one is set."""
    return protect_configurations(backend).first(lambda r: r.account_default)


def _now(call: Call) -> datetime:
    return call.now if call.now.tzinfo else call.now.replace(tzinfo=timezone.utc)


def _timestamp(value: float | datetime | None) -> datetime | None:
    """A request timestamp (JSON 1.0 sends epoch seconds) as an aware datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromtimestamp(value, timezone.utc)


# -- what sending asks --------------------------------------------------------------------------


def protect_verdict(
    backend: Backend,
    destination: str,
    capability: str,
    now: datetime,
    protect_configuration_id: str | None = None,
    configuration_set: ConfigurationSet | None = None,
) -> None:
    """Refuse a message the protect configuration in force blocks.

    The configuration in force is the one the request names, else the configuration set's, else
    the account default (the Protect page of the User Guide: reference it with the
    ``ProtectConfigurationId`` parameter or associate it with the configuration set you send
    with). An override for the destination number decides first (``ALLOW`` lets a number of a
    blocked country through, ``BLOCK`` stops one of an allowed country; an expired override is
    ignored); otherwise the country's rule for ``capability`` does.
    Raises ``ResourceNotFoundException`` for an unknown ``protect_configuration_id`` and
    ``ConflictException`` ``DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE`` or
    ``DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION``.
    """
    table = protect_configurations(backend)
    config: ProtectConfiguration | None
    if protect_configuration_id:
        config = table.get(protect_configuration_id)
    elif configuration_set is not None and configuration_set.protect_configuration_id:
        config = table.find(configuration_set.protect_configuration_id)
    else:
        config = account_default(backend)
    if config is None:
        return
    number = e164(destination)
    override = config.number_overrides.get(number)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    if override is not None and override.in_force(now):
        if override.action == "BLOCK":
            raise ConflictError(
                f"The destination phone number {number} is blocked by a number override of "
                f"protect configuration {config.protect_configuration_id}.",
                "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE",
                RESOURCE_TYPE,
                config.protect_configuration_id,
            )
        return
    country = country_of(number)
    rule_capability = capability if capability in RULE_SET_CAPABILITIES else "SMS"
    if country is not None and config.status_for(rule_capability, country) == "BLOCK":
        raise ConflictError(
            f"Sending {rule_capability} to {country} is blocked by protect configuration "
            f"{config.protect_configuration_id}.",
            "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION",
            RESOURCE_TYPE,
            config.protect_configuration_id,
        )


def _check_send(call: Call, outgoing: Outgoing) -> None:
    protect_verdict(
        call.backend,
        outgoing.destination_phone_number,
        outgoing.channel,
        _now(call),
        outgoing.protect_configuration_id,
        outgoing.configuration_set,
    )


SEND_CHECKS.append(_check_send)


# -- protect configurations ---------------------------------------------------------------------


@operation("CreateProtectConfiguration")
def create_protect_configuration(call: Call, params: Params) -> ProtectConfiguration:
    table = protect_configurations(call.backend)
    call.backend.check_quota("PROTECT_CONFIGURATIONS_PER_ACCOUNT", len(table))
    config_id = new_id("protect")
    config = ProtectConfiguration(
        protect_configuration_arn=call.backend.arn(RESOURCE_TYPE, config_id),
        protect_configuration_id=config_id,
        created_timestamp=call.now,
        deletion_protection_enabled=bool(params.get("DeletionProtectionEnabled", False)),
    )
    apply_tags(call, config, params.get("Tags"))
    return table.add(config)


@operation("UpdateProtectConfiguration")
def update_protect_configuration(call: Call, params: Params) -> ProtectConfiguration:
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
    if "DeletionProtectionEnabled" in params:
        config.deletion_protection_enabled = params["DeletionProtectionEnabled"]
    return config


@operation("DeleteProtectConfiguration")
def delete_protect_configuration(call: Call, params: Params) -> ProtectConfiguration:
    table = protect_configurations(call.backend)
    config = table.get(params["ProtectConfigurationId"])
    config_id = config.protect_configuration_id
    if config.deletion_protection_enabled:
        raise ConflictError(
            f"Protect configuration {config_id} has deletion protection enabled.",
            "DELETION_PROTECTION_ENABLED",
            RESOURCE_TYPE,
            config_id,
        )
    if config.account_default:
        raise ConflictError(
            f"Protect configuration {config_id} is the account default protect configuration.",
            "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT",
            RESOURCE_TYPE,
            config_id,
        )
    if any(_associated_sets(call.backend, config)):
        raise ConflictError(
            f"Protect configuration {config_id} is associated with a configuration set.",
            "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET",
            RESOURCE_TYPE,
            config_id,
        )
    table.remove(config)
    return config


@operation("DescribeProtectConfigurations")
def describe_protect_configurations(call: Call, params: Params) -> dict[str, Any]:
    table = protect_configurations(call.backend)
    source: Table[ProtectConfiguration] | list[ProtectConfiguration] = table
    if params.get("ProtectConfigurationIds"):
        source = _distinct(table.get(ref) for ref in params["ProtectConfigurationIds"])
    page, token = paginate(
        call,
        source,
        params,
        filters={
            "account-default": record_filter("account_default"),
            "deletion-protection-enabled": record_filter("deletion_protection_enabled"),
        },
        boolean_filters=["account-default", "deletion-protection-enabled"],
    )
    return {"ProtectConfigurations": page, "NextToken": token}


def _distinct(records: Iterable[ProtectConfiguration]) -> list[ProtectConfiguration]:
    return list({r.protect_configuration_id: r for r in records}.values())


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
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
    return _rule_set(config, _rule_set_capability(params["NumberCapability"]))


@operation("UpdateProtectConfigurationCountryRuleSet")
def update_protect_configuration_country_rule_set(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
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
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
    now = _now(call)
    expires = _timestamp(params.get("ExpirationTimestamp"))
    if expires is not None and expires <= now:
        raise ValidationError(
            "The expiration timestamp must be in the future.",
            "INVALID_PARAMETER",
            [("ExpirationTimestamp", "Must be a time in the future.")],
        )
    number = e164(params["DestinationPhoneNumber"])
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
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
    number = e164(params["DestinationPhoneNumber"])
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
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
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
        filters={
            "iso-country-code": record_filter("iso_country_code"),
            "action": record_filter("action"),
        },
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


# -- configuration sets and the account default -------------------------------------------------


def _configuration_set_table(backend: Backend) -> Table[ConfigurationSet]:
    return backend.table(CONFIGURATION_SETS)


def _associated_sets(backend: Backend, config: ProtectConfiguration) -> Iterable[ConfigurationSet]:
    ids = {config.protect_configuration_id, config.protect_configuration_arn}
    return (s for s in _configuration_set_table(backend) if s.protect_configuration_id in ids)


def _association(config: ProtectConfiguration, config_set: ConfigurationSet) -> dict[str, Any]:
    return {
        "ConfigurationSetArn": config_set.configuration_set_arn,
        "ConfigurationSetName": config_set.configuration_set_name,
        "ProtectConfigurationArn": config.protect_configuration_arn,
        "ProtectConfigurationId": config.protect_configuration_id,
    }


@operation("AssociateProtectConfiguration")
def associate_protect_configuration(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
    config_set = _configuration_set_table(call.backend).get(params["ConfigurationSetName"])
    if config_set.protect_configuration_id == config.protect_configuration_id:
        raise ConflictError(
            f"Configuration set {config_set.configuration_set_name} is already associated with "
            f"protect configuration {config.protect_configuration_id}.",
            "RESOURCE_ALREADY_ASSOCIATED",
            RESOURCE_TYPE,
            config.protect_configuration_id,
        )
    # "This replaces the configuration sets current protect configuration."
    config_set.protect_configuration_id = config.protect_configuration_id
    return _association(config, config_set)


@operation("DisassociateProtectConfiguration")
def disassociate_protect_configuration(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
    config_set = _configuration_set_table(call.backend).get(params["ConfigurationSetName"])
    if config_set.protect_configuration_id != config.protect_configuration_id:
        raise ConflictError(
            f"Protect configuration {config.protect_configuration_id} is not associated with "
            f"configuration set {config_set.configuration_set_name}.",
            "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET",
            RESOURCE_TYPE,
            config.protect_configuration_id,
        )
    config_set.protect_configuration_id = None
    return _association(config, config_set)


@operation("SetAccountDefaultProtectConfiguration")
def set_account_default(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configurations(call.backend).get(params["ProtectConfigurationId"])
    current = account_default(call.backend)
    if current is not None:
        current.account_default = False
    config.account_default = True
    return {
        "DefaultProtectConfigurationArn": config.protect_configuration_arn,
        "DefaultProtectConfigurationId": config.protect_configuration_id,
    }


@operation("DeleteAccountDefaultProtectConfiguration")
def delete_account_default(call: Call, params: Params) -> dict[str, Any]:
    current = account_default(call.backend)
    if current is None:
        raise ResourceNotFoundError(
            RESOURCE_TYPE,
            "account-default",
            "No account default protect configuration is set in this account and region.",
        )
    current.account_default = False
    return {
        "DefaultProtectConfigurationArn": current.protect_configuration_arn,
        "DefaultProtectConfigurationId": current.protect_configuration_id,
    }
