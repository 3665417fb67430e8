"""What sending asks of protect configurations: whether the configuration in force lets a message
through (:func:`protect_verdict`), checked for every SMS, voice and MMS message and by notify
sends."""

from __future__ import annotations

from datetime import timezone

from smsmock.records.configuration_sets import (
    ConfigurationSet,
)
from smsmock.records.protect_configurations import (
    RESOURCE_TYPE,
    RULE_SET_CAPABILITIES,
    ProtectConfiguration,
    account_default,
    protect_configuration,
    protect_configurations,
)
from smsmock.rules.countries import country_of, e164
from smsmock.rules.sending import SEND_CHECKS, Outgoing
from smsmock.state.errors import ConflictError
from smsmock.state.registry import Call


def protect_verdict(
    call: Call,
    destination: str,
    capability: str,
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
    config: ProtectConfiguration | None
    if protect_configuration_id:
        config = protect_configuration(call, protect_configuration_id)
    elif configuration_set is not None and configuration_set.protect_configuration_id:
        config = protect_configurations(call.backend).find(
            configuration_set.protect_configuration_id
        )
    else:
        config = account_default(call.backend)
    if config is None:
        return
    number = e164(destination)
    override = config.number_overrides.get(number)
    now = call.now if call.now.tzinfo is not None else call.now.replace(tzinfo=timezone.utc)
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
        call,
        outgoing.destination_phone_number,
        outgoing.channel,
        outgoing.protect_configuration_id,
        outgoing.configuration_set,
    )


SEND_CHECKS.append(_check_send)
