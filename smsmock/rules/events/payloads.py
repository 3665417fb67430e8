"""The JSON AWS sends for each event and each inbound message, built from smsmock's records.

Event payloads follow *Example event data* (AWS End User Messaging SMS user guide,
``configuration-sets-event-format.html``, and its copy *Messaging events* in the AWS End User
Messaging user guide, ``nx-features-messaging-events.html``), one builder per channel, each with
the members and the order of its channel's example:

- SMS: the SMS example and its attribute table; ``protectConfiguration`` from the SMS Protect
  example (as *Monitoring with EventBridge* shows it);
- voice: the ``VOICE_COMPLETED`` example: no ``messageType``, encoding, parts or carrier fee;
  ``callDurationInSeconds``, ``totalDurationInMinutes`` and ``totalMessagePrice`` on the final
  event only (the non-final ``VOICE_INITIATED`` of *Monitoring with EventBridge* has none);
- MMS: the ``MEDIA_DELIVERED`` example: ``"contentType": "MMS"`` first, and none of the SMS-only
  ``messageEncoding``, ``mcc``, ``mnc``, ``isInternationalSend``;
- RCS: the ``RCS_DELIVERED`` and ``RCS_READ`` examples: ``messageEncoding`` ``UNICODE``,
  ``rcsMetadata.billingEventType`` on the delivery (the billed event), ``rcsBusinessId`` and
  ``agentIsoCountryCode`` on every RCS event.

Inbound payloads follow *Example of a two-way SMS message payload for Amazon SNS topics*
(``two-way-sms-payload.html``). docs/messaging.md lists which values are faithful and which are
smsmock's approximations (prices, carrier fees, call durations).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from smsmock.records.messages import SentMessage
from smsmock.rules import pricing
from smsmock.rules.countries import country_of
from smsmock.rules.events.catalogue import Status

EVENT_VERSION = "1.0"
"""``eventVersion`` of every documented example."""

DEFAULT_MESSAGE_TYPE = "TRANSACTIONAL"
"""``messageType`` of a message sent without one (the service documents no default; smsmock's
choice)."""

RCS_BASIC_LIMIT = 160
"""The longest text-only RCS message without suggestions billed as ``BASIC`` (Google's RBM
billing: a basic message is text of up to 160 characters; anything else is rich)."""


def unix_ms(when: datetime) -> int:
    """``when`` as Unix time in milliseconds, as every timestamp of a payload is."""
    return int(when.timestamp() * 1000)


def message_encoding(body: str | None) -> str:
    """``messageEncoding``: ``GSM`` for a GSM-7 body, else ``Unicode`` (the attribute table's
    values; the SMS example shows ``GSM``)."""
    return "GSM" if pricing.is_gsm7(body or "") else "Unicode"


class _Event:
    """What every builder reads: the message, the event and where it goes."""

    def __init__(
        self, message: SentMessage, event_type: str, status: Status, when: datetime
    ) -> None:
        self.message = message
        self.event_type = event_type
        self.status = status
        self.when = when
        destination = message.destination_phone_number
        self.country = message.destination_country or country_of(destination) or ""
        self.origin = message.origination_identity or ""

    def head(self) -> dict[str, Any]:
        """The members every example opens with, in its order."""
        return {
            "eventType": self.event_type,
            "eventVersion": EVENT_VERSION,
            "eventTimestamp": unix_ms(self.when),
            "isFinal": self.status.is_final,
            "originationPhoneNumber": self.origin,
            "destinationPhoneNumber": self.message.destination_phone_number,
            "isoCountryCode": self.country,
        }

    def international(self) -> bool:
        origin_country = country_of(self.origin) if self.origin.startswith("+") else None
        return origin_country is not None and origin_country != self.country

    def context(self) -> dict[str, Any]:
        # The documented examples carry "context" only when the send gave one.
        return {"context": dict(self.message.context)} if self.message.context else {}


def _text(event: _Event, description: str, *, mms: bool = False) -> dict[str, Any]:
    """The SMS example's members; for ``mms`` the MMS example's (``contentType`` first, none of
    the SMS-only ``isInternationalSend`` and ``messageEncoding``)."""
    message = event.message
    payload = event.head()
    if mms:
        payload = {"contentType": "MMS", **payload}
    else:
        payload["isInternationalSend"] = event.international()
    payload["messageId"] = message.message_id
    payload["messageRequestTimestamp"] = unix_ms(message.timestamp)
    if not mms:
        payload["messageEncoding"] = message_encoding(message.message_body)
    payload["messageType"] = message.message_type or DEFAULT_MESSAGE_TYPE
    payload["messageStatus"] = event.status.message_status
    payload["messageStatusDescription"] = description
    payload.update(event.context())
    payload["totalMessageParts"] = message.segments
    payload["totalMessagePrice"] = round(message.price, 5)
    payload["totalCarrierFee"] = 0.0
    return payload


def _media(event: _Event, description: str) -> dict[str, Any]:
    return _text(event, description, mms=True)


def _voice(event: _Event, description: str) -> dict[str, Any]:
    message = event.message
    payload: dict[str, Any] = {
        **event.head(),
        "messageId": message.message_id,
        "messageRequestTimestamp": unix_ms(message.timestamp),
        "messageStatus": event.status.message_status,
    }
    if event.status.is_final:
        # The call lasted as long as its message was read out only if it was answered
        # (COMPLETED); a busy, unanswered, failed or expired call lasted and cost nothing.
        # smsmock's choice: AWS shows only a completed call's figures.
        answered = event.status.message_status == "COMPLETED"
        seconds = pricing.voice_seconds(
            message.message_body or "", message.message_body_text_type or "TEXT"
        )
        payload["callDurationInSeconds"] = seconds if answered else 0
        payload["totalDurationInMinutes"] = message.segments if answered else 0
        payload["totalMessagePrice"] = round(message.price, 5) if answered else 0.0
    payload.update(event.context())
    return payload


def _rcs(event: _Event, description: str) -> dict[str, Any]:
    payload = _text(event, description)
    payload["messageEncoding"] = "UNICODE"  # every RCS example, whatever the body
    if event.status.message_status == "DELIVERED":
        payload["rcsMetadata"] = {"billingEventType": rcs_billing_event_type(event.message)}
    else:
        # Only the delivery is billed: the RCS_READ example reports 0.0 for both.
        payload["totalMessagePrice"] = 0.0
    payload["rcsBusinessId"] = event.origin
    payload["agentIsoCountryCode"] = event.country
    return payload


def rcs_billing_event_type(message: SentMessage) -> str:
    """``BASIC`` for a text-only RCS message of at most 160 characters without suggestions,
    ``RICH`` for anything else (``rcsMetadata.billingEventType``)."""
    content = message.rcs_message_content or {}
    text = (content.get("Content") or {}).get("TextMessage")
    if text is None or content.get("Suggestions"):
        return "RICH"
    return "BASIC" if len(str(text.get("Body", ""))) <= RCS_BASIC_LIMIT else "RICH"


_BUILDERS: dict[str, Callable[[_Event, str], dict[str, Any]]] = {
    "TEXT": _text,
    "MEDIA": _media,
    "VOICE": _voice,
    "RCS": _rcs,
}


def event_payload(
    message: SentMessage,
    event_type: str,
    status: Status,
    when: datetime,
    *,
    description: str | None = None,
    protect_configuration_id: str | None = None,
) -> dict[str, Any]:
    """The JSON of one event of ``message``: ``event_type`` reported at ``when``, with the
    members of its channel's example. ``description`` replaces the status's own (the 72-hour
    ``UNKNOWN``). ``RCS_FALLEN_BACK_TO_SMS`` is reported for the SMS or MMS the RCS message fell
    back to, which does not know the agent: it has the SMS members and no agent fields."""
    prefix = event_type.partition("_")[0]
    event = _Event(message, event_type, status, when)
    if message.channel != "RCS":
        prefix = "TEXT" if prefix == "RCS" else prefix
    payload = _BUILDERS[prefix](event, description or status.description)
    if protect_configuration_id is not None and prefix in ("TEXT", "RCS"):
        payload["protectConfiguration"] = {
            "protectConfigurationId": protect_configuration_id,
            "protectStatus": "ALLOW",
        }
    return payload


def inbound_payload(
    *,
    origination_number: str,
    destination_number: str,
    message_keyword: str | None,
    message_body: str,
    inbound_message_id: str,
    previous_published_message_id: str | None,
) -> dict[str, Any]:
    """The two-way payload of an inbound message. ``previousPublishedMessageId`` is left out
    when we never sent that end user a message from that number (there is nothing it could
    name)."""
    payload: dict[str, Any] = {
        "originationNumber": origination_number,
        "destinationNumber": destination_number,
        "messageKeyword": message_keyword or "",
        "messageBody": message_body,
        "inboundMessageId": inbound_message_id,
    }
    if previous_published_message_id is not None:
        payload["previousPublishedMessageId"] = previous_published_message_id
    return payload
