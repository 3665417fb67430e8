"""Resource-based policies: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy.

PutResourcePolicy's documentation names the resources that can be shared: "a Pool, Opt-out
list, Sender Id, or Phone number". An ARN of any other kind is a ``ValidationException``
(``INVALID_ARN``); a shareable ARN that names nothing in the caller's account and region is
``ResourceNotFoundException``. GetResourcePolicy on a resource without a policy (never put, or
deleted) answers ``Policy`` ``"{}"``, as AWS does; DeleteResourcePolicy then is
``ResourceNotFoundException``. The policy must be a JSON object with a ``Statement`` (the IAM
policy grammar); it is stored and returned as given. Sharing across accounts is not modelled:
the policy is kept, not enforced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from smsmock.state.errors import ResourceNotFoundError, ValidationError
from smsmock.state.registry import Call, Params, operation
from smsmock.state.tables import Record
from smsmock.state.world import Backend, Setting

SHAREABLE_RESOURCE_TYPES = frozenset({"phone-number", "sender-id", "pool", "opt-out-list"})


@dataclass
class ResourcePolicy:
    """A policy attached to one resource; ``resource`` is the record it was put on, so a
    resource released and made again under the same ARN does not inherit it."""

    resource_arn: str
    policy: str
    created_timestamp: datetime
    resource: Record


_POLICIES: Setting[dict[str, ResourcePolicy]] = Setting("resource_policies", dict)
"""Resource ARN → the policy put on it."""


def _policies(backend: Backend) -> dict[str, ResourcePolicy]:
    return _POLICIES.of(backend)


def shareable_resource(call: Call, arn: str) -> Record:
    """The record a shareable resource's ARN names in the caller's account and region."""
    resource_type, _, resource_id = arn.rpartition(":")[2].partition("/")
    if not arn.startswith("arn:aws:sms-voice:") or resource_type not in SHAREABLE_RESOURCE_TYPES:
        raise ValidationError(
            f"The ARN {arn} is not the ARN of a resource that supports resource-based policies "
            "(a pool, opt-out list, sender ID or phone number).",
            "INVALID_ARN",
            [("ResourceArn", "Not the ARN of a shareable resource.")],
        )
    record = call.backend.by_arn.get(arn)
    if record is None:
        raise ResourceNotFoundError(resource_type, resource_id or arn)
    return record


def _attached(call: Call, arn: str) -> ResourcePolicy:
    record = shareable_resource(call, arn)
    policies = _policies(call.backend)
    found = policies.get(arn)
    if found is not None and found.resource is not record:
        del policies[arn]
        found = None
    if found is None:
        raise ResourceNotFoundError("policy", arn, f"No resource policy is attached to {arn}.")
    return found


def _check_policy(text: str) -> None:
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise ValidationError(
            f"The policy is not valid JSON: {exc}.",
            "CANNOT_PARSE",
            [("Policy", "The policy must be a valid JSON document.")],
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("Statement"), list | dict):
        raise ValidationError(
            "The policy must be a JSON object with a Statement.",
            "INVALID_PARAMETER",
            [("Policy", "The policy must be a JSON object with a Statement.")],
        )


@operation("PutResourcePolicy")
def put_resource_policy(call: Call, params: Params) -> ResourcePolicy:
    arn = params["ResourceArn"]
    record = shareable_resource(call, arn)
    _check_policy(params["Policy"])
    policies = _policies(call.backend)
    previous = policies.get(arn)
    created = previous.created_timestamp if previous and previous.resource is record else call.now
    policy = ResourcePolicy(arn, params["Policy"], created, record)
    policies[arn] = policy
    return policy


@operation("GetResourcePolicy")
def get_resource_policy(call: Call, params: Params) -> ResourcePolicy | dict[str, Any]:
    arn = params["ResourceArn"]
    record = shareable_resource(call, arn)
    found = _policies(call.backend).get(arn)
    if found is None or found.resource is not record:
        # "when no user policy is attached — including after a successful DeleteResourcePolicy —
        # AWS returns HTTP 200 with the literal string "{}" in the Policy field" (the Terraform
        # provider's resource_policy.go, which treats that answer as not found).
        return {"ResourceArn": arn, "Policy": "{}"}
    return found


@operation("DeleteResourcePolicy")
def delete_resource_policy(call: Call, params: Params) -> ResourcePolicy:
    policy = _attached(call, params["ResourceArn"])
    del _policies(call.backend)[params["ResourceArn"]]
    return policy


def resource_policy(backend: Backend, arn: str) -> dict[str, Any] | None:
    """The parsed policy attached to ``arn``, for families that want to honour sharing."""
    found = _policies(backend).get(arn)
    if found is None or backend.by_arn.get(arn) is not found.resource:
        return None
    document: dict[str, Any] = json.loads(found.policy)
    return document
