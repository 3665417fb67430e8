"""The botocore hook: which clients are answered, that nothing leaves the process, and that the
user's environment comes back exactly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.awsrequest import AWSResponse
from botocore.config import Config
from botocore.exceptions import ClientError, HTTPClientError

from smsmock import mock_sms_voice
from smsmock.engine.hook import EVENT, before_send
from tests.helpers import no_credentials

ARN = "arn:aws:sms-voice:eu-west-1:123456789012:pool/pool-0123"
REAL_LOOKING = {
    "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AWS_SESSION_TOKEN": "FwoGZXIvYXdzEXAMPLETOKEN",
}


def not_found_code(client: Any) -> str:
    with pytest.raises(ClientError) as caught:
        client.list_tags_for_resource(ResourceArn=ARN)
    return str(caught.value.response["Error"]["Code"])


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_client_made_before_start_without_credentials(
    monkeypatch: pytest.MonkeyPatch, no_sockets: None
) -> None:
    no_credentials(monkeypatch)
    client = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    with mock_sms_voice():
        assert not_found_code(client) == "ResourceNotFoundException"


def test_plain_botocore_client_is_answered(no_sockets: None) -> None:
    with mock_sms_voice():
        client = botocore.session.get_session().create_client(
            "pinpoint-sms-voice-v2", region_name="eu-west-1"
        )
        assert not_found_code(client) == "ResourceNotFoundException"


def test_real_credentials_never_used_and_restored(
    monkeypatch: pytest.MonkeyPatch, no_sockets: None
) -> None:
    for name, value in REAL_LOOKING.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    before = dict(os.environ)
    with mock_sms_voice():
        assert os.environ["AWS_ACCESS_KEY_ID"] != REAL_LOOKING["AWS_ACCESS_KEY_ID"]
        assert "AWS_SESSION_TOKEN" not in os.environ
        assert os.environ["AWS_DEFAULT_REGION"] == "us-east-1"
        client = boto3.client("pinpoint-sms-voice-v2")
        credentials = client._request_signer._credentials
        assert credentials.access_key != REAL_LOOKING["AWS_ACCESS_KEY_ID"]
        assert not_found_code(client) == "ResourceNotFoundException"
    assert dict(os.environ) == before


def test_user_region_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-south-1")
    with mock_sms_voice():
        assert os.environ["AWS_DEFAULT_REGION"] == "ap-south-1"


def test_inactive_hook_changes_nothing() -> None:
    assert before_send(request=object()) is None


def test_other_services_are_left_alone() -> None:
    canned = AWSResponse("https://sts", 200, {}, None)
    canned._content = (
        b"<GetCallerIdentityResponse><GetCallerIdentityResult><Account>999999999999</Account>"
        b"</GetCallerIdentityResult></GetCallerIdentityResponse>"
    )
    with mock_sms_voice():
        sts = boto3.client("sts", region_name="us-east-1")
        sts.meta.events.register("before-send.sts", lambda **kwargs: canned)
        assert sts.get_caller_identity()["Account"] == "999999999999"


def test_hook_is_registered_once_at_the_front() -> None:
    from botocore.handlers import BUILTIN_HANDLERS

    import smsmock.engine.hook

    smsmock.engine.hook.install()
    smsmock.engine.hook.install()
    assert [entry[1] for entry in BUILTIN_HANDLERS].count(before_send) == 1
    assert BUILTIN_HANDLERS[0][:2] == (EVENT, before_send)


def test_not_answered_when_inactive(no_sockets: None) -> None:
    client = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="eu-west-1",
        aws_access_key_id="x",
        aws_secret_access_key="y",
        config=Config(retries={"max_attempts": 0}),
    )
    with pytest.raises(HTTPClientError, match="a socket was opened"):
        client.list_tags_for_resource(ResourceArn=ARN)


MOTO_SCRIPT = """
import {first}, {second}
import boto3
from moto import mock_aws
from smsmock import mock_sms_voice
from botocore.exceptions import ClientError, HTTPClientError

with mock_aws(), mock_sms_voice():
    sqs = boto3.client("sqs", region_name="us-east-1")
    sqs.create_queue(QueueName="q")
    assert len(sqs.list_queues()["QueueUrls"]) == 1
    sms = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    try:
        sms.list_tags_for_resource(ResourceArn="{arn}")
    except ClientError as error:
        print(error.response["Error"]["Code"], error.response["ResourceType"])
"""


@pytest.mark.parametrize("first,second", [("moto", "smsmock"), ("smsmock", "moto")])
def test_answered_inside_moto_whatever_the_import_order(first: str, second: str) -> None:
    script = MOTO_SCRIPT.format(
        first=first, second=second, arn=ARN.replace("eu-west-1", "us-east-1")
    )
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ResourceNotFoundException", "pool"]


def test_module_level_client_made_before_any_mock() -> None:
    script = textwrap.dedent(
        """
        import smsmock, boto3
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        from smsmock import mock_sms_voice
        from botocore.exceptions import ClientError, HTTPClientError
        with mock_sms_voice():
            try:
                client.list_tags_for_resource(ResourceArn="{arn}")
            except ClientError as error:
                print(error.response["Error"]["Code"])
        """
    ).format(arn=ARN.replace("eu-west-1", "us-east-1"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ResourceNotFoundException"
