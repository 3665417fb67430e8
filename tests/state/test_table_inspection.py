"""The tables a test inspects through the handle (``sms.backend().table(POOLS)``): ``values()``
is a snapshot of the records in creation order with their statuses brought up to date, a record
is found by its id, ARN or alias, and a deleted or released one is gone by every one of them."""

from __future__ import annotations

from typing import Any

from smsmock import SmsVoiceMock
from smsmock.records.phone_numbers import PHONE_NUMBERS
from smsmock.records.pools import POOLS
from tests.helpers import pool_of_new_number, toll_free_number


def test_values_lists_the_records_in_creation_order_settled(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    made = [pool_of_new_number(client) for _ in range(3)]
    assert {pool["Status"] for pool in made} == {"CREATING"}
    table = sms_voice.backend().table(POOLS)
    records = table.values()
    assert [record.pool_id for record in records] == [pool["PoolId"] for pool in made]
    assert [record.status for record in records] == ["ACTIVE"] * 3
    assert len(table) == 3


def test_a_record_is_found_by_id_or_arn_until_deleted(client: Any, sms_voice: SmsVoiceMock) -> None:
    first, second, third = (pool_of_new_number(client) for _ in range(3))
    table = sms_voice.backend().table(POOLS)
    for ref in (second["PoolId"], second["PoolArn"]):
        assert ref in table
        found = table.find(ref)
        assert found is not None and found.pool_id == second["PoolId"]
    assert "pool-" + "0" * 32 not in table
    assert table.find("pool-" + "0" * 32) is None

    client.delete_pool(PoolId=second["PoolId"])

    for ref in (second["PoolId"], second["PoolArn"]):
        assert ref not in table
        assert table.find(ref) is None
    assert [record.pool_id for record in table.values()] == [first["PoolId"], third["PoolId"]]
    assert len(table) == 2


def test_a_released_number_is_gone_by_its_number_too(client: Any, sms_voice: SmsVoiceMock) -> None:
    kept, released = (toll_free_number(client, ("SMS",), handle=sms_voice) for _ in range(2))
    table = sms_voice.backend().table(PHONE_NUMBERS)
    found = table.find(released["PhoneNumber"])
    assert found is not None and found.phone_number_id == released["PhoneNumberId"]

    client.release_phone_number(PhoneNumberId=released["PhoneNumberId"])

    for ref in (released["PhoneNumberId"], released["PhoneNumberArn"], released["PhoneNumber"]):
        assert ref not in table
        assert table.find(ref) is None
    assert kept["PhoneNumber"] in table
    assert [record.phone_number_id for record in table.values()] == [kept["PhoneNumberId"]]
