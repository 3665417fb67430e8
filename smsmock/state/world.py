"""All of the mock's state: one :class:`Backend` per account and region, behind one lock.

The state is below every family, so it cannot name their types: a family declares its piece of a
backend's settings as a :class:`Setting` and the world's lists it keeps as a :class:`Journal`,
typed, and reads and writes them only through these (``MONTHLY_SPEND.of(backend)``,
``SENT_MESSAGES.of(world)``), which mypy checks. The state keeps them as ``object``.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Generic, TypeVar, cast

from smsmock.state.errors import ResourceNotFoundError, ServiceQuotaExceededError
from smsmock.state.lifecycle import Lifecycle, StatefulRecord
from smsmock.state.quotas import DEFAULT_QUOTAS, QUOTA_REASONS
from smsmock.state.tables import Record, Table, TableKey

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"

R = TypeVar("R", bound=Record)
T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One family's piece of a backend's settings: its key in :attr:`Backend.attributes` (what
    state files save it under) and how it starts."""

    name: str
    default: Callable[[], T]

    def of(self, backend: Backend) -> T:
        """The setting in ``backend``, made from its default on first use."""
        if self.name not in backend.attributes:
            backend.attributes[self.name] = self.default()
        return cast(T, backend.attributes[self.name])

    def put(self, backend: Backend, value: T) -> None:
        backend.attributes[self.name] = value


@dataclass(frozen=True)
class Journal(Generic[T]):
    """A list the world keeps of one kind of item (sent messages, events …), typed by the
    family that owns the item's type; ``name`` is the :class:`World` attribute that holds it."""

    name: str

    def of(self, world: World) -> list[T]:
        found: list[T] = getattr(world, self.name)
        return found


class Backend:
    """The state of one account in one region: a table per kind of record, and the account's
    settings there (quotas, paging cursors, idempotency tokens)."""

    def __init__(self, world: World, account_id: str, region: str) -> None:
        self.world = world
        self.account_id = account_id
        self.region = region
        self.by_arn: dict[str, Record] = {}
        self.page_cursors: dict[str, tuple[str, int]] = {}
        self.client_tokens: dict[tuple[str, str], dict[str, object]] = {}
        """``(operation, ClientToken)`` → the answer given: a retry gets it again."""
        self.quotas: dict[str, int] = {}
        self.attributes: dict[str, object] = {}
        """The families' settings here, each read through its :class:`Setting`."""
        self._tables: dict[TableKey[Any], Table[Any]] = {}

    def __repr__(self) -> str:
        return f"<Backend account_id={self.account_id} region={self.region}>"

    def table(self, spec: TableKey[R]) -> Table[R]:
        """The table of ``spec``'s records, made on first use."""
        table = self._tables.get(spec)
        if table is None:
            table = self._tables[spec] = Table(spec, self)
        return table

    def tables(self) -> Iterator[Table[Any]]:
        return iter(list(self._tables.values()))

    def arn(self, resource_type: str, resource_id: str) -> str:
        """``arn:aws:sms-voice:{region}:{account}:{resource-type}/{id}``."""
        return f"arn:aws:sms-voice:{self.region}:{self.account_id}:{resource_type}/{resource_id}"

    def quota(self, name: str) -> int:
        """The quota in force here: this backend's, else the world's, else the default."""
        if name in self.quotas:
            return self.quotas[name]
        return self.world.quotas.get(name, DEFAULT_QUOTAS.get(name, 1 << 62))

    def check_quota(self, name: str, in_use: int, adding: int = 1) -> None:
        """``ServiceQuotaExceededException`` with ``name`` (or its modeled reason, in
        :data:`~smsmock.state.quotas.QUOTA_REASONS`) as the reason if ``adding`` more would pass
        the quota."""
        limit = self.quota(name)
        if in_use + adding > limit:
            raise ServiceQuotaExceededError(
                f"The quota {name} of {limit} for this account and region is reached.",
                QUOTA_REASONS.get(name, name),
            )

    def settle(self, spec: TableKey[Any], record: Record) -> None:
        """Move ``record`` through the steps its lifecycle mode allows by now."""
        if not isinstance(record, StatefulRecord) or record.status not in spec.transitions:
            return
        if spec.held is not None and spec.held(self, record):
            return
        now = datetime.now(timezone.utc)
        steps, seconds = self.world.lifecycle.due_steps(
            spec.resource_type, record.status_since, now
        )
        since = record.status_since
        while steps > 0 and record.status in spec.transitions:
            steps -= 1
            since = since + _seconds(seconds) if seconds else now
            self.move(spec, record, spec.transitions[record.status], since)

    def move(
        self, spec: TableKey[Any], record: StatefulRecord, status: str, when: datetime | None = None
    ) -> None:
        """Set ``record``'s status now, running the kind's transition hook."""
        old = record.status
        record.status = status
        record.status_since = when or datetime.now(timezone.utc)
        if spec.on_transition is not None:
            spec.on_transition(self, record, old, status)

    def advance(self, resource_type: str, resource_id: str, to: str | None = None) -> Record:
        """Take one lifecycle step by hand (or move straight to ``to``)."""
        for table in self.tables():
            if table.spec.resource_type != resource_type:
                continue
            record = table._by_id.get(resource_id) or table.find(resource_id)
            if record is None:
                continue
            if not isinstance(record, StatefulRecord):
                raise TypeError(f"{resource_type} records have no lifecycle")
            target = to or table.spec.transitions.get(record.status)
            if target is None:
                raise ValueError(
                    f"{resource_type} {resource_id} in {record.status} has no next status"
                )
            self.move(table.spec, record, target)
            return record
        raise ResourceNotFoundError(resource_type, resource_id)


def _seconds(value: float) -> timedelta:
    return timedelta(seconds=value)


class World:
    """Every backend, the settings that span accounts, and the lock every request holds."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.default_account_id = DEFAULT_ACCOUNT_ID
        self.access_keys: dict[str, str] = {}
        self.quotas: dict[str, int] = {}
        self.lifecycle = Lifecycle()
        # The world's journals, each read through its Journal (typed where its items are).
        self.sent_messages: list[object] = []
        """Every message accepted (:data:`smsmock.records.messages.SENT_MESSAGES`)."""
        self.events: list[object] = []
        """What event destinations received (:data:`smsmock.records.configuration_sets.EVENTS`)."""
        self.bus_events: list[object] = []
        """What the default EventBridge buses received
        (:data:`smsmock.records.bus_events.BUS_EVENTS`)."""
        self.inbound_messages: list[object] = []
        """What end users sent to the accounts' numbers
        (:data:`smsmock.rules.inbound.INBOUND_MESSAGES`)."""
        self.pending_events: list[object] = []
        """Events waiting for their time (:data:`smsmock.rules.events.timeline.PENDING_EVENTS`)."""
        self.fates: list[object] = []
        """What the handle chose to happen to messages, per destination
        (:data:`smsmock.rules.events.timeline.FATES`)."""
        self.subscribers: dict[str, list[Callable[[Any], object]]] = {}
        """The handle's ``on_event`` / ``on_inbound`` callbacks (not state: never saved)."""
        self.settling = False
        self._backends: dict[tuple[str, str], Backend] = {}
        self._seq = itertools.count(1)

    def backend(self, account_id: str | None = None, region: str | None = None) -> Backend:
        """The backend of an account and region, made on first use."""
        key = (account_id or self.default_account_id, region or DEFAULT_REGION)
        backend = self._backends.get(key)
        if backend is None:
            with self.lock:
                backend = self._backends.get(key)
                if backend is None:
                    backend = self._backends[key] = Backend(self, *key)
        return backend

    def backends(self) -> list[Backend]:
        return list(self._backends.values())

    def existing_backend(self, account_id: str, region: str) -> Backend | None:
        """The backend of an account and region if it has been made (reads never make one)."""
        return self._backends.get((account_id, region))

    def account_for(self, access_key_id: str | None) -> str:
        """The account an access key belongs to: a mapped key's account; a key of 12 digits is
        itself the account id (as in moto); anything else is the default account."""
        if access_key_id:
            mapped = self.access_keys.get(access_key_id)
            if mapped is not None:
                return mapped
            if len(access_key_id) == 12 and access_key_id.isascii() and access_key_id.isdigit():
                return access_key_id
        return self.default_account_id

    def next_seq(self) -> int:
        return next(self._seq)

    def reset(self, settings: bool = False) -> None:
        """Forget every resource, message and pending event; with ``settings``, also what the
        handle chose (default account, access keys, quotas, lifecycle modes, fates, callbacks)."""
        with self.lock:
            self._backends.clear()
            self.sent_messages.clear()
            self.events.clear()
            self.bus_events.clear()
            self.inbound_messages.clear()
            self.pending_events.clear()
            if settings:
                self.fates.clear()
                self.subscribers.clear()
                self.default_account_id = DEFAULT_ACCOUNT_ID
                self.access_keys.clear()
                self.quotas.clear()
                self.lifecycle = Lifecycle()


WORLD = World()
