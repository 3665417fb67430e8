"""Small helpers the test files share."""

from __future__ import annotations

import hmac
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from types import SimpleNamespace
from typing import Any

import botocore.auth
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.installed_model import country_if_required
from tests.registration_data import register_toll_free

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
    fields: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
    resource_type: str | None = None,
    resource_id: str | re.Pattern[str] | None = None,
) -> dict[str, Any]:
    """Assert the whole modeled error of ``caught`` (what ``pytest.raises`` caught, the
    ``ClientError`` or its ``response``), and return the response.

    ``code``, ``reason``, ``resource_type`` and ``resource_id`` must equal the answer's (a pattern
    ``resource_id`` must match it whole, for an id the caller never saw); a member
    not given must be absent, so a ``ResourceId`` or ``Fields`` no test expected fails. ``fields``
    maps each ``Fields`` name, in order, to a part of its message (as ``(name, part)`` pairs
    where a member breaking two constraints is named twice); ``message`` is a part of
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


def _expect_fields(
    said: list[dict[str, str]] | None, wanted: Mapping[str, str] | Sequence[tuple[str, str]] | None
) -> None:
    """``Fields`` names exactly those of ``wanted``, in order, each message holding its part."""
    if wanted is None:
        assert said is None, said
        return
    assert said is not None, "no Fields in the answer"
    pairs = list(wanted.items()) if isinstance(wanted, Mapping) else list(wanted)
    assert [f["Name"] for f in said] == [name for name, _ in pairs], said
    for field, (_, part) in zip(said, pairs, strict=True):
        assert part and _says(field["Message"], part), field


def refused(call: Any, **kwargs: Any) -> dict[str, Any]:
    """The ``ClientError.response`` of a call that must fail (assert it with ``expect_error``)."""
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    response: dict[str, Any] = caught.value.response
    return response


def record_events(client: Any, name: str = "cs") -> str:
    """A configuration set ``name`` whose event destination (SNS) takes every event type, so
    that the handle's ``events(name)`` shows each event a message sent with it produces."""
    client.create_configuration_set(ConfigurationSetName=name)
    client.create_event_destination(
        ConfigurationSetName=name,
        EventDestinationName="all",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"},
    )
    return name


def send_text(client: Any, origination: str, destination: str, body: str = "Hello") -> str:
    """Send a text with the configuration set of :func:`record_events`; its message id."""
    message_id: str = client.send_text_message(
        DestinationPhoneNumber=destination,
        OriginationIdentity=origination,
        MessageBody=body,
        ConfigurationSetName="cs",
    )["MessageId"]
    return message_id


def command_line_server(*args: str) -> subprocess.Popen[str]:
    """``smsmock server --port 0 *args`` in a child process, stdout and stderr piped, without a
    control token from this environment."""
    environment = {k: v for k, v in os.environ.items() if k != "SMSMOCK_CONTROL_TOKEN"}
    return subprocess.Popen(
        [sys.executable, "-m", "smsmock", "server", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def toll_free_number(
    client: Any,
    capabilities: tuple[str, ...] = ("SMS", "VOICE", "MMS"),
    *,
    handle: SmsVoiceMock | None = None,
    registered: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """RequestPhoneNumber's answer for a new US toll-free number (transactional), the number
    most tests send from, made sendable: it is ``PENDING`` until its registration is approved.
    By default it is registered the documented way (:func:`registration_data.register_toll_free`);
    with ``handle``, by ``handle.register_phone_number``, which makes no registration (so no
    ``Registration Status Change`` event either); ``registered=False`` leaves it waiting."""
    number: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=list(capabilities),
        NumberType="TOLL_FREE",
        **extra,
    )
    if not registered:
        return number
    if handle is not None:
        handle.register_phone_number(number["PhoneNumberId"])
    else:
        register_toll_free(client, number["PhoneNumberId"])
    return number


def simulator_number(client: Any) -> dict[str, Any]:
    """RequestPhoneNumber's answer for a new US SMS simulator number (transactional)."""
    number: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="SIMULATOR",
    )
    return number


def pool_of_new_number(client: Any) -> dict[str, Any]:
    """CreatePool's answer for a transactional pool made from a new US toll-free number, left
    unregistered."""
    number = toll_free_number(client, ("SMS",), registered=False)
    pool: dict[str, Any] = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )
    return pool


def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """An environment where botocore finds no credentials (a fresh session's client has none)."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def count_hmacs(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every HMAC botocore's signers compute from now on (the test's end undoes it), by key: a
    SigV4 signature is four HMACs of derived keys and one of the string to sign."""
    keys: list[bytes] = []

    def new(key: bytes, *args: Any, **kwargs: Any) -> Any:
        keys.append(key)
        return hmac.new(key, *args, **kwargs)

    monkeypatch.setattr(botocore.auth, "hmac", SimpleNamespace(new=new))
    return keys


def record_requests(client: Any) -> list[dict[str, str]]:
    """The headers of every request ``client`` sends from now on, as botocore hands them to the
    transport (after signing)."""
    seen: list[dict[str, str]] = []

    def record(request: Any, **kwargs: Any) -> None:
        seen.append({name: _text(value) for name, value in request.headers.items()})

    client.meta.events.register("before-send", record)
    return seen


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value
