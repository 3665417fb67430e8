"""The JSON Schemas of AWS's event and two-way payloads (``tests/schemas``), and checks that a
payload fits the schema of its kind."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

SCHEMAS = Path(__file__).parent / "schemas"

_KIND_BY_PREFIX = {"TEXT": "text", "MEDIA": "media", "VOICE": "voice", "RCS": "rcs"}


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """The validator of ``tests/schemas/{name}.json``."""
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_name(payload: dict[str, Any]) -> str:
    """The schema an event payload must fit: its channel's, or the SMS Protect one."""
    kind = _KIND_BY_PREFIX[payload["eventType"].split("_", 1)[0]]
    if kind == "text" and "protectConfiguration" in payload:
        return "text-protect-event"
    return f"{kind}-event"


def check_event(payload: dict[str, Any]) -> None:
    """Fail (``jsonschema.ValidationError``) unless ``payload`` fits its kind's schema."""
    validator(schema_name(payload)).validate(payload)


def check_events(events: Any) -> None:
    """Check the payload of every event record in ``events``."""
    for event in events:
        check_event(event.payload)


def check_inbound(payload: dict[str, Any]) -> None:
    """Fail unless ``payload`` fits the two-way message schema."""
    validator("inbound-message").validate(payload)
