"""The pytest plugin (entry point ``pytest11``): the ``sms_voice`` fixture, and
``sms_voice_server`` (a server in a child process, for clients that are not in-process).

Loading the plugin imports :mod:`smsmock` when pytest starts, so clients that test modules make
at import time are answered too. That import registers the hook and no more; the handle and the
server are imported when a fixture first runs, so a run that never uses them pays nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from smsmock import faces

if TYPE_CHECKING:
    from smsmock.faces.mock import SmsVoiceMock
    from smsmock.faces.server.client import Client


@pytest.fixture
def sms_voice() -> Iterator[SmsVoiceMock]:
    """An active mock with empty state for one test; the value is the handle."""
    with faces.mock.mock_sms_voice() as sms:
        sms.reset()
        yield sms


@pytest.fixture(scope="session")
def sms_voice_server_session() -> Iterator[Client]:
    """One ``smsmock server`` child process on a free port for the whole test session (with
    pytest-xdist, one per worker); the value is its :class:`~smsmock.faces.server.Client`."""
    with faces.server.ServerProcess() as server:
        yield server


@pytest.fixture
def sms_voice_server(sms_voice_server_session: Client) -> Client:
    """The session's server, emptied (state and settings) for this test. Point clients at
    ``sms_voice_server.url``; ``sms_voice_server.boto3_client()`` makes one."""
    sms_voice_server_session.reset(settings=True)
    return sms_voice_server_session
