"""``MaxPrice`` is the most a message may cost (SendTextMessage: "The maximum amount that you
want to spend, in US dollars, per each text message"): a price equal to it is sent, only a
higher one is refused (``PRICE_OVER_THRESHOLD``). A message charged nothing (the first
verification code to a number; an RCS message the phone cannot take, billed on delivery only)
keeps its segments on the record, and an undelivered RCS message is still held to ``MaxPrice``
at its price."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.rules import pricing
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import needs_operations

US_DEST = "+12065550100"
RCS_TEXT = {"Content": {"TextMessage": {"Body": "Your table is ready."}}}


def test_a_price_equal_to_max_price_is_sent(client: Any, sms_voice: SmsVoiceMock) -> None:
    origin = toll_free_number(client, ("SMS",))["PhoneNumberId"]
    price = pricing.text_price("US", 1)
    send = {"DestinationPhoneNumber": US_DEST, "OriginationIdentity": origin, "MessageBody": "hi"}
    client.send_text_message(**send, MaxPrice=f"{price:.5f}")
    assert [m.price for m in sms_voice.sent_messages] == [price]
    with pytest.raises(ClientError) as caught:
        client.send_text_message(**send, MaxPrice=f"{price - 0.00001:.5f}")
    expect_error(
        caught,
        "ValidationException",
        "PRICE_OVER_THRESHOLD",
        message=f"({price:.5f} USD)",
        fields={"MaxPrice": "Too low."},
    )


def test_the_free_first_verification_code_keeps_its_segments(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    origin = toll_free_number(client)["PhoneNumberId"]
    destination = client.create_verified_destination_number(DestinationPhoneNumber=US_DEST)
    for _ in range(2):
        client.send_destination_number_verification_code(
            VerifiedDestinationNumberId=destination["VerifiedDestinationNumberId"],
            VerificationChannel="TEXT",
            OriginationIdentity=origin,
        )
    first, second = sms_voice.sent_messages
    assert (first.segments, first.price) == (1, 0.0)
    assert (second.segments, second.price) == (1, pricing.text_price("US", 1))


@needs_operations("SendRcsMessage")
def test_an_undelivered_rcs_message_is_held_to_max_price(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    sms_voice.set_rcs_capable(US_DEST, False)
    send = {
        "OriginationIdentity": agent_id,
        "DestinationPhoneNumber": US_DEST,
        "RcsMessageContent": RCS_TEXT,
    }
    price = pricing.rcs_price("US", 1)
    with pytest.raises(ClientError) as caught:
        client.send_rcs_message(**send, MaxPrice=f"{price - 0.00001:.5f}")
    expect_error(
        caught,
        "ValidationException",
        "PRICE_OVER_THRESHOLD",
        message=f"({price:.5f} USD)",
        fields={"MaxPrice": "Too low."},
    )
    client.send_rcs_message(**send, MaxPrice=f"{price:.5f}")
    [sent] = sms_voice.sent_messages
    assert (sent.channel, sent.delivered) == ("RCS", False)
    assert (sent.segments, sent.price) == (1, 0.0)
