"""The send pipeline: every outgoing message goes through :func:`send` (text, voice, media,
verification codes, notify text and voice, RCS and its SMS or MMS fallback). One ordered list of
steps, :data:`STEPS`, applies to all; a :class:`MessageKind` plugs in only what is its own (who
sends, the price, whether RCS reaches, notify's daily limits).

The order, written once (AWS documents no order between the checks; smsmock keeps the one text,
voice, media and RCS sends already shared, which notify now follows too):

1. the destination is an E.164 number of a country (``INVALID_PARAMETER``), the configuration set
   exists;
2. the message's size (``MAXIMUM_SIZE_EXCEEDED``: an SMS's characters,
   :func:`~smsmock.rules.send_rules.check_message_size`; a voice message's length,
   :func:`~smsmock.rules.voice_limits.check_voice_length`);
3. the origination identity: found, active (a US toll-free number is not until its registration
   is approved: :mod:`smsmock.rules.toll_free`), of the channel, reaching the country, of the
   message type (:func:`~smsmock.rules.send_rules.choose_origination`, ``check_sender``); a text
   tries RCS first, and goes as RCS when an RCS agent sends it (:data:`TEXT_BY_RCS`);
4. a SIMULATOR number sends only to the destination simulator numbers of its country and no
   verification codes (:func:`~smsmock.rules.simulator.check_simulator`);
5. the destination's opt-out (``DESTINATION_PHONE_NUMBER_OPTED_OUT``);
6. the sandbox's verified destinations (``DESTINATION_PHONE_NUMBER_NOT_VERIFIED``);
7. whether the channel reaches the phone (RCS: may fall back to SMS or MMS; a text a pool sends
   by SMS after its RCS agent could not reach the phone leads with ``RCS_FALLEN_BACK_TO_SMS``);
8. the price against ``MaxPrice`` (``PRICE_OVER_THRESHOLD``);
9. the kind's own limits (notify's daily tier and call limits; the voice messages of the last 24
   hours, :mod:`smsmock.rules.voice_limits`);
10. the month's spend limit (``MONTHLY_SPEND_LIMIT_REACHED_FOR_…``);
11. :data:`SEND_CHECKS`, which other families append to at import time (protect configurations).

An accepted message is then recorded (:func:`~smsmock.rules.sent_messages.record_message`, called
from here and from nowhere else but inbound keyword answers), counted as spend, and its events are
put on the clock (:func:`publish_delivery`); the kind then counts what it counts (a voice message
towards the day's limits; the identity that delivered a text, for sticky sending).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from smsmock.records.configuration_sets import ConfigurationSet, configuration_set
from smsmock.records.messages import SentMessage
from smsmock.records.pools import Pool
from smsmock.records.rcs_agents import RcsAgent
from smsmock.rules import origination, pricing
from smsmock.rules.countries import country_of, end_user_number
from smsmock.rules.events import timeline
from smsmock.rules.rcs import rcs_unreachable, refuse_unreachable_country
from smsmock.rules.send_rules import (
    check_message_size,
    check_opt_out,
    check_sender,
    check_verified,
    choose_origination,
    remember_sticky,
)
from smsmock.rules.sent_messages import new_message_id, record_message
from smsmock.rules.simulator import check_simulator
from smsmock.rules.spend import check_spend, is_sandboxed
from smsmock.rules.voice_limits import check_voice_count, check_voice_length, count_voice_message
from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call, Params
from smsmock.state.world import Setting


@dataclass(frozen=True)
class Origin:
    """Who sends: the identity the caller named (``None`` when none), the record that sends (a
    pool's member; ``None`` for an identity of the service's), what the recipient sees it come
    from, and the message type in force."""

    identity: Any
    sender: Any
    sent_from: str | None
    message_type: str | None
    kind: MessageKind | None = None
    """The kind the message goes as instead of the one it was sent as (a text an RCS agent sends
    goes as RCS: :data:`TEXT_BY_RCS`)."""


@dataclass(frozen=True)
class Price:
    """Segments (SMS parts; voice minutes; 1 for MMS), the whole message's price, and the price
    that ``MaxPrice`` is compared with (per message; per minute for voice)."""

    segments: int
    price: float
    unit_price: float


@dataclass(frozen=True)
class MessageKind:
    """What one kind of message plugs into the pipeline; every other step is shared."""

    channel: str
    """The channel recorded on the message (``SMS``, ``VOICE``, ``MMS``, ``RCS``)."""
    originate: Callable[[Call, Outgoing], Origin]
    price: Callable[[Outgoing], Price]
    spend_channel: str = ""
    """The monthly spend limit the message counts against (default: its channel's)."""
    max_price_member: str = "MaxPrice"
    size: Callable[[Call, Outgoing], None] | None = None
    """The kind's limit on a message's size (``MAXIMUM_SIZE_EXCEEDED``), checked first, dry runs
    too."""
    checks_opt_outs: bool = True
    checks_sandbox: bool = True
    reach: Callable[[Call, Outgoing], SentMessage | None] | None = None
    """Whether the channel reaches the phone: may mark the message undelivered, refuse it, or
    send another in its place (returned)."""
    limits: Callable[[Call, Outgoing], None] | None = None
    """The kind's own quotas, checked before spend (not for dry runs)."""
    counted: Callable[[Call, Outgoing], None] | None = None
    """What the kind counts once a message is accepted (not for dry runs)."""


@dataclass
class Outgoing:
    """A message going through the pipeline, as :data:`SEND_CHECKS` see it.

    ``identity`` is the origination identity record the caller named (a phone number, sender ID,
    pool or RCS agent record; ``None`` when none was named), ``sender`` the record that will
    actually send (a pool's member). ``protect_configuration_id`` is the one the request names;
    the configuration set's is ``configuration_set.protect_configuration_id``.
    """

    channel: str
    destination_phone_number: str
    destination_country: str
    configuration_set: ConfigurationSet | None
    protect_configuration_id: str | None
    dry_run: bool
    message_body: str | None
    request: SendRequest
    kind: MessageKind
    message_id: str
    identity: Any = None
    sender: Any = None
    sent_from: str | None = None
    message_type: str | None = None
    price: Price = Price(1, 0.0, 0.0)
    delivered: bool = True
    events: list[str] | None = None
    """The events of the message's fate instead of the usual ones (an undelivered RCS message)."""
    lead_events: tuple[str, ...] = ()
    """Events published before the channel's own (``RCS_FALLEN_BACK_TO_SMS``)."""


SEND_CHECKS: list[Callable[[Call, Outgoing], None]] = []
"""Checks run on every send, last before it is accepted; each raises the service's error to
refuse the message. Families append theirs at import time."""


@dataclass
class SendRequest:
    """What a send asks for, in the terms every kind of message shares."""

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
    codes go to numbers not verified yet, which is their point (and a simulator number cannot
    send one: :mod:`smsmock.rules.simulator`)."""
    waive_fee: bool = False
    """The first verification code to a number is free (User Guide, *SMS/MMS sandbox*)."""
    message_id: str | None = None
    fallback_for: str | None = None
    """``RCS`` for the fallback of a SendRcsMessage (see :class:`SentMessage`)."""
    lead_events: tuple[str, ...] = ()
    """Events published before the channel's own (``RCS_FALLEN_BACK_TO_SMS`` for a fallback)."""
    rcs_message_content: dict[str, Any] | None = None
    message_traffic_type: str | None = None
    kind: MessageKind | None = None
    """What the kind of message plugs in; by default the one of ``channel``
    (:data:`MESSAGE_KINDS`)."""

    @classmethod
    def from_params(cls, channel: str, params: Params, **extra: Any) -> SendRequest:
        """The members every send operation shares, read from its parameters; ``extra`` gives
        or overrides the others."""
        shared: dict[str, Any] = {
            "destination_phone_number": params["DestinationPhoneNumber"],
            "origination_identity": params.get("OriginationIdentity"),
            "message_body": params.get("MessageBody"),
            "configuration_set_name": params.get("ConfigurationSetName"),
            "message_type": params.get("MessageType"),
            "context": dict(params.get("Context") or {}),
            "dry_run": bool(params.get("DryRun", False)),
            "keyword": params.get("Keyword"),
            "time_to_live": params.get("TimeToLive"),
            "destination_country_parameters": dict(
                params.get("DestinationCountryParameters") or {}
            ),
            "protect_configuration_id": params.get("ProtectConfigurationId"),
            "message_feedback_enabled": params.get("MessageFeedbackEnabled"),
        }
        return cls(channel=channel, **{**shared, **extra})


# -- the pipeline -------------------------------------------------------------------------------


def send(call: Call, request: SendRequest) -> SentMessage:
    """Check ``request`` as the service does (:data:`STEPS`, in order), then record it (and its
    events, and its spend, unless a dry run). Raises the service's error for the first rule it
    breaks."""
    kind = request.kind or MESSAGE_KINDS[request.channel]
    destination, country = destination_country(request.destination_phone_number)
    name = request.configuration_set_name
    outgoing = Outgoing(
        channel=kind.channel,
        destination_phone_number=destination,
        destination_country=country,
        configuration_set=configuration_set(call, name) if name else None,
        protect_configuration_id=request.protect_configuration_id,
        dry_run=request.dry_run,
        message_body=request.message_body,
        request=request,
        kind=kind,
        message_id=request.message_id or new_message_id(),
        lead_events=request.lead_events,
    )
    for step in STEPS:
        sent_instead = step(call, outgoing)
        if sent_instead is not None:
            return sent_instead
    message = _record(call, outgoing)
    if outgoing.kind.counted is not None and not message.dry_run:
        outgoing.kind.counted(call, outgoing)
    publish_delivery(
        call, message, outgoing.configuration_set, outgoing.lead_events, outgoing.events
    )
    return message


def destination_country(number: str) -> tuple[str, str]:
    """The destination in E.164 and its country; ``ValidationException`` when it is no phone
    number, or one of a calling code no country has (+800, +882 …): nowhere to send it."""
    destination = end_user_number(number, "DestinationPhoneNumber")
    country = country_of(destination)
    if country is None:
        raise ValidationError(
            f"The destination phone number {number} is not a valid E.164 phone number.",
            "INVALID_PARAMETER",
            [("DestinationPhoneNumber", "Invalid phone number.")],
        )
    return destination, country


def _size(call: Call, outgoing: Outgoing) -> None:
    if outgoing.kind.size is not None:
        outgoing.kind.size(call, outgoing)


def _originate(call: Call, outgoing: Outgoing) -> None:
    origin = outgoing.kind.originate(call, outgoing)
    outgoing.identity, outgoing.sender = origin.identity, origin.sender
    outgoing.sent_from, outgoing.message_type = origin.sent_from, origin.message_type
    if origin.kind is not None:
        outgoing.kind, outgoing.channel = origin.kind, origin.kind.channel


def _simulator(call: Call, outgoing: Outgoing) -> None:
    check_simulator(
        outgoing.sender, outgoing.destination_phone_number, outgoing.request.verification_code
    )


def _opt_out(call: Call, outgoing: Outgoing) -> None:
    if outgoing.kind.checks_opt_outs:
        identity = outgoing.identity if outgoing.identity is not None else outgoing.sender
        check_opt_out(call, identity, outgoing.destination_phone_number)


def _sandbox(call: Call, outgoing: Outgoing) -> None:
    exempt = outgoing.request.verification_code or not outgoing.kind.checks_sandbox
    if not exempt and is_sandboxed(call.backend):
        check_verified(call, outgoing.destination_phone_number)


def _reach(call: Call, outgoing: Outgoing) -> SentMessage | None:
    return outgoing.kind.reach(call, outgoing) if outgoing.kind.reach is not None else None


def _max_price(call: Call, outgoing: Outgoing) -> None:
    price = outgoing.kind.price(outgoing)
    if outgoing.request.waive_fee or not outgoing.delivered:
        # Waived: the first verification code to a number. Undelivered RCS: billed on delivery.
        price = Price(price.segments, 0.0, price.unit_price)
    outgoing.price = price
    limit = outgoing.request.max_price
    if limit is not None and price.unit_price > float(limit):
        raise ValidationError(
            f"The price of this message ({price.unit_price:.5f} USD) is higher than the "
            f"{outgoing.kind.max_price_member} {limit}.",
            "PRICE_OVER_THRESHOLD",
            [(outgoing.kind.max_price_member, "Too low.")],
        )


def _limits(call: Call, outgoing: Outgoing) -> None:
    if outgoing.kind.limits is not None and not outgoing.dry_run:
        outgoing.kind.limits(call, outgoing)


def _spend(call: Call, outgoing: Outgoing) -> None:
    if not outgoing.dry_run and outgoing.delivered:
        check_spend(call, outgoing.kind.spend_channel or outgoing.channel, outgoing.price.price)


def _send_checks(call: Call, outgoing: Outgoing) -> None:
    for check in SEND_CHECKS:
        check(call, outgoing)


Step = Callable[[Call, Outgoing], "SentMessage | None"]

STEPS: tuple[Step, ...] = (
    _size,
    _originate,
    _simulator,
    _opt_out,
    _sandbox,
    _reach,
    _max_price,
    _limits,
    _spend,
    _send_checks,
)
"""The checks every outgoing message passes, in the order the module's docstring gives."""


def _record(call: Call, outgoing: Outgoing) -> SentMessage:
    request, config_set, sender = outgoing.request, outgoing.configuration_set, outgoing.sender
    return record_message(
        call,
        channel=outgoing.channel,
        message_id=outgoing.message_id,
        fallback_for=request.fallback_for,
        destination_phone_number=outgoing.destination_phone_number,
        origination_identity=outgoing.sent_from,
        message_body=outgoing.message_body,
        spend_channel=outgoing.kind.spend_channel or None,
        message_type=outgoing.message_type,
        configuration_set_name=config_set.configuration_set_name if config_set else None,
        context=request.context,
        media_urls=request.media_urls,
        voice_id=request.voice_id,
        message_body_text_type=request.message_body_text_type,
        dry_run=request.dry_run,
        segments=outgoing.price.segments,
        price=outgoing.price.price,
        destination_country=outgoing.destination_country,
        origination_identity_arn=(
            origination.kind_of(sender).arn(sender) if sender is not None else None
        ),
        keyword=request.keyword,
        time_to_live=request.time_to_live,
        destination_country_parameters=request.destination_country_parameters,
        protect_configuration_id=request.protect_configuration_id,
        message_feedback_enabled=message_feedback(request.message_feedback_enabled, config_set),
        rcs_message_content=request.rcs_message_content,
        message_traffic_type=request.message_traffic_type,
        delivered=outgoing.delivered,
    )


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
        MESSAGE_FEEDBACK.of(call.backend)[message.message_id] = ("PENDING", call.now)
    timeline.schedule(call, message, config_set, lead_events, events)


# -- text, voice and media ----------------------------------------------------------------------


def _account_origin(call: Call, outgoing: Outgoing) -> Origin:
    """Text, voice and media: the identity named (or one of the account's), checked as the
    sender of the channel, country and message type."""
    request, config_set = outgoing.request, outgoing.configuration_set
    message_type = request.message_type or (
        config_set.default_message_type if config_set is not None else None
    )
    identity, sender, sent_from = choose_origination(
        call,
        outgoing.channel,
        request.origination_identity,
        outgoing.destination_phone_number,
        config_set,
        rcs=request.fallback_for is None,
    )
    if isinstance(sender, RcsAgent):
        return Origin(identity, sender, sent_from, message_type, TEXT_BY_RCS)
    if sender is not None:
        message_type = check_sender(
            outgoing.channel, sender, outgoing.destination_country, message_type
        )
    return Origin(identity, sender, sent_from, message_type)


def _text_price(outgoing: Outgoing) -> Price:
    parts = pricing.segments(outgoing.message_body or "")
    price = pricing.text_price(outgoing.destination_country, parts)
    return Price(parts, price, price)


def _voice_price(outgoing: Outgoing) -> Price:
    country = outgoing.destination_country
    text_type = outgoing.request.message_body_text_type or "TEXT"
    minutes = pricing.voice_minutes(outgoing.message_body or "", text_type)
    return Price(minutes, pricing.voice_price(country, minutes), pricing.voice_price(country, 1))


def _media_price(outgoing: Outgoing) -> Price:
    price = pricing.media_price(outgoing.destination_country)
    return Price(1, price, price)


def _sms_size(call: Call, outgoing: Outgoing) -> None:
    check_message_size(outgoing.channel, outgoing.message_body)


def _voice_length(call: Call, outgoing: Outgoing) -> None:
    check_voice_length(call, outgoing.message_body, outgoing.request.message_body_text_type)


def _voice_count(call: Call, outgoing: Outgoing) -> None:
    check_voice_count(call, outgoing.destination_phone_number)


def _count_voice(call: Call, outgoing: Outgoing) -> None:
    count_voice_message(call, outgoing.destination_phone_number)


def _remember_sticky(call: Call, outgoing: Outgoing) -> None:
    """A text delivered from a pool's (or the account's) chosen identity: sticky sending."""
    if outgoing.delivered:
        remember_sticky(call, outgoing.identity, outgoing.sender, outgoing.destination_phone_number)


def _fallen_back(call: Call, outgoing: Outgoing) -> None:
    """A text a pool holding an RCS agent sends by SMS because the phone takes no RCS: RCS was
    attempted and failed (rcs-sms-fallback.md: "If RCS delivery fails, the service retries the
    message via SMS using a phone number from the same pool"), so ``RCS_FALLEN_BACK_TO_SMS``
    comes first."""
    pool = outgoing.identity
    if not isinstance(pool, Pool) or "RCS_FALLEN_BACK_TO_SMS" in outgoing.lead_events:
        return
    destination, country = outgoing.destination_phone_number, outgoing.destination_country
    agents = [a for a in map(call.backend.by_arn.get, pool.members) if isinstance(a, RcsAgent)]
    if any(rcs_unreachable(call, a, destination, country) == "DEVICE" for a in agents):
        outgoing.lead_events = (*outgoing.lead_events, "RCS_FALLEN_BACK_TO_SMS")


# -- RCS ------------------------------------------------------------------------------------------


def rcs_message_price(outgoing: Outgoing) -> Price:
    """An RCS message's price, per 160-character segment
    (:func:`smsmock.rules.pricing.rcs_price`)."""
    segments = pricing.rcs_segments(outgoing.message_body)
    price = pricing.rcs_price(outgoing.destination_country, segments)
    return Price(segments, price, price)


def rcs_reach(call: Call, outgoing: Outgoing) -> None:
    """Whether the sending agent's RCS reaches the phone: a country it does not reach is refused;
    a phone without RCS gets the message recorded as undelivered (``RCS_QUEUED``,
    ``RCS_FAILED``; not charged, as RCS is billed on delivery)."""
    agent: RcsAgent = outgoing.sender
    country = outgoing.destination_country
    why_not = rcs_unreachable(call, agent, outgoing.destination_phone_number, country)
    if why_not == "COUNTRY":
        refuse_unreachable_country(agent, country)
    if why_not is not None:
        outgoing.delivered = False
        outgoing.events = ["RCS_QUEUED", "RCS_FAILED"]


TEXT_BY_RCS = MessageKind(
    "RCS",
    _account_origin,
    rcs_message_price,
    # The sandbox limits SMS, MMS and voice destinations, not RCS (as for SendRcsMessage).
    checks_sandbox=False,
    reach=rcs_reach,
    counted=_remember_sticky,
)
"""A SendTextMessage an RCS agent sends (named, a pool's, or the account's): it goes as RCS, and
is not delivered where the phone takes no RCS ("If RCS fails, the message is not delivered",
rcs-sms-fallback.md, for direct sending and a pool without phone numbers)."""

MESSAGE_KINDS = {
    "SMS": MessageKind(
        "SMS",
        _account_origin,
        _text_price,
        size=_sms_size,
        reach=_fallen_back,
        counted=_remember_sticky,
    ),
    "VOICE": MessageKind(
        "VOICE",
        _account_origin,
        _voice_price,
        max_price_member="MaxPricePerMinute",
        size=_voice_length,
        limits=_voice_count,
        counted=_count_voice,
    ),
    "MMS": MessageKind("MMS", _account_origin, _media_price),
}
"""The kinds of message sent from the account's own identities, by channel."""


MESSAGE_FEEDBACK: Setting[dict[str, tuple[str, datetime]]] = Setting("message_feedback", dict)
"""Message id → (``PENDING``/``RECEIVED``/``FAILED``, since)."""
