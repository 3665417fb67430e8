"""Where a page without filters ends: ``NextToken`` only when records follow, so a page that ends
with the last record has none, and the token of one that ends before it leads to the rest."""

from __future__ import annotations

from typing import Any


def names(page: dict[str, Any]) -> list[str]:
    return [x["OptOutListName"] for x in page["OptOutLists"]]


def test_a_page_ending_with_the_last_record_has_no_token(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="second")
    page = client.describe_opt_out_lists(MaxResults=2)
    assert names(page) == ["Default", "second"]
    assert "NextToken" not in page


def test_a_page_ending_before_the_last_record_leads_to_the_rest(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="second")
    client.create_opt_out_list(OptOutListName="third")
    first = client.describe_opt_out_lists(MaxResults=2)
    assert names(first) == ["Default", "second"]
    rest = client.describe_opt_out_lists(MaxResults=2, NextToken=first["NextToken"])
    assert names(rest) == ["third"]
    assert "NextToken" not in rest
