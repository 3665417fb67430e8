"""Filtering and paging shared by every Describe and List operation.

Filters combine with AND, the values within one filter with OR; a filter's function returns the
record's value (a string, a bool written ``"true"``/``"false"``, or several values). Pages follow
creation order; ``NextToken`` is an opaque token this backend issued for this operation (anything
else is ``ValidationException`` ``INVALID_NEXT_TOKEN``), and resuming from one does not rescan
earlier records, so paging through N records costs O(N).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from smsmock.state.errors import ValidationError
from smsmock.state.ids import random_hex
from smsmock.state.registry import Call, Params
from smsmock.state.service_model import operation_model
from smsmock.state.tables import Record, Table

T = TypeVar("T")
FilterValue = str | bool | None | Iterable[str]
FilterSpec = Mapping[str, Callable[[Any], FilterValue]]
BOOLEAN_VALUES = frozenset({"true", "false"})


def paginate(
    call: Call,
    source: Table[Any] | Sequence[T],
    params: Params,
    *,
    filters: FilterSpec | None = None,
    boolean_filters: Iterable[str] = (),
    filters_member: str = "Filters",
    where: Callable[[Any], bool] | None = None,
    order: Callable[[Any], int] | None = None,
) -> tuple[list[Any], str | None]:
    """One page of ``source``'s items that pass ``where`` and the request's filters, and the
    token for the next page (``None`` on the last).

    A list ``source`` pages by position unless ``order`` is given: then it must be sorted by
    ``order`` (an increasing key, such as an insertion sequence), and the next page resumes after
    the key of the last item returned, so items removed or added between pages do not shift it.
    """
    requested = params.get(filters_member)
    matches = _matcher(requested, filters or {}, frozenset(boolean_filters)) if requested else None
    limit = params.get("MaxResults") or default_page_size(call.operation)
    start = _start(call, params.get("NextToken"))
    if where is None and matches is None and isinstance(source, Table):
        first, more = source.first_after(start, limit)
        return first, _token(call, first[-1].seq) if more else None
    items, key = _items(source, start, order)
    page: list[Any] = []
    for count, item in enumerate(items):
        if where is not None and not where(item):
            continue
        if matches is not None and not matches(item):
            continue
        if len(page) == limit:
            # The next page starts at this item: after its key's predecessor, or past the
            # ``count`` items of this page's run.
            return page, _token(call, key(item) - 1 if key is not None else start + count)
        page.append(item)
    return page, None


def _token(call: Call, resume: int) -> str:
    """A new ``NextToken``: the next page of this operation resumes after ``resume``."""
    token = random_hex()
    call.backend.page_cursors[token] = (call.operation, resume)
    return token


@functools.cache
def default_page_size(operation: str) -> int:
    """A page holds the model's maximum ``MaxResults`` when the caller gives none."""
    shape = operation_model(operation).input_shape
    member = shape.members.get("MaxResults") if shape is not None else None
    return int(member.metadata.get("max", 100)) if member is not None else 100


def _start(call: Call, token: str | None) -> int:
    if token is None:
        return 0
    cursor = call.backend.page_cursors.get(token)
    if cursor is None or cursor[0] != call.operation:
        raise ValidationError(
            "The NextToken is not valid for this request.",
            "INVALID_NEXT_TOKEN",
            [("NextToken", "Invalid next token.")],
        )
    return cursor[1]


def _items(
    source: Table[Any] | Sequence[T], start: int, order: Callable[[Any], int] | None
) -> tuple[Iterable[Any], Callable[[Any], int] | None]:
    """The items from ``start`` on, and the key that orders them (``None``: by position)."""
    if isinstance(source, Table):
        return source.after(start), _seq
    if order is not None:
        return source[bisect.bisect_right(source, start, key=order) :], order
    return source[start:], None


def _seq(record: Record) -> int:
    return record.seq


def _matcher(
    requested: list[dict[str, Any]], spec: FilterSpec, booleans: frozenset[str]
) -> Callable[[Any], bool]:
    tests: list[tuple[Callable[[Any], FilterValue], frozenset[str]]] = []
    for i, item in enumerate(requested):
        name, values = item["Name"], frozenset(item["Values"])
        if name not in spec:
            raise ValidationError(
                f"The filter {name} is not supported.",
                "INVALID_FILTER_VALUES",
                [(f"Filters[{i}].Name", f"Unsupported filter {name}.")],
            )
        if name in booleans and not values <= BOOLEAN_VALUES:
            raise ValidationError(
                f"The filter {name} takes the values true and false.",
                "INVALID_FILTER_VALUES",
                [(f"Filters[{i}].Values", "Values must be true or false.")],
            )
        tests.append((spec[name], values))

    def matches(item: Any) -> bool:
        for get, values in tests:
            value = get(item)
            if value is None:
                return False
            if isinstance(value, bool):
                if ("true" if value else "false") not in values:
                    return False
            elif isinstance(value, str):
                if value not in values:
                    return False
            elif values.isdisjoint(value):
                return False
        return True

    return matches


def _reading(attribute: str) -> Callable[[Record], FilterValue]:
    return lambda record: getattr(record, attribute)


def attribute_filters(
    *attributes: str, named: Mapping[str, str | Callable[[Any], FilterValue]] | None = None
) -> dict[str, Callable[[Record], FilterValue]]:
    """The one way to declare a describe operation's filters: each named after the record
    attribute it reads (``two_way_enabled`` is the filter ``two-way-enabled``), and in ``named``
    those whose name differs: filter name → the attribute read, or a function of the record for
    a value it derives."""
    filters = {attribute.replace("_", "-"): _reading(attribute) for attribute in attributes}
    for name, read in (named or {}).items():
        filters[name] = _reading(read) if isinstance(read, str) else read
    return filters


def enabled_filters(filters: Iterable[str]) -> list[str]:
    """The boolean filters among ``filters``: the model names them ``…-enabled``."""
    return [name for name in filters if name.endswith("-enabled")]
