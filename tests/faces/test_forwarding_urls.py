"""Which forwarding URLs a server takes (``http`` or ``https`` with a host, nothing else) and
how it keeps them (only a trailing slash is dropped), and what a settings reset goes back to."""

from __future__ import annotations

import pytest

from smsmock.rules.delivery import forwarding_endpoint
from smsmock.server import Client, Server


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://127.0.0.1:8443/", "https://127.0.0.1:8443"),
        ("http://SANDBOX/", "http://SANDBOX"),
        ("http://localhost:5000", "http://localhost:5000"),
    ],
)
def test_a_forwarding_url_is_kept_without_its_trailing_slash(given: str, kept: str) -> None:
    with Server(forward_to=given) as server:
        assert Client(server.url).forwarding() == kept
    assert forwarding_endpoint() is None


@pytest.mark.parametrize("url", ["ftp://127.0.0.1:21", "file:///tmp/moto", "http://", "https:/"])
def test_a_url_not_http_to_a_host_is_refused(url: str) -> None:
    with pytest.raises(ValueError) as caught:
        Server(forward_to=url)
    assert str(caught.value) == f"{url!r} is not a moto server's endpoint URL (http://host:port)"
    assert forwarding_endpoint() is None


def test_a_settings_reset_goes_back_to_the_url_the_server_started_with() -> None:
    with Server(forward_to="http://127.0.0.1:5000/") as server:
        control = Client(server.url)
        control.forward_to("http://127.0.0.1:1")
        assert control.forwarding() == "http://127.0.0.1:1"
        control.reset(settings=True)
        assert control.forwarding() == "http://127.0.0.1:5000"
        control.forward_to(None)
        control.reset()
        assert control.forwarding() is None
    assert forwarding_endpoint() is None
