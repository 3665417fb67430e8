"""Links between registrations and what they register: CreateRegistrationAssociation,
ListRegistrationAssociations, and the checks other families use
(:func:`~smsmock.rules.registration_associations.registration_for_number`,
:func:`~smsmock.rules.registration_associations.completed_registration`,
:func:`~smsmock.rules.registration_associations.associate_phone_number`).

What a registration type takes, and when, is its ``SupportedAssociations`` (see
``smsmock/data/registration_types.json``): ``ASSOCIATE_BEFORE_SUBMIT`` (a toll-free number, or
the brand of a 10DLC campaign, linked while the form is a draft), ``ASSOCIATE_AFTER_COMPLETE``
(10DLC numbers, once the campaign is complete) and ``ASSOCIATE_ON_APPROVAL`` (sender IDs,
provisioned when approved).
"""

from __future__ import annotations

from typing import Any

from smsmock.records.registrations import (
    registration,
)
from smsmock.rules.registration_associations import (
    associate,
    find_target,
)
from smsmock.rules.registration_forms import form_of
from smsmock.state.paging import paginate
from smsmock.state.registry import Call, Params, operation


@operation("CreateRegistrationAssociation")
def create_registration_association(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    target = find_target(call, params["ResourceId"], form_of(record.registration_type))
    association = associate(call, record, target, params["ResourceId"])
    return {
        "RegistrationArn": record.registration_arn,
        "RegistrationId": record.registration_id,
        "RegistrationType": record.registration_type,
        "ResourceArn": association.resource_arn,
        "ResourceId": association.resource_id,
        "ResourceType": association.resource_type,
        "IsoCountryCode": association.iso_country_code,
        "PhoneNumber": association.phone_number,
    }


@operation("ListRegistrationAssociations")
def list_registration_associations(call: Call, params: Params) -> dict[str, Any]:
    record = registration(call, params["RegistrationId"])
    page, token = paginate(
        call,
        record.associations,
        params,
        filters={
            "resource-type": lambda a: a.resource_type,
            "iso-country-code": lambda a: a.iso_country_code,
        },
    )
    return {
        "RegistrationArn": record.registration_arn,
        "RegistrationId": record.registration_id,
        "RegistrationType": record.registration_type,
        "RegistrationAssociations": page,
        "NextToken": token,
    }
