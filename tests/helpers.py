"""Small helpers the test files share."""

from __future__ import annotations

import hmac
import os
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import botocore.auth
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.registration_data import register_toll_free


def refused(call: Any, **kwargs: Any) -> dict[str, Any]:
    """The ``ClientError.response`` of a call that must fail."""
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
