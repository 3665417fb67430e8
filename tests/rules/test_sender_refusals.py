"""The refusals a sender meets, asserted whole (code, Reason, Fields, resource and the message's
meaningful part): an identity without the channel's capability, of another country, of another
message type; an SMS over the largest size (sms-limitations-character.md); an opted-out
destination; a SIMULATOR number's limits (*Simulator phone numbers*). And the message type a
message takes from its sender when none is asked."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, simulator_number, toll_free_number
from tests.installed_model import needs_members

DEST = "+12065550100"
GB_DEST = "+447700900123"
SIMULATOR_DEST = "+14254147755"
QUOTE = "\u2019"
"""The closing single quote: not a GSM character."""


def text(client: Any, origin: str, destination: str = DEST, **extra: Any) -> None:
    client.send_text_message(
        DestinationPhoneNumber=destination,
        OriginationIdentity=origin,
        MessageBody=extra.pop("MessageBody", "hi"),
        **extra,
    )


def test_an_identity_without_the_channels_capability(client: Any) -> None:
    sms_only = toll_free_number(client, ("SMS",))
    phone_id = sms_only["PhoneNumberId"]
    with pytest.raises(ClientError) as voice:
        client.send_voice_message(
            DestinationPhoneNumber=DEST, OriginationIdentity=phone_id, MessageBody="hi"
        )
    expect_error(
        voice,
        "ValidationException",
        "VOICE_CAPABILITY_NOT_AVAILABLE",
        message=f"The origination identity {phone_id} cannot send voice messages.",
        fields={"OriginationIdentity": "The identity has no VOICE capability."},
    )
    with pytest.raises(ClientError) as media:
        client.send_media_message(
            DestinationPhoneNumber=DEST,
            OriginationIdentity=phone_id,
            MediaUrls=["s3://media-bucket/cat.png"],
        )
    expect_error(
        media,
        "ConflictException",
        "NUMBER_CAPABILITIES_MISMATCH",
        message=f"The origination identity {phone_id} cannot send MMS messages.",
        resource_type="phone-number",
        resource_id=phone_id,
    )


@needs_members("UpdatePhoneNumberRequest", "InternationalSendingEnabled")
def test_an_identity_of_another_country(client: Any, us_toll_free: dict[str, Any]) -> None:
    phone_id = us_toll_free["PhoneNumberId"]
    with pytest.raises(ClientError) as caught:
        text(client, phone_id, GB_DEST)
    expect_error(
        caught,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message=f"The origination identity {phone_id} of US cannot send to GB.",
        fields={"DestinationPhoneNumber": "The origination identity cannot reach this country."},
    )


def test_an_identity_of_another_message_type(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    phone_id = us_toll_free["PhoneNumberId"]
    with pytest.raises(ClientError) as caught:
        text(client, phone_id, MessageType="PROMOTIONAL")
    expect_error(
        caught,
        "ConflictException",
        "MESSAGE_TYPE_MISMATCH",
        message=f"The origination identity {phone_id} sends TRANSACTIONAL messages, not "
        "PROMOTIONAL.",
        resource_type="phone-number",
        resource_id=phone_id,
    )
    text(client, phone_id)  # no MessageType: the number's
    assert sms_voice.sent_messages[-1].message_type == "TRANSACTIONAL"


@pytest.mark.parametrize(
    ("body", "said", "field"),
    [
        ("a" * 1531, "The message is 1531 GSM characters long; at most 1530", "1530 GSM"),
        ("a" * 1529 + "€", "The message is 1531 GSM characters long", "1530 GSM"),
        (QUOTE * 631, "The message is 631 non-GSM characters long; at most 630", "630 non-GSM"),
    ],
)
def test_an_sms_over_the_largest_size(
    client: Any, us_toll_free: dict[str, Any], body: str, said: str, field: str
) -> None:
    # sms-limitations-character.md: "The maximum supported size of any message is 1530 GSM
    # characters or 630 non-GSM characters."
    with pytest.raises(ClientError) as caught:
        text(client, us_toll_free["PhoneNumberId"], MessageBody=body)
    expect_error(
        caught,
        "ValidationException",
        "MAXIMUM_SIZE_EXCEEDED",
        message=said,
        fields={"MessageBody": f"At most {field} characters."},
    )


def test_an_opted_out_destination_names_the_list(client: Any, us_toll_free: dict[str, Any]) -> None:
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    with pytest.raises(ClientError) as caught:
        text(client, us_toll_free["PhoneNumberId"])
    expect_error(
        caught,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        message=f"{DEST} is opted out of the opt-out list Default.",
        resource_type="opted-out-number",
        resource_id=DEST,
    )


@pytest.fixture
def simulator(client: Any) -> dict[str, Any]:
    return simulator_number(client)


def test_a_simulator_number_sends_only_to_simulator_destinations(
    client: Any, sms_voice: SmsVoiceMock, simulator: dict[str, Any]
) -> None:
    with pytest.raises(ClientError) as caught:
        text(client, simulator["PhoneNumberId"])
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        message=f"{simulator['PhoneNumber']} can only send to the destination simulator phone "
        f"numbers of US, not to {DEST}.",
        fields={"DestinationPhoneNumber": "Not a destination simulator phone number."},
    )
    text(client, simulator["PhoneNumberId"], SIMULATOR_DEST)
    assert sms_voice.sent_messages[-1].origination_identity == simulator["PhoneNumber"]


def test_a_simulator_number_sends_no_verification_code(
    client: Any, simulator: dict[str, Any]
) -> None:
    # *Verify a destination phone number*: "You can not use a simulator phone number to verify a
    # destination phone number".
    destination = client.create_verified_destination_number(DestinationPhoneNumber=SIMULATOR_DEST)
    with pytest.raises(ClientError) as caught:
        client.send_destination_number_verification_code(
            VerifiedDestinationNumberId=destination["VerifiedDestinationNumberId"],
            VerificationChannel="TEXT",
            OriginationIdentity=simulator["PhoneNumberId"],
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        message=f"The SIMULATOR phone number {simulator['PhoneNumber']} cannot send "
        "verification codes; use a phone number that is not a simulator number.",
        fields={"OriginationIdentity": "A simulator phone number cannot verify a destination."},
    )
