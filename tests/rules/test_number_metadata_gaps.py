"""RequestPhoneNumber when libphonenumber's metadata has no example number of a type (the numbers
are drawn like its examples, and a ``phonenumbers`` release may drop one): the number comes from
the next type that fits, and none fitting is ``ValidationException`` ``INVALID_PARAMETER``,
never an internal error."""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error

KINDS = phonenumbers.PhoneNumberType
CANADA_SMS = {
    "IsoCountryCode": "CA",
    "MessageType": "TRANSACTIONAL",
    "NumberCapabilities": ["SMS"],
    "NumberType": "LONG_CODE",
}


def _without_examples(monkeypatch: pytest.MonkeyPatch, *missing: int) -> None:
    """libphonenumber as if it had no example number of the ``missing`` types."""
    real = phonenumbers.example_number_for_type

    def example(region: str, kind: int) -> Any:
        return None if kind in missing else real(region, kind)

    monkeypatch.setattr(phonenumbers, "example_number_for_type", example)


def test_a_text_number_comes_from_the_next_type_that_fits(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Canada's mobile and fixed-line numbers share their ranges: without a MOBILE example, the
    # FIXED_LINE_OR_MOBILE one gives a number that carries text.
    _without_examples(monkeypatch, KINDS.MOBILE)
    number = client.request_phone_number(**CANADA_SMS)["PhoneNumber"]
    parsed = phonenumbers.parse(number)
    assert phonenumbers.is_valid_number_for_region(parsed, "CA")
    assert phonenumbers.number_type(parsed) in (KINDS.MOBILE, KINDS.FIXED_LINE_OR_MOBILE)


def test_no_type_that_fits_is_a_validation_error(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_examples(monkeypatch, KINDS.MOBILE, KINDS.FIXED_LINE_OR_MOBILE)
    with pytest.raises(ClientError) as caught:
        client.request_phone_number(**CANADA_SMS)
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        message="No LONG_CODE phone number is available in CA.",
        fields={"IsoCountryCode": "No phone number is available for this request."},
    )
    assert client.describe_phone_numbers()["PhoneNumbers"] == []
