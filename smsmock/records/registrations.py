"""Registration records: :class:`Registration` with its versions, field values and associations,
its table and lookup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from smsmock.state.errors import ValidationError
from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.registry import Call
from smsmock.state.tables import TableKey
from smsmock.state.world import Backend

VERSION_STATUSES = frozenset(
    {
        "DRAFT",
        "SUBMITTED",
        "AWS_REVIEWING",
        "REVIEWING",
        "REQUIRES_AUTHENTICATION",
        "APPROVED",
        "DISCARDED",
        "DENIED",
        "REVOKED",
        "ARCHIVED",
        "REQUIRES_OFFLINE_REVIEW",
    }
)


IN_REVIEW = frozenset(
    {
        "SUBMITTED",
        "AWS_REVIEWING",
        "REVIEWING",
        "REQUIRES_AUTHENTICATION",
        "REQUIRES_OFFLINE_REVIEW",
    }
)


# ``advance(..., to=...)`` also takes the registration's words for a reviewer's decision.
DECISIONS = {"COMPLETE": "APPROVED", "REQUIRES_UPDATES": "DENIED"}


@dataclass(kw_only=True)
class StatusHistory:
    """When a version entered each status: the model's ``RegistrationVersionStatusHistory``."""

    draft_timestamp: datetime
    submitted_timestamp: datetime | None = None
    aws_reviewing_timestamp: datetime | None = None
    reviewing_timestamp: datetime | None = None
    requires_authentication_timestamp: datetime | None = None
    approved_timestamp: datetime | None = None
    discarded_timestamp: datetime | None = None
    denied_timestamp: datetime | None = None
    revoked_timestamp: datetime | None = None
    archived_timestamp: datetime | None = None

    def stamp(self, status: str, when: datetime) -> None:
        name = f"{status.lower()}_timestamp"
        if hasattr(self, name):
            setattr(self, name, when)


@dataclass(kw_only=True)
class FieldValue:
    """A field's value in one version: the model's ``RegistrationFieldValueInformation``."""

    field_path: str
    select_choices: list[str] | None = None
    text_value: str | None = None
    registration_attachment_id: str | None = None
    denied_reason: str | None = None
    feedback: str | None = None


@dataclass(kw_only=True)
class RegistrationVersion:
    """One version of a registration's form: the model's ``RegistrationVersionInformation``."""

    version_number: int
    registration_version_status: str
    registration_version_status_history: StatusHistory
    field_values: dict[str, FieldValue] = field(default_factory=dict)
    aws_review: bool = False
    denied_reasons: list[dict[str, str]] | None = None
    feedback: str | None = None


@dataclass(kw_only=True)
class RegistrationAssociation:
    """An origination identity or registration linked to a registration: the model's
    ``RegistrationAssociationMetadata``. ``resource_type`` is the model's ``ResourceType``
    (``phone-number``, ``sender-id``, ``registration``)."""

    resource_arn: str
    resource_id: str
    resource_type: str
    iso_country_code: str | None = None
    phone_number: str | None = None


@dataclass(kw_only=True)
class Registration(StatefulRecord):
    """A registration; attributes are the model's ``RegistrationInformation``. ``status`` is the
    current (last) version's status; ``registration_status`` is derived from it."""

    registration_arn: str
    registration_id: str
    registration_type: str
    created_timestamp: datetime
    versions: list[RegistrationVersion]
    approved_version_number: int | None = None
    latest_denied_version_number: int | None = None
    additional_attributes: dict[str, str] | None = None
    associations: list[RegistrationAssociation] = field(default_factory=list)
    deleted: bool = False
    reported_status: str | None = None
    """The ``registration_status`` last passed to :data:`ON_STATUS_CHANGE`."""

    @property
    def current_version(self) -> RegistrationVersion:
        return self.versions[-1]

    @property
    def current_version_number(self) -> int:
        return self.current_version.version_number

    @property
    def registration_status(self) -> str:
        """An approved registration stays ``COMPLETE`` while a newer version is edited or
        reviewed (the approved version stays in force until a newer one is approved)."""
        if self.deleted:
            return "DELETED"
        if self.approved_version_number is not None:
            return "COMPLETE"
        if self.status in ("DRAFT", "DISCARDED", "DENIED"):
            return "REQUIRES_UPDATES" if self.latest_denied_version_number else "CREATED"
        if self.status == "REQUIRES_OFFLINE_REVIEW":
            return "REVIEWING"
        return self.status

    @property
    def editable(self) -> bool:
        """Field values (and associations made before submission) change only in a draft."""
        return self.status == "DRAFT"

    def version(self, number: int, member: str = "VersionNumber") -> RegistrationVersion:
        for version in self.versions:
            if version.version_number == number:
                return version
        raise ValidationError(
            f"Registration {self.registration_id} has no version {number}.",
            "UNKNOWN_REGISTRATION_VERSION",
            [(member, f"Unknown registration version {number}.")],
        )

    def last_filled_version(self) -> RegistrationVersion:
        """The newest version that was not discarded (a new version starts from its values)."""
        for version in reversed(self.versions):
            if version.registration_version_status != "DISCARDED":
                return version
        return self.versions[0]


ON_APPROVAL: list[Callable[[Backend, Registration], None]] = []
"""What approving a registration provisions besides its own statuses: each is called with the
backend and the approved registration (:mod:`smsmock.rules.registration_associations` adds the
approved sender ID's)."""


ON_STATUS_CHANGE: list[Callable[[Backend, Registration, datetime], None]] = []
"""What a change of a registration's ``RegistrationStatus`` does: each is called with the
backend, the registration and when it changed (:mod:`smsmock.rules.events.bus` puts AWS's
``Registration Status Change`` event on the default event bus)."""


def report_status(backend: Backend, record: Registration, when: datetime) -> None:
    """Call :data:`ON_STATUS_CHANGE` if ``record``'s status is not the one last reported (every
    change of it, whatever made it: a request, the lifecycle's clock or ``sms.advance``)."""
    status = record.registration_status
    if status == record.reported_status:
        return
    record.reported_status = status
    for hook in ON_STATUS_CHANGE:
        hook(backend, record, when)


def _on_transition(backend: Backend, record: Registration, old: str, new: str) -> None:
    """Keep the current version in step with the registration's lifecycle status."""
    status = DECISIONS.get(new, new)
    version = record.current_version
    if status == "REVIEWING" and old == "SUBMITTED" and version.aws_review:
        status = "AWS_REVIEWING"
    if status not in VERSION_STATUSES:
        record.status = old
        raise ValueError(f"{new} is not a registration version status")
    record.status = status
    version.registration_version_status = status
    version.registration_version_status_history.stamp(status, record.status_since)
    if status == "APPROVED":
        if record.approved_version_number is not None:
            earlier = record.version(record.approved_version_number)
            earlier.registration_version_status = "ARCHIVED"
            earlier.registration_version_status_history.stamp("ARCHIVED", record.status_since)
        record.approved_version_number = version.version_number
        for provision in ON_APPROVAL:
            provision(backend, record)
    elif status == "DENIED":
        record.latest_denied_version_number = version.version_number
    report_status(backend, record, record.status_since)


REGISTRATIONS: TableKey[Registration] = TableKey(
    "registration",
    key=lambda r: r.registration_id,
    id_prefix="registration",
    quota="REGISTRATIONS_PER_ACCOUNT",
    arn=lambda r: r.registration_arn,
    transitions={"SUBMITTED": "REVIEWING", "AWS_REVIEWING": "REVIEWING", "REVIEWING": "APPROVED"},
    on_transition=_on_transition,
)


def registration(call: Call, ref: str) -> Registration:
    """The registration with id or ARN ``ref`` (``ResourceNotFoundException`` otherwise)."""
    return call.backend.table(REGISTRATIONS).get(ref)
