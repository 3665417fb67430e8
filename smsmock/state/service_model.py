"""The installed botocore service model, loaded once, and how record attributes name its members."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import botocore.loaders
from botocore import xform_name
from botocore.model import NoShapeFoundError, OperationModel, ServiceModel

SERVICE_NAME = "pinpoint-sms-voice-v2"
TARGET_PREFIX = "PinpointSMSVoiceV2"


class Written(dict[str, Any]):
    """A structure's value already in its wire form, made once and shared by many answers (the
    ``MessagingLimits`` of a kind of number, say): writers pass it on as it is, so it must never
    change."""


@functools.cache
def service_model() -> ServiceModel:
    """The ``pinpoint-sms-voice-v2`` model of the botocore the user has installed."""
    return ServiceModel(_loader().load_service_model(SERVICE_NAME, "service-2"), SERVICE_NAME)


def _loader() -> botocore.loaders.Loader:
    """The loader of boto3's default session when there is one: it has read the model for that
    session's clients already and keeps it, so the process reads it once, not twice (about 20 ms
    and 3 MB of a first call); else a loader of botocore's own data."""
    boto3 = sys.modules.get("boto3")
    session = getattr(boto3, "DEFAULT_SESSION", None)
    if session is not None:
        return session._session.get_component("data_loader")
    return botocore.loaders.create_loader()


@functools.cache
def operation_model(name: str) -> OperationModel:
    """The model of one operation; ``OperationNotFoundError`` when the model has none."""
    return service_model().operation_model(name)


@functools.cache
def operation_names() -> frozenset[str]:
    """Every operation the installed model lists."""
    return frozenset(service_model().operation_names)


@functools.cache
def enum_values(shape_name: str) -> frozenset[str]:
    """The values of the installed model's enum ``shape_name``; empty when the model is too old to
    have the shape (a feature added in a later botocore is then simply absent)."""
    try:
        shape = service_model().shape_for(shape_name)
    except NoShapeFoundError:
        return frozenset()
    return frozenset(shape.enum or ())


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
