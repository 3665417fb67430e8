"""Sent message records: every message smsmock accepted, as :class:`SentMessage`
(``sms.sent_messages``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from smsmock.state.world import Journal


@dataclass(frozen=True)
class SentMessage:
    """One message smsmock accepted (read-only; ``sms.sent_messages`` lists them in order).

    ``origination_identity`` is what actually sent it: the E.164 number or the sender ID (a pool
    resolves to the member chosen); ``origination_identity_arn`` that identity's ARN.
    ``price`` is in US dollars for the whole message (every segment; for voice every minute);
    dry runs carry their would-be price but are never counted as spend. ``operation`` is what
    sent it (``SendTextMessage``, ``SendDestinationNumberVerificationCode``, ``KeywordResponse``
    for an auto-reply to an inbound message …).
    """

    message_id: str
    channel: str
    account_id: str
    region: str
    origination_identity: str | None
    destination_phone_number: str
    message_body: str | None
    timestamp: datetime
    operation: str
    message_type: str | None = None
    configuration_set_name: str | None = None
    context: dict[str, str] = field(default_factory=dict)
    media_urls: tuple[str, ...] = ()
    voice_id: str | None = None
    message_body_text_type: str | None = None
    dry_run: bool = False
    segments: int = 1
    price: float = 0.0
    destination_country: str | None = None
    origination_identity_arn: str | None = None
    keyword: str | None = None
    time_to_live: int | None = None
    destination_country_parameters: dict[str, str] = field(default_factory=dict)
    protect_configuration_id: str | None = None
    message_feedback_enabled: bool = False
    rcs_message_content: dict[str, Any] | None = None
    """SendRcsMessage: the ``RcsMessageContent`` as the request gave it."""
    message_traffic_type: str | None = None
    fallback_configuration: dict[str, Any] | None = None
    """SendRcsMessage: the ``FallbackConfiguration`` as the request gave it."""
    fallback_for: str | None = None
    """``RCS`` on the SMS or MMS a SendRcsMessage sent because RCS could not reach the
    destination (it carries the RCS message's ``message_id``)."""
    delivered: bool = True
    """``False`` for an RCS message that could not reach its recipient and had no fallback: it
    produced ``RCS_FAILED`` and was not charged (RCS is billed on delivery)."""


SENT_MESSAGES: Journal[SentMessage] = Journal("sent_messages")
"""Every message accepted, in order, in every account and region."""
