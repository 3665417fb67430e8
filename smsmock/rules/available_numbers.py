"""Choosing a phone number: the numbers ListAvailablePhoneNumbers offers and the one
RequestPhoneNumber leases (its ``NumberPreference``).

``phonenumbers`` is imported by each function on first use, not at the top, as in
:mod:`smsmock.rules.countries`: every rules module is imported by the first request, and most
operations never need libphonenumber (tens of milliseconds to load).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Container, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from smsmock.records.phone_numbers import PHONE_NUMBERS
from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call, Params

if TYPE_CHECKING:
    import phonenumbers

SEARCH_SIZE = 50
"""The most numbers one search offers (over all its pages)."""


SEARCH_COUNTRIES = ("US",)
"""ListAvailablePhoneNumbers: "This operation currently supports only US"; NumberPreference:
"Number preferences apply only to TEN_DLC requests in the US"."""


PREFERENCE_NUMBER_TYPES = ("TEN_DLC",)


_ATTEMPTS = 4000


def check_preference(preferences: Sequence[Mapping[str, Any]]) -> tuple[str, list[str]]:
    """The (preference type, filter values) of a ``NumberPreference``; "Max 1 for pattern types
    (StartsWith/EndsWith/Contains), max 10 for ExactMatch"."""
    preference = preferences[0]
    kind = str(preference["PreferenceType"][0])
    values = [str(v) for v in preference["Filter"]]
    if kind != "ExactMatch" and len(values) > 1:
        raise ValidationError(
            f"A {kind} preference takes one filter value.",
            "INVALID_PARAMETER",
            [("NumberPreference.Filter", f"At most 1 value for {kind}.")],
        )
    return kind, values


def _matches(number: str, kind: str, value: str) -> bool:
    text = number if value.startswith("+") else number[2:]  # national part of a +1 number
    if kind == "StartsWith":
        return text.startswith(value)
    if kind == "EndsWith":
        return text.endswith(value)
    if kind == "Contains":
        return value in text
    return number == (value if value.startswith("+") else f"+{value}")


def _valid(region: str, national: str) -> str | None:
    import phonenumbers  # on first use: see the module's docstring

    kinds = phonenumbers.PhoneNumberType
    code = phonenumbers.country_code_for_region(region)
    if not national.isdigit():
        return None
    candidate = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
    if len(national) != len(str(candidate.national_number)):
        return None  # a leading zero the plan does not have
    if not phonenumbers.is_valid_number_for_region(candidate, region):
        return None
    if phonenumbers.number_type(candidate) not in (
        kinds.FIXED_LINE_OR_MOBILE,
        kinds.MOBILE,
        kinds.FIXED_LINE,
    ):
        return None
    return str(phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164))


def _national_length(region: str) -> int:
    import phonenumbers  # on first use: see the module's docstring

    kinds = phonenumbers.PhoneNumberType
    example = phonenumbers.example_number_for_type(region, kinds.FIXED_LINE_OR_MOBILE)
    if example is None:
        example = phonenumbers.example_number(region)
    return len(phonenumbers.national_significant_number(example)) if example else 10


def _candidates(
    rng: random.Random, region: str, preference: tuple[str, list[str]] | None
) -> Iterator[str]:
    """Numbers of ``region`` (possibly repeated) shaped to fit ``preference``."""
    import phonenumbers  # on first use: see the module's docstring

    length = _national_length(region)
    prefix = f"+{phonenumbers.country_code_for_region(region)}"
    if preference is not None and preference[0] == "ExactMatch":
        for value in preference[1]:
            number = value if value.startswith("+") else f"+{value}"
            if number.startswith(prefix):
                found = _valid(region, number[len(prefix) :])
                if found is not None:
                    yield found
        return
    kind, values = preference if preference is not None else ("", [""])
    fixed = values[0]
    if fixed.startswith("+"):
        if not fixed.startswith(prefix) and not prefix.startswith(fixed):
            return  # another country's numbers
        fixed = fixed[len(prefix) :]
        kind = "StartsWith" if kind else kind  # a "+" value can only begin the number
    if len(fixed) > length:
        return
    for _ in range(_ATTEMPTS):
        free = length - len(fixed)
        digits = "".join(rng.choice("0123456789") for _ in range(free))
        if kind == "StartsWith":
            national = fixed + digits
        elif kind == "EndsWith":
            national = digits + fixed
        elif kind == "Contains":
            at = rng.randint(0, free)
            national = digits[:at] + fixed + digits[at:]
        else:
            national = str(rng.randint(2, 9)) + digits[1:]
        found = _valid(region, national)
        if found is not None:
            yield found


def available_numbers(
    region: str,
    number_type: str,
    capabilities: Sequence[str],
    preference: tuple[str, list[str]] | None,
    taken: Container[str],
    limit: int = SEARCH_SIZE,
) -> list[str]:
    """Up to ``limit`` numbers one could request, the same for the same arguments, none in
    ``taken``."""
    seed = json.dumps([region, number_type, sorted(capabilities), preference])
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    found: dict[str, None] = {}
    for number in _candidates(rng, region, preference):
        if preference is not None and not any(
            _matches(number, preference[0], v) for v in preference[1]
        ):
            continue
        if number in taken or number in found:
            continue
        found[number] = None
        if len(found) == limit:
            break
    return list(found)


def check_search_country(country: str, member: str) -> None:
    if country not in SEARCH_COUNTRIES:
        raise ValidationError(
            f"Number searches and preferences are supported in {', '.join(SEARCH_COUNTRIES)} "
            f"only, not {country}.",
            "INVALID_PARAMETER",
            [(member, f"Supported only in {', '.join(SEARCH_COUNTRIES)}.")],
        )


def requested_number(call: Call, params: Params, capabilities: list[str]) -> str:
    """The number RequestPhoneNumber leases: one matching ``NumberPreference`` when given (the
    first this search would list; ``ValidationException`` when none does), else any."""
    country, number_type = params["IsoCountryCode"], params["NumberType"]
    taken = NumbersInRegion(call)
    if not params.get("NumberPreference"):
        return new_phone_number(country, number_type, capabilities, taken)
    check_search_country(country, "NumberPreference")
    if number_type not in PREFERENCE_NUMBER_TYPES:
        raise ValidationError(
            f"Number preferences apply only to {', '.join(PREFERENCE_NUMBER_TYPES)} numbers.",
            "INVALID_PARAMETER",
            [("NumberPreference", "Applies only to TEN_DLC requests in the US.")],
        )
    preference = check_preference(params["NumberPreference"])
    found = available_numbers(country, number_type, capabilities, preference, taken, limit=1)
    if not found:
        raise ValidationError(
            "No available phone number matches the NumberPreference.",
            "INVALID_PARAMETER",
            [("NumberPreference", "No available phone number matches.")],
        )
    return found[0]


_RANDOM = random.Random()


def _wanted_types(number_type: str, capabilities: list[str]) -> list[tuple[int, ...]]:
    """The libphonenumber types a number may have, most fitting first."""
    import phonenumbers  # on first use: see the module's docstring

    kinds = phonenumbers.PhoneNumberType
    if number_type == "TOLL_FREE":
        return [(kinds.TOLL_FREE,)]
    if "SMS" in capabilities or "MMS" in capabilities:
        # A text-capable long code is a mobile number where the country tells them apart.
        return [(kinds.MOBILE, kinds.FIXED_LINE_OR_MOBILE)]
    return [(kinds.FIXED_LINE, kinds.FIXED_LINE_OR_MOBILE), (kinds.MOBILE,)]


def new_phone_number(
    region: str, number_type: str, capabilities: list[str], taken: Container[str]
) -> str:
    """A valid E.164 number of ``region`` for ``number_type``, not in ``taken``."""
    import phonenumbers  # on first use: see the module's docstring

    for wanted in _wanted_types(number_type, capabilities):
        for kind in wanted:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            found = _number_like(example, region, wanted, taken)
            if found is not None:
                return found
    raise ValidationError(
        f"No {number_type} phone number is available in {region}.",
        "INVALID_PARAMETER",
        [("IsoCountryCode", "No phone number is available for this request.")],
    )


def _number_like(
    example: phonenumbers.PhoneNumber, region: str, wanted: tuple[int, ...], taken: Container[str]
) -> str | None:
    import phonenumbers  # on first use: see the module's docstring

    nsn = phonenumbers.national_significant_number(example)
    # Keep the example's first digit, then ever more of its leading digits, so that numbers
    # spread over the country's ranges yet some try always lands in a valid one.
    for keep in range(1, max(2, len(nsn) - 3)):
        for _ in range(100):
            tail = "".join(_RANDOM.choice("0123456789") for _ in range(len(nsn) - keep))
            candidate = phonenumbers.PhoneNumber(
                country_code=example.country_code, national_number=int(nsn[:keep] + tail)
            )
            text = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)
            if (
                text not in taken
                and phonenumbers.is_valid_number_for_region(candidate, region)
                and phonenumbers.number_type(candidate) in wanted
            ):
                return text
    return None


class NumbersInRegion:
    """Whether a number is leased in this region, by any account (a number has one owner): a
    lookup in each account's table, not a scan of the numbers."""

    def __init__(self, call: Call) -> None:
        self._tables = [
            backend.table(PHONE_NUMBERS)
            for backend in call.world.backends()
            if backend.region == call.region
        ]

    def __contains__(self, number: object) -> bool:
        return isinstance(number, str) and any(number in table for table in self._tables)
