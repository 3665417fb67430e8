"""Making a record the way every Create/Request operation does: refuse a name already taken,
check the account's quota, give the record its id and ARN, apply the request's ``Tags``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from smsmock.state.errors import ConflictError
from smsmock.state.ids import new_id
from smsmock.state.registry import Call, Params
from smsmock.state.tables import Record, Table
from smsmock.state.tagging import apply_tags

R = TypeVar("R", bound=Record)


def refuse_existing(
    table: Table[R], key: str, message: str, resource_id: str | None = None
) -> None:
    """``ConflictException`` ``RESOURCE_ALREADY_EXISTS`` (naming ``resource_id``, by default
    ``key``) when ``key`` already names a record of ``table``."""
    if key in table:
        raise ConflictError(
            message, "RESOURCE_ALREADY_EXISTS", table.spec.resource_type, resource_id or key
        )


def create_record(
    call: Call,
    table: Table[R],
    params: Params,
    build: Callable[[str, str], R],
    *,
    key: str | None = None,
    store: bool = True,
) -> R:
    """A new record from ``build(resource_id, arn)``, with the request's ``Tags``, stored in
    ``table`` (unless ``store`` is false: a family with more to check before the record may be
    stored adds it itself).

    The id is ``key`` (records the caller names, refused when the name is taken) or a new id
    with the kind's ``id_prefix``; the kind's ``quota``, if it has one, counts the records
    already in ``table``.
    """
    spec = table.spec
    if key is not None:
        noun = spec.resource_type.replace("-", " ")
        refuse_existing(table, key, f"The {noun} {key} already exists.")
    if spec.quota is not None:
        call.backend.check_quota(spec.quota, len(table))
    if key is None:
        if spec.id_prefix is None:
            raise TypeError(f"{spec.resource_type} records need a key or an id_prefix")
        key = new_id(spec.id_prefix)
    record = build(key, call.backend.arn(spec.resource_type, key))
    apply_tags(call, record, params.get("Tags"))
    return table.add(record) if store else record
