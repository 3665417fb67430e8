"""Phone numbers and sender IDs with registrations, through boto3: RequestPhoneNumber's
``RegistrationId`` (required for TEN_DLC), and releasing what a registration holds."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.rules.registration_associations import RCS_AGENT
from smsmock.rules.registration_forms import RegistrationForm, forms
from tests.helpers import expect_error
from tests.installed_model import needs_operations
from tests.registration_data import (
    SG_SENDER_ID,
    TOLL_FREE,
    completed_campaign,
    new_registration,
    put_values,
    registration_status,
)

TOLL_FREE_TYPE = "US_TOLL_FREE_REGISTRATION"


def request(client: Any, number_type: str, **settings: Any) -> dict[str, Any]:
    response: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType=number_type,
        **settings,
    )
    return response


def associated(client: Any, registration_id: str) -> list[str]:
    listed = client.list_registration_associations(
        RegistrationId=registration_id,
        Filters=[{"Name": "resource-type", "Values": ["phone-number", "sender-id"]}],
    )
    return [a["ResourceId"] for a in listed["RegistrationAssociations"]]


# -- RequestPhoneNumber ------------------------------------------------------------------------


def test_a_ten_dlc_number_needs_a_registration(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        request(client, "TEN_DLC")
    expect_error(
        caught,
        "ValidationException",
        "MISSING_PARAMETER",
        fields={"RegistrationId": "Required for the TEN_DLC number type"},
    )
    assert client.describe_phone_numbers()["PhoneNumbers"] == []


def test_a_ten_dlc_number_is_requested_with_its_completed_campaign(client: Any) -> None:
    campaign = completed_campaign(client)
    number = request(client, "TEN_DLC", RegistrationId=campaign)
    assert number["RegistrationId"] == campaign
    assert number["NumberType"] == "TEN_DLC"
    described = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    assert described["PhoneNumbers"][0]["RegistrationId"] == campaign
    assert associated(client, campaign) == [number["PhoneNumberId"]]


@pytest.mark.parametrize(
    ("registration_type", "code", "reason"),
    [
        # The campaign is not COMPLETE yet (its numbers come ASSOCIATE_AFTER_COMPLETE).
        ("US_TEN_DLC_CAMPAIGN_REGISTRATION", "ConflictException", "REGISTRATION_NOT_COMPLETE"),
        # A brand registration takes no phone numbers.
        (
            "US_TEN_DLC_BRAND_REGISTRATION",
            "ValidationException",
            "INVALID_REGISTRATION_ASSOCIATION",
        ),
        ("US_TOLL_FREE_REGISTRATION", "ValidationException", "INVALID_REGISTRATION_ASSOCIATION"),
    ],
)
def test_a_ten_dlc_number_with_a_registration_that_cannot_take_it(
    client: Any, registration_type: str, code: str, reason: str
) -> None:
    registration = new_registration(client, registration_type)
    with pytest.raises(ClientError) as caught:
        request(client, "TEN_DLC", RegistrationId=registration)
    expect_refusal(caught, code, reason, registration, "TEN_DLC")
    assert client.describe_phone_numbers()["PhoneNumbers"] == []


def test_a_toll_free_number_joins_a_draft_toll_free_registration(client: Any) -> None:
    registration = new_registration(client, TOLL_FREE_TYPE)
    number = request(client, "TOLL_FREE", RegistrationId=registration)
    assert number["RegistrationId"] == registration
    assert associated(client, registration) == [number["PhoneNumberId"]]
    # With its number associated (ASSOCIATE_BEFORE_SUBMIT) the registration can be submitted.
    put_values(client, registration, TOLL_FREE)
    client.submit_registration_version(RegistrationId=registration)


def test_a_toll_free_number_needs_no_registration(client: Any) -> None:
    number = request(client, "TOLL_FREE")
    assert "RegistrationId" not in number


@pytest.mark.parametrize(
    ("make_registration", "code", "reason"),
    [
        (
            lambda client: completed_campaign(client),
            "ValidationException",
            "INVALID_REGISTRATION_ASSOCIATION",
        ),
        (
            lambda client: _submitted_toll_free(client),
            "ConflictException",
            "REGISTRATION_ALREADY_SUBMITTED",
        ),
    ],
)
def test_a_toll_free_number_with_a_registration_that_cannot_take_it(
    client: Any, sms_voice: SmsVoiceMock, make_registration: Any, code: str, reason: str
) -> None:
    registration = make_registration(client)
    with pytest.raises(ClientError) as caught:
        request(client, "TOLL_FREE", RegistrationId=registration)
    expect_refusal(caught, code, reason, registration, "TOLL_FREE")


def expect_refusal(
    caught: pytest.ExceptionInfo[ClientError],
    code: str,
    reason: str,
    registration: str,
    number_type: str,
) -> None:
    """A registration that cannot take the number: a conflict names it as the resource, a
    validation error in the message of its ``ResourceId`` field, and its message says which
    numbers (type and country) the registration cannot take."""
    if code == "ConflictException":
        expect_error(caught, code, reason, resource_type="registration", resource_id=registration)
    else:
        expect_error(
            caught,
            code,
            reason,
            fields={"ResourceId": f"{registration} cannot be associated"},
            message=f"cannot be associated with a {number_type} in US",
        )


def _submitted_toll_free(client: Any) -> str:
    registration = new_registration(client, TOLL_FREE_TYPE)
    request(client, "TOLL_FREE", RegistrationId=registration)
    put_values(client, registration, TOLL_FREE)
    client.submit_registration_version(RegistrationId=registration)
    return registration


# -- releasing what a registration holds -------------------------------------------------------


def test_a_toll_free_number_is_released_after_its_registration_is_deleted(client: Any) -> None:
    registration = new_registration(client, TOLL_FREE_TYPE)
    number = request(client, "TOLL_FREE", RegistrationId=registration)
    with pytest.raises(ClientError) as caught:
        client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    expect_error(
        caught,
        "ConflictException",
        "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
        message=f"{number['PhoneNumberId']} is associated with registration {registration}; "
        "delete the registration",
    )
    # DELETE_REGISTRATION_DISASSOCIATES: deleting the registration lets go of the number.
    client.delete_registration(RegistrationId=registration)
    released = client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    assert released["Status"] == "DELETED"


def test_releasing_a_ten_dlc_number_disassociates_it_from_its_campaign(client: Any) -> None:
    campaign = completed_campaign(client)
    number = request(client, "TEN_DLC", RegistrationId=campaign)
    # DISASSOCIATE_ALL_CLOSES_REGISTRATION: the campaign keeps its numbers until they go.
    with pytest.raises(ClientError) as caught:
        client.delete_registration(RegistrationId=campaign)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="registration",
        resource_id=campaign,
    )
    released = client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    assert released["Status"] == "DELETED"
    assert released["RegistrationId"] == campaign
    assert associated(client, campaign) == []
    client.delete_registration(RegistrationId=campaign)


def test_a_registered_sender_id_is_released_after_its_registration_is_deleted(
    client: Any,
) -> None:
    registration = new_registration(client, "SG_SENDER_ID_REGISTRATION")
    put_values(client, registration, SG_SENDER_ID)
    client.submit_registration_version(RegistrationId=registration)
    # Approved (the next read of it, in the immediate lifecycle mode): the sender ID is there.
    assert registration_status(client, registration) == "COMPLETE"
    with pytest.raises(ClientError) as caught:
        client.release_sender_id(SenderId="EXAMPLE", IsoCountryCode="SG")
    expect_error(
        caught,
        "ConflictException",
        "DISASSOCIATE_REGISTRATION_NOT_ALLOWED",
        resource_type="sender-id",
        resource_id="EXAMPLE",
        message=f"EXAMPLE is associated with registration {registration}; delete the registration",
    )
    client.delete_registration(RegistrationId=registration)
    released = client.release_sender_id(SenderId="EXAMPLE", IsoCountryCode="SG")
    assert released["SenderId"] == "EXAMPLE"
    assert client.describe_sender_ids()["SenderIds"] == []


def test_a_number_of_another_region_is_not_in_the_registrations_region(client: Any) -> None:
    registration = new_registration(client, TOLL_FREE_TYPE)
    west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
    number = request(west, "TOLL_FREE")
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=registration, ResourceId=number["PhoneNumberArn"]
        )
    expect_error(
        caught,
        "ConflictException",
        "PHONE_NUMBER_NOT_IN_REGISTRATION_REGION",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
        message=f"{number['PhoneNumberId']} is in us-west-2, not in the registration's Region "
        "us-east-1",
    )
    # By id the number is looked up in the registration's own Region only.
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=registration, ResourceId=number["PhoneNumberId"]
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="phone-number",
        resource_id=number["PhoneNumberId"],
    )


# -- RCS agents --------------------------------------------------------------------------------


@needs_operations("CreateRcsAgent")
def test_no_registration_type_of_smsmock_takes_an_rcs_agent(client: Any) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    registration = new_registration(client, TOLL_FREE_TYPE)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=registration, ResourceId=agent)
    expect_error(
        caught,
        "ValidationException",
        "INVALID_REGISTRATION_ASSOCIATION",
        fields={"ResourceId": f"{agent} cannot be associated with this registration type"},
    )


@needs_operations("CreateRcsAgent")
def test_an_rcs_agent_has_one_registration_of_each_type(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # smsmock's data has no RCS launch registration types (their forms are not published in a
    # machine-readable form); the rule is checked with a testing type made for this test.
    testing = "TEST_RCS_LAUNCH_REGISTRATION"
    supported = {
        "ResourceType": RCS_AGENT,
        "AssociationBehavior": "ASSOCIATE_BEFORE_SUBMIT",
        "DisassociationBehavior": "DELETE_REGISTRATION_DISASSOCIATES",
    }
    form = RegistrationForm(
        {"RegistrationType": testing, "SupportedAssociations": [supported]}, [], []
    )
    monkeypatch.setitem(forms(), testing, form)
    agent = client.create_rcs_agent()
    first, second = new_registration(client, testing), new_registration(client, testing)
    out = client.create_registration_association(
        RegistrationId=first, ResourceId=agent["RcsAgentArn"]
    )
    assert (out["ResourceType"], out["ResourceId"], out["ResourceArn"]) == (
        "rcs-agent",
        agent["RcsAgentId"],
        agent["RcsAgentArn"],
    )
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=second, ResourceId=agent["RcsAgentId"]
        )
    expect_error(
        caught,
        "ConflictException",
        "RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE",
        resource_type="rcs-agent",
        resource_id=agent["RcsAgentId"],
        message=f"associated with registration {first} of type {testing}",
    )
    # Once the first registration is deleted, the agent can take another of that type.
    client.delete_registration(RegistrationId=first)
    client.create_registration_association(RegistrationId=second, ResourceId=agent["RcsAgentId"])
