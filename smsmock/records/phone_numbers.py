"""Phone number records: :class:`PhoneNumber`, its table, and the lookup by reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from smsmock.records.messaging_limits import PRICING_TIER, phone_number_limits
from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.registry import Call
from smsmock.state.service_model import Written
from smsmock.state.tables import TABLE_KEYS, TableKey


@dataclass(kw_only=True)
class PhoneNumber(StatefulRecord):
    """An origination phone number; attributes are the model's ``PhoneNumberInformation``."""

    phone_number_arn: str
    phone_number_id: str
    phone_number: str
    iso_country_code: str
    message_type: str
    number_capabilities: list[str]
    number_type: str
    monthly_leasing_price: str
    created_timestamp: datetime
    opt_out_list_name: str = "Default"
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs_enabled: bool = False
    international_sending_enabled: bool = False
    deletion_protection_enabled: bool = False
    pool_id: str | None = None
    registration_id: str | None = None
    keywords: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Keyword → (KeywordMessage, KeywordAction); starts with the service's defaults."""
    pricing_tier: str = PRICING_TIER
    awaiting_registration: bool = False
    """A US toll-free number stays ``PENDING`` until its US_TOLL_FREE_REGISTRATION is approved
    (:mod:`smsmock.rules.toll_free`)."""
    messaging_limits: Written | None = field(default=None, init=False, repr=False)
    """``MessagingLimits`` (:mod:`smsmock.records.messaging_limits`): found when the number is
    made, as nothing changes a number's type or capabilities."""

    def __post_init__(self) -> None:
        self.messaging_limits = phone_number_limits(self.number_type, self.number_capabilities)


PHONE_NUMBERS: TableKey[PhoneNumber] = TableKey(
    "phone-number",
    key=lambda r: r.phone_number_id,
    id_prefix="phone",
    quota="PHONE_NUMBERS_PER_ACCOUNT",
    aliases=lambda r: (r.phone_number,),
    arn=lambda r: r.phone_number_arn,
    transitions={"PENDING": "ACTIVE"},
    held=lambda backend, number: _awaits_registration(backend, number),
)


def _awaits_registration(backend: Any, number: PhoneNumber) -> bool:
    """Whether ``number`` still waits for its registration. Its registration is read first, so
    that its own lifecycle moves (an approval releases the number:
    :mod:`smsmock.rules.toll_free`)."""
    registrations = TABLE_KEYS.get("registration")
    if number.awaiting_registration and number.registration_id and registrations is not None:
        backend.table(registrations).find(number.registration_id)
    return number.awaiting_registration


def phone_number(call: Call, ref: str) -> PhoneNumber:
    """The phone number ``ref`` (its id, ARN or E.164 number) names, or
    ``ResourceNotFoundException``."""
    return call.backend.table(PHONE_NUMBERS).get(ref)
