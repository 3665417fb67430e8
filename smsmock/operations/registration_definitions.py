"""Registration forms: DescribeRegistrationTypeDefinitions, DescribeRegistrationSectionDefinitions,
DescribeRegistrationFieldDefinitions, and the checks of a field value against its definition.

The forms are data (``smsmock/data/registration_types.json``), written in the model's own output
shapes (``RegistrationTypeDefinition``, ``RegistrationSectionDefinition``,
``RegistrationFieldDefinition``); where they come from is in ``docs/registrations.md``. A field
definition may carry ``RequiredWhen`` (not a model member, so never written to the wire): a
CONDITIONAL field becomes required when another field holds one of the listed choices. It is
answered as the model's ``ConditionalBehavior`` (one rule whose conditions are ``IN`` the listed
choices, ``REQUIRED``; ``OPTIONAL`` otherwise), which is what submission evaluates
(:func:`~smsmock.rules.registration_forms.field_behavior`, the documented top-to-bottom, first-match
evaluation)."""

from __future__ import annotations

from typing import Any

from smsmock.rules.registration_forms import (
    check_section,
    form_of,
    forms,
    requested_fields,
    supported_values,
)
from smsmock.state.paging import paginate
from smsmock.state.registry import Call, Params, operation

# -- operations ---------------------------------------------------------------------------------


@operation("DescribeRegistrationTypeDefinitions")
def describe_registration_type_definitions(call: Call, params: Params) -> dict[str, Any]:
    wanted = params.get("RegistrationTypes") or []
    for i, name in enumerate(wanted):
        form_of(name, f"RegistrationTypes[{i}]")
    definitions = [
        f.definition for f in forms().values() if not wanted or f.registration_type in wanted
    ]
    page, token = paginate(
        call,
        definitions,
        params,
        filters={
            "supported-association-resource-type": supported_values("ResourceType"),
            "supported-association-iso-country-code": supported_values("IsoCountryCode"),
        },
    )
    return {"RegistrationTypeDefinitions": page, "NextToken": token}


@operation("DescribeRegistrationSectionDefinitions")
def describe_registration_section_definitions(call: Call, params: Params) -> dict[str, Any]:
    form = form_of(params["RegistrationType"])
    wanted = params.get("SectionPaths") or []
    for i, path in enumerate(wanted):
        check_section(form, path, f"SectionPaths[{i}]")
    sections = [s for s in form.sections if not wanted or s["SectionPath"] in wanted]
    page, token = paginate(call, sections, params)
    return {
        "RegistrationType": form.registration_type,
        "RegistrationSectionDefinitions": page,
        "NextToken": token,
    }


@operation("DescribeRegistrationFieldDefinitions")
def describe_registration_field_definitions(call: Call, params: Params) -> dict[str, Any]:
    form = form_of(params["RegistrationType"])
    page, token = paginate(call, requested_fields(form, params), params)
    return {
        "RegistrationType": form.registration_type,
        "RegistrationFieldDefinitions": page,
        "NextToken": token,
    }
