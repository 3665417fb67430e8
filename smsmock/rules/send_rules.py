"""The rules a message must pass before it is sent: which identity sends it, whether that
identity may, and whether the destination may receive it (opt-outs, the sandbox). Used by
:func:`smsmock.rules.sending.send` for every channel and for verification codes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from smsmock.records.configuration_sets import ConfigurationSet
from smsmock.records.opt_out_lists import DEFAULT_OPT_OUT_LIST
from smsmock.records.phone_numbers import PHONE_NUMBERS
from smsmock.records.pools import Pool
from smsmock.records.rcs_agents import RCS_AGENTS, RcsAgent
from smsmock.records.sender_ids import SENDER_IDS, SenderId
from smsmock.records.verified_destinations import VERIFIED_DESTINATION_NUMBERS
from smsmock.rules import origination
from smsmock.rules.countries import country_of, e164
from smsmock.rules.opt_outs import is_opted_out
from smsmock.rules.origination import resolve_origination_identity
from smsmock.rules.origination_countries import NO_SHARED_ROUTES
from smsmock.rules.pricing import is_gsm7, sms_length
from smsmock.rules.rcs import rcs_unreachable, refuse_unreachable_country
from smsmock.state.conflicts import refuse_unless_active
from smsmock.state.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.state.registry import Call
from smsmock.state.world import Setting

KINDS = {
    # SendTextMessage: "PhoneNumber, PhoneNumberId, PhoneNumberArn, RcsAgentId, RcsAgentArn,
    # SenderId, SenderIdArn, PoolId, or PoolArn"; SendVoiceMessage: "PhoneNumber, PhoneNumberId,
    # PhoneNumberArn, PoolId, or PoolArn"; SendMediaMessage: as text without RCS agents.
    "SMS": ("phone-number", "sender-id", "pool", "rcs-agent"),
    "VOICE": ("phone-number", "pool"),
    "MMS": ("phone-number", "sender-id", "pool"),
}


def choose_origination(
    call: Call,
    channel: str,
    ref: str | None,
    destination: str,
    config_set: ConfigurationSet | None,
    *,
    rcs: bool,
) -> tuple[Any, Any, str | None]:
    """The identity the caller named (or ``None``), the record that sends (a pool's member, or
    the identity chosen for the caller) and what the recipient sees it sent from. A text tries
    RCS first: an RCS agent that reaches the destination sends it (:func:`rcs_sender`).

    ``rcs=False`` is an RCS message's SMS or MMS fallback: no RCS agent sends it. Its
    OriginationIdentity "can be a PhoneNumber, PhoneNumberId, PhoneNumberArn, SenderId, or
    SenderIdArn" (SendRcsMessage's FallbackConfiguration: an agent named there is refused
    before, by :func:`smsmock.operations.rcs_messages.check_fallback`), and through a pool "the
    service retries the message via SMS using a phone number from the same pool"
    (rcs-sms-fallback.md), never from an agent the pool paired with the destination before
    (sticky sending)."""
    kinds = KINDS[channel]
    country = str(country_of(destination))
    if ref is None:
        return _account_choice(call, channel, destination, country, config_set, rcs)
    try:
        identity = resolve_origination_identity(call, ref, iso_country_code=country, kinds=kinds)
    except ResourceNotFoundError:
        # A bare sender ID of another country: found without the country, refused below.
        identity = resolve_origination_identity(call, ref, kinds=kinds)
    if isinstance(identity, RcsAgent):
        # rcs-sms-fallback.md: "Direct (AWS RCS Agent ARN): No SMS fallback — message is
        # delivered via RCS only or not at all". Where the agent is not launched, refused as
        # SendRcsMessage refuses it.
        if rcs_unreachable(call, identity, destination, country) == "COUNTRY":
            refuse_unreachable_country(identity, country)
        return identity, identity, identity.rcs_agent_id
    if isinstance(identity, Pool):
        return _pool_origin(call, identity, channel, destination, country, rcs)
    return identity, identity, _shown(identity)


def _pool_origin(
    call: Call, pool: Pool, channel: str, destination: str, country: str, rcs: bool
) -> tuple[Any, Any, str | None]:
    """A pool's sender: its sticky identity, else an RCS agent that reaches the destination,
    else the member :func:`_pool_member` chooses, else the service's shared routes."""
    refuse_unless_active(pool, "pool", pool.pool_id)
    members = [
        m
        for m in map(call.backend.by_arn.get, pool.members)
        if m and (rcs or not isinstance(m, RcsAgent))
    ]
    agent = _first_choice(call, pool, channel, members, destination, country, rcs)
    if agent is not None:
        return pool, agent, _shown(agent)
    sender = _pool_member(members, channel, country)
    if sender is None and pool.shared_routes_enabled and on_shared_route(channel, country):
        # Shared routes: the service sends from its own identities where the pool has none
        # that can.
        return pool, None, None
    if sender is None and members:
        sender = members[0]  # its own checks say why it cannot send
    if sender is None:
        raise ConflictError(
            f"The pool {pool.pool_id} has no origination identity.",
            "NO_ORIGINATION_IDENTITIES_FOUND",
            "pool",
            pool.pool_id,
        )
    return pool, sender, _shown(sender)


def _account_choice(
    call: Call,
    channel: str,
    destination: str,
    country: str,
    config_set: ConfigurationSet | None,
    rcs: bool,
) -> tuple[Any, Any, str | None]:
    """No identity named (SendTextMessage only): one of the account's that can reach the
    destination, else the configuration set's default sender ID ("will be used if no dedicated
    origination phone numbers or registered SenderIds are available in your account"), else a
    shared route where the country has them (:func:`on_shared_route`)."""
    agents = list(call.backend.table(RCS_AGENTS))
    agent = _first_choice(call, None, channel, agents, destination, country, rcs)
    if agent is not None:
        return None, agent, _shown(agent)
    chosen = _account_identity(call, channel, country)
    if chosen is not None:
        return None, chosen, _shown(chosen)
    if config_set is not None and config_set.default_sender_id:
        return None, None, config_set.default_sender_id
    if on_shared_route(channel, country):
        return None, None, None
    raise ConflictError(
        f"No origination identity of this account can send {channel} messages to "
        f"{country}; give OriginationIdentity.",
        "NO_ORIGINATION_IDENTITIES_FOUND",
    )


def _first_choice(
    call: Call,
    pool: Pool | None,
    channel: str,
    candidates: list[Any],
    destination: str,
    country: str,
    rcs: bool,
) -> Any:
    """The sticky identity (:func:`sticky_identity`), else an RCS agent of ``candidates`` that
    reaches the destination; never an RCS agent unless ``rcs``."""
    chosen = sticky_identity(call, pool, channel, destination)
    if chosen is None and rcs:
        chosen = rcs_sender(call, channel, candidates, destination, country)
    return None if isinstance(chosen, RcsAgent) and not rcs else chosen


def rcs_sender(
    call: Call, channel: str, candidates: list[Any], destination: str, country: str
) -> RcsAgent | None:
    """For a text, the first active RCS agent of ``candidates`` (a pool's members, or the
    account's agents) whose RCS reaches ``destination``. rcs-sms-fallback.md: "When you send a
    message to the pool, AWS End User Messaging attempts RCS delivery first. If RCS delivery
    fails, the service retries the message via SMS using a phone number from the same pool", and
    for account-level sending "the service considers all identities in your account"."""
    if channel != "SMS":
        return None
    for candidate in candidates:
        if (
            isinstance(candidate, RcsAgent)
            and not candidate.deleted
            and rcs_unreachable(call, candidate, destination, country) is None
        ):
            return candidate
    return None


STICKY_FOR = timedelta(hours=25)
STICKY_IDENTITIES: Setting[dict[str, dict[str, tuple[str, datetime]]]] = Setting(
    "sticky_identities", dict
)
"""Pool id (``""`` for the account) → destination → (the ARN of the identity that last delivered
to it, when)."""


def sticky_identity(call: Call, pool: Pool | None, channel: str, destination: str) -> Any:
    """The identity that delivered the last text to ``destination`` from this pool (or the
    account) in the last 25 hours, if it is still there and can send. rcs-sms-fallback.md,
    *Sticky sending*: "the service remembers that pairing for 25 hours. Subsequent messages to
    the same destination within the 25-hour window are routed through the same origination
    identity, provided it is still available in the pool or account." (Its periodic retries of
    RCS are not modelled.)"""
    if channel != "SMS":
        return None
    scope = pool.pool_id if pool is not None else ""
    found = STICKY_IDENTITIES.of(call.backend).get(scope, {}).get(e164(destination))
    if found is None or call.now - found[1] >= STICKY_FOR:
        return None
    arn = found[0]
    candidate = call.backend.by_arn.get(arn)
    if candidate is None or (pool is not None and arn not in pool.members):
        return None
    country = str(country_of(destination))
    if isinstance(candidate, RcsAgent):
        reaches = rcs_unreachable(call, candidate, destination, country) is None
        return candidate if reaches and not candidate.deleted else None
    return candidate if _can_send(candidate, channel, country) else None


def remember_sticky(call: Call, identity: Any, sender: Any, destination: str) -> None:
    """Pair ``destination`` with the identity that delivered a text to it, for a pool or for the
    account (an identity named directly is not chosen, so not paired)."""
    if sender is None or not (identity is None or isinstance(identity, Pool)):
        return
    scope = identity.pool_id if isinstance(identity, Pool) else ""
    pairs = STICKY_IDENTITIES.of(call.backend).setdefault(scope, {})
    pairs[e164(destination)] = (origination.kind_of(sender).arn(sender), call.now)


def on_shared_route(channel: str, country: str) -> bool:
    """Whether an SMS to ``country`` may go out on AWS's shared identities when the sender has no
    dedicated one there. User Guide, *Choosing an origination identity*: "If you send messages
    to recipients in a particular country, but you don't have a dedicated origination identity
    in that country, we make an effort to deliver your message using one of these shared
    identities. Shared identities are unavailable in some countries, including the United States
    and China" (:data:`~smsmock.rules.origination_countries.NO_SHARED_ROUTES`)."""
    return channel == "SMS" and country not in NO_SHARED_ROUTES


def _shown(record: Any) -> str:
    """What the recipient sees a message come from: the E.164 number or the sender ID."""
    traits = origination.kind_of(record).traits(record)
    if traits.phone_number:
        return traits.phone_number
    return str(origination.kind_of(record).identity(record))


def _can_send(record: Any, channel: str, country: str) -> bool:
    traits = origination.kind_of(record).traits(record)
    if getattr(record, "status", "ACTIVE") != "ACTIVE":
        return False
    if channel not in traits.number_capabilities:
        return False
    return traits.iso_country_code in (None, country) or bool(
        getattr(record, "international_sending_enabled", False)
    )


SENDING_PRIORITY = {"SHORT_CODE": 1, "TEN_DLC": 2, "LONG_CODE": 3, "TOLL_FREE": 4, "SIMULATOR": 5}
"""The order in which a pool's (or the account's) identities are chosen. User Guide, *RCS to SMS
fallback using phone pools* (rcs-sms-fallback.md), "Fallback logic and priority order": an RCS
agent, then an SMS short code, 10DLC, toll-free number, sender ID. The page names no place for
other long codes and simulator numbers: smsmock puts long codes with 10DLC (both long codes) and
simulator numbers after toll-free numbers. A sticky identity (the page's first rule) comes before
them all: :func:`sticky_identity`."""


def sending_priority(record: Any) -> int:
    """Where ``record`` comes in :data:`SENDING_PRIORITY`: RCS agents 0, sender IDs last."""
    if isinstance(record, RcsAgent):
        return 0
    if isinstance(record, SenderId):
        return len(SENDING_PRIORITY) + 1
    return SENDING_PRIORITY.get(getattr(record, "number_type", ""), len(SENDING_PRIORITY))


def _pool_member(members: list[Any], channel: str, country: str) -> Any:
    """The pool member that sends: of those in the destination's country that can (else those
    that can send internationally), the first in :func:`sending_priority`; else ``None``."""
    usable = [m for m in members if _can_send(m, channel, country)]
    local = [m for m in usable if origination.kind_of(m).traits(m).iso_country_code == country]
    chosen = sorted(local or usable, key=sending_priority)
    return chosen[0] if chosen else None


def _account_identity(call: Call, channel: str, country: str) -> Any:
    """An identity of the account that can send ``channel`` to ``country``: a phone number of the
    country, a registered sender ID of the country, then any number that sends abroad."""
    numbers = call.backend.table(PHONE_NUMBERS)
    local = sorted(
        (n for n in numbers if n.iso_country_code == country and _can_send(n, channel, country)),
        key=sending_priority,
    )
    if local:
        return local[0]
    if channel == "SMS":
        sender_id = call.backend.table(SENDER_IDS).first(
            lambda s: s.iso_country_code == country and s.registered
        )
        if sender_id is not None:
            return sender_id
    return numbers.first(lambda n: _can_send(n, channel, country))


def check_sender(channel: str, sender: Any, country: str, message_type: str | None) -> str | None:
    """The sender must be active, have the channel's capability, reach the destination's country
    and send the message type; returns the message type (the sender's when none was asked)."""
    kind = origination.kind_of(sender)
    traits = kind.traits(sender)
    resource_id = kind.identity(sender)
    refuse_unless_active(sender, kind.resource_type, resource_id)
    if channel not in traits.number_capabilities:
        if channel == "VOICE":
            raise ValidationError(
                f"The origination identity {resource_id} cannot send voice messages.",
                "VOICE_CAPABILITY_NOT_AVAILABLE",
                [("OriginationIdentity", "The identity has no VOICE capability.")],
            )
        raise ConflictError(
            f"The origination identity {resource_id} cannot send {channel} messages.",
            "NUMBER_CAPABILITIES_MISMATCH",
            kind.resource_type,
            resource_id,
        )
    if traits.iso_country_code not in (None, country) and not getattr(
        sender, "international_sending_enabled", False
    ):
        raise ValidationError(
            f"The origination identity {resource_id} of {traits.iso_country_code} cannot send "
            f"to {country}.",
            "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
            [("DestinationPhoneNumber", "The origination identity cannot reach this country.")],
        )
    if message_type is None:
        return next(iter(sorted(traits.message_types)), None) if traits.message_types else None
    if traits.message_types and message_type not in traits.message_types:
        raise ConflictError(
            f"The origination identity {resource_id} sends "
            f"{'/'.join(sorted(traits.message_types))} messages, not {message_type}.",
            "MESSAGE_TYPE_MISMATCH",
            kind.resource_type,
            resource_id,
        )
    return message_type


def check_opt_out(call: Call, identity: Any, destination: str) -> None:
    """A destination on the identity's opt-out list is refused. One dict lookup, however long the
    list. Sender IDs, and sends without an identity, use the account's ``Default`` list.

    Self-managed opt-outs do not lift the list. User Guide, *Opt-out lists* (opt-out-list.md):
    "If a phone number is in the opt-out list then the message is not sent" and "the phone number
    has to be removed from the opt-out list for it start receiving messages again"; *Add a
    destination phone number to an opt-out list*: the number "will no longer receive messages
    sent from an origination identity that is linked to the opt-out list". *Self managed
    opt-outs* lists what the setting changes, all of it about incoming HELP and STOP (no
    automatic reply, no automatic opt-out, the words routed to the two-way destination), and
    leaves "tracking and honoring opt-out requests" to the sender, which PutOptedOutNumber is
    for."""
    list_name = DEFAULT_OPT_OUT_LIST
    if identity is not None:
        traits = origination.kind_of(identity).traits(identity)
        list_name = traits.opt_out_list_name or DEFAULT_OPT_OUT_LIST
    if is_opted_out(call, list_name, destination):
        raise ConflictError(
            f"The destination phone number {destination} is opted out of the opt-out list "
            f"{list_name}.",
            "DESTINATION_PHONE_NUMBER_OPTED_OUT",
            "opted-out-number",
            destination,
        )


def check_verified(call: Call, destination: str) -> None:

    if not is_verified(call, destination):
        raise ConflictError(
            f"The account is in the sandbox and {destination} is not a verified destination "
            "phone number.",
            "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
            "verified-destination-number",
            destination,
        )


def is_verified(call: Call, number: str) -> bool:
    """Whether ``number`` is a ``VERIFIED`` destination of the account here (one lookup)."""
    found = call.backend.table(VERIFIED_DESTINATION_NUMBERS).find(e164(number))
    return found is not None and found.status == "VERIFIED"


MAXIMUM_SMS_LENGTH = {True: 1530, False: 630}
"""The longest SMS body, GSM-7 (``True``) or not. User Guide, *SMS character limits*
(sms-limitations-character.md): "The maximum supported size of any message is 1530 GSM characters
or 630 non-GSM characters."""


def check_message_size(channel: str, body: str | None) -> None:
    """An SMS longer than :data:`MAXIMUM_SMS_LENGTH` is refused. The page: "If the message size is
    greater than the supported size, the message will fail and AWS End User Messaging SMS will
    return an Invalid Message Exception": an answer to the request, so a refusal, with the
    model's reason for it, ``ValidationException`` ``MAXIMUM_SIZE_EXCEEDED``."""
    if channel != "SMS" or body is None:
        return
    gsm = is_gsm7(body)
    length, maximum = sms_length(body), MAXIMUM_SMS_LENGTH[gsm]
    if length > maximum:
        kind = "GSM" if gsm else "non-GSM"
        raise ValidationError(
            f"The message is {length} {kind} characters long; at most {maximum} are supported.",
            "MAXIMUM_SIZE_EXCEEDED",
            [("MessageBody", f"At most {maximum} {kind} characters.")],
        )
