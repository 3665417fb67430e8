"""Operations and kinds of record are declared once: a second handler for an operation, or a
second table of a resource type, is refused naming it, and the first goes on answering."""

from __future__ import annotations

from typing import Any

import pytest

from smsmock.state.registry import Call, Params, operation
from smsmock.state.tables import TABLE_KEYS, Record, TableKey


def impostor(call: Call, params: Params) -> dict[str, Any]:
    return {"OptOutLists": [], "NextToken": None}


def test_a_second_handler_for_an_operation_is_refused(client: Any) -> None:
    client.describe_opt_out_lists()  # the first request loads the operations' handlers
    with pytest.raises(ValueError, match=r"^DescribeOptOutLists is registered twice$"):
        operation("DescribeOptOutLists")(impostor)
    [listed] = client.describe_opt_out_lists()["OptOutLists"]
    assert listed["OptOutListName"] == "Default"


def test_a_second_table_of_a_resource_type_is_refused(client: Any) -> None:
    client.describe_opt_out_lists()  # loads every kind of record
    first = TABLE_KEYS["opt-out-list"]
    with pytest.raises(ValueError, match=r"^two tables of resource type 'opt-out-list'$"):
        TableKey[Record]("opt-out-list", key=lambda record: "")
    assert TABLE_KEYS["opt-out-list"] is first
    client.create_opt_out_list(OptOutListName="still-answered")
    names = [x["OptOutListName"] for x in client.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default", "still-answered"]
