"""Small helpers the test files share."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError


def refused(call: Any, **kwargs: Any) -> dict[str, Any]:
    """The ``ClientError.response`` of a call that must fail."""
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    response: dict[str, Any] = caught.value.response
    return response


def toll_free_number(client: Any) -> dict[str, Any]:
    """A US toll-free number that sends SMS, MMS and voice: ``RequestPhoneNumber``'s answer."""
    found: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS", "VOICE", "MMS"],
        NumberType="TOLL_FREE",
    )
    return found
