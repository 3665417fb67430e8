"""The HTTP face: the standard library's threading HTTP server around
:func:`smsmock.engine.wire.handle`.

Every request of the service goes through the same wire code as in-process, so a client pointed
at the server (``--endpoint-url``) gets byte for byte what the in-process hook gives. Requests under
``/_smsmock/`` are the control endpoints (:mod:`smsmock.faces.server.control`). One thread per
connection; the state is guarded by the world's one lock, which the dispatcher holds for each
operation and the handle's methods hold for each setting.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import json
import logging
import secrets
import signal
import socket
import sys
import threading
import urllib.parse
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from smsmock.engine import wire
from smsmock.faces.mock import SmsVoiceMock
from smsmock.faces.server.body import DEFAULT_MAX_BODY_BYTES, Refused, declared_length, read_body
from smsmock.faces.server.control import PREFIX, Context, ControlError, control
from smsmock.faces.state_file import StateFileError
from smsmock.rules import delivery
from smsmock.state.world import WORLD

log = logging.getLogger("smsmock.faces.server")

ERROR_NAMES = {413: "ContentTooLarge"}
"""Error names fixed where Python's own phrases differ by version: 413 is "Request Entity Too
Large" before Python 3.13 and "Content Too Large" (RFC 9110's name) from it."""


BACKLOG = 1024
"""The listen backlog: connections the kernel holds until the server accepts them
(socketserver's default, 5, leaves a burst of new connections waiting a second or more for the
kernel's retry; Linux caps it at ``net.core.somaxconn``, 4096 by default)."""
TOKEN_HEADER = "X-Smsmock-Token"


class _Handler(BaseHTTPRequestHandler):
    """One connection: each request to the wire, or to the control endpoints."""

    protocol_version = "HTTP/1.1"  # keep-alive: SDKs reuse their connections
    server: _HTTPServer

    def do_POST(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def do_PUT(self) -> None:
        self._answer()

    def do_DELETE(self) -> None:
        self._answer()

    def _answer(self) -> None:
        try:
            body = read_body(self.headers, self.rfile, self.server.max_body_bytes)
        except Refused as refused:
            self._refuse(refused)
            return
        path, _, query = self.path.partition("?")
        if path.startswith(PREFIX):
            self._control(path.removeprefix(PREFIX), query, body)
            return
        url = f"http://{self.headers.get('Host', 'localhost')}{self.path}"
        answer = wire.handle(wire.Request(self.command, url, dict(self.headers), body), WORLD)
        self._send(answer.status, answer.headers, answer.body)

    def _control(self, path: str, query: str, body: bytes) -> None:
        try:
            self._authorize(path)
            status, answer = 200, control(self.server.context, self.command, path, body, query)
            if answer is None:  # a setter (set_quota, handle/…): {} as reset answers, not null
                answer = {}
        except ControlError as error:
            status, answer = error.status, {"error": error.code, "message": error.message}
        except Exception as exc:  # a bug of ours: say so rather than drop the connection
            log.exception("smsmock control %s %s failed", self.command, path)
            status, answer = 500, {"error": type(exc).__name__, "message": str(exc)}
        self._send_json(status, answer)

    def _authorize(self, path: str) -> None:
        """The token (when the server has one) on every control endpoint but the health check,
        and JSON on every control request that changes something: a web page can send a
        ``text/plain`` POST to any address without asking first (no CORS preflight), but not
        an ``application/json`` one."""
        if (self.command, path) == ("GET", "health"):
            return
        token = self.server.control_token
        given = self.headers.get(TOKEN_HEADER)
        if token is not None and not hmac.compare_digest((given or "").encode(), token.encode()):
            problem = "is missing" if given is None else "is not this server's token"
            raise ControlError(
                401,
                f"The header {TOKEN_HEADER} {problem}: this server's control endpoints need the "
                "token it printed when it started (or was given as --control-token or "
                "SMSMOCK_CONTROL_TOKEN).",
                "Unauthorized",
            )
        media_type = (self.headers.get("Content-Type") or "").partition(";")[0].strip().lower()
        if self.command != "GET" and media_type != "application/json":
            raise ControlError(
                415,
                f"A control {self.command} must be sent as Content-Type application/json, "
                f"not {media_type or 'without one'}.",
                "UnsupportedMediaType",
            )

    def handle_expect_100(self) -> bool:
        """Refuse a body over the limit before the client sends it."""
        try:
            declared_length(self.headers, self.server.max_body_bytes)
        except Refused as refused:
            self._refuse(refused)
            return False
        return super().handle_expect_100()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's errors (a request line it cannot read, a method without a
        ``do_`` method) as JSON too, like every other answer."""
        self._refuse(Refused(code, ": ".join(filter(None, (message, explain))) or str(code)))

    def _refuse(self, refused: Refused) -> None:
        """Answer and close: what is left of the body is not read."""
        self.close_connection = True
        self.request_version = self.protocol_version  # a status line also to an unread request
        error = ERROR_NAMES.get(refused.status) or HTTPStatus(refused.status).phrase.replace(
            " ", ""
        )
        self._send_json(refused.status, {"error": error, "message": refused.message})

    def _send_json(self, status: int, answer: dict[str, Any]) -> None:
        payload = json.dumps(answer, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json"}
        if self.close_connection:
            headers["Connection"] = "close"
        self._send(status, headers, payload)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Requests of the service are logged by the wire, with their operation and error.
        path = getattr(self, "path", "")  # unset when the request line could not be read
        if path.startswith(PREFIX):
            log.debug("%s %s %s", self.command, path, code)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not hold up a stop
    request_queue_size = BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        context: Context,
        control_token: str | None,
        max_body_bytes: int,
    ) -> None:
        self.context = context
        self.control_token = control_token
        self.max_body_bytes = max_body_bytes
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away is no error of the server's; anything else is logged (the
        standard library would print it on stderr)."""
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError):
            log.debug("connection from %s ended: %s", client_address, exc)
        else:
            log.exception("smsmock server failed on a connection from %s", client_address)

    def close_connections(self) -> None:
        """End the open keep-alive connections (their threads then finish)."""
        with self.connections_lock:
            connections = list(self.connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class Server:
    """An smsmock server: ``Server(port=0).start()`` serves in a background thread,
    :meth:`serve_forever` in the calling one. Port 0 takes a free port (see :attr:`url`).

    It serves this process's state (the one in-process mocks use too) but does not switch the
    in-process mock on: clients in this process pointed at :attr:`url` really go over HTTP.
    ``state`` is a state file (:mod:`smsmock.faces.state_file`) to start from; ``forward_to`` the
    endpoint URL of a moto server that events and inbound messages are delivered to
    (:func:`smsmock.rules.delivery.set_forwarding_endpoint`, until the server closes).

    ``control_token`` is the token the control endpoints need in the header ``X-Smsmock-Token``;
    a server bound to an address other than loopback makes one when none is given
    (:attr:`control_token`, :attr:`token_generated`). ``allow_forward_hosts`` are the hosts
    besides loopback and ``forward_to``'s that a forwarding URL set at run time may name;
    ``max_body_bytes`` the largest request body read (413 above it).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        state: str | None = None,
        forward_to: str | None = None,
        *,
        control_token: str | None = None,
        allow_forward_hosts: Iterable[str] = (),
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        if max_body_bytes < 1:
            raise ValueError(f"max_body_bytes must be positive, not {max_body_bytes}")
        self.handle = SmsVoiceMock()
        self.forward_to = forward_to
        forward_hosts = {host.lower() for host in allow_forward_hosts}
        if forward_to:
            forward_hosts.add((urllib.parse.urlsplit(forward_to).hostname or "").lower())
        context = Context(self.handle, frozenset(forward_hosts - {""}))
        self._httpd = _HTTPServer((host, port), context, control_token, max_body_bytes)
        self.token_generated = control_token is None and self.exposed
        if self.token_generated:
            self._httpd.control_token = secrets.token_urlsafe(24)
        self._thread: threading.Thread | None = None
        try:
            if state:
                self.handle.load_state(state)
            if forward_to:
                delivery.set_forwarding_endpoint(forward_to, configured=True)
        except BaseException:
            self._httpd.server_close()
            raise

    @property
    def control_token(self) -> str | None:
        """The token the control endpoints need (``None``: they need none)."""
        return self._httpd.control_token

    @property
    def exposed(self) -> bool:
        """Whether the server listens on an address other than loopback."""
        return not ipaddress.ip_address(self._bound_host).is_loopback

    @property
    def url(self) -> str:
        """``http://host:port`` of the listening socket; for a server on every address
        (``0.0.0.0``), the loopback address, which a client can use."""
        host = self._bound_host
        if ipaddress.ip_address(host).is_unspecified:
            host = "127.0.0.1" if ipaddress.ip_address(host).version == 4 else "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self._httpd.server_address[1]}"

    @property
    def _bound_host(self) -> str:
        host = self._httpd.server_address[0]
        return host.decode() if isinstance(host, bytes) else str(host)

    def serve_forever(self) -> None:
        """Serve until :meth:`stop` (from another thread) or an exception such as
        ``KeyboardInterrupt``; then close."""
        try:
            self._httpd.serve_forever()
        finally:
            self.close()

    def start(self) -> Server:
        """Serve in a daemon thread; returns self."""
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="smsmock-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (waits for the loop to end) and close."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self.close()

    def close(self) -> None:
        """Close the listening socket and the open connections; stop forwarding deliveries."""
        self._httpd.server_close()
        self._httpd.close_connections()
        if self.forward_to:
            delivery.set_forwarding_endpoint(None, configured=True)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def announce(server: Server, host: str) -> None:
    """Print the URL (and a token the server made) on stdout; on stderr, one line of warning
    when the server can be reached from the network."""
    made = f" (control token: {server.control_token})" if server.token_generated else ""
    print(f"smsmock server listening on {server.url}{made}", flush=True)
    if server.exposed:
        print(
            f"smsmock server: warning: listening on {host}, reachable from the network; the "
            f"control endpoints under {PREFIX} need the header {TOKEN_HEADER}: "
            + ("the token printed above" if server.token_generated else "the token given")
            + " (--control-token or SMSMOCK_CONTROL_TOKEN sets it).",
            file=sys.stderr,
            flush=True,
        )


class _Stop(BaseException):
    """Raised in the main thread by SIGINT or SIGTERM; a ``BaseException``, like
    ``KeyboardInterrupt``, so the server loop's ``except Exception`` cannot swallow it."""


def run(
    host: str,
    port: int,
    state: str | None = None,
    *,
    verbose: bool = False,
    forward_to: str | None = None,
    control_token: str | None = None,
    allow_forward_hosts: Iterable[str] = (),
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> int:
    """``smsmock server``: serve until SIGINT or SIGTERM; print the URL once listening.

    ``verbose`` logs every request on stderr (the ``smsmock`` logger at DEBUG: operation,
    status, error code and ``Reason``); ``forward_to`` delivers events and inbound messages to
    the moto server at that endpoint URL; the other options are :class:`Server`'s. A port in
    use, a state file that does not load or a ``forward_to`` that is not an endpoint URL ends it
    at once with status 1 and one line on stderr.
    """
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s"
    )
    if verbose:
        logging.getLogger("smsmock").setLevel(logging.DEBUG)

    def stop(signum: int, frame: Any) -> None:
        raise _Stop(signal.Signals(signum).name)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)
    try:
        try:
            server = Server(
                host,
                port,
                state,
                forward_to,
                control_token=control_token,
                allow_forward_hosts=allow_forward_hosts,
                max_body_bytes=max_body_bytes,
            )
        except StateFileError as exc:
            print(f"smsmock server: state file not loaded: {exc}", file=sys.stderr)
            return 1
        except ValueError as exc:
            print(f"smsmock server: --forward-to: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            reason = exc.strerror or exc
            print(f"smsmock server: cannot listen on {host}:{port}: {reason}", file=sys.stderr)
            return 1
        announce(server, host)
        server.serve_forever()
    except _Stop as reason:
        print(f"smsmock server stopped ({reason})", flush=True)
    return 0
