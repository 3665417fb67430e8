"""Where each kind of origination identity can be had: the country table behind
RequestPhoneNumber, RequestSenderId and two-way messaging.

Sources (AWS End User Messaging SMS user guide, and its predecessor the Amazon Pinpoint user
guide, whose tables the current "Supported countries and regions" pages continue):

- *Supported countries and regions (SMS channel)* — per country: whether sender IDs are supported
  ("Yes", "No" or "Registration required") and whether two-way SMS is (:data:`_SMS_TABLE`);
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

from dataclasses import dataclass

from smsmock.state.errors import ValidationError

# ISO code, sender IDs (Y yes, N no, R registration required), two-way SMS (Y/N). Kosovo is
# listed by the guide as "KV" and Tuvalu as "TC" (typos): here XK and TV, as libphonenumber has
# them. "Netherlands Antilles" (AN) no longer has an ISO code and is left out.
_SMS_TABLE = """
AF Y N  AL Y N  DZ Y N  AD Y N  AI Y N  AG Y N  AR N N  AM Y N  AW Y N  AU Y Y  AT Y Y  AZ Y N
BS N N  BH Y N  BD Y N  BB Y N  BY R N  BE N Y  BZ Y N  BM Y N  BT Y N  BO Y N  BA Y N  BW Y N
BR N Y  BN Y N  BG Y Y  BF Y N  BI Y N  KH Y N  CM Y N  CA N Y  CV Y N  KY N N  CF Y N  TD Y N
CL N Y  CN N Y  CO N Y  KM Y N  CK Y Y  CR N N  HR Y N  CY Y N  CZ Y Y  CD Y N  DK Y Y  DJ Y N
DM Y N  DO N Y  EC N Y  EG R Y  SV N N  GQ Y N  ER Y N  EE Y Y  ET Y N  FO Y N  FJ Y N  FI Y Y
FR Y Y  GF Y N  PF Y N  GA Y N  GM Y N  GE Y N  DE Y Y  GH Y N  GI Y N  GR Y N  GL Y N  GD Y N
GP Y N  GU N N  GT N N  GG Y N  GN Y N  GW Y N  GY Y N  HT Y N  HN Y N  HK Y Y  HU N Y  IS Y N
IN R Y  ID Y N  IQ Y N  IE Y Y  IM Y N  IL Y Y  IT Y Y  CI Y N  JM Y N  JP Y Y  JE Y Y  JO R N
KZ Y N  KE Y N  XK Y N  KW R N  KG Y N  LA Y N  LV Y N  LB Y N  LS Y N  LR N N  LY Y N  LI Y N
LT Y Y  LU Y Y  MO Y N  MK Y N  MG Y N  MW Y N  MY N Y  MV Y N  ML Y N  MT Y N  MH N N  MQ Y N
MR Y N  MU Y N  YT Y N  MX N Y  FM N N  MD Y N  MC N N  MN Y N  ME Y N  MS Y N  MA Y Y  MZ N N
MM Y Y  NA Y N  NP Y N  NL Y Y  NC Y N  NZ N Y  NI N N  NE Y N  NG Y N  NU Y N  NO Y Y  OM Y N
PK Y N  PS Y N  PA Y N  PG Y N  PY N N  PE N Y  PH R Y  PL Y Y  PT Y Y  PR N Y  QA R N  CG N N
RE Y N  RO Y Y  RU R Y  RW Y N  KN N N  LC N N  WS Y N  SM Y N  ST Y N  SA R N  SN Y N  RS Y N
SC Y N  SL Y N  SG Y Y  SK Y N  SI Y N  SB Y N  SO Y N  ZA N Y  KR N N  SS Y N  ES Y Y  LK R N
SR Y N  SZ Y N  SE Y Y  CH Y N  TW Y Y  TJ Y N  TZ Y N  TH R Y  TL Y N  TG Y N  TO Y N  TT Y N
TN Y N  TR R N  TM N N  TC Y N  TV Y N  UG Y N  UA Y Y  AE R Y  GB Y Y  US N Y  UY N Y  UZ Y N
VU Y N  VE N N  VN R N  VG Y N  VI N N  YE Y N  ZM Y N  ZW Y N
"""


def _parse(table: str) -> dict[str, tuple[str, bool]]:
    words = table.split()
    return {words[i]: (words[i + 1], words[i + 2] == "Y") for i in range(0, len(words), 3)}


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ROWS = _parse(_SMS_TABLE)

SMS_COUNTRIES: frozenset[str] = frozenset(_ROWS)
"""Countries End User Messaging SMS delivers SMS to."""

SENDER_ID_COUNTRIES: frozenset[str] = frozenset(c for c, (s, _) in _ROWS.items() if s != "N")
"""Countries where alphanumeric sender IDs are supported (with or without registration)."""

SENDER_ID_REGISTRATION_COUNTRIES: frozenset[str] = frozenset(
    c for c, (s, _) in _ROWS.items() if s == "R"
)
"""Countries where a sender ID must be registered before it can send ("Registration required")."""

TWO_WAY_COUNTRIES: frozenset[str] = frozenset(c for c, (_, t) in _ROWS.items() if t)
"""Countries where two-way SMS is supported."""

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
