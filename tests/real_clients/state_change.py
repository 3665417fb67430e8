"""The polling real clients wrap around this API, written for these tests.

The Terraform AWS provider waits on a resource with a state-change loop
(``internal/retry``'s ``StateChangeConf``, used by ``waitPhoneNumberActive``,
``waitPoolActive``, ``waitPoolDeleted`` … in ``internal/service/pinpointsmsvoicev2/``): it reads
the resource until its status is a target, fails on a status that is neither pending nor a
target, and treats "not found" as the empty status — which is the target of a deletion wait.
Its "not found" is a ``ResourceNotFoundException`` from the Describe call, an empty answer, or
(for phone numbers) the status ``DELETED``. The same facts, in our own code, so a test can make
the provider's calls against the mock without Go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from botocore.exceptions import ClientError

NOT_FOUND = ""
"""The status a state-change loop gives a resource that is not there."""


class UnexpectedState(AssertionError):
    """The resource reached a status the waiter neither waits through nor for."""


def not_found(error: ClientError) -> bool:
    """The provider's ``retry.NotFound``: ``ResourceNotFoundException`` from a read."""
    return bool(error.response["Error"]["Code"] == "ResourceNotFoundException")


def read_single(
    describe: Callable[..., dict[str, Any]], items: str, gone: Iterable[str] = (), **ids: Any
) -> dict[str, Any] | None:
    """One resource by id (a Describe call with a one-id list, every page), or ``None`` when
    it is not found: ``ResourceNotFoundException``, no item, or a status in ``gone``
    (``findPhoneNumberByID`` treats ``DELETED`` so). More than one item is an error, as the
    provider's ``AssertSingleValueResult``."""
    found: list[dict[str, Any]] = []
    request = dict(ids)
    try:
        while True:
            page = describe(**request)
            found.extend(page[items])
            if not page.get("NextToken"):
                break
            request["NextToken"] = page["NextToken"]
    except ClientError as error:
        if not_found(error):
            return None
        raise
    assert len(found) <= 1, f"{len(found)} results for {ids}"
    if not found or found[0].get("Status") in set(gone):
        return None
    return found[0]


def wait_for(
    read: Callable[[], dict[str, Any] | None],
    pending: Iterable[str],
    target: Iterable[str],
    polls: int = 20,
) -> dict[str, Any] | None:
    """Poll ``read`` until the status is in ``target`` (``NOT_FOUND`` for a deletion), through
    ``pending``; ``UnexpectedState`` for any other status, ``TimeoutError`` after ``polls``."""
    pending, target = set(pending), set(target)
    seen: list[str] = []
    for _ in range(polls):
        item = read()
        status = NOT_FOUND if item is None else str(item["Status"])
        seen.append(status)
        if status in target:
            return item
        if status not in pending:
            raise UnexpectedState(f"unexpected state {status!r}, wanted {sorted(target)}: {seen}")
    raise TimeoutError(f"still {seen[-1]!r} after {polls} reads: {seen}")


def retry_while(
    call: Callable[[], Any], retryable: Callable[[ClientError], bool], attempts: int = 5
) -> Any:
    """``call`` again while it fails with a retryable error (the provider's ``RetryWhen``);
    the last error is raised."""
    for attempt in range(attempts):
        try:
            return call()
        except ClientError as error:
            if attempt == attempts - 1 or not retryable(error):
                raise
    raise AssertionError("unreachable")


def reason(error: ClientError) -> str | None:
    found: str | None = error.response.get("Reason")
    return found
