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
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from smsmock.operations.registrations import REGISTRATIONS
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
from smsmock.state.tables import TableKey

if TYPE_CHECKING:
    from smsmock.state.world import Backend

MAX_ATTACHMENT_BYTES = 500 * 1024
# File signatures of the accepted kinds (the API reference: "PDF, JPEG and PNG").
SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")
S3_URI = re.compile(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S+")
CREATED_LOG = "registration_attachments_created"


@dataclass(kw_only=True)
class RegistrationAttachment(StatefulRecord):
    """An uploaded file; attributes are the model's ``RegistrationAttachmentsInformation``."""

    registration_attachment_arn: str
    registration_attachment_id: str
    created_timestamp: datetime
    attachment_url: str | None = None
    body: bytes | None = None
    attachment_upload_error_reason: str | None = None
    deleted: bool = False

    @property
    def attachment_status(self) -> str:
        return "DELETED" if self.deleted else self.status


def _on_transition(backend: Backend, record: RegistrationAttachment, old: str, new: str) -> None:
    if new not in ("UPLOAD_IN_PROGRESS", "UPLOAD_COMPLETE", "UPLOAD_FAILED"):
        record.status = old
        raise ValueError(f"{new} is not an attachment upload status")
    record.attachment_upload_error_reason = "INTERNAL_ERROR" if new == "UPLOAD_FAILED" else None


REGISTRATION_ATTACHMENTS: TableKey[RegistrationAttachment] = TableKey(
    "registration-attachment",
    key=lambda r: r.registration_attachment_id,
    id_prefix="attachment",
    quota="REGISTRATION_ATTACHMENTS_PER_ACCOUNT",
    arn=lambda r: r.registration_attachment_arn,
    transitions={"UPLOAD_IN_PROGRESS": "UPLOAD_COMPLETE"},
    on_transition=_on_transition,
)


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
    created: list[datetime] = [t for t in call.backend.attributes.get(CREATED_LOG, []) if t > since]
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
    call.backend.attributes[CREATED_LOG] = [*created, call.now]
    return record


def attachment(call: Call, ref: str) -> RegistrationAttachment:
    """The attachment with id or ARN ``ref`` (``ResourceNotFoundException`` otherwise)."""
    return call.backend.table(REGISTRATION_ATTACHMENTS).get(ref)


@operation("DeleteRegistrationAttachment")
def delete_registration_attachment(call: Call, params: Params) -> RegistrationAttachment:
    table = call.backend.table(REGISTRATION_ATTACHMENTS)
    record = table.get(params["RegistrationAttachmentId"])
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
