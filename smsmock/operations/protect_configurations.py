"""Protect configurations: the records, the account default, and their association with
configuration sets (their country rule sets and phone number overrides are
:mod:`smsmock.operations.protect_rules`).

Sending consults them through :func:`protect_verdict` (one of
:data:`smsmock.operations.messages.SEND_CHECKS`): a rule ``BLOCK`` for the destination's country
refuses the message, an override for the destination number wins over the country rule.
``MONITOR`` and ``FILTER`` let messages through: the service's AIT risk model has no counterpart
in a mock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from smsmock.engine.model import copy_members
from smsmock.operations.configuration_sets import (
    CONFIGURATION_SETS,
    ConfigurationSet,
    configuration_set,
)
from smsmock.operations.messages import SEND_CHECKS, Outgoing
from smsmock.rules.countries import country_of, e164
from smsmock.state.conflicts import refuse_if_deletion_protected
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ResourceNotFoundError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
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
        call.now,
        outgoing.protect_configuration_id,
        outgoing.configuration_set,
    )


SEND_CHECKS.append(_check_send)


# -- protect configurations ---------------------------------------------------------------------


@operation("CreateProtectConfiguration")
def create_protect_configuration(call: Call, params: Params) -> ProtectConfiguration:
    return create_record(
        call,
        protect_configurations(call.backend),
        params,
        lambda config_id, arn: ProtectConfiguration(
            protect_configuration_arn=arn,
            protect_configuration_id=config_id,
            created_timestamp=call.now,
            deletion_protection_enabled=bool(params.get("DeletionProtectionEnabled", False)),
        ),
    )


@operation("UpdateProtectConfiguration")
def update_protect_configuration(call: Call, params: Params) -> ProtectConfiguration:
    config = protect_configuration(call, params["ProtectConfigurationId"])
    copy_members(params, config, ("DeletionProtectionEnabled",))
    return config


@operation("DeleteProtectConfiguration")
def delete_protect_configuration(call: Call, params: Params) -> ProtectConfiguration:
    table = protect_configurations(call.backend)
    config = table.get(params["ProtectConfigurationId"])
    config_id = config.protect_configuration_id
    refuse_if_deletion_protected(config, RESOURCE_TYPE, config_id)
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


describe_operation(
    "DescribeProtectConfigurations",
    PROTECT_CONFIGURATIONS,
    "ProtectConfigurationIds",
    "ProtectConfigurations",
    filters=attribute_filters("account_default", "deletion_protection_enabled"),
    boolean_filters=["account-default", "deletion-protection-enabled"],
)


# -- configuration sets and the account default -------------------------------------------------


def _associated_sets(backend: Backend, config: ProtectConfiguration) -> Iterable[ConfigurationSet]:
    ids = {config.protect_configuration_id, config.protect_configuration_arn}
    return (s for s in backend.table(CONFIGURATION_SETS) if s.protect_configuration_id in ids)


def _association(config: ProtectConfiguration, config_set: ConfigurationSet) -> dict[str, Any]:
    return {
        "ConfigurationSetArn": config_set.configuration_set_arn,
        "ConfigurationSetName": config_set.configuration_set_name,
        "ProtectConfigurationArn": config.protect_configuration_arn,
        "ProtectConfigurationId": config.protect_configuration_id,
    }


@operation("AssociateProtectConfiguration")
def associate_protect_configuration(call: Call, params: Params) -> dict[str, Any]:
    config = protect_configuration(call, params["ProtectConfigurationId"])
    config_set = configuration_set(call, params["ConfigurationSetName"])
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
    config = protect_configuration(call, params["ProtectConfigurationId"])
    config_set = configuration_set(call, params["ConfigurationSetName"])
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
    config = protect_configuration(call, params["ProtectConfigurationId"])
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
