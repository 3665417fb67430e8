"""CarrierLookup: facts about a destination number, derived from libphonenumber's metadata (the
``phonenumbers`` package), so the same number always gets the same answer.

- ``E164PhoneNumber``: the input without its formatting characters, in E.164.
- ``DialingCountryCode``, ``IsoCountryCode``, ``Country``: the number's calling code, region
  and the region's English name.
- ``PhoneNumberType``: libphonenumber's type, mapped to the model's enum: ``MOBILE`` →
  ``MOBILE``; ``FIXED_LINE`` → ``LANDLINE``; ``FIXED_LINE_OR_MOBILE`` (the whole North American
  plan, where ranges are not split by type) → ``MOBILE``; VoIP → ``VOIP`` where the installed
  model's enum has it (else ``OTHER``); toll-free, premium rate, shared cost, personal, pager,
  UAN and voicemail numbers → ``OTHER`` (libphonenumber cannot tell ``PREPAID`` numbers
  apart); a number that is not valid in its plan (such as the fictional +1 555 01xx range) →
  ``INVALID``.
- ``Carrier``: libphonenumber's carrier data (the carrier the range was allocated to, which the
  API reference allows: "may be the carrier … that the phone number was originally registered
  with"); left out where it has none, as for most North American numbers.
- ``MCC``/``MNC``: left out; libphonenumber does not carry network codes.

With ``EnableCleansing``, when the number given is not already in E.164 (formatting characters,
or a trunk prefix after the country code: ``+44 (0) 7400 123456`` → ``+447400123456``),
``OriginalPhoneNumber`` is the number as given ("returned only when you set EnableCleansing to
true, the phone number was cleansed"). The model's pattern makes the ``+`` and country code
required, so cleansing never has to guess a country. libphonenumber normalizes every number the
same way, so ``E164PhoneNumber`` does not depend on the flag.

Input that is not a number at all (a country calling code that does not exist, too few or too
many digits to be a number) is a ``ValidationException`` with the reason ``CANNOT_PARSE``.
"""

from __future__ import annotations

import functools
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberType

from smsmock.rules.countries import country_name, end_user_number, is_country
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import enum_values

_TYPES = {
    PhoneNumberType.MOBILE: "MOBILE",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "MOBILE",
    PhoneNumberType.FIXED_LINE: "LANDLINE",
}


@functools.cache
def _types() -> dict[int, str]:
    """libphonenumber's types mapped to the installed model's ``PhoneNumberType`` values, read on
    the first lookup (a model without CarrierLookup has no such enum, and never asks)."""
    if "VOIP" in enum_values("PhoneNumberType"):
        return {**_TYPES, PhoneNumberType.VOIP: "VOIP"}
    return _TYPES


def lookup(number: str, cleanse: bool = False) -> dict[str, Any]:
    """The CarrierLookup answer for ``number`` (normalized first when ``cleanse``);
    ``ValidationException`` if it is no number."""
    given = number
    # The one rule for an end user's number (countries.end_user_number), with this
    # operation's documented reason.
    parsed = phonenumbers.parse(end_user_number(number, "PhoneNumber", "CANNOT_PARSE"), None)
    region: str | None = phonenumbers.region_code_for_number(parsed)
    if not region or not is_country(region):
        region = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
    if not is_country(region):
        region = None  # a non-geographic calling code (+800, +882 …)
    if phonenumbers.is_valid_number(parsed):
        number_type = _types().get(phonenumbers.number_type(parsed), "OTHER")
        # libphonenumber's carrier data (about 40 ms and 11 MB) is read by the first lookup,
        # not by every process that answers a call.
        from phonenumbers import carrier

        carrier_name = carrier.name_for_valid_number(parsed, "en") or None
    else:
        number_type, carrier_name = "INVALID", None
    normalized = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return {
        "E164PhoneNumber": normalized,
        "OriginalPhoneNumber": given if cleanse and normalized != given else None,
        "DialingCountryCode": str(parsed.country_code),
        "IsoCountryCode": region,
        "Country": country_name(region) if region else None,
        "Carrier": carrier_name,
        "PhoneNumberType": number_type,
    }


@operation("CarrierLookup")
def carrier_lookup(call: Call, params: Params) -> dict[str, Any]:
    return lookup(params["PhoneNumber"], bool(params.get("EnableCleansing", False)))
