"""``python -m smsmock`` / ``smsmock``: the command line."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command."""
    parser = argparse.ArgumentParser(prog="smsmock", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("coverage", help="print the operations of the installed model and their status")
    args = parser.parse_args(argv)
    if args.command == "coverage":
        from smsmock.coverage import coverage_markdown

        sys.stdout.write(coverage_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
