"""The control endpoints under ``/_smsmock/``: what the handle does in-process, over HTTP.

Each endpoint is one method of the handle (:class:`smsmock.faces.mock.SmsVoiceMock`) called with the
JSON body (a GET: the query) as keyword arguments, so the server offers what the handle offers and
nothing is described twice. Answers are JSON; records are written field by field (datetimes as ISO
8601)."""

from __future__ import annotations

import base64
import dataclasses
import enum
import json
import urllib.parse
from collections.abc import Callable
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


def control(handle: SmsVoiceMock, method: str, path: str, body: bytes, query: str = "") -> Any:
    """Answer the control request ``method path?query`` (``path`` after ``/_smsmock/``); the
    arguments are the JSON body's members, or for a GET the query's parameters."""
    arguments = _arguments(body)
    arguments.update(urllib.parse.parse_qsl(query))
    route = _ROUTES.get((method, path))
    if route is None and method == "POST" and path.startswith("handle/"):
        name = path.removeprefix("handle/")
        route = _method_route(name)
    if route is None:
        known = ", ".join(f"{m} {PREFIX}{p}" for m, p in _ROUTES)
        raise ControlError(404, f"No control endpoint {method} {PREFIX}{path}; there are {known}.")
    try:
        return route(handle, arguments)
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
    if not isinstance(arguments, dict):
        raise ControlError(400, "The body must be a JSON object of keyword arguments.")
    return arguments


def _method_route(name: str) -> Callable[[SmsVoiceMock, dict[str, Any]], Any] | None:
    """Any method of the handle a remote caller may use (:func:`remote_methods`), for settings
    without an endpoint of their own."""
    if name not in remote_methods(SmsVoiceMock) or not callable(getattr(SmsVoiceMock, name)):
        return None
    if name in ("save_state", "load_state"):
        return None  # the server's own files: the Client writes its own from GET/POST state
    return _call(name)


def _reset(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    settings = bool(arguments.pop("settings", False))
    if arguments:
        raise ControlError(400, f"reset takes only 'settings', not {sorted(arguments)}.")
    WORLD.reset(settings=settings)
    if settings:
        delivery.reset_forwarding()  # back to --forward-to
    return {}


def _messages(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    return {"messages": plain(list(handle.sent_messages))}


def _inbound_messages(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    return {"messages": plain(list(handle.inbound_messages))}


def _events(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    return {"events": plain(list(handle.events(**arguments)))}


def _state(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    return state_file.dump(WORLD)


def _load_state(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    state_file.restore(WORLD, arguments)
    return {}


def _forwarding(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    return {"url": delivery.forwarding_endpoint()}


def _forward_to(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    url = arguments.pop("url", None)
    if arguments:
        raise ControlError(400, f"forwarding takes only 'url', not {sorted(arguments)}.")
    delivery.set_forwarding_endpoint(url)
    return {"url": delivery.forwarding_endpoint()}


def _health(handle: SmsVoiceMock, arguments: dict[str, Any]) -> Any:
    return {"status": "ok", "version": __version__}


def _call(name: str) -> Callable[[SmsVoiceMock, dict[str, Any]], Any]:
    return lambda handle, arguments: plain(getattr(handle, name)(**arguments))


_ROUTES: dict[tuple[str, str], Callable[[SmsVoiceMock, dict[str, Any]], Any]] = {
    ("GET", "health"): _health,
    ("POST", "reset"): _reset,
    ("GET", "messages"): _messages,
    ("POST", "inbound"): _call("receive"),
    ("GET", "inbound"): _inbound_messages,
    ("GET", "events"): _events,
    ("POST", "quota"): _call("set_quota"),
    ("POST", "lifecycle"): _call("set_lifecycle"),
    ("POST", "advance"): _call("advance"),
    ("POST", "sandbox"): _call("set_sandbox"),
    ("GET", "state"): _state,
    ("POST", "state"): _load_state,
    ("GET", "forwarding"): _forwarding,
    ("POST", "forwarding"): _forward_to,
}
