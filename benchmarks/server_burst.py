"""A burst of new connections to ``smsmock server``: N clients connect at the same moment (a
Node client's ``Promise.all``, many pytest-xdist workers on one server), each asks
``GET /_smsmock/health`` on its own connection. Reported: how many were answered within the
timeout, and the median and 95th percentile of the time from the start to each answer.

The server runs in a child process, as users run it, with this smsmock's listen backlog and,
for comparison, with socketserver's default backlog of 5 (what smsmock had before). Everything
goes to 127.0.0.1; every loop is bounded.

    python benchmarks/server_burst.py [connections ...]
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import threading
import time

_SERVE = """
import sys
from smsmock.faces.server import http
if len(sys.argv) > 1:
    http._HTTPServer.request_queue_size = int(sys.argv[1])
http.run("127.0.0.1", 0)
"""
_REQUEST = b"GET /_smsmock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
TIMEOUT = 20.0


def burst(port: int, connections: int) -> list[float | None]:
    """Seconds from the start to each client's answer (``None``: not answered in time)."""
    start = threading.Barrier(connections + 1)
    began: list[float] = []
    seconds: list[float | None] = []

    def client() -> None:
        start.wait()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as connection:
                connection.sendall(_REQUEST)
                answered = connection.recv(12).startswith(b"HTTP/1.1 200")
            seconds.append(time.perf_counter() - began[0] if answered else None)
        except OSError:
            seconds.append(None)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    began.append(time.perf_counter())
    start.wait()
    for thread in threads:
        thread.join(TIMEOUT * 4)
    return seconds


def serve(backlog: int | None) -> tuple[subprocess.Popen[str], int]:
    """``smsmock server`` on a free port (with ``backlog``, if given): the process and port."""
    command = [sys.executable, "-c", _SERVE, *([str(backlog)] if backlog else [])]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    return process, int(line.rsplit(":", 1)[1])


def server_burst(sizes: tuple[int, ...], backlog: int | None = None) -> dict[int, dict[str, float]]:
    """For each burst size: ``answered`` (a fraction), ``p50`` and ``p95`` seconds (of the
    answered ones)."""
    process, port = serve(backlog)
    try:
        figures = {}
        for size in sizes:
            seconds = burst(port, size)
            answered = sorted(s for s in seconds if s is not None)
            quantiles = statistics.quantiles(answered, n=20) if len(answered) > 1 else [0.0] * 19
            figures[size] = {
                "answered": len(answered) / size,
                "p50": statistics.median(answered) if answered else float("nan"),
                "p95": quantiles[18],
            }
        return figures
    finally:
        process.terminate()
        process.communicate(timeout=30)


def report(figures: dict[int, dict[str, float]], label: str) -> None:
    """Print the figures of one server."""
    print(f"burst of new connections, {label} (GET /_smsmock/health each)")
    for size, figure in figures.items():
        answered = round(figure["answered"] * size)
        print(
            f"  N={size:4d} answered {answered:4d}/{size}   p50 {figure['p50'] * 1e3:7.1f} ms"
            f"   p95 {figure['p95'] * 1e3:7.1f} ms"
        )


def burst_report(smoke: bool) -> None:
    """The figures of ``benchmarks/run.py``: smsmock's backlog, and in a full run socketserver's
    default for comparison (its connections wait out the kernel's retries: seconds)."""
    burst = server_burst((50,) if smoke else (16, 50, 100, 200))
    report(burst, "smsmock's backlog")
    if not smoke:
        before = server_burst((16, 50), backlog=5)
        report(before, "socketserver's backlog of 5, as before")
        ratio = before[50]["p95"] / burst[50]["p95"]
        print(f"  p95 at N=50, backlog 5 / smsmock's = {ratio:.0f}")


if __name__ == "__main__":
    chosen = tuple(int(n) for n in sys.argv[1:]) or (16, 50, 100, 200)
    report(server_burst(chosen), "smsmock's backlog")
    report(server_burst(chosen, backlog=5), "socketserver's backlog of 5")
