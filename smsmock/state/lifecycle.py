"""When resources move through their statuses (``PENDING`` → ``ACTIVE`` …).

Like moto's state manager, the user chooses per resource type, on the handle:

- ``immediate`` (default): the creating call answers with the first status; the next read of the
  resource shows it settled (every step taken);
- ``after``: each step is taken once ``seconds`` of clock time have passed since the last one
  (``datetime.now``, so freezegun moves it);
- ``manual``: nothing moves until the test calls ``sms.advance(resource_type, resource_id)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal

from smsmock.state.tables import Record

ModeKind = Literal["immediate", "after", "manual"]


@dataclass(kw_only=True)
class StatefulRecord(Record):
    """A record with a ``status`` that moves on its own; ``status_since`` is when it last moved."""

    status: str = ""
    status_since: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


@dataclass(frozen=True)
class Mode:
    """How a resource type's records move: see the module's docstring."""

    kind: ModeKind = "immediate"
    seconds: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in ("immediate", "after", "manual"):
            raise ValueError(f"unknown lifecycle mode {self.kind!r}")
        if self.kind == "after" and self.seconds < 0:
            raise ValueError("seconds must not be negative")


IMMEDIATE = Mode()


class Lifecycle:
    """The mode of each resource type (``phone-number``, ``pool``, ``registration`` …)."""

    def __init__(self) -> None:
        self.modes: dict[str, Mode] = {}

    def mode(self, resource_type: str) -> Mode:
        return self.modes.get(resource_type, IMMEDIATE)

    def due_steps(self, resource_type: str, since: datetime, now: datetime) -> tuple[int, float]:
        """How many steps may be taken now (at most), and the seconds each one takes."""
        mode = self.mode(resource_type)
        if mode.kind == "manual":
            return 0, 0.0
        if mode.kind == "immediate" or mode.seconds == 0:
            return 1 << 30, 0.0
        elapsed = (now - since) / timedelta(seconds=1)
        return int(elapsed // mode.seconds), mode.seconds
