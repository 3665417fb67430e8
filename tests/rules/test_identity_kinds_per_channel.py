"""The origination identities each channel takes (the model's ``OriginationIdentity``: text
"PhoneNumber, PhoneNumberId, PhoneNumberArn, RcsAgentId, RcsAgentArn, SenderId, SenderIdArn,
PoolId, or PoolArn"; voice "PhoneNumber, PhoneNumberId, PhoneNumberArn, PoolId, or PoolArn";
media as text without RCS agents): an RCS agent or a sender ID named for a channel that does
not take it is not found, as the phone number the reference would have to be (its ARN is
refused as ``INVALID_ARN``); a phone number is named with or without its ``+``; and an RCS agent
named for a text is refused for a country it is not launched in before the destination's
opt-out is looked at."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import needs_operations

US_DEST = "+12065550100"
FR_DEST = "+33612345678"
MEDIA = {"MediaUrls": ["s3://sms-media/table.png"]}


@needs_operations("CreateRcsAgent")
@pytest.mark.parametrize(
    ("operation", "extra"), [("send_voice_message", {}), ("send_media_message", MEDIA)]
)
def test_an_rcs_agent_sends_no_voice_or_media(
    client: Any, sms_voice: SmsVoiceMock, operation: str, extra: dict[str, Any]
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(
            DestinationPhoneNumber=US_DEST,
            OriginationIdentity=agent_id,
            MessageBody="Your table is ready.",
            **extra,
        )
    expect_error(
        caught, "ResourceNotFoundException", resource_type="phone-number", resource_id=agent_id
    )
    assert sms_voice.sent_messages == ()


def test_a_sender_id_sends_no_voice(client: Any, sms_voice: SmsVoiceMock) -> None:
    client.request_sender_id(SenderId="ACME", IsoCountryCode="FR")
    with pytest.raises(ClientError) as caught:
        client.send_voice_message(
            DestinationPhoneNumber=FR_DEST, OriginationIdentity="ACME", MessageBody="Bonjour"
        )
    expect_error(
        caught, "ResourceNotFoundException", resource_type="phone-number", resource_id="ACME"
    )
    assert sms_voice.sent_messages == ()


@needs_operations("CreateRcsAgent")
def test_an_agent_not_launched_in_the_country_is_refused_before_opt_outs(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # The identity's reach comes before the destination's opt-out (smsmock.rules.sending's
    # order); rcs-sms-fallback.md: "Direct (AWS RCS Agent ARN): No SMS fallback".
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "CA", "ACTIVE", registration_id="registration-1")
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=US_DEST)
    with pytest.raises(ClientError) as caught:
        client.send_text_message(
            DestinationPhoneNumber=US_DEST, OriginationIdentity=agent_id, MessageBody="Hi"
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message=f"{agent_id} is not launched in US.",
        fields={"DestinationPhoneNumber": "does not reach this country."},
    )


@needs_operations("CreateRcsAgent")
def test_the_arn_of_a_kind_the_channel_does_not_take_is_invalid(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_arn = client.create_rcs_agent()["RcsAgentArn"]
    with pytest.raises(ClientError) as caught:
        client.send_voice_message(
            DestinationPhoneNumber=US_DEST, OriginationIdentity=agent_arn, MessageBody="Hi"
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_ARN",
        message=f"{agent_arn} is not the ARN of an origination identity accepted here.",
        fields={"OriginationIdentity": "Invalid origination identity ARN."},
    )


def test_a_phone_number_is_named_with_or_without_its_plus(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    number = toll_free_number(client)["PhoneNumber"]
    for origin in (number, number.removeprefix("+")):
        client.send_text_message(
            DestinationPhoneNumber=US_DEST, OriginationIdentity=origin, MessageBody="Hi"
        )
    assert [m.origination_identity for m in sms_voice.sent_messages] == [number, number]
