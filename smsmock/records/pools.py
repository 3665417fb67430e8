"""Pool records: :class:`Pool`, its table, and the lookup by id or ARN."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.registry import Call
from smsmock.state.tables import TableKey


@dataclass(kw_only=True)
class Pool(StatefulRecord):
    """A pool of origination identities; attributes are the model's ``PoolInformation``."""

    pool_arn: str
    pool_id: str
    message_type: str
    created_timestamp: datetime
    opt_out_list_name: str = "Default"
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs_enabled: bool = False
    shared_routes_enabled: bool = False
    deletion_protection_enabled: bool = False
    members: list[str] = field(default_factory=list)
    """ARNs of the pool's origination identities, in the order they joined."""
    keywords: dict[str, tuple[str, str]] = field(default_factory=dict)


POOLS: TableKey[Pool] = TableKey(
    "pool",
    key=lambda r: r.pool_id,
    id_prefix="pool",
    quota="POOLS_PER_ACCOUNT",
    arn=lambda r: r.pool_arn,
    transitions={"CREATING": "ACTIVE"},
)


def pool(call: Call, ref: str) -> Pool:
    """The pool ``ref`` (its id or ARN) names, or ``ResourceNotFoundException``."""
    return call.backend.table(POOLS).get(ref)
