"""Describe operations: the records a request names by id (each once, in the order named), or
else every record, one page at a time with the request's filters."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from smsmock.state.errors import ValidationError
from smsmock.state.paging import FilterSpec, enabled_filters, paginate
from smsmock.state.registry import Call, Params, operation
from smsmock.state.tables import Record, Table, TableKey

R = TypeVar("R", bound=Record)


def named_records(refs: Iterable[Any], resolve: Callable[[Any], R]) -> list[R]:
    """The records ``refs`` name, each once, in the order first named (``resolve`` raises
    ``ResourceNotFoundException`` for an unknown one)."""
    chosen: dict[int, R] = {}
    for ref in refs:
        record = resolve(ref)
        chosen.setdefault(id(record), record)
    return list(chosen.values())


def describe(
    call: Call,
    table: Table[R],
    params: Params,
    ids_member: str,
    *,
    filters: FilterSpec | None = None,
    boolean_filters: Iterable[str] = (),
    owner: bool = False,
    resolve: Callable[[Any], R] | None = None,
) -> tuple[list[R], str | None]:
    """One page of the records ``params[ids_member]`` names, or of the whole table.

    With ``owner``, the operation takes ``Owner`` too, which cannot be given with the ids
    (``PARAMETERS_CANNOT_BE_USED_TOGETHER``); nothing is shared with an account in the mock, so
    ``Owner`` ``SHARED`` is always an empty page. ``resolve`` finds the record of one item of
    the ids member where it is not an id, name or ARN (DescribeSenderIds).
    """
    wanted = params.get(ids_member)
    requested_owner = params.get("Owner") if owner else None
    if wanted and requested_owner:
        raise ValidationError(
            f"The Owner and {ids_member} parameters can't be used at the same time.",
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [
                ("Owner", f"Cannot be used with {ids_member}."),
                (ids_member, "Cannot be used with Owner."),
            ],
        )
    source: Table[R] | list[R] = table
    if wanted:
        source = named_records(wanted, resolve or table.get)
    return paginate(
        call,
        source,
        params,
        filters=filters,
        boolean_filters=boolean_filters,
        where=(lambda _: False) if requested_owner == "SHARED" else None,
    )


def describe_operation(
    name: str,
    source: TableKey[R] | Callable[[Call], Table[R]],
    ids_member: str,
    output_member: str,
    *,
    filters: FilterSpec | None = None,
    boolean_filters: Iterable[str] | None = None,
    owner: bool = False,
    resolve: Callable[[Table[R], Any], R] | None = None,
) -> None:
    """Register the Describe operation ``name``: a page of ``source``'s records (a table key, or
    a function giving the table) under ``output_member``, and ``NextToken``.

    The boolean filters are by default those named ``…-enabled``; ``resolve(table, item)``
    finds the record of one item of ``ids_member`` where it is not an id, name or ARN.
    """
    booleans = enabled_filters(filters or ()) if boolean_filters is None else boolean_filters

    def handler(call: Call, params: Params) -> dict[str, Any]:
        table = call.backend.table(source) if isinstance(source, TableKey) else source(call)
        page, token = describe(
            call,
            table,
            params,
            ids_member,
            filters=filters,
            boolean_filters=booleans,
            owner=owner,
            resolve=(lambda item: resolve(table, item)) if resolve is not None else None,
        )
        return {output_member: page, "NextToken": token}

    operation(name)(handler)
