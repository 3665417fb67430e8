"""How a registration field's ``ConditionalBehavior`` resolves for the values a version holds
(``field_behavior``, what submission evaluates): "Rules are evaluated top-to-bottom and the first
rule whose conditions all evaluate to true determines the field's behavior"; a condition reads a
TEXT value as well as SELECT choices; without a matching rule, the ``DefaultBehavior``."""

from __future__ import annotations

from typing import Any

import pytest

from smsmock.records.registrations import FieldValue
from smsmock.rules.registration_forms import field_behavior

DEPENDS_ON = "companyInfo.companyName"


def _condition(operator: str, *values: str, path: str = DEPENDS_ON) -> dict[str, Any]:
    condition: dict[str, Any] = {"DependsOnFieldPath": path, "Operator": operator}
    if values:
        condition["Values"] = list(values)
    return condition


def _field(*rules: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "FieldPath": "companyInfo.stockSymbol",
        "FieldRequirement": "CONDITIONAL",
        "ConditionalBehavior": {
            "Rules": [{"Conditions": c, "RuleBehavior": behavior} for behavior, c in rules],
            "DefaultBehavior": "OPTIONAL",
        },
    }


def _text(value: str, path: str = DEPENDS_ON) -> dict[str, FieldValue]:
    return {path: FieldValue(field_path=path, text_value=value)}


@pytest.mark.parametrize(
    ("condition", "values", "behavior"),
    [
        (_condition("HAS_VALUE"), _text("Example Corp"), "REQUIRED"),
        (_condition("NO_VALUE"), _text("Example Corp"), "OPTIONAL"),
        (_condition("NO_VALUE"), {}, "REQUIRED"),
        (_condition("EQUALS", "Example Corp"), _text("Example Corp"), "REQUIRED"),
        (_condition("IN", "Acme", "Example Corp"), _text("Example Corp"), "REQUIRED"),
        (_condition("NOT_IN", "Acme", "Example Corp"), _text("Example Corp"), "OPTIONAL"),
        (_condition("NOT_EQUALS", "Acme"), _text("Example Corp"), "REQUIRED"),
    ],
)
def test_a_condition_reads_a_text_value(
    condition: dict[str, Any], values: dict[str, FieldValue], behavior: str
) -> None:
    assert field_behavior(_field(("REQUIRED", [condition])), values) == behavior


def test_the_first_rule_whose_conditions_all_hold_wins() -> None:
    values = {
        **_text("Example Corp"),
        "companyInfo.legalType": FieldValue(
            field_path="companyInfo.legalType", select_choices=["PUBLIC_PROFIT"]
        ),
    }
    public = _condition("IN", "PUBLIC_PROFIT", path="companyInfo.legalType")
    field = _field(
        ("DISALLOWED", [public, _condition("EQUALS", "Acme")]),  # one condition fails: skipped
        ("REQUIRED", [public, _condition("HAS_VALUE")]),
        ("DISALLOWED", [public]),  # also true, but after the first match
    )
    assert field_behavior(field, values) == "REQUIRED"
    assert field_behavior(field, {}) == "OPTIONAL"  # no rule matches: the default
    assert field_behavior({"FieldPath": DEPENDS_ON, "FieldRequirement": "REQUIRED"}, {}) is None
