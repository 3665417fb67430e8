"""A request's body, read within a limit: by ``Content-Length`` or chunked. A malformed or
oversized body is :class:`Refused` with the status to answer (``400``, ``413``), never read
past the limit; the handler answers and closes the connection."""

from __future__ import annotations

import re
from email.message import Message
from io import BufferedIOBase

DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
"""The largest request body read (``--max-body-bytes``). The largest request the model allows is
a ``CreateRegistrationAttachment`` with its 6,990,508-byte ``AttachmentBody``, 9.3 MB as the
base64 of JSON: 64 MiB leaves room for that and for large state files sent to
``POST /_smsmock/state``, and bounds what one request can make the server hold."""
_MAX_LINE = 8192
"""The longest chunk-size or trailer line read."""
_MAX_TRAILERS = 100
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")
_DIGITS = re.compile(r"[0-9]{1,19}")


class Refused(Exception):
    """A request the HTTP layer answers itself, before reading (all of) its body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def declared_length(headers: Message, limit: int) -> int | None:
    """The ``Content-Length`` (``None`` without one or when the body is chunked);
    :class:`Refused` when it is not one number, or over ``limit``."""
    if _chunked(headers):
        return None
    declared = set(headers.get_all("Content-Length") or [])
    if not declared:
        return None
    text = declared.pop().strip()
    if declared or not _DIGITS.fullmatch(text):
        raise Refused(400, f"Content-Length must be one decimal number of bytes, not {text!r}.")
    if int(text) > limit:
        raise Refused(413, _too_large(f"declares {int(text)} bytes", limit))
    return int(text)


def read_body(headers: Message, stream: BufferedIOBase, limit: int) -> bytes:
    """The body that follows ``headers`` on ``stream``, at most ``limit`` bytes."""
    length = declared_length(headers, limit)
    if _chunked(headers):
        return _read_chunks(stream, limit)
    if not length:
        return b""
    body = stream.read(length)
    if len(body) < length:
        raise Refused(400, f"The body ended after {len(body)} of {length} bytes.")
    return body


def _read_chunks(stream: BufferedIOBase, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        size = _chunk_size(stream.readline(_MAX_LINE + 1))
        if size == 0:
            break
        total += size
        if total > limit:
            raise Refused(413, _too_large(f"sends chunks of over {total} bytes", limit))
        chunk = stream.read(size)
        if len(chunk) < size or stream.readline(_MAX_LINE + 1) not in (b"\r\n", b"\n"):
            raise Refused(400, "A chunk of the body is shorter than its size says.")
        chunks.append(chunk)
    for _ in range(_MAX_TRAILERS):
        if stream.readline(_MAX_LINE + 1) in (b"\r\n", b"\n", b""):
            return b"".join(chunks)
    raise Refused(400, f"The body has more than {_MAX_TRAILERS} trailer lines.")


def _chunk_size(line: bytes) -> int:
    """The size a chunk-size line gives; :class:`Refused` for one that is not hex digits."""
    text = line.split(b";", 1)[0].strip()
    if not line.endswith(b"\n") or not _CHUNK_SIZE.fullmatch(text):
        shown = line[:40].decode("latin-1").strip()
        raise Refused(400, f"A chunk size must be hexadecimal digits, not {shown!r}.")
    return int(text, 16)


def _chunked(headers: Message) -> bool:
    return (headers.get("Transfer-Encoding") or "").lower() == "chunked"


def _too_large(what: str, limit: int) -> str:
    return (
        f"The request {what}; this server reads at most {limit} (smsmock server --max-body-bytes)."
    )
