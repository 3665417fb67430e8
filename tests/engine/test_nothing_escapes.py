"""Fail closed: while a mock is active no request of the service leaves the process, also from a
client made before ``import smsmock`` with real-looking keys in the environment (it has no hook;
the transport guard answers it).

Each scenario runs in a fresh interpreter (the import order is the point) with every socket
connection and DNS lookup recorded and refused; a request sent with the mock off shows the
recorder sees the attempts the guard prevents.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow  # each test runs Python in a child process

REAL_LOOKING = {
    "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AWS_SESSION_TOKEN": "FwoGZXIvYXdzEXAMPLETOKEN",
    "AWS_EC2_METADATA_DISABLED": "true",
}

RECORD_SOCKETS = """
import json, socket

attempts = []

def recording(name):
    def refuse(*args, **kwargs):
        attempts.append(name)
        raise OSError(f"network is off in this test ({name})")
    return refuse

socket.getaddrinfo = recording("getaddrinfo")
socket.create_connection = recording("create_connection")
socket.socket.connect = recording("connect")
socket.socket.connect_ex = recording("connect_ex")
"""

BOTOCORE = """
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError

# An application's own session (the default session gets the hook when smsmock is imported).
client = boto3.session.Session().client(
    "pinpoint-sms-voice-v2", region_name="us-east-1", config=Config(retries={"max_attempts": 1})
)

import smsmock  # after the client: the client has no hook

try:
    client.describe_pools()
except EndpointConnectionError:
    pass
attempts_when_off = len(attempts)
attempts.clear()

with smsmock.mock_sms_voice() as sms:
    pools = client.describe_pools()["Pools"]
    made = client.create_opt_out_list(OptOutListName="guarded")
    try:
        client.send_text_message(DestinationPhoneNumber="+12065550100", MessageBody="hello")
        error = None
    except ClientError as caught:
        error = caught.response["Error"]["Code"]
    kept = [x["OptOutListName"] for x in client.describe_opt_out_lists()["OptOutLists"]]

print(json.dumps({
    "attempts_when_off": attempts_when_off,
    "attempts": attempts,
    "pools": pools,
    "kept": kept,
    "error": error,
}))
"""

AIOBOTOCORE = """
import asyncio
from aiobotocore.session import get_session
from aiobotocore.config import AioConfig

async def scenario():
    session = get_session()
    async with session.create_client(
        "pinpoint-sms-voice-v2", region_name="us-east-1",
        config=AioConfig(retries={"max_attempts": 1}),
    ) as client:
        import smsmock  # after the client: the client has no hook

        try:
            await client.describe_pools()
        except Exception:
            pass
        off = len(attempts)
        attempts.clear()
        with smsmock.mock_sms_voice():
            await client.create_opt_out_list(OptOutListName="guarded")
            listed = await client.describe_opt_out_lists()
        return off, [x["OptOutListName"] for x in listed["OptOutLists"]]

off, kept = asyncio.run(scenario())
print(json.dumps({"attempts_when_off": off, "attempts": attempts, "kept": kept}))
"""


NO_CREDENTIALS = {
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
    "AWS_CONFIG_FILE": "/nonexistent",
    "AWS_EC2_METADATA_DISABLED": "true",
}

WITHOUT_CREDENTIALS = """
import boto3
from botocore.exceptions import NoCredentialsError

client = boto3.session.Session().client("pinpoint-sms-voice-v2", region_name="us-east-1")
assert client._request_signer._credentials is None

import smsmock  # after the client: the client has no hook

try:
    client.describe_pools()
except NoCredentialsError:
    pass
attempts_when_off = len(attempts)
with smsmock.mock_sms_voice():
    pools = client.describe_pools()["Pools"]
print(json.dumps({"attempts_when_off": attempts_when_off, "attempts": attempts, "pools": pools}))
"""


AIOBOTOCORE_WITHOUT_CREDENTIALS = """
import asyncio
from aiobotocore.session import get_session

async def scenario():
    async with get_session().create_client("pinpoint-sms-voice-v2", region_name="us-east-1") as c:
        import smsmock  # after the client: the client has no hook

        with smsmock.mock_sms_voice():
            return (await c.describe_pools())["Pools"]

pools = asyncio.run(scenario())
print(json.dumps({"attempts": attempts, "pools": pools}))
"""


def run(script: str, environment: dict[str, str] = REAL_LOOKING) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(RECORD_SOCKETS + script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def test_a_client_made_before_the_import_never_reaches_the_network() -> None:
    seen = run(BOTOCORE)

    assert seen["attempts_when_off"] != 0  # the recorder sees a request that would leave
    assert seen["attempts"] == []
    assert seen["pools"] == []
    assert seen["kept"] == ["Default", "guarded"]
    # Answered by the mock as any client is: the account has no number to send from.
    assert isinstance(seen["error"], str) and seen["error"].endswith("Exception")


def test_an_aiobotocore_client_made_before_the_import_never_reaches_the_network() -> None:
    pytest.importorskip("aiobotocore")

    seen = run(AIOBOTOCORE)

    assert seen["attempts_when_off"] != 0
    assert seen["attempts"] == []
    assert seen["kept"] == ["Default", "guarded"]


def test_a_client_made_before_the_import_without_credentials_is_answered() -> None:
    seen = run(WITHOUT_CREDENTIALS, NO_CREDENTIALS)

    assert seen["attempts_when_off"] == 0  # off, it cannot sign: nothing is sent either
    assert seen["attempts"] == []
    assert seen["pools"] == []


def test_an_aiobotocore_client_made_before_the_import_without_credentials_is_answered() -> None:
    pytest.importorskip("aiobotocore")

    seen = run(AIOBOTOCORE_WITHOUT_CREDENTIALS, NO_CREDENTIALS)

    assert seen == {"attempts": [], "pools": []}
