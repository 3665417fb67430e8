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

In the send pipeline (:mod:`smsmock.rules.sending`) the length is the voice kind's size check, made
for dry runs too; the counts are its own limits, checked, and counted, for messages that are not
dry runs.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from smsmock.rules.pricing import WORDS_PER_MINUTE, spoken_words
from smsmock.rules.spend import is_sandboxed
from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call
from smsmock.state.world import Setting

WINDOW = timedelta(hours=24)
MAXIMUM_SECONDS = {True: 30, False: 5 * 60}
"""The longest voice message, in the sandbox (``True``) or out of it."""

VOICE_CALLS: Setting[dict[str, list[datetime]]] = Setting("voice_calls", dict)
"""When each voice message of the last 24 hours was accepted, by destination number."""


def check_voice_length(call: Call, body: str | None, text_type: str | None) -> None:
    """Refuse a voice message longer than the account may send (dry runs too)."""
    sandboxed = is_sandboxed(call.backend)
    seconds = spoken_words(body or "", text_type or "TEXT") * 60 / WORDS_PER_MINUTE
    if seconds > MAXIMUM_SECONDS[sandboxed]:
        raise ValidationError(
            f"The voice message lasts about {seconds:.0f} seconds; at most "
            f"{MAXIMUM_SECONDS[sandboxed]} are allowed{' in the sandbox' if sandboxed else ''}.",
            "MAXIMUM_SIZE_EXCEEDED",
            [("MessageBody", "The voice message is too long.")],
        )


def check_voice_count(call: Call, destination: str) -> None:
    """Refuse a voice message past the day's count to ``destination`` (or, in the sandbox, the
    day's count of all voice messages)."""
    calls = _last_day(call)
    call.backend.check_quota(
        "VOICE_MESSAGES_PER_DESTINATION_PER_DAY", len(calls.get(destination, ()))
    )
    if is_sandboxed(call.backend):
        call.backend.check_quota(
            "SANDBOX_VOICE_MESSAGES_PER_DAY", sum(len(times) for times in calls.values())
        )


def count_voice_message(call: Call, destination: str) -> None:
    """Count an accepted voice message (not a dry run) to ``destination``."""
    VOICE_CALLS.of(call.backend).setdefault(destination, []).append(call.now)


def _last_day(call: Call) -> dict[str, list[datetime]]:
    """The voice messages of the last 24 hours by destination, older ones forgotten."""
    calls = VOICE_CALLS.of(call.backend)
    since = call.now - WINDOW
    for number in list(calls):
        calls[number] = [t for t in calls[number] if t > since]
        if not calls[number]:
            del calls[number]
    return calls
