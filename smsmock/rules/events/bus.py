"""What AWS End User Messaging SMS sends to EventBridge: the four detail-types, on the default
event bus of the account and region, with no configuration set involved.

Sources: *Monitoring with EventBridge* (SMS user guide, ``monitor-event-bridge.html``) and the
EventBridge events reference (*AWS End User Messaging SMS-Voice events*): "AWS End User
Messaging SMS-Voice sends the following events directly to EventBridge: Text Message Delivery
Status Updated, Media Message Delivery Status Updated, Voice Message Delivery Status Updated,
Registration Status Change", ``source`` ``aws.sms-voice``; the EUM user guide's *Messaging
events*: "Unlike the message events …, which you receive through a configuration set event
destination, the registration status change event is published directly to Amazon EventBridge
on the default event bus".

- Every event of a text, media or voice message goes there, whatever its configuration set.
  Its ``detail`` is the event's JSON without ``destinationPhoneNumber`` and ``context``: none
  of AWS's three EventBridge examples (two ``TEXT_SUCCESSFUL``, one ``VOICE_INITIATED``) has
  them, although the configuration-set examples do. RCS events have no detail-type: none goes
  there (an RCS message that fell back to SMS sends its SMS's events).
- A registration sends ``Registration Status Change`` on every change of its
  ``RegistrationStatus`` (:data:`smsmock.records.registrations.ON_STATUS_CHANGE`), with the
  registration's ARN in ``resources``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from smsmock.records.bus_events import BUS_EVENTS, BusEvent
from smsmock.records.messages import SentMessage
from smsmock.records.registrations import ON_STATUS_CHANGE, Registration
from smsmock.rules.delivery import deliver_bus_event
from smsmock.rules.events.payloads import unix_ms
from smsmock.state.ids import new_uuid
from smsmock.state.world import Backend, World

DETAIL_TYPES = {
    "TEXT": "Text Message Delivery Status Updated",
    "MEDIA": "Media Message Delivery Status Updated",
    "VOICE": "Voice Message Delivery Status Updated",
}
"""An event type's prefix → the detail-type of its EventBridge event."""

REGISTRATION_STATUS_CHANGE = "Registration Status Change"

REGISTRATION_STATUSES_SENT = frozenset(
    {
        "CLOSED",
        "CREATED",
        "COMPLETE",
        "DELETED",
        "PROVISIONING",
        "REQUIRES_AUTHENTICATION",
        "REQUIRES_UPDATES",
        "REVIEWING",
        "SUBMITTED",
    }
)
"""The statuses *Monitoring with EventBridge* says the service sends: the model's
``RegistrationStatus`` but ``AWS_REVIEWING``, which is not in the list (so the step from
``SUBMITTED`` through AWS's review sends ``REVIEWING`` only when the registration gets there)."""


def detail_types() -> tuple[str, ...]:
    """The four detail-types, as the EventBridge events reference lists them."""
    return (*DETAIL_TYPES.values(), REGISTRATION_STATUS_CHANGE)


NOT_IN_DETAIL = ("destinationPhoneNumber", "context")
"""Members of the configuration-set payload that AWS's EventBridge examples do not carry."""


def publish(
    world: World,
    detail_type: str,
    detail: Mapping[str, Any],
    *,
    account_id: str,
    region: str,
    when: datetime,
    resources: tuple[str, ...] = (),
) -> BusEvent:
    """Put one event on the default bus of ``account_id`` in ``region``: delivered into moto
    when it is active, recorded otherwise; kept on the world either way."""
    delivery = deliver_bus_event(
        detail_type,
        detail,
        resources=resources,
        when=when,
        account_id=account_id,
        region=region,
    )
    event = BusEvent(
        detail_type=detail_type,
        account_id=account_id,
        region=region,
        time=when,
        detail=dict(detail),
        resources=resources,
        event_id=new_uuid(),
        delivery=delivery,
    )
    BUS_EVENTS.of(world).append(event)
    return event


def publish_message_event(
    world: World, message: SentMessage, payload: Mapping[str, Any], when: datetime
) -> BusEvent | None:
    """Put the event ``payload`` of ``message`` on its account's default bus, if its channel
    has a detail-type (RCS has none)."""
    detail_type = DETAIL_TYPES.get(str(payload["eventType"]).partition("_")[0])
    if detail_type is None:
        return None
    detail = {k: v for k, v in payload.items() if k not in NOT_IN_DETAIL}
    return publish(
        world,
        detail_type,
        detail,
        account_id=message.account_id,
        region=message.region,
        when=when,
    )


def registration_detail(record: Registration, when: datetime) -> dict[str, Any]:
    """The ``detail`` of a ``Registration Status Change`` (both of AWS's examples)."""
    return {
        "registrationArn": record.registration_arn,
        "registrationDetails": {
            "registrationId": record.registration_id,
            "registrationVersionNumber": record.current_version_number,
            "registrationType": record.registration_type,
            "registrationStatusChangeTimestamp": unix_ms(when),
            "currentStatus": record.registration_status,
        },
    }


def _registration_status_changed(backend: Backend, record: Registration, when: datetime) -> None:
    if record.registration_status not in REGISTRATION_STATUSES_SENT:
        return
    publish(
        backend.world,
        REGISTRATION_STATUS_CHANGE,
        registration_detail(record, when),
        account_id=backend.account_id,
        region=backend.region,
        when=when,
        resources=(record.registration_arn,),
    )


ON_STATUS_CHANGE.append(_registration_status_changed)
