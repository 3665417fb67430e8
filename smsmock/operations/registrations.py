"""Registrations and their versions: CreateRegistration, DeleteRegistration,
DescribeRegistrations, CreateRegistrationVersion, DescribeRegistrationVersions,
SubmitRegistrationVersion, DiscardRegistrationVersion.

A registration is a form (see :mod:`.registration_definitions`) filled in as versions. Its
lifecycle ``status`` is the *current version's* status: ``DRAFT`` → ``SUBMITTED`` (→
``AWS_REVIEWING`` when ``AwsReview`` was asked) → ``REVIEWING`` → ``APPROVED``, or ``DENIED`` /
``REQUIRES_AUTHENTICATION`` by hand; the registration's ``RegistrationStatus`` is derived from it
(``CREATED``, ``SUBMITTED``, ``REVIEWING``, ``COMPLETE``, ``REQUIRES_UPDATES`` …). Review is
driven by the lifecycle modes of the resource type ``registration``: immediate by default,
timed, or manual, where a test approves or denies with
``sms_voice.advance("registration", registration_id, to="COMPLETE" | "REQUIRES_UPDATES")``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from smsmock.operations.phone_numbers import PhoneNumber
from smsmock.operations.registration_definitions import form_of, forms, missing_fields
from smsmock.operations.sender_ids import SENDER_IDS, SenderId
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.lifecycle import StatefulRecord
from smsmock.state.paging import attribute_filters, paginate
from smsmock.state.registry import Call, Params, operation
from smsmock.state.tables import Record, TableKey

if TYPE_CHECKING:
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
        _provision_on_approval(backend, record)
    elif status == "DENIED":
        record.latest_denied_version_number = version.version_number


REGISTRATIONS: TableKey[Registration] = TableKey(
    "registration",
    key=lambda r: r.registration_id,
    id_prefix="registration",
    quota="REGISTRATIONS_PER_ACCOUNT",
    arn=lambda r: r.registration_arn,
    transitions={"SUBMITTED": "REVIEWING", "AWS_REVIEWING": "REVIEWING", "REVIEWING": "APPROVED"},
    on_transition=_on_transition,
)


def link(
    registration: Registration, resource: Record, association: RegistrationAssociation
) -> None:
    """Record an association, and the registration on the identity (``registration_id``)."""
    registration.associations.append(association)
    if isinstance(resource, PhoneNumber | SenderId):
        resource.registration_id = registration.registration_id


def _provision_on_approval(backend: Backend, record: Registration) -> None:
    """``ASSOCIATE_ON_APPROVAL``: the approved sender ID is provisioned (or, when one was
    associated already, marked registered) and associated with the registration."""
    form = forms()[record.registration_type]
    supported = form.supported_association("SENDER_ID", None)
    if supported is None or supported["AssociationBehavior"] != "ASSOCIATE_ON_APPROVAL":
        return
    senders = backend.table(SENDER_IDS)
    linked = [a for a in record.associations if a.resource_type == "sender-id"]
    for association in linked:
        existing = senders.find(association.resource_arn)
        if existing is not None:
            existing.registered = True
    if linked:
        return
    value = record.current_version.field_values.get("senderIdInfo.senderId")
    if value is None or not value.text_value:
        return
    country = supported.get("IsoCountryCode") or "US"
    key = f"{value.text_value}/{country}"
    sender = senders.find(key)
    if sender is None:
        sender = senders.add(
            SenderId(
                sender_id_arn=backend.arn("sender-id", key),
                sender_id=value.text_value,
                iso_country_code=country,
                message_types=["TRANSACTIONAL", "PROMOTIONAL"],
                monthly_leasing_price="0.00",
            )
        )
    sender.registered = True
    link(
        record,
        sender,
        RegistrationAssociation(
            resource_arn=sender.sender_id_arn,
            resource_id=sender.sender_id,
            resource_type="sender-id",
            iso_country_code=country,
        ),
    )


def registration(call: Call, ref: str) -> Registration:
    """The registration with id or ARN ``ref`` (``ResourceNotFoundException`` otherwise)."""
    return call.backend.table(REGISTRATIONS).get(ref)


def version_output(record: Registration, version: RegistrationVersion) -> dict[str, Any]:
    """The members the version operations answer with."""
    return {
        "RegistrationArn": record.registration_arn,
        "RegistrationId": record.registration_id,
        "VersionNumber": version.version_number,
        "RegistrationVersionStatus": version.registration_version_status,
        "RegistrationVersionStatusHistory": version.registration_version_status_history,
        "AwsReview": version.aws_review,
    }


# -- registrations -----------------------------------------------------------------------------


@operation("CreateRegistration")
def create_registration(call: Call, params: Params) -> Registration:
    form = form_of(params["RegistrationType"])
    return create_record(
        call,
        call.backend.table(REGISTRATIONS),
        params,
        lambda registration_id, arn: Registration(
            registration_arn=arn,
            registration_id=registration_id,
            registration_type=form.registration_type,
            created_timestamp=call.now,
            status="DRAFT",
            status_since=call.now,
            versions=[_new_version(call, 1)],
        ),
    )


def _new_version(call: Call, number: int) -> RegistrationVersion:
    return RegistrationVersion(
        version_number=number,
        registration_version_status="DRAFT",
        registration_version_status_history=StatusHistory(draft_timestamp=call.now),
    )


@operation("DeleteRegistration")
def delete_registration(call: Call, params: Params) -> Registration:
    table = call.backend.table(REGISTRATIONS)
    record = table.get(params["RegistrationId"])
    if record.status in IN_REVIEW:
        raise ConflictError(
            f"Registration {record.registration_id} is being reviewed and cannot be deleted.",
            "RESOURCE_DELETION_NOT_ALLOWED",
            "registration",
            record.registration_id,
        )
    form = form_of(record.registration_type)
    for association in record.associations:
        kind = _association_kind(call.backend, association)
        supported = form.supported_association(kind, association.iso_country_code) or {}
        if supported.get("DisassociationBehavior", "").startswith("DISASSOCIATE_ALL"):
            raise ConflictError(
                f"Registration {record.registration_id} still has {association.resource_id} "
                "associated; disassociate every origination identity first.",
                "RESOURCE_DELETION_NOT_ALLOWED",
                "registration",
                record.registration_id,
            )
    for association in record.associations:
        resource = call.backend.by_arn.get(association.resource_arn)
        if isinstance(resource, PhoneNumber | SenderId) and (
            resource.registration_id == record.registration_id
        ):
            resource.registration_id = None
    record.deleted = True
    table.remove(record)
    return record


def _association_kind(backend: Backend, association: RegistrationAssociation) -> str:
    """The ``SupportedAssociation`` resource type an association falls under."""
    resource = backend.by_arn.get(association.resource_arn)
    if isinstance(resource, Registration):
        return resource.registration_type
    if association.resource_type == "sender-id":
        return "SENDER_ID"
    return str(getattr(resource, "number_type", "") or "")


describe_operation(
    "DescribeRegistrations",
    REGISTRATIONS,
    "RegistrationIds",
    "Registrations",
    filters=attribute_filters("registration_type", "registration_status"),
)


# -- versions ----------------------------------------------------------------------------------


@operation("CreateRegistrationVersion")
def create_registration_version(call: Call, params: Params) -> dict[str, Any]:
    table = call.backend.table(REGISTRATIONS)
    record = table.get(params["RegistrationId"])
    if record.status == "DRAFT" or record.status in IN_REVIEW:
        raise ConflictError(
            f"Registration {record.registration_id} version {record.current_version_number} is "
            f"{record.status}; a new version can be created once it is decided or discarded.",
            "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
            "registration",
            record.registration_id,
        )
    since = call.now - timedelta(days=1)
    created_today = sum(
        1
        for r in table
        for v in r.versions
        if v.registration_version_status_history.draft_timestamp > since
    )
    call.backend.check_quota("REGISTRATION_VERSIONS_CREATED_PER_DAY", created_today)
    version = _new_version(call, record.current_version_number + 1)
    version.field_values = copy.deepcopy(record.last_filled_version().field_values)
    for value in version.field_values.values():
        value.denied_reason = value.feedback = None
    record.versions.append(version)
    call.backend.move(REGISTRATIONS, record, "DRAFT", call.now)
    return version_output(record, version)


@operation("DescribeRegistrationVersions")
def describe_registration_versions(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    numbers = params.get("VersionNumbers") or []
    for i, number in enumerate(numbers):
        record.version(number, f"VersionNumbers[{i}]")
    page, token = paginate(
        call,
        record.versions,
        params,
        filters={"registration-version-status": lambda v: v.registration_version_status},
        where=(lambda v: v.version_number in numbers) if numbers else None,
    )
    return {
        "RegistrationArn": record.registration_arn,
        "RegistrationId": record.registration_id,
        "RegistrationVersions": page,
        "NextToken": token,
    }


@operation("SubmitRegistrationVersion")
def submit_registration_version(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    if record.status in IN_REVIEW:
        raise ConflictError(
            f"Registration {record.registration_id} version {record.current_version_number} "
            "is already submitted.",
            "REGISTRATION_ALREADY_SUBMITTED",
            "registration",
            record.registration_id,
        )
    if record.status != "DRAFT":
        raise ConflictError(
            f"Registration {record.registration_id} version {record.current_version_number} is "
            f"{record.status}; only a DRAFT version can be submitted.",
            "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
            "registration",
            record.registration_id,
        )
    form = form_of(record.registration_type)
    missing = missing_fields(form, record.current_version.field_values)
    if missing:
        raise ValidationError(
            f"Registration {record.registration_id} is missing required fields: "
            f"{', '.join(missing)}.",
            "FIELD_VALIDATION_FAILED",
            [(path, "This field is required.") for path in missing],
        )
    for supported in form.definition.get("SupportedAssociations", []):
        if supported["AssociationBehavior"] != "ASSOCIATE_BEFORE_SUBMIT":
            continue
        kinds = {_association_kind(call.backend, a) for a in record.associations}
        if supported["ResourceType"] not in kinds:
            raise ValidationError(
                f"A {record.registration_type} needs an associated {supported['ResourceType']} "
                "before it is submitted.",
                "INVALID_REGISTRATION_ASSOCIATION",
                [("RegistrationId", f"Associate a {supported['ResourceType']} first.")],
            )
    record.current_version.aws_review = bool(params.get("AwsReview"))
    call.backend.move(REGISTRATIONS, record, "SUBMITTED", call.now)
    return version_output(record, record.current_version)


@operation("DiscardRegistrationVersion")
def discard_registration_version(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    if record.status != "DRAFT" or record.current_version_number == 1:
        raise ConflictError(
            f"Registration {record.registration_id} version {record.current_version_number} "
            f"is {record.status}; only a DRAFT that follows an earlier version can be "
            "discarded.",
            "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
            "registration",
            record.registration_id,
        )
    call.backend.move(REGISTRATIONS, record, "DISCARDED", call.now)
    return version_output(record, record.current_version)
