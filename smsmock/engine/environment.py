"""Fake AWS credentials while a mock is active, and the user's environment back after.

With these set, botocore never reaches for real credentials (nor the instance metadata service,
which would open a socket), and a misconfigured test cannot sign with real keys.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

FAKE_ACCESS_KEY_ID = "testing"
FAKE_SECRET_ACCESS_KEY = "testing"
DEFAULT_REGION = "us-east-1"

_SET = {
    "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY_ID,
    "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_ACCESS_KEY,
}
_REMOVED = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")


@dataclass
class Saved:
    """What :func:`apply_fake_credentials` changed: each variable's value before, and the
    value it left (``None``: it removed the variable)."""

    before: dict[str, str | None] = field(default_factory=dict)
    left: dict[str, str | None] = field(default_factory=dict)


def apply_fake_credentials() -> Saved:
    """Set fake credentials (and a default region if none is set); return what to restore."""
    saved = Saved()
    wanted: dict[str, str | None] = {**_SET, **dict.fromkeys(_REMOVED)}
    if not os.environ.get("AWS_DEFAULT_REGION") and not os.environ.get("AWS_REGION"):
        wanted["AWS_DEFAULT_REGION"] = DEFAULT_REGION
    for name, value in wanted.items():
        saved.before[name] = os.environ.get(name)
        saved.left[name] = value
        _put(name, value)
    return saved


def restore(saved: Saved) -> None:
    """Put back the variables :func:`apply_fake_credentials` touched, as they were, but only
    those that still hold what it left: a variable another tool changed since (moto's own mock
    stopped first, say, and put back its earlier value) is that tool's to keep."""
    for name, value in saved.before.items():
        if os.environ.get(name) == saved.left[name]:
            _put(name, value)


def _put(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
