"""Registration attachments: CreateRegistrationAttachment, DeleteRegistrationAttachment,
DescribeRegistrationAttachments.

An attachment is a file given inline (``AttachmentBody``) or as an S3 URI (``AttachmentUrl``),
later referenced by an ATTACHMENT field of a registration. The API reference limits files to
500 KB of PDF, JPEG or PNG. Uploads move ``UPLOAD_IN_PROGRESS`` → ``UPLOAD_COMPLETE`` through the
lifecycle of the resource type ``registration-attachment`` (a test can fail one with
``advance("registration-attachment", id, to="UPLOAD_FAILED")``).
"""

from __future__ import annotations

import base64
import re
from datetime import datetime, timedelta

from smsmock.records.registration_attachments import (
    MAX_ATTACHMENT_BYTES,
    REGISTRATION_ATTACHMENTS,
    RegistrationAttachment,
    attachment,
)
from smsmock.records.registrations import REGISTRATIONS
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
from smsmock.state.world import Setting

# File signatures of the accepted kinds (the API reference: "PDF, JPEG and PNG").
SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")
S3_URI = re.compile(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S+")
CREATED_LOG: Setting[list[datetime]] = Setting("registration_attachments_created", list)


def _check_source(params: Params) -> tuple[bytes | None, str | None]:
    body, url = params.get("AttachmentBody"), params.get("AttachmentUrl")
    if body is not None and url is not None:
        raise ValidationError(
            "Give either AttachmentBody or AttachmentUrl, not both.",
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [("AttachmentBody", "Give only one."), ("AttachmentUrl", "Give only one.")],
        )
    if body is None and url is None:
        raise ValidationError(
            "One of AttachmentBody or AttachmentUrl is required.",
            "MISSING_PARAMETER",
            [("AttachmentBody", "Required."), ("AttachmentUrl", "Required.")],
        )
    if body is not None:
        data = base64.b64decode(body)
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                f"The attachment is {len(data)} bytes; the maximum is {MAX_ATTACHMENT_BYTES}.",
                "MAXIMUM_SIZE_EXCEEDED",
                [("AttachmentBody", "The maximum file size is 500KB.")],
            )
        if not data.startswith(SIGNATURES):
            raise ValidationError(
                "The attachment must be a PDF, JPEG or PNG file.",
                "ATTACHMENT_TYPE_NOT_SUPPORTED",
                [("AttachmentBody", "Valid file types are PDF, JPEG and PNG.")],
            )
        return data, None
    assert url is not None
    if not S3_URI.fullmatch(url):
        raise ValidationError(
            f"{url} is not an S3 URI of the form s3://BucketName/FileName.",
            "INVALID_PARAMETER",
            [("AttachmentUrl", "Must be s3://BucketName/FileName.")],
        )
    if not url.lower().endswith(EXTENSIONS):
        raise ValidationError(
            "The attachment must be a PDF, JPEG or PNG file.",
            "ATTACHMENT_TYPE_NOT_SUPPORTED",
            [("AttachmentUrl", "Valid file extensions are PDF, JPEG and PNG.")],
        )
    return None, url


@operation("CreateRegistrationAttachment")
def create_registration_attachment(call: Call, params: Params) -> RegistrationAttachment:
    body, url = _check_source(params)
    since = call.now - timedelta(days=1)
    created = [t for t in CREATED_LOG.of(call.backend) if t > since]
    call.backend.check_quota("REGISTRATION_ATTACHMENTS_CREATED_PER_DAY", len(created))
    record = create_record(
        call,
        call.backend.table(REGISTRATION_ATTACHMENTS),
        params,
        lambda attachment_id, arn: RegistrationAttachment(
            registration_attachment_arn=arn,
            registration_attachment_id=attachment_id,
            created_timestamp=call.now,
            status="UPLOAD_IN_PROGRESS",
            status_since=call.now,
            attachment_url=url,
            body=body,
        ),
    )
    CREATED_LOG.put(call.backend, [*created, call.now])
    return record


@operation("DeleteRegistrationAttachment")
def delete_registration_attachment(call: Call, params: Params) -> RegistrationAttachment:
    table = call.backend.table(REGISTRATION_ATTACHMENTS)
    record = attachment(call, params["RegistrationAttachmentId"])
    for registration in call.backend.table(REGISTRATIONS):
        for version in registration.versions:
            for value in version.field_values.values():
                if value.registration_attachment_id == record.registration_attachment_id:
                    raise ConflictError(
                        f"Attachment {record.registration_attachment_id} is the value of "
                        f"{value.field_path} in registration {registration.registration_id}.",
                        "RESOURCE_DELETION_NOT_ALLOWED",
                        "registration-attachment",
                        record.registration_attachment_id,
                    )
    record.deleted = True
    table.remove(record)
    return record


describe_operation(
    "DescribeRegistrationAttachments",
    REGISTRATION_ATTACHMENTS,
    "RegistrationAttachmentIds",
    "RegistrationAttachments",
    filters=attribute_filters("attachment_status"),
)
