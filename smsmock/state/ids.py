"""Resource ids in the service's formats."""

from __future__ import annotations

import uuid


def new_id(prefix: str) -> str:
    """``{prefix}-`` and 32 lowercase hex digits, as the service forms ``phone-…``, ``pool-…``."""
    return f"{prefix}-{uuid.uuid4().hex}"
