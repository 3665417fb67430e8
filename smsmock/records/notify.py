"""Notify configuration records: :class:`NotifyConfiguration`, its table and lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.tables import Table, TableKey
from smsmock.state.world import Backend

RESOURCE_TYPE = "notify-configuration"


@dataclass(kw_only=True)
class NotifyConfiguration(StatefulRecord):
    """A notify configuration; attributes are the model's ``NotifyConfigurationInformation``."""

    notify_configuration_arn: str
    notify_configuration_id: str
    display_name: str
    use_case: str
    enabled_channels: list[str]
    enabled_countries: list[str]
    created_timestamp: datetime
    default_template_id: str | None = None
    pool_id: str | None = None
    tier: str = "BASIC"
    tier_upgrade_status: str = "BASIC"
    rejection_reason: str | None = None
    deletion_protection_enabled: bool = False
    sent_per_day: dict[str, int] = field(default_factory=dict, repr=False)
    calls_per_destination: dict[str, int] = field(default_factory=dict, repr=False)
    """Today's voice calls by ``{day}/{destination}`` (older days are dropped)."""


def _on_transition(backend: Backend, record: NotifyConfiguration, old: str, new: str) -> None:
    if new == "REJECTED" and record.rejection_reason is None:
        record.rejection_reason = "The display name does not identify a brand or business."


NOTIFY_CONFIGURATIONS: TableKey[NotifyConfiguration] = TableKey(
    RESOURCE_TYPE,
    key=lambda r: r.notify_configuration_id,
    id_prefix="notify",
    quota="NOTIFY_CONFIGURATIONS_PER_ACCOUNT",
    arn=lambda r: r.notify_configuration_arn,
    transitions={"PENDING": "ACTIVE"},
    on_transition=_on_transition,
)


def notify_configurations(backend: Backend) -> Table[NotifyConfiguration]:
    return backend.table(NOTIFY_CONFIGURATIONS)


def notify_configuration(backend: Backend, ref: str) -> NotifyConfiguration:
    """The notify configuration ``ref`` (its id or ARN) names, or ``ResourceNotFoundException``.
    It takes the backend, not a request: the handle finds configurations too (tier upgrades)."""
    return notify_configurations(backend).get(ref)


def notify_configuration_for_pool(backend: Backend, pool_id: str) -> NotifyConfiguration | None:
    """The notify configuration that sends from ``pool_id``, if any (for DeletePool's
    ``POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION``)."""
    return notify_configurations(backend).first(lambda r: r.pool_id == pool_id)
