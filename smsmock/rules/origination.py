"""Origination identities: what a pool holds and what a message is sent from.

:func:`resolve_origination_identity` turns a caller's reference (an id, an ARN, an E.164 number,
a sender ID) into the record it names. The kinds of identity are a small registry: each
:class:`IdentityKind` says which table holds it, which references can name it, and the traits
pools compare (country, message types, opt-out list, two-way, self-managed opt-outs).

The kinds are registered here, at import: phone numbers, RCS agents, pools and sender IDs
(another family adds its own with :func:`register_identity_kind`). A reference is tried against
the kinds in ``priority`` order (lower first); bare sender IDs, which look like almost
anything, come last.

Every record of a kind that can join pools has a ``pool_id`` attribute (``None`` when it is in no
pool); for kinds that may be in several pools (sender IDs) it names one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from smsmock.records.phone_numbers import PHONE_NUMBERS, PhoneNumber
from smsmock.records.pools import POOLS, Pool
from smsmock.records.rcs_agents import RCS_AGENTS, RcsAgent
from smsmock.records.rcs_agents import RESOURCE_TYPE as RCS_AGENT_RESOURCE_TYPE
from smsmock.records.sender_ids import SENDER_IDS, SenderId, find_sender_id
from smsmock.state.errors import ResourceNotFoundError, ValidationError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call
from smsmock.state.tables import Record, Table, TableKey

_ARN = re.compile(r"arn:[^:]+:sms-voice:[^:]*:[^:]*:(?P<type>[a-z-]+)/(?P<id>.+)")
_SENDER_ID = re.compile(r"[A-Za-z0-9_-]{1,11}(/[A-Z]{2})?")


IDENTITY_FILTERS = attribute_filters(
    "status",
    "two_way_enabled",
    "self_managed_opt_outs_enabled",
    "opt_out_list_name",
    "deletion_protection_enabled",
    "two_way_channel_arn",
)
"""The filters DescribePhoneNumbers, DescribePools and DescribeRcsAgents share."""


@dataclass(frozen=True)
class Traits:
    """What pools compare between an identity and a pool (``None``: the kind has no such
    setting, so it never mismatches; empty ``message_types``: any message type)."""

    iso_country_code: str | None
    message_types: frozenset[str]
    number_capabilities: tuple[str, ...]
    phone_number: str | None = None
    opt_out_list_name: str | None = None
    two_way_enabled: bool | None = None
    self_managed_opt_outs_enabled: bool | None = None


@dataclass(frozen=True)
class IdentityKind:
    """One kind of origination identity.

    ``recognises`` says whether a reference that is not an ARN may name this kind (an ARN names
    its kind by its resource type). ``find`` looks a reference up, given the country the caller
    named if any (default: the table's id, alias and ARN index). ``identity`` is the value
    written as ``OriginationIdentity``. ``exclusive`` kinds belong to one pool at most;
    ``poolable`` kinds can join pools at all.
    """

    resource_type: str
    table: TableKey[Any]
    record_type: type[Record]
    recognises: Callable[[str], bool]
    identity: Callable[[Any], str]
    arn: Callable[[Any], str]
    traits: Callable[[Any], Traits]
    find: Callable[[Table[Any], str, str | None], Record | None] | None = None
    exclusive: bool = True
    poolable: bool = True
    priority: int = 50


_KINDS: dict[str, IdentityKind] = {}


def register_identity_kind(kind: IdentityKind) -> None:
    """Add ``kind`` to the registry (replacing one of the same resource type)."""
    _KINDS[kind.resource_type] = kind


def origination_kinds() -> list[IdentityKind]:
    """Every registered kind, in the order references are tried."""
    return sorted(_KINDS.values(), key=lambda k: k.priority)


def named_kind(ref: str) -> str | None:
    """The resource type ``ref`` names by its form alone: an ARN's, else that of the first kind
    (in the order :func:`resolve_origination_identity` tries them) whose references look like
    it; ``None`` when none's do."""
    arn = _ARN.fullmatch(ref)
    if arn is not None:
        return arn["type"]
    return next((k.resource_type for k in origination_kinds() if k.recognises(ref)), None)


def kind_of(record: Record) -> IdentityKind:
    """The registered kind whose records ``record`` is one of."""
    for kind in origination_kinds():
        if isinstance(record, kind.record_type):
            return kind
    raise TypeError(f"{type(record).__name__} is not an origination identity")


def identity_members(record: Record) -> dict[str, str]:
    """``OriginationIdentityArn`` and ``OriginationIdentity`` of ``record``, as the answers of
    the keyword and pool membership operations write them."""
    kind = kind_of(record)
    return {
        "OriginationIdentityArn": kind.arn(record),
        "OriginationIdentity": kind.identity(record),
    }


def resolve_origination_identity(
    call: Call,
    ref: str,
    *,
    kinds: Iterable[str],
    iso_country_code: str | None = None,
) -> Any:
    """The origination identity ``ref`` names: a phone number (id, ARN or E.164 number), a sender
    ID (ARN, ``SenderId/CC``, or the bare SenderId — in ``iso_country_code`` when given, else in
    its only country), a pool (id or ARN), or any registered kind: only the resource types in
    ``kinds`` (each caller says which its operation takes).

    Raises ``ResourceNotFoundException`` with the ``ResourceType`` of the kind the reference
    looks like; ``ValidationException`` ``INVALID_ARN`` for the ARN of a kind not accepted here,
    and ``MISSING_PARAMETER`` for a bare sender ID the account has in several countries.
    """
    wanted = set(kinds)
    allowed = [k for k in origination_kinds() if k.resource_type in wanted]
    arn = _ARN.fullmatch(ref)
    if arn is not None:
        kind = next((k for k in allowed if k.resource_type == arn["type"]), None)
        if kind is None:
            raise ValidationError(
                f"{ref} is not the ARN of an origination identity accepted here.",
                "INVALID_ARN",
                [("OriginationIdentity", "Invalid origination identity ARN.")],
            )
        record = call.backend.table(kind.table).find(ref)
        if record is None:
            raise ResourceNotFoundError(kind.resource_type, ref)
        return record
    candidates = [k for k in allowed if k.recognises(ref)]
    for kind in candidates:
        record = (kind.find or _find)(call.backend.table(kind.table), ref, iso_country_code)
        if record is not None:
            return record
    named = candidates[0] if candidates else allowed[0]
    raise ResourceNotFoundError(named.resource_type, ref)


def _find(table: Table[Any], ref: str, iso_country_code: str | None) -> Record | None:
    return table.find(ref)


# -- the built-in kinds: phone numbers and sender IDs ------------------------------------------


def _phone_traits(record: PhoneNumber) -> Traits:
    return Traits(
        iso_country_code=record.iso_country_code,
        message_types=frozenset({record.message_type}),
        number_capabilities=tuple(record.number_capabilities),
        phone_number=record.phone_number,
        opt_out_list_name=record.opt_out_list_name,
        two_way_enabled=record.two_way_enabled,
        self_managed_opt_outs_enabled=record.self_managed_opt_outs_enabled,
    )


def _sender_traits(record: SenderId) -> Traits:
    # A sender ID sends text only and has no opt-out list or two-way settings of its own.
    return Traits(
        iso_country_code=record.iso_country_code,
        message_types=frozenset(record.message_types),
        number_capabilities=("SMS",),
    )


def _find_phone_number(table: Table[Any], ref: str, iso_country_code: str | None) -> Record | None:
    """An id or ARN; an E.164 number, with or without its ``+``."""
    found = table.find(ref)
    if found is None and ref.isdigit():
        found = table.find(f"+{ref}")
    return found


register_identity_kind(
    IdentityKind(
        resource_type="phone-number",
        table=PHONE_NUMBERS,
        record_type=PhoneNumber,
        recognises=lambda ref: ref.startswith("phone-") or ref.lstrip("+").isdigit(),
        find=_find_phone_number,
        identity=lambda r: r.phone_number_id,
        arn=lambda r: r.phone_number_arn,
        traits=_phone_traits,
        priority=10,
    )
)
register_identity_kind(
    IdentityKind(
        resource_type="sender-id",
        table=SENDER_IDS,
        record_type=SenderId,
        recognises=lambda ref: _SENDER_ID.fullmatch(ref) is not None,
        identity=lambda r: r.sender_id,
        arn=lambda r: r.sender_id_arn,
        traits=_sender_traits,
        find=find_sender_id,
        # CreatePool, AssociateOriginationIdentity: "A sender ID can be associated with
        # multiple pools."
        exclusive=False,
        priority=100,
    )
)


# -- pools and RCS agents ---------------------------------------------------------------------


def _pool_traits(record: Pool) -> Traits:
    return Traits(
        iso_country_code=None,
        message_types=frozenset({record.message_type}),
        number_capabilities=(),
        opt_out_list_name=record.opt_out_list_name,
        two_way_enabled=record.two_way_enabled,
        self_managed_opt_outs_enabled=record.self_managed_opt_outs_enabled,
    )


# A pool is an origination identity a message can be sent from, but it cannot join a pool.
register_identity_kind(
    IdentityKind(
        resource_type="pool",
        table=POOLS,
        record_type=Pool,
        recognises=lambda ref: ref.startswith("pool-"),
        identity=lambda r: r.pool_id,
        arn=lambda r: r.pool_arn,
        traits=_pool_traits,
        poolable=False,
        priority=20,
    )
)


def _rcs_agent_traits(agent: RcsAgent) -> Traits:
    return Traits(
        iso_country_code=None,
        message_types=frozenset(),
        number_capabilities=("RCS",),
        opt_out_list_name=agent.opt_out_list_name,
        two_way_enabled=agent.two_way_enabled,
        self_managed_opt_outs_enabled=agent.self_managed_opt_outs_enabled,
    )


register_identity_kind(
    IdentityKind(
        resource_type=RCS_AGENT_RESOURCE_TYPE,
        table=RCS_AGENTS,
        record_type=RcsAgent,
        recognises=lambda ref: ref.startswith("rcs-"),
        identity=lambda r: r.rcs_agent_id,
        arn=lambda r: r.rcs_agent_arn,
        traits=_rcs_agent_traits,
        priority=15,
    )
)
