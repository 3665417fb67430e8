"""Server-side validation of a request against the installed botocore model.

AWS checks every input on the server: required members, unknown members, JSON types, string
lengths, patterns (matched against the whole value), enums, numeric ranges, list and map sizes,
recursively. botocore checks only part of that on the client, and a client may switch it off
(``Config(parameter_validation=False)``) or not be botocore at all, so the mock checks it all.

Failures are gathered in one pass and raised as one ``ValidationException``. Its ``Message``
follows the AWS (Coral) form ``N validation error(s) detected: Value 'x' at 'Path' failed to
satisfy constraint: Member must …``; each failing member is in ``Fields`` with ``Name`` the
member path as the model spells it (``Filters[0].Values[1]``). ``Reason`` is
``MISSING_PARAMETER`` when a required member is absent, ``INVALID_PARAMETER`` when a member is
unknown or of the wrong JSON type, and ``FIELD_VALIDATION_FAILED`` for constraint failures.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from collections.abc import Callable
from typing import Any, cast

from botocore.model import Shape, StructureShape

from smsmock.engine.model import built_once
from smsmock.state.errors import ValidationError
from smsmock.state.service_model import operation_model

MISSING = "MISSING_PARAMETER"
INVALID = "INVALID_PARAMETER"
CONSTRAINT = "FIELD_VALIDATION_FAILED"

Failure = tuple[str, str, str, str]  # (reason, path, full message, the rule broken)
Check = Callable[[Any, str, list[Failure]], None]


def validate(operation: str, params: dict[str, Any]) -> None:
    """Raise ``ValidationError`` unless ``params`` is a valid input of ``operation``."""
    failures: list[Failure] = []
    _input_check(operation)(params, "", failures)
    if failures:
        raise validation_error(failures)


def validation_error(failures: list[Failure]) -> ValidationError:
    """One ``ValidationError`` reporting every failure."""
    reasons = {failure[0] for failure in failures}
    reason = next(r for r in (MISSING, INVALID, CONSTRAINT) if r in reasons)
    count = len(failures)
    noun = "error" if count == 1 else "errors"
    message = f"{count} validation {noun} detected: " + "; ".join(f[2] for f in failures)
    return ValidationError(message, reason, [(path, rule) for _, path, _, rule in failures])


@functools.cache
def _input_check(operation: str) -> Check:
    shape = operation_model(operation).input_shape
    if shape is None:
        return _structure_check_of({}, ())
    return _check(shape)


_checks: dict[str, Check] = {}


def _check(shape: Shape) -> Check:
    return built_once(_checks, shape.name, lambda: _build(shape))


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 64 else text[:61] + "..."


def _fail(failures: list[Failure], reason: str, path: str, value: Any, rule: str) -> None:
    full = f"Value '{_show(value)}' at '{path}' failed to satisfy constraint: {rule}"
    failures.append((reason, path, full, rule))


def _build(shape: Shape) -> Check:
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        return _structure_check(shape)
    if kind == "string":
        return _string_check(meta.get("min"), meta.get("max"), meta.get("pattern"), shape.enum)
    if kind in ("integer", "long"):
        return _number_check(meta.get("min"), meta.get("max"))
    if kind in ("float", "double"):
        return _number_check(meta.get("min"), meta.get("max"), whole=False)
    if kind == "boolean":
        return _type_check(bool, "boolean")
    if kind == "timestamp":
        return _timestamp_check
    if kind == "blob":
        return _blob_check(meta.get("min"), meta.get("max"))
    if kind == "list":
        return _list_check(_check(shape.member), meta.get("min"), meta.get("max"))
    if kind == "map":
        return _map_check(
            _check(shape.key),
            _check(shape.value),
            meta.get("min"),
            meta.get("max"),
        )
    return _type_check(object, kind)


def _structure_check(shape: StructureShape) -> Check:
    members = {name: _check(member) for name, member in shape.members.items()}
    return _structure_check_of(members, tuple(shape.required_members))


def _structure_check_of(members: dict[str, Check], required: tuple[str, ...]) -> Check:
    """A structure's check. A member sent as ``null`` is one not sent, as the service reads it:
    the check takes it out of ``value``, so that handlers never see ``None``."""

    def check(value: Any, path: str, failures: list[Failure]) -> None:
        if not isinstance(value, dict):
            _fail(failures, INVALID, path or "input", value, "Member must be a structure")
            return
        prefix = path + "." if path else ""
        for name in required:
            if value.get(name) is None:
                where = prefix + name
                rule = "Member must not be null"
                full = f"Value null at '{where}' failed to satisfy constraint: {rule}"
                failures.append((MISSING, where, full, rule))
        nulls = []
        for name, item in value.items():
            member = members.get(name)
            if member is None:
                _fail(failures, INVALID, prefix + name, item, "Member is not a known parameter")
            elif item is None:
                nulls.append(name)
            else:
                member(item, prefix + name, failures)
        for name in nulls:
            del value[name]

    return check


def _string_check(
    low: int | None, high: int | None, pattern: str | None, enum: list[str] | None
) -> Check:
    matcher = re.compile(pattern).fullmatch if pattern else None
    allowed = frozenset(enum) if enum else None
    shown_enum = "[" + ", ".join(enum) + "]" if enum else ""

    def check(value: Any, path: str, failures: list[Failure]) -> None:
        if not isinstance(value, str):
            _fail(failures, INVALID, path, value, "Member must be a string")
            return
        _check_size(len(value), low, high, path, value, failures)
        if matcher is not None and matcher(value) is None:
            _fail(
                failures,
                CONSTRAINT,
                path,
                value,
                f"Member must satisfy regular expression pattern: {pattern}",
            )
        if allowed is not None and value not in allowed:
            _fail(
                failures,
                CONSTRAINT,
                path,
                value,
                f"Member must satisfy enum value set: {shown_enum}",
            )

    return check


def _number_check(low: float | None, high: float | None, *, whole: bool = True) -> Check:
    kinds: tuple[type, ...] = (int,) if whole else (int, float)
    label = "an integer" if whole else "a number"

    def check(value: Any, path: str, failures: list[Failure]) -> None:
        if isinstance(value, bool) or not isinstance(value, kinds):
            _fail(failures, INVALID, path, value, f"Member must be {label}")
            return
        number = cast(float, value)
        if low is not None and number < low:
            _fail(
                failures,
                CONSTRAINT,
                path,
                value,
                f"Member must have value greater than or equal to {low}",
            )
        if high is not None and number > high:
            _fail(
                failures,
                CONSTRAINT,
                path,
                value,
                f"Member must have value less than or equal to {high}",
            )

    return check


def _type_check(kind: type, label: str) -> Check:
    def check(value: Any, path: str, failures: list[Failure]) -> None:
        if not isinstance(value, kind):
            _fail(failures, INVALID, path, value, f"Member must be a {label}")

    return check


def _timestamp_check(value: Any, path: str, failures: list[Failure]) -> None:
    # JSON 1.0 sends timestamps as epoch seconds.
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(failures, INVALID, path, value, "Member must be a timestamp in epoch seconds")


def _blob_check(low: int | None, high: int | None) -> Check:
    def check(value: Any, path: str, failures: list[Failure]) -> None:
        try:
            size = len(base64.b64decode(value, validate=True))
        except (TypeError, ValueError, binascii.Error):
            _fail(failures, INVALID, path, "...", "Member must be base64-encoded binary data")
            return
        # The value is not echoed: a blob's bytes are not written into the error message.
        _check_size(size, low, high, path, "...", failures)

    return check


def _list_check(item: Check, low: int | None, high: int | None) -> Check:
    def check(value: Any, path: str, failures: list[Failure]) -> None:
        if not isinstance(value, list):
            _fail(failures, INVALID, path, value, "Member must be a list")
            return
        _check_size(len(value), low, high, path, value, failures)
        for i, v in enumerate(value):
            if v is None:
                _fail(failures, INVALID, f"{path}[{i}]", v, "Member must not be null")
            else:
                item(v, f"{path}[{i}]", failures)

    return check


def _map_check(key: Check, val: Check, low: int | None, high: int | None) -> Check:
    def check(value: Any, path: str, failures: list[Failure]) -> None:
        if not isinstance(value, dict):
            _fail(failures, INVALID, path, value, "Member must be a map")
            return
        _check_size(len(value), low, high, path, value, failures)
        for k, v in value.items():
            key(k, f"{path}.key", failures)
            if v is None:
                _fail(failures, INVALID, f"{path}[{k}]", v, "Member must not be null")
            else:
                val(v, f"{path}[{k}]", failures)

    return check


def _check_size(
    size: int, low: int | None, high: int | None, path: str, value: Any, failures: list[Failure]
) -> None:
    if low is not None and size < low:
        _fail(
            failures,
            CONSTRAINT,
            path,
            value,
            f"Member must have length greater than or equal to {low}",
        )
    if high is not None and size > high:
        _fail(
            failures,
            CONSTRAINT,
            path,
            value,
            f"Member must have length less than or equal to {high}",
        )
