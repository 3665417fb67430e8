"""TagResource, UntagResource, ListTagsForResource — on every taggable resource, by ARN.

TagResource and the tags given at creation both go through
:func:`smsmock.state.tagging.apply_tags`, so the quota and the reserved ``aws:`` prefix are
checked the same way everywhere.
"""

from __future__ import annotations

from typing import Any

from smsmock.records.opt_out_lists import opt_out_list
from smsmock.state.errors import ResourceNotFoundError, ValidationError
from smsmock.state.registry import Call, Params, operation
from smsmock.state.tables import Record
from smsmock.state.tagging import apply_tags

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


def tagged_resource(call: Call, arn: str) -> Record:
    """The record an ARN names in the caller's account and region."""
    record = call.backend.by_arn.get(arn)
    if record is None and arn == call.backend.arn("opt-out-list", "Default"):
        # Every account has the Default opt-out list, even before anything has touched it.
        record = opt_out_list(call, "Default")
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
