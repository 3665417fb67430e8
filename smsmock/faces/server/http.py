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
import json
import logging
import signal
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from smsmock.engine import wire
from smsmock.faces.mock import SmsVoiceMock
from smsmock.faces.server.control import PREFIX, ControlError, control
from smsmock.faces.state_file import StateFileError
from smsmock.rules import delivery
from smsmock.state.world import WORLD

log = logging.getLogger("smsmock.faces.server")


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
        body = self._body()
        path, _, query = self.path.partition("?")
        if path.startswith(PREFIX):
            self._control(path.removeprefix(PREFIX), query, body)
            return
        url = f"http://{self.headers.get('Host', 'localhost')}{self.path}"
        answer = wire.handle(wire.Request(self.command, url, dict(self.headers), body), WORLD)
        self._send(answer.status, answer.headers, answer.body)

    def _control(self, path: str, query: str, body: bytes) -> None:
        try:
            status, answer = 200, control(self.server.handle, self.command, path, body, query)
            if answer is None:  # a setter (set_quota, handle/…): {} as reset answers, not null
                answer = {}
        except ControlError as error:
            status, answer = error.status, {"error": error.code, "message": error.message}
        except Exception as exc:  # a bug of ours: say so rather than drop the connection
            log.exception("smsmock control %s %s failed", self.command, path)
            status, answer = 500, {"error": type(exc).__name__, "message": str(exc)}
        payload = json.dumps(answer, separators=(",", ":")).encode()
        self._send(status, {"Content-Type": "application/json"}, payload)

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

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

    def __init__(self, address: tuple[str, int], handle: SmsVoiceMock) -> None:
        self.handle = handle
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
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        state: str | None = None,
        forward_to: str | None = None,
    ) -> None:
        self.handle = SmsVoiceMock()
        self.forward_to = forward_to
        self._httpd = _HTTPServer((host, port), self.handle)
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
    def url(self) -> str:
        """``http://host:port`` of the listening socket."""
        host, port = self._httpd.server_address[:2]
        if isinstance(host, bytes):
            host = host.decode()
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port}"

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
) -> int:
    """``smsmock server``: serve until SIGINT or SIGTERM; print the URL once listening.

    ``verbose`` logs every request on stderr (the ``smsmock`` logger at DEBUG: operation,
    status, error code and ``Reason``); ``forward_to`` delivers events and inbound messages to
    the moto server at that endpoint URL. A port in use, a state file that does not load or a
    ``forward_to`` that is not an endpoint URL ends it at once with status 1 and one line on
    stderr.
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
            server = Server(host, port, state, forward_to)
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
        print(f"smsmock server listening on {server.url}", flush=True)
        server.serve_forever()
    except _Stop as reason:
        print(f"smsmock server stopped ({reason})", flush=True)
    return 0
