"""Opt-out list records: :class:`OptOutList` with its :class:`OptedOutNumber` entries, and the
lists of a backend (the ``Default`` list made on first use)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from smsmock.state.registry import Call
from smsmock.state.tables import Record, Table, TableKey
from smsmock.state.world import Backend

DEFAULT_OPT_OUT_LIST = "Default"


@dataclass(kw_only=True)
class OptedOutNumber:
    """A number on an opt-out list; attributes are the model's ``OptedOutNumberInformation``."""

    opted_out_number: str
    opted_out_timestamp: datetime
    end_user_opted_out: bool = False
    seq: int = field(default=0, repr=False, compare=False)
    """When it was put on the list, in the world's creation order (``0``: not given one yet);
    DescribeOptedOutNumbers pages by it."""


@dataclass(kw_only=True)
class OptOutList(Record):
    """An opt-out list; ``numbers`` is keyed by E.164 number, so a send's check is one lookup."""

    opt_out_list_arn: str
    opt_out_list_name: str
    created_timestamp: datetime
    numbers: dict[str, OptedOutNumber] = field(default_factory=dict)
    opted_in: dict[str, datetime] = field(default_factory=dict, repr=False)
    """E.164 number → when DeleteOptedOutNumber last took it off this list (the 30-day rule)."""


OPT_OUT_LISTS: TableKey[OptOutList] = TableKey(
    "opt-out-list",
    key=lambda r: r.opt_out_list_name,
    quota="OPT_OUT_LISTS_PER_ACCOUNT",
    arn=lambda r: r.opt_out_list_arn,
)


def opt_out_lists(backend: Backend, now: datetime) -> Table[OptOutList]:
    """The backend's opt-out lists, ``Default`` among them (made at ``now`` if not there yet)."""
    table = backend.table(OPT_OUT_LISTS)
    if DEFAULT_OPT_OUT_LIST not in table:
        table.add(
            OptOutList(
                opt_out_list_arn=backend.arn("opt-out-list", DEFAULT_OPT_OUT_LIST),
                opt_out_list_name=DEFAULT_OPT_OUT_LIST,
                created_timestamp=now,
            )
        )
    return table


def opt_out_list(call: Call, ref: str) -> OptOutList:
    """The opt-out list named ``ref`` (its name or ARN), or ``ResourceNotFoundException``."""
    return opt_out_lists(call.backend, call.now).get(ref)
