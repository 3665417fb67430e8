"""What became of an event or inbound message sent to its destination (a value kept on
:class:`smsmock.records.configuration_sets.EventRecord` and
:class:`smsmock.rules.inbound.InboundMessage`; the delivering is :mod:`smsmock.rules.delivery`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DeliveryStatus = Literal["delivered", "failed", "recorded"]


@dataclass(frozen=True)
class Delivery:
    """What became of one event or inbound message sent to one destination.

    ``delivered``: moto accepted it; ``failed``: the destination is missing or the call failed
    (``detail`` says why); ``recorded``: there is nothing to deliver to (no moto, or an Amazon
    Connect channel) and the payload stays on the handle only.
    """

    status: DeliveryStatus
    detail: str = ""
