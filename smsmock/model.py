"""The installed botocore service model, loaded once, and output writing driven by it.

Handlers return plain dicts or records (dataclasses); :func:`writer` turns them into the JSON the
service sends by walking the operation's output shape: structure members are read by their model
name from dicts, or by their ``snake_case`` name from records; timestamps become epoch seconds,
blobs base64; members that are ``None`` or not in the shape are left out.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
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
    if kind == "string":
        return _write_string
    return _identity


def _list_writer(shape: Shape) -> Writer:
    member: Shape = shape.member
    item = writer(member)
    pairs = member.type_name == "structure" and set(member.members) == {"Key", "Value"}

    def write(value: Any) -> list[Any]:
        # A mapping where the model has a list of Key/Value pairs (tags): the pairs.
        if pairs and isinstance(value, Mapping):
            return [{"Key": k, "Value": v} for k, v in value.items()]
        return [item(v) for v in value]

    return write


def _structure_writer(shape: StructureShape) -> Writer:
    members = [
        (name, attribute_name(name), writer(member)) for name, member in shape.members.items()
    ]

    def write(value: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if isinstance(value, Mapping):
            for name, _, write_member in members:
                v = value.get(name)
                if v is not None:
                    out[name] = write_member(v)
        else:
            for name, attr, write_member in members:
                v = getattr(value, attr, None)
                if v is not None:
                    out[name] = write_member(v)
        return out

    return write


def _write_timestamp(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.timestamp()
    return value


def _write_blob(value: Any) -> Any:
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    return value


def _write_string(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    return value


def _identity(value: Any) -> Any:
    return value
