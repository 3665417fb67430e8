"""CreateRegistrationAttachment, DeleteRegistrationAttachment, DescribeRegistrationAttachments,
and attachments as the values of ATTACHMENT fields."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error
from tests.installed_model import needs_members
from tests.registration_data import PDF, PNG, new_registration

CAMPAIGN_TYPE = "US_TEN_DLC_CAMPAIGN_REGISTRATION"
BOTH = {"AttachmentBody": PNG, "AttachmentUrl": "s3://my-bucket/a.png"}


def test_create_attachment_from_body(client: Any) -> None:
    out = client.create_registration_attachment(
        AttachmentBody=PNG, Tags=[{"Key": "Purpose", "Value": "opt-in"}]
    )
    attachment_id = out["RegistrationAttachmentId"]
    assert attachment_id.startswith("attachment-")
    assert out["RegistrationAttachmentArn"].endswith(f":registration-attachment/{attachment_id}")
    assert out["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"
    assert out["Tags"] == [{"Key": "Purpose", "Value": "opt-in"}]
    [found] = client.describe_registration_attachments()["RegistrationAttachments"]
    assert found["RegistrationAttachmentId"] == attachment_id
    assert found["AttachmentStatus"] == "UPLOAD_COMPLETE"
    assert "AttachmentUrl" not in found


@needs_members("RegistrationAttachmentsInformation", "AttachmentUrl")
def test_create_attachment_from_s3_url(client: Any) -> None:
    url = "s3://my-bucket/forms/letter-of-authorization.pdf"
    out = client.create_registration_attachment(AttachmentUrl=url)
    [found] = client.describe_registration_attachments(
        RegistrationAttachmentIds=[out["RegistrationAttachmentArn"]]
    )["RegistrationAttachments"]
    assert found["AttachmentUrl"] == url


@pytest.mark.parametrize(
    ("kwargs", "reason", "fields"),
    [
        (
            BOTH,
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            {"AttachmentBody": "Give only one", "AttachmentUrl": "Give only one"},
        ),
        ({}, "MISSING_PARAMETER", {"AttachmentBody": "Required", "AttachmentUrl": "Required"}),
        (
            {"AttachmentBody": b"%PDF-" + b"0" * (500 * 1024)},
            "MAXIMUM_SIZE_EXCEEDED",
            {"AttachmentBody": "500KB"},
        ),
        (
            {"AttachmentBody": b"GIF89a" + b"0" * 32},
            "ATTACHMENT_TYPE_NOT_SUPPORTED",
            {"AttachmentBody": "PDF, JPEG and PNG"},
        ),
        (
            {"AttachmentUrl": "s3://my-bucket/photo.gif"},
            "ATTACHMENT_TYPE_NOT_SUPPORTED",
            {"AttachmentUrl": "PDF, JPEG and PNG"},
        ),
        (
            {"AttachmentUrl": "https://example.com/a.png"},
            "INVALID_PARAMETER",
            {"AttachmentUrl": "s3://BucketName/FileName"},
        ),
    ],
)
def test_create_attachment_errors(
    client: Any, kwargs: dict[str, Any], reason: str, fields: dict[str, str]
) -> None:
    with pytest.raises(ClientError) as caught:
        client.create_registration_attachment(**kwargs)
    expect_error(caught, "ValidationException", reason, fields=fields)


@pytest.mark.parametrize("body", [PNG, PDF, b"\xff\xd8\xff\xe0" + b"0" * 32])
def test_accepted_file_kinds(client: Any, body: bytes) -> None:
    out = client.create_registration_attachment(AttachmentBody=body)
    assert out["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"


def test_attachment_quotas(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("REGISTRATION_ATTACHMENTS_PER_ACCOUNT", 1)
    client.create_registration_attachment(AttachmentBody=PNG)
    with pytest.raises(ClientError) as caught:
        client.create_registration_attachment(AttachmentBody=PNG)
    expect_error(caught, "ServiceQuotaExceededException", "REGISTRATION_ATTACHMENTS_PER_ACCOUNT")


def test_attachments_created_per_day(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("REGISTRATION_ATTACHMENTS_CREATED_PER_DAY", 1)
    with freeze_time("2026-01-05 12:00:00") as clock:
        first = client.create_registration_attachment(AttachmentBody=PNG)
        client.delete_registration_attachment(
            RegistrationAttachmentId=first["RegistrationAttachmentId"]
        )
        with pytest.raises(ClientError) as caught:
            client.create_registration_attachment(AttachmentBody=PNG)
        expect_error(
            caught, "ServiceQuotaExceededException", "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY"
        )
        clock.tick(timedelta(days=1, seconds=1))
        client.create_registration_attachment(AttachmentBody=PNG)


def test_delete_attachment(client: Any) -> None:
    attachment_id = client.create_registration_attachment(AttachmentBody=PNG)[
        "RegistrationAttachmentId"
    ]
    out = client.delete_registration_attachment(RegistrationAttachmentId=attachment_id)
    assert out["AttachmentStatus"] == "DELETED"
    assert client.describe_registration_attachments()["RegistrationAttachments"] == []
    with pytest.raises(ClientError) as caught:
        client.delete_registration_attachment(RegistrationAttachmentId=attachment_id)
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration-attachment",
        resource_id=attachment_id,
    )


def test_attachment_in_use_cannot_be_deleted(client: Any) -> None:
    campaign = new_registration(client, CAMPAIGN_TYPE)
    attachment_id = client.create_registration_attachment(AttachmentBody=PNG)[
        "RegistrationAttachmentId"
    ]
    client.put_registration_field_value(
        RegistrationId=campaign,
        FieldPath="campaignInfo.optInScreenshot",
        RegistrationAttachmentId=attachment_id,
    )
    with pytest.raises(ClientError) as caught:
        client.delete_registration_attachment(RegistrationAttachmentId=attachment_id)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_id=attachment_id,
        resource_type="registration-attachment",
    )


def test_describe_attachments_filter_and_unknown_id(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration-attachment", "manual")
    done = client.create_registration_attachment(AttachmentBody=PNG)["RegistrationAttachmentId"]
    sms_voice.advance("registration-attachment", done)
    failed = client.create_registration_attachment(AttachmentBody=PNG)["RegistrationAttachmentId"]
    sms_voice.advance("registration-attachment", failed, to="UPLOAD_FAILED")
    found = client.describe_registration_attachments(
        Filters=[{"Name": "attachment-status", "Values": ["UPLOAD_FAILED"]}]
    )["RegistrationAttachments"]
    assert [a["RegistrationAttachmentId"] for a in found] == [failed]
    assert found[0]["AttachmentUploadErrorReason"] == "INTERNAL_ERROR"
    with pytest.raises(ClientError) as caught:
        client.describe_registration_attachments(RegistrationAttachmentIds=["attachment-0000"])
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration-attachment",
        resource_id="attachment-0000",
    )


def test_attachment_field_values(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration-attachment", "manual")
    campaign = new_registration(client, CAMPAIGN_TYPE)
    uploading = client.create_registration_attachment(AttachmentBody=PNG)
    field = {"RegistrationId": campaign, "FieldPath": "campaignInfo.optInScreenshot"}
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(
            RegistrationAttachmentId=uploading["RegistrationAttachmentId"], **field
        )
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        resource_type="registration-attachment",
        resource_id=uploading["RegistrationAttachmentId"],
    )
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(RegistrationAttachmentId="attachment-0000", **field)
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration-attachment",
        resource_id="attachment-0000",
    )
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(TextValue="a screenshot", **field)
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        message="campaignInfo.optInScreenshot is a ATTACHMENT field",
        fields={"TextValue": "takes RegistrationAttachmentId"},
    )
    sms_voice.advance("registration-attachment", uploading["RegistrationAttachmentId"])
    out = client.put_registration_field_value(
        RegistrationAttachmentId=uploading["RegistrationAttachmentArn"], **field
    )
    assert out["RegistrationAttachmentId"] == uploading["RegistrationAttachmentId"]
