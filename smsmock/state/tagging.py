"""Tags given when a record is made or by TagResource: one check of the reserved ``aws:`` prefix
and of the ``TAGS_PER_RESOURCE`` quota (200 by default) for every family."""

from __future__ import annotations

from smsmock.state.errors import ValidationError
from smsmock.state.registry import Call
from smsmock.state.tables import Record


def apply_tags(call: Call, record: Record, tags: list[dict[str, str]] | None) -> None:
    """Merge ``tags`` (the model's ``Key``/``Value`` list) into ``record.tags``."""
    if not tags:
        return
    for i, tag in enumerate(tags):
        if tag["Key"].lower().startswith("aws:"):
            raise ValidationError(
                "Tag keys starting with aws: are reserved for AWS use.",
                "INVALID_PARAMETER",
                [(f"Tags[{i}].Key", "The aws: prefix is reserved.")],
            )
    merged = dict(record.tags)
    merged.update((tag["Key"], tag["Value"]) for tag in tags)
    call.backend.check_quota("TAGS_PER_RESOURCE", 0, len(merged))
    record.tags = merged
