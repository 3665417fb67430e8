"""``python -m smsmock`` / ``smsmock``: the command line."""

from __future__ import annotations

import argparse
import sys

from smsmock.faces.coverage import coverage_markdown
from smsmock.faces.server.http import run


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command."""
    parser = argparse.ArgumentParser(prog="smsmock", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("coverage", help="print the operations of the installed model and their status")
    server = sub.add_parser("server", help="answer any client over HTTP (--endpoint-url)")
    server.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    server.add_argument(
        "--port", type=int, default=5566, help="port; 0 takes a free one (default 5566)"
    )
    server.add_argument("--state", metavar="FILE", help="a state file to start from")
    server.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    if args.command == "coverage":
        sys.stdout.write(coverage_markdown())
    if args.command == "server":
        return run(args.host, args.port, args.state, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
