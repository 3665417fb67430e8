"""Every request is logged on the ``smsmock`` logger at DEBUG: operation, status, error code and
``Reason``; in-process, in a server, and on stderr with ``smsmock server --verbose``."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.server import Client, Server

SERVICE = "pinpoint-sms-voice-v2"


def make_requests(client: Any) -> None:
    """One request that succeeds, one refused by a rule, one refused by validation."""
    client.describe_opt_out_lists()
    with pytest.raises(ClientError):
        client.send_text_message(
            DestinationPhoneNumber="+12065550142", OriginationIdentity="nope", MessageBody="hi"
        )
    with pytest.raises(ClientError):
        client.create_opt_out_list(OptOutListName="has spaces")


EXPECTED = [
    "DescribeOptOutLists -> 200",
    "SendTextMessage -> 400 ResourceNotFoundException: No sender-id found with id 'nope'.",
    "CreateOptOutList -> 400 ValidationException, Reason FIELD_VALIDATION_FAILED: "
    "1 validation error detected: Value 'has spaces' at 'OptOutListName' failed to satisfy "
    "constraint: Member must satisfy regular expression pattern: [A-Za-z0-9_-]+",
]


def test_each_request_is_logged_in_process(
    sms_voice: SmsVoiceMock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="smsmock")

    make_requests(boto3.client(SERVICE, region_name="us-east-1"))

    records = [r for r in caplog.records if r.name == "smsmock"]
    assert [r.getMessage() for r in records] == EXPECTED
    assert {r.levelno for r in records} == {logging.DEBUG}


def test_nothing_is_logged_above_debug(
    sms_voice: SmsVoiceMock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="smsmock")

    make_requests(boto3.client(SERVICE, region_name="us-east-1"))

    assert [r for r in caplog.records if r.name.startswith("smsmock")] == []


def test_each_request_to_a_server_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="smsmock")

    with Server() as server:
        Client(server.url).reset(settings=True)
        make_requests(Client(server.url).boto3_client())

    messages = [r.getMessage() for r in caplog.records if r.name.startswith("smsmock")]
    assert messages == ["POST /_smsmock/reset 200", *EXPECTED]


def test_server_verbose_logs_each_request_to_stderr() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "smsmock", "server", "--port", "0", "--verbose"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().split()[-1]
    make_requests(Client(url).boto3_client())
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)

    # Each line: "<asctime> smsmock DEBUG <message>".
    assert [line.split(" smsmock DEBUG ", 1)[-1] for line in err.splitlines()] == EXPECTED
