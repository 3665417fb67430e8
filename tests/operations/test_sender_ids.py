"""Sender IDs: RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId, through
boto3."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error
from tests.installed_model import needs_members

ACCOUNT = "123456789012"


def request(client: Any, sender_id: str = "MyBrand", country: str = "ES", **more: Any) -> Any:
    return client.request_sender_id(SenderId=sender_id, IsoCountryCode=country, **more)


# -- RequestSenderId ---------------------------------------------------------------------------


def test_request(client: Any) -> None:
    sender = request(client, MessageTypes=["TRANSACTIONAL"], Tags=[{"Key": "k", "Value": "v"}])
    assert sender["SenderIdArn"] == f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:sender-id/MyBrand/ES"
    assert sender["SenderId"] == "MyBrand"
    assert sender["IsoCountryCode"] == "ES"
    assert sender["MessageTypes"] == ["TRANSACTIONAL"]
    assert sender["MonthlyLeasingPrice"] == "0.00"
    assert sender["DeletionProtectionEnabled"] is False
    assert sender["Registered"] is False
    assert sender["Tags"] == [{"Key": "k", "Value": "v"}]
    tags = client.list_tags_for_resource(ResourceArn=sender["SenderIdArn"])["Tags"]
    assert tags == [{"Key": "k", "Value": "v"}]


def test_without_message_types_both_kinds(client: Any) -> None:
    assert request(client)["MessageTypes"] == ["TRANSACTIONAL", "PROMOTIONAL"]


def test_one_sender_id_in_several_countries(client: Any) -> None:
    request(client, country="ES")
    request(client, country="DE")
    found = client.describe_sender_ids()["SenderIds"]
    assert [(s["SenderId"], s["IsoCountryCode"]) for s in found] == [
        ("MyBrand", "ES"),
        ("MyBrand", "DE"),
    ]


@pytest.mark.parametrize("country", ["US", "CA", "BR", "CN", "KR"])
def test_countries_without_sender_ids(client: Any, country: str) -> None:
    with pytest.raises(ClientError) as caught:
        request(client, country=country)
    expect_error(
        caught,
        "ValidationException",
        "SENDER_ID_NOT_SUPPORTED",
        fields={"IsoCountryCode": f"Sender IDs are not supported in {country}"},
    )


def test_a_sender_id_needs_a_letter(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        request(client, sender_id="12345")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"SenderId": "Must contain at least one letter"},
    )


def test_the_same_sender_id_twice(client: Any) -> None:
    request(client)
    with pytest.raises(ClientError) as caught:
        request(client)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        resource_type="sender-id",
        resource_id="MyBrand/ES",
    )


def test_the_account_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("SENDER_IDS_PER_ACCOUNT", 1)
    request(client)
    with pytest.raises(ClientError) as caught:
        request(client, sender_id="Other")
    expect_error(caught, "ServiceQuotaExceededException", "SENDER_IDS_PER_ACCOUNT")


def test_registration_countries_need_a_registration(client: Any, sms_voice: SmsVoiceMock) -> None:
    # RequestSenderId: "Request a new sender ID that doesn't require registration."
    with pytest.raises(ClientError) as caught:
        request(client, country="IN")
    expect_error(
        caught,
        "ValidationException",
        "SENDER_ID_REQUIRES_REGISTRATION",
        fields={"IsoCountryCode": "Sender IDs in IN require registration"},
    )
    assert client.describe_sender_ids()["SenderIds"] == []
    # A country without registration: the sender ID, unregistered, sends at once.
    assert request(client, country="ES")["Registered"] is False
    sent = client.send_text_message(
        DestinationPhoneNumber="+34612345678",
        OriginationIdentity="MyBrand",
        MessageBody="hello",
    )
    assert [(m.message_id, m.origination_identity) for m in sms_voice.sent_messages] == [
        (sent["MessageId"], "MyBrand")
    ]


# -- DescribeSenderIds -------------------------------------------------------------------------


def test_describe_chosen_sender_ids(client: Any) -> None:
    spain = request(client, country="ES")
    request(client, country="DE")
    found = client.describe_sender_ids(
        SenderIds=[
            {"SenderId": "MyBrand", "IsoCountryCode": "ES"},
            {"SenderId": spain["SenderIdArn"], "IsoCountryCode": "ES"},
        ]
    )["SenderIds"]
    assert [s["IsoCountryCode"] for s in found] == ["ES"]


def test_describe_an_unknown_sender_id(client: Any) -> None:
    request(client, country="ES")
    with pytest.raises(ClientError) as caught:
        client.describe_sender_ids(SenderIds=[{"SenderId": "MyBrand", "IsoCountryCode": "FR"}])
    # A sender ID exists per country (MyBrand is there in ES): the message names both.
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="sender-id",
        resource_id="MyBrand",
        message="MyBrand",
    )
    assert "FR" in caught.value.response["Error"]["Message"]


@needs_members("DescribeSenderIdsRequest", "Owner")
def test_owner_and_sender_ids_cannot_be_combined(client: Any) -> None:
    request(client)
    with pytest.raises(ClientError) as caught:
        client.describe_sender_ids(
            SenderIds=[{"SenderId": "MyBrand", "IsoCountryCode": "ES"}], Owner="SELF"
        )
    expect_error(
        caught,
        "ValidationException",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        fields={"Owner": "Cannot be used with SenderIds", "SenderIds": "Cannot be used with Owner"},
    )
    assert client.describe_sender_ids(Owner="SHARED")["SenderIds"] == []


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    [
        ("sender-id", ["Alpha"], ["Alpha/ES"]),
        ("iso-country-code", ["DE", "SG"], ["Beta/DE", "Gamma/SG"]),
        ("message-type", ["PROMOTIONAL"], ["Beta/DE", "Gamma/SG"]),
        ("deletion-protection-enabled", ["true"], ["Beta/DE"]),
        ("registered", ["false"], ["Alpha/ES", "Beta/DE", "Gamma/SG"]),
        ("registered", ["true"], []),
    ],
)
def test_filters(client: Any, name: str, values: list[str], expected: list[str]) -> None:
    request(client, "Alpha", "ES", MessageTypes=["TRANSACTIONAL"])
    request(client, "Beta", "DE", DeletionProtectionEnabled=True)
    request(client, "Gamma", "SG", MessageTypes=["PROMOTIONAL"])
    found = client.describe_sender_ids(Filters=[{"Name": name, "Values": values}])["SenderIds"]
    assert [f"{s['SenderId']}/{s['IsoCountryCode']}" for s in found] == expected


def test_paging(client: Any) -> None:
    for i in range(5):
        request(client, f"Brand{i}")
    pages = client.get_paginator("describe_sender_ids").paginate(PaginationConfig={"PageSize": 2})
    assert [s["SenderId"] for p in pages for s in p["SenderIds"]] == [f"Brand{i}" for i in range(5)]
    with pytest.raises(ClientError) as caught:
        client.describe_sender_ids(NextToken="forged")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_NEXT_TOKEN",
        fields={"NextToken": "Invalid next token"},
    )


# -- UpdateSenderId and ReleaseSenderId --------------------------------------------------------


def test_update_deletion_protection(client: Any) -> None:
    sender = request(client)
    updated = client.update_sender_id(
        SenderId=sender["SenderIdArn"], IsoCountryCode="ES", DeletionProtectionEnabled=True
    )
    assert updated["DeletionProtectionEnabled"] is True
    assert updated["SenderIdArn"] == sender["SenderIdArn"]


@pytest.mark.parametrize("operation", ["update_sender_id", "release_sender_id"])
def test_unknown_sender_ids(client: Any, operation: str) -> None:
    request(client, country="ES")
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(SenderId="MyBrand", IsoCountryCode="DE")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="sender-id",
        resource_id="MyBrand",
    )


def test_release(client: Any) -> None:
    request(client)
    released = client.release_sender_id(SenderId="MyBrand", IsoCountryCode="ES")
    assert released["SenderId"] == "MyBrand"
    assert released["Registered"] is False
    assert client.describe_sender_ids()["SenderIds"] == []


def test_deletion_protection_until_updated_off(client: Any) -> None:
    request(client, DeletionProtectionEnabled=True)
    with pytest.raises(ClientError) as caught:
        client.release_sender_id(SenderId="MyBrand", IsoCountryCode="ES")
    expect_error(
        caught,
        "ConflictException",
        "DELETION_PROTECTION_ENABLED",
        resource_type="sender-id",
        resource_id="MyBrand/ES",
    )
    client.update_sender_id(
        SenderId="MyBrand", IsoCountryCode="ES", DeletionProtectionEnabled=False
    )
    client.release_sender_id(SenderId="MyBrand", IsoCountryCode="ES")


def test_a_sender_id_in_a_pool_cannot_be_released(client: Any) -> None:
    request(client)
    client.create_pool(
        OriginationIdentity="MyBrand", IsoCountryCode="ES", MessageType="TRANSACTIONAL"
    )
    with pytest.raises(ClientError) as caught:
        client.release_sender_id(SenderId="MyBrand", IsoCountryCode="ES")
    expect_error(
        caught,
        "ConflictException",
        "SENDER_ID_ASSOCIATED_TO_POOL",
        resource_type="sender-id",
        resource_id="MyBrand/ES",
    )
