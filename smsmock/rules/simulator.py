"""What the SMS simulator refuses at send time (User Guide, *Simulator phone numbers* and *Verify
a destination phone number*): a SIMULATOR origination number sends only to the destination
simulator numbers of its own country, and cannot send verification codes. :func:`check_simulator`
checks both, as the send pipeline's step after the origination identity
(:data:`smsmock.rules.sending.STEPS`), on the record that sends (a pool's member too).

AWS documents neither error. smsmock answers both with ``ValidationException``
``INVALID_PARAMETER``, naming the parameter at fault (``DestinationPhoneNumber``, resp.
``OriginationIdentity``): the closest modeled error, as the request itself is what cannot be
served. A destination of another country is refused earlier, as for any number that cannot send
abroad (``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY``): a SIMULATOR number cannot enable
international sending.
"""

from __future__ import annotations

from typing import Any

from smsmock.rules.simulator_numbers import simulator_destination
from smsmock.state.errors import ValidationError


def is_simulator(sender: Any) -> bool:
    """Whether ``sender`` (the record that sends) is a SIMULATOR phone number."""
    return getattr(sender, "number_type", None) == "SIMULATOR"


def check_simulator(sender: Any, destination: str, verification_code: bool) -> None:
    """Refuse what a SIMULATOR ``sender`` may not send: a verification code, or a message to
    ``destination`` (E.164) when it is no destination simulator number of its country. Any other
    sender passes."""
    if not is_simulator(sender):
        return
    if verification_code:
        # "You can not use a simulator phone number to verify a destination phone number"
        # (*Verify a destination phone number*), whether it is named or chosen for the caller.
        raise ValidationError(
            f"The SIMULATOR phone number {sender.phone_number} cannot send verification codes; "
            "use a phone number that is not a simulator number.",
            "INVALID_PARAMETER",
            [("OriginationIdentity", "A simulator phone number cannot verify a destination.")],
        )
    # "Simulator phone numbers can only send to other simulator destination phone numbers"
    # (*Simulator phone numbers*), of their own country.
    simulated = simulator_destination(destination)
    if simulated is None or simulated.iso_country_code != sender.iso_country_code:
        raise ValidationError(
            f"The SIMULATOR phone number {sender.phone_number} can only send to the destination "
            f"simulator phone numbers of {sender.iso_country_code}, not to {destination}.",
            "INVALID_PARAMETER",
            [("DestinationPhoneNumber", "Not a destination simulator phone number.")],
        )
