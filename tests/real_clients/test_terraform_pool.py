"""The Terraform AWS provider's pool resource, call by call, against the mock.

Source: hashicorp/terraform-provider-aws, ``internal/service/pinpointsmsvoicev2/pool.go``
(create, read, update, delete, ``waitPoolActive``, ``waitPoolDeleted``,
``waitPoolOriginationIdentitiesConverged``, the associate/disassociate helpers) and
``pool_test.go`` (its acceptance tests, run against AWS). The facts carried over: the pool is made
from the lexicographically first identity ARN with a ClientToken, waited for ``ACTIVE`` through
``CREATING``, the other identities associated one by one (each with the call's
IsoCountryCode), settings CreatePool lacks sent by UpdatePool, identities read back with
ListPoolOriginationIdentities until they match; delete is DeletePool (``ResourceNotFoundException``
taken as done) then a wait through ``DELETING``/``ACTIVE`` until DescribePools finds nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.installed_model import needs_optional
from tests.real_clients.state_change import NOT_FOUND, read_single, reason, wait_for

CONNECT = "connect.us-east-1.amazonaws.com"
ROLE = "arn:aws:iam::123456789012:role/sms-voice-two-way"


def simulator(client: Any, *capabilities: str, message_type: str = "TRANSACTIONAL") -> str:
    number: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType=message_type,
        NumberType="SIMULATOR",
        NumberCapabilities=list(capabilities or ("SMS",)),
    )
    arn: str = number["PhoneNumberArn"]
    return arn


def read_pool(client: Any, pool_id: str) -> dict[str, Any] | None:
    """``findPoolByID``."""
    return read_single(client.describe_pools, "Pools", PoolIds=[pool_id])


def identities(client: Any, pool_id: str) -> list[str]:
    """``findPoolOriginationIdentities``: every page of ListPoolOriginationIdentities."""
    arns: list[str] = []
    for page in client.get_paginator("list_pool_origination_identities").paginate(PoolId=pool_id):
        arns.extend(item["OriginationIdentityArn"] for item in page["OriginationIdentities"])
    return arns


def country_of_arn(arn: str, pool_country: str | None) -> str | None:
    """The provider's ``OriginationIdentityISOCountryCode``: a sender ID ARN's own country,
    else the pool's."""
    parts = arn.split(":", 5)[-1].split("/")
    if parts[0] == "sender-id" and len(parts) >= 3:
        return parts[2]
    return pool_country


def create_pool(
    client: Any, arns: list[str], message_type: str = "TRANSACTIONAL", **settings: Any
) -> dict[str, Any]:
    """The resource's Create."""
    country = settings.pop("IsoCountryCode", None)
    seed, *extras = sorted(arns)
    request: dict[str, Any] = {
        "ClientToken": str(uuid.uuid4()),
        "OriginationIdentity": seed,
        "MessageType": message_type,
        "DeletionProtectionEnabled": settings.pop("DeletionProtectionEnabled", False),
    }
    seed_country = country_of_arn(seed, country)
    if seed_country is not None:
        request["IsoCountryCode"] = seed_country
    pool_id = client.create_pool(**request)["PoolId"]
    wait_for(lambda: read_pool(client, pool_id), ("CREATING",), ("ACTIVE",))
    for arn in extras:
        extra: dict[str, Any] = {"PoolId": pool_id, "OriginationIdentity": arn}
        extra_country = country_of_arn(arn, country)
        if extra_country is not None:
            extra["IsoCountryCode"] = extra_country
        client.associate_origination_identity(ClientToken=str(uuid.uuid4()), **extra)
    if settings:
        client.update_pool(PoolId=pool_id, **settings)
    found = wait_for(lambda: read_pool(client, pool_id), ("CREATING",), ("ACTIVE",))
    assert found is not None
    assert sorted(identities(client, pool_id)) == sorted(arns)
    return found


def delete_pool(client: Any, pool_id: str) -> None:
    """The resource's Delete."""
    try:
        client.delete_pool(PoolId=pool_id)
    except ClientError as error:
        if error.response["Error"]["Code"] == "ResourceNotFoundException":
            return
        raise
    wait_for(lambda: read_pool(client, pool_id), ("DELETING", "ACTIVE"), (NOT_FOUND,))


def test_basic_create_read_and_delete(client: Any) -> None:
    """``Pool_basic``: a US transactional pool from one simulator number."""
    pool = create_pool(client, [simulator(client)], IsoCountryCode="US")
    assert pool["PoolArn"].startswith("arn:aws:sms-voice:us-east-1:")
    assert (pool["MessageType"], pool["OptOutListName"]) == ("TRANSACTIONAL", "Default")
    assert pool["DeletionProtectionEnabled"] is False
    delete_pool(client, pool["PoolId"])
    assert read_pool(client, pool["PoolId"]) is None
    delete_pool(client, pool["PoolId"])  # already gone: ResourceNotFoundException, accepted


def test_deletion_protection_on_then_off(client: Any) -> None:
    """``Pool_DeletionProtection``: made protected, refused deletion, then unprotected."""
    pool = create_pool(
        client, [simulator(client)], IsoCountryCode="US", DeletionProtectionEnabled=True
    )
    assert pool["DeletionProtectionEnabled"] is True
    with pytest.raises(ClientError) as caught:
        client.delete_pool(PoolId=pool["PoolId"])
    assert reason(caught.value) == "DELETION_PROTECTION_ENABLED"
    client.update_pool(PoolId=pool["PoolId"], DeletionProtectionEnabled=False)
    delete_pool(client, pool["PoolId"])


def test_six_identities_and_back_to_one(client: Any) -> None:
    """``Pool_OriginationIdentities``: two, six (more than DescribePhoneNumbers' five ids per
    call), then one; disassociation tolerates what is already gone."""
    arns = [simulator(client) for _ in range(6)]
    pool_id = create_pool(client, arns[:2], IsoCountryCode="US")["PoolId"]
    for arn in arns[2:]:
        client.associate_origination_identity(
            PoolId=pool_id, OriginationIdentity=arn, IsoCountryCode="US"
        )
    assert sorted(identities(client, pool_id)) == sorted(arns)
    described = client.describe_phone_numbers(PhoneNumberIds=arns[:5])["PhoneNumbers"]
    assert len(described) == 5
    keep, *drop = sorted(arns)
    for arn in drop:
        client.disassociate_origination_identity(
            PoolId=pool_id, OriginationIdentity=arn, IsoCountryCode="US"
        )
    assert identities(client, pool_id) == [keep]
    # What the provider tolerates: the identity already out of the pool, and the last number.
    with pytest.raises(ClientError) as caught:
        client.disassociate_origination_identity(
            PoolId=pool_id, OriginationIdentity=drop[0], IsoCountryCode="US"
        )
    assert reason(caught.value) == "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL"
    with pytest.raises(ClientError) as caught:
        client.disassociate_origination_identity(
            PoolId=pool_id, OriginationIdentity=keep, IsoCountryCode="US"
        )
    assert reason(caught.value) == "LAST_PHONE_NUMBER"


@needs_optional("CreatePool", "IsoCountryCode")
def test_sender_ids_of_two_countries_in_a_pool_without_a_country(client: Any) -> None:
    """``Pool_OriginationIdentities_multipleCountries``: sender IDs in two countries, each call
    with its ARN's country; without it AWS answers INVALID_ARN on ``senderId``. (The provider's
    test uses GB and DE; a GB sender ID now needs a registration, the SMS countries page says, so
    FR stands in for GB.)"""
    arns = [
        client.request_sender_id(
            SenderId="TFACC", IsoCountryCode=country, MessageTypes=["TRANSACTIONAL"]
        )["SenderIdArn"]
        for country in ("FR", "DE")
    ]
    pool_id = create_pool(client, arns)["PoolId"]
    assert sorted(identities(client, pool_id)) == sorted(arns)
    with pytest.raises(ClientError) as caught:
        client.disassociate_origination_identity(PoolId=pool_id, OriginationIdentity=arns[1])
    error = caught.value.response
    assert (error["Error"]["Code"], error["Reason"]) == ("ValidationException", "INVALID_ARN")
    assert [field["Name"] for field in error["Fields"]] == ["senderId"]
    client.disassociate_origination_identity(
        PoolId=pool_id, OriginationIdentity=arns[1], IsoCountryCode=country_of_arn(arns[1], None)
    )
    assert identities(client, pool_id) == [arns[0]]


def test_a_promotional_pool_of_a_simulator_number_is_not_found(client: Any) -> None:
    """``Pool_MessageType``, last step: PROMOTIONAL replaces the pool; AWS answers
    ResourceNotFoundException for the simulator number."""
    arn = simulator(client)
    with pytest.raises(ClientError) as caught:
        client.create_pool(
            ClientToken=str(uuid.uuid4()),
            OriginationIdentity=arn,
            IsoCountryCode="US",
            MessageType="PROMOTIONAL",
        )
    assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_two_way_through_connect_and_shared_routes(client: Any) -> None:
    """``Pool_TwoWayChannelConnect`` and ``Pool_SharedRoutesEnabled``: a simulator number with
    SMS and VOICE, then UpdatePool with the Connect channel, a role and shared routes."""
    pool = create_pool(
        client,
        [simulator(client, "SMS", "VOICE")],
        IsoCountryCode="US",
        TwoWayEnabled=True,
        TwoWayChannelArn=CONNECT,
        TwoWayChannelRole=ROLE,
        SharedRoutesEnabled=True,
    )
    assert (pool["TwoWayEnabled"], pool["TwoWayChannelArn"]) == (True, CONNECT)
    assert (pool["TwoWayChannelRole"], pool["SharedRoutesEnabled"]) == (ROLE, True)
    client.update_pool(PoolId=pool["PoolId"], SharedRoutesEnabled=False)
    read = read_pool(client, pool["PoolId"])
    assert read is not None and read["SharedRoutesEnabled"] is False


def test_the_waiter_sees_creating_until_the_pool_is_active(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_lifecycle("pool", "manual")
    pool_id = client.create_pool(
        OriginationIdentity=simulator(client), IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )["PoolId"]
    with pytest.raises(TimeoutError):
        wait_for(lambda: read_pool(client, pool_id), ("CREATING",), ("ACTIVE",), 3)
    sms_voice.advance("pool", pool_id, to="ACTIVE")
    assert wait_for(lambda: read_pool(client, pool_id), ("CREATING",), ("ACTIVE",))
