"""Idempotency by ``ClientToken`` and account quotas, for the resources of issue 3."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.state.quotas import DEFAULT_QUOTAS
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import country_if_required


def body(response: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def request_number(client: Any, **extra: Any) -> dict[str, Any]:
    return toll_free_number(client, ("SMS",), registered=False, **extra)


# -- idempotency -----------------------------------------------------------------------------


def test_create_pool_with_a_repeated_token_returns_the_first_pool(client: Any) -> None:
    phone = request_number(client)["PhoneNumberId"]
    request = {"OriginationIdentity": phone, "MessageType": "TRANSACTIONAL", "ClientToken": "t-1"}
    first = client.create_pool(**request, **country_if_required("CreatePool", "US"))
    # Without the token this would conflict: the number is already in the first pool.
    again = client.create_pool(**request, **country_if_required("CreatePool", "US"))
    assert body(again) == body(first)
    assert [p["PoolId"] for p in client.describe_pools()["Pools"]] == [first["PoolId"]]


def test_create_pool_with_a_new_token_creates_a_new_pool(client: Any) -> None:
    client.request_sender_id(SenderId="ACME", IsoCountryCode="ES", MessageTypes=["TRANSACTIONAL"])
    request = {
        "OriginationIdentity": "ACME",
        "IsoCountryCode": "ES",
        "MessageType": "TRANSACTIONAL",
    }
    first = client.create_pool(ClientToken="t-1", **request)
    second = client.create_pool(ClientToken="t-2", **request)
    assert first["PoolId"] != second["PoolId"]
    assert len(client.describe_pools()["Pools"]) == 2


def test_botocore_fills_in_a_fresh_token_per_call(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="a")
    with pytest.raises(ClientError) as caught:
        client.create_opt_out_list(OptOutListName="a")
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        resource_type="opt-out-list",
        resource_id="a",
    )


def test_create_opt_out_list_with_a_repeated_token_returns_the_first_list(client: Any) -> None:
    first = client.create_opt_out_list(OptOutListName="a", ClientToken="same")
    again = client.create_opt_out_list(OptOutListName="a", ClientToken="same")
    assert body(again) == body(first)
    names = [i["OptOutListName"] for i in client.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default", "a"]


def test_a_repeated_token_answers_the_first_request_even_if_the_second_differs(
    client: Any,
) -> None:
    first = client.create_opt_out_list(OptOutListName="a", ClientToken="same")
    again = client.create_opt_out_list(OptOutListName="b", ClientToken="same")
    assert again["OptOutListName"] == first["OptOutListName"] == "a"
    assert len(client.describe_opt_out_lists()["OptOutLists"]) == 2


def test_a_failed_request_does_not_use_up_its_token(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="a")
    with pytest.raises(ClientError):
        client.create_opt_out_list(OptOutListName="a", ClientToken="retry-me")
    client.delete_opt_out_list(OptOutListName="a")
    created = client.create_opt_out_list(OptOutListName="a", ClientToken="retry-me")
    assert created["OptOutListName"] == "a"


def test_tokens_are_per_operation(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="a", ClientToken="shared")
    phone = request_number(client, ClientToken="shared")["PhoneNumberId"]
    pool = client.create_pool(
        OriginationIdentity=phone,
        MessageType="TRANSACTIONAL",
        ClientToken="shared",
        **country_if_required("CreatePool", "US"),
    )
    assert pool["PoolId"].startswith("pool-")


def test_tokens_are_per_region(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="a", ClientToken="same")
    other = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    created = other.create_opt_out_list(OptOutListName="b", ClientToken="same")
    assert created["OptOutListName"] == "b"


def test_associate_with_a_repeated_token_returns_the_first_result(client: Any) -> None:
    pool_id = client.create_pool(
        OriginationIdentity=request_number(client)["PhoneNumberId"],
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )["PoolId"]
    phone = request_number(client)["PhoneNumberId"]
    request = {"PoolId": pool_id, "OriginationIdentity": phone, "ClientToken": "join-once"}
    first = client.associate_origination_identity(
        **request, **country_if_required("AssociateOriginationIdentity", "US")
    )
    again = client.associate_origination_identity(
        **request, **country_if_required("AssociateOriginationIdentity", "US")
    )
    assert body(again) == body(first)
    listed = client.list_pool_origination_identities(PoolId=pool_id)["OriginationIdentities"]
    assert len(listed) == 2


def test_request_phone_number_with_a_repeated_token_returns_the_first_number(
    client: Any,
) -> None:
    first = request_number(client, ClientToken="n-1")
    again = request_number(client, ClientToken="n-1")
    assert again["PhoneNumberId"] == first["PhoneNumberId"]
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


# -- quotas ----------------------------------------------------------------------------------


def test_default_quotas_are_realistic() -> None:
    assert DEFAULT_QUOTAS["POOLS_PER_ACCOUNT"] >= 1
    assert DEFAULT_QUOTAS["TAGS_PER_RESOURCE"] == 200
    assert DEFAULT_QUOTAS["OPT_OUT_LISTS_PER_ACCOUNT"] >= 1


def _create_list(client: Any, i: int) -> None:
    client.create_opt_out_list(OptOutListName=f"list-{i}")


def _create_pool(client: Any, i: int) -> None:
    client.create_pool(
        OriginationIdentity=request_number(client)["PhoneNumberId"],
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )


def _request_number(client: Any, i: int) -> None:
    request_number(client)


def _request_sender_id(client: Any, i: int) -> None:
    client.request_sender_id(
        SenderId=f"ACME{i}", IsoCountryCode="ES", MessageTypes=["TRANSACTIONAL"]
    )


@pytest.mark.parametrize(
    ("quota", "create", "already"),
    [
        # The Default opt-out list is one of the account's lists.
        ("OPT_OUT_LISTS_PER_ACCOUNT", _create_list, 1),
        ("POOLS_PER_ACCOUNT", _create_pool, 0),
        ("PHONE_NUMBERS_PER_ACCOUNT", _request_number, 0),
        ("SENDER_IDS_PER_ACCOUNT", _request_sender_id, 0),
    ],
)
def test_account_quota(
    client: Any, sms_voice: SmsVoiceMock, quota: str, create: Any, already: int
) -> None:
    limit = 3
    # Pools need numbers of their own: leave room for them.
    if quota == "POOLS_PER_ACCOUNT":
        sms_voice.set_quota("PHONE_NUMBERS_PER_ACCOUNT", 10)
    sms_voice.set_quota(quota, limit)
    for i in range(limit - already):
        create(client, i)
    with pytest.raises(ClientError) as caught:
        create(client, limit)
    expect_error(
        caught, "ServiceQuotaExceededException", quota, message=f"quota {quota} of {limit}"
    )
    sms_voice.set_quota(quota, limit + 1)
    create(client, limit + 1)


def test_a_quota_set_for_one_region_applies_there_only(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 1, region="us-east-1")
    with pytest.raises(ClientError) as caught:
        client.create_opt_out_list(OptOutListName="a")
    expect_error(caught, "ServiceQuotaExceededException", "OPT_OUT_LISTS_PER_ACCOUNT")
    other = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    assert other.create_opt_out_list(OptOutListName="a")["OptOutListName"] == "a"


def test_a_quota_set_for_one_account_applies_to_it_only(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_quota("POOLS_PER_ACCOUNT", 0, account_id="123456789012")
    with pytest.raises(ClientError) as caught:
        _create_pool(client, 0)
    expect_error(caught, "ServiceQuotaExceededException", "POOLS_PER_ACCOUNT")
    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="210987654321",
        aws_secret_access_key="x",
    )
    _create_pool(other, 0)
    assert len(other.describe_pools()["Pools"]) == 1


def test_deleting_frees_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 2)
    client.create_opt_out_list(OptOutListName="a")
    client.delete_opt_out_list(OptOutListName="a")
    client.create_opt_out_list(OptOutListName="b")
