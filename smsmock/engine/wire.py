"""The JSON 1.0 protocol of ``PinpointSMSVoiceV2``: bytes in, bytes out.

Independent of botocore's in-process objects, so the before-send hook and the server speak exactly
the same bytes. The operation comes from ``X-Amz-Target``; the region from the SigV4 credential
scope (else the host name); the account from the access key (see :meth:`World.account_for`).
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from smsmock.engine.dispatch import dispatch
from smsmock.engine.headers import header
from smsmock.state.errors import (
    ServiceError,
    SmsmockBugError,
    UnknownOperationError,
    ValidationError,
)
from smsmock.state.ids import new_uuid
from smsmock.state.service_model import TARGET_PREFIX, operation_names
from smsmock.state.world import DEFAULT_REGION, WORLD, World

log = logging.getLogger("smsmock")

CONTENT_TYPE = "application/x-amz-json-1.0"
_ENCODER = json.JSONEncoder(separators=(",", ":"))


def encode_json(body: dict[str, Any]) -> bytes:
    """Compact JSON with the standard library."""
    return _ENCODER.encode(body).encode()


encode: Callable[[dict[str, Any]], bytes] = encode_json
decode: Callable[[bytes], Any] = json.loads
try:  # orjson (the ``fast`` extra) reads and writes the same JSON several times faster.
    import orjson

    encode = orjson.dumps
    decode = orjson.loads
except ImportError:  # pragma: no cover - the tests cover the standard library's directly
    pass
_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/\d{8}/([^/]+)/")
_HOST_REGION = re.compile(r"sms-voice(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.")


@dataclass(slots=True)
class Request:
    """An HTTP request as the wire sees it; header names in any case."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes = b""
    operation: str | None = None
    """The operation, where the caller knows it already (botocore's event names it); else it
    is read from ``X-Amz-Target``."""


@dataclass(slots=True)
class Response:
    """An HTTP response: status, headers and the JSON body."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def caller(request: Request, world: World) -> tuple[str, str]:
    """The account and region a request is for."""
    match = _CREDENTIAL.search(header(request.headers, "Authorization") or "")
    if match:
        return world.account_for(match.group(1)), match.group(2)
    host = _HOST_REGION.search(request.url)
    return world.account_for(None), host.group(1) if host else DEFAULT_REGION


def answer_in_process(request: Request) -> Response:
    """Answer an in-process client's request (the botocore hook, the transport guard): from the
    process's world, a bug of smsmock raised at once in the caller."""
    return handle(request, WORLD, raise_internal_errors=True)


def handle(request: Request, world: World, *, raise_internal_errors: bool = False) -> Response:
    """Answer one request of the service.

    A bug of smsmock (any exception that is not a modeled error) is raised as it is with
    ``raise_internal_errors`` (in-process: the test fails at once with its traceback); else
    it is logged and answered as :class:`SmsmockBugError`, which no client retries.
    """
    request_id = new_uuid()
    operation = None
    try:
        operation = _operation(request)
        params = _params(request.body)
        account_id, region = caller(request, world)
        output = dispatch(world, operation, params, account_id, region, request_id)
        log.debug("%s -> 200", operation)
        return _response(200, output, request_id)
    except ServiceError as error:
        if log.isEnabledFor(logging.DEBUG):
            log_error(operation or header(request.headers, "X-Amz-Target"), error)
        return error_response(error, request_id)
    except Exception as exc:  # a bug of ours: fail at once, and say where
        if raise_internal_errors:
            raise
        target = header(request.headers, "X-Amz-Target")
        log.exception("smsmock failed answering %s", target)
        return error_response(SmsmockBugError(bug_message(exc, target)), request_id)


def bug_message(exc: BaseException, target: str | None) -> str:
    """What a client is told of a bug of smsmock: the exception and where it was raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
    return (
        f"smsmock failed answering {target}: {type(exc).__name__}: {exc}{where}. This is a bug "
        "in smsmock, not in the code under test; the traceback is in the server's log "
        "(logger 'smsmock'). Please report it."
    )


def log_error(operation: str | None, error: ServiceError) -> None:
    """Log an answered error on the ``smsmock`` logger at DEBUG: operation, status, code,
    ``Reason`` (when the error has one) and message, in one line."""
    reason = error.members().get("Reason")
    log.debug(
        "%s -> %d %s%s: %s",
        operation,
        error.status,
        error.code,
        f", Reason {reason}" if reason else "",
        error.message,
    )


def error_response(error: ServiceError, request_id: str) -> Response:
    """The modeled error: ``__type``, ``Message`` and the shape's other members."""
    body = {"__type": error.code, "Message": error.message, **error.members()}
    return _response(error.status, body, request_id)


def _response(status: int, body: dict[str, Any], request_id: str) -> Response:
    return Response(
        status,
        encode(body),
        {"x-amzn-RequestId": request_id, "Content-Type": CONTENT_TYPE},
    )


def _operation(request: Request) -> str:
    if request.operation is not None and request.operation in operation_names():
        return request.operation
    target = header(request.headers, "X-Amz-Target") or ""
    prefix, _, name = target.partition(".")
    if prefix != TARGET_PREFIX or name not in operation_names():
        raise UnknownOperationError(f"Unknown operation {target!r}.")
    return name


def _params(body: bytes) -> dict[str, Any]:
    if not body or not body.strip():
        return {}
    try:
        params = decode(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError(
            f"The request body is not valid JSON: {exc}", "CANNOT_PARSE"
        ) from None
    except RecursionError:  # the standard library's reader; orjson's says so as a ValueError
        raise ValidationError(
            "The request body is not valid JSON: it is nested too deeply.", "CANNOT_PARSE"
        ) from None
    if not isinstance(params, dict):
        raise ValidationError("The request body must be a JSON object.", "CANNOT_PARSE")
    return params
