"""Opt-outs across families: whether a number is opted out of a list, and putting it there (an end
user's STOP, PutOptedOutNumber)."""

from __future__ import annotations

from smsmock.records.opt_out_lists import (
    OptedOutNumber,
    opt_out_list,
    opt_out_lists,
)
from smsmock.rules.countries import e164
from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call, Params


def is_opted_out(call: Call, list_name: str, number: str) -> bool:
    """Whether ``number`` (E.164, the ``+`` optional) is on the list ``list_name`` (a name or
    ARN; an unknown list holds nobody)."""
    found = opt_out_lists(call.backend, call.now).find(list_name)
    return found is not None and e164(number) in found.numbers


def check_self_managed_needs_two_way(params: Params, two_way_enabled: bool) -> None:
    """UpdatePhoneNumber and UpdatePool: enabling ``SelfManagedOptOutsEnabled`` needs two-way
    messaging, asked in the same request or already on. User Guide, *Self managed opt-outs*
    (opt-out-list-self-managed.md): "To enable self-managed opt-outs for a pool or phone number,
    you must first enable two-way SMS messaging." The page does not say how it fails: the closest
    modeled reason is ``ValidationException`` ``TWO_WAY_NOT_ENABLED``."""
    if params.get("SelfManagedOptOutsEnabled") and not params.get("TwoWayEnabled", two_way_enabled):
        raise ValidationError(
            "Two-way messaging must be enabled before self-managed opt-outs.",
            "TWO_WAY_NOT_ENABLED",
            [("SelfManagedOptOutsEnabled", "Enable two-way messaging (TwoWayEnabled) first.")],
        )


def record_opt_out(
    call: Call, list_name: str, number: str, *, end_user: bool = True
) -> OptedOutNumber:
    """Put ``number`` on the list, as an end user's STOP does (``EndUserOptedOut`` true) or as
    PutOptedOutNumber does (false). A number already there keeps its entry."""
    found = opt_out_list(call, list_name)
    key = e164(number)
    entry = found.numbers.get(key)
    if entry is None:
        entry = found.numbers[key] = OptedOutNumber(
            opted_out_number=key,
            opted_out_timestamp=call.now,
            end_user_opted_out=end_user,
            seq=call.backend.world.next_seq(),
        )
    elif end_user and not entry.end_user_opted_out:
        # The end user's own STOP is the stronger fact: it is what the 30-day rule protects.
        entry.end_user_opted_out = True
        entry.opted_out_timestamp = call.now
    return entry
