"""``Owner`` of the Describe operations that take it (opt-out lists here): it cannot be given
with the ids, the whole error says why, and ``SHARED`` is an empty page (nothing is shared with
an account in the mock)."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.installed_model import needs_members


@needs_members("DescribeOptOutListsRequest", "Owner")
def test_owner_and_names_together_are_refused(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="notices")
    with pytest.raises(ClientError) as caught:
        client.describe_opt_out_lists(OptOutListNames=["notices"], Owner="SELF")
    expect_error(
        caught,
        "ValidationException",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        message="The Owner and OptOutListNames parameters can't be used at the same time",
        fields={
            "Owner": "Cannot be used with OptOutListNames",
            "OptOutListNames": "Cannot be used with Owner",
        },
    )


@needs_members("DescribeOptOutListsRequest", "Owner")
def test_owner_self_lists_the_accounts_lists_and_shared_none(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="notices")
    own = client.describe_opt_out_lists(Owner="SELF")["OptOutLists"]
    assert [x["OptOutListName"] for x in own] == ["Default", "notices"]
    shared = client.describe_opt_out_lists(Owner="SHARED")
    assert shared["OptOutLists"] == []
    assert "NextToken" not in shared
