"""Sending, shared by every family that sends: the checks and pricing of one message
(:func:`send`; recorded by :func:`~smsmock.rules.sent_messages.record_message`) and its delivery
events. Other families refuse sends by appending to :data:`SEND_CHECKS` at import time: each
check gets the :class:`Outgoing` message after smsmock's own checks and raises the service's
error to refuse it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from smsmock.records.configuration_sets import ConfigurationSet, configuration_set
from smsmock.records.messages import SentMessage
from smsmock.rules import origination, pricing
from smsmock.rules.countries import country_of, end_user_number
from smsmock.rules.events import timeline
from smsmock.rules.send_rules import (
    check_opt_out,
    check_sender,
    check_verified,
    choose_origination,
)
from smsmock.rules.sent_messages import record_message
from smsmock.rules.spend import check_spend, is_sandboxed
from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call, Params


@dataclass
class Outgoing:
    """A message being sent, as :data:`SEND_CHECKS` see it before it is accepted.

    ``identity`` is the origination identity record the caller named (a phone number, sender ID
    or pool record; ``None`` when none was named or found), ``sender`` the record that will
    actually send (a pool's member). ``protect_configuration_id`` is the one the request names;
    the configuration set's is ``configuration_set.protect_configuration_id``.
    """

    channel: str
    destination_phone_number: str
    destination_country: str | None
    identity: Any
    sender: Any
    configuration_set: ConfigurationSet | None
    protect_configuration_id: str | None
    dry_run: bool
    message_type: str | None
    message_body: str | None
    verification_code: bool = False
    """A SendDestinationNumberVerificationCode message."""


SEND_CHECKS: list[Callable[[Call, Outgoing], None]] = []
"""Checks run on every send (text, voice, media, verification codes) after smsmock's own; each
raises the service's error to refuse the message. Families append theirs at import time."""


@dataclass
class SendRequest:
    """What a send operation asks for, in the terms shared by text, voice, media and
    verification codes."""

    channel: str
    destination_phone_number: str
    origination_identity: str | None
    message_body: str | None
    configuration_set_name: str | None = None
    message_type: str | None = None
    context: dict[str, str] = field(default_factory=dict)
    media_urls: tuple[str, ...] = ()
    voice_id: str | None = None
    message_body_text_type: str | None = None
    dry_run: bool = False
    max_price: str | None = None
    keyword: str | None = None
    time_to_live: int | None = None
    destination_country_parameters: dict[str, str] = field(default_factory=dict)
    protect_configuration_id: str | None = None
    message_feedback_enabled: bool | None = None
    verification_code: bool = False
    """A SendDestinationNumberVerificationCode message: exempt from the sandbox, as verification
    codes go to numbers not verified yet, which is their point."""
    waive_fee: bool = False
    """The first verification code to a number is free (User Guide, *SMS/MMS sandbox*)."""
    message_id: str | None = None
    fallback_for: str | None = None
    """``RCS`` for the fallback of a SendRcsMessage (see :class:`SentMessage`)."""
    lead_events: tuple[str, ...] = ()
    """Events published before the channel's own (``RCS_FALLEN_BACK_TO_SMS`` for a fallback)."""

    @classmethod
    def from_params(cls, channel: str, params: Params, **extra: Any) -> SendRequest:
        return cls(
            channel=channel,
            destination_phone_number=params["DestinationPhoneNumber"],
            origination_identity=params.get("OriginationIdentity"),
            message_body=params.get("MessageBody"),
            configuration_set_name=params.get("ConfigurationSetName"),
            message_type=params.get("MessageType"),
            context=dict(params.get("Context") or {}),
            dry_run=bool(params.get("DryRun", False)),
            keyword=params.get("Keyword"),
            time_to_live=params.get("TimeToLive"),
            destination_country_parameters=dict(params.get("DestinationCountryParameters") or {}),
            protect_configuration_id=params.get("ProtectConfigurationId"),
            message_feedback_enabled=params.get("MessageFeedbackEnabled"),
            **extra,
        )


def send(call: Call, request: SendRequest) -> SentMessage:
    """Check ``request`` as the service does, then record it (and its events, and its spend,
    unless a dry run). Raises the service's error for the first rule it breaks."""
    destination = end_user_number(request.destination_phone_number, "DestinationPhoneNumber")
    country = country_of(destination)
    if country is None:
        # A number of a calling code no country has (+800, +882 …): nowhere to send it.
        raise ValidationError(
            f"The destination phone number {request.destination_phone_number} is not a valid "
            "E.164 phone number.",
            "INVALID_PARAMETER",
            [("DestinationPhoneNumber", "Invalid phone number.")],
        )
    config_set = (
        configuration_set(call, request.configuration_set_name)
        if request.configuration_set_name
        else None
    )
    message_type = request.message_type or (
        config_set.default_message_type if config_set is not None else None
    )
    identity, sender, sent_from = choose_origination(
        call, request.channel, request.origination_identity, country, config_set
    )
    if sender is not None:
        message_type = check_sender(request.channel, sender, country, message_type)
    check_opt_out(call, identity if identity is not None else sender, destination)
    if is_sandboxed(call.backend) and not request.verification_code:
        check_verified(call, destination)
    segments, price, unit_price = _price(request, country)
    if request.waive_fee:
        price = 0.0
    if request.max_price is not None and unit_price > float(request.max_price):
        raise ValidationError(
            f"The price of this message ({unit_price:.5f} USD) is higher than the MaxPrice "
            f"{request.max_price}.",
            "PRICE_OVER_THRESHOLD",
            [("MaxPricePerMinute" if request.channel == "VOICE" else "MaxPrice", "Too low.")],
        )
    if not request.dry_run:
        check_spend(call, request.channel, price)
    outgoing = Outgoing(
        channel=request.channel,
        destination_phone_number=destination,
        destination_country=country,
        identity=identity,
        sender=sender,
        configuration_set=config_set,
        protect_configuration_id=request.protect_configuration_id,
        dry_run=request.dry_run,
        message_type=message_type,
        message_body=request.message_body,
        verification_code=request.verification_code,
    )
    for check in SEND_CHECKS:
        check(call, outgoing)
    message = record_message(
        call,
        channel=request.channel,
        message_id=request.message_id,
        fallback_for=request.fallback_for,
        destination_phone_number=destination,
        origination_identity=sent_from,
        message_body=request.message_body,
        message_type=message_type,
        configuration_set_name=config_set.configuration_set_name if config_set else None,
        context=request.context,
        media_urls=request.media_urls,
        voice_id=request.voice_id,
        message_body_text_type=request.message_body_text_type,
        dry_run=request.dry_run,
        segments=segments,
        price=price,
        destination_country=country,
        origination_identity_arn=(
            origination.kind_of(sender).arn(sender) if sender is not None else None
        ),
        keyword=request.keyword,
        time_to_live=request.time_to_live,
        destination_country_parameters=request.destination_country_parameters,
        protect_configuration_id=request.protect_configuration_id,
        message_feedback_enabled=message_feedback(request.message_feedback_enabled, config_set),
    )
    publish_delivery(call, message, config_set, request.lead_events)
    return message


def message_feedback(requested: bool | None, config_set: ConfigurationSet | None) -> bool:
    """Whether a message has feedback: ``MessageFeedbackEnabled`` when the request gives it,
    else the configuration set's default."""
    if requested is not None:
        return requested
    return bool(config_set and config_set.default_message_feedback_enabled)


def publish_delivery(
    call: Call,
    message: SentMessage,
    config_set: ConfigurationSet | None,
    lead_events: tuple[str, ...] = (),
    events: list[str] | None = None,
) -> None:
    """What follows an accepted message that is not a dry run: its events on the clock
    (``lead_events``, then ``events``, by default those of the message's fate: see
    :mod:`smsmock.rules.events.timeline`) and, with feedback enabled, a ``PENDING`` feedback record
    that PutMessageFeedback answers for from now on. ``TEXT_SENT`` is documented as not
    supported by event destinations, so it is never produced."""
    if message.dry_run:
        return
    if message.message_feedback_enabled:
        feedbacks = call.backend.attributes.setdefault(MESSAGE_FEEDBACK, {})
        feedbacks[message.message_id] = ("PENDING", call.now)
    timeline.schedule(call, message, config_set, lead_events, events)


def _price(request: SendRequest, country: str) -> tuple[int, float, float]:
    """Segments (SMS parts; voice minutes; 1 for MMS), the message's price, and the price that
    ``MaxPrice`` is compared with (per message; per minute for voice)."""
    body = request.message_body or ""
    if request.channel == "VOICE":
        minutes = pricing.voice_minutes(body, request.message_body_text_type or "TEXT")
        per_minute = pricing.voice_price(country, 1)
        return minutes, pricing.voice_price(country, minutes), per_minute
    if request.channel == "MMS":
        price = pricing.media_price(country)
        return 1, price, price
    parts = pricing.segments(body)
    price = pricing.text_price(country, parts)
    return parts, price, price


MESSAGE_FEEDBACK = "message_feedback"
"""``backend.attributes`` key: message id → (``PENDING``/``RECEIVED``/``FAILED``, since)."""
