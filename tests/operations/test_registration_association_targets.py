"""What CreateRegistrationAssociation answers for a ResourceId it cannot find or take: the resource
type the ``ResourceNotFoundException`` names (read from an ARN, from an id's prefix, or else from
what the registration type takes), a phone number of another account (not found even by its ARN),
the kind and country of what a registration type cannot take, and which sender ID a bare name
finds (the one of the registration type's country)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error
from tests.registration_data import new_registration

CAMPAIGN = "US_TEN_DLC_CAMPAIGN_REGISTRATION"
TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
SG_SENDER_ID = "SG_SENDER_ID_REGISTRATION"
ARN = "arn:aws:sms-voice:us-east-1:123456789012:"


@pytest.mark.parametrize(
    ("registration_type", "resource_id", "resource_type"),
    [
        # An ARN names its resource type.
        (CAMPAIGN, f"{ARN}registration/registration-0000", "registration"),
        (SG_SENDER_ID, f"{ARN}sender-id/ACME/SG", "sender-id"),
        (CAMPAIGN, f"{ARN}phone-number/phone-0000", "phone-number"),
        (CAMPAIGN, ARN, "phone-number"),  # an ARN cut short names none: a phone number
        # An id's prefix names it, whatever the registration type takes.
        (SG_SENDER_ID, "registration-0000", "registration"),
        (CAMPAIGN, "rcs-0000", "rcs-agent"),
        (SG_SENDER_ID, "phone-0000", "phone-number"),
        # Anything else is what the registration type takes: a sender ID for a sender ID
        # registration, a phone number otherwise.
        (SG_SENDER_ID, "ACME", "sender-id"),
        (CAMPAIGN, "ACME", "phone-number"),
        (TOLL_FREE, "ACME", "phone-number"),
    ],
)
def test_a_missing_resource_is_named_by_its_type(
    client: Any, registration_type: str, resource_id: str, resource_type: str
) -> None:
    registration = new_registration(client, registration_type)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=registration, ResourceId=resource_id)
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type=resource_type,
        resource_id=resource_id,
        message=resource_id,
    )


def _client(account: str, region: str) -> Any:
    # A 12-digit access key id is its own account.
    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name=region,
        aws_access_key_id=account,
        aws_secret_access_key="secret",
    )


@pytest.mark.parametrize("region", ["us-east-1", "us-west-2"])
def test_a_number_of_another_account_is_not_found_by_its_arn(
    sms_voice: SmsVoiceMock, region: str
) -> None:
    home = _client("111111111111", "us-east-1")
    other = _client("222222222222", region)
    number = other.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    registration = new_registration(home, TOLL_FREE)
    with pytest.raises(ClientError) as caught:
        home.create_registration_association(
            RegistrationId=registration, ResourceId=number["PhoneNumberArn"]
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="phone-number",
        resource_id=number["PhoneNumberArn"],
    )
    assert (
        home.list_registration_associations(RegistrationId=registration)["RegistrationAssociations"]
        == []
    )


def test_what_a_registration_type_cannot_take_is_named_in_the_message(client: Any) -> None:
    # A toll-free registration takes no brand registration (named without a country); an SG
    # sender ID registration takes no sender ID of Spain (named with its country).
    toll_free = new_registration(client, TOLL_FREE)
    brand = new_registration(client, "US_TEN_DLC_BRAND_REGISTRATION")
    spain = client.request_sender_id(SenderId="MyBrand", IsoCountryCode="ES")["SenderIdArn"]
    sg_sender_id = new_registration(client, SG_SENDER_ID)
    for registration, resource_id, message in (
        (toll_free, brand, "cannot be associated with a US_TEN_DLC_BRAND_REGISTRATION."),
        (sg_sender_id, spain, "cannot be associated with a SENDER_ID in ES."),
    ):
        with pytest.raises(ClientError) as caught:
            client.create_registration_association(
                RegistrationId=registration, ResourceId=resource_id
            )
        expect_error(
            caught,
            "ValidationException",
            "INVALID_REGISTRATION_ASSOCIATION",
            message=message,
            fields={"ResourceId": f"{resource_id} cannot be associated with this registration"},
        )


def test_a_sender_id_named_bare_is_the_one_of_the_registrations_country(client: Any) -> None:
    client.request_sender_id(SenderId="MyBrand", IsoCountryCode="ES")
    singapore = client.request_sender_id(SenderId="MyBrand", IsoCountryCode="SG")
    registration = new_registration(client, SG_SENDER_ID)
    out = client.create_registration_association(RegistrationId=registration, ResourceId="MyBrand")
    assert (out["ResourceArn"], out["IsoCountryCode"]) == (singapore["SenderIdArn"], "SG")
    # A type that takes no sender ID finds one of any country, and says it cannot take it.
    campaign = new_registration(client, CAMPAIGN)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=campaign, ResourceId="MyBrand")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_REGISTRATION_ASSOCIATION",
        message="cannot be associated with a SENDER_ID in ES.",
        fields={"ResourceId": "MyBrand cannot be associated with this registration type"},
    )


def test_a_sender_id_named_by_its_key_is_the_one_of_that_country(client: Any) -> None:
    # docs/registrations.md: a sender ID is named by its ARN, ``SENDERID/CC`` or its bare name.
    # The key names the Spanish one here although a Singapore one of the same name exists.
    spain = client.request_sender_id(SenderId="MyBrand", IsoCountryCode="ES")
    client.request_sender_id(SenderId="MyBrand", IsoCountryCode="SG")
    registration = new_registration(client, SG_SENDER_ID)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=registration, ResourceId="MyBrand/ES")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_REGISTRATION_ASSOCIATION",
        message="cannot be associated with a SENDER_ID in ES.",
        fields={"ResourceId": "MyBrand/ES cannot be associated with this registration type"},
    )
    out = client.create_registration_association(
        RegistrationId=registration, ResourceId="MyBrand/SG"
    )
    assert (out["ResourceId"], out["IsoCountryCode"]) == ("MyBrand", "SG")
    assert spain["SenderIdArn"] != out["ResourceArn"]
