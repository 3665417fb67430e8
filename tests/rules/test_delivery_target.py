"""Where deliveries go under moto's ``TEST_SERVER_MODE``: to the server at
``TEST_SERVER_MODE_ENDPOINT``, named whole but for a trailing slash, and only while a
``mock_aws`` is active (no moto server is needed to see it: nothing is delivered here)."""

from __future__ import annotations

import pytest
from moto import mock_aws, settings

from smsmock.rules.delivery import moto_target


@pytest.fixture
def server_mode(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(settings, "TEST_SERVER_MODE", True)
    monkeypatch.setenv("MOTO_CALL_RESET_API", "false")  # no server to reset
    return monkeypatch


@pytest.mark.parametrize(
    ("endpoint", "target"),
    [
        ("http://127.0.0.1:5000/", "http://127.0.0.1:5000"),
        ("http://localhost:5000", "http://localhost:5000"),
        ("http://MOTO-SANDBOX/", "http://MOTO-SANDBOX"),
    ],
)
def test_the_test_server_mode_endpoint_is_the_target(
    server_mode: pytest.MonkeyPatch, endpoint: str, target: str
) -> None:
    server_mode.setenv("TEST_SERVER_MODE_ENDPOINT", endpoint)
    assert moto_target() is None
    with mock_aws():
        assert moto_target() == ("server", target)
        with mock_aws():
            assert moto_target() == ("server", target)
        assert moto_target() == ("server", target)
    assert moto_target() is None
