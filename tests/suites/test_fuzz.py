"""Property-based fuzzing of every operation of the installed model, below botocore's client-side
checks: whatever the input, the answer is a success or one of the service's modeled errors with
HTTP 400 — never InternalServerException, never an unparseable response.

The fast profile runs in the suite. The long one is a documented command:

    SMSMOCK_FUZZ_EXAMPLES=1000 python -m pytest tests/suites/test_fuzz.py   # >= 100,000 calls
"""

from __future__ import annotations

import base64
import functools
import json
import os
import re
from typing import Any

import pytest
from botocore.model import Shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smsmock import SmsVoiceMock
from smsmock.engine import wire
from smsmock.engine.handlers import implemented_operations
from smsmock.state.service_model import operation_model, service_model
from smsmock.state.world import WORLD

EXAMPLES = int(os.environ.get("SMSMOCK_FUZZ_EXAMPLES", "12"))
ALWAYS_POSSIBLE = {"ValidationException", "ResourceNotFoundException", "ConflictException"}


def junk() -> st.SearchStrategy[Any]:
    """A value of the wrong kind."""
    return st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8), st.just([]))


@functools.cache
def strategy(shape: Shape) -> st.SearchStrategy[Any]:
    """Mostly valid values of ``shape``, sometimes not."""
    return st.one_of(_valid(shape), junk()) if shape.type_name != "structure" else _valid(shape)


def _valid(shape: Shape) -> st.SearchStrategy[Any]:
    kind, meta = shape.type_name, shape.metadata
    low, high = meta.get("min", 0), meta.get("max")
    if kind == "structure":
        members = shape.members
        required = {name: strategy(members[name]) for name in shape.required_members}
        optional = {n: strategy(m) for n, m in members.items() if n not in required}
        return st.fixed_dictionaries(required, optional=optional)
    if kind == "string":
        if shape.enum:
            return st.sampled_from(shape.enum)
        size = min(high or 40, 40)
        pattern = meta.get("pattern")
        text = st.text(min_size=low, max_size=max(size, low))
        if pattern:
            matcher = re.compile(pattern)
            try:
                matching = st.from_regex(matcher, fullmatch=True)
            except Exception:
                matching = text.filter(lambda v: matcher.fullmatch(v) is not None)
            return st.one_of(matching.filter(lambda v: low <= len(v) <= (high or 10**9)), text)
        return text
    if kind in ("integer", "long"):
        return st.integers(
            min_value=low - 1 if "min" in meta else -5,
            max_value=(high + 1) if high is not None else 10**6,
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "timestamp":
        return st.integers(min_value=0, max_value=2**32)
    if kind == "blob":
        return st.binary(max_size=64).map(lambda b: base64.b64encode(b).decode())
    if kind == "list":
        return st.lists(strategy(shape.member), min_size=0, max_size=min(high or 4, 4))
    if kind == "map":
        return st.dictionaries(_valid(shape.key), strategy(shape.value), max_size=3)
    return junk()


def answer(operation: str, params: Any) -> tuple[int, dict[str, Any]]:
    request = wire.Request(
        "POST",
        "https://sms-voice.us-east-1.amazonaws.com/",
        {"X-Amz-Target": f"PinpointSMSVoiceV2.{operation}"},
        json.dumps(params).encode(),
    )
    response = wire.handle(request, WORLD)
    body = json.loads(response.body)
    assert isinstance(body, dict)
    return response.status, body


def has_null(value: Any) -> bool:
    if isinstance(value, dict):
        return any(has_null(item) for item in value.values())
    if isinstance(value, list):
        return any(has_null(item) for item in value)
    return value is None


@pytest.mark.parametrize("operation", sorted(service_model().operation_names))
def test_any_input_gets_a_modeled_answer(sms_voice: SmsVoiceMock, operation: str) -> None:
    if operation not in implemented_operations():
        pytest.skip(f"{operation} is not implemented (see test_coverage)")
    model = operation_model(operation)
    modeled = ALWAYS_POSSIBLE | {shape.name for shape in model.error_shapes}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(params=strategy(model.input_shape))
    def check(params: Any) -> None:
        status, body = answer(operation, params)
        assert not has_null(body), body  # members without a value are left out, never null
        if status == 200:
            assert "__type" not in body
            return
        assert status == 400, body
        assert body["__type"] in modeled, body
        assert body["Message"]

    check()
