"""The pytest plugin (entry point ``pytest11``): the ``sms_voice`` fixture.

Loading the plugin imports :mod:`smsmock` when pytest starts, so clients that test modules make
at import time are answered too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from smsmock import SmsVoiceMock, mock_sms_voice


@pytest.fixture
def sms_voice() -> Iterator[SmsVoiceMock]:
    """An active mock with empty state for one test; the value is the handle."""
    with mock_sms_voice() as sms:
        sms.reset()
        yield sms
