"""The service's modeled errors, as exceptions that handlers raise.

Each class carries the members its error shape in the botocore model declares, so the wire can
write them and botocore parses them into ``ClientError.response`` exactly as against AWS.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class ServiceError(Exception):
    """An error the service answers with: ``__type`` is the class's ``code``."""

    code = "ServiceError"
    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def members(self) -> dict[str, Any]:
        """The error shape's members besides ``Message``; ``None`` values are left out."""
        return {}


class ValidationError(ServiceError):
    """``ValidationException``: ``Reason`` from the model's enum, ``Fields`` naming each member."""

    code = "ValidationException"

    def __init__(
        self,
        message: str,
        reason: str = "OTHER",
        fields: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.fields = list(fields)

    def members(self) -> dict[str, Any]:
        out: dict[str, Any] = {"Reason": self.reason}
        if self.fields:
            out["Fields"] = [{"Name": name, "Message": msg} for name, msg in self.fields]
        return out


class ConflictError(ServiceError):
    """``ConflictException``: the resource's state forbids the request."""

    code = "ConflictException"

    def __init__(
        self,
        message: str,
        reason: str,
        resource_type: str | None = None,
        resource_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.resource_type = resource_type
        self.resource_id = resource_id

    def members(self) -> dict[str, Any]:
        return _present(
            Reason=self.reason, ResourceType=self.resource_type, ResourceId=self.resource_id
        )


class ResourceNotFoundError(ServiceError):
    """``ResourceNotFoundException`` naming the kind and the id the caller gave."""

    code = "ResourceNotFoundException"

    def __init__(self, resource_type: str, resource_id: str, message: str | None = None) -> None:
        super().__init__(message or f"No {resource_type} found with id {resource_id!r}.")
        self.resource_type = resource_type
        self.resource_id = resource_id

    def members(self) -> dict[str, Any]:
        return {"ResourceType": self.resource_type, "ResourceId": self.resource_id}


class ServiceQuotaExceededError(ServiceError):
    """``ServiceQuotaExceededException`` with the quota's ``Reason``."""

    code = "ServiceQuotaExceededException"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    def members(self) -> dict[str, Any]:
        return {"Reason": self.reason}


class AccessDeniedError(ServiceError):
    """``AccessDeniedException`` (account disabled or of insufficient reputation)."""

    code = "AccessDeniedException"

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason

    def members(self) -> dict[str, Any]:
        return _present(Reason=self.reason)


class ThrottlingError(ServiceError):
    """``ThrottlingException``."""

    code = "ThrottlingException"


class InternalServerError(ServiceError):
    """``InternalServerException``: answered with HTTP 500, as the API reference gives."""

    code = "InternalServerException"
    status = 500

    def __init__(self, message: str, request_id: str | None = None) -> None:
        super().__init__(message)
        self.request_id = request_id

    def members(self) -> dict[str, Any]:
        return _present(RequestId=self.request_id)


class NotImplementedOperationError(ServiceError):
    """An operation of the model that smsmock does not answer yet (not an AWS error).

    HTTP 501 is not retried by botocore, so the caller sees this at once.
    """

    code = "NotImplementedException"
    status = 501

    def __init__(self, operation: str) -> None:
        super().__init__(f"smsmock does not implement the operation {operation} yet.")


class UnknownOperationError(ServiceError):
    """A target that names no operation of the service (AWS: ``UnknownOperationException``)."""

    code = "UnknownOperationException"


def _present(**members: Any) -> dict[str, Any]:
    return {k: v for k, v in members.items() if v is not None}


class SmsmockBugError(ServiceError):
    """``SmsmockInternalError``: the server's answer when smsmock itself fails (a bug of ours,
    not a modeled error). HTTP 400 with a code no SDK retries (botocore retries 500, 502, 503,
    504, 509, 429 and throttling codes; the AWS CLI and the other SDKs retry 5xx), so a client
    fails at once with the exception's type and message, instead of retrying an
    ``InternalServerException`` with back-off. In-process the exception itself is raised."""

    code = "SmsmockInternalError"
    status = 400
