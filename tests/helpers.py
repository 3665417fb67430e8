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


def refused(call: Any, **kwargs: Any) -> dict[str, Any]:
    """The ``ClientError.response`` of a call that must fail."""
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    response: dict[str, Any] = caught.value.response
    return response


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
    client: Any, capabilities: tuple[str, ...] = ("SMS", "VOICE", "MMS"), **extra: Any
) -> dict[str, Any]:
    """RequestPhoneNumber's answer for a new US toll-free number (transactional), the number
    most tests send from."""
    number: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=list(capabilities),
        NumberType="TOLL_FREE",
        **extra,
    )
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
