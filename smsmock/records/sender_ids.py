"""Sender ID records: :class:`SenderId` and its table."""

from __future__ import annotations

from dataclasses import dataclass

from smsmock.records import messaging_limits
from smsmock.state.service_model import Written
from smsmock.state.tables import Record, TableKey


@dataclass(kw_only=True)
class SenderId(Record):
    """A sender ID in one country; attributes are the model's ``SenderIdInformation``.

    Its id is ``{SenderId}/{IsoCountryCode}`` (the ARN's resource part), as one sender ID may be
    requested in several countries.
    """

    sender_id_arn: str
    sender_id: str
    iso_country_code: str
    message_types: list[str]
    monthly_leasing_price: str
    deletion_protection_enabled: bool = False
    registered: bool = False
    registration_id: str | None = None
    pool_id: str | None = None

    @property
    def key(self) -> str:
        return f"{self.sender_id}/{self.iso_country_code}"

    @property
    def messaging_limits(self) -> Written:
        """``MessagingLimits`` (see :mod:`smsmock.records.messaging_limits`)."""
        return messaging_limits.sender_id_limits()

    @property
    def pricing_tier(self) -> str:
        return messaging_limits.PRICING_TIER


SENDER_IDS: TableKey[SenderId] = TableKey(
    "sender-id",
    key=lambda r: r.key,
    quota="SENDER_IDS_PER_ACCOUNT",
    arn=lambda r: r.sender_id_arn,
)
