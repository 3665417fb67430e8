"""Registration attachment records: :class:`RegistrationAttachment`, its table and lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.registry import Call
from smsmock.state.tables import TableKey
from smsmock.state.world import Backend

MAX_ATTACHMENT_BYTES = 500 * 1024


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


def attachment(call: Call, ref: str) -> RegistrationAttachment:
    """The attachment with id or ARN ``ref`` (``ResourceNotFoundException`` otherwise)."""
    return call.backend.table(REGISTRATION_ATTACHMENTS).get(ref)
