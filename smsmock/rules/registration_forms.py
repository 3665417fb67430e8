"""The registration forms: each registration type's sections, fields and supported associations
(from ``smsmock/data/registration_types.json``), and checking values against them."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from smsmock.state.errors import ValidationError
from smsmock.state.registry import Params

Definition = dict[str, Any]


@dataclass(frozen=True)
class RegistrationForm:
    """One registration type: its definition, its sections and its fields, in form order."""

    definition: Definition
    sections: list[Definition]
    fields: list[Definition]

    @property
    def registration_type(self) -> str:
        return str(self.definition["RegistrationType"])

    @functools.cached_property
    def fields_by_path(self) -> dict[str, Definition]:
        return {f["FieldPath"]: f for f in self.fields}

    @functools.cached_property
    def section_paths(self) -> frozenset[str]:
        return frozenset(s["SectionPath"] for s in self.sections)

    def supported_association(
        self, resource_type: str, iso_country_code: str | None
    ) -> Definition | None:
        """The ``SupportedAssociation`` for a kind of resource (``TEN_DLC``, ``SENDER_ID``, a
        registration type) in a country, if this type takes it."""
        for supported in self.definition.get("SupportedAssociations", []):
            if supported["ResourceType"] != resource_type:
                continue
            country = supported.get("IsoCountryCode")
            if country is None or iso_country_code is None or country == iso_country_code:
                return dict(supported)
        return None


@functools.cache
def forms() -> dict[str, RegistrationForm]:
    """Every registration type smsmock knows, by name, in the data's order."""
    text = resources.files("smsmock").joinpath("data/registration_types.json").read_text("utf-8")
    out: dict[str, RegistrationForm] = {}
    for entry in json.loads(text)["RegistrationTypeDefinitions"]:
        definition = {k: v for k, v in entry.items() if k not in ("Sections", "Fields")}
        out[entry["RegistrationType"]] = RegistrationForm(
            definition, entry["Sections"], [_with_conditional_behavior(f) for f in entry["Fields"]]
        )
    return out


@functools.cache
def registration_type_evidence() -> dict[str, str]:
    """The registration types AWS is known to have → the public evidence for each
    (``smsmock/data/registration_type_evidence.json``); :func:`forms` are those smsmock models."""
    text = (
        resources.files("smsmock")
        .joinpath("data/registration_type_evidence.json")
        .read_text("utf-8")
    )
    rows = json.loads(text)["RegistrationTypes"]
    return {row["RegistrationType"]: row["Evidence"] for row in rows}


def _with_conditional_behavior(field: Definition) -> Definition:
    """The field with its ``RequiredWhen`` also given as the model's ``ConditionalBehavior``."""
    when = field.get("RequiredWhen")
    if not when or "ConditionalBehavior" in field:
        return field
    conditions = [
        {"DependsOnFieldPath": path, "Operator": "IN", "Values": list(choices)}
        for path, choices in when.items()
    ]
    rules = [{"Conditions": conditions, "RuleBehavior": "REQUIRED"}]
    return {**field, "ConditionalBehavior": {"Rules": rules, "DefaultBehavior": "OPTIONAL"}}


def form_of(registration_type: str, member: str = "RegistrationType") -> RegistrationForm:
    """The form of ``registration_type``, or ``ValidationException``
    ``UNKNOWN_REGISTRATION_TYPE`` naming ``member``."""
    form = forms().get(registration_type)
    if form is None:
        raise _unknown("type", registration_type, member)
    return form


def check_section(form: RegistrationForm, section_path: str, member: str = "SectionPath") -> None:
    """``UNKNOWN_REGISTRATION_SECTION`` unless the form has the section."""
    if section_path not in form.section_paths:
        raise _unknown("section", section_path, member, form)


def field_of(form: RegistrationForm, field_path: str, member: str = "FieldPath") -> Definition:
    """The field's definition, or ``UNKNOWN_REGISTRATION_FIELD``."""
    definition = form.fields_by_path.get(field_path)
    if definition is None:
        raise _unknown("field", field_path, member, form)
    return definition


def _unknown(
    thing: str, value: str, member: str, form: RegistrationForm | None = None
) -> ValidationError:
    """``ValidationException`` ``UNKNOWN_REGISTRATION_{THING}`` for ``value``, given as
    ``member`` (a type is unknown to the service; a section or field to ``form``)."""
    place = f"part of {form.registration_type}" if form is not None else "supported"
    return ValidationError(
        f"The registration {thing} {value} is not {place}.",
        f"UNKNOWN_REGISTRATION_{thing.upper()}",
        [(member, f"Unknown registration {thing} {value}.")],
    )


def check_field_paths(form: RegistrationForm, paths: Iterable[str]) -> None:
    for i, path in enumerate(paths):
        field_of(form, path, f"FieldPaths[{i}]")


def check_value(definition: Definition, params: Params) -> None:
    """Check a PutRegistrationFieldValue's value against the field's definition: exactly one
    of ``SelectChoices``, ``TextValue`` and ``RegistrationAttachmentId``, of the field's type,
    within its ``TextValidation`` or ``SelectValidation``."""
    given = [m for m in ("SelectChoices", "TextValue", "RegistrationAttachmentId") if m in params]
    if len(given) > 1:
        raise ValidationError(
            f"Only one of {', '.join(given)} can be given.",
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [(m, "Give only one value.") for m in given],
        )
    expected = {
        "TEXT": "TextValue",
        "SELECT": "SelectChoices",
        "ATTACHMENT": "RegistrationAttachmentId",
    }[definition["FieldType"]]
    path = definition["FieldPath"]
    if not given:
        raise ValidationError(
            f"The field {path} needs a {expected}.", "MISSING_PARAMETER", [(expected, "Required.")]
        )
    if given[0] != expected:
        raise ValidationError(
            f"The field {path} is a {definition['FieldType']} field and takes {expected}.",
            "INVALID_PARAMETER",
            [(given[0], f"Field {path} takes {expected}.")],
        )
    if expected == "TextValue":
        _check_text(definition, params["TextValue"])
    elif expected == "SelectChoices":
        _check_choices(definition, params["SelectChoices"])


def _check_text(definition: Definition, value: str) -> None:
    rules = definition["TextValidation"]
    low, high = rules["MinLength"], rules["MaxLength"]
    problem = None
    if not low <= len(value) <= high:
        problem = f"Must be between {low} and {high} characters long."
    elif not _pattern(rules["Pattern"]).fullmatch(value):
        problem = f"Must match the pattern {rules['Pattern']}."
    if problem:
        raise ValidationError(
            f"The value of {definition['FieldPath']} is not valid. {problem}",
            "FIELD_VALIDATION_FAILED",
            [("TextValue", problem)],
        )


def _check_choices(definition: Definition, choices: list[str]) -> None:
    rules = definition["SelectValidation"]
    low, high, options = rules["MinChoices"], rules["MaxChoices"], rules["Options"]
    problem = None
    if not low <= len(choices) <= high:
        problem = f"Must have between {low} and {high} choices."
    elif len(set(choices)) != len(choices):
        problem = "Choices must not repeat."
    else:
        unknown = [c for c in choices if c not in options]
        if unknown:
            problem = f"{', '.join(unknown)} is not one of the options: {', '.join(options)}."
    if problem:
        raise ValidationError(
            f"The value of {definition['FieldPath']} is not valid. {problem}",
            "FIELD_VALIDATION_FAILED",
            [("SelectChoices", problem)],
        )


@functools.cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def missing_fields(form: RegistrationForm, values: Mapping[str, Any]) -> list[str]:
    """The paths of required fields without a value: REQUIRED ones, and CONDITIONAL ones whose
    condition (``RequiredWhen``) holds for the values given."""
    missing = []
    for definition in form.fields:
        path = definition["FieldPath"]
        if path in values:
            continue
        if definition["FieldRequirement"] == "REQUIRED" or _condition_holds(definition, values):
            missing.append(path)
    return missing


def _condition_holds(definition: Definition, values: Mapping[str, Any]) -> bool:
    return field_behavior(definition, values) == "REQUIRED"


def field_behavior(definition: Definition, values: Mapping[str, Any]) -> str | None:
    """A CONDITIONAL field's resolved behavior (``REQUIRED``, ``OPTIONAL``, ``DISALLOWED``) for
    the values given: "The first rule whose conditions all evaluate to true wins ... If no rule
    matches, the DefaultBehavior is returned"; ``None`` for a field without conditions."""
    behavior = definition.get("ConditionalBehavior")
    if not behavior:
        return None
    for rule in behavior["Rules"]:
        if all(_condition_true(c, values) for c in rule["Conditions"]):
            return str(rule["RuleBehavior"])
    return str(behavior["DefaultBehavior"])


def _condition_true(condition: Mapping[str, Any], values: Mapping[str, Any]) -> bool:
    """One ``FieldCondition``; "Operators not in this list are treated as evaluating to false"."""
    value = values.get(condition["DependsOnFieldPath"])
    chosen: set[str] = set()
    if value is not None:
        chosen = set(value.select_choices or ([value.text_value] if value.text_value else []))
    wanted = set(condition.get("Values") or ())
    operator = str(condition["Operator"])
    if operator in ("HAS_VALUE", "NO_VALUE"):
        return bool(chosen) == (operator == "HAS_VALUE")
    if operator in ("EQUALS", "IN"):
        return bool(chosen & wanted)
    if operator in ("NOT_EQUALS", "NOT_IN"):
        return not (chosen & wanted)
    return False


def supported_values(member: str) -> Any:
    def get(definition: Definition) -> list[str]:
        return [s[member] for s in definition.get("SupportedAssociations", []) if s.get(member)]

    return get


def requested_fields(form: RegistrationForm, params: Params) -> list[dict[str, Any]]:
    """The field definitions of ``form`` a Describe request asks for: those of its
    ``SectionPath`` and in its ``FieldPaths`` (each optional; unknown ones are refused)."""
    section = params.get("SectionPath")
    if section is not None:
        check_section(form, section)
    wanted = params.get("FieldPaths") or []
    check_field_paths(form, wanted)
    return [
        f
        for f in form.fields
        if (section is None or f["SectionPath"] == section)
        and (not wanted or f["FieldPath"] in wanted)
    ]
