"""Small helpers the test files share."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

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
