"""Who may use the control endpoints: the token off loopback (or whenever one is given), JSON-only
control POSTs, and where a forwarding URL set at run time may point. The AWS API stays open."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from smsmock.faces.server import Client, ControlError, Server, ServerProcess
from tests.helpers import command_line_server

TOKEN = "s3cret-token"


def control(
    url: str, method: str, path: str, headers: dict[str, str], body: bytes | None = None
) -> tuple[int, dict[str, str]]:
    """A control request as a browser or a script would send it: status and JSON answer."""
    request = urllib.request.Request(f"{url}/_smsmock/{path}", body, headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def locked() -> Iterator[Server]:
    """A loopback server given a token."""
    with Server(control_token=TOKEN) as running:
        Client(running.url, control_token=TOKEN).reset(settings=True)
        yield running
        Client(running.url, control_token=TOKEN).reset(settings=True)


@pytest.fixture
def open_server() -> Iterator[Server]:
    """A loopback server without a token."""
    with Server() as running:
        Client(running.url).reset(settings=True)
        yield running
        Client(running.url).reset(settings=True)


# -- the token ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "problem"),
    [(None, "is missing"), ("wrong", "is not this server's token"), ("", "is not")],
)
def test_without_the_token_a_control_endpoint_is_a_401(
    locked: Server, given: str | None, problem: str
) -> None:
    headers = {"Content-Type": "application/json"}
    if given is not None:
        headers["X-Smsmock-Token"] = given
    Client(locked.url, control_token=TOKEN).boto3_client().create_opt_out_list(
        OptOutListName="kept"
    )

    for method, path in [("POST", "reset"), ("GET", "state"), ("POST", "handle/set_quota")]:
        status, answer = control(
            locked.url, method, path, headers, b"{}" if method == "POST" else None
        )
        assert status == 401
        assert answer["error"] == "Unauthorized"
        assert f"X-Smsmock-Token {problem}" in answer["message"]
    lists = Client(locked.url, control_token=TOKEN).boto3_client().describe_opt_out_lists()
    assert [x["OptOutListName"] for x in lists["OptOutLists"]] == ["Default", "kept"]


def test_with_the_token_the_control_endpoints_answer(locked: Server) -> None:
    client = Client(locked.url, control_token=TOKEN)
    client.boto3_client().create_opt_out_list(OptOutListName="gone")

    client.reset()

    assert client.state()["format"] == "smsmock-state"
    lists = client.boto3_client().describe_opt_out_lists()["OptOutLists"]
    assert [x["OptOutListName"] for x in lists] == ["Default"]


def test_the_client_without_the_token_gets_a_control_error(locked: Server) -> None:
    with pytest.raises(ControlError) as caught:
        Client(locked.url).reset()
    assert (caught.value.status, caught.value.code) == (401, "Unauthorized")


def test_the_client_reads_the_token_from_the_environment(
    locked: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMSMOCK_CONTROL_TOKEN", TOKEN)
    assert Client(locked.url).sent_messages() == []


def test_the_health_check_needs_no_token(locked: Server) -> None:
    status, answer = control(locked.url, "GET", "health", {})
    assert (status, answer["status"]) == (200, "ok")


def test_the_aws_api_needs_no_token(locked: Server) -> None:
    made = Client(locked.url).boto3_client().create_opt_out_list(OptOutListName="open")
    assert made["OptOutListName"] == "open"


def test_on_loopback_there_is_no_token_unless_given(open_server: Server) -> None:
    assert open_server.control_token is None
    assert not open_server.token_generated
    assert Client(open_server.url).sent_messages() == []


def test_on_every_address_the_server_makes_a_token() -> None:
    with Server(host="0.0.0.0") as exposed:
        assert exposed.exposed
        assert exposed.token_generated
        assert exposed.control_token and len(exposed.control_token) >= 32
        assert exposed.url.startswith("http://127.0.0.1:")
        with pytest.raises(ControlError) as caught:
            Client(exposed.url).reset()
        assert caught.value.status == 401
        client = Client(exposed.url, control_token=exposed.control_token)
        client.reset(settings=True)
        assert client.boto3_client().describe_opt_out_lists()["OptOutLists"]


def test_a_token_given_is_used_on_every_address() -> None:
    with Server(host="0.0.0.0", control_token=TOKEN) as exposed:
        assert (exposed.control_token, exposed.token_generated) == (TOKEN, False)


# -- JSON only ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "text/plain"},
        {"Content-Type": "text/plain", "Origin": "https://attacker.example"},
        {"Content-Type": "application/x-www-form-urlencoded"},
        {},
    ],
    ids=["text/plain", "text/plain from another origin", "a form", "no content type"],
)
def test_a_control_post_that_is_not_json_is_a_415(
    open_server: Server, headers: dict[str, str]
) -> None:
    # A web page can send these to a local server without a CORS preflight; JSON it cannot.
    client = Client(open_server.url)
    client.boto3_client().create_opt_out_list(OptOutListName="kept")

    status, answer = control(open_server.url, "POST", "reset", headers, b"{}")

    assert status == 415
    assert answer["error"] == "UnsupportedMediaType"
    lists = client.boto3_client().describe_opt_out_lists()["OptOutLists"]
    assert [x["OptOutListName"] for x in lists] == ["Default", "kept"]


def test_json_with_a_charset_is_json(open_server: Server) -> None:
    headers = {"Content-Type": "application/json; charset=utf-8"}
    assert control(open_server.url, "POST", "reset", headers, b"{}") == (200, {})


def test_a_preflight_is_not_granted(open_server: Server) -> None:
    request = urllib.request.Request(
        f"{open_server.url}/_smsmock/reset",
        method="OPTIONS",
        headers={"Origin": "https://attacker.example", "Access-Control-Request-Method": "POST"},
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=20)
    assert caught.value.code == 501
    assert caught.value.headers.get("Access-Control-Allow-Origin") is None


# -- where deliveries may be forwarded ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254",
        "http://10.0.0.8:5000",
        "http://moto.internal:5000",
        "http://0.0.0.0",
    ],
)
def test_a_forwarding_url_to_another_host_is_refused(open_server: Server, url: str) -> None:
    client = Client(open_server.url)
    with pytest.raises(ControlError) as caught:
        client.forward_to(url)

    assert (caught.value.status, caught.value.code) == (400, "ForwardingNotAllowed")
    assert "--allow-forward-host" in caught.value.message
    assert client.forwarding() is None


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:5000", "http://localhost:5000", "http://[::1]:5000"]
)
def test_a_forwarding_url_to_loopback_is_accepted(open_server: Server, url: str) -> None:
    client = Client(open_server.url)
    client.forward_to(url)
    assert client.forwarding() == url
    client.forward_to(None)


def test_hosts_allowed_at_start_up_may_be_named() -> None:
    with Server(allow_forward_hosts=["Moto.Internal"], forward_to="http://moto:5000") as running:
        client = Client(running.url)
        client.forward_to("http://moto.internal:5001")
        assert client.forwarding() == "http://moto.internal:5001"
        client.forward_to("http://moto:5002")  # --forward-to's host
        assert client.forwarding() == "http://moto:5002"
        with pytest.raises(ControlError):
            client.forward_to("http://elsewhere:5000")
        client.reset(settings=True)


# -- the command line --------------------------------------------------------------------------


def test_on_every_address_the_command_line_prints_a_url_a_token_and_a_warning() -> None:
    process = command_line_server("--host", "0.0.0.0")
    assert process.stdout is not None and process.stderr is not None
    try:
        line = process.stdout.readline()
        warning = process.stderr.readline()
        url, token = line.split()[4], line.split()[-1].rstrip(")")
        assert line.startswith("smsmock server listening on http://127.0.0.1:")
        assert "(control token: " in line
        assert "reachable from the network" in warning
        assert "X-Smsmock-Token" in warning
        with pytest.raises(ControlError):
            Client(url).reset()
        Client(url, control_token=token).reset()
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_the_server_process_passes_the_token_it_was_given() -> None:
    with ServerProcess(control_token=TOKEN) as client:
        assert client.control_token == TOKEN
        assert client.sent_messages() == []
        status, _ = control(
            client.url, "POST", "reset", {"Content-Type": "application/json"}, b"{}"
        )
        assert status == 401


def test_the_server_process_reads_the_token_the_server_made() -> None:
    with ServerProcess(host="0.0.0.0") as client:
        assert client.control_token
        assert client.url.startswith("http://127.0.0.1:")
        assert client.sent_messages() == []


def test_the_fixture_runs_its_server_with_the_environments_token(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMSMOCK_CONTROL_TOKEN", TOKEN)
    pytester.makepyfile(
        test_locked="""
        import urllib.error, urllib.request

        def test_it(sms_voice_server):
            assert sms_voice_server.control_token == "s3cret-token"
            sms_voice_server.boto3_client().create_opt_out_list(OptOutListName="made")
            assert sms_voice_server.state()["backends"]
            request = urllib.request.Request(
                sms_voice_server.url + "/_smsmock/state", headers={"X-Smsmock-Token": "no"}
            )
            try:
                urllib.request.urlopen(request, timeout=20)
            except urllib.error.HTTPError as error:
                assert error.code == 401
            else:
                raise AssertionError("answered without the token")
        """
    )

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)
