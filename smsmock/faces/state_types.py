"""What a value read from a state file must be: the type its record's field declares (read from
the dataclass's type hints), and for a field the model serves with an enum, one of its values.

A record named ``Pool`` is what the service describes as the model's ``PoolInformation``; a field
whose name is a member of that shape (``status`` → ``Status``) takes the member's enum
(``PoolStatus``). Records without such a shape are checked by type only. Nothing here is listed
by hand: a field added to a record, or a value added to an enum by a newer model, is checked as
it is declared.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import functools
import types
import typing
from typing import Any

from smsmock.state.service_model import service_model

_SEQUENCES = (list, set, frozenset, collections.abc.Sequence, collections.abc.Iterable)


def field_problem(cls: type, name: str, value: Any) -> str | None:
    """Why ``value`` cannot be the field ``name`` of the record class ``cls``; ``None`` if it
    can."""
    hint = _hints(cls).get(name)
    if hint is not None and not conforms(value, hint):
        return f"is {_shown(value)}, not {_hint_name(hint)}"
    allowed = _enums(cls).get(name)
    if allowed is not None:
        shape, values = allowed
        items = value if isinstance(value, list | tuple | set | frozenset) else [value]
        for item in items:
            if isinstance(item, str) and item not in values:
                return f"is {item!r}, not one of the model's {shape}: {', '.join(sorted(values))}"
    return None


def conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of the type ``hint`` (a resolved type hint), item by item."""
    if hint is Any or isinstance(hint, typing.TypeVar):
        return True
    if hint is None or hint is type(None):
        return value is None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is None:
        return _is_instance(value, hint)
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, arg) for arg in args)
    if origin is typing.Literal:
        return value in args
    if origin is collections.abc.Callable:
        return callable(value)
    if not isinstance(origin, type) or not isinstance(value, origin):
        return not isinstance(origin, type)  # a form not read here is taken as it is
    return _items_conform(value, origin, args)


def _items_conform(value: Any, origin: type, args: tuple[Any, ...]) -> bool:
    if not args:
        return True
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return all(conforms(item, args[0]) for item in value)
        return len(value) == len(args) and all(map(conforms, value, args))
    if issubclass(origin, collections.abc.Mapping):
        return all(conforms(k, args[0]) and conforms(v, args[-1]) for k, v in value.items())
    if issubclass(origin, _SEQUENCES) and not isinstance(value, str | bytes):
        return all(conforms(item, args[0]) for item in value)
    return True


def _is_instance(value: Any, hint: Any) -> bool:
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint) if isinstance(hint, type) else True


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except (NameError, TypeError):  # a hint that does not resolve: left to the fields' values
        return {}


@functools.cache
def _enums(cls: type) -> dict[str, tuple[str, frozenset[str]]]:
    """The record's fields that the model's ``<Record>Information`` serves with an enum: each
    with the enum's shape name and values."""
    model = service_model()
    shape_name = f"{cls.__name__}Information"
    if shape_name not in model.shape_names or not dataclasses.is_dataclass(cls):
        return {}
    members = {name.lower(): shape for name, shape in model.shape_for(shape_name).members.items()}
    enums: dict[str, tuple[str, frozenset[str]]] = {}
    for field in dataclasses.fields(cls):
        member = members.get(field.name.replace("_", ""))
        if member is None:
            continue
        if member.type_name == "list":
            member = member.member
        if getattr(member, "enum", None):
            enums[field.name] = (member.name, frozenset(member.enum))
    return enums


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _hint_name(hint: Any) -> str:
    # A parametrized generic (list[str]) is an instance of type before Python 3.11: its name
    # would lose the parameters.
    plain = isinstance(hint, type) and typing.get_origin(hint) is None
    return hint.__name__ if plain else str(hint).replace("typing.", "")
