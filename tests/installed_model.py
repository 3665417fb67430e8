"""What the installed botocore model has, for tests of features an older model lacks.

smsmock answers what the user's botocore model describes; a test of an operation, member or enum
value the installed model does not have is skipped, with the reason naming what is missing (see
docs/coverage.md for the first botocore release that has each).
"""

from __future__ import annotations

from typing import Any

import botocore
import botocore.session
import pytest
from botocore.model import NoShapeFoundError

MODEL = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")


def _skip_unless(missing: list[str]) -> pytest.MarkDecorator:
    reason = f"the installed botocore {botocore.__version__} model has no {', '.join(missing)}"
    return pytest.mark.skipif(bool(missing), reason=reason)


def needs_operations(*names: str) -> pytest.MarkDecorator:
    """Skip unless the installed model has every one of the operations ``names``."""
    return _skip_unless([name for name in names if name not in MODEL.operation_names])


def needs_members(shape: str, *members: str) -> pytest.MarkDecorator:
    """Skip unless the installed model's structure ``shape`` has every one of ``members``."""
    have = _members(shape)
    return _skip_unless([f"{shape}.{member}" for member in members if member not in have])


def needs_enum_values(shape: str, *values: str) -> pytest.MarkDecorator:
    """Skip unless the installed model's enum ``shape`` has every one of ``values``."""
    have = _enum(shape)
    return _skip_unless([f"{shape} value {value}" for value in values if value not in have])


def needs_optional(operation: str, member: str) -> pytest.MarkDecorator:
    """Skip unless ``member`` of ``operation`` may be left out (an older model requires it, and
    botocore refuses the call before it is sent)."""
    required = member in MODEL.operation_model(operation).input_shape.required_members
    reason = f"the installed botocore {botocore.__version__} model requires {operation}'s {member}"
    return pytest.mark.skipif(required, reason=reason)


def has_operation(name: str) -> bool:
    """Whether the installed model has the operation ``name``."""
    return name in MODEL.operation_names


def enum_values(shape: str) -> frozenset[str]:
    """The values of the installed model's enum ``shape`` (none when it has no such shape)."""
    return _enum(shape)


def has_member(shape: str, member: str) -> bool:
    """Whether the installed model's structure ``shape`` has ``member``."""
    return member in _members(shape)


def country_if_required(operation: str, country: str) -> dict[str, Any]:
    """``IsoCountryCode`` for a pool operation on a model that requires it (botocore before
    1.42.80 requires it on CreatePool, AssociateOriginationIdentity and
    DisassociateOriginationIdentity; later models leave it to the identity)."""
    required = MODEL.operation_model(operation).input_shape.required_members
    return {"IsoCountryCode": country} if "IsoCountryCode" in required else {}


def _members(shape: str) -> frozenset[str]:
    try:
        return frozenset(MODEL.shape_for(shape).members)
    except NoShapeFoundError:
        return frozenset()


def _enum(shape: str) -> frozenset[str]:
    try:
        return frozenset(MODEL.shape_for(shape).enum or ())
    except NoShapeFoundError:
        return frozenset()
