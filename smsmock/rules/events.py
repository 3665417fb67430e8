"""Events: what the event destinations of a configuration set would receive for a message
(``sms.events``)."""

from __future__ import annotations

from smsmock.records.configuration_sets import (
    ConfigurationSet,
    EventRecord,
)
from smsmock.state.registry import Call


def publish_events(
    call: Call,
    config_set: ConfigurationSet | None,
    event_types: list[str],
    message_id: str,
    destination_phone_number: str,
) -> None:
    """Record, for each enabled event destination of ``config_set`` matching each event type,
    the event it would receive (in ``call.world.events``)."""
    if config_set is None:
        return
    for event_type in event_types:
        for destination in config_set.event_destinations:
            if destination.matches(event_type):
                call.world.events.append(
                    EventRecord(
                        event_type=event_type,
                        configuration_set_name=config_set.configuration_set_name,
                        event_destination_name=destination.event_destination_name,
                        destination_kind=destination.kind,
                        message_id=message_id,
                        account_id=call.account_id,
                        region=call.region,
                        destination_phone_number=destination_phone_number,
                        timestamp=call.now,
                    )
                )
