"""``python -m smsmock``: runs the command line of :mod:`smsmock.faces.cli`."""

from smsmock.faces.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
