"""CreateRegistrationAssociation and ListRegistrationAssociations, the association behaviors of
each registration type, and the checks other families call (``registration_for_number``)."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.records.sender_ids import SENDER_IDS
from smsmock.rules.registration_associations import (
    associate_phone_number,
    completed_registration,
    forget_associations,
    registration_for_number,
)
from smsmock.state.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.state.registry import Call
from tests.helpers import expect_error
from tests.registration_data import (
    CAMPAIGN,
    SG_SENDER_ID,
    TOLL_FREE,
    add_phone_number,
    completed_brand,
    new_registration,
    put_values,
    registration_status,
)

CAMPAIGN_TYPE = "US_TEN_DLC_CAMPAIGN_REGISTRATION"
TOLL_FREE_TYPE = "US_TOLL_FREE_REGISTRATION"


def _completed_campaign(client: Any) -> str:
    brand = completed_brand(client)
    campaign = new_registration(client, CAMPAIGN_TYPE)
    put_values(client, campaign, CAMPAIGN)
    client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    client.submit_registration_version(RegistrationId=campaign)
    assert registration_status(client, campaign) == "COMPLETE"
    return campaign


def _call(sms_voice: SmsVoiceMock) -> Call:
    return Call("RequestPhoneNumber", sms_voice.backend(), "req", datetime.now(timezone.utc))


def test_campaign_needs_its_brand_before_submit(client: Any) -> None:
    campaign = new_registration(client, CAMPAIGN_TYPE)
    put_values(client, campaign, CAMPAIGN)
    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=campaign)
    expect_error(
        caught,
        "ValidationException",
        "INVALID_REGISTRATION_ASSOCIATION",
        fields={"RegistrationId": "Associate a US_TEN_DLC_BRAND_REGISTRATION first"},
    )


def test_brand_must_be_complete(client: Any) -> None:
    brand = new_registration(client, "US_TEN_DLC_BRAND_REGISTRATION")
    campaign = new_registration(client, CAMPAIGN_TYPE)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    expect_error(
        caught,
        "ConflictException",
        "REGISTRATION_NOT_COMPLETE",
        resource_id=brand,
        resource_type="registration",
        message=f"{brand} is CREATED, not COMPLETE",
    )


def test_brand_association_output(client: Any) -> None:
    brand = completed_brand(client)
    campaign = new_registration(client, CAMPAIGN_TYPE)
    out = client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    assert out["RegistrationId"] == campaign
    assert out["RegistrationType"] == CAMPAIGN_TYPE
    assert out["ResourceId"] == brand
    assert out["ResourceType"] == "registration"
    assert out["ResourceArn"].endswith(f":registration/{brand}")
    assert "PhoneNumber" not in out
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_ASSOCIATED",
        resource_type="registration",
        resource_id=brand,
        message=f"{brand} is already associated with registration {campaign}.",
    )


def test_phone_number_association_output(client: Any, sms_voice: SmsVoiceMock) -> None:
    campaign = _completed_campaign(client)
    number = add_phone_number(sms_voice)
    out = client.create_registration_association(
        RegistrationId=campaign, ResourceId=number.phone_number_arn
    )
    out.pop("ResponseMetadata")
    registration_arn = out.pop("RegistrationArn")
    assert registration_arn.endswith(f":registration/{campaign}")
    assert out == {
        "RegistrationId": campaign,
        "RegistrationType": CAMPAIGN_TYPE,
        "ResourceArn": number.phone_number_arn,
        "ResourceId": number.phone_number_id,
        "ResourceType": "phone-number",
        "IsoCountryCode": "US",
        "PhoneNumber": "+12065550100",
    }
    [listed] = client.list_registration_associations(
        RegistrationId=campaign, Filters=[{"Name": "resource-type", "Values": ["phone-number"]}]
    )["RegistrationAssociations"]
    assert listed == {k: v for k, v in out.items() if k.startswith(("Resource", "Iso", "Phone"))}


def test_wrong_kind_of_number_is_refused(client: Any, sms_voice: SmsVoiceMock) -> None:
    campaign = _completed_campaign(client)
    toll_free = add_phone_number(sms_voice, "TOLL_FREE", "+18445550100")
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=campaign, ResourceId=toll_free.phone_number_id
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_REGISTRATION_ASSOCIATION",
        fields={"ResourceId": f"{toll_free.phone_number_id} cannot be associated"},
    )


def test_number_of_another_registration_is_refused(client: Any, sms_voice: SmsVoiceMock) -> None:
    first = _completed_campaign(client)
    second = _completed_campaign(client)
    number = add_phone_number(sms_voice)
    client.create_registration_association(RegistrationId=first, ResourceId=number.phone_number_id)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=second, ResourceId=number.phone_number_id
        )
    expect_error(
        caught,
        "ConflictException",
        "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION",
        resource_type="phone-number",
        resource_id=number.phone_number_id,
        message=f"{number.phone_number_id} is associated with registration {first}.",
    )


@pytest.mark.parametrize(
    ("resource_id", "resource_type"),
    [
        ("phone-0123456789abcdef", "phone-number"),
        ("registration-0000", "registration"),
        ("arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0000", "phone-number"),
    ],
)
def test_unknown_resource(client: Any, resource_id: str, resource_type: str) -> None:
    campaign = new_registration(client, CAMPAIGN_TYPE)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=campaign, ResourceId=resource_id)
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type=resource_type,
        resource_id=resource_id,
    )


def test_unknown_registration(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId="registration-0000", ResourceId="phone-0000"
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-0000",
    )


def test_phone_numbers_per_registration_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    # The quota counts the phone numbers already associated: with a limit of 2, the second
    # number is taken and the third refused.
    sms_voice.set_quota("PHONE_NUMBERS_PER_REGISTRATION", 2)
    campaign = _completed_campaign(client)
    numbers = [add_phone_number(sms_voice, number=f"+1206555010{i}") for i in range(3)]
    for number in numbers[:2]:
        client.create_registration_association(
            RegistrationId=campaign, ResourceId=number.phone_number_id
        )
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=campaign, ResourceId=numbers[2].phone_number_id
        )
    expect_error(caught, "ServiceQuotaExceededException", "PHONE_NUMBERS_PER_REGISTRATION")
    associated = client.list_registration_associations(RegistrationId=campaign)
    assert [
        a["ResourceId"]
        for a in associated["RegistrationAssociations"]
        if a["ResourceType"] == "phone-number"
    ] == [n.phone_number_id for n in numbers[:2]]


def test_list_associations_with_filters(client: Any, sms_voice: SmsVoiceMock) -> None:
    campaign = _completed_campaign(client)
    for i in range(3):
        number = add_phone_number(sms_voice, number=f"+1206555011{i}")
        client.create_registration_association(
            RegistrationId=campaign, ResourceId=number.phone_number_id
        )
    out = client.list_registration_associations(
        RegistrationId=campaign, Filters=[{"Name": "resource-type", "Values": ["phone-number"]}]
    )
    assert out["RegistrationType"] == CAMPAIGN_TYPE
    phones = [a["PhoneNumber"] for a in out["RegistrationAssociations"]]
    assert phones == ["+12065550110", "+12065550111", "+12065550112"]
    paged = client.list_registration_associations(RegistrationId=campaign, MaxResults=2)
    assert len(paged["RegistrationAssociations"]) == 2
    rest = client.list_registration_associations(
        RegistrationId=campaign, MaxResults=2, NextToken=paged["NextToken"]
    )
    assert len(rest["RegistrationAssociations"]) == 2
    none = client.list_registration_associations(
        RegistrationId=campaign, Filters=[{"Name": "iso-country-code", "Values": ["CA"]}]
    )
    assert none["RegistrationAssociations"] == []


def test_toll_free_number_is_associated_before_submit(client: Any, sms_voice: SmsVoiceMock) -> None:
    registration = new_registration(client, TOLL_FREE_TYPE)
    put_values(client, registration, TOLL_FREE)
    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=registration)
    expect_error(
        caught,
        "ValidationException",
        "INVALID_REGISTRATION_ASSOCIATION",
        fields={"RegistrationId": "Associate a TOLL_FREE first"},
    )
    number = add_phone_number(sms_voice, "TOLL_FREE", "+18445550100")
    client.create_registration_association(
        RegistrationId=registration, ResourceId=number.phone_number_id
    )
    sms_voice.set_lifecycle("registration", "manual")
    client.submit_registration_version(RegistrationId=registration)
    late = add_phone_number(sms_voice, "TOLL_FREE", "+18445550101")
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=registration, ResourceId=late.phone_number_id
        )
    expect_error(
        caught,
        "ConflictException",
        "REGISTRATION_ALREADY_SUBMITTED",
        resource_type="registration",
        resource_id=registration,
        message="identities of this type are associated before it is submitted",
    )
    sms_voice.advance("registration", registration, to="COMPLETE")
    # Deleting a toll-free registration disassociates its number.
    client.delete_registration(RegistrationId=registration)
    assert number.registration_id is None


def test_campaign_with_numbers_cannot_be_deleted(client: Any, sms_voice: SmsVoiceMock) -> None:
    campaign = _completed_campaign(client)
    number = add_phone_number(sms_voice)
    client.create_registration_association(
        RegistrationId=campaign, ResourceId=number.phone_number_id
    )
    with pytest.raises(ClientError) as caught:
        client.delete_registration(RegistrationId=campaign)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="registration",
        resource_id=campaign,
    )


def test_sender_id_is_provisioned_on_approval(client: Any, sms_voice: SmsVoiceMock) -> None:
    registration = new_registration(client, "SG_SENDER_ID_REGISTRATION")
    put_values(client, registration, SG_SENDER_ID)
    client.submit_registration_version(RegistrationId=registration)
    assert registration_status(client, registration) == "COMPLETE"
    sender = sms_voice.backend().table(SENDER_IDS).get("EXAMPLE/SG")
    assert sender.registered is True
    assert sender.registration_id == registration
    [association] = client.list_registration_associations(RegistrationId=registration)[
        "RegistrationAssociations"
    ]
    assert association["ResourceType"] == "sender-id"
    assert association["ResourceId"] == "EXAMPLE"
    assert association["IsoCountryCode"] == "SG"
    assert association["ResourceArn"] == sender.sender_id_arn


def test_representative_needs_a_letter_of_authorization(client: Any) -> None:
    registration = new_registration(client, "SG_SENDER_ID_REGISTRATION")
    put_values(client, registration, {**SG_SENDER_ID, "senderIdInfo.isRepresentative": ["True"]})
    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=registration)
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"senderIdInfo.letterOfAuthorization": "This field is required"},
    )


# -- the checks RequestPhoneNumber uses --------------------------------------------------------


def test_registration_for_a_ten_dlc_number(client: Any, sms_voice: SmsVoiceMock) -> None:
    campaign = new_registration(client, CAMPAIGN_TYPE)
    call = _call(sms_voice)
    with pytest.raises(ConflictError) as conflict:
        registration_for_number(call, campaign, "TEN_DLC")
    assert conflict.value.reason == "REGISTRATION_NOT_COMPLETE"
    with pytest.raises(ValidationError) as invalid:
        registration_for_number(call, campaign, "TOLL_FREE")
    assert invalid.value.reason == "INVALID_REGISTRATION_ASSOCIATION"
    with pytest.raises(ResourceNotFoundError):
        registration_for_number(call, "registration-0000", "TEN_DLC")

    complete = _completed_campaign(client)
    record = completed_registration(_call(sms_voice), complete, "TEN_DLC")
    number = add_phone_number(sms_voice)
    associate_phone_number(_call(sms_voice), record, number)
    assert number.registration_id == complete
    listed = client.list_registration_associations(RegistrationId=complete)
    assert number.phone_number_id in [a["ResourceId"] for a in listed["RegistrationAssociations"]]


def test_a_completed_registration_takes_numbers_of_its_country(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # A 10DLC campaign takes US TEN_DLC numbers: complete, it still takes none of Canada.
    campaign = _completed_campaign(client)
    assert completed_registration(_call(sms_voice), campaign, "TEN_DLC", "US").registration_id == (
        campaign
    )
    with pytest.raises(ValidationError) as invalid:
        completed_registration(_call(sms_voice), campaign, "TEN_DLC", "CA")
    assert invalid.value.reason == "INVALID_REGISTRATION_ASSOCIATION"


def test_registration_for_a_toll_free_number(client: Any, sms_voice: SmsVoiceMock) -> None:
    registration = new_registration(client, TOLL_FREE_TYPE)
    record = registration_for_number(_call(sms_voice), registration, "TOLL_FREE")
    assert record.registration_id == registration
    with pytest.raises(ConflictError) as conflict:
        completed_registration(_call(sms_voice), registration, "TOLL_FREE")
    assert conflict.value.reason == "REGISTRATION_NOT_COMPLETE"
    assert uuid.UUID(registration.removeprefix("registration-"))


def test_forget_associations_of_a_released_number(client: Any, sms_voice: SmsVoiceMock) -> None:
    campaign = _completed_campaign(client)
    number = add_phone_number(sms_voice)
    client.create_registration_association(
        RegistrationId=campaign, ResourceId=number.phone_number_id
    )
    forget_associations(_call(sms_voice), number.phone_number_arn)
    listed = client.list_registration_associations(
        RegistrationId=campaign, Filters=[{"Name": "resource-type", "Values": ["phone-number"]}]
    )
    assert listed["RegistrationAssociations"] == []
