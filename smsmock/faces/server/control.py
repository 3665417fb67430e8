"""The control endpoints under ``/_smsmock/``: what the handle does in-process, over HTTP.

Each endpoint is one method of the handle (:class:`smsmock.faces.mock.SmsVoiceMock`) called with the
JSON body (a GET: the query) as keyword arguments, so the server offers what the handle offers and
nothing is described twice. Answers are JSON; records are written field by field (datetimes as ISO
8601)."""

from __future__ import annotations

import base64
import dataclasses
import enum
import ipaddress
import json
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from smsmock.faces import state_file
from smsmock.faces.handle_checks import remote_methods
from smsmock.faces.mock import SmsVoiceMock
from smsmock.faces.version import __version__
from smsmock.rules import delivery
from smsmock.state.errors import ResourceNotFoundError, ServiceError
from smsmock.state.world import WORLD

PREFIX = "/_smsmock/"
LOOPBACK_NAMES = frozenset({"localhost"})
"""Host names taken as loopback without a lookup (any other name must be allowed at start-up:
a name resolved when a delivery is made could point anywhere by then)."""


@dataclass(frozen=True)
class Context:
    """What the control endpoints act on: the handle, and the hosts other than loopback that a
    forwarding URL set at run time may name (``--forward-to``'s and ``--allow-forward-host``)."""

    handle: SmsVoiceMock
    forward_hosts: frozenset[str] = frozenset()


class ControlError(Exception):
    """A control request that cannot be answered: an HTTP status and a message."""

    def __init__(self, status: int, message: str, code: str = "ControlError") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


def plain(value: Any) -> Any:
    """``value`` as plain JSON: records as objects of their fields, datetimes as ISO 8601."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    return str(value)


def control(context: Context, method: str, path: str, body: bytes, query: str = "") -> Any:
    """Answer the control request ``method path?query`` (``path`` after ``/_smsmock/``); the
    arguments are the JSON body's members, or for a GET the query's parameters."""
    arguments = _arguments(body)
    arguments.update(urllib.parse.parse_qsl(query))
    route = _ROUTES.get((method, path))
    if route is None and method == "POST" and path.startswith("handle/"):
        route = _method_route(path.removeprefix("handle/"))
    if route is None:
        known = ", ".join(f"{m} {PREFIX}{p}" for m, p in _ROUTES)
        methods = ", ".join(remote_methods(SmsVoiceMock))
        raise ControlError(
            404,
            f"No control endpoint {method} {PREFIX}{path}; there are {known}, "
            f"and POST {PREFIX}handle/<method> for a method of the handle: {methods}.",
        )
    try:
        return route(context, arguments)
    except ControlError:
        raise
    except state_file.StateFileError as exc:
        raise ControlError(400, str(exc)) from None
    except ServiceError as exc:
        status = 404 if isinstance(exc, ResourceNotFoundError) else exc.status
        raise ControlError(status, exc.message, exc.code) from None
    except LookupError as exc:  # e.g. receive: no account has the number
        raise ControlError(404, f"{type(exc).__name__}: {exc}") from None
    except (TypeError, ValueError) as exc:
        raise ControlError(400, f"{type(exc).__name__}: {exc}") from None


def _arguments(body: bytes) -> dict[str, Any]:
    if not body.strip():
        return {}
    try:
        arguments = json.loads(body)
    except ValueError as exc:
        raise ControlError(400, f"The body is not JSON: {exc}") from None
    except RecursionError:
        raise ControlError(
            400, "The body is not JSON smsmock reads: it is nested too deeply."
        ) from None
    if not isinstance(arguments, dict):
        raise ControlError(400, "The body must be a JSON object of keyword arguments.")
    return arguments


Route = Callable[[Context, dict[str, Any]], Any]


def _method_route(name: str) -> Route | None:
    """A method of the handle a remote caller may use (:func:`remote_methods`, the list the 404
    message names and the ``Client`` offers too), for settings without an endpoint of their
    own."""
    return _call(name) if name in remote_methods(SmsVoiceMock) else None
    return _call(name)


def _reset(context: Context, arguments: dict[str, Any]) -> Any:
    settings = bool(arguments.pop("settings", False))
    if arguments:
        raise ControlError(400, f"reset takes only 'settings', not {sorted(arguments)}.")
    WORLD.reset(settings=settings)
    if settings:
        delivery.reset_forwarding()  # back to --forward-to
    return {}


def _messages(context: Context, arguments: dict[str, Any]) -> Any:
    return {"messages": plain(list(context.handle.sent_messages))}


def _inbound_messages(context: Context, arguments: dict[str, Any]) -> Any:
    return {"messages": plain(list(context.handle.inbound_messages))}


def _events(context: Context, arguments: dict[str, Any]) -> Any:
    return {"events": plain(list(context.handle.events(**arguments)))}


def _eventbridge_events(context: Context, arguments: dict[str, Any]) -> Any:
    events = context.handle.eventbridge_events(**arguments)
    return {"events": [{**plain(e), "envelope": plain(e.envelope)} for e in events]}


def _state(context: Context, arguments: dict[str, Any]) -> Any:
    return state_file.dump(WORLD)


def _load_state(context: Context, arguments: dict[str, Any]) -> Any:
    state_file.restore(WORLD, arguments)
    return {}


def _forwarding(context: Context, arguments: dict[str, Any]) -> Any:
    return {"url": delivery.forwarding_endpoint()}


def _forward_to(context: Context, arguments: dict[str, Any]) -> Any:
    url = arguments.pop("url", None)
    if arguments:
        raise ControlError(400, f"forwarding takes only 'url', not {sorted(arguments)}.")
    if url is not None:
        _check_forward_host(context, url)
    delivery.set_forwarding_endpoint(url)
    return {"url": delivery.forwarding_endpoint()}


def _check_forward_host(context: Context, url: Any) -> None:
    """Refuse a run-time forwarding URL to a host that is neither loopback nor allowed at
    start-up: whoever reaches the control endpoints must not make the server send its
    deliveries (and read back their outcome) anywhere on its network."""
    host = urllib.parse.urlsplit(url).hostname if isinstance(url, str) else None
    if host is None or _is_loopback(host) or host in context.forward_hosts:
        return  # not a URL at all: set_forwarding_endpoint says so
    allowed = ", ".join(sorted(context.forward_hosts)) or "none"
    raise ControlError(
        400,
        f"Forwarding to {host!r} is not allowed: a forwarding URL set at run time must name a "
        f"loopback address or a host allowed when the server started (--forward-to, "
        f"--allow-forward-host; allowed: {allowed}).",
        "ForwardingNotAllowed",
    )


def _is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _health(context: Context, arguments: dict[str, Any]) -> Any:
    return {"status": "ok", "version": __version__}


def _call(name: str) -> Route:
    return lambda context, arguments: plain(getattr(context.handle, name)(**arguments))


_ROUTES: dict[tuple[str, str], Route] = {
    ("GET", "health"): _health,
    ("POST", "reset"): _reset,
    ("GET", "messages"): _messages,
    ("POST", "inbound"): _call("receive"),
    ("GET", "inbound"): _inbound_messages,
    ("GET", "events"): _events,
    ("GET", "eventbridge"): _eventbridge_events,
    ("POST", "quota"): _call("set_quota"),
    ("POST", "lifecycle"): _call("set_lifecycle"),
    ("POST", "advance"): _call("advance"),
    ("POST", "sandbox"): _call("set_sandbox"),
    ("GET", "state"): _state,
    ("POST", "state"): _load_state,
    ("GET", "forwarding"): _forwarding,
    ("POST", "forwarding"): _forward_to,
}
