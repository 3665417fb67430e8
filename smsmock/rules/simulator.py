"""What the SMS simulator refuses at send time (User Guide, *Simulator phone numbers* and *Verify
a destination phone number*): a SIMULATOR origination number sends only to the destination
simulator numbers of its own country, and cannot send verification codes. Both are checks of
:data:`smsmock.rules.sending.SEND_CHECKS`.

AWS documents neither error. smsmock answers both with ``ValidationException``
``INVALID_PARAMETER``, naming the parameter at fault (``DestinationPhoneNumber``, resp.
``OriginationIdentity``): the closest modeled error, as the request itself is what cannot be
served. A destination of another country is refused earlier, as for any number that cannot send
abroad (``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY``): a SIMULATOR number cannot enable
international sending.
"""

from __future__ import annotations

from typing import Any

from smsmock.rules.sending import SEND_CHECKS, Outgoing
from smsmock.rules.simulator_numbers import simulator_destination
from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call


def is_simulator(sender: Any) -> bool:
    """Whether ``sender`` (the record that sends) is a SIMULATOR phone number."""
    return getattr(sender, "number_type", None) == "SIMULATOR"


def check_simulator_destination(call: Call, outgoing: Outgoing) -> None:
    """ "Simulator phone numbers can only send to other simulator destination phone numbers"
    (*Simulator phone numbers*), of their own country."""
    if not is_simulator(outgoing.sender):
        return
    destination = simulator_destination(outgoing.destination_phone_number)
    if destination is None or destination.iso_country_code != outgoing.sender.iso_country_code:
        raise ValidationError(
            f"The SIMULATOR phone number {outgoing.sender.phone_number} can only send to the "
            f"destination simulator phone numbers of {outgoing.sender.iso_country_code}, not to "
            f"{outgoing.destination_phone_number}.",
            "INVALID_PARAMETER",
            [("DestinationPhoneNumber", "Not a destination simulator phone number.")],
        )


def check_simulator_cannot_verify(call: Call, outgoing: Outgoing) -> None:
    """ "You can not use a simulator phone number to verify a destination phone number" (*Verify a
    destination phone number*), whether it is named or chosen for the caller."""
    if outgoing.verification_code and is_simulator(outgoing.sender):
        raise ValidationError(
            f"The SIMULATOR phone number {outgoing.sender.phone_number} cannot send "
            "verification codes; use a phone number that is not a simulator number.",
            "INVALID_PARAMETER",
            [("OriginationIdentity", "A simulator phone number cannot verify a destination.")],
        )


SEND_CHECKS.extend((check_simulator_cannot_verify, check_simulator_destination))
