"""Activating the mock many times leaves botocore and the environment exactly as they were."""

from __future__ import annotations

import os

import pytest
from botocore.handlers import BUILTIN_HANDLERS

from smsmock import mock_sms_voice
from smsmock.engine.hook import Switch


def test_two_thousand_activations_leave_nothing_behind() -> None:
    handlers = list(BUILTIN_HANDLERS)
    environment = dict(os.environ)
    for i in range(2000):
        if i % 2:
            with mock_sms_voice() as sms:
                sms.backend().attributes["n"] = i
        else:
            mock = mock_sms_voice()
            mock.start()
            with mock_sms_voice():
                pass
            mock.stop()
    assert handlers == BUILTIN_HANDLERS
    assert dict(os.environ) == environment
    assert not Switch.active
    with mock_sms_voice() as sms:
        assert "n" not in sms.backend().attributes


def test_stopping_after_moto_leaves_the_environment_as_it_was() -> None:
    # moto sets its own fake credentials and puts back the earlier ones when it stops; stopped
    # before smsmock, the variables it restored are not smsmock's to overwrite.
    moto = pytest.importorskip("moto")
    environment = dict(os.environ)
    outer = moto.mock_aws()
    outer.start()
    moto_key = os.environ.get("AWS_ACCESS_KEY_ID")
    sms = mock_sms_voice()
    sms.start()
    assert os.environ["AWS_ACCESS_KEY_ID"] != moto_key
    outer.stop()
    sms.stop()
    assert dict(os.environ) == environment


def test_a_variable_changed_while_active_is_kept() -> None:
    environment = dict(os.environ)
    try:
        with mock_sms_voice():
            os.environ["AWS_ACCESS_KEY_ID"] = "set-by-the-test"
            os.environ["AWS_SESSION_TOKEN"] = "token-of-the-test"
        assert os.environ["AWS_ACCESS_KEY_ID"] == "set-by-the-test"
        assert os.environ["AWS_SESSION_TOKEN"] == "token-of-the-test"
    finally:
        os.environ.clear()
        os.environ.update(environment)
