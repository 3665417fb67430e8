"""A registration's form values: PutRegistrationFieldValue, DeleteRegistrationFieldValue,
DescribeRegistrationFieldValues.

Values are checked against the field definitions of the registration's type (see
:mod:`.registration_definitions`) and change only while the current version is a ``DRAFT``.
"""

from __future__ import annotations

from typing import Any

from smsmock.records.registration_attachments import attachment
from smsmock.records.registrations import FieldValue, Registration, registration
from smsmock.rules.registration_forms import check_value, field_of, form_of, requested_fields
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.paging import paginate
from smsmock.state.registry import Call, Params, operation


def _check_editable(record: Registration) -> None:
    if not record.editable:
        raise ConflictError(
            f"Registration {record.registration_id} version {record.current_version_number} "
            f"is {record.status}; create a new version to change its values.",
            "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
            "registration",
            record.registration_id,
        )


def _value_output(record: Registration, value: FieldValue) -> dict[str, Any]:
    return {
        "RegistrationArn": record.registration_arn,
        "RegistrationId": record.registration_id,
        "VersionNumber": record.current_version_number,
        "FieldPath": value.field_path,
        "SelectChoices": value.select_choices,
        "TextValue": value.text_value,
        "RegistrationAttachmentId": value.registration_attachment_id,
    }


@operation("PutRegistrationFieldValue")
def put_registration_field_value(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    definition = field_of(form_of(record.registration_type), params["FieldPath"])
    _check_editable(record)
    check_value(definition, params)
    value = FieldValue(field_path=definition["FieldPath"])
    if "RegistrationAttachmentId" in params:
        upload = attachment(call, params["RegistrationAttachmentId"])
        if upload.attachment_status != "UPLOAD_COMPLETE":
            raise ConflictError(
                f"Attachment {upload.registration_attachment_id} is "
                f"{upload.attachment_status}, not UPLOAD_COMPLETE.",
                "RESOURCE_NOT_ACTIVE",
                "registration-attachment",
                upload.registration_attachment_id,
            )
        value.registration_attachment_id = upload.registration_attachment_id
    elif "TextValue" in params:
        value.text_value = params["TextValue"]
    else:
        value.select_choices = list(params["SelectChoices"])
    record.current_version.field_values[value.field_path] = value
    return _value_output(record, value)


@operation("DeleteRegistrationFieldValue")
def delete_registration_field_value(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    definition = field_of(form_of(record.registration_type), params["FieldPath"])
    _check_editable(record)
    value = record.current_version.field_values.pop(definition["FieldPath"], None)
    if value is None:
        raise ValidationError(
            f"The field {definition['FieldPath']} has no value to delete.",
            "REGISTRATION_FIELD_CANNOT_BE_DELETED",
            [("FieldPath", "The field has no value.")],
        )
    return _value_output(record, value)


@operation("DescribeRegistrationFieldValues")
def describe_registration_field_values(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    form = form_of(record.registration_type)
    number = params.get("VersionNumber")
    version = record.current_version if number is None else record.version(number)
    values = [
        version.field_values[f["FieldPath"]]
        for f in requested_fields(form, params)
        if f["FieldPath"] in version.field_values
    ]
    page, token = paginate(call, values, params)
    return {
        "RegistrationArn": record.registration_arn,
        "RegistrationId": record.registration_id,
        "VersionNumber": version.version_number,
        "RegistrationFieldValues": page,
        "NextToken": token,
    }
