"""Shared fixtures: a boto3 client of the service inside the ``sms_voice`` fixture's mock;
the arrangements most tests start from (their helpers are in ``helpers.py``); the handle and a
client of smsmock inside moto's ``mock_aws`` (deliveries go into moto)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from smsmock import SmsVoiceMock, mock_sms_voice
from tests.helpers import toll_free_number

pytest_plugins = ["pytester"]

SERVICE = "pinpoint-sms-voice-v2"
REGION = "us-east-1"


NETWORK_TESTS = "SMSMOCK_NETWORK_TESTS"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``network`` reach outside the machine (``npm install``): they run only when
    ``SMSMOCK_NETWORK_TESTS=1`` asks for them, and are skipped with that reason otherwise."""
    if os.environ.get(NETWORK_TESTS) == "1":
        return
    skip = pytest.mark.skip(reason=f"uses the network: set {NETWORK_TESTS}=1 to run it")
    for item in items:
        if item.get_closest_marker("network") is not None:
            item.add_marker(skip)


@pytest.fixture
def client(sms_voice: SmsVoiceMock) -> Any:
    """A client of the service in ``us-east-1``, answered by the mock."""
    return boto3.client(SERVICE, region_name=REGION)


@pytest.fixture
def us_toll_free(client: Any) -> dict[str, Any]:
    """A new US toll-free number of the account (SMS, voice and MMS): RequestPhoneNumber's
    answer (:func:`helpers.toll_free_number`)."""
    return toll_free_number(client)


@pytest.fixture
def sms_in_moto() -> Iterator[SmsVoiceMock]:
    """The handle of smsmock started inside moto's ``mock_aws``: events and inbound messages
    are delivered into moto, where the test reads them back."""
    with mock_aws(), mock_sms_voice() as handle:
        yield handle


@pytest.fixture
def client_in_moto(sms_in_moto: SmsVoiceMock) -> Any:
    """A client of the service in ``us-east-1``, answered by smsmock inside moto."""
    return boto3.client(SERVICE, region_name=REGION)
