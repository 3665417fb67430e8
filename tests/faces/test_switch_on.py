"""Every way of switching the mock on: decorator (bare, called; functions, coroutines, classes),
context manager, start/stop, nesting, and the pytest fixture."""

from __future__ import annotations

import asyncio
import unittest
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError, ProfileNotFound

from smsmock import SmsVoiceMock, mock_sms_voice
from smsmock.engine.hook import Switch
from tests.installed_model import needs_operations

ARN = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123"


def answered_by_mock() -> bool:
    """True when a request is answered by smsmock (a modeled ResourceNotFoundException)."""
    client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    try:
        client.list_tags_for_resource(ResourceArn=ARN)
    except ClientError as error:
        return error.response["Error"]["Code"] == "ResourceNotFoundException"
    return False


def remember(sms: SmsVoiceMock, value: str) -> None:
    sms.backend().attributes["note"] = value


def test_bare_decorator() -> None:
    @mock_sms_voice
    def run() -> bool:
        return answered_by_mock()

    assert not Switch.active
    assert run()
    assert not Switch.active


def test_called_decorator_keeps_name_and_options() -> None:
    @mock_sms_voice(default_account_id="111122223333")
    def run_it() -> str:
        return SmsVoiceMock().backend().account_id

    assert run_it.__name__ == "run_it"
    assert run_it() == "111122223333"


def test_async_function() -> None:
    @mock_sms_voice
    async def run() -> bool:
        await asyncio.sleep(0)
        return answered_by_mock()

    assert asyncio.run(run())
    assert not Switch.active


@mock_sms_voice
class TestPlainClass:
    def test_method_is_mocked(self) -> None:
        assert Switch.active
        assert answered_by_mock()

    def test_each_method_starts_empty(self) -> None:
        assert "note" not in SmsVoiceMock().backend().attributes
        remember(SmsVoiceMock(), "set by one test")


@mock_sms_voice
class UnitTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.active_in_setup = Switch.active
        self.state_empty_in_setup = "note" not in SmsVoiceMock().backend().attributes

    def tearDown(self) -> None:
        assert Switch.active

    def test_setup_runs_inside(self) -> None:
        assert self.active_in_setup
        assert self.state_empty_in_setup
        assert answered_by_mock()
        remember(SmsVoiceMock(), "x")

    def test_state_is_fresh(self) -> None:
        assert self.state_empty_in_setup
        remember(SmsVoiceMock(), "y")


def test_unittest_case_switches_off_after_each_test() -> None:
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(UnitTestCase)
    result = unittest.TextTestRunner(stream=open("/dev/null", "w")).run(suite)  # noqa: SIM115
    assert result.wasSuccessful(), result.failures + result.errors
    assert result.testsRun == 2
    assert not Switch.active


def test_context_manager_returns_handle() -> None:
    with mock_sms_voice() as sms:
        assert isinstance(sms, SmsVoiceMock)
        assert answered_by_mock()
    assert not Switch.active


def test_start_and_stop() -> None:
    mock = mock_sms_voice()
    handle = mock.start()
    try:
        assert handle is mock
        assert answered_by_mock()
    finally:
        mock.stop()
    assert not Switch.active


def test_stop_without_start_raises() -> None:
    with pytest.raises(RuntimeError):
        mock_sms_voice().stop()


def test_nesting_keeps_outer_active_and_state() -> None:
    with mock_sms_voice() as outer:
        remember(outer, "outer")
        with mock_sms_voice():
            assert outer.backend().attributes["note"] == "outer"  # inner keeps the state
        assert Switch.active
        assert answered_by_mock()
    assert not Switch.active


def test_outermost_activation_starts_empty() -> None:
    with mock_sms_voice() as sms:
        remember(sms, "first")
    with mock_sms_voice() as sms:
        assert "note" not in sms.backend().attributes


def test_reset_empties_state_on_demand() -> None:
    with mock_sms_voice() as sms:
        remember(sms, "x")
        sms.reset()
        assert "note" not in sms.backend().attributes


def test_decorated_function_can_be_called_twice() -> None:
    @mock_sms_voice
    def run() -> bool:
        remember(SmsVoiceMock(), "again")
        return answered_by_mock()

    assert run() and run()
    assert not Switch.active


def test_fixture_gives_active_handle(sms_voice: SmsVoiceMock) -> None:
    assert isinstance(sms_voice, SmsVoiceMock)
    assert Switch.active
    assert answered_by_mock()
    remember(sms_voice, "fixture")


def test_fixture_state_is_fresh_per_test(sms_voice: SmsVoiceMock) -> None:
    assert "note" not in sms_voice.backend().attributes


def test_cannot_decorate_other_things() -> None:
    with pytest.raises(TypeError):
        mock_sms_voice()(42)


def test_handle_lists_backends(sms_voice: SmsVoiceMock, client: Any) -> None:
    with pytest.raises(ClientError):
        client.list_tags_for_resource(ResourceArn=ARN)
    assert [(b.account_id, b.region) for b in sms_voice.backends()] == [
        ("123456789012", "us-east-1")
    ]


@needs_operations("CreateRcsAgent", "CreateNotifyConfiguration")
def test_handle_decides_what_aws_reviews(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent, "US")
    [described] = client.describe_rcs_agents(RcsAgentIds=[agent])["RcsAgents"]
    assert described["Status"] == "ACTIVE"


def test_a_profile_missing_from_the_config_is_botocores_error_inside_the_mock(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.write_text("[profile present]\nregion = us-east-1\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_PROFILE", "absent")

    with mock_sms_voice(), pytest.raises(ProfileNotFound):
        boto3.session.Session().client("pinpoint-sms-voice-v2", region_name="us-east-1")
