"""Opt-out lists: CreateOptOutList, DescribeOptOutLists, DeleteOptOutList, PutOptedOutNumber,
DescribeOptedOutNumbers, DeleteOptedOutNumber.

Every account and region has the ``Default`` list (AWS gives one to every account): it is made the
first time anything in the account and region reads or writes opt-out lists, so it is there in
``DescribeOptOutLists`` before first use, and it cannot be deleted. Senders check recipients with
:func:`~smsmock.rules.opt_outs.is_opted_out`, one dict lookup however long the list.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from smsmock.records.opt_out_lists import (
    DEFAULT_OPT_OUT_LIST,
    OptedOutNumber,
    OptOutList,
    opt_out_list,
    opt_out_lists,
)
from smsmock.rules.countries import end_user_number
from smsmock.rules.opt_outs import record_opt_out
from smsmock.rules.origination import origination_kinds
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.state.paging import paginate
from smsmock.state.registry import Call, Params, operation
from smsmock.state.world import Backend

OPT_IN_INTERVAL = timedelta(days=30)
"""DeleteOptedOutNumber: "Each destination phone number can only be deleted once every 30 days"."""


# -- shared with phone numbers, pools and messaging -------------------------------------------


def _list_output(found: OptOutList, entry: OptedOutNumber) -> dict[str, Any]:
    return {
        "OptOutListArn": found.opt_out_list_arn,
        "OptOutListName": found.opt_out_list_name,
        "OptedOutNumber": entry.opted_out_number,
        "OptedOutTimestamp": entry.opted_out_timestamp,
        "EndUserOptedOut": entry.end_user_opted_out,
    }


# -- opt-out lists ----------------------------------------------------------------------------


@operation("CreateOptOutList")
def create_opt_out_list(call: Call, params: Params) -> OptOutList:
    # The Default list counts towards the quota: it is one of the account's lists.
    return create_record(
        call,
        opt_out_lists(call.backend, call.now),
        params,
        lambda name, arn: OptOutList(
            opt_out_list_arn=arn, opt_out_list_name=name, created_timestamp=call.now
        ),
        key=params["OptOutListName"],
    )


describe_operation(
    "DescribeOptOutLists",
    lambda call: opt_out_lists(call.backend, call.now),
    "OptOutListNames",
    "OptOutLists",
    owner=True,
)


@operation("DeleteOptOutList")
def delete_opt_out_list(call: Call, params: Params) -> OptOutList:
    table = opt_out_lists(call.backend, call.now)
    found = opt_out_list(call, params["OptOutListName"])
    name = found.opt_out_list_name
    if name == DEFAULT_OPT_OUT_LIST:
        raise ConflictError(
            "The Default opt-out list cannot be deleted.",
            "RESOURCE_DELETION_NOT_ALLOWED",
            "opt-out-list",
            name,
        )
    user = _user_of(call.backend, name)
    if user is not None:
        raise ConflictError(
            f"The opt-out list {name} is in use by {user} and cannot be deleted.",
            "RESOURCE_DELETION_NOT_ALLOWED",
            "opt-out-list",
            name,
        )
    table.remove(found)
    return found


def _user_of(backend: Backend, name: str) -> str | None:
    """The first origination identity (phone number, pool, RCS agent …) that uses the opt-out
    list ``name``, if any."""

    for kind in origination_kinds():
        for record in backend.table(kind.table):
            if kind.traits(record).opt_out_list_name == name:
                return kind.identity(record)
    return None


# -- opted-out numbers ------------------------------------------------------------------------


@operation("PutOptedOutNumber")
def put_opted_out_number(call: Call, params: Params) -> dict[str, Any]:
    found = opt_out_list(call, params["OptOutListName"])
    number = end_user_number(params["OptedOutNumber"], "OptedOutNumber")
    entry = record_opt_out(call, found.opt_out_list_name, number, end_user=False)
    return _list_output(found, entry)


@operation("DescribeOptedOutNumbers")
def describe_opted_out_numbers(call: Call, params: Params) -> dict[str, Any]:
    found = opt_out_list(call, params["OptOutListName"])
    wanted = params.get("OptedOutNumbers")
    if wanted:
        entries = []
        for number in wanted:
            entry = found.numbers.get(end_user_number(number, "OptedOutNumbers"))
            if entry is None:
                raise ResourceNotFoundError("opted-out-number", number)
            entries.append(entry)
    else:
        entries = _in_order(call, found)
    page, token = paginate(
        call,
        entries,
        params,
        filters={"end-user-opted-out": lambda entry: entry.end_user_opted_out},
        boolean_filters=["end-user-opted-out"],
        # The whole list pages by when each number was put on it, not by position: a NextToken
        # resumes after the last number returned, so numbers deleted (or added) between pages
        # neither shift the next page nor make it skip or repeat one.
        order=None if wanted else (lambda entry: entry.seq),
    )
    return {
        "OptOutListArn": found.opt_out_list_arn,
        "OptOutListName": found.opt_out_list_name,
        "OptedOutNumbers": page,
        "NextToken": token,
    }


def _in_order(call: Call, found: OptOutList) -> list[OptedOutNumber]:
    """The list's numbers in the order they were put on it. An entry without a ``seq`` (made
    by hand, or saved by an older smsmock) is given the next one the first time it is listed."""
    entries = list(found.numbers.values())
    for entry in entries:
        if entry.seq == 0:
            entry.seq = call.backend.world.next_seq()
    # Nearly always sorted already (entries are added in seq order): a linear pass.
    entries.sort(key=lambda entry: entry.seq)
    return entries


@operation("DeleteOptedOutNumber")
def delete_opted_out_number(call: Call, params: Params) -> dict[str, Any]:
    found = opt_out_list(call, params["OptOutListName"])
    number = end_user_number(params["OptedOutNumber"], "OptedOutNumber")
    entry = found.numbers.get(number)
    if entry is None:
        raise ResourceNotFoundError("opted-out-number", params["OptedOutNumber"])
    last = found.opted_in.get(number)
    if last is not None and call.now - last < OPT_IN_INTERVAL:
        raise ValidationError(
            f"The phone number {number} was opted in less than 30 days ago and cannot be "
            "opted in again yet.",
            "PHONE_NUMBER_CANNOT_BE_OPTED_IN",
            [("OptedOutNumber", "A number can be removed once every 30 days.")],
        )
    del found.numbers[number]
    found.opted_in[number] = call.now
    return _list_output(found, entry)
