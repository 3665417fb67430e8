"""HTTP headers as both faces of a request carry them: botocore's, the server's."""

from __future__ import annotations

from collections.abc import Mapping


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A header's value whatever the case of its name."""
    value = headers.get(name)
    if value is None:
        lower = name.lower()
        for key, val in headers.items():
            if key.lower() == lower:
                value = val
                break
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value
