"""State is kept per account and region: what one account does in one region is invisible to the
others, and names may repeat across them."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock


def client_for(account: str, region: str) -> Any:
    # A 12-digit access key id is its own account.
    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name=region,
        aws_access_key_id=account,
        aws_secret_access_key="secret",
    )


@pytest.mark.parametrize("other", [("111111111111", "eu-west-1"), ("222222222222", "us-east-1")])
def test_accounts_and_regions_do_not_see_each_other(
    sms_voice: SmsVoiceMock, other: tuple[str, str]
) -> None:
    home = client_for("111111111111", "us-east-1")
    away = client_for(*other)
    made = home.create_opt_out_list(OptOutListName="shared-name")
    assert made["OptOutListArn"] == (
        "arn:aws:sms-voice:us-east-1:111111111111:opt-out-list/shared-name"
    )
    home.put_opted_out_number(OptOutListName="shared-name", OptedOutNumber="+12065550199")

    names = [x["OptOutListName"] for x in away.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default"]
    with pytest.raises(away.exceptions.ResourceNotFoundException):
        away.describe_opted_out_numbers(OptOutListName="shared-name")
    # The same name is free there.
    again = away.create_opt_out_list(OptOutListName="shared-name")
    assert again["OptOutListArn"] == (
        f"arn:aws:sms-voice:{other[1]}:{other[0]}:opt-out-list/shared-name"
    )
    assert away.describe_opted_out_numbers(OptOutListName="shared-name")["OptedOutNumbers"] == []
    assert sms_voice.backend(region="us-east-1", account_id="111111111111").account_id == (
        "111111111111"
    )
    assert {(b.account_id, b.region) for b in sms_voice.backends()} == {
        ("111111111111", "us-east-1"),
        other,
    }


def test_timestamps_follow_the_frozen_clock(client: Any) -> None:
    with freeze_time("2030-01-02 03:04:05"):
        made = client.create_opt_out_list(OptOutListName="frozen")
    assert made["CreatedTimestamp"] == datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
