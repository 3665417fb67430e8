"""The first deliveries of a test process, each run in a child process of its own (smsmock makes
its delivery clients, and reads what it reads of the user's setup, once per process): the
user's AWS config file and shared credentials file, and the variables that choose dual-stack or
FIPS endpoints, do not take deliveries away from moto
(docs/delivery.md: the clients "ignore the user's AWS configuration (``AWS_PROFILE``, config
and credentials files, ``AWS_ENDPOINT_URL``)"), and a bus event sent before moto's EventBridge
was ever used is put on the bus, not taken for one that nothing would route."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import smsmock

ACCOUNT = "123456789012"

DELIVER_TO_TOPIC = """
import boto3
from botocore.config import Config
from moto import mock_aws
from smsmock.rules.delivery import deliver_event

with mock_aws():
    # The test's own client opts out of the profile's dual-stack endpoints: moto answers only
    # the standard ones.
    sns = boto3.client("sns", region_name="us-east-1", config=Config(use_dualstack_endpoint=False))
    topic = sns.create_topic(Name="sms-events")["TopicArn"]
    result = deliver_event(
        "SnsDestination",
        {"TopicArn": topic},
        {"eventType": "TEXT_DELIVERED"},
        account_id="123456789012",
        region="us-east-1",
    )
    print(result.status, result.detail)
"""

PUT_ON_THE_BUS = """
from datetime import datetime, timezone
from moto import mock_aws
from smsmock.rules.delivery import deliver_bus_event

with mock_aws():
    result = deliver_bus_event(
        "Text Message Delivery Status Updated",
        {"eventType": "TEXT_DELIVERED"},
        resources=(),
        when=datetime(2026, 12, 6, tzinfo=timezone.utc),
        account_id="123456789012",
        region="us-east-1",
    )
    print(result.status, result.detail)
"""

DUAL_STACK = "[default]\nuse_dualstack_endpoint = true\n"
"""A default profile that sends a client to the service's dual-stack endpoint
(``sns.us-east-1.api.aws``), which moto does not answer."""


def first_in_process(script: str, **environment: str) -> str:
    """What ``script`` prints, run in a new process (in the directory of the smsmock this test
    imported, so that it imports that one) with the user's AWS settings of ``environment``."""
    env = {
        name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "MOTO_"))
    }
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_CONFIG_FILE="/nonexistent",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
        AWS_EC2_METADATA_DISABLED="true",
    )
    env.update(environment)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(smsmock.__file__).parents[1],
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("file_variable", ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"])
def test_the_users_aws_files_do_not_redirect_deliveries(tmp_path: Path, file_variable: str) -> None:
    # botocore reads a profile's settings from both files (the credentials file's too).
    settings = tmp_path / "aws-settings"
    settings.write_text(DUAL_STACK)
    said = first_in_process(DELIVER_TO_TOPIC, **{file_variable: str(settings)})
    assert said == f"delivered arn:aws:sns:us-east-1:{ACCOUNT}:sms-events (moto)"


@pytest.mark.parametrize("variable", ["AWS_USE_DUALSTACK_ENDPOINT", "AWS_USE_FIPS_ENDPOINT"])
def test_the_users_endpoint_variables_do_not_redirect_deliveries(variable: str) -> None:
    # Each would send the client to an endpoint moto does not answer (sns.us-east-1.api.aws,
    # sns-fips.us-east-1.amazonaws.com).
    script = DELIVER_TO_TOPIC.replace(
        "Config(use_dualstack_endpoint=False)",
        "Config(use_dualstack_endpoint=False, use_fips_endpoint=False)",
    )
    said = first_in_process(script, **{variable: "true"})
    assert said == f"delivered arn:aws:sns:us-east-1:{ACCOUNT}:sms-events (moto)"


def test_a_bus_event_before_eventbridge_was_used_is_put_on_the_bus() -> None:
    # moto's EventBridge backend is not loaded until something calls EventBridge: smsmock cannot
    # read whether the default bus has rules, so it puts the event rather than skip it.
    said = first_in_process(PUT_ON_THE_BUS)
    assert said == f"delivered arn:aws:events:us-east-1:{ACCOUNT}:event-bus/default (moto)"
