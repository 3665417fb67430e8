"""The version matrix: the suite on every supported Python with the newest botocore, and on the
oldest botocore/boto3 pair smsmock promises (``nox``, or ``nox -s oldest``; ``.ci/run`` runs all),
and, on demand only, mutation testing (``nox -s mutation``).

The quick single-version run stays the README's ``python -m pytest``.
"""

from __future__ import annotations

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
OLDEST_PYTHON = "3.11"
OLDEST_PINS = [
    "botocore==1.35.0",
    "boto3==1.35.0",
    # The awscli release built on botocore 1.35.0 (tests/suites/test_cli_walkthrough.py runs it);
    # a newer one imports what that botocore does not have yet.
    "awscli==1.34.0",
]
PYTEST = ("python", "-m", "pytest", "-x", "-p", "no:cacheprovider")

nox.options.sessions = ["tests", "oldest"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The suite on one Python, with the newest botocore and boto3."""
    session.install("-e", ".[test]")
    session.run(*PYTEST, *session.posargs)


@nox.session(python=OLDEST_PYTHON)
def oldest(session: nox.Session) -> None:
    """The suite with the oldest botocore and boto3 smsmock promises (pyproject's floor);
    tests of what that model lacks skip, saying what is missing."""
    session.install("-e", ".[test]", *OLDEST_PINS)
    session.run("python", "-c", "import botocore, boto3; print(botocore.__version__)")
    session.run(*PYTEST, *session.posargs)


@nox.session(python=OLDEST_PYTHON, default=False)
def mutation(session: nox.Session) -> None:
    """mutmut over the modules given (``nox -s mutation -- smsmock/rules/spend.py``), by default
    all of ``smsmock/rules`` and ``smsmock/state``; survivors are rechecked in a fresh process
    and the score per module printed (tools/mutation.py, docs/contributing.md). Not run by
    ``nox`` alone nor by CI: it takes hours on all modules."""
    session.install("-e", ".[test,mutation]")
    session.run("python", "tools/mutation.py", *session.posargs)
