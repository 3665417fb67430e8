"""A destination that is a possible E.164 number of no country (+800, international freephone)
has nowhere to be sent: every send refuses it, naming the number as it was given."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number

FREEPHONE = "+80012345678"


@pytest.mark.parametrize("operation", ["send_text_message", "send_voice_message"])
def test_a_destination_of_no_country_is_named(
    client: Any, sms_voice: SmsVoiceMock, operation: str
) -> None:
    origin = toll_free_number(client)["PhoneNumberId"]
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(
            DestinationPhoneNumber=FREEPHONE, OriginationIdentity=origin, MessageBody="Hi"
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        message=f"The destination phone number {FREEPHONE} is not a valid E.164 phone number.",
        fields={"DestinationPhoneNumber": "Invalid phone number."},
    )
    assert sms_voice.sent_messages == ()
