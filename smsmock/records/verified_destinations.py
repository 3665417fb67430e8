"""Verified destination number records: :class:`VerifiedDestinationNumber`, its table and
lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from smsmock.state.registry import Call
from smsmock.state.tables import Record, TableKey


@dataclass(kw_only=True)
class VerifiedDestinationNumber(Record):
    """A destination number of the sandbox; attributes are the model's
    ``VerifiedDestinationNumberInformation``."""

    verified_destination_number_arn: str
    verified_destination_number_id: str
    destination_phone_number: str
    status: str
    created_timestamp: datetime
    rcs_agent_id: str | None = None
    code: str | None = field(default=None, repr=False)
    code_sent_at: datetime | None = None
    code_sends: list[datetime] = field(default_factory=list, repr=False)
    """When codes were sent (the daily attempts quota; the first code's fee is waived)."""

    @property
    def alias(self) -> str:
        """The destination number (with the RCS agent, when it is verified for one)."""
        if self.rcs_agent_id:
            return f"{self.destination_phone_number}/{self.rcs_agent_id}"
        return self.destination_phone_number


VERIFIED_DESTINATION_NUMBERS: TableKey[VerifiedDestinationNumber] = TableKey(
    "verified-destination-number",
    key=lambda r: r.verified_destination_number_id,
    id_prefix="verifieddestination",
    quota="VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
    aliases=lambda r: (r.alias,),
    arn=lambda r: r.verified_destination_number_arn,
)


def verified_destination(call: Call, ref: str) -> VerifiedDestinationNumber:
    """The verified destination number ``ref`` (its id or ARN) names, or
    ``ResourceNotFoundException``."""
    return call.backend.table(VERIFIED_DESTINATION_NUMBERS).get(ref)
