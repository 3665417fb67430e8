"""``smsmock`` / ``python -m smsmock``: the command line."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from smsmock.faces.coverage import coverage_markdown
from smsmock.faces.server.body import DEFAULT_MAX_BODY_BYTES
from smsmock.faces.server.http import run
from smsmock.faces.user_guide import contents, find_guide, places
from smsmock.faces.version import __version__
from smsmock.rules.delivery import check_endpoint_url

DESCRIPTION = """\
smsmock mocks AWS End User Messaging SMS and Voice v2 (pinpoint-sms-voice-v2).
In Python tests, import smsmock and use mock_sms_voice or the sms_voice pytest
fixture; this command serves the same mock over HTTP for other clients."""

SERVER_DESCRIPTION = """\
Answer any client of pinpoint-sms-voice-v2 (boto3, the AWS CLI, other SDKs)
over HTTP, from state kept in memory, until stopped with Ctrl-C or SIGTERM.
Point clients at the printed URL (endpoint URL); any credentials work.
Control endpoints for tests are under /_smsmock/ (see the server docs)."""

SERVER_EPILOG = """\
On an address other than loopback (--host 0.0.0.0 in a container), every
control endpoint but GET /_smsmock/health needs the header X-Smsmock-Token:
the token given (--control-token, SMSMOCK_CONTROL_TOKEN), or one the server
makes and prints beside its URL. On loopback there is none unless given.

example:
  smsmock server --port 5566 --state scenario.json
  aws --endpoint-url http://127.0.0.1:5566 pinpoint-sms-voice-v2 describe-opt-out-lists"""


def port(text: str) -> int:
    """A TCP port number, 0 to 65535 (for argparse)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0 to 65535, not {number}")
    return number


def byte_count(text: str) -> int:
    """A positive number of bytes (for argparse)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of bytes: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, not {number}")
    return number


def moto_endpoint(text: str) -> str:
    """A moto server's endpoint URL, ``http(s)://host[:port]`` (for argparse)."""
    try:
        check_endpoint_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


class _Parser(argparse.ArgumentParser):
    """argparse's parser, saying a usage error in one line (and exiting with status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def parser() -> argparse.ArgumentParser:
    """The command line's parser."""
    top = _Parser(
        prog="smsmock", description=DESCRIPTION, formatter_class=argparse.RawTextHelpFormatter
    )
    top.add_argument("--version", action="version", version=f"smsmock {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser(
        "coverage",
        help="print the operations of the installed botocore model and whether each is answered",
        description="Print, as a Markdown table, every operation of the installed botocore "
        "model and whether smsmock answers it.",
    )
    sub.add_parser(
        "docs",
        help="print where the user guide's pages are installed, and what each is about",
        description="Print the folder of the user guide's Markdown pages (installed with the "
        "package, or a checkout's docs/), and each page's title.",
    )
    server = sub.add_parser(
        "server",
        help="answer any client over HTTP (point it at the URL printed)",
        description=SERVER_DESCRIPTION,
        epilog=SERVER_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_server_arguments(server)
    return top


def add_server_arguments(server: argparse.ArgumentParser) -> None:
    """``smsmock server``'s options."""
    server.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    server.add_argument(
        "--port", type=port, default=5566, help="port; 0 takes a free one (default 5566)"
    )
    server.add_argument("--state", metavar="FILE", help="a state file to start from")
    server.add_argument(
        "--verbose",
        action="store_true",
        help="log every request (operation, status, error code and Reason) to stderr",
    )
    server.add_argument(
        "--forward-to",
        metavar="URL",
        type=moto_endpoint,
        help="deliver events and inbound messages to the moto server at URL (its endpoint URL)",
    )
    server.add_argument(
        "--allow-forward-host",
        metavar="HOST",
        action="append",
        default=[],
        help="a host besides loopback and --forward-to's that POST /_smsmock/forwarding may "
        "name (repeat for more)",
    )
    server.add_argument(
        "--control-token",
        metavar="TOKEN",
        default=os.environ.get("SMSMOCK_CONTROL_TOKEN") or None,
        help="the token control endpoints need in the header X-Smsmock-Token (default: "
        "$SMSMOCK_CONTROL_TOKEN; none on loopback, a new one printed at start otherwise)",
    )
    server.add_argument(
        "--max-body-bytes",
        metavar="N",
        type=byte_count,
        default=DEFAULT_MAX_BODY_BYTES,
        help="the largest request body read; a larger one gets 413 "
        f"(default {DEFAULT_MAX_BODY_BYTES})",
    )


def print_guide() -> int:
    """Print where the user guide is and its pages; 1 if it is not installed."""
    folder = find_guide(places())
    if folder is None:
        sys.stderr.write("smsmock: the user guide is not installed with this package.\n")
        return 1
    print(f"smsmock's user guide (Markdown pages) is in {folder}")
    for name, title in contents(folder):
        print(f"  {name:34s} {title}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command; without one, print the help."""
    top = parser()
    args = top.parse_args(argv)
    if args.command == "coverage":
        sys.stdout.write(coverage_markdown())
    elif args.command == "docs":
        return print_guide()
    elif args.command == "server":
        return run(
            args.host,
            args.port,
            args.state,
            verbose=args.verbose,
            forward_to=args.forward_to,
            control_token=args.control_token,
            allow_forward_hosts=args.allow_forward_host,
            max_body_bytes=args.max_body_bytes,
        )
    else:
        top.print_help()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
