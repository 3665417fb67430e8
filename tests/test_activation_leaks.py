"""Activating the mock many times leaves botocore and the environment exactly as they were."""

from __future__ import annotations

import os

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
