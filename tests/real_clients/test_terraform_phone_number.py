"""The Terraform AWS provider's phone number resource, call by call, against the mock.

Source: hashicorp/terraform-provider-aws, ``internal/service/pinpointsmsvoicev2/phone_number.go``
(create, read, update, delete and their waiters) and ``phone_number_test.go`` (the
``PhoneNumber_full``, ``_tags`` and ``_disappears`` acceptance tests, which run against AWS).
The facts carried over: RequestPhoneNumber with a ClientToken and tags, then a wait for
``ACTIVE`` through ``PENDING``/``ASSOCIATING``; the optional settings (two-way, self-managed
opt-outs) by UpdatePhoneNumber after creation, then another wait; a read is DescribePhoneNumbers
with one id, where ``ResourceNotFoundException`` or the status ``DELETED`` mean gone; delete is
ReleasePhoneNumber, retried while the number is still in a pool, with ``ResourceNotFoundException``
taken as already released, then a wait until the number is not found.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.real_clients.state_change import NOT_FOUND, read_single, reason, retry_while, wait_for

TOPIC = "arn:aws:sns:us-east-1:123456789012:two-way"


def read_number(client: Any, phone_number_id: str) -> dict[str, Any] | None:
    """``findPhoneNumberByID``."""
    return read_single(
        client.describe_phone_numbers,
        "PhoneNumbers",
        ("DELETED",),
        PhoneNumberIds=[phone_number_id],
    )


def wait_active(client: Any, phone_number_id: str) -> dict[str, Any]:
    """``waitPhoneNumberActive``."""
    found = wait_for(
        lambda: read_number(client, phone_number_id), ("PENDING", "ASSOCIATING"), ("ACTIVE",)
    )
    assert found is not None
    return found


def release(client: Any, phone_number_id: str) -> None:
    """The resource's Delete: release (retried while in a pool), then wait until gone."""
    try:
        retry_while(
            lambda: client.release_phone_number(PhoneNumberId=phone_number_id),
            lambda error: reason(error) == "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        )
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
        return
    wait_for(lambda: read_number(client, phone_number_id), ("DISASSOCIATING",), (NOT_FOUND,))


def create(client: Any, **config: Any) -> dict[str, Any]:
    """The resource's Create: request, wait, then the settings RequestPhoneNumber lacks."""
    settings = {
        key: config.pop(key)
        for key in ("SelfManagedOptOutsEnabled", "TwoWayChannelArn", "TwoWayEnabled")
        if key in config
    }
    requested = client.request_phone_number(ClientToken=str(uuid.uuid4()), **config)
    found = wait_active(client, requested["PhoneNumberId"])
    if settings:
        client.update_phone_number(PhoneNumberId=requested["PhoneNumberId"], **settings)
        found = wait_active(client, requested["PhoneNumberId"])
    return found


SIMULATOR = {
    "IsoCountryCode": "US",
    "MessageType": "TRANSACTIONAL",
    "NumberType": "SIMULATOR",
    "NumberCapabilities": ["SMS"],
}


def test_full_create_update_and_release(client: Any) -> None:
    """``PhoneNumber_full``: a simulator number with SMS and VOICE, its own opt-out list,
    two-way to an SNS topic and deletion protection, then protection off and released."""
    client.create_opt_out_list(OptOutListName="tf-full")
    number = create(
        client,
        **{**SIMULATOR, "NumberCapabilities": ["SMS", "VOICE"]},
        OptOutListName="tf-full",
        DeletionProtectionEnabled=True,
        SelfManagedOptOutsEnabled=False,
        TwoWayChannelArn=TOPIC,
        TwoWayEnabled=True,
    )
    assert sorted(number["NumberCapabilities"]) == ["SMS", "VOICE"]
    assert (number["OptOutListName"], number["TwoWayEnabled"]) == ("tf-full", True)
    assert number["TwoWayChannelArn"] == TOPIC
    assert number["DeletionProtectionEnabled"] is True
    assert number["MonthlyLeasingPrice"]

    ref = number["PhoneNumberId"]
    with pytest.raises(ClientError) as caught:
        client.release_phone_number(PhoneNumberId=ref)
    assert reason(caught.value) == "DELETION_PROTECTION_ENABLED"

    # The resource's Update sends every setting again, then waits for ACTIVE.
    client.update_phone_number(
        PhoneNumberId=ref,
        DeletionProtectionEnabled=False,
        OptOutListName="tf-full",
        SelfManagedOptOutsEnabled=False,
        TwoWayChannelArn=TOPIC,
        TwoWayEnabled=True,
    )
    assert wait_active(client, ref)["DeletionProtectionEnabled"] is False

    release(client, ref)
    assert read_number(client, ref) is None
    # Released twice (the resource already gone): ResourceNotFoundException, which Delete accepts.
    release(client, ref)


def test_tags_are_replaced_as_the_configuration_changes(client: Any) -> None:
    """``PhoneNumber_tags``: tags at request, then key1 updated with key2 added, then key1
    removed, each read back with ListTagsForResource."""
    number = create(client, **SIMULATOR, Tags=[{"Key": "key1", "Value": "value1"}])
    arn = number["PhoneNumberArn"]

    def tags() -> dict[str, str]:
        listed = client.list_tags_for_resource(ResourceArn=arn)["Tags"]
        return {tag["Key"]: tag["Value"] for tag in listed}

    assert tags() == {"key1": "value1"}
    client.tag_resource(
        ResourceArn=arn,
        Tags=[{"Key": "key1", "Value": "value1updated"}, {"Key": "key2", "Value": "value2"}],
    )
    assert tags() == {"key1": "value1updated", "key2": "value2"}
    client.untag_resource(ResourceArn=arn, TagKeys=["key1"])
    assert tags() == {"key2": "value2"}


def test_a_number_released_behind_terraforms_back_is_not_found(client: Any) -> None:
    """``PhoneNumber_disappears``: the next read finds nothing and Terraform plans a create."""
    number = create(client, **SIMULATOR)
    client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    assert read_number(client, number["PhoneNumberId"]) is None


def test_the_waiter_sees_pending_until_the_number_is_active(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """With the manual lifecycle the provider's waiter polls through ``PENDING``."""
    sms_voice.set_lifecycle("phone-number", "manual")
    requested = client.request_phone_number(ClientToken=str(uuid.uuid4()), **SIMULATOR)
    ref = requested["PhoneNumberId"]
    with pytest.raises(TimeoutError):
        wait_for(lambda: read_number(client, ref), ("PENDING", "ASSOCIATING"), ("ACTIVE",), 3)
    sms_voice.advance("phone-number", ref, to="ACTIVE")
    assert wait_active(client, ref)["Status"] == "ACTIVE"


def test_the_same_client_token_answers_the_same_number(client: Any) -> None:
    """The provider retries RequestPhoneNumber with the ClientToken it made (create.UniqueId):
    a retried request must not lease a second number."""
    token = str(uuid.uuid4())
    first = client.request_phone_number(ClientToken=token, **SIMULATOR)
    again = client.request_phone_number(ClientToken=token, **SIMULATOR)
    assert again["PhoneNumberId"] == first["PhoneNumberId"]
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


def test_release_waits_for_the_pool_to_let_go(client: Any) -> None:
    """Delete retries PHONE_NUMBER_ASSOCIATED_TO_POOL: the pool that held the number is being
    deleted by the same plan; once it is gone the release goes through."""
    number = create(client, **SIMULATOR)
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberArn"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    calls: list[str] = []

    def release_or_delete_pool() -> Any:
        calls.append("release")
        if len(calls) == 2:
            client.delete_pool(PoolId=pool["PoolId"])
        return client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])

    with pytest.raises(ClientError) as caught:
        release_or_delete_pool()
    assert reason(caught.value) == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    retry_while(
        release_or_delete_pool,
        lambda error: reason(error) == "PHONE_NUMBER_ASSOCIATED_TO_POOL",
    )
    assert read_number(client, number["PhoneNumberId"]) is None
