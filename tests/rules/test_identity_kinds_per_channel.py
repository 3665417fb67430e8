"""The origination identities each channel takes (the model's ``OriginationIdentity``: text
"PhoneNumber, PhoneNumberId, PhoneNumberArn, RcsAgentId, RcsAgentArn, SenderId, SenderIdArn,
PoolId, or PoolArn"; voice "PhoneNumber, PhoneNumberId, PhoneNumberArn, PoolId, or PoolArn";
media as text without RCS agents): an RCS agent or a sender ID named for a channel that does
not take it is not found, as the phone number the reference would have to be."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error
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
