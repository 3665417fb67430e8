"""A Create operation for a name already taken is refused the same way for every kind of
record the caller names: ``ConflictException`` ``RESOURCE_ALREADY_EXISTS`` naming the kind and
the name, in ``ResourceType``, ``ResourceId`` and the message; nothing new is made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error

CREATE: dict[str, Callable[[Any, str], object]] = {
    "opt-out-list": lambda client, name: client.create_opt_out_list(OptOutListName=name),
    "configuration-set": lambda client, name: client.create_configuration_set(
        ConfigurationSetName=name
    ),
}
COUNT: dict[str, Callable[[Any], int]] = {
    "opt-out-list": lambda client: len(client.describe_opt_out_lists()["OptOutLists"]),
    "configuration-set": lambda client: len(
        client.describe_configuration_sets()["ConfigurationSets"]
    ),
}


@pytest.mark.parametrize(
    ("kind", "noun"),
    [("opt-out-list", "opt out list"), ("configuration-set", "configuration set")],
)
def test_a_taken_name_is_refused_naming_kind_and_name(client: Any, kind: str, noun: str) -> None:
    CREATE[kind](client, "notices")
    before = COUNT[kind](client)
    with pytest.raises(ClientError) as caught:
        CREATE[kind](client, "notices")
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        resource_type=kind,
        resource_id="notices",
        message=f"The {noun} notices already exists",
    )
    assert COUNT[kind](client) == before
