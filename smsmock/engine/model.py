"""Output writing driven by the installed botocore model (:mod:`smsmock.state.service_model`).

Handlers return plain dicts or records (dataclasses); :func:`writer` turns them into the JSON the
service sends by walking the operation's output shape: structure members are read by their model
name from dicts, or by their ``snake_case`` name from records; timestamps become epoch seconds,
blobs base64; members that are ``None`` or not in the shape are left out.
"""

from __future__ import annotations

import base64
import functools
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from botocore.model import Shape, StructureShape

from smsmock.state.service_model import Written, attribute_name, operation_model

Writer = Callable[[Any], Any]
Built = TypeVar("Built", bound=Callable[..., Any])

_BUILD_LOCK = threading.RLock()
_building: dict[tuple[int, str], Any] = {}


@functools.cache
def output_writer(operation: str) -> Writer:
    """The compiled writer for an operation's output shape."""
    shape = operation_model(operation).output_shape
    if shape is None:
        return lambda value: {}
    return writer(shape)


_writers: dict[str, Writer] = {}


def built_once(cache: dict[str, Built], name: str, build: Callable[[], Built]) -> Built:
    """``cache[name]``, built by ``build`` the first time, under one lock: requests answered in
    many threads at once must never see a function half built. While a shape that contains
    itself is built, its own name finds a stand-in that calls the finished function; the
    stand-in is seen only by the thread building it (other threads wait for the lock)."""
    found = cache.get(name)
    if found is not None:
        return found
    with _BUILD_LOCK:
        key = (id(cache), name)
        found = cache.get(name) or _building.get(key)
        if found is not None:
            return found
        compiled: list[Built] = []

        def stand_in(*args: Any) -> Any:
            return compiled[0](*args)

        _building[key] = stand_in
        try:
            built = build()
        finally:
            del _building[key]
        compiled.append(built)
        cache[name] = built
        return built


def writer(shape: Shape) -> Writer:
    """A function that turns a value of ``shape`` into its JSON form; built once per shape."""
    return built_once(_writers, shape.name, lambda: _build_writer(shape))


def _build_writer(shape: Shape) -> Writer:
    kind = shape.type_name
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        return _structure_writer(shape)
    if kind == "list":
        return _list_writer(shape)
    if kind == "map":
        val = writer(shape.value)
        if val is _identity:
            return dict
        return lambda value: {k: val(v) for k, v in value.items()}
    if kind == "timestamp":
        return _write_timestamp
    if kind == "blob":
        return _write_blob
    return _identity


def _is_tag_list(shape: Shape) -> bool:
    """A list of ``Key``/``Value`` pairs: what records keep as a ``dict`` (tags)."""
    member = shape.member
    return member.type_name == "structure" and set(member.members) == {"Key", "Value"}


def _list_writer(shape: Shape) -> Writer:
    item = writer(shape.member)
    if _is_tag_list(shape):

        def write_pairs(value: Any) -> list[Any]:
            if isinstance(value, Mapping):
                return [{"Key": k, "Value": v} for k, v in value.items()]
            return [item(v) for v in value]

        return write_pairs
    if item is _identity:
        return list
    classes = _by_class.get(item)
    if classes is not None:
        # Items of a structure: find each one's writer by its class here, not through ``item``.
        by_class, learn = classes
        get = by_class.get
        return lambda value: [(get(v.__class__) or learn(v.__class__))(v) for v in value]
    return lambda value: [item(v) for v in value]


def _structure_writer(shape: StructureShape) -> Writer:
    """A structure's writer: dicts are read by model name, records by attribute name, each
    through code generated once per shape (and per record class): one straight run of lookups,
    no loop over the members and no call for members written as they are. This runs for every
    item of every answer, so it is the mock's hot path."""
    members = [(name, member, writer(member)) for name, member in shape.members.items()]
    from_dict = _generate(shape.name, "dict", members, None)
    by_class: dict[type, Writer] = {dict: from_dict, Written: _identity}

    def learn(cls: type) -> Writer:
        found = by_class[cls] = (
            from_dict
            if issubclass(cls, Mapping)
            else _generate(shape.name, cls.__name__, members, cls)
        )
        return found

    def write(value: Any) -> Any:
        return (by_class.get(value.__class__) or learn(value.__class__))(value)

    _by_class[write] = (by_class, learn)
    return write


_by_class: dict[Writer, tuple[dict[type, Writer], Callable[[type], Writer]]] = {}
"""A structure writer's own writers by class of value, and the function that makes one."""


def _generate(
    shape_name: str, source_name: str, members: list[tuple[str, Shape, Writer]], cls: type | None
) -> Writer:
    """The code that writes one structure from a dict (``cls`` None) or from records of ``cls``.

    A record attribute its class declares (a dataclass field, a property) is read directly, any
    other with a default, as a record may carry it or not. Fields whose type cannot be ``None``
    are written in one dict display; the others only when set.
    """
    namespace: dict[str, Any] = {"ts": _write_timestamp, "Written": Written}
    declared = set(getattr(cls, "__dataclass_fields__", ())) if cls is not None else set()
    always: list[str] = []
    lines: list[str] = []
    for i, (name, member, write_member) in enumerate(members):
        # An empty tag mapping on a record is left out, as AWS's answers leave out the Tags of
        # a resource made without tags.
        tag_list = member.type_name == "list" and _is_tag_list(member)
        if cls is None:
            read = f"get({name!r})"
        else:
            attr = attribute_name(name)
            annotation = _never_none(cls, attr)
            if annotation and not tag_list:
                written = _written(write_member, f"value.{attr}", i, namespace, annotation)
                always.append(f"{name!r}: {written}")
                continue
            known = attr in declared or hasattr(cls, attr)
            read = f"value.{attr}" if known else f"getattr(value, {attr!r}, None)"
        test = "if v" if cls is not None and tag_list else "if v is not None"
        lines.append(f"    v = {read}")
        lines.append(f"    {test}: out[{name!r}] = {_written(write_member, 'v', i, namespace)}")
    head = ["def write(value):", "    out = {" + ", ".join(always) + "}"]
    if cls is None:
        head.append("    get = value.get")
    source = "\n".join([*head, *lines, "    return out"]) + "\n"
    exec(
        compile(source, f"<smsmock writer for {shape_name} from {source_name}>", "exec"), namespace
    )
    compiled: Writer = namespace["write"]
    return compiled


def _never_none(cls: type, attr: str) -> str:
    """The type of ``attr`` if ``cls`` declares it as a dataclass field that is never ``None``
    (its type leaves ``None`` out), else ``""``."""
    found = getattr(cls, "__dataclass_fields__", {}).get(attr)
    if found is None or found.default is None:
        return ""
    annotation = found.type if isinstance(found.type, str) else repr(found.type)
    if any(word in annotation for word in ("None", "Optional", "Any", "object")):
        return ""
    return str(annotation)


def _written(
    write_member: Writer, value: str, index: int, namespace: dict[str, Any], annotation: str = ""
) -> str:
    """The expression that writes ``value``, a member's value (of the record field type
    ``annotation``, where known): inline for the common kinds."""
    if write_member is _identity:
        return value
    if write_member is list:
        return f"list({value})"
    if write_member is dict:
        return f"dict({value})"
    if write_member is _write_timestamp:
        return f"{value}.timestamp()" if annotation == "datetime" else f"ts({value})"
    namespace[f"w{index}"] = write_member
    if value == "v" and write_member in _by_class:
        return f"v if v.__class__ is Written else w{index}(v)"
    return f"w{index}({value})"


def _write_timestamp(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.timestamp()
    return value


def _write_blob(value: Any) -> Any:
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    return value


def _identity(value: Any) -> Any:
    return value
