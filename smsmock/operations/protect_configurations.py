"""Protect configurations: the records, the account default, and their association with
configuration sets (their country rule sets and phone number overrides are
:mod:`smsmock.operations.protect_rules`).

Sending consults them through :func:`~smsmock.rules.protect.protect_verdict` (one of
:data:`smsmock.rules.sending.SEND_CHECKS`): a rule ``BLOCK`` for the destination's country
refuses the message, an override for the destination number wins over the country rule.
``MONITOR`` and ``FILTER`` let messages through: the service's AIT risk model has no counterpart
in a mock.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from smsmock.records.configuration_sets import (
    CONFIGURATION_SETS,
    ConfigurationSet,
    configuration_set,
)
from smsmock.records.protect_configurations import (
    PROTECT_CONFIGURATIONS,
    RESOURCE_TYPE,
    ProtectConfiguration,
    account_default,
    protect_configuration,
    protect_configurations,
)
from smsmock.state.conflicts import refuse_if_deletion_protected
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ResourceNotFoundError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import copy_members
from smsmock.state.world import Backend

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
    config = protect_configuration(call, params["ProtectConfigurationId"])
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
