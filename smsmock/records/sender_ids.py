"""Sender ID records: :class:`SenderId`, its table, and the one way to find one by reference
(:func:`find_sender_id`, :func:`sender_id`)."""

from __future__ import annotations

from dataclasses import dataclass

from smsmock.records import messaging_limits
from smsmock.state.errors import ResourceNotFoundError, ValidationError
from smsmock.state.service_model import Written
from smsmock.state.tables import Record, Table, TableKey


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


def find_sender_id(
    table: Table[SenderId], ref: str, iso_country_code: str | None = None
) -> SenderId | None:
    """The sender ID ``ref`` names: its ARN or ``SenderId/CC`` key, or a bare SenderId in
    ``iso_country_code`` (in its only country when none is given; ``ValidationException``
    ``MISSING_PARAMETER`` when it exists in several). With ``iso_country_code``, a sender ID of
    another country is not it."""
    if "/" in ref:  # an ARN or a key
        found = table.find(ref)
        if found is not None and iso_country_code not in (None, found.iso_country_code):
            return None
        return found
    if iso_country_code is not None:
        return table.find(f"{ref}/{iso_country_code}")
    matches = [r for r in table if r.sender_id == ref]
    if len(matches) > 1:
        raise ValidationError(
            f"The sender ID {ref} exists in several countries; give IsoCountryCode.",
            "MISSING_PARAMETER",
            [("IsoCountryCode", "Required to choose the sender ID's country.")],
        )
    return matches[0] if matches else None


def sender_id(table: Table[SenderId], ref: str, iso_country_code: str) -> SenderId:
    """:func:`find_sender_id` in ``iso_country_code``, or ``ResourceNotFoundException``."""
    found = find_sender_id(table, ref, iso_country_code)
    if found is None:
        # A sender ID is one per country: the message names both, as the request does.
        raise ResourceNotFoundError(
            "sender-id", ref, f"No sender-id {ref!r} found in {iso_country_code}."
        )
    return found
