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


def us_toll_free(client: Any, *capabilities: str) -> dict[str, Any]:
    """A new US toll-free number of the account (SMS unless ``capabilities`` are given)."""
    number: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=list(capabilities or ("SMS",)),
        NumberType="TOLL_FREE",
    )
    return number
