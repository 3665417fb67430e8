"""The limits on every voice message (SendVoiceMessage, and verification codes sent by voice), from
the User Guide's *Quotas* page, Voice quotas (quotas.md), and *SMS/MMS and Voice sandbox*
(sandbox.md):

- "Number of voice messages that can be sent to a single recipient during a 24-hour period: 5
  messages" (``VOICE_MESSAGES_PER_DESTINATION_PER_DAY``);
- in the sandbox, "Number of voice messages that can be sent during a 24-hour period: 20
  messages" (``SANDBOX_VOICE_MESSAGES_PER_DAY``; sandbox.md: "You have a daily limit of 20
  messages");
- "Voice message length: If your account is in the sandbox: 30 seconds. If your account is out of
  the sandbox: 5 minutes".

The 24 hours slide on the mock's clock (``call.now``). The model has no quota reason for a voice
message count but ``DAILY_DESTINATION_CALL_LIMIT``, which both counts are reported with
(:data:`smsmock.state.quotas.QUOTA_REASONS`); a message too long is ``ValidationException``
``MAXIMUM_SIZE_EXCEEDED``, the model's reason for a message over its size. The length is the
spoken words at :data:`~smsmock.rules.pricing.WORDS_PER_MINUTE`, as voice messages are priced.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from smsmock.rules.pricing import WORDS_PER_MINUTE, spoken_words
from smsmock.rules.spend import is_sandboxed
from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call

WINDOW = timedelta(hours=24)
MAXIMUM_SECONDS = {True: 30, False: 5 * 60}
"""The longest voice message, in the sandbox (``True``) or out of it."""

VOICE_CALLS = "voice_calls"
"""``backend.attributes`` key: when each voice message of the last 24 hours was accepted, by
destination number."""


class VoiceRequest(Protocol):
    """What of a send request the voice limits read (:class:`smsmock.rules.sending.SendRequest`)."""

    channel: str
    message_body: str | None
    message_body_text_type: str | None
    dry_run: bool


def check_voice_limits(call: Call, destination: str, request: VoiceRequest) -> None:
    """Refuse a voice message over the length or count limits; count it when it will be sent
    (not a dry run): the last check before a message is recorded. Other channels pass."""
    if request.channel != "VOICE":
        return
    body, text_type = request.message_body or "", request.message_body_text_type
    sandboxed = is_sandboxed(call.backend)
    seconds = spoken_words(body, text_type or "TEXT") * 60 / WORDS_PER_MINUTE
    if seconds > MAXIMUM_SECONDS[sandboxed]:
        raise ValidationError(
            f"The voice message lasts about {seconds:.0f} seconds; at most "
            f"{MAXIMUM_SECONDS[sandboxed]} are allowed{' in the sandbox' if sandboxed else ''}.",
            "MAXIMUM_SIZE_EXCEEDED",
            [("MessageBody", "The voice message is too long.")],
        )
    calls: dict[str, list[datetime]] = call.backend.attributes.setdefault(VOICE_CALLS, {})
    since = call.now - WINDOW
    for number in list(calls):
        calls[number] = [t for t in calls[number] if t > since]
        if not calls[number]:
            del calls[number]
    call.backend.check_quota(
        "VOICE_MESSAGES_PER_DESTINATION_PER_DAY", len(calls.get(destination, ()))
    )
    if sandboxed:
        call.backend.check_quota(
            "SANDBOX_VOICE_MESSAGES_PER_DAY", sum(len(times) for times in calls.values())
        )
    if not request.dry_run:
        calls.setdefault(destination, []).append(call.now)
