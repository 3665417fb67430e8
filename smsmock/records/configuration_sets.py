"""Configuration set records: :class:`ConfigurationSet` with its event destinations, its table and
lookup, and the :class:`EventRecord` an event destination received."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from smsmock.records.deliveries import Delivery
from smsmock.state.errors import ResourceNotFoundError
from smsmock.state.registry import Call
from smsmock.state.tables import Record, TableKey
from smsmock.state.world import Journal


@dataclass(kw_only=True)
class EventDestination:
    """One event destination; attributes are the model's ``EventDestination``. The three
    destination members are the model's structures, kept as the caller gave them."""

    event_destination_name: str
    enabled: bool
    matching_event_types: list[str]
    cloud_watch_logs_destination: dict[str, str] | None = None
    kinesis_firehose_destination: dict[str, str] | None = None
    sns_destination: dict[str, str] | None = None

    @property
    def kind(self) -> str:
        """Which of the three destinations this is (the type cannot change on update)."""
        for member in DESTINATION_MEMBERS:
            if getattr(self, DESTINATION_ATTRIBUTES[member]) is not None:
                return member
        return ""

    @property
    def structure(self) -> dict[str, str]:
        """The destination's model structure (``{"TopicArn": …}`` for an SNS destination)."""
        return getattr(self, DESTINATION_ATTRIBUTES[self.kind]) or {}

    def matches(self, event_type: str) -> bool:
        """Whether an event of ``event_type`` (``TEXT_DELIVERED`` …) goes to this destination."""
        if not self.enabled:
            return False
        wanted = self.matching_event_types
        channel = event_type.split("_", 1)[0]
        return event_type in wanted or "ALL" in wanted or f"{channel}_ALL" in wanted


@dataclass(kw_only=True)
class ConfigurationSet(Record):
    """A configuration set; attributes are the model's ``ConfigurationSetInformation``.

    ``protect_configuration_id`` is set by AssociateProtectConfiguration
    (:mod:`smsmock.operations.protect_configurations`).
    """

    configuration_set_arn: str
    configuration_set_name: str
    created_timestamp: datetime
    event_destinations: list[EventDestination] = field(default_factory=list)
    default_message_type: str | None = None
    default_sender_id: str | None = None
    default_message_feedback_enabled: bool = False
    protect_configuration_id: str | None = None

    def event_destination(self, name: str) -> EventDestination:
        """The event destination ``name``, or ``ResourceNotFoundException``."""
        for destination in self.event_destinations:
            if destination.event_destination_name == name:
                return destination
        raise ResourceNotFoundError("event-destination", name)


CONFIGURATION_SETS: TableKey[ConfigurationSet] = TableKey(
    "configuration-set",
    key=lambda r: r.configuration_set_name,
    quota="CONFIGURATION_SETS_PER_ACCOUNT",
    arn=lambda r: r.configuration_set_arn,
)


@dataclass(frozen=True)
class EventRecord:
    """An event an event destination received: what happened to which message.

    ``payload`` is the JSON AWS sends (:mod:`smsmock.rules.events.payloads`); ``delivery`` what
    became of it (:class:`smsmock.records.deliveries.Delivery`: ``delivered`` into moto,
    ``failed`` with the reason, or ``recorded`` when nothing could take it)."""

    event_type: str
    configuration_set_name: str
    event_destination_name: str
    destination_kind: str
    message_id: str
    account_id: str
    region: str
    destination_phone_number: str
    timestamp: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    delivery: Delivery | None = None


EVENTS: Journal[EventRecord] = Journal("events")
"""What event destinations received, in order of arrival."""


def configuration_set(call: Call, ref: str) -> ConfigurationSet:
    """The configuration set ``ref`` (its name or ARN) names, or ``ResourceNotFoundException``."""
    return call.backend.table(CONFIGURATION_SETS).get(ref)


DESTINATION_MEMBERS = ("CloudWatchLogsDestination", "KinesisFirehoseDestination", "SnsDestination")
DESTINATION_ATTRIBUTES = {
    "CloudWatchLogsDestination": "cloud_watch_logs_destination",
    "KinesisFirehoseDestination": "kinesis_firehose_destination",
    "SnsDestination": "sns_destination",
}
