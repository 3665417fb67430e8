"""Small helpers the test files share."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest
from botocore.exceptions import ClientError

Caught = pytest.ExceptionInfo[ClientError] | ClientError | Mapping[str, Any]

ERROR_MEMBERS = {"Reason", "Fields", "ResourceType", "ResourceId"}
"""The members the service's error shapes add to ``Message`` (besides ``RequestId`` of an
internal error): every one present in an answer is one the caller's code can read."""


def expect_error(
    caught: Caught,
    code: str,
    reason: str | None = None,
    *,
    message: str | None = None,
    fields: Mapping[str, str] | None = None,
    resource_type: str | None = None,
    resource_id: str | re.Pattern[str] | None = None,
) -> dict[str, Any]:
    """Assert the whole modeled error of ``caught`` (what ``pytest.raises`` caught, the
    ``ClientError`` or its ``response``), and return the response.

    ``code``, ``reason``, ``resource_type`` and ``resource_id`` must equal the answer's (a pattern
    ``resource_id`` must match it whole, for an id the caller never saw); a member
    not given must be absent, so a ``ResourceId`` or ``Fields`` no test expected fails. ``fields``
    maps each ``Fields`` name, in order, to a part of its message; ``message`` is a part of
    ``Error.Message`` (its meaningful part: the id or value it names, not the wording around it),
    found as whole words.
    """
    response = _response(caught)
    assert response["Error"]["Code"] == code, response["Error"]
    said = {name: response[name] for name in ERROR_MEMBERS if name in response}
    wanted: dict[str, str | re.Pattern[str]] = {
        name: value
        for name, value in (
            ("Reason", reason),
            ("ResourceType", resource_type),
            ("ResourceId", resource_id),
        )
        if value is not None
    }
    members = {k: v for k, v in said.items() if k != "Fields"}
    assert members.keys() == wanted.keys(), said
    for name, value in wanted.items():
        matched = value.fullmatch(members[name]) if isinstance(value, re.Pattern) else None
        assert matched or members[name] == value, said
    _expect_fields(said.get("Fields"), fields)
    if message is not None:
        assert _says(response["Error"]["Message"], message), response["Error"]["Message"]
    return response


def _says(text: str, part: str) -> bool:
    """Whether ``part`` is in ``text`` as whole words: ``"true or false"`` is in ``"Values must
    be true or false."`` but not in ``"XXValues must be true or falseXX"``."""
    before = r"(?<!\w)" if part[:1].isalnum() else ""
    after = r"(?!\w)" if part[-1:].isalnum() else ""
    return re.search(before + re.escape(part) + after, text) is not None


def _response(caught: Caught) -> dict[str, Any]:
    if isinstance(caught, pytest.ExceptionInfo):
        caught = caught.value
    if isinstance(caught, ClientError):
        caught = caught.response
    return dict(caught)


def _expect_fields(said: list[dict[str, str]] | None, wanted: Mapping[str, str] | None) -> None:
    """``Fields`` names exactly those of ``wanted``, in order, each message holding its part."""
    if wanted is None:
        assert said is None, said
        return
    assert said is not None, "no Fields in the answer"
    assert [f["Name"] for f in said] == list(wanted), said
    for field, part in zip(said, wanted.values(), strict=True):
        assert part and _says(field["Message"], part), field


def refused(call: Any, **kwargs: Any) -> dict[str, Any]:
    """The ``ClientError.response`` of a call that must fail (assert it with ``expect_error``)."""
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    response: dict[str, Any] = caught.value.response
    return response
