"""What an approved sender ID registration provisions (``ASSOCIATE_ON_APPROVAL``): the sender ID of
its form, as DescribeSenderIds lists it; or, when the account has that sender ID already, that one,
registered and associated (never a second); or, when a sender ID was associated with the
registration before, that one only. A sender ID associated once it is approved is registered at
once, and no other registration can take it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.registration_data import SG_SENDER_ID, new_registration, put_values

SG_TYPE = "SG_SENDER_ID_REGISTRATION"
ARN = "arn:aws:sms-voice:us-east-1:123456789012:sender-id"


def _approved(client: Any, before: Callable[[str], None] | None = None) -> str:
    """A filled SG sender ID registration (its form names the sender ID EXAMPLE), submitted and
    approved (the immediate lifecycle mode); ``before`` runs on its id first."""
    registration = new_registration(client, SG_TYPE)
    if before is not None:
        before(registration)
    put_values(client, registration, SG_SENDER_ID)
    client.submit_registration_version(RegistrationId=registration)
    status = client.describe_registrations(RegistrationIds=[registration])["Registrations"][0]
    assert status["RegistrationStatus"] == "COMPLETE"
    return registration


def _sender_ids(client: Any) -> list[dict[str, Any]]:
    keys = ("SenderIdArn", "SenderId", "IsoCountryCode", "MessageTypes", "MonthlyLeasingPrice")
    return [
        {key: s[key] for key in (*keys, "Registered", "RegistrationId") if key in s}
        for s in client.describe_sender_ids()["SenderIds"]
    ]


def _associations(client: Any, registration: str) -> list[tuple[str, str, str, str]]:
    listed = client.list_registration_associations(RegistrationId=registration)
    return [
        (a["ResourceType"], a["ResourceId"], a["ResourceArn"], a["IsoCountryCode"])
        for a in listed["RegistrationAssociations"]
    ]


def test_the_sender_id_of_the_form_is_provisioned(client: Any) -> None:
    registration = _approved(client)
    assert _sender_ids(client) == [
        {
            "SenderIdArn": f"{ARN}/EXAMPLE/SG",
            "SenderId": "EXAMPLE",
            "IsoCountryCode": "SG",
            "MessageTypes": ["TRANSACTIONAL", "PROMOTIONAL"],
            "MonthlyLeasingPrice": "0.00",
            "Registered": True,
            "RegistrationId": registration,
        }
    ]
    assert _associations(client, registration) == [
        ("sender-id", "EXAMPLE", f"{ARN}/EXAMPLE/SG", "SG")
    ]


def test_a_sender_id_already_requested_is_registered_not_made_again(client: Any) -> None:
    client.request_sender_id(
        SenderId="EXAMPLE", IsoCountryCode="SG", MessageTypes=["TRANSACTIONAL"]
    )
    registration = _approved(client)
    assert _sender_ids(client) == [
        {
            "SenderIdArn": f"{ARN}/EXAMPLE/SG",
            "SenderId": "EXAMPLE",
            "IsoCountryCode": "SG",
            "MessageTypes": ["TRANSACTIONAL"],  # as requested
            "MonthlyLeasingPrice": "0.00",
            "Registered": True,
            "RegistrationId": registration,
        }
    ]
    assert _associations(client, registration) == [
        ("sender-id", "EXAMPLE", f"{ARN}/EXAMPLE/SG", "SG")
    ]


def test_a_sender_id_associated_before_is_the_one_registered(client: Any) -> None:
    client.request_sender_id(SenderId="OTHER", IsoCountryCode="SG")

    def associate(registration: str) -> None:
        client.create_registration_association(RegistrationId=registration, ResourceId="OTHER")
        [other] = client.describe_sender_ids()["SenderIds"]
        assert (other["Registered"], other["RegistrationId"]) == (False, registration)

    registration = _approved(client, associate)
    [other] = client.describe_sender_ids()["SenderIds"]  # no EXAMPLE of the form
    assert (other["SenderId"], other["Registered"]) == ("OTHER", True)
    assert _associations(client, registration) == [("sender-id", "OTHER", f"{ARN}/OTHER/SG", "SG")]


def test_a_sender_id_associated_after_approval_is_registered_at_once(client: Any) -> None:
    registration = _approved(client)
    client.request_sender_id(SenderId="OTHER", IsoCountryCode="SG")
    client.create_registration_association(RegistrationId=registration, ResourceId="OTHER")
    other = client.describe_sender_ids(SenderIds=[{"SenderId": "OTHER", "IsoCountryCode": "SG"}])
    assert other["SenderIds"][0]["Registered"] is True
    # Another registration cannot take it: it is associated with this one.
    second = new_registration(client, SG_TYPE)
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(RegistrationId=second, ResourceId="OTHER")
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_ASSOCIATED",
        resource_type="sender-id",
        resource_id="OTHER",
        message=f"OTHER is associated with registration {registration}.",
    )
