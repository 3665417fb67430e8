"""Protect configuration records: :class:`ProtectConfiguration` with its country rules and
:class:`NumberOverride` entries, its table, lookups and the account default."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from smsmock.state.registry import Call
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
    id_prefix="protect",
    quota="PROTECT_CONFIGURATIONS_PER_ACCOUNT",
    arn=lambda r: r.protect_configuration_arn,
)


def protect_configurations(backend: Backend) -> Table[ProtectConfiguration]:
    return backend.table(PROTECT_CONFIGURATIONS)


def protect_configuration(call: Call, ref: str) -> ProtectConfiguration:
    """The protect configuration ``ref`` (its id or ARN) names, or
    ``ResourceNotFoundException``."""
    return protect_configurations(call.backend).get(ref)


def account_default(backend: Backend) -> ProtectConfiguration | None:
    """The account's default protect configuration in this region, if one is set."""
    return protect_configurations(backend).first(lambda r: r.account_default)
