"""The JSON AWS sends for each event and each inbound message, built from smsmock's records.

Event payloads follow *Example event data* (AWS End User Messaging SMS user guide,
``configuration-sets-event-format.html``): the SMS example's members and its attribute table;
``protectConfiguration`` from the SMS Protect example (as *Monitoring with EventBridge* shows it);
``rcsBusinessId`` and ``agentIsoCountryCode`` on every RCS event (*RCS message events*). Inbound
payloads follow *Example of a two-way SMS message payload for Amazon SNS topics*
(``two-way-sms-payload.html``). docs/messaging.md lists which values are faithful and which are
smsmock's approximations (prices, carrier fees, encodings of voice and media messages).
"""

from __future__ import annotations

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


def unix_ms(when: datetime) -> int:
    """``when`` as Unix time in milliseconds, as every timestamp of a payload is."""
    return int(when.timestamp() * 1000)


def message_encoding(body: str | None) -> str:
    """``messageEncoding``: ``GSM`` for a GSM-7 body, else ``Unicode`` (the attribute table's
    values; the SMS example shows ``GSM``)."""
    return "GSM" if pricing.is_gsm7(body or "") else "Unicode"


def event_payload(
    message: SentMessage,
    event_type: str,
    status: Status,
    when: datetime,
    *,
    description: str | None = None,
    protect_configuration_id: str | None = None,
) -> dict[str, Any]:
    """The JSON of one event of ``message``: ``event_type`` reported at ``when``.
    ``description`` replaces the status's own (the 72-hour ``UNKNOWN``). An RCS event names the
    RCS agent that sent the message; the SMS or MMS an RCS message fell back to does not know
    it, so its ``RCS_FALLEN_BACK_TO_SMS`` has no agent fields."""
    destination = message.destination_phone_number
    country = message.destination_country or country_of(destination)
    origin = message.origination_identity or ""
    origin_country = country_of(origin) if origin.startswith("+") else None
    payload: dict[str, Any] = {
        "eventType": event_type,
        "eventVersion": EVENT_VERSION,
        "eventTimestamp": unix_ms(when),
        "isFinal": status.is_final,
        "originationPhoneNumber": origin,
        "destinationPhoneNumber": destination,
        "isoCountryCode": country or "",
        "isInternationalSend": origin_country is not None and origin_country != country,
        "messageId": message.message_id,
        "messageRequestTimestamp": unix_ms(message.timestamp),
        "messageEncoding": message_encoding(message.message_body),
        "messageType": message.message_type or DEFAULT_MESSAGE_TYPE,
        "messageStatus": status.message_status,
        "messageStatusDescription": description or status.description,
    }
    if message.context:
        # The documented examples carry "context" only when the send gave one.
        payload["context"] = dict(message.context)
    payload["totalMessageParts"] = message.segments
    payload["totalMessagePrice"] = round(message.price, 5)
    payload["totalCarrierFee"] = 0.0
    if protect_configuration_id is not None:
        payload["protectConfiguration"] = {
            "protectConfigurationId": protect_configuration_id,
            "protectStatus": "ALLOW",
        }
    if message.channel == "RCS":
        payload["rcsBusinessId"] = origin
        payload["agentIsoCountryCode"] = country or ""
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
