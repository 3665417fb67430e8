"""Fake AWS credentials while a mock is active, and the user's exact environment back after.

With these set, botocore never reaches for real credentials (nor the instance metadata service,
which would open a socket), and a misconfigured test cannot sign with real keys.
"""

from __future__ import annotations

import os

FAKE_ACCESS_KEY_ID = "testing"
FAKE_SECRET_ACCESS_KEY = "testing"
DEFAULT_REGION = "us-east-1"

_SET = {
    "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY_ID,
    "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_ACCESS_KEY,
}
_REMOVED = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")
_TOUCHED = (*_SET, *_REMOVED, "AWS_DEFAULT_REGION")

Saved = dict[str, str | None]


def apply_fake_credentials() -> Saved:
    """Set fake credentials (and a default region if none is set); return what to restore."""
    saved: Saved = {name: os.environ.get(name) for name in _TOUCHED}
    os.environ.update(_SET)
    for name in _REMOVED:
        os.environ.pop(name, None)
    if not os.environ.get("AWS_DEFAULT_REGION") and not os.environ.get("AWS_REGION"):
        os.environ["AWS_DEFAULT_REGION"] = DEFAULT_REGION
    return saved


def restore(saved: Saved) -> None:
    """Put back the variables :func:`apply_fake_credentials` touched, exactly as they were."""
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
