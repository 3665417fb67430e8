"""Countries and destination numbers, from the ``phonenumbers`` library (Google's libphonenumber
metadata), so that country lists, country names and number facts are real data, not a hand table.

Used by protect configurations (their country rule sets), carrier lookup, notify (its country
list) and RCS agents (their launch countries). ``phonenumbers`` is imported by each function on
first use, not at the top: this module is imported with ``import smsmock`` (through the handle),
which must stay cheap, and libphonenumber takes tens of milliseconds to load.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from smsmock.state.errors import ValidationError

if TYPE_CHECKING:
    import phonenumbers

# The three regions libphonenumber knows that have no English display name in its geocoder data.
_NAMES_MISSING_FROM_GEOCODER = {
    "AC": "Ascension Island",
    "TA": "Tristan da Cunha",
    "XK": "Kosovo",
}


@functools.cache
def iso_country_codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-2 region libphonenumber has numbering data for (245), sorted."""
    import phonenumbers  # on first use: see the module's docstring

    return tuple(sorted(phonenumbers.SUPPORTED_REGIONS))


@functools.cache
def country_name(iso_country_code: str) -> str:
    """The English name of a country or region (``US`` → ``United States``)."""
    # Imported on first use: the geocoder's data takes seconds to load, and ``import smsmock``
    # (which imports this module through the handle) must stay cheap.
    from phonenumbers import geocoder

    name: str = geocoder._region_display_name(iso_country_code, "en")
    return name or _NAMES_MISSING_FROM_GEOCODER.get(iso_country_code, iso_country_code)


def is_country(iso_country_code: str) -> bool:
    import phonenumbers  # on first use: see the module's docstring

    return iso_country_code in phonenumbers.SUPPORTED_REGIONS


def parse_number(number: str) -> phonenumbers.PhoneNumber | None:
    """A destination number given in E.164 (the ``+`` may be left out, as the model's
    ``PhoneNumber`` pattern allows) or with formatting characters; ``None`` when not a number."""
    import phonenumbers  # on first use: see the module's docstring

    text = number if number.startswith("+") else f"+{number}"
    try:
        return phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None


def e164(number: str) -> str:
    """``number`` in E.164 form (``+`` and digits); unchanged if it cannot be parsed."""
    import phonenumbers  # on first use: see the module's docstring

    parsed = parse_number(number)
    if parsed is None:
        return number
    formatted: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return formatted


def country_of(number: str) -> str | None:
    """The ISO country code a destination number belongs to, or ``None`` when libphonenumber
    cannot place it (an unassigned country calling code, or a number too short to tell)."""
    import phonenumbers  # on first use: see the module's docstring

    parsed = parse_number(number)
    if parsed is None:
        return None
    region: str | None = phonenumbers.region_code_for_number(parsed)
    if region is None or region == phonenumbers.UNKNOWN_REGION or not is_country(region):
        # Within a shared calling code (+1, +7, +44 …) an unassigned range has no region; the
        # calling code's main country is the best answer.
        main: str = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
        return main if is_country(main) else None
    return region


def end_user_number(number: str, member: str, reason: str = "INVALID_PARAMETER") -> str:
    """The end user's phone number ``number`` in E.164, or ``ValidationException`` naming
    ``member`` — the one rule of every operation that takes an end user's number (sending,
    opt-outs, verified destinations, protect overrides, carrier lookup, notify, RCS).

    AWS asks for "the destination phone number in E.164 format": a ``+``, an assigned country
    calling code and a subscriber number, 15 digits at most. A number whose length is impossible
    for its calling code (``+1206555``, ``+12065``) is refused at once. A number of a possible
    length that is not valid in its numbering plan (an unassigned range, or the fictional
    +1 555 01xx numbers tests send to) is accepted: AWS reports an invalid destination after the
    call, as the ``TEXT_INVALID`` event ("occurs when the destination phone number is not
    valid", User Guide, *Event types*), and the mock delivers such messages so that tests of
    fictional numbers pass. See docs/messaging.md, *Destination numbers*.
    """
    import phonenumbers  # on first use: see the module's docstring

    parsed = parse_number(number)
    if parsed is None or not phonenumbers.is_possible_number(parsed):
        raise ValidationError(
            f"The phone number {number} is not a valid E.164 phone number.",
            reason,
            [(member, "Not a valid E.164 phone number.")],
        )
    formatted: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return formatted
