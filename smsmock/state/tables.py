"""Tables of records: insertion-ordered, indexed by id and by aliases (ARN, name, E.164 number)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from smsmock.state.errors import ResourceNotFoundError


@dataclass(kw_only=True)
class Record:
    """Base of every stored resource. ``seq`` orders records by creation (paging relies on it);
    ``tags`` is written to the wire as the model's list of ``Key``/``Value`` pairs."""

    seq: int = field(default=0, repr=False, compare=False)
    tags: dict[str, str] = field(default_factory=dict)


R = TypeVar("R", bound=Record)


@dataclass(frozen=True, eq=False)
class TableKey(Generic[R]):
    """Describes a kind of record: its ``ResourceType`` name, its id and how else it is found.

    ``transitions`` maps a transient ``status`` to the one it moves to (``PENDING`` → ``ACTIVE``);
    the lifecycle settings decide when (see :mod:`smsmock.state.lifecycle`). ``id_prefix`` is
    the prefix of the ids the service gives records of this kind (``pool`` for ``pool-…``) and
    ``quota`` the quota that counts them; :func:`smsmock.state.creation.create_record` uses both.
    """

    resource_type: str
    key: Callable[[R], str]
    aliases: Callable[[R], Iterable[str | None]] = lambda record: ()
    arn: Callable[[R], str | None] = lambda record: None
    transitions: dict[str, str] = field(default_factory=dict)
    on_transition: Callable[[Any, R, str, str], None] | None = None
    """Called with the backend (a :class:`~smsmock.state.world.Backend`), the record, and its old
    and new status."""
    held: Callable[[Any, R], bool] | None = None
    """Called with the backend and the record: whether it waits for something outside its
    lifecycle (a US toll-free number for its registration). A held record does not move on its
    own; ``advance`` still moves it."""
    id_prefix: str | None = None
    quota: str | None = None

    def __post_init__(self) -> None:
        # Each kind is known by its resource type (state files name tables by it).
        if TABLE_KEYS.setdefault(self.resource_type, self) is not self:
            raise ValueError(f"two tables of resource type {self.resource_type!r}")


TABLE_KEYS: dict[str, TableKey[Any]] = {}
"""Every kind of record, by resource type."""


class _Sequence(Protocol):
    def next_seq(self) -> int: ...


class TableOwner(Protocol):
    """What a table asks of the backend that holds it (a :class:`~smsmock.state.world.Backend`,
    which imports this module): the ARN index, its world's creation order, and settling a
    record's lifecycle before it is read."""

    by_arn: dict[str, Record]

    @property
    def world(self) -> _Sequence: ...

    def settle(self, spec: TableKey[Any], record: Record) -> None: ...


class Table(Generic[R]):
    """The records of one kind in one account and region."""

    def __init__(self, spec: TableKey[R], backend: TableOwner) -> None:
        self.spec = spec
        self.backend = backend
        self._by_id: dict[str, R] = {}
        self._aliases: dict[str, str] = {}
        self._seqs: list[int] = []
        self._ordered: list[R] = []

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, key: str) -> bool:
        return key in self._by_id or key in self._aliases

    def __iter__(self) -> Iterator[R]:
        """Every record in creation order, statuses brought up to date."""
        return self.after(0)

    def after(self, seq: int) -> Iterator[R]:
        """Records created after ``seq``, in creation order (resuming a page is not a scan)."""
        records = self._ordered[bisect.bisect_right(self._seqs, seq) :]
        if not self.spec.transitions:
            return iter(records)
        return self._settled(records)

    def first_after(self, seq: int, count: int) -> tuple[list[R], bool]:
        """The first ``count`` records created after ``seq``, statuses brought up to date, and
        whether more follow (a page without filters: only its own records are looked at)."""
        start = bisect.bisect_right(self._seqs, seq)
        records = self._ordered[start : start + count]
        if self.spec.transitions:
            for _ in self._settled(records):
                pass
        return records, start + count < len(self._ordered)

    def _settled(self, records: list[R]) -> Iterator[R]:
        """``records``, each settled as it is reached (a record in a status that moves on)."""
        transitions = self.spec.transitions
        for record in records:
            if getattr(record, "status", None) in transitions:
                self.backend.settle(self.spec, record)
            yield record

    def add(self, record: R, *, seq: int | None = None) -> R:
        """Store a new record; gives it the next ``seq`` (or ``seq``, when loading saved state in
        creation order) and indexes its aliases and ARN."""
        record.seq = self.backend.world.next_seq() if seq is None else seq
        key = self.spec.key(record)
        self._by_id[key] = record
        self._seqs.append(record.seq)
        self._ordered.append(record)
        self.reindex(record)
        return record

    def reindex(self, record: R, old_aliases: Iterable[str | None] = ()) -> None:
        """Index the record's current aliases (after one of them, a name say, changed)."""
        key = self.spec.key(record)
        for alias in old_aliases:
            if alias and self._aliases.get(alias) == key:
                del self._aliases[alias]
        for alias in self.spec.aliases(record):
            if alias:
                self._aliases[alias] = key
        arn = self.spec.arn(record)
        if arn:
            self._aliases[arn] = key
            self.backend.by_arn[arn] = record

    def remove(self, record: R) -> None:
        """Forget a record and its aliases."""
        key = self.spec.key(record)
        self._by_id.pop(key, None)
        i = bisect.bisect_left(self._seqs, record.seq)
        if i < len(self._seqs) and self._seqs[i] == record.seq:
            del self._seqs[i]
            del self._ordered[i]
        for alias in self.spec.aliases(record):
            if alias and self._aliases.get(alias) == key:
                del self._aliases[alias]
        arn = self.spec.arn(record)
        if arn:
            self._aliases.pop(arn, None)
            self.backend.by_arn.pop(arn, None)

    def find(self, ref: str) -> R | None:
        """The record whose id, ARN or alias is ``ref``, or ``None``."""
        record = self._by_id.get(ref)
        if record is None:
            key = self._aliases.get(ref)
            if key is None:
                return None
            record = self._by_id[key]
        if self.spec.transitions:
            self.backend.settle(self.spec, record)
        return record

    def get(self, ref: str, resource_type: str | None = None) -> R:
        """Like :meth:`find`, or ``ResourceNotFoundException`` naming the kind and ``ref``."""

        record = self.find(ref)
        if record is None:
            raise ResourceNotFoundError(resource_type or self.spec.resource_type, ref)
        return record

    def values(self) -> list[R]:
        """A snapshot list of the records, in creation order."""
        return list(self)

    def first(self, predicate: Callable[[R], Any]) -> R | None:
        """The first record, in creation order, for which ``predicate`` is true."""
        return next((r for r in self if predicate(r)), None)
