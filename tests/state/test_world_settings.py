"""The settings of the world: ``reset`` forgets resources but keeps what the handle chose
(quotas, lifecycle modes, mapped keys, the default account), and only a key of 12 ASCII digits is
an account of its own; any other unmapped key acts in the default account."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import country_if_required

DEFAULT_ACCOUNT = "123456789012"


def client_with_key(access_key_id: str) -> Any:
    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id=access_key_id,
        aws_secret_access_key="secret",
    )


def default_list_account(client: Any) -> str:
    """The account of the caller, from its Default opt-out list's ARN."""
    arn: str = client.describe_opt_out_lists()["OptOutLists"][0]["OptOutListArn"]
    return arn.split(":")[4]


def test_reset_forgets_resources_and_keeps_the_settings(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_default_account("111122223333")
    sms_voice.map_access_key("AKIAEXAMPLEKEY000001", "210987654321")
    sms_voice.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 2)
    sms_voice.set_lifecycle("pool", "manual")
    client.create_opt_out_list(OptOutListName="before")

    sms_voice.reset()

    assert default_list_account(client) == "111122223333"
    assert default_list_account(client_with_key("AKIAEXAMPLEKEY000001")) == "210987654321"
    lists = client.describe_opt_out_lists()["OptOutLists"]
    assert [x["OptOutListName"] for x in lists] == ["Default"]
    client.create_opt_out_list(OptOutListName="after")  # with Default, the quota of 2 is reached
    with pytest.raises(ClientError) as caught:
        client.create_opt_out_list(OptOutListName="one-too-many")
    expect_error(caught, "ServiceQuotaExceededException", "OPT_OUT_LISTS_PER_ACCOUNT")
    pool = client.create_pool(
        OriginationIdentity=toll_free_number(client, ("SMS",))["PhoneNumberId"],
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )
    assert client.describe_pools()["Pools"][0]["Status"] == "CREATING"
    assert pool["PoolArn"].split(":")[4] == "111122223333"


@pytest.mark.parametrize(
    ("access_key_id", "account"),
    [
        ("210987654321", "210987654321"),
        ("21098765432", DEFAULT_ACCOUNT),  # 11 digits
        ("2109876543210", DEFAULT_ACCOUNT),  # 13 digits
        ("AKIA21098765", DEFAULT_ACCOUNT),  # 12 characters, not all digits
    ],
)
def test_which_access_keys_are_accounts(
    sms_voice: SmsVoiceMock, access_key_id: str, account: str
) -> None:
    assert default_list_account(client_with_key(access_key_id)) == account
