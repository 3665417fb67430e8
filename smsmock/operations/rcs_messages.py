"""SendRcsMessage: an RCS message from an RCS agent (or a pool holding one), with its SMS or MMS
fallback.

What it checks, in order: the content (exactly one of ``TextMessage``, ``FileMessage``,
``RichCard`` and ``Carousel``; each suggested action exactly one kind; the values the API
reference lists for the members the model leaves as free strings), ``MessageTrafficType`` and
the ``FallbackConfiguration``; then the destination, the configuration set, the origination
identity, the opt-out list, and whether RCS reaches the destination:

- the agent must be launched in the destination's country (a country launch ``ACTIVE`` or
  ``PARTIAL``), or have an ``ACTIVE`` testing agent and the destination be verified for the agent
  (CreateVerifiedDestinationNumber with ``RcsAgentId``), as RCS testing sends only to test devices;
- the destination must be an RCS-capable mobile: a number CarrierLookup types ``MOBILE`` and not
  marked otherwise with :func:`~smsmock.rules.rcs.set_rcs_capable` (the mock's switch for a phone
  without RCS).

When RCS cannot reach the destination and a fallback is configured, the fallback SMS (or MMS) is
sent through the same send pipeline (:func:`smsmock.rules.sending.send`: its own
origination identity, opt-out, protect and spend checks) with the RCS message's id, recorded with
``fallback_for="RCS"``, after the event ``RCS_FALLEN_BACK_TO_SMS``. Without a fallback, an agent
not launched in the country is ``ValidationException`` ``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY``
(``ConflictException`` ``RESOURCE_NOT_ACTIVE`` when it is launched nowhere and has no testing
agent), and a device without RCS gets a message recorded as not delivered (``RCS_QUEUED``,
``RCS_FAILED``; not charged, as RCS is billed on delivery).

A delivered RCS message is priced per 160-character segment
(:func:`smsmock.rules.pricing.rcs_price`) and counted into the month's RCS spend
(``MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS`` past the limit); the protect configuration in force
applies through :data:`~smsmock.rules.sending.SEND_CHECKS` (its SMS rules: protect rule
sets have no RCS capability).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from smsmock.records.messages import SentMessage
from smsmock.records.pools import Pool
from smsmock.records.rcs_agents import RcsAgent
from smsmock.rules.media_types import check_media_urls
from smsmock.rules.origination import named_kind, resolve_origination_identity
from smsmock.rules.rcs import rcs_unreachable
from smsmock.rules.sending import (
    MessageKind,
    Origin,
    Outgoing,
    SendRequest,
    rcs_message_price,
    rcs_reach,
    send,
)
from smsmock.state.conflicts import refuse_unless_active
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.registry import Call, Params, operation

TRAFFIC_TYPES = ("AUTHENTICATION", "TRANSACTION", "PROMOTION", "SERVICE_REQUEST", "ACKNOWLEDGEMENT")
"""SendRcsMessage's MessageTrafficType: "Valid values are AUTHENTICATION, TRANSACTION,
PROMOTION, SERVICE_REQUEST, and ACKNOWLEDGEMENT"."""

CONTENT_TYPES = ("TextMessage", "FileMessage", "RichCard", "Carousel")
ACTION_TYPES = (
    "Reply",
    "OpenUrl",
    "DialPhone",
    "ShowLocation",
    "RequestLocation",
    "CreateCalendarEvent",
)

_CARD_ORIENTATIONS = ("HORIZONTAL", "VERTICAL")
_THUMBNAIL_ALIGNMENTS = ("LEFT", "RIGHT")
_CARD_HEIGHTS = ("SHORT", "MEDIUM", "TALL")
_CAROUSEL_HEIGHTS = ("SHORT", "MEDIUM")  # "TALL is not supported in carousels"
_CAROUSEL_WIDTHS = ("SMALL", "MEDIUM")
_APPLICATIONS = ("BROWSER", "WEBVIEW")
_WEBVIEW_MODES = ("FULL", "HALF", "TALL")

# -- the content --------------------------------------------------------------------------------


def _one_of(value: Mapping[str, Any], members: Iterable[str], where: str) -> str:
    """The one member of a union that is set; ``ValidationException`` when none or several."""
    given = [m for m in members if value.get(m) is not None]
    if not given:
        raise ValidationError(
            f"{where} needs exactly one of {', '.join(members)}.",
            "MISSING_PARAMETER",
            [(where, f"Give one of {', '.join(members)}.")],
        )
    if len(given) > 1:
        raise ValidationError(
            f"{where} takes exactly one of {', '.join(members)}; it has {', '.join(given)}.",
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [(f"{where}.{m}", "Only one may be given.") for m in given],
        )
    return given[0]


def _choice(value: Any, allowed: tuple[str, ...], where: str) -> None:
    if value is not None and value not in allowed:
        raise ValidationError(
            f"{where} must be one of {', '.join(allowed)}, not {value}.",
            "INVALID_PARAMETER",
            [(where, f"Valid values are {', '.join(allowed)}.")],
        )


def _epoch(value: Any) -> float:
    return value.timestamp() if isinstance(value, datetime) else float(value)


def _check_actions(actions: Iterable[Mapping[str, Any]], where: str) -> None:
    for i, action in enumerate(actions):
        path = f"{where}[{i}]"
        kind = _one_of(action, ACTION_TYPES, path)
        body = action[kind]
        if kind == "OpenUrl":
            _choice(body.get("Application"), _APPLICATIONS, f"{path}.OpenUrl.Application")
            _choice(body.get("WebviewViewMode"), _WEBVIEW_MODES, f"{path}.OpenUrl.WebviewViewMode")
            if body.get("WebviewViewMode") and body.get("Application") != "WEBVIEW":
                raise ValidationError(
                    "WebviewViewMode applies only when Application is WEBVIEW.",
                    "INVALID_PARAMETER",
                    [(f"{path}.OpenUrl.WebviewViewMode", "Only with Application WEBVIEW.")],
                )
        if kind == "CreateCalendarEvent" and _epoch(body["EndTime"]) <= _epoch(body["StartTime"]):
            raise ValidationError(
                "A calendar event ends after it starts.",
                "INVALID_PARAMETER",
                [(f"{path}.CreateCalendarEvent.EndTime", "Must be after StartTime.")],
            )


def _check_card(card: Mapping[str, Any], heights: tuple[str, ...], where: str) -> None:
    media = card.get("Media")
    if media is not None:
        _choice(media.get("Height"), heights, f"{where}.Media.Height")
    _check_actions(card.get("Suggestions") or (), f"{where}.Suggestions")


def check_content(message: Mapping[str, Any]) -> str | None:
    """Check an ``RcsMessageContent``; returns the text it is billed by (a text message's body)."""
    content = message["Content"]
    where = "RcsMessageContent.Content"
    kind = _one_of(content, CONTENT_TYPES, where)
    body = content[kind]
    if kind == "RichCard":
        path = f"{where}.RichCard"
        _choice(body["CardOrientation"], _CARD_ORIENTATIONS, f"{path}.CardOrientation")
        alignment = body.get("ThumbnailImageAlignment")
        _choice(alignment, _THUMBNAIL_ALIGNMENTS, f"{path}.ThumbnailImageAlignment")
        if alignment is not None and body["CardOrientation"] != "HORIZONTAL":
            raise ValidationError(
                "ThumbnailImageAlignment applies only to HORIZONTAL cards.",
                "INVALID_PARAMETER",
                [(f"{path}.ThumbnailImageAlignment", "Only when CardOrientation is HORIZONTAL.")],
            )
        _check_card(body["CardContent"], _CARD_HEIGHTS, f"{path}.CardContent")
    elif kind == "Carousel":
        path = f"{where}.Carousel"
        _choice(body["CardWidth"], _CAROUSEL_WIDTHS, f"{path}.CardWidth")
        for i, card in enumerate(body["CardContents"]):
            _check_card(card, _CAROUSEL_HEIGHTS, f"{path}.CardContents[{i}]")
    _check_actions(message.get("Suggestions") or (), "RcsMessageContent.Suggestions")
    return str(body["Body"]) if kind == "TextMessage" else None


def check_fallback(fallback: Mapping[str, Any]) -> None:
    """The FallbackConfiguration's rules: "MessageBody ... Required for SMS fallback. For MMS
    fallback, at least one of MessageBody or MediaUrls"; MediaUrls "Only valid when Channel is
    MMS"; OriginationIdentity: "Pool IDs and pool ARNs are not accepted"."""
    channel = fallback["Channel"]
    if channel == "SMS" and not fallback.get("MessageBody"):
        raise ValidationError(
            "An SMS fallback needs a MessageBody.",
            "MISSING_PARAMETER",
            [("FallbackConfiguration.MessageBody", "Required for SMS fallback.")],
        )
    if channel == "SMS" and fallback.get("MediaUrls"):
        raise ValidationError(
            "MediaUrls are only valid for an MMS fallback.",
            "INVALID_PARAMETER",
            [("FallbackConfiguration.MediaUrls", "Only valid when Channel is MMS.")],
        )
    if channel == "MMS":
        if not fallback.get("MessageBody") and not fallback.get("MediaUrls"):
            raise ValidationError(
                "An MMS fallback needs a MessageBody, MediaUrls or both.",
                "MISSING_PARAMETER",
                [("FallbackConfiguration.MessageBody", "Give MessageBody or MediaUrls.")],
            )
        check_media_urls(fallback.get("MediaUrls") or ())
    # "This can be a PhoneNumber, PhoneNumberId, PhoneNumberArn, SenderId, or SenderIdArn. Pool
    # IDs and pool ARNs are not accepted": nor an RCS agent, which sends neither SMS nor MMS.
    refused = _NOT_A_FALLBACK.get(named_kind(fallback.get("OriginationIdentity") or ""))
    if refused is not None:
        raise ValidationError(
            f"A fallback's OriginationIdentity is a phone number or sender ID, not {refused[0]}.",
            "INVALID_PARAMETER",
            [("FallbackConfiguration.OriginationIdentity", refused[1])],
        )


_NOT_A_FALLBACK: dict[str | None, tuple[str, str]] = {
    "pool": ("a pool", "Pool IDs and ARNs not accepted."),
    "rcs-agent": ("an RCS agent", "RCS agents not accepted."),
}
"""The kinds of identity a fallback may not name: what the message calls them, and its Fields
entry."""


# -- who sends, and whether RCS reaches ----------------------------------------------------------


def _origin(call: Call, outgoing: Outgoing) -> Origin:
    """The identity named (an agent or a pool) and the agent that sends."""
    ref = outgoing.request.origination_identity or ""
    identity = resolve_origination_identity(call, ref, kinds=("rcs-agent", "pool"))
    if isinstance(identity, RcsAgent):
        return Origin(identity, identity, identity.rcs_agent_id, None)
    refuse_unless_active(identity, "pool", identity.pool_id)
    members = (call.backend.by_arn.get(arn) for arn in identity.members)
    agents = [m for m in members if isinstance(m, RcsAgent)]
    if not agents:
        raise ConflictError(
            f"The pool {identity.pool_id} holds no RCS agent.",
            "NO_ORIGINATION_IDENTITIES_FOUND",
            "pool",
            identity.pool_id,
        )
    return Origin(identity, agents[0], agents[0].rcs_agent_id, None)


# -- the operation ------------------------------------------------------------------------------


@operation("SendRcsMessage")
def send_rcs_message(call: Call, params: Params) -> dict[str, Any]:
    content = params.get("RcsMessageContent")
    if content is None:
        raise ValidationError(
            "An RCS message needs RcsMessageContent.",
            "MISSING_PARAMETER",
            [("RcsMessageContent", "Required.")],
        )
    billed_text = check_content(content)
    traffic_type = params.get("MessageTrafficType")
    _choice(traffic_type, TRAFFIC_TYPES, "MessageTrafficType")
    fallback = params.get("FallbackConfiguration")
    if fallback is not None:
        check_fallback(fallback)
    request = SendRequest.from_params(
        "RCS",
        params,
        message_body=billed_text,
        max_price=params.get("MaxPrice"),
        rcs_message_content=dict(content),
        message_traffic_type=traffic_type,
        kind=MessageKind(
            "RCS",
            _origin,
            rcs_message_price,
            # The sandbox limits SMS, MMS and voice destinations; an RCS agent's tests go to
            # its testing agent's verified devices (see smsmock.rules.rcs.rcs_unreachable).
            checks_sandbox=False,
            reach=lambda call, outgoing: _reach(call, outgoing, params),
        ),
    )
    return {"MessageId": send(call, request).message_id}


def _reach(call: Call, outgoing: Outgoing, params: Params) -> SentMessage | None:
    """Whether RCS reaches the phone: if not, the fallback is sent in its place when there is
    one; else a country the agent does not reach is refused, and a phone without RCS gets a
    message recorded as undelivered (``RCS_QUEUED``, ``RCS_FAILED``; not charged)."""
    agent: RcsAgent = outgoing.sender
    country = outgoing.destination_country
    why_not = rcs_unreachable(call, agent, outgoing.destination_phone_number, country)
    if why_not is not None and params.get("FallbackConfiguration") is not None:
        return _fall_back(call, params, outgoing.identity, outgoing.message_id)
    rcs_reach(call, outgoing)
    return None


def _fall_back(
    call: Call, params: Params, identity: RcsAgent | Pool, message_id: str
) -> SentMessage:
    """Send the fallback SMS or MMS: from the fallback's OriginationIdentity, else from the pool
    the RCS message was sent through ("the service selects a suitable number from the pool"),
    else from the account's identities."""
    fallback = params["FallbackConfiguration"]
    ref = fallback.get("OriginationIdentity")
    if ref is None and isinstance(identity, Pool):
        ref = identity.pool_id
    request = SendRequest(
        channel=fallback["Channel"],
        destination_phone_number=params["DestinationPhoneNumber"],
        origination_identity=ref,
        message_body=fallback.get("MessageBody"),
        configuration_set_name=params.get("ConfigurationSetName"),
        context=dict(params.get("Context") or {}),
        media_urls=tuple(fallback.get("MediaUrls") or ()),
        dry_run=bool(params.get("DryRun", False)),
        time_to_live=params.get("TimeToLive"),
        protect_configuration_id=params.get("ProtectConfigurationId"),
        message_feedback_enabled=params.get("MessageFeedbackEnabled"),
        message_id=message_id,
        fallback_for="RCS",
        lead_events=("RCS_FALLEN_BACK_TO_SMS",),
    )
    return send(call, request)
