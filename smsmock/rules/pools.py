"""Pool membership: which identities can join a pool, joining and leaving (CreatePool,
AssociateOriginationIdentity, RequestPhoneNumber's ``PoolId``)."""

from __future__ import annotations

from typing import Any

from smsmock.records.pools import POOLS, Pool
from smsmock.rules import origination
from smsmock.rules.keywords import keywords_of
from smsmock.state.errors import ConflictError
from smsmock.state.registry import Call


def poolable_kinds() -> list[str]:
    """The resource types of the identities that can join a pool."""
    return [k.resource_type for k in origination.origination_kinds() if k.poolable]


def join_pool(call: Call, target: Pool, identity: Any) -> None:
    """Add ``identity`` (a phone number, sender ID …) to ``target``, or raise the
    ``ConflictException`` (or quota error) AWS answers when it cannot join."""
    kind = origination.kind_of(identity)
    arn = kind.arn(identity)
    if arn in target.members or (kind.exclusive and identity.pool_id is not None):
        raise ConflictError(
            f"The origination identity {kind.identity(identity)} is already associated with "
            f"the pool {identity.pool_id or target.pool_id}.",
            "RESOURCE_ALREADY_ASSOCIATED",
            kind.resource_type,
            kind.identity(identity),
        )
    _check_compatible(target, kind, identity)
    call.backend.check_quota("ORIGINATION_IDENTITIES_PER_POOL", len(target.members))
    target.members.append(arn)
    if identity.pool_id is None:
        identity.pool_id = target.pool_id


def leave_pool(call: Call, source: Pool, identity: Any) -> None:
    """Take ``identity`` out of ``source``; a sender ID still in other pools names one of them."""
    kind = origination.kind_of(identity)
    arn = kind.arn(identity)
    if arn in source.members:
        source.members.remove(arn)
    if identity.pool_id == source.pool_id:
        other = call.backend.table(POOLS).first(lambda p: arn in p.members)
        identity.pool_id = other.pool_id if other is not None else None


def _check_compatible(target: Pool, kind: origination.IdentityKind, identity: Any) -> None:
    """The pool's settings and the identity's must agree (AssociateOriginationIdentity: "If the
    origination identity configuration doesn't match the pool's configuration, an error is
    returned"); a setting the kind does not have never mismatches."""
    traits = kind.traits(identity)
    problems = [
        (
            # CreatePool: the pool's configuration "includes keywords"; an identity that has
            # keywords (a phone number; sender IDs and RCS agents have none) must have the same.
            hasattr(identity, "keywords") and _keywords(identity) != _keywords(target),
            "KEYWORD_MISMATCH",
            "keywords",
        ),
        (
            bool(traits.message_types) and target.message_type not in traits.message_types,
            "MESSAGE_TYPE_MISMATCH",
            f"message type {target.message_type}",
        ),
        (
            traits.opt_out_list_name is not None
            and traits.opt_out_list_name != target.opt_out_list_name,
            "OPT_OUT_LIST_MISMATCH",
            f"opt-out list {target.opt_out_list_name}",
        ),
        (
            traits.two_way_enabled is not None and traits.two_way_enabled != target.two_way_enabled,
            "TWO_WAY_CONFIG_MISMATCH",
            "two-way configuration",
        ),
        (
            traits.self_managed_opt_outs_enabled is not None
            and traits.self_managed_opt_outs_enabled != target.self_managed_opt_outs_enabled,
            "SELF_MANAGED_OPT_OUTS_MISMATCH",
            "self-managed opt-outs setting",
        ),
    ]
    for mismatched, reason, what in problems:
        if mismatched:
            raise ConflictError(
                f"The origination identity {kind.identity(identity)} does not match the "
                f"pool's {what}.",
                reason,
                kind.resource_type,
                kind.identity(identity),
            )


def _keywords(record: Any) -> dict[str, tuple[str, str]]:
    """The record's keywords (the mandatory ones among them), keyed case-insensitively
    ("Keywords are case insensitive")."""
    return {name.casefold(): value for name, value in keywords_of(record).items()}
