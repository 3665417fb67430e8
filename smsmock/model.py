"""The installed botocore service model, loaded once, and output writing driven by it.

Handlers return plain dicts or records (dataclasses); :func:`writer` turns them into the JSON the
service sends by walking the operation's output shape: structure members are read by their model
name from dicts, or by their ``snake_case`` name from records; timestamps become epoch seconds,
blobs base64; members that are ``None`` or not in the shape are left out.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

import botocore.loaders
from botocore import xform_name
from botocore.model import OperationModel, ServiceModel, Shape, StructureShape

SERVICE_NAME = "pinpoint-sms-voice-v2"
TARGET_PREFIX = "PinpointSMSVoiceV2"

Writer = Callable[[Any], Any]


@functools.cache
def service_model() -> ServiceModel:
    """The ``pinpoint-sms-voice-v2`` model of the botocore the user has installed."""
    loader = botocore.loaders.create_loader()
    return ServiceModel(loader.load_service_model(SERVICE_NAME, "service-2"), SERVICE_NAME)


@functools.cache
def operation_model(name: str) -> OperationModel:
    """The model of one operation; ``OperationNotFoundError`` when the model has none."""
    return service_model().operation_model(name)


@functools.cache
def operation_names() -> frozenset[str]:
    """Every operation the installed model lists."""
    return frozenset(service_model().operation_names)


@functools.cache
def output_writer(operation: str) -> Writer:
    """The compiled writer for an operation's output shape."""
    shape = operation_model(operation).output_shape
    if shape is None:
        return lambda value: {}
    return writer(shape)


def attribute_name(member: str) -> str:
    """The record attribute that holds a model member: ``PhoneNumberArn`` → ``phone_number_arn``."""
    return _attribute_name(member)


def copy_members(params: Mapping[str, Any], record: Any, members: Iterable[str]) -> None:
    """Set the record attribute of each of ``members`` the request gives (what an Update
    operation does with the settings it may change)."""
    for member in members:
        if member in params:
            setattr(record, attribute_name(member), params[member])


@functools.cache
def _attribute_name(member: str) -> str:
    name: str = xform_name(member)
    return name


_writers: dict[str, Writer] = {}


def writer(shape: Shape) -> Writer:
    """A function that turns a value of ``shape`` into its JSON form; built once per shape."""
    found = _writers.get(shape.name)
    if found is not None:
        return found
    # A placeholder first, so that a shape that contains itself finds its own writer.
    compiled: list[Writer] = []
    _writers[shape.name] = lambda value: compiled[0](value)
    built = _build_writer(shape)
    compiled.append(built)
    _writers[shape.name] = built
    return built


def _build_writer(shape: Shape) -> Writer:
    kind = shape.type_name
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        return _structure_writer(shape)
    if kind == "list":
        return _list_writer(shape)
    if kind == "map":
        val = writer(shape.value)
        return lambda value: {str(k): val(v) for k, v in value.items()}
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
    return lambda value: [item(v) for v in value]


def _structure_writer(shape: StructureShape) -> Writer:
    """Generate the writer's code once per shape: one straight run of lookups, no loop over the
    members and no call for members written as they are. This runs for every item of every
    answer, so it is the mock's hot path."""
    namespace: dict[str, Any] = {"Mapping": Mapping}
    from_dict = []
    from_record = []
    for i, (name, member) in enumerate(shape.members.items()):
        write_member = writer(member)
        attr = attribute_name(name)
        if write_member is _identity:
            put = f"out[{name!r}] = v"
        else:
            namespace[f"w{i}"] = write_member
            put = f"out[{name!r}] = w{i}(v)"
        from_dict.append(f"        v = get({name!r})\n        if v is not None: {put}")
        # An empty tag mapping on a record is left out, as AWS's answers leave out the Tags of
        # a resource made without tags.
        test = "if v" if member.type_name == "list" and _is_tag_list(member) else "if v is not None"
        from_record.append(f"        v = getattr(value, {attr!r}, None)\n        {test}: {put}")
    source = (
        "def write(value):\n"
        "    out = {}\n"
        "    if isinstance(value, dict) or isinstance(value, Mapping):\n"
        "        get = value.get\n"
        + ("\n".join(from_dict) or "        pass")
        + "\n    else:\n"
        + ("\n".join(from_record) or "        pass")
        + "\n    return out\n"
    )
    exec(compile(source, f"<smsmock writer for {shape.name}>", "exec"), namespace)
    compiled: Writer = namespace["write"]
    return compiled


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
