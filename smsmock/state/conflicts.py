"""``ConflictException`` checks that several families share: deletion protection, membership of
a pool, a record that is not ``ACTIVE`` yet."""

from __future__ import annotations

from typing import Any

from smsmock.state.errors import ConflictError


def _noun(resource_type: str) -> str:
    return resource_type.replace("-", " ")


def refuse_if_deletion_protected(record: Any, resource_type: str, resource_id: str) -> None:
    """``DELETION_PROTECTION_ENABLED`` when ``record.deletion_protection_enabled`` is on (every
    Delete/Release operation of a protectable resource: "If deletion protection is enabled, an
    error is returned")."""
    if record.deletion_protection_enabled:
        raise ConflictError(
            f"The {_noun(resource_type)} {resource_id} has deletion protection enabled.",
            "DELETION_PROTECTION_ENABLED",
            resource_type,
            resource_id,
        )


def refuse_if_in_pool(record: Any, resource_type: str, resource_id: str, reason: str) -> None:
    """``reason`` (``PHONE_NUMBER_ASSOCIATED_TO_POOL`` …) when the origination identity is a
    member of a pool: its pool's settings govern it, and it cannot be released while a member."""
    if record.pool_id is not None:
        raise ConflictError(
            f"The {_noun(resource_type)} {resource_id} is associated with the pool "
            f"{record.pool_id}.",
            reason,
            resource_type,
            resource_id,
        )


def refuse_unless_active(record: Any, resource_type: str, resource_id: str) -> None:
    """``RESOURCE_NOT_ACTIVE`` unless ``record.status`` is ``ACTIVE`` (a record without a
    lifecycle, such as a sender ID, is always active)."""
    status = getattr(record, "status", "ACTIVE")
    if status != "ACTIVE":
        raise ConflictError(
            f"The {_noun(resource_type)} {resource_id} is {status}, not ACTIVE.",
            "RESOURCE_NOT_ACTIVE",
            resource_type,
            resource_id,
        )
