"""Resource and request ids in the service's formats.

Ids need to be distinct, not unpredictable, and one is made on every request, so they are cheap:
resource ids come from the mock's own :class:`random.Random` (not :func:`uuid.uuid4`, which asks
the operating system for entropy on every call, nor the module generator, which a test may seed
and so make the mock repeat ids); UUIDs are a random prefix chosen once per process and a
counter. Both are chosen afresh in a forked child.
"""

from __future__ import annotations

import itertools
import os
import random

_random = random.Random()
_uuid_prefix = ""
_uuid_counter = itertools.count(1)


def _reseed() -> None:
    global _uuid_prefix, _uuid_counter
    _random.seed(random.SystemRandom().getrandbits(128))
    text = random_hex()
    variant = "89ab"[int(text[16], 16) & 3]
    _uuid_prefix = f"{text[:8]}-{text[8:12]}-4{text[13:16]}-{variant}{text[17:20]}-"
    _uuid_counter = itertools.count(_random.getrandbits(44))


def random_hex() -> str:
    """32 random lowercase hex digits."""
    return f"{_random.getrandbits(128):032x}"


def new_id(prefix: str) -> str:
    """``{prefix}-`` and 32 lowercase hex digits, as the service forms ``phone-…``, ``pool-…``."""
    return f"{prefix}-{random_hex()}"


def new_uuid() -> str:
    """A version 4 UUID in its text form, as request and message ids are; never the same twice
    in a process."""
    return f"{_uuid_prefix}{next(_uuid_counter):012x}"


_reseed()
os.register_at_fork(after_in_child=_reseed)
