"""Events on the account's default EventBridge bus: :class:`BusEvent`, what AWS End User
Messaging SMS puts there with no configuration set involved (the putting is
:mod:`smsmock.rules.events.bus`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from smsmock.records.deliveries import Delivery
from smsmock.state.world import Journal

SOURCE = "aws.sms-voice"
"""The ``source`` of every event the service sends to EventBridge (*Monitoring with
EventBridge*; EventBridge events reference, *AWS End User Messaging SMS-Voice events*)."""


@dataclass(frozen=True)
class BusEvent:
    """One event put on the default event bus of ``account_id`` in ``region``.

    ``detail_type`` is one of the four documented ones (``Text Message Delivery Status
    Updated`` …, ``Registration Status Change``), ``detail`` its JSON, ``resources`` the ARNs it
    names. ``delivery`` says what became of it: ``delivered`` onto moto's default bus (the
    user's rules route it), ``failed`` with the reason, or ``recorded`` when moto is not active.
    """

    detail_type: str
    account_id: str
    region: str
    time: datetime
    detail: dict[str, Any]
    resources: tuple[str, ...] = ()
    event_id: str = ""
    delivery: Delivery | None = None
    source: str = SOURCE

    @property
    def envelope(self) -> dict[str, Any]:
        """The event as an EventBridge target receives it (``version`` "0", ``id``,
        ``detail-type``, ``source``, ``account``, ``time``, ``region``, ``resources``,
        ``detail``), as in AWS's examples. ``id`` is smsmock's; moto gives its own copy
        another."""
        return {
            "version": "0",
            "id": self.event_id,
            "detail-type": self.detail_type,
            "source": self.source,
            "account": self.account_id,
            "time": self.time.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "region": self.region,
            "resources": list(self.resources),
            "detail": self.detail,
        }


BUS_EVENTS: Journal[BusEvent] = Journal("bus_events")
"""Every event put on a default bus, in order."""
