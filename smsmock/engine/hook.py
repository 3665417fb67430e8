"""The botocore side: one ``before-send`` handler that answers sms-voice requests in-process.

It is put at the front of botocore's builtin handler list when :mod:`smsmock` is imported, on the
event of this service only (``before-send.pinpoint-sms-voice-v2``). Every botocore session made
after that registers it, so every client made after the import is answered while a mock is active,
also one made before the mock started. botocore calls handlers of a more specific event first, so
the hook answers before moto's catch-all ``before-send`` handler whichever was imported first.

A client made before the import has no hook; :func:`guard_transports` answers its requests at
botocore's transport instead, so no request of the service leaves the process while a mock is
active, whichever client sends it.

A bug of smsmock (an exception that is not a modeled error) is raised in the caller, with its
traceback, at once: botocore does not retry an exception from sending, only its own connection
errors (see ``wire.handle``).
"""

from __future__ import annotations

import sys
from collections.abc import Generator, Iterator
from typing import Any

from botocore.awsrequest import AWSResponse
from botocore.credentials import Credentials
from botocore.handlers import BUILTIN_HANDLERS

from smsmock import engine
from smsmock.engine import transport_guard
from smsmock.engine.environment import FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY

EVENT = "before-send.pinpoint-sms-voice-v2"
SIGN_EVENT = "before-sign.pinpoint-sms-voice-v2"
_OPERATION_AT = len(EVENT) + 1  # botocore's event: before-send.pinpoint-sms-voice-v2.{operation}
_FAKE_CREDENTIALS = Credentials(FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY)


class Switch:
    """Whether a mock is active; read by the hook on every request, so a plain attribute."""

    active = False


class _Body:
    """The raw body botocore reads through ``stream()``; older aiobotocore releases (2.14) read the
    headers from it too (``raw.raw_headers``, as aiohttp's response has them)."""

    def __init__(self, content: bytes, headers: dict[str, str]) -> None:
        self._content = content
        self._headers = headers

    def stream(self, **kwargs: Any) -> Iterator[bytes]:
        yield self._content

    @property
    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        return [(k.encode(), v.encode()) for k, v in self._headers.items()]


class _Content(bytes):
    """The body as bytes that can also be awaited: botocore reads ``response.content`` as bytes,
    aiobotocore awaits it (``await http_response.content``); one object serves both."""

    def __await__(self) -> Generator[Any, None, bytes]:
        return bytes(self)
        yield  # pragma: no cover - makes this a generator that finishes at once


class _Response(AWSResponse):  # type: ignore[misc]
    """botocore's response, its body read already, as both sync and async clients can read it."""

    def __init__(self, url: str, status: int, headers: dict[str, str], body: bytes) -> None:
        super().__init__(url, status, headers, _Body(body, headers))
        self._content = _Content(body)


def before_send(request: Any, **kwargs: Any) -> AWSResponse | None:
    """Answer an sms-voice request while a mock is active; otherwise leave it to botocore."""
    if not Switch.active:
        return None
    event = kwargs.get("event_name") or ""
    return answer(request, event[_OPERATION_AT:] if event.startswith(EVENT) else None)


def answer(request: Any, operation: str | None) -> AWSResponse:
    """The mock's answer to botocore's prepared ``request`` (``operation`` when known)."""
    body = request.body
    if body is None:
        body = b""
    elif isinstance(body, str):
        body = body.encode()
    elif not isinstance(body, bytes | bytearray):
        body = body.read()
    wire = engine.wire  # imported at the first request, not with smsmock
    response = wire.answer_in_process(
        wire.Request(request.method, request.url, request.headers, bytes(body), operation)
    )
    return _Response(request.url, response.status, response.headers, response.body)


def before_sign(request: Any, request_signer: Any = None, **kwargs: Any) -> None:
    """Lend fake credentials, for this request only, to a client that has none.

    A client made before the mock started, on a machine without credentials, resolved none; it
    would fail with ``NoCredentialsError`` before :func:`before_send` could answer it.
    """
    if Switch.active and getattr(request_signer, "_credentials", True) is None:
        credentials = _fake_credentials_for(request_signer)
        request.context.setdefault("signing", {})["request_credentials"] = credentials


def _fake_credentials_for(request_signer: Any) -> Any:
    """botocore's credentials, or aiobotocore's for its signer (it awaits their frozen form)."""
    if type(request_signer).__module__.startswith("aiobotocore."):
        aio_credentials = sys.modules.get("aiobotocore.credentials")
        if aio_credentials is not None:
            return aio_credentials.AioCredentials(FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY)
    return _FAKE_CREDENTIALS


def install() -> None:
    """Register the hooks for every botocore session made from now on (once)."""
    guard_transports()
    if any(entry[1] is before_send for entry in BUILTIN_HANDLERS):
        # Installed already: sessions made since have the hook from the builtin list; adding it
        # to one of them again would answer each request twice (twice-recorded sends).
        return
    BUILTIN_HANDLERS.insert(0, (EVENT, before_send))
    BUILTIN_HANDLERS.insert(1, (SIGN_EVENT, before_sign))
    # boto3's default session may already exist (boto3.client() was called before the import):
    # register there too, so its later clients are answered as well.
    boto3 = sys.modules.get("boto3")
    session = getattr(boto3, "DEFAULT_SESSION", None) if boto3 is not None else None
    if session is not None:
        session._session.register(EVENT, before_send, unique_id="smsmock.before_send")
        session._session.register(SIGN_EVENT, before_sign, unique_id="smsmock.before_sign")


def guard_transports() -> None:
    """Answer, at botocore's transport, this service's requests from clients that have no hook
    (made before :mod:`smsmock` was imported), lending them fake credentials if they have none,
    for botocore and aiobotocore (once each)."""
    transport_guard.install(lambda: Switch.active, answer, before_sign)
