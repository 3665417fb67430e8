"""A forwarding server that hangs holds a send up for at most ten seconds (smsmock's delivery
clients' connect and read timeouts, not botocore's default minute): a server that never accepts
the connection, and one that accepts it and never answers, each make a ``failed`` delivery
saying which timeout it was. The two wait side by side, so the test takes ten seconds, not
twenty."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from smsmock import Delivery
from smsmock.rules.delivery import deliver_event, set_forwarding_endpoint

ACCOUNT = "123456789012"
GROUP = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:sms-events"
PAYLOAD = {"eventType": "TEXT_DELIVERED"}
DEADLINE = 30
"""Seconds a delivery may take here: the ten of its timeout, with room for a loaded machine."""


@pytest.fixture
def never_accepting() -> Iterator[socket.socket]:
    """A listening socket whose queue of connections to accept is full: a new connection's
    handshake is never answered."""
    with socket.create_server(("127.0.0.1", 0), backlog=0) as server:
        fillers = [socket.socket() for _ in range(2)]
        for filler in fillers:  # the second one already waits, unanswered
            filler.setblocking(False)
            filler.connect_ex(server.getsockname())
        try:
            yield server
        finally:
            for filler in fillers:
                filler.close()


@pytest.fixture
def never_answering() -> Iterator[socket.socket]:
    """A listening socket that takes connections and never answers."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server


def url(server: socket.socket) -> str:
    host, port = server.getsockname()[:2]
    return f"http://{host}:{port}"


def deliver(results: dict[str, tuple[Delivery, float]], name: str) -> None:
    started = time.monotonic()
    result = deliver_event(
        "CloudWatchLogsDestination",
        {"IamRoleArn": f"arn:aws:iam::{ACCOUNT}:role/sms", "LogGroupArn": GROUP},
        PAYLOAD,
        account_id=ACCOUNT,
        region="us-east-1",
    )
    results[name] = (result, time.monotonic() - started)


def test_a_hung_forwarding_server_is_given_up_after_ten_seconds(
    never_accepting: socket.socket, never_answering: socket.socket
) -> None:
    results: dict[str, tuple[Delivery, float]] = {}
    reading = threading.Thread(target=deliver, args=(results, "read"))
    connecting = threading.Thread(target=deliver, args=(results, "connect"))
    try:
        set_forwarding_endpoint(url(never_answering))
        reading.start()
        connection, _ = never_answering.accept()  # the first delivery now waits for an answer
        set_forwarding_endpoint(url(never_accepting))
        connecting.start()
        reading.join(DEADLINE + 5)
        connecting.join(DEADLINE + 5)
        connection.close()
    finally:
        set_forwarding_endpoint(None)
    read, read_seconds = results["read"]
    assert read == Delivery(
        "failed", f'ReadTimeoutError: Read timeout on endpoint URL: "{url(never_answering)}/"'
    )
    connect, connect_seconds = results["connect"]
    assert connect == Delivery(
        "failed",
        f'ConnectTimeoutError: Connect timeout on endpoint URL: "{url(never_accepting)}/"',
    )
    assert read_seconds < DEADLINE
    assert connect_seconds < DEADLINE
