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
from datetime import timedelta
from typing import Any

from smsmock.records.phone_numbers import PhoneNumber
from smsmock.records.registrations import (
    IN_REVIEW,
    REGISTRATIONS,
    Registration,
    RegistrationAssociation,
    RegistrationVersion,
    StatusHistory,
    registration,
    report_status,
)
from smsmock.records.sender_ids import SenderId
from smsmock.rules.registration_forms import form_of, missing_fields
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.paging import attribute_filters, paginate
from smsmock.state.registry import Call, Params, operation
from smsmock.state.world import Backend


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
    record = create_record(
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
    report_status(call.backend, record, call.now)
    return record


def _new_version(call: Call, number: int) -> RegistrationVersion:
    return RegistrationVersion(
        version_number=number,
        registration_version_status="DRAFT",
        registration_version_status_history=StatusHistory(draft_timestamp=call.now),
    )


@operation("DeleteRegistration")
def delete_registration(call: Call, params: Params) -> Registration:
    table = call.backend.table(REGISTRATIONS)
    record = registration(call, params["RegistrationId"])
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
    report_status(call.backend, record, call.now)
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
    record = registration(call, params["RegistrationId"])
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
