"""What a protect configuration's refusal of a send says: the capability whose country rule
blocked it (SMS, VOICE, MMS) and the country, or the number a BLOCK override stopped, and the
configuration in force, in the message as well as in ResourceId."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import expect_error, refused, toll_free_number
from tests.installed_model import needs_operations

DESTINATION = "+14155552671"


def blocking(client: Any, capability: str) -> str:
    """A new protect configuration whose ``capability`` rule blocks the US."""
    config_id: str = client.create_protect_configuration()["ProtectConfigurationId"]
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id,
        NumberCapability=capability,
        CountryRuleSetUpdates={"US": {"ProtectStatus": "BLOCK"}},
    )
    return config_id


def sends(client: Any, origin: str, config_id: str) -> dict[str, Any]:
    """The same destination by text, voice and media, each naming ``config_id``."""
    common = {
        "DestinationPhoneNumber": DESTINATION,
        "OriginationIdentity": origin,
        "ProtectConfigurationId": config_id,
    }
    return {
        "SMS": lambda: client.send_text_message(MessageBody="Your code is 123456", **common),
        "VOICE": lambda: client.send_voice_message(MessageBody="Your code is 1 2 3", **common),
        "MMS": lambda: client.send_media_message(MediaUrls=["s3://bucket/cat.png"], **common),
    }


@pytest.mark.parametrize("capability", ["SMS", "VOICE", "MMS"])
def test_a_country_rule_blocks_its_own_capability_and_says_so(client: Any, capability: str) -> None:
    origin = toll_free_number(client)["PhoneNumberId"]
    config_id = blocking(client, capability)
    for channel, send in sends(client, origin, config_id).items():
        if channel != capability:
            assert send()["MessageId"]
            continue
        expect_error(
            refused(send),
            "ConflictException",
            "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION",
            resource_type="protect-configuration",
            resource_id=config_id,
            message=f"Sending {capability} to US is blocked by protect configuration {config_id}",
        )


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_a_block_override_names_the_number_it_stops(client: Any) -> None:
    origin = toll_free_number(client)["PhoneNumberId"]
    config_id: str = client.create_protect_configuration()["ProtectConfigurationId"]
    client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=config_id, DestinationPhoneNumber=DESTINATION, Action="BLOCK"
    )
    for send in sends(client, origin, config_id).values():
        expect_error(
            refused(send),
            "ConflictException",
            "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE",
            resource_type="protect-configuration",
            resource_id=config_id,
            message=f"{DESTINATION} is blocked by a number override of protect configuration "
            f"{config_id}",
        )
