"""Shared fixtures: a boto3 client of the service inside the ``sms_voice`` fixture's mock."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from smsmock import SmsVoiceMock

pytest_plugins = ["pytester"]

SERVICE = "pinpoint-sms-voice-v2"
REGION = "us-east-1"


@pytest.fixture
def client(sms_voice: SmsVoiceMock) -> Any:
    """A client of the service in ``us-east-1``, answered by the mock."""
    return boto3.client(SERVICE, region_name=REGION)
