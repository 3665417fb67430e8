"""The notify catalogue: templates and countries (from ``smsmock/data/notify.json``), and filling a
template's variables."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

from smsmock.rules.countries import country_name, iso_country_codes
from smsmock.state.errors import ResourceNotFoundError, ValidationError

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


@dataclass(frozen=True)
class NotifyTemplate:
    """One template; attributes are the model's ``NotifyTemplateInformation``."""

    template_id: str
    version: int
    template_type: str
    channels: list[str]
    tier_access: list[str]
    status: str
    supported_countries: list[str]
    language_code: str
    content: str
    variables: dict[str, dict[str, Any]]
    supported_voice_ids: list[str]
    created_timestamp: datetime


@dataclass(frozen=True)
class NotifyCountry:
    """One country; attributes are the model's ``NotifyCountryInformation``."""

    iso_country_code: str
    country_name: str
    supported_channels: list[str]
    supported_use_cases: list[str]
    supported_tiers: list[str]
    customer_owned_identity_required: bool


@functools.cache
def _data() -> dict[str, Any]:
    text = resources.files("smsmock").joinpath("data/notify.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def notify_templates() -> tuple[NotifyTemplate, ...]:
    """Every template, in the data's order; an empty country list means every country."""
    data = _data()
    created = datetime.fromisoformat(data["CreatedTimestamp"])
    return tuple(
        NotifyTemplate(
            template_id=t["TemplateId"],
            version=t["Version"],
            template_type=t["TemplateType"],
            channels=t["Channels"],
            tier_access=t["TierAccess"],
            status=t["Status"],
            supported_countries=t["SupportedCountries"] or list(iso_country_codes()),
            language_code=t["LanguageCode"],
            content=t["Content"],
            variables=t["Variables"],
            supported_voice_ids=t["SupportedVoiceIds"],
            created_timestamp=created,
        )
        for t in data["Templates"]
    )


@functools.cache
def _templates_by_id() -> dict[str, NotifyTemplate]:
    return {t.template_id: t for t in notify_templates()}


def notify_template(template_id: str) -> NotifyTemplate:
    found = _templates_by_id().get(template_id)
    if found is None:
        raise ResourceNotFoundError("notify-template", template_id)
    return found


@functools.cache
def notify_countries() -> tuple[NotifyCountry, ...]:
    """Every country Notify sends to: all of libphonenumber's regions on the Advanced tier, the
    30 of the data's Basic list on both tiers; SMS everywhere, voice where the data says."""
    data = _data()
    basic, voice = set(data["BasicTierCountries"]), set(data["VoiceCountries"])
    owned = set(data["CustomerOwnedIdentityRequired"])
    return tuple(
        NotifyCountry(
            iso_country_code=code,
            country_name=country_name(code),
            supported_channels=["SMS", "VOICE"] if code in voice else ["SMS"],
            supported_use_cases=["CODE_VERIFICATION"],
            supported_tiers=["BASIC", "ADVANCED"] if code in basic else ["ADVANCED"],
            customer_owned_identity_required=code in owned,
        )
        for code in iso_country_codes()
    )


@functools.cache
def countries_by_code() -> dict[str, NotifyCountry]:
    return {c.iso_country_code: c for c in notify_countries()}


def resolve_template(template: NotifyTemplate, given: dict[str, str], display_name: str) -> str:
    """The template's content with its variables substituted: the caller's ``CUSTOMER``
    values, checked against each variable's type and constraints, their defaults where left
    out, and ``SYSTEM`` values (``brand``: the configuration's display name) filled in."""
    problems: list[tuple[str, str]] = []
    values: dict[str, str] = {}
    for name in given:
        spec = template.variables.get(name)
        if spec is None:
            problems.append((f"TemplateVariables.{name}", "Not a variable of the template."))
        elif spec.get("Source") == "SYSTEM":
            problems.append((f"TemplateVariables.{name}", "Set by the service, not the caller."))
    for name, spec in template.variables.items():
        if spec.get("Source") == "SYSTEM":
            values[name] = display_name
            continue
        value = given.get(name, spec.get("DefaultValue"))
        if value is None:
            if spec.get("Required"):
                problems.append((f"TemplateVariables.{name}", "Required variable missing."))
            values[name] = ""
            continue
        message = _variable_problem(spec, value)
        if message:
            problems.append((f"TemplateVariables.{name}", message))
        values[name] = value
    if problems:
        missing = all(msg == "Required variable missing." for _, msg in problems)
        raise ValidationError(
            f"The template variables do not fit template {template.template_id}.",
            "MISSING_PARAMETER" if missing else "INVALID_PARAMETER",
            problems,
        )
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template.content)


def _variable_problem(spec: dict[str, Any], value: str) -> str | None:
    kind = spec.get("Type", "STRING")
    if kind == "INTEGER":
        if not re.fullmatch(r"-?[0-9]+", value):
            return "Must be an integer."
        number = int(value)
        if "MinValue" in spec and number < spec["MinValue"]:
            return f"Must be at least {spec['MinValue']}."
        if "MaxValue" in spec and number > spec["MaxValue"]:
            return f"Must be at most {spec['MaxValue']}."
        return None
    if kind == "BOOLEAN":
        return None if value in ("true", "false") else "Must be true or false."
    if "MaxLength" in spec and len(value) > spec["MaxLength"]:
        return f"Must be at most {spec['MaxLength']} characters."
    if "Pattern" in spec and not re.fullmatch(spec["Pattern"], value):
        return f"Must match {spec['Pattern']}."
    return None
