"""Notify: templated verification messages sent through AWS-managed identities.

CreateNotifyConfiguration, UpdateNotifyConfiguration, DeleteNotifyConfiguration,
DescribeNotifyConfigurations, SendNotifyTextMessage, SendNotifyVoiceMessage,
Set/DeleteNotifyMessageSpendLimitOverride (the templates and countries, with
DescribeNotifyTemplates and ListNotifyCountries, are :mod:`smsmock.operations.notify_templates`).

A configuration starts ``PENDING`` on the ``BASIC`` tier ("All new configurations start on the
Basic tier", Notify tiers page) and becomes ``ACTIVE`` through the ``notify-configuration``
lifecycle (immediately by default; ``sms.advance(..., to="REJECTED")`` rejects it). Sending
through one that is not ``ACTIVE`` is ``ConflictException`` ``NOTIFY_CONFIGURATION_NOT_ACTIVE``.
Sends are recorded with the other sent messages, priced as SMS or voice to the destination
country, and counted as notify spend (``NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT``), not as text or
voice spend.
"""

from __future__ import annotations

from typing import Any

from smsmock.records.messages import SentMessage
from smsmock.records.notify import (
    NOTIFY_CONFIGURATIONS,
    RESOURCE_TYPE,
    NotifyConfiguration,
    notify_configuration,
    notify_configuration_for_pool,
    notify_configurations,
)
from smsmock.records.pools import POOLS, pool
from smsmock.rules import origination
from smsmock.rules.countries import country_of, end_user_number
from smsmock.rules.notify_templates import (
    NotifyTemplate,
    countries_by_code,
    notify_countries,
    notify_template,
    resolve_template,
)
from smsmock.rules.pricing import segments, text_price, voice_minutes, voice_price
from smsmock.rules.sending import MessageKind, Origin, Outgoing, Price, SendRequest, send
from smsmock.state.conflicts import refuse_if_deletion_protected
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import copy_members

CHANNELS = ("SMS", "VOICE")
UNSET_TEMPLATE = "UNSET_DEFAULT_TEMPLATE"
UNSET_POOL = "UNSET_DEFAULT_POOL_FOR_NOTIFY"


# -- configurations -----------------------------------------------------------------------------


def _channels(channels: list[str]) -> list[str]:
    unsupported = [c for c in channels if c not in CHANNELS]
    if unsupported:
        raise ValidationError(
            f"Notify sends over SMS and VOICE, not {', '.join(unsupported)}.",
            "INVALID_PARAMETER",
            [("EnabledChannels", "Supported values are SMS and VOICE.")],
        )
    return list(dict.fromkeys(channels))


def _countries(countries: list[str] | None, tier: str) -> list[str]:
    """The enabled countries: every country of the tier when none are given."""
    known = countries_by_code()
    if not countries:
        return [c.iso_country_code for c in notify_countries() if tier in c.supported_tiers]
    refused = [c for c in countries if c not in known or tier not in known[c].supported_tiers]
    if refused:
        raise ValidationError(
            f"Notify on the {tier} tier does not send to {', '.join(refused)}.",
            "COUNTRY_NOT_ENABLED",
            [("EnabledCountries", f"{c} is not supported on the {tier} tier.") for c in refused],
        )
    return list(dict.fromkeys(countries))


def _default_template(value: str | None) -> str | None:
    if not value or value == UNSET_TEMPLATE:
        return None
    return notify_template(value).template_id


def _pool_id(call: Call, value: str | None, record: NotifyConfiguration | None) -> str | None:
    if not value or value == UNSET_POOL:
        return None
    found = pool(call, value)
    other = notify_configuration_for_pool(call.backend, found.pool_id)
    if other is not None and other is not record:
        raise ConflictError(
            f"The pool {found.pool_id} is already used by notify configuration "
            f"{other.notify_configuration_id}.",
            "POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION",
            "pool",
            found.pool_id,
        )
    return found.pool_id


@operation("CreateNotifyConfiguration")
def create_notify_configuration(call: Call, params: Params) -> NotifyConfiguration:
    channels = _channels(params["EnabledChannels"])
    countries = _countries(params.get("EnabledCountries"), "BASIC")
    template = _default_template(params.get("DefaultTemplateId"))
    pool_id = _pool_id(call, params.get("PoolId"), None)
    return create_record(
        call,
        notify_configurations(call.backend),
        params,
        lambda config_id, arn: NotifyConfiguration(
            notify_configuration_arn=arn,
            notify_configuration_id=config_id,
            status="PENDING",
            status_since=call.now,
            display_name=params["DisplayName"],
            use_case=params["UseCase"],
            enabled_channels=channels,
            enabled_countries=countries,
            default_template_id=template,
            pool_id=pool_id,
            created_timestamp=call.now,
            deletion_protection_enabled=params.get("DeletionProtectionEnabled", False),
        ),
    )


@operation("UpdateNotifyConfiguration")
def update_notify_configuration(call: Call, params: Params) -> NotifyConfiguration:
    record = notify_configuration(call.backend, params["NotifyConfigurationId"])
    if record.status == "REJECTED":
        raise ConflictError(
            f"The notify configuration {record.notify_configuration_id} was rejected and "
            "cannot be changed.",
            "RESOURCE_MODIFICATION_NOT_ALLOWED",
            RESOURCE_TYPE,
            record.notify_configuration_id,
        )
    # Check everything before changing anything.
    channels = _channels(params["EnabledChannels"]) if "EnabledChannels" in params else None
    countries = (
        _countries(params["EnabledCountries"], record.tier)
        if "EnabledCountries" in params
        else None
    )
    template = _default_template(params.get("DefaultTemplateId"))
    pool_id = _pool_id(call, params.get("PoolId"), record)
    if channels is not None:
        record.enabled_channels = channels
    if countries is not None:
        record.enabled_countries = countries
    if "DefaultTemplateId" in params:
        record.default_template_id = template
    if "PoolId" in params:
        record.pool_id = pool_id
    copy_members(params, record, ("DeletionProtectionEnabled",))
    return record


@operation("DeleteNotifyConfiguration")
def delete_notify_configuration(call: Call, params: Params) -> NotifyConfiguration:
    record = notify_configuration(call.backend, params["NotifyConfigurationId"])
    refuse_if_deletion_protected(record, RESOURCE_TYPE, record.notify_configuration_id)
    notify_configurations(call.backend).remove(record)
    return record


describe_operation(
    "DescribeNotifyConfigurations",
    NOTIFY_CONFIGURATIONS,
    "NotifyConfigurationIds",
    "NotifyConfigurations",
    filters=attribute_filters(
        "display_name",
        "enabled_countries",
        "enabled_channels",
        "use_case",
        "status",
        "deletion_protection_enabled",
        "tier_upgrade_status",
        named={"default-template": "default_template_id", "default-pool": "pool_id"},
    ),
)


# -- sending ------------------------------------------------------------------------------------


def _active_configuration(call: Call, params: Params, channel: str) -> NotifyConfiguration:
    record = notify_configuration(call.backend, params["NotifyConfigurationId"])
    config_id = record.notify_configuration_id
    if record.status != "ACTIVE":
        raise ConflictError(
            f"The notify configuration {config_id} is {record.status}, not ACTIVE.",
            "NOTIFY_CONFIGURATION_NOT_ACTIVE",
            RESOURCE_TYPE,
            config_id,
        )
    if channel not in record.enabled_channels:
        raise ValidationError(
            f"The notify configuration {config_id} does not have {channel} enabled.",
            "CHANNEL_NOT_ENABLED",
            [("NotifyConfigurationId", f"{channel} is not an enabled channel.")],
        )
    return record


def _template(params: Params, channel: str, record: NotifyConfiguration) -> NotifyTemplate:
    template_id = params.get("TemplateId") or record.default_template_id
    if not template_id or template_id == UNSET_TEMPLATE:
        raise ValidationError(
            "Give a TemplateId: the notify configuration has no default template.",
            "MISSING_PARAMETER",
            [("TemplateId", "Required when the configuration has no default template.")],
        )
    template = notify_template(template_id)
    if channel not in template.channels or record.tier not in template.tier_access:
        raise ValidationError(
            f"The template {template_id} is not for {channel} on the {record.tier} tier.",
            "INVALID_PARAMETER",
            [("TemplateId", f"Not a {channel} template of the {record.tier} tier.")],
        )
    return template


def _check_country(params: Params, record: NotifyConfiguration, template: NotifyTemplate) -> None:
    """The destination's country must be enabled on the configuration and the template's."""
    destination = end_user_number(params["DestinationPhoneNumber"], "DestinationPhoneNumber")
    country = country_of(destination)
    if country is None or country not in record.enabled_countries:
        raise ValidationError(
            f"The notify configuration {record.notify_configuration_id} does not send to "
            f"{country or destination}.",
            "COUNTRY_NOT_ENABLED",
            [("DestinationPhoneNumber", "The destination country is not enabled.")],
        )
    if country not in template.supported_countries:
        raise ValidationError(
            f"The template {template.template_id} is not supported in {country}.",
            "INVALID_PARAMETER",
            [("TemplateId", f"The template does not support {country}.")],
        )


def _voice_id(params: Params, template: NotifyTemplate) -> str:
    voice_id: str = params.get("VoiceId") or template.supported_voice_ids[0]
    if voice_id not in template.supported_voice_ids:
        raise ValidationError(
            f"The voice {voice_id} does not speak the template's language.",
            "INVALID_PARAMETER",
            [("VoiceId", f"Supported: {', '.join(template.supported_voice_ids)}.")],
        )
    return voice_id


def _send(call: Call, params: Params, channel: str) -> dict[str, Any]:
    """A notify message: the configuration's and template's checks, then the send pipeline with
    what notify plugs in (an AWS-managed or pool sender, notify spend, the daily limits)."""
    record = _active_configuration(call, params, channel)
    template = _template(params, channel, record)
    _check_country(params, record, template)
    voice_id = _voice_id(params, template) if channel == "VOICE" else None
    body = resolve_template(template, params["TemplateVariables"], record.display_name)
    kind = MessageKind(
        channel,
        lambda call, _: Origin(None, None, _sender(call, record), "TRANSACTIONAL"),
        _price,
        # Notify messages count against the notify spend limit, not their channel's.
        spend_channel="NOTIFY",
        # Notify sends from AWS-managed identities to numbers that asked for a code: neither
        # an identity's opt-out list nor the sandbox's verified destinations apply.
        checks_opt_outs=False,
        checks_sandbox=False,
        limits=lambda call, outgoing: _check_daily_limits(call, outgoing, record),
        counted=lambda call, message: _count(call, message, record),
    )
    request = SendRequest.from_params(
        channel, params, message_body=body, voice_id=voice_id, kind=kind
    )
    message = send(call, request)
    return {
        "MessageId": message.message_id,
        "TemplateId": template.template_id,
        "ResolvedMessageBody": body,
    }


def _price(outgoing: Outgoing) -> Price:
    body, country = outgoing.message_body or "", outgoing.destination_country
    if outgoing.channel == "SMS":
        price = text_price(country, segments(body))
        return Price(segments(body), price, price)
    price = voice_price(country, voice_minutes(body))
    return Price(1, price, price)


def _check_daily_limits(call: Call, outgoing: Outgoing, record: NotifyConfiguration) -> None:
    """Notify tiers: the Basic tier has a daily message limit; Notify quotas: at most 10 voice
    calls to one destination number a day."""
    day = f"{call.now:%Y-%m-%d}"
    if record.tier == "BASIC":
        call.backend.check_quota("DAILY_NOTIFY_TIER_MESSAGE_LIMIT", record.sent_per_day.get(day, 0))
    if outgoing.channel == "VOICE":
        called = record.calls_per_destination.get(f"{day}/{outgoing.destination_phone_number}", 0)
        call.backend.check_quota("DAILY_DESTINATION_CALL_LIMIT", called)


def _count(call: Call, message: SentMessage, record: NotifyConfiguration) -> None:
    """Count an accepted message towards the day's limits (only today's counts are kept)."""
    day = f"{call.now:%Y-%m-%d}"
    record.sent_per_day = {day: record.sent_per_day.get(day, 0) + 1}
    if message.channel == "VOICE":
        called = f"{day}/{message.destination_phone_number}"
        today = {k: n for k, n in record.calls_per_destination.items() if k.startswith(day)}
        today[called] = today.get(called, 0) + 1
        record.calls_per_destination = today


def _sender(call: Call, record: NotifyConfiguration) -> str | None:
    """The configuration's pool's first member, or ``None`` for an AWS-managed identity."""
    if record.pool_id is None:
        return None
    pool = call.backend.table(POOLS).find(record.pool_id)
    if pool is None or not pool.members:
        return None
    member = call.backend.by_arn.get(pool.members[0])
    if member is None:
        return None
    identity: str = origination.kind_of(member).identity(member)
    return getattr(member, "phone_number", None) or identity


@operation("SendNotifyTextMessage")
def send_notify_text_message(call: Call, params: Params) -> dict[str, Any]:
    return _send(call, params, "SMS")


@operation("SendNotifyVoiceMessage")
def send_notify_voice_message(call: Call, params: Params) -> dict[str, Any]:
    return _send(call, params, "VOICE")
