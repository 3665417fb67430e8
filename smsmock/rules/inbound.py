"""Inbound simulation: an end user's message arriving at one of the account's phone numbers
(``sms.receive(...)``), with what the service does about it.

- An opt-out word (``STOP`` and the required opt-out words, or any keyword whose action is
  ``OPT_OUT``) puts the sender on the number's opt-out list with ``EndUserOptedOut`` true and
  answers with the keyword's message; an ``OPT_IN`` keyword takes the sender off the list and
  answers; ``HELP`` and other ``AUTOMATIC_RESPONSE`` keywords answer. Answers are recorded as
  sent messages (``operation`` ``KeywordResponse``), priced like any text message.
- With self-managed opt-outs the service leaves ``HELP`` and opt-outs to the account
  (UpdatePhoneNumber: "When set to true you're responsible for responding to HELP and STOP
  requests. You're also responsible for tracking and honoring opt-out requests"): no list change,
  no answer; custom keywords still answer.
- A number in a pool answers with the pool's keywords and opt-out list (the pool's settings are
  the members').
- Every inbound message is recorded (``sms.inbound_messages``); ``two_way_channel_arn`` says the
  two-way channel it was delivered to, ``None`` when two-way is off. ``payload`` is the two-way
  JSON AWS publishes (:func:`smsmock.rules.events.payloads.inbound_payload`); with two-way on it is
  delivered to the channel (:func:`smsmock.rules.delivery.deliver_inbound`, result in ``delivery``),
  and the handle's ``on_inbound`` callbacks get the message either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from smsmock.records.deliveries import Delivery
from smsmock.records.messages import SENT_MESSAGES, SentMessage
from smsmock.records.opt_out_lists import opt_out_list
from smsmock.records.phone_numbers import PHONE_NUMBERS, PhoneNumber
from smsmock.records.pools import POOLS
from smsmock.rules import pricing
from smsmock.rules.countries import country_of, e164
from smsmock.rules.delivery import deliver_inbound
from smsmock.rules.events import timeline
from smsmock.rules.events.payloads import inbound_payload
from smsmock.rules.keywords import keyword_action
from smsmock.rules.opt_outs import record_opt_out
from smsmock.rules.sent_messages import record_message
from smsmock.state.ids import new_uuid
from smsmock.state.registry import Call
from smsmock.state.world import Journal, World


@dataclass(frozen=True)
class InboundMessage:
    """A message an end user sent to one of our numbers (read-only)."""

    message_id: str
    account_id: str
    region: str
    origination_phone_number: str
    """The end user's number."""
    destination_phone_number: str
    """Our number it was sent to."""
    message_body: str
    timestamp: datetime
    keyword: str | None = None
    """The keyword it matched (as configured, e.g. ``STOP``), if any."""
    action: str | None = None
    """``OPT_OUT``, ``OPT_IN`` or ``AUTOMATIC_RESPONSE`` when a keyword matched."""
    two_way_channel_arn: str | None = None
    reply: SentMessage | None = None
    """The automatic answer the service sent, if any."""
    payload: dict[str, Any] = field(default_factory=dict)
    """The two-way JSON AWS publishes to the two-way channel."""
    delivery: Delivery | None = None
    """What became of the payload at the two-way channel; ``None`` when two-way is off."""


INBOUND_MESSAGES: Journal[InboundMessage] = Journal("inbound_messages")
"""What end users sent to the accounts' numbers, in order."""


def receive(
    world: World,
    from_number: str,
    to_number: str,
    message_body: str,
    *,
    account_id: str | None = None,
    region: str | None = None,
) -> InboundMessage:
    """Deliver ``message_body`` from the end user ``from_number`` to our number ``to_number``
    (E.164, id or ARN) and apply what the service does. Without ``account_id`` and ``region``
    the number is looked for in every account and region.

    Raises ``LookupError`` when no account has that number.
    """
    with world.lock:
        number, call = _find_number(world, to_number, account_id, region)
        pool = call.backend.table(POOLS).find(number.pool_id) if number.pool_id else None
        settings: Any = pool if pool is not None else number
        timeline.settle(world)
        sender = e164(from_number)
        previous = _last_sent(world, call, number.phone_number, sender)
        matched = keyword_action(settings, message_body, number.iso_country_code)
        keyword, action, reply = None, None, None
        if matched is not None:
            keyword, text, action = matched
            reply = _apply(call, number, settings, sender, keyword, text, action)
        message_id = new_uuid()
        payload = inbound_payload(
            origination_number=sender,
            destination_number=number.phone_number,
            message_keyword=keyword,
            message_body=message_body,
            inbound_message_id=message_id,
            previous_published_message_id=previous,
        )
        channel = settings.two_way_channel_arn if settings.two_way_enabled else None
        inbound = InboundMessage(
            message_id=message_id,
            account_id=call.account_id,
            region=call.region,
            origination_phone_number=sender,
            destination_phone_number=number.phone_number,
            message_body=message_body,
            timestamp=call.now,
            keyword=keyword,
            action=action,
            two_way_channel_arn=channel,
            reply=reply,
            payload=payload,
            delivery=(
                deliver_inbound(channel, payload, account_id=call.account_id, region=call.region)
                if channel
                else None
            ),
        )
        INBOUND_MESSAGES.of(world).append(inbound)
        timeline.notify(world, "inbound", inbound)
        return inbound


def _last_sent(world: World, call: Call, our_number: str, end_user: str) -> str | None:
    """The id of the last message our number sent the end user (``previousPublishedMessageId``:
    "the message that the customer is responding to"), if any."""
    for message in reversed(SENT_MESSAGES.of(world)):
        if (
            message.destination_phone_number == end_user
            and message.origination_identity == our_number
            and message.account_id == call.account_id
            and message.region == call.region
            and not message.dry_run
        ):
            return str(message.message_id)
    return None


def _find_number(
    world: World, ref: str, account_id: str | None, region: str | None
) -> tuple[PhoneNumber, Call]:
    now = datetime.now(timezone.utc)
    if account_id is not None or region is not None:
        backends = [world.backend(account_id, region)]
    else:
        backends = world.backends()
    for backend in backends:
        found = backend.table(PHONE_NUMBERS).find(ref) or backend.table(PHONE_NUMBERS).find(
            e164(ref)
        )
        if found is not None:
            return found, Call("InboundMessage", backend, new_uuid(), now)
    places = ", ".join(f"{b.region} (account {b.account_id})" for b in backends)
    raise LookupError(f"No account has the phone number {ref}; searched {places or 'no region'}.")


def _apply(
    call: Call,
    number: PhoneNumber,
    settings: Any,
    sender: str,
    keyword: str,
    text: str,
    action: str,
) -> SentMessage | None:
    """Do what the keyword's action does; the answer sent, if any."""
    self_managed = bool(settings.self_managed_opt_outs_enabled)
    if action == "OPT_OUT":
        if self_managed:
            return None
        record_opt_out(call, settings.opt_out_list_name, sender, end_user=True)
    elif action == "OPT_IN":
        found = opt_out_list(call, settings.opt_out_list_name)
        if found.numbers.pop(sender, None) is not None:
            found.opted_in[sender] = call.now
    elif keyword.upper() == "HELP" and self_managed:
        return None
    parts = pricing.segments(text)
    return record_message(
        call,
        channel="SMS",
        destination_phone_number=sender,
        origination_identity=number.phone_number,
        message_body=text,
        operation="KeywordResponse",
        message_type=number.message_type,
        segments=parts,
        price=pricing.text_price(country_of(sender), parts),
        destination_country=country_of(sender),
        origination_identity_arn=number.phone_number_arn,
        keyword=keyword,
    )
