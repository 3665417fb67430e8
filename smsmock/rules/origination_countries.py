"""Where each kind of origination identity can be had: the country table behind
RequestPhoneNumber, RequestSenderId and two-way messaging.

Sources (AWS End User Messaging SMS user guide, and its predecessor the Amazon Pinpoint user
guide, whose tables the current "Supported countries and regions" pages continue):

- *Supported countries and regions for SMS messaging* — per country: whether sender IDs are
  supported ("Yes", "No" or "Registration required") and whether two-way SMS is; the table is
  ``smsmock/data/sms_countries.json``, made by ``tools/generate_tables.py`` from a saved copy of
  the page's table (``tools/sms_countries_page.md``, with the page's commit and date);
- *Requesting dedicated long codes* → "Countries supported through console and APIs": the
  countries whose SMS long codes RequestPhoneNumber can lease (:data:`LONG_CODE_SMS`);
- *Supported countries and regions (voice channel)*: the countries whose local numbers can be
  leased for voice without a support case, i.e. "Local address required: No"
  (:data:`LONG_CODE_VOICE`);
- *Supported countries and regions for MMS messaging*: MMS from Canadian and US long codes
  (10DLC in the US) and US toll-free numbers;
- *Simulator phone numbers*: "AWS End User Messaging SMS currently supports origination simulator
  phone numbers in the United States", for SMS and MMS;
- toll-free numbers and 10DLC are US offerings (*Choosing an origination identity*).

The monthly prices (:data:`MONTHLY_LEASING_PRICES`, US dollars) are the mock's own round figures:
AWS publishes them on its pricing page, which is not reproduced here, except the Canadian long
code's 1.00 that the user guide's RequestPhoneNumber example answers with. Tests may change the
dicts and sets of this module to model another offering.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from smsmock.state.errors import ValidationError


def _sms_table() -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = json.loads(
        resources.files("smsmock").joinpath("data/sms_countries.json").read_text("utf-8")
    )
    return {code: row for code, row in table.items() if not code.startswith("_")}


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


SMS_TABLE: dict[str, dict[str, Any]] = _sms_table()
"""The SMS countries page's table, by ISO code: ``sender_ids`` (``Yes``, ``No``, ``Registration
required``), ``two_way`` (``Yes``, ``No``, ``N/A``), ``short_codes``, ``long_codes``,
``international_sending`` and the page's ``notes`` on the row."""

SMS_COUNTRIES: frozenset[str] = frozenset(SMS_TABLE)
"""Countries End User Messaging SMS delivers SMS to."""

SENDER_ID_COUNTRIES: frozenset[str] = frozenset(
    code for code, row in SMS_TABLE.items() if row["sender_ids"] != "No"
)
"""Countries where alphanumeric sender IDs are supported (with or without registration)."""

SENDER_ID_REGISTRATION_COUNTRIES: frozenset[str] = frozenset(
    code for code, row in SMS_TABLE.items() if row["sender_ids"] == "Registration required"
)
"""Countries where a sender ID must be registered ("Registration required"): RequestSenderId
refuses them, the sender ID comes through a registration."""

TWO_WAY_COUNTRIES: frozenset[str] = frozenset(
    code for code, row in SMS_TABLE.items() if row["two_way"] == "Yes"
)
"""Countries where two-way SMS is supported."""

NO_SHARED_ROUTES: frozenset[str] = frozenset({"US", "CN"})
"""Countries where messages are not sent on shared routes. User Guide, *Choosing an origination
identity* (phone-number-types.md) and *Shared routes* (phone-pool-shared-routes.md): "Shared
identities are unavailable in some countries, including the United States and China"; the
model's ``SharedRoutesEnabled``: "In some countries, such as the United States, senders aren't
allowed to use shared routes". Only the two countries named are listed: the pages give no
others."""

LONG_CODE_SMS: frozenset[str] = _codes("AU AT CA CL DK FI DE HK HU IT NL NO PL PT ES SE GB")
"""Countries whose SMS long codes RequestPhoneNumber leases (the console-and-API list)."""

LONG_CODE_VOICE: frozenset[str] = _codes(
    "AT BB BR BF CA KY CL CO CY DO EC SV GD GT ID IL JM KE LT NZ PE PH PR TT GB US VN"
)
"""Countries whose voice long codes can be leased without a support case."""

LONG_CODE_MMS: frozenset[str] = frozenset({"CA"})
"""Countries whose long codes (``LONG_CODE``) carry MMS; US long codes for MMS are 10DLC."""


@dataclass(frozen=True)
class Offering:
    """A number type in one country: the capabilities it can have."""

    capabilities: frozenset[str]


def _us_only(capabilities: str) -> dict[str, Offering]:
    return {"US": Offering(frozenset(capabilities.split()))}


OFFERINGS: dict[str, dict[str, Offering]] = {
    "TOLL_FREE": _us_only("SMS VOICE MMS"),
    "TEN_DLC": _us_only("SMS VOICE MMS"),
    "SIMULATOR": _us_only("SMS VOICE MMS"),
}
"""Number types other than ``LONG_CODE``, by country."""

MONTHLY_LEASING_PRICES: dict[tuple[str, str], str] = {
    ("US", "TOLL_FREE"): "2.00",
    ("US", "TEN_DLC"): "2.00",
    ("US", "LONG_CODE"): "1.00",
    ("US", "SIMULATOR"): "0.00",
    ("CA", "LONG_CODE"): "1.00",
    ("GB", "LONG_CODE"): "1.50",
    ("AU", "LONG_CODE"): "3.00",
}
"""(country, number type) → monthly price; other long codes cost :data:`DEFAULT_LONG_CODE_PRICE`."""

DEFAULT_LONG_CODE_PRICE = "2.00"
SENDER_ID_PRICE = "0.00"
"""Sender IDs carry no monthly lease in the mock (registration fees are not modelled)."""


def long_code_offering(iso_country_code: str) -> Offering | None:
    capabilities: set[str] = set()
    if iso_country_code in LONG_CODE_SMS:
        capabilities.add("SMS")
    if iso_country_code in LONG_CODE_VOICE:
        capabilities.add("VOICE")
    if iso_country_code in LONG_CODE_MMS:
        capabilities.add("MMS")
    return Offering(frozenset(capabilities)) if capabilities else None


def offering(iso_country_code: str, number_type: str) -> Offering | None:
    """What ``number_type`` numbers in the country can do, or ``None`` when there are none."""
    if number_type == "LONG_CODE":
        return long_code_offering(iso_country_code)
    return OFFERINGS.get(number_type, {}).get(iso_country_code)


def monthly_leasing_price(iso_country_code: str, number_type: str) -> str:
    found = MONTHLY_LEASING_PRICES.get((iso_country_code, number_type))
    return found if found is not None else DEFAULT_LONG_CODE_PRICE


def check_number_request(
    iso_country_code: str, number_type: str, capabilities: list[str], message_type: str
) -> None:
    """``ValidationException`` unless a ``number_type`` number with ``capabilities`` can be had in
    the country: ``VOICE_CAPABILITY_NOT_AVAILABLE`` for voice where only text is offered, else
    ``INVALID_PARAMETER`` naming the member at fault."""
    if number_type == "SIMULATOR" and message_type != "TRANSACTIONAL":
        # RequestPhoneNumber: "When you request a SIMULATOR phone number, you must set
        # MessageType as TRANSACTIONAL."
        raise ValidationError(
            "A SIMULATOR phone number requires the MessageType TRANSACTIONAL.",
            "INVALID_PARAMETER",
            [("MessageType", "Must be TRANSACTIONAL for a SIMULATOR phone number.")],
        )
    found = offering(iso_country_code, number_type)
    if found is None:
        raise ValidationError(
            f"{number_type} phone numbers are not available in {iso_country_code}.",
            "INVALID_PARAMETER",
            [("NumberType", f"{number_type} is not available in {iso_country_code}.")],
        )
    missing = [c for c in capabilities if c not in found.capabilities]
    if "VOICE" in missing:
        raise ValidationError(
            f"{number_type} phone numbers in {iso_country_code} do not support VOICE.",
            "VOICE_CAPABILITY_NOT_AVAILABLE",
            [("NumberCapabilities", "VOICE is not available for this number type and country.")],
        )
    if missing:
        raise ValidationError(
            f"{number_type} phone numbers in {iso_country_code} do not support "
            f"{', '.join(missing)}.",
            "INVALID_PARAMETER",
            [("NumberCapabilities", f"{', '.join(missing)} not available here.")],
        )


def check_sender_id_country(iso_country_code: str) -> None:
    """``ValidationException`` ``SENDER_ID_NOT_SUPPORTED`` where sender IDs are not supported
    (the US and Canada among them)."""
    if iso_country_code not in SENDER_ID_COUNTRIES:
        raise ValidationError(
            f"Sender IDs are not supported in {iso_country_code}.",
            "SENDER_ID_NOT_SUPPORTED",
            [("IsoCountryCode", f"Sender IDs are not supported in {iso_country_code}.")],
        )


def two_way_supported(iso_country_code: str) -> bool:
    return iso_country_code in TWO_WAY_COUNTRIES
