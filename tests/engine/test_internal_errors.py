"""A bug of smsmock fails the test at once: in-process the exception itself, with its traceback;
over HTTP an error that names it and that no client retries."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.engine import handlers
from smsmock.faces.server import Client, Server
from smsmock.state import registry

ARN = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123"
RETRY_MODES = ["standard", "legacy", "adaptive"]


class Broken:
    """A handler with a bug, counting how often it is called."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, call: Any, params: Any) -> Any:
        self.calls += 1
        return {"Tags": params["NoSuchMember"]}  # the bug: a KeyError


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> Broken:
    handler = Broken()
    handlers.load_resources()
    monkeypatch.setitem(registry.HANDLERS, "ListTagsForResource", handler)
    return handler


@pytest.mark.parametrize("mode", RETRY_MODES)
def test_in_process_the_bug_is_raised_with_its_traceback_and_not_retried(
    sms_voice: SmsVoiceMock, broken: Broken, mode: str
) -> None:
    client = boto3.client(
        "pinpoint-sms-voice-v2", region_name="us-east-1", config=Config(retries={"mode": mode})
    )

    with pytest.raises(KeyError, match="NoSuchMember") as caught:
        client.list_tags_for_resource(ResourceArn=ARN)

    assert broken.calls == 1
    assert caught.traceback[-1].name == "__call__"
    assert caught.traceback[-1].path.name == "test_internal_errors.py"


def test_an_aiobotocore_client_gets_the_bug_raised(sms_voice: SmsVoiceMock, broken: Broken) -> None:
    aiobotocore_session = pytest.importorskip("aiobotocore.session")

    async def call() -> None:
        session = aiobotocore_session.get_session()
        async with session.create_client("pinpoint-sms-voice-v2", region_name="us-east-1") as c:
            await c.list_tags_for_resource(ResourceArn=ARN)

    with pytest.raises(KeyError, match="NoSuchMember"):
        asyncio.run(call())
    assert broken.calls == 1


def test_the_state_lock_is_released_after_a_bug(sms_voice: SmsVoiceMock, broken: Broken) -> None:
    client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    with pytest.raises(KeyError):
        client.list_tags_for_resource(ResourceArn=ARN)
    assert client.describe_pools()["Pools"] == []


@pytest.fixture
def server() -> Iterator[Client]:
    with Server() as running:
        control = Client(running.url)
        control.reset(settings=True)
        yield control
        control.reset(settings=True)


@pytest.mark.parametrize("mode", RETRY_MODES)
def test_over_http_the_bug_is_named_and_not_retried(
    server: Client, broken: Broken, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = server.boto3_client(config=Config(retries={"mode": mode}))

    with pytest.raises(ClientError) as caught:
        client.list_tags_for_resource(ResourceArn=ARN)

    error = caught.value.response
    assert broken.calls == 1
    assert error["ResponseMetadata"]["RetryAttempts"] == 0
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert error["Error"]["Code"] == "SmsmockInternalError"
    message = error["Error"]["Message"]
    assert "smsmock failed answering PinpointSMSVoiceV2.ListTagsForResource" in message
    assert "KeyError: 'NoSuchMember'" in message
    assert "test_internal_errors.py" in message
    assert "bug in smsmock" in message
    # The whole traceback is in the server's log.
    assert any(record.exc_info and record.name == "smsmock" for record in caplog.records)
