"""Opt-out lists: CreateOptOutList, DescribeOptOutLists, DeleteOptOutList, PutOptedOutNumber,
DescribeOptedOutNumbers, DeleteOptedOutNumber."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from smsmock.state.tables import Record, TableKey


@dataclass(kw_only=True)
class OptedOutNumber:
    """A number on an opt-out list; attributes are the model's ``OptedOutNumberInformation``."""

    opted_out_number: str
    opted_out_timestamp: datetime
    end_user_opted_out: bool = False


@dataclass(kw_only=True)
class OptOutList(Record):
    """An opt-out list; ``numbers`` is keyed by E.164 number, so a send's check is one lookup."""

    opt_out_list_arn: str
    opt_out_list_name: str
    created_timestamp: datetime
    numbers: dict[str, OptedOutNumber] = field(default_factory=dict)


OPT_OUT_LISTS: TableKey[OptOutList] = TableKey(
    "opt-out-list",
    key=lambda r: r.opt_out_list_name,
    arn=lambda r: r.opt_out_list_arn,
)
