"""Recording an accepted message on the world (``sms.sent_messages``) and counting its price as
the month's spend: what every family that sends, and inbound keyword replies, do."""

from __future__ import annotations

from typing import Any

from smsmock.records.messages import SENT_MESSAGES, SentMessage
from smsmock.rules.spend import add_spend
from smsmock.state.ids import new_uuid
from smsmock.state.registry import Call


def new_message_id() -> str:
    """A message id as the service gives them (a UUID)."""
    return new_uuid()


def record_message(
    call: Call,
    *,
    channel: str,
    destination_phone_number: str,
    origination_identity: str | None,
    message_body: str | None,
    message_id: str | None = None,
    operation: str | None = None,
    spend_channel: str | None = None,
    **details: Any,
) -> SentMessage:
    """Record an accepted message on the world and count its price as the month's spend on
    ``spend_channel`` (default: the message's channel; ``NOTIFY`` for notify sends). Dry runs and
    zero prices are not counted; ``details`` are :class:`SentMessage`'s other fields."""
    message = SentMessage(
        message_id=message_id or new_message_id(),
        channel=channel,
        account_id=call.account_id,
        region=call.region,
        origination_identity=origination_identity,
        destination_phone_number=destination_phone_number,
        message_body=message_body,
        timestamp=call.now,
        operation=operation or call.operation,
        **details,
    )
    SENT_MESSAGES.of(call.world).append(message)
    if not message.dry_run and message.price:
        add_spend(call, spend_channel or channel, message.price)
    return message
