"""Keywords every phone number and pool has, and what an inbound message's keyword does (used by
phone numbers, pools and inbound messages)."""

from __future__ import annotations

from typing import Any

HELP_MESSAGE = "For assistance with your account, call (206) 555-0199."
STOP_MESSAGE = "You are now opted out and will no longer receive messages."
"""The default messages: the user guide's examples of compliant HELP and STOP responses (AWS
does not publish the text of its defaults)."""


DEFAULT_KEYWORDS: dict[str, tuple[str, str]] = {
    "HELP": (HELP_MESSAGE, "AUTOMATIC_RESPONSE"),
    "STOP": (STOP_MESSAGE, "OPT_OUT"),
}
"""The mandatory keywords every phone number and pool starts with: keyword → (message, action)."""


OPT_OUT_KEYWORDS = frozenset(
    {"ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "STOP", "TD", "UNSUBSCRIBE"}
)
"""Words with which an end user opts out "where required by local laws and regulations (such as
in the US and Canada)", whether or not they are configured as keywords."""


def default_keywords() -> dict[str, tuple[str, str]]:
    """A fresh copy of :data:`DEFAULT_KEYWORDS` for a new phone number or pool."""
    return dict(DEFAULT_KEYWORDS)


def keywords_of(record: Any) -> dict[str, tuple[str, str]]:
    """The record's keywords, the mandatory ones always among them."""
    keywords: dict[str, tuple[str, str]] = record.keywords
    for name, value in DEFAULT_KEYWORDS.items():
        if find_keyword(keywords, name) is None:
            keywords[name] = value
    return keywords


OPT_OUT_WORD_COUNTRIES = frozenset({"US", "CA"})
"""Where :data:`OPT_OUT_KEYWORDS` opt an end user out without being configured: the user guide
names the US and Canada ("Required opt-out keywords")."""


def keyword_action(record: Any, message: str, country: str | None) -> tuple[str, str, str] | None:
    """What an inbound ``message`` to ``record`` (a phone number, or the pool whose settings it
    follows) triggers: ``(keyword, message, action)`` for the keyword its first word is (case
    insensitive), an opt-out for the required opt-out words when the receiving number's
    ``country`` requires them, or ``None``. A pool has no country: the number's decides."""
    words = message.strip().split()
    if not words:
        return None
    first = words[0]
    keywords = keywords_of(record)
    key = find_keyword(keywords, first) or find_keyword(keywords, message.strip())
    if key is not None:
        text, action = keywords[key]
        return key, text, action
    if first.upper() in OPT_OUT_KEYWORDS and country in OPT_OUT_WORD_COUNTRIES:
        text, action = keywords[find_keyword(keywords, "STOP") or "STOP"]
        return first.upper(), text, action
    return None


def find_keyword(keywords: dict[str, tuple[str, str]], keyword: str) -> str | None:
    """The stored spelling of ``keyword``, matched case-insensitively."""
    folded = keyword.casefold()
    return next((k for k in keywords if k.casefold() == folded), None)
