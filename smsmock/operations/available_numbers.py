"""ListAvailablePhoneNumbers, and the number preference RequestPhoneNumber takes
(``NumberPreference``).

The numbers offered are real, valid numbers of the country (libphonenumber's metadata, as
RequestPhoneNumber's; see :mod:`smsmock.operations.phone_numbers`), drawn from a generator seeded by
the request's parameters (country, number type, capabilities, preference), so the same search
answers the same numbers, less those leased in the region meanwhile (by any account). A search
offers at most :data:`~smsmock.rules.available_numbers.SEARCH_SIZE` numbers, paged by ``MaxResults``
(10 by default).

A preference's filter value is matched against the E.164 number when it starts with ``+``
(``+1510`` starts ``+15105550123``), else against the national number (``510`` starts
``5105550123``): ``StartsWith``, ``EndsWith`` and ``Contains`` take one value, ``ExactMatch``
up to ten whole numbers. "If no numbers match your search, this operation returns an empty list
rather than an error."
"""

from __future__ import annotations

from typing import Any

from smsmock.rules import origination_countries, registration_associations
from smsmock.rules.available_numbers import (
    NumbersInRegion,
    available_numbers,
    check_preference,
    check_search_country,
)
from smsmock.state.errors import ValidationError
from smsmock.state.paging import paginate
from smsmock.state.registry import Call, Params, operation


@operation("ListAvailablePhoneNumbers")
def list_available_phone_numbers(call: Call, params: Params) -> dict[str, Any]:
    country, number_type = params["IsoCountryCode"], params["NumberType"]
    capabilities = list(dict.fromkeys(params["NumberCapabilities"]))
    check_search_country(country, "IsoCountryCode")
    origination_countries.check_number_request(country, number_type, capabilities, "TRANSACTIONAL")
    if number_type == "TEN_DLC" and not params.get("RegistrationId"):
        # "A registration is required for regulated number types": a 10DLC number comes from
        # the aggregator of a completed 10DLC campaign (as for RequestPhoneNumber).
        raise ValidationError(
            "A TEN_DLC search needs the RegistrationId of a completed 10DLC campaign.",
            "MISSING_PARAMETER",
            [("RegistrationId", "Required for the TEN_DLC number type.")],
        )
    if params.get("RegistrationId"):
        registration_associations.registration_for_number(
            call, params["RegistrationId"], number_type, country
        )
    preference = (
        check_preference(params["NumberPreference"]) if params.get("NumberPreference") else None
    )
    numbers = available_numbers(
        country, number_type, capabilities, preference, NumbersInRegion(call)
    )
    page, token = paginate(call, numbers, params)
    return {"AvailablePhoneNumbers": page, "NextToken": token}
