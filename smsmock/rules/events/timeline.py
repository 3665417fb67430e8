"""Events on the mock's clock: what a test chose to happen to messages, the events waiting for
their time, and what their arrival does.

An accepted message (not a dry run) gets the events of its fate
(:mod:`smsmock.rules.events.catalogue`): the first at once, the others spread over the fate's
``delay`` (0 by default, so every event arrives at once). A fate whose last event is not final
(``PENDING``, ``QUEUED``) gets ``UNKNOWN`` 72 hours later, as the service reports it when no
carrier says more. Events arrive lazily when the clock (``datetime.now``, so freezegun's) has
passed their time: before every request and every read of the handle's events. Arriving, an event
becomes an :class:`EventRecord` for each enabled event destination of the message's configuration
set that matches its type, is delivered (:func:`smsmock.rules.delivery.deliver_event`) and is
passed to the ``sms.on_event`` callbacks; a text, media or voice event also goes to the default
EventBridge bus (:mod:`smsmock.rules.events.bus`).
"""

from __future__ import annotations

import copy
import fnmatch
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from smsmock.records.configuration_sets import (
    CONFIGURATION_SETS,
    EVENTS,
    ConfigurationSet,
    EventRecord,
)
from smsmock.records.messages import SentMessage
from smsmock.rules.delivery import deliver_event
from smsmock.rules.events import bus, catalogue
from smsmock.rules.events.payloads import event_payload
from smsmock.rules.simulator_numbers import simulator_destination
from smsmock.state.registry import Call
from smsmock.state.world import Journal, World


@dataclass(frozen=True)
class FateRule:
    """What happens to messages to the destinations ``pattern`` matches (an E.164 number, or a
    shell-style pattern such as ``+1206555*``): the fate, and the seconds until its last event."""

    pattern: str
    fate: str
    delay: float = 0.0

    def matches(self, destination_phone_number: str) -> bool:
        return fnmatch.fnmatchcase(destination_phone_number, self.pattern)


@dataclass(frozen=True)
class PendingEvent:
    """An event of ``message`` that arrives at ``due``."""

    message: SentMessage
    event_type: str
    due: datetime
    configuration_set_name: str | None
    description: str | None = None
    protect_configuration_id: str | None = None


FATES: Journal[FateRule] = Journal("fates")
"""What the handle chose to happen to messages, the latest last."""
PENDING_EVENTS: Journal[PendingEvent] = Journal("pending_events")
"""Events waiting for their time, the soonest first."""


# -- the handle's settings -----------------------------------------------------------------------


def set_fate(world: World, pattern: str, fate: str, delay: float = 0.0) -> FateRule:
    """Choose ``fate`` for messages to the destinations ``pattern`` matches, the last event
    ``delay`` seconds after the send. A later rule wins over an earlier one. The handle checks
    the names and the delay first (:mod:`smsmock.faces.handle_checks`) and holds the world's
    lock."""
    rule = FateRule(pattern, fate, delay)
    FATES.of(world).append(rule)
    return rule


def fate_of(world: World, channel: str, destination_phone_number: str) -> tuple[str, float]:
    """The fate of a message of ``channel`` to ``destination_phone_number``, and its delay: the
    test's choice, else that of a destination simulator number, else delivery."""
    for rule in reversed(FATES.of(world)):
        if rule.matches(destination_phone_number):
            fate = catalogue.fate_for_channel(rule.fate, channel)
            if fate is not None:
                return fate, rule.delay
    simulator = simulator_destination(destination_phone_number)
    if simulator is not None and catalogue.fate_for_channel(simulator.fate, channel) is not None:
        return simulator.fate, 0.0
    return catalogue.DEFAULT_FATES[channel], 0.0


def subscribe(world: World, kind: str, callback: Callable[[Any], object]) -> None:
    """Call ``callback`` with each ``event`` (an :class:`EventRecord`) or ``inbound`` message
    (an :class:`smsmock.rules.inbound.InboundMessage`) from now on. The handle holds the
    world's lock."""
    world.subscribers.setdefault(kind, []).append(callback)


def notify(world: World, kind: str, item: Any) -> None:
    """Pass ``item`` to the ``kind`` callbacks. A callback's exception is not caught: it fails
    the handle read or the request during which the event arrived, so the test sees it."""
    for callback in list(world.subscribers.get(kind, ())):
        callback(item)


# -- scheduling ----------------------------------------------------------------------------------


def schedule(
    call: Call,
    message: SentMessage,
    config_set: ConfigurationSet | None,
    lead_events: tuple[str, ...] = (),
    events: list[str] | None = None,
) -> None:
    """Put the events of an accepted ``message`` on the clock: ``lead_events`` at once, then
    ``events`` at once if given, else the events of the message's fate; then let those due
    arrive."""
    now = call.now
    protect = message.protect_configuration_id or (
        config_set.protect_configuration_id if config_set is not None else None
    )
    name = config_set.configuration_set_name if config_set is not None else None

    def pending(event_type: str, due: datetime, description: str | None = None) -> PendingEvent:
        return PendingEvent(message, event_type, due, name, description, protect)

    timeline = [pending(event_type, now) for event_type in lead_events]
    if events is not None:
        timeline += [pending(event_type, now) for event_type in events]
    else:
        fate, delay = fate_of(call.world, message.channel, message.destination_phone_number)
        prefix = catalogue.PREFIXES[message.channel]
        statuses = catalogue.FATES[message.channel][fate]
        steps = len(statuses)
        for i, status in enumerate(statuses):
            share = delay if steps == 1 else delay * i / (steps - 1)
            timeline.append(pending(f"{prefix}_{status}", now + timedelta(seconds=share)))
        if not catalogue.status(f"{prefix}_{statuses[-1]}").is_final:
            timeline.append(
                pending(
                    f"{prefix}_UNKNOWN",
                    now + catalogue.NO_FINAL_EVENT_TIMEOUT,
                    catalogue.UNKNOWN_AFTER_TIMEOUT,
                )
            )
    world = call.world
    waiting = PENDING_EVENTS.of(world)
    waiting.extend(timeline)
    waiting.sort(key=lambda p: p.due)  # stable: same-time events keep their order
    settle(world, now)


def settle(world: World, now: datetime | None = None) -> list[EventRecord]:
    """Let every event due by ``now`` (default: the clock's now) arrive, in time order; the
    records they made."""
    arrived: list[EventRecord] = []
    pending = PENDING_EVENTS.of(world)
    if not pending:
        return arrived
    when = now or datetime.now(timezone.utc)
    with world.lock:
        if world.settling:
            return arrived  # a callback's own request: the outer settle goes on with the rest
        world.settling = True
        try:
            while pending and pending[0].due <= when:
                arrived += arrive(world, pending.pop(0))
        finally:
            world.settling = False
    return arrived


def arrive(world: World, event: PendingEvent) -> list[EventRecord]:
    """What the arrival of ``event`` does: an event on the account's default EventBridge bus
    (:mod:`smsmock.rules.events.bus`); a record and a delivery for each enabled event
    destination that matches it (destinations as they are now), then the callbacks."""
    message = event.message
    payload = event_payload(
        message,
        event.event_type,
        catalogue.status(event.event_type),
        event.due,
        description=event.description,
        protect_configuration_id=event.protect_configuration_id,
    )
    bus.publish_message_event(world, message, payload, event.due)
    backend = world.backend(message.account_id, message.region)
    config_set = (
        backend.table(CONFIGURATION_SETS).find(event.configuration_set_name)
        if event.configuration_set_name
        else None
    )
    if config_set is None:
        return []
    matching = [d for d in config_set.event_destinations if d.matches(event.event_type)]
    if not matching:
        return []
    records = []
    for destination in matching:
        delivery = deliver_event(
            destination.kind,
            destination.structure,
            payload,
            account_id=message.account_id,
            region=message.region,
        )
        record = EventRecord(
            event_type=event.event_type,
            configuration_set_name=config_set.configuration_set_name,
            event_destination_name=destination.event_destination_name,
            destination_kind=destination.kind,
            message_id=message.message_id,
            account_id=message.account_id,
            region=message.region,
            destination_phone_number=message.destination_phone_number,
            timestamp=event.due,
            payload=copy.deepcopy(payload),
            delivery=delivery,
        )
        EVENTS.of(world).append(record)
        records.append(record)
    for record in records:
        notify(world, "event", record)
    return records
