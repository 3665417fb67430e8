"""US toll-free numbers wait for their registration before they can send.

AWS: "Your toll-free number registration must be completed and verified before you can use it to
send SMS messages" (AWS Messaging blog, *Updated requirements for US toll-free phone numbers*;
the User Guide's toll-free registration pages). What the live service shows meanwhile is the
number's status ``PENDING``: the Terraform AWS provider's issue #43295 reports a requested number
"waiting for state to become 'ACTIVE' (last state: 'PENDING')" for days, and its fix (pull request
#49485) says "Number types gated on carrier or registration approval (for example TEN_DLC,
TOLL_FREE, or any number submitted with registration_id) can remain PENDING for days to weeks";
a public provisioning script (cabalmail/cabal-infra, ``submit-tfv-registration.py``) says the
number "sits in Pending forever until a US_TOLL_FREE_REGISTRATION is created, populated,
associated with the number, and submitted".

So a new US toll-free number is ``PENDING`` and held there (its lifecycle does not move it) until
a US_TOLL_FREE_REGISTRATION it is associated with is approved; then it becomes ``ACTIVE`` as its
lifecycle mode says. A send from it meanwhile is refused as from any number that is not
``ACTIVE`` (``ConflictException`` ``RESOURCE_NOT_ACTIVE``): smsmock's reading, as AWS documents
no error for it. Tests that need a sendable number without the registration's forms call
:func:`register_phone_number` (the handle's ``register_phone_number``).
"""

from __future__ import annotations

from datetime import datetime, timezone

from smsmock.records.phone_numbers import PHONE_NUMBERS, PhoneNumber
from smsmock.records.registrations import ON_APPROVAL, Registration
from smsmock.rules.countries import e164
from smsmock.state.errors import ResourceNotFoundError
from smsmock.state.world import Backend

REGISTRATION_TYPE = "US_TOLL_FREE_REGISTRATION"


def awaits_registration(number_type: str, iso_country_code: str) -> bool:
    """Whether a newly requested number waits for a registration before it is ``ACTIVE``."""
    return number_type == "TOLL_FREE" and iso_country_code == "US"


def _release(number: PhoneNumber, when: datetime) -> None:
    """The number no longer waits; its lifecycle counts from ``when``."""
    number.awaiting_registration = False
    number.status_since = when


def _release_on_approval(backend: Backend, record: Registration) -> None:
    """An approved US_TOLL_FREE_REGISTRATION lets the toll-free numbers associated with it go."""
    if record.registration_type != REGISTRATION_TYPE:
        return
    for association in record.associations:
        # By ARN, without reading the number (a read would settle it, in the middle of this).
        number = backend.by_arn.get(association.resource_arn)
        if isinstance(number, PhoneNumber) and number.awaiting_registration:
            _release(number, record.status_since)


ON_APPROVAL.append(_release_on_approval)


def find_number(backend: Backend, phone_number: str) -> PhoneNumber | None:
    """The phone number of ``backend`` that ``phone_number`` (id, ARN or E.164) names."""
    numbers = backend.table(PHONE_NUMBERS)
    return numbers.find(phone_number) or numbers.find(e164(phone_number))


def register_phone_number(backend: Backend, phone_number: str) -> PhoneNumber:
    """Complete the registration the number waits for, as an approved registration would; the
    number then becomes ``ACTIVE`` as its lifecycle mode says. ``ResourceNotFoundException``
    when ``backend`` has no such number, ``ValueError`` when it waits for no registration."""
    number = find_number(backend, phone_number)
    if number is None:
        raise ResourceNotFoundError("phone-number", phone_number)
    if not number.awaiting_registration:
        raise ValueError(
            f"The phone number {number.phone_number} ({number.number_type}, "
            f"{number.status}) waits for no registration."
        )
    _release(number, datetime.now(timezone.utc))
    return number
