"""Eight threads sharing one client, mixing writes and reads across resource families: nothing
lost, no duplicate ids, no deadlock; and the handle and a request making one account and region at
once share the one backend."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import boto3
import pytest

from smsmock import Backend, SmsVoiceMock
from smsmock.engine import model, validation
from smsmock.state.service_model import operation_model
from smsmock.state.world import WORLD

THREADS = 8
ROUNDS = 12


def work(client: Any, worker: int) -> list[str]:
    created: list[str] = []
    for i in range(ROUNDS):
        name = f"list-{worker}-{i}"
        client.create_opt_out_list(OptOutListName=name)
        client.put_opted_out_number(
            OptOutListName=name, OptedOutNumber=f"+1206555{worker:02d}{i:02d}"
        )
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="TOLL_FREE",
            OptOutListName=name,
        )
        created.append(number["PhoneNumberId"])
        client.tag_resource(
            ResourceArn=number["PhoneNumberArn"], Tags=[{"Key": "worker", "Value": str(worker)}]
        )
        client.create_configuration_set(ConfigurationSetName=f"set-{worker}-{i}")
        client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
        client.describe_opt_out_lists(MaxResults=5)
    return created


def test_eight_threads_lose_nothing(client: Any, sms_voice: SmsVoiceMock) -> None:
    for quota in (
        "CONFIGURATION_SETS_PER_ACCOUNT",
        "OPT_OUT_LISTS_PER_ACCOUNT",
        "PHONE_NUMBERS_PER_ACCOUNT",
    ):
        sms_voice.set_quota(quota, 1000)
    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(work, client, w) for w in range(THREADS)]
        results = [f.result(timeout=120) for f in futures]  # a deadlock fails here
    ids = [i for chunk in results for i in chunk]
    assert len(ids) == len(set(ids)) == THREADS * ROUNDS

    numbers = [
        n
        for page in client.get_paginator("describe_phone_numbers").paginate()
        for n in page["PhoneNumbers"]
    ]
    assert sorted(n["PhoneNumberId"] for n in numbers) == sorted(ids)
    assert len({n["PhoneNumber"] for n in numbers}) == len(ids)
    lists = [
        x
        for page in client.get_paginator("describe_opt_out_lists").paginate()
        for x in page["OptOutLists"]
    ]
    assert len(lists) == THREADS * ROUNDS + 1  # and Default
    sets = [
        x
        for page in client.get_paginator("describe_configuration_sets").paginate()
        for x in page["ConfigurationSets"]
    ]
    assert len(sets) == THREADS * ROUNDS
    for number in numbers[:10]:
        tags = client.list_tags_for_resource(ResourceArn=number["PhoneNumberArn"])["Tags"]
        assert [t["Key"] for t in tags] == ["worker"]


def test_a_writer_or_check_being_built_is_never_handed_to_another_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Writers and validation checks are built on first use, outside the state's lock: a second
    # thread arriving while the first builds must wait for the finished function (it once got
    # a stand-in and failed with IndexError; a retried HTTP 500 hid it).
    shape = operation_model("CreateOptOutList").output_shape
    input_shape = operation_model("CreateOptOutList").input_shape
    assert shape is not None and input_shape is not None
    monkeypatch.setattr(model, "_writers", {})
    monkeypatch.setattr(validation, "_checks", {})
    slow_writer, slow_check = model._build_writer, validation._build

    def build_writer_slowly(shape: Any) -> Any:
        time.sleep(0.02)
        return slow_writer(shape)

    def build_check_slowly(shape: Any) -> Any:
        time.sleep(0.02)
        return slow_check(shape)

    monkeypatch.setattr(model, "_build_writer", build_writer_slowly)
    monkeypatch.setattr(validation, "_build", build_check_slowly)
    answer = {"OptOutListName": "x", "Tags": [{"Key": "k", "Value": "v"}]}

    def build_and_use(_: int) -> Any:
        failures: list[Any] = []
        validation._check(input_shape)({"OptOutListName": "x"}, "", failures)
        return model.writer(shape)(answer), failures

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(build_and_use, range(THREADS)))

    assert results == [(answer, [])] * THREADS


def test_the_handle_and_a_request_making_one_region_at_once_share_it(
    sms_voice: SmsVoiceMock,
) -> None:
    # The handle reads backends without the world's lock; a request makes one under it. The
    # handle's thread finds no backend, waits for the lock the request holds, and must then get
    # the backend the request made (with the list in it), not a second, empty one.
    away = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    got: list[Backend] = []
    with WORLD.lock:
        reader = threading.Thread(target=lambda: got.append(sms_voice.backend(region="eu-west-1")))
        reader.start()
        time.sleep(0.2)  # the reader is now waiting for the lock
        away.create_opt_out_list(OptOutListName="made-meanwhile")
    reader.join(timeout=30)
    [backend] = got
    assert backend is sms_voice.backend(region="eu-west-1")
    names = [x["OptOutListName"] for x in away.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default", "made-meanwhile"]
