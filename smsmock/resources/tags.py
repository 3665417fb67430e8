"""TagResource, UntagResource, ListTagsForResource — on every taggable resource, by ARN.

Tags given at creation go through :func:`apply_tags` too, so the quota (``TAGS_PER_RESOURCE``,
200 by default) and the reserved ``aws:`` prefix are checked the same way everywhere.
"""

from __future__ import annotations

from typing import Any

from smsmock.errors import ResourceNotFoundError, ValidationError
from smsmock.state.operations import Call, Params, operation
from smsmock.state.tables import Record

RESOURCE_TYPES = frozenset(
    {
        "phone-number",
        "sender-id",
        "pool",
        "configuration-set",
        "opt-out-list",
        "registration",
        "registration-attachment",
        "verified-destination-number",
        "protect-configuration",
        "notify-configuration",
        "rcs-agent",
    }
)


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


def tagged_resource(call: Call, arn: str) -> Record:
    """The record an ARN names in the caller's account and region."""
    record = call.backend.by_arn.get(arn)
    if record is None and arn == call.backend.arn("opt-out-list", "Default"):
        # Every account has the Default opt-out list, even before anything has touched it.
        from smsmock.resources.opt_out_lists import opt_out_lists

        record = opt_out_lists(call.backend, call.now).get("Default")
    if record is None:
        resource_type, _, resource_id = arn.rpartition(":")[2].partition("/")
        if resource_type not in RESOURCE_TYPES or not resource_id:
            raise ValidationError(
                f"The ARN {arn} is not the ARN of a taggable resource.",
                "INVALID_ARN",
                [("ResourceArn", "Invalid ARN.")],
            )
        raise ResourceNotFoundError(resource_type, resource_id)
    return record


@operation("TagResource")
def tag_resource(call: Call, params: Params) -> dict[str, Any]:
    apply_tags(call, tagged_resource(call, params["ResourceArn"]), params["Tags"])
    return {}


@operation("UntagResource")
def untag_resource(call: Call, params: Params) -> dict[str, Any]:
    record = tagged_resource(call, params["ResourceArn"])
    removed = set(params["TagKeys"])
    record.tags = {k: v for k, v in record.tags.items() if k not in removed}
    return {}


@operation("ListTagsForResource")
def list_tags_for_resource(call: Call, params: Params) -> dict[str, Any]:
    record = tagged_resource(call, params["ResourceArn"])
    return {"ResourceArn": params["ResourceArn"], "Tags": record.tags}
