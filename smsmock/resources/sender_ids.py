"""Sender IDs: RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId."""

from __future__ import annotations

from dataclasses import dataclass

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


SENDER_IDS: TableKey[SenderId] = TableKey(
    "sender-id",
    key=lambda r: r.key,
    arn=lambda r: r.sender_id_arn,
)
