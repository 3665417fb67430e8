"""Countries and destination numbers, from the ``phonenumbers`` library (Google's libphonenumber
metadata), so that country lists, country names and number facts are real data, not a hand table.

Used by protect configurations (their country rule sets), carrier lookup, notify (its country
list) and RCS agents (their launch countries). ``phonenumbers`` is imported by each function on
first use, not at the top: this module is imported with ``import smsmock`` (through the handle),
which must stay cheap, and libphonenumber takes tens of milliseconds to load.

Country names and major carriers are tables made once from libphonenumber's geocoding and carrier
data by ``tools/generate_tables.py`` and shipped in ``smsmock/data``: importing that data
costs about 350 ms and 110 MB (every locale at once), for two tables of a few kilobytes.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from smsmock.state.errors import ValidationError

if TYPE_CHECKING:
    import phonenumbers


@functools.cache
def iso_country_codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-2 region libphonenumber has numbering data for (245), sorted."""
    import phonenumbers  # on first use: see the module's docstring

    return tuple(sorted(phonenumbers.SUPPORTED_REGIONS))


def country_name(iso_country_code: str) -> str:
    """The English name of a country or region (``US`` → ``United States``); the code itself
    for one libphonenumber does not name."""
    return _country_names().get(iso_country_code, iso_country_code)


def major_carriers(iso_country_code: str) -> tuple[str, ...]:
    """The (up to three) carriers holding the most number ranges of a country in
    libphonenumber's carrier data; empty where the calling code is shared by several countries
    (+1, +7, +44 …), whose ranges the data does not tell apart by country."""
    return _major_carriers().get(iso_country_code, ())


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = _read_table("country_names.json")
    return names


@functools.cache
def _major_carriers() -> dict[str, tuple[str, ...]]:
    carriers: dict[str, list[str]] = _read_table("major_carriers.json")
    return {code: tuple(names) for code, names in carriers.items()}


def _read_table(name: str) -> Any:
    """A table of ``smsmock/data``, by ISO country code."""
    return json.loads(resources.files("smsmock").joinpath(f"data/{name}").read_text("utf-8"))


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


NUMBERS_KEPT = 4096
"""How many numbers' answers :func:`e164`, :func:`country_of` and :func:`end_user_number` keep.

A send reads its destination three times (checked, its country, the opt-out key) and a suite
sends to a few numbers many times; libphonenumber's answer for a number never changes within a
process, and computing it (parsing, and for a +1 number a search through the 25 regions of the
North American plan) was about a third of a mocked send's time (docs/performance.md)."""


@functools.lru_cache(maxsize=NUMBERS_KEPT)
def e164(number: str) -> str:
    """``number`` in E.164 form (``+`` and digits); unchanged if it cannot be parsed."""
    import phonenumbers  # on first use: see the module's docstring

    parsed = parse_number(number)
    if parsed is None:
        return number
    formatted: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return formatted


@functools.lru_cache(maxsize=NUMBERS_KEPT)
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
    formatted = _possible_e164(number)
    if formatted is None:
        raise ValidationError(
            f"The phone number {number} is not a valid E.164 phone number.",
            reason,
            [(member, "Not a valid E.164 phone number.")],
        )
    return formatted


@functools.lru_cache(maxsize=NUMBERS_KEPT)
def _possible_e164(number: str) -> str | None:
    """``number`` in E.164 when it parses and its length is possible for its calling code."""
    import phonenumbers  # on first use: see the module's docstring

    parsed = parse_number(number)
    if parsed is None or not phonenumbers.is_possible_number(parsed):
        return None
    formatted: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return formatted
