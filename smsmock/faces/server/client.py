"""The Python side of a running server: :class:`Client` for its control endpoints, and
:class:`ServerProcess` to run ``smsmock server`` as a child process (tests, fixtures)."""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from smsmock.engine.environment import FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY
from smsmock.faces.server.control import PREFIX, ControlError
from smsmock.faces.server.http import TOKEN_HEADER

SERVICE = "pinpoint-sms-voice-v2"
TOKEN_VARIABLE = "SMSMOCK_CONTROL_TOKEN"
_URL_LINE = re.compile(r"listening on (http://\S+)(?: \(control token: (\S+)\))?")


class Client:
    """The control endpoints of the server at ``url``, as methods named like the handle's.

    Failures raise :class:`ControlError` with the server's status and message.
    ``control_token`` is sent in the header ``X-Smsmock-Token`` (default: the environment's
    ``SMSMOCK_CONTROL_TOKEN``, as the server reads it).
    """

    def __init__(self, url: str, timeout: float = 30.0, control_token: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.control_token = control_token or os.environ.get(TOKEN_VARIABLE) or None

    @property
    def endpoint_url(self) -> str:
        """What to give SDKs as ``endpoint_url`` / ``--endpoint-url``."""
        return self.url

    def boto3_client(self, region_name: str = "us-east-1", **kwargs: Any) -> Any:
        """A boto3 client of the service pointed at the server (fake credentials unless
        given): ``server.boto3_client().describe_pools()``."""
        import boto3

        kwargs.setdefault("aws_access_key_id", FAKE_ACCESS_KEY_ID)
        kwargs.setdefault("aws_secret_access_key", FAKE_SECRET_ACCESS_KEY)
        return boto3.client(SERVICE, region_name=region_name, endpoint_url=self.url, **kwargs)

    # -- the control endpoints -----------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """``{"status": "ok", "version": …}`` once the server answers."""
        return self._request("GET", "health")  # type: ignore[no-any-return]

    def reset(self, settings: bool = False) -> None:
        """Forget every resource and message; with ``settings`` also quotas, lifecycle modes,
        access keys, the default account, and a :meth:`forward_to` (back to ``--forward-to``)."""
        self._request("POST", "reset", {"settings": settings})

    def sent_messages(self) -> list[dict[str, Any]]:
        """Every message the server accepted, in order, each with the handle's record fields
        (datetimes as ISO 8601 strings)."""
        return self._request("GET", "messages")["messages"]  # type: ignore[no-any-return]

    def receive(
        self,
        from_number: str,
        to_number: str,
        message_body: str,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> dict[str, Any]:
        """An end user's message arriving; see :meth:`smsmock.SmsVoiceMock.receive`. Returns
        the inbound message's fields."""
        arguments = {"from_number": from_number, "to_number": to_number, "region": region}
        arguments.update(message_body=message_body, account_id=account_id)
        return self._request("POST", "inbound", arguments)  # type: ignore[no-any-return]

    def inbound_messages(self) -> list[dict[str, Any]]:
        """Every message :meth:`receive` delivered, in order, each with its two-way ``payload``
        and ``delivery`` (``None`` when two-way is off)."""
        return self._request("GET", "inbound")["messages"]  # type: ignore[no-any-return]

    def events(
        self, configuration_set_name: str | None = None, *, event_type: str | None = None
    ) -> list[dict[str, Any]]:
        """The events event destinations received, each with its ``payload`` (AWS's JSON) and
        ``delivery`` (``{"status": …, "detail": …}``); see :meth:`smsmock.SmsVoiceMock.events`."""
        query = {"configuration_set_name": configuration_set_name, "event_type": event_type}
        given = urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        return self._request("GET", f"events?{given}")["events"]  # type: ignore[no-any-return]

    def eventbridge_events(self, detail_type: str | None = None) -> list[dict[str, Any]]:
        """The events put on the default EventBridge buses, each with its ``envelope`` (as a
        target receives it) and ``delivery``; see
        :meth:`smsmock.SmsVoiceMock.eventbridge_events`."""
        given = urllib.parse.urlencode({"detail_type": detail_type} if detail_type else {})
        return self._request("GET", f"eventbridge?{given}")["events"]  # type: ignore[no-any-return]

    def set_quota(
        self, name: str, value: int, *, account_id: str | None = None, region: str | None = None
    ) -> None:
        """See :meth:`smsmock.SmsVoiceMock.set_quota`."""
        self._request(
            "POST",
            "quota",
            {"name": name, "value": value, "account_id": account_id, "region": region},
        )

    def set_lifecycle(
        self, resource_type: str, mode: str = "immediate", seconds: float = 0
    ) -> None:
        """See :meth:`smsmock.SmsVoiceMock.set_lifecycle`."""
        self._request(
            "POST", "lifecycle", {"resource_type": resource_type, "mode": mode, "seconds": seconds}
        )

    def advance(
        self,
        resource_type: str,
        resource_id: str,
        to: str | None = None,
        *,
        region: str | None = None,
        account_id: str | None = None,
    ) -> dict[str, Any]:
        """See :meth:`smsmock.SmsVoiceMock.advance`; returns the record's fields."""
        arguments = {"resource_type": resource_type, "resource_id": resource_id, "to": to}
        arguments.update(region=region, account_id=account_id)
        return self._request("POST", "advance", arguments)  # type: ignore[no-any-return]

    def register_phone_number(
        self, phone_number: str, *, account_id: str | None = None, region: str | None = None
    ) -> dict[str, Any]:
        """See :meth:`smsmock.SmsVoiceMock.register_phone_number`; returns the number's fields."""
        arguments = {"phone_number": phone_number, "account_id": account_id, "region": region}
        return self.call("register_phone_number", **arguments)  # type: ignore[no-any-return]

    def set_sandbox(
        self, sandboxed: bool = True, *, account_id: str | None = None, region: str | None = None
    ) -> None:
        """See :meth:`smsmock.SmsVoiceMock.set_sandbox`."""
        arguments = {"sandboxed": sandboxed, "account_id": account_id, "region": region}
        self._request("POST", "sandbox", arguments)

    def map_access_key(self, access_key_id: str, account_id: str) -> None:
        """See :meth:`smsmock.SmsVoiceMock.map_access_key`."""
        self.call("map_access_key", access_key_id=access_key_id, account_id=account_id)

    def set_default_account(self, account_id: str) -> None:
        """See :meth:`smsmock.SmsVoiceMock.set_default_account`."""
        self.call("set_default_account", account_id=account_id)

    def set_fate(self, destination: str, fate: str, *, delay: float | timedelta = 0.0) -> None:
        """See :meth:`smsmock.SmsVoiceMock.set_fate` (a timedelta ``delay`` is sent as
        seconds)."""
        seconds = delay.total_seconds() if isinstance(delay, timedelta) else delay
        self.call("set_fate", destination=destination, fate=fate, delay=seconds)

    def clear_fates(self) -> None:
        """See :meth:`smsmock.SmsVoiceMock.clear_fates`."""
        self.call("clear_fates")

    def settle_events(self) -> list[dict[str, Any]]:
        """See :meth:`smsmock.SmsVoiceMock.settle_events`; the events' fields."""
        return self.call("settle_events")  # type: ignore[no-any-return]

    def spend(
        self,
        channel: str = "SMS",
        *,
        month: str | None = None,
        account_id: str | None = None,
        region: str | None = None,
    ) -> float:
        """See :meth:`smsmock.SmsVoiceMock.spend`."""
        arguments = {"channel": channel, "month": month, "account_id": account_id}
        return float(self.call("spend", region=region, **arguments))

    def launch_rcs_agent(
        self,
        rcs_agent: str,
        iso_country_code: str,
        status: str = "ACTIVE",
        *,
        registration_id: str = "registration-launched-by-test",
        account_id: str | None = None,
        region: str | None = None,
    ) -> dict[str, Any]:
        """See :meth:`smsmock.SmsVoiceMock.launch_rcs_agent`; the launch's fields."""
        arguments = {"rcs_agent": rcs_agent, "iso_country_code": iso_country_code}
        arguments.update(status=status, registration_id=registration_id)
        return self.call(  # type: ignore[no-any-return]
            "launch_rcs_agent", account_id=account_id, region=region, **arguments
        )

    def set_rcs_capable(
        self,
        phone_number: str,
        capable: bool = True,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> None:
        """See :meth:`smsmock.SmsVoiceMock.set_rcs_capable`."""
        arguments = {"phone_number": phone_number, "capable": capable}
        self.call("set_rcs_capable", account_id=account_id, region=region, **arguments)

    def decide_notify_tier_upgrade(
        self,
        notify_configuration: str,
        approved: bool = True,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> dict[str, Any]:
        """See :meth:`smsmock.SmsVoiceMock.decide_notify_tier_upgrade`; the configuration's
        fields."""
        arguments = {"notify_configuration": notify_configuration, "approved": approved}
        return self.call(  # type: ignore[no-any-return]
            "decide_notify_tier_upgrade", account_id=account_id, region=region, **arguments
        )

    def forward_to(self, url: str | None) -> None:
        """Deliver events and inbound messages to the moto server at ``url`` (its endpoint
        URL); ``None`` stops forwarding. See ``smsmock server --forward-to``."""
        self._request("POST", "forwarding", {"url": url})

    def forwarding(self) -> str | None:
        """The moto server deliveries go to, if any."""
        return self._request("GET", "forwarding")["url"]  # type: ignore[no-any-return]

    def call(self, method: str, **arguments: Any) -> Any:
        """A public method of the handle by name; each has a method of its own here too."""
        return self._request("POST", f"handle/{method}", arguments)

    def state(self) -> dict[str, Any]:
        """The whole state, as a state file holds it."""
        return self._request("GET", "state")  # type: ignore[no-any-return]

    def restore(self, state: dict[str, Any]) -> None:
        """Replace the whole state with ``state`` (as :meth:`state` gave it)."""
        self._request("POST", "state", state)

    def save_state(self, path: str | os.PathLike[str]) -> None:
        """Write the server's state to the file ``path``."""
        Path(path).write_text(json.dumps(self.state(), indent=1), encoding="utf-8")

    def load_state(self, path: str | os.PathLike[str]) -> None:
        """Replace the server's state with the file ``path``."""
        self.restore(json.loads(Path(path).read_text(encoding="utf-8")))

    def _request(self, method: str, path: str, arguments: dict[str, Any] | None = None) -> Any:
        data = None if arguments is None else json.dumps(arguments).encode()
        headers = {"Content-Type": "application/json"}
        if self.control_token:
            headers[TOKEN_HEADER] = self.control_token
        request = urllib.request.Request(
            f"{self.url}{PREFIX}{path}", data=data, method=method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as error:
            try:
                body = json.loads(error.read())
                raise ControlError(error.code, body["message"], body.get("error", "")) from None
            except (ValueError, KeyError, TypeError):
                raise ControlError(error.code, str(error)) from None


class ServerProcess:
    """``smsmock server`` in a child process on a free port; :meth:`start` returns its
    :class:`Client` once it listens, :meth:`stop` ends it with SIGTERM. ``forward_to`` is
    ``--forward-to``: a moto server's endpoint URL that deliveries go to. ``control_token``
    (default: the environment's ``SMSMOCK_CONTROL_TOKEN``) is given to the server, and the
    client sends it; a token the server makes itself (on an address other than loopback) is
    read from its first line."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        state: str | os.PathLike[str] | None = None,
        startup_timeout: float = 30.0,
        forward_to: str | None = None,
        control_token: str | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.state = state
        self.forward_to = forward_to
        self.control_token = control_token or os.environ.get(TOKEN_VARIABLE) or None
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[str] | None = None
        self.client: Client | None = None

    def start(self) -> Client:
        command = [sys.executable, "-m", "smsmock", "server", "--host", self.host]
        command += ["--port", str(self.port)]
        if self.state is not None:
            command += ["--state", os.fspath(self.state)]
        if self.forward_to is not None:
            command += ["--forward-to", self.forward_to]
        environment = dict(os.environ)  # the token goes by the environment, not the command line
        environment.pop(TOKEN_VARIABLE, None)
        if self.control_token:
            environment[TOKEN_VARIABLE] = self.control_token
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment)
        lines: queue.Queue[str] = queue.Queue()
        stdout = self.process.stdout
        assert stdout is not None
        threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=self.startup_timeout)
        except queue.Empty:
            self.stop()
            raise RuntimeError("smsmock server did not start in time") from None
        match = _URL_LINE.search(line)
        if match is None:
            code = self.process.wait(timeout=self.startup_timeout)
            raise RuntimeError(f"smsmock server failed to start (exit status {code}): {line!r}")
        self.client = Client(match.group(1), control_token=match.group(2) or self.control_token)
        return self.client

    def stop(self) -> int | None:
        """Send SIGTERM and wait; returns the exit status."""
        if self.process is None:
            return None
        process, self.process = self.process, None
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()
        return process.returncode

    def __enter__(self) -> Client:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
