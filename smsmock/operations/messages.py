"""Sending: SendTextMessage, SendVoiceMessage, SendMediaMessage, PutMessageFeedback.

Each send operation checks what is its own (a body, media URLs, a voice text's length) and hands
the message to the one send pipeline, :func:`smsmock.rules.sending.send`, which every outgoing
message goes through; an accepted message becomes a
:class:`~smsmock.records.messages.SentMessage` on the world, which tests read as
``sms.sent_messages``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from smsmock.rules.media_types import check_media_urls
from smsmock.rules.sending import (
    MESSAGE_FEEDBACK,
    SendRequest,
    send,
)
from smsmock.state.errors import ResourceNotFoundError, ValidationError
from smsmock.state.registry import Call, Params, operation

CHANNELS = ("SMS", "VOICE", "MMS", "RCS")


# -- operations --------------------------------------------------------------------------------

VOICE_TEXT_LIMIT = 3000
"""SendVoiceMessage: "TEXT: ... the maximum character limit is 3000. SSML: ... 6000"."""


@operation("SendTextMessage")
def send_text_message(call: Call, params: Params) -> dict[str, Any]:
    if not params.get("MessageBody"):
        raise ValidationError(
            "A text message needs a MessageBody.",
            "MISSING_PARAMETER",
            [("MessageBody", "Required.")],
        )
    message = send(call, SendRequest.from_params("SMS", params, max_price=params.get("MaxPrice")))
    return {"MessageId": message.message_id}


@operation("SendVoiceMessage")
def send_voice_message(call: Call, params: Params) -> dict[str, Any]:
    body = params.get("MessageBody")
    text_type = params.get("MessageBodyTextType", "TEXT")
    if not body:
        raise ValidationError(
            "A voice message needs a MessageBody.",
            "MISSING_PARAMETER",
            [("MessageBody", "Required.")],
        )
    if text_type == "TEXT" and len(body) > VOICE_TEXT_LIMIT:
        raise ValidationError(
            f"A TEXT voice message holds at most {VOICE_TEXT_LIMIT} characters.",
            "MAXIMUM_SIZE_EXCEEDED",
            [("MessageBody", f"At most {VOICE_TEXT_LIMIT} characters for TEXT.")],
        )
    request = SendRequest.from_params(
        "VOICE",
        params,
        voice_id=params.get("VoiceId", "MATTHEW"),
        message_body_text_type=text_type,
        max_price=params.get("MaxPricePerMinute"),
    )
    return {"MessageId": send(call, request).message_id}


@operation("SendMediaMessage")
def send_media_message(call: Call, params: Params) -> dict[str, Any]:
    if not params.get("MessageBody") and not params.get("MediaUrls"):
        raise ValidationError(
            "A media message needs a MessageBody, MediaUrls or both.",
            "MISSING_PARAMETER",
            [
                ("MessageBody", "Give MessageBody or MediaUrls."),
                ("MediaUrls", "Give MessageBody or MediaUrls."),
            ],
        )

    check_media_urls(params.get("MediaUrls") or ())
    request = SendRequest.from_params(
        "MMS",
        params,
        media_urls=tuple(params.get("MediaUrls") or ()),
        max_price=params.get("MaxPrice"),
    )
    return {"MessageId": send(call, request).message_id}


FEEDBACK_TIMEOUT = timedelta(hours=1)
"""PutMessageFeedback: "an hour after the message feedback record is set to FAILED"."""


def feedback_status(call: Call, message_id: str) -> str | None:
    """A feedback-enabled message's status: ``PENDING`` turns ``FAILED`` after an hour."""
    found = MESSAGE_FEEDBACK.of(call.backend).get(message_id)
    if found is None:
        return None
    status, since = found
    if status == "PENDING" and call.now - since >= FEEDBACK_TIMEOUT:
        return "FAILED"
    return status


@operation("PutMessageFeedback")
def put_message_feedback(call: Call, params: Params) -> dict[str, Any]:
    message_id = params["MessageId"]
    if feedback_status(call, message_id) is None:
        # Only messages sent with MessageFeedbackEnabled have a feedback record.
        raise ResourceNotFoundError("message", message_id)
    status = params["MessageFeedbackStatus"]
    MESSAGE_FEEDBACK.of(call.backend)[message_id] = (status, call.now)
    return {"MessageId": message_id, "MessageFeedbackStatus": status}
