"""The rules a message must pass before it is sent: which identity sends it, whether that
identity may, and whether the destination may receive it (opt-outs, the sandbox). Used by
:func:`smsmock.rules.sending.send` for every channel and for verification codes.
"""

from __future__ import annotations

from typing import Any

from smsmock.records.configuration_sets import ConfigurationSet
from smsmock.records.opt_out_lists import DEFAULT_OPT_OUT_LIST
from smsmock.records.phone_numbers import PHONE_NUMBERS
from smsmock.records.pools import Pool
from smsmock.records.sender_ids import SENDER_IDS
from smsmock.records.verified_destinations import VERIFIED_DESTINATION_NUMBERS
from smsmock.rules import origination
from smsmock.rules.countries import e164
from smsmock.rules.opt_outs import is_opted_out
from smsmock.rules.origination import resolve_origination_identity
from smsmock.state.conflicts import refuse_unless_active
from smsmock.state.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.state.registry import Call

KINDS = {
    # SendTextMessage: "PhoneNumber, PhoneNumberId, PhoneNumberArn, SenderId, SenderIdArn,
    # PoolId, or PoolArn"; SendVoiceMessage: "PhoneNumber, PhoneNumberId, PhoneNumberArn, PoolId,
    # or PoolArn"; SendMediaMessage: as text.
    "SMS": ("phone-number", "sender-id", "pool"),
    "VOICE": ("phone-number", "pool"),
    "MMS": ("phone-number", "sender-id", "pool"),
}


def choose_origination(
    call: Call,
    channel: str,
    ref: str | None,
    country: str,
    config_set: ConfigurationSet | None,
) -> tuple[Any, Any, str | None]:
    """The identity the caller named (or ``None``), the record that sends (a pool's member, or
    the identity chosen for the caller) and what the recipient sees it sent from."""
    kinds = KINDS[channel]
    if ref is not None:
        try:
            identity = resolve_origination_identity(
                call, ref, iso_country_code=country, kinds=kinds
            )
        except ResourceNotFoundError:
            # A bare sender ID of another country: found without the country, refused below.
            identity = resolve_origination_identity(call, ref, kinds=kinds)
        if isinstance(identity, Pool):
            refuse_unless_active(identity, "pool", identity.pool_id)
            members = [m for m in map(call.backend.by_arn.get, identity.members) if m]
            sender = _pool_member(members, channel, country)
            if sender is None and identity.shared_routes_enabled and channel == "SMS":
                # Shared routes: the service sends from its own identities where the pool has
                # none that can.
                return identity, None, None
            if sender is None and members:
                sender = members[0]  # its own checks say why it cannot send
            if sender is None:
                raise ConflictError(
                    f"The pool {identity.pool_id} has no origination identity.",
                    "NO_ORIGINATION_IDENTITIES_FOUND",
                    "pool",
                    identity.pool_id,
                )
            return identity, sender, _shown(sender)
        return identity, identity, _shown(identity)
    # No identity named (SendTextMessage only): one of the account's that can reach the
    # destination, else the configuration set's default sender ID ("will be used if no dedicated
    # origination phone numbers or registered SenderIds are available in your account").
    chosen = _account_identity(call, channel, country)
    if chosen is not None:
        return None, chosen, _shown(chosen)
    if config_set is not None and config_set.default_sender_id:
        return None, None, config_set.default_sender_id
    raise ConflictError(
        f"No origination identity of this account can send {channel} messages to "
        f"{country}; give OriginationIdentity.",
        "NO_ORIGINATION_IDENTITIES_FOUND",
    )


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


def _pool_member(members: list[Any], channel: str, country: str) -> Any:
    """The pool member that sends: the first in the destination's country that can, else the
    first that can send internationally, else ``None``."""
    usable = [m for m in members if _can_send(m, channel, country)]
    local = [m for m in usable if origination.kind_of(m).traits(m).iso_country_code == country]
    chosen = local or usable
    return chosen[0] if chosen else None


def _account_identity(call: Call, channel: str, country: str) -> Any:
    """An identity of the account that can send ``channel`` to ``country``: a phone number of the
    country, a registered sender ID of the country, then any number that sends abroad."""
    numbers = call.backend.table(PHONE_NUMBERS)
    local = numbers.first(
        lambda n: n.iso_country_code == country and _can_send(n, channel, country)
    )
    if local is not None:
        return local
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
    """A destination on the identity's opt-out list is refused, unless the identity manages
    opt-outs itself. One dict lookup, however long the list. Sender IDs, and sends without an
    identity, use the account's ``Default`` list."""
    list_name = DEFAULT_OPT_OUT_LIST
    if identity is not None:
        traits = origination.kind_of(identity).traits(identity)
        if traits.self_managed_opt_outs_enabled:
            return
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
