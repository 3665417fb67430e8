"""The event types a message can produce, what each says, and the fates a test can choose.

Sources (AWS End User Messaging SMS user guide):

- *Event types for SMS, MMS, and voice* (``configuration-sets-event-types.html``): the types and
  when each occurs; the descriptions below paraphrase it.
- *Example event data* (``configuration-sets-event-format.html``): ``messageStatus`` and
  ``messageStatusDescription`` of the documented examples (``SUCCESSFUL`` "Message has been
  accepted by phone carrier", ``DELIVERED`` "Message has been accepted by phone", both with
  ``isFinal`` true for the same message in *Monitoring with EventBridge*), and "After 72 hours, if
  AWS End User Messaging SMS has not received a final event from a carrier, the service will
  automatically return an UNKNOWN messageStatus".
- *RCS message events* (``rcs-events.html``): RCS delivery, read, expiry and fallback events.

The names are the model's ``EventType`` enum; ``TEXT_SENT`` is never produced (event destinations
do not support it). For statuses the examples do not show, ``messageStatus`` is the event type
without its channel prefix (``TEXT_BLOCKED`` → ``BLOCKED``) and the description is the event
types page's; AWS passes carriers' own wording there, which smsmock cannot know.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import timedelta

from smsmock.state.service_model import service_model

PREFIXES = {"SMS": "TEXT", "MMS": "MEDIA", "VOICE": "VOICE", "RCS": "RCS"}
"""A message's channel → the prefix of its event types."""

NO_FINAL_EVENT_TIMEOUT = timedelta(hours=72)
"""How long the service waits for a carrier's final event before it reports ``UNKNOWN``."""

UNKNOWN_AFTER_TIMEOUT = (
    "No final status was received from the carrier within 72 hours; the message status is unknown"
)


@dataclass(frozen=True)
class Status:
    """What an event type says: its ``messageStatus``, description and whether it is final."""

    message_status: str
    description: str
    is_final: bool


_COMMON = {
    "QUEUED": ("The message is queued for delivery but not delivered yet", False),
    "PENDING": ("The message is being delivered but has not been delivered or failed yet", False),
    # Documented examples (Example event data; Monitoring with EventBridge).
    "SUCCESSFUL": ("Message has been accepted by phone carrier", True),
    "DELIVERED": ("Message has been accepted by phone", True),
    "INVALID": ("The destination phone number is not valid", True),
    "INVALID_MESSAGE": ("The message body is not valid and cannot be delivered", True),
    "UNREACHABLE": (
        "The recipient's device is unavailable: not connected to the mobile network or off",
        True,
    ),
    "CARRIER_UNREACHABLE": ("A transient error occurred on the recipient's carrier network", True),
    "BLOCKED": ("The recipient's device or carrier is blocking messages to this recipient", True),
    "CARRIER_BLOCKED": ("The recipient's carrier blocked delivery of the message", True),
    "SPAM": (
        "The recipient's carrier identified the message as unsolicited commercial content and "
        "blocked it",
        True,
    ),
    "UNKNOWN": (
        "The message could not be delivered for a reason no other event type covers",
        True,
    ),
    "TTL_EXPIRED": ("Delivering the message took longer than its time to live", True),
    "PROTECT_BLOCKED": ("The message was blocked by a protect configuration", True),
}
_BY_PREFIX = {
    "TEXT": _COMMON,
    "MEDIA": {
        **_COMMON,
        "FILE_INACCESSIBLE": ("The media file could not be accessed", True),
        "FILE_TYPE_UNSUPPORTED": ("The media file type is not supported", True),
        "FILE_SIZE_EXCEEDED": ("The media file is larger than the size allowed", True),
    },
    "VOICE": {
        "INITIATED": ("The call has been initiated", False),
        "RINGING": ("The recipient's phone is ringing", False),
        "ANSWERED": ("The recipient answered the call", False),
        # "This status doesn't necessarily mean that the message was delivered to a human
        # recipient" (event types page): an answering machine completes a call too.
        "COMPLETED": ("The audio message was played to the recipient", True),
        "BUSY": ("The recipient's line was busy", True),
        "NO_ANSWER": ("The recipient did not answer the call", True),
        "FAILED": ("The call failed", True),
        "TTL_EXPIRED": ("The call was not placed within its time to live", True),
    },
    "RCS": {
        "QUEUED": ("The message is queued for delivery", False),
        "SENT": ("The RCS platform accepted the message but has not delivered it yet", False),
        # The RCS_DELIVERED and RCS_READ examples' own descriptions.
        "DELIVERED": ("Message has been accepted by phone", True),
        "READ": ("Message has been read by recipient", True),
        "FAILED": ("The RCS platform cannot deliver the message", True),
        "TTL_EXPIRED": ("The message was not delivered within its time to live", True),
        "PROTECT_BLOCKED": ("The message was blocked by a protect configuration", True),
        "FALLEN_BACK_TO_SMS": ("The message was sent as SMS or MMS instead of RCS", True),
    },
}


@functools.cache
def event_types() -> frozenset[str]:
    """The model's ``EventType`` names (``ALL`` and the ``…_ALL`` groups included)."""
    return frozenset(service_model().shape_for("EventType").enum)


_RCS_MESSAGE_STATUS = {"SENT": "PENDING", "FAILED": "UNDELIVERABLE"}
"""RCS status events whose ``messageStatus`` is not the type's name: *RCS message events* lists
``DELIVERED``, ``PENDING`` ("The RCS platform accepted the message but has not yet delivered
it"), ``UNDELIVERABLE`` ("The platform permanently cannot deliver the message") and
``REJECTED`` as the values of outbound status events, and ``READ``."""


def status(event_type: str) -> Status:
    """What ``event_type`` (``TEXT_DELIVERED`` …) says; ``KeyError`` for a type that is not a
    message event."""
    prefix, _, rest = event_type.partition("_")
    description, final = _BY_PREFIX[prefix][rest]
    message_status = _RCS_MESSAGE_STATUS.get(rest, rest) if prefix == "RCS" else rest
    return Status(message_status, description, final)


# -- fates ---------------------------------------------------------------------------------------

DEFAULT_FATES = {"SMS": "DELIVERED", "MMS": "DELIVERED", "VOICE": "COMPLETED", "RCS": "DELIVERED"}
"""What happens to a message when no test chose otherwise: it reaches its recipient."""

_FAILURES = (
    "INVALID",
    "INVALID_MESSAGE",
    "UNREACHABLE",
    "CARRIER_UNREACHABLE",
    "BLOCKED",
    "CARRIER_BLOCKED",
    "SPAM",
    "UNKNOWN",
    "TTL_EXPIRED",
)
_TEXT_FATES: dict[str, tuple[str, ...]] = {
    "DELIVERED": ("SUCCESSFUL", "DELIVERED"),
    # "Depending on the destination country the TEXT_DELIVERED and TEXT_SUCCESSFUL events may be
    # used interchangeably": some carriers send no delivery receipt.
    "SUCCESSFUL": ("SUCCESSFUL",),
    # No final event from the carrier: UNKNOWN follows after NO_FINAL_EVENT_TIMEOUT.
    "QUEUED": ("QUEUED",),
    "PENDING": ("PENDING",),
    **{failure: (failure,) for failure in _FAILURES},
}
FATES: dict[str, dict[str, tuple[str, ...]]] = {
    "SMS": _TEXT_FATES,
    "MMS": {
        **_TEXT_FATES,
        "FILE_INACCESSIBLE": ("FILE_INACCESSIBLE",),
        "FILE_TYPE_UNSUPPORTED": ("FILE_TYPE_UNSUPPORTED",),
        "FILE_SIZE_EXCEEDED": ("FILE_SIZE_EXCEEDED",),
    },
    "VOICE": {
        "COMPLETED": ("INITIATED", "RINGING", "ANSWERED", "COMPLETED"),
        "BUSY": ("INITIATED", "BUSY"),
        "NO_ANSWER": ("INITIATED", "RINGING", "NO_ANSWER"),
        "FAILED": ("INITIATED", "FAILED"),
        "TTL_EXPIRED": ("TTL_EXPIRED",),
    },
    "RCS": {
        "DELIVERED": ("QUEUED", "SENT", "DELIVERED"),
        "READ": ("QUEUED", "SENT", "DELIVERED", "READ"),
        "FAILED": ("QUEUED", "FAILED"),
        "TTL_EXPIRED": ("QUEUED", "SENT", "TTL_EXPIRED"),
    },
}
"""Channel → fate name → the statuses its events report, in order (each becomes the event type
``{prefix}_{status}``). A fate whose last status is not final waits for the 72-hour timeout."""

NOT_A_FATE = {
    "OPTED_OUT": (
        "OPTED_OUT is not a delivery event: the service refuses a send to an opted-out number "
        "(ConflictException, Reason DESTINATION_PHONE_NUMBER_OPTED_OUT). Opt the number out "
        "with PutOptedOutNumber, or with sms.receive(number, our_number, 'STOP')."
    ),
}
"""Names a test may reach for that are no fate, and what to do instead."""


def fate_names() -> list[str]:
    """Every fate name: the fates, bare and with their channel's prefix (``TEXT_BLOCKED``)."""
    names = {name for fates in FATES.values() for name in fates}
    for channel, fates in FATES.items():
        names.update(f"{PREFIXES[channel]}_{name}" for name in fates)
    return sorted(names)


def fate_for_channel(name: str, channel: str) -> str | None:
    """The fate ``name`` means for a message of ``channel``, or ``None`` if it does not apply
    (``TEXT_BLOCKED`` on a voice call; ``BUSY`` on a text)."""
    fates = FATES.get(channel, {})
    prefix = f"{PREFIXES.get(channel)}_"
    bare = name.removeprefix(prefix)
    return bare if bare in fates else None
