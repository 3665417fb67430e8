"""State export and import: ``sms.save_state(path)`` / ``sms.load_state(path)``."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.faces.state_file import StateFileError, dump
from smsmock.records.messages import SentMessage
from smsmock.state.service_model import operation_model
from smsmock.state.world import WORLD
from tests.helpers import expect_error, toll_free_number

SERVICE = "pinpoint-sms-voice-v2"
OTHER_ACCOUNT = "111122223333"


def _client(region: str = "us-east-1", access_key: str = "testing") -> Any:
    return boto3.client(
        SERVICE, region_name=region, aws_access_key_id=access_key, aws_secret_access_key="x"
    )


def _seed(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="marketing", Tags=[{"Key": "team", "Value": "a"}])
    client.put_opted_out_number(OptOutListName="marketing", OptedOutNumber="+12065550100")
    client.create_configuration_set(ConfigurationSetName="alerts")
    client.create_protect_configuration(Tags=[{"Key": "env", "Value": "test"}])
    _client("eu-west-2").create_opt_out_list(OptOutListName="london")
    _client(access_key=OTHER_ACCOUNT).create_opt_out_list(OptOutListName="other-account")


def _observed() -> dict[str, Any]:
    """What clients see of the seeded state (response metadata left out)."""
    here, london, other = _client(), _client("eu-west-2"), _client(access_key=OTHER_ACCOUNT)
    lists = here.describe_opt_out_lists()["OptOutLists"]
    return {
        "lists": lists,
        "numbers": here.describe_opted_out_numbers(OptOutListName="marketing")["OptedOutNumbers"],
        "tags": here.list_tags_for_resource(ResourceArn=lists[1]["OptOutListArn"])["Tags"],
        "sets": here.describe_configuration_sets()["ConfigurationSets"],
        "protect": here.describe_protect_configurations()["ProtectConfigurations"],
        "london": london.describe_opt_out_lists()["OptOutLists"],
        "other": other.describe_opt_out_lists()["OptOutLists"],
    }


def test_round_trip_restores_every_account_and_region(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    _seed(client)
    before = _observed()
    path = tmp_path / "state.json"
    sms_voice.save_state(path)
    sms_voice.reset()
    assert client.describe_opt_out_lists()["OptOutLists"][0]["OptOutListName"] == "Default"
    assert len(client.describe_opt_out_lists()["OptOutLists"]) == 1

    sms_voice.load_state(path)

    assert _observed() == before


def test_a_loaded_state_writes_the_same_file(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    _seed(client)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    sms_voice.save_state(first)
    sms_voice.load_state(first)
    sms_voice.save_state(second)
    saved = [json.loads(path.read_text()) for path in (first, second)]
    for data in saved:
        data.pop("next_seq")  # saving takes a sequence number
    assert saved[0] == saved[1]


def test_settings_are_saved(client: Any, sms_voice: SmsVoiceMock, tmp_path: Path) -> None:
    sms_voice.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 2)
    sms_voice.set_lifecycle("pool", "after", 30)
    sms_voice.map_access_key("AKIAEXAMPLEKEY000001", OTHER_ACCOUNT)
    sms_voice.save_state(tmp_path / "state.json")
    WORLD.reset(settings=True)

    sms_voice.load_state(tmp_path / "state.json")

    client.create_opt_out_list(OptOutListName="one")  # with Default, the quota of 2 is reached
    with pytest.raises(ClientError) as caught:
        client.create_opt_out_list(OptOutListName="two")
    expect_error(
        caught,
        "ServiceQuotaExceededException",
        "OPT_OUT_LISTS_PER_ACCOUNT",
        message="OPT_OUT_LISTS_PER_ACCOUNT of 2",
    )
    assert WORLD.lifecycle.mode("pool").seconds == 30
    assert WORLD.account_for("AKIAEXAMPLEKEY000001") == OTHER_ACCOUNT


def test_sent_messages_are_saved(sms_voice: SmsVoiceMock, tmp_path: Path) -> None:
    message = SentMessage(
        message_id="m-1",
        channel="SMS",
        account_id="123456789012",
        region="us-east-1",
        origination_identity="+12065550199",
        destination_phone_number="+12065550100",
        message_body="hello",
        timestamp=datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc),
        operation="SendTextMessage",
        context={"k": "v"},
        media_urls=("s3://bucket/a.png",),
    )
    WORLD.sent_messages.append(message)  # as a send records it
    sms_voice.save_state(tmp_path / "state.json")
    sms_voice.reset()

    sms_voice.load_state(tmp_path / "state.json")

    assert sms_voice.sent_messages == (message,)


def test_paging_resumes_and_new_records_come_after_loaded_ones(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    for name in ("a", "b", "c"):
        client.create_opt_out_list(OptOutListName=name)
    first = client.describe_opt_out_lists(MaxResults=2)
    sms_voice.save_state(tmp_path / "state.json")
    sms_voice.reset()
    sms_voice.load_state(tmp_path / "state.json")

    rest = client.describe_opt_out_lists(MaxResults=2, NextToken=first["NextToken"])
    client.create_opt_out_list(OptOutListName="d")

    assert [x["OptOutListName"] for x in first["OptOutLists"] + rest["OptOutLists"]] == [
        "Default",
        "a",
        "b",
        "c",
    ]
    names = [x["OptOutListName"] for x in client.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default", "a", "b", "c", "d"]


def _records(data: dict[str, Any]) -> list[dict[str, Any]]:
    tables = data["backends"][0]["tables"]
    return tables["opt-out-list"]  # type: ignore[no-any-return]


def _change_version(data: dict[str, Any]) -> None:
    data["version"] = 2


def _older_version(data: dict[str, Any]) -> None:
    data["version"] = 0


def _not_a_state_file(data: dict[str, Any]) -> None:
    data.pop("format")


def _unknown_table(data: dict[str, Any]) -> None:
    data["backends"][0]["tables"]["gone"] = []


def _unknown_field(data: dict[str, Any]) -> None:
    _records(data)[-1]["colour"] = "blue"


def _missing_field(data: dict[str, Any]) -> None:
    del _records(data)[-1]["opt_out_list_name"]


def _foreign_class(data: dict[str, Any]) -> None:
    _records(data)[-1]["$record"] = "os:PathLike"


def _unknown_class(data: dict[str, Any]) -> None:
    _records(data)[-1]["$record"] = "smsmock.resources.opt_out_lists:Gone"


def _unknown_setting(data: dict[str, Any]) -> None:
    data["world"]["colour"] = "blue"


def _bad_datetime(data: dict[str, Any]) -> None:
    _records(data)[-1]["created_timestamp"] = {"$datetime": "yesterday"}


def _pool(data: dict[str, Any]) -> dict[str, Any]:
    return data["backends"][0]["tables"]["pool"][0]  # type: ignore[no-any-return]


def _exploded_status(data: dict[str, Any]) -> None:
    _pool(data)["status"] = "EXPLODED"


def _numeric_list_name(data: dict[str, Any]) -> None:
    _pool(data)["opt_out_list_name"] = 12345


def _text_seq(data: dict[str, Any]) -> None:
    _pool(data)["seq"] = "x"


def _null_seq(data: dict[str, Any]) -> None:
    _records(data)[-1]["seq"] = None


def _member_not_a_string(data: dict[str, Any]) -> None:
    _pool(data)["members"] = [7]


def _second_backend(data: dict[str, Any]) -> None:
    data["backends"].append(json.loads(json.dumps(data["backends"][0])))


def _text_next_seq(data: dict[str, Any]) -> None:
    data["next_seq"] = "x"


def _setting_of_another_type(data: dict[str, Any]) -> None:
    data["world"]["default_account_id"] = 5


def _lifecycle_of_another_type(data: dict[str, Any]) -> None:
    data["world"]["lifecycle"]["modes"] = 5


def _nested_too_deep(data: dict[str, Any]) -> None:
    deep: list[Any] = []
    for _ in range(200):
        deep = [deep]
    data["world"]["quotas"] = deep


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_change_version, "format version 2 .*reads version 1 only. Nothing was loaded"),
        (_older_version, "format version 0 .*reads version 1 only"),
        (_not_a_state_file, "not an smsmock state file"),
        (_unknown_table, "table 'gone' that this smsmock does not know"),
        (_unknown_field, r"fields \['colour'\] that this smsmock's does not"),
        (_missing_field, "lacks the field 'opt_out_list_name'"),
        (_foreign_class, "os:PathLike is not a class of smsmock"),
        (_unknown_class, "has no class smsmock.resources.opt_out_lists:Gone"),
        (_unknown_setting, "world setting 'colour'"),
        (_bad_datetime, r"cannot read \$datetime value"),
        (
            _exploded_status,
            r"backends\[0\]\.tables\.pool\[0\]\.status is 'EXPLODED', not one of the "
            r"model's PoolStatus: ACTIVE, CREATING",
        ),
        (
            _numeric_list_name,
            r"backends\[0\]\.tables\.pool\[0\]\.opt_out_list_name is 12345, not str\.",
        ),
        (_text_seq, r"backends\[0\]\.tables\.pool\[0\]\.seq is 'x', not int\."),
        (_null_seq, r"backends\[0\]\.tables\.opt-out-list\[1\]\.seq is None, not int\."),
        (_member_not_a_string, r"pool\[0\]\.members is \[7\], not list\[str\]\."),
        (
            _second_backend,
            "backends\\[1\\] is a second backend of account 123456789012 in us-east-1",
        ),
        (_text_next_seq, "next_seq must be a positive integer, not 'x'"),
        (_setting_of_another_type, r"world\.default_account_id is int, not str\."),
        (_lifecycle_of_another_type, r"world\.lifecycle\.modes is int, not dict\."),
        (_nested_too_deep, "nested over 64 deep"),
    ],
)
def test_a_file_that_does_not_fit_is_refused_and_nothing_changes(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path, spoil: Any, message: str
) -> None:
    client.create_opt_out_list(OptOutListName="saved")
    number = toll_free_number(client)
    client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    path = tmp_path / "state.json"
    sms_voice.save_state(path)
    data = json.loads(path.read_text())
    spoil(data)
    path.write_text(json.dumps(data))
    client.create_opt_out_list(OptOutListName="live")
    before = dump(WORLD)

    with pytest.raises(StateFileError, match=message):
        sms_voice.load_state(path)

    after = dump(WORLD)
    before.pop("next_seq"), after.pop("next_seq")
    assert after == before
    names = [x["OptOutListName"] for x in client.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default", "saved", "live"]


@pytest.fixture
def waiting_number(client: Any, sms_voice: SmsVoiceMock, tmp_path: Path) -> str:
    """A new US toll-free number, ``PENDING`` and held until its registration is approved, saved
    with the rest of the state to ``tmp_path / "state.json"``; its id."""
    number = toll_free_number(client, ("SMS",), registered=False)
    sms_voice.save_state(tmp_path / "state.json")
    return str(number["PhoneNumberId"])


def test_a_toll_free_number_waiting_for_its_registration_is_saved_and_loaded(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path, waiting_number: str
) -> None:
    # The loaded number passes the file's field checks, and still waits for its registration.
    sms_voice.reset()

    sms_voice.load_state(tmp_path / "state.json")

    [loaded] = client.describe_phone_numbers()["PhoneNumbers"]
    assert (loaded["PhoneNumberId"], loaded["Status"]) == (waiting_number, "PENDING")
    sms_voice.register_phone_number(waiting_number)
    [registered] = client.describe_phone_numbers()["PhoneNumbers"]
    assert registered["Status"] == "ACTIVE"


def test_a_waiting_flag_of_another_type_is_refused(
    sms_voice: SmsVoiceMock, tmp_path: Path, waiting_number: str
) -> None:
    path = tmp_path / "state.json"
    data = json.loads(path.read_text())
    data["backends"][0]["tables"]["phone-number"][0]["awaiting_registration"] = "yes"
    path.write_text(json.dumps(data))

    with pytest.raises(StateFileError, match=r"awaiting_registration is 'yes', not bool\."):
        sms_voice.load_state(path)


def test_a_file_naming_the_record_classes_where_they_lived_before_loads(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    client.create_opt_out_list(OptOutListName="saved")
    path = tmp_path / "state.json"
    sms_voice.save_state(path)
    path.write_text(path.read_text().replace("smsmock.records.", "smsmock.resources."))
    sms_voice.reset()
    sms_voice.load_state(path)
    names = [o["OptOutListName"] for o in client.describe_opt_out_lists()["OptOutLists"]]
    assert "saved" in names


@pytest.mark.parametrize("text", ["not json", "[1, 2]", ""])
def test_a_file_that_is_not_a_state_file_is_refused(
    sms_voice: SmsVoiceMock, tmp_path: Path, text: str
) -> None:
    path = tmp_path / "state.json"
    path.write_text(text)
    with pytest.raises(StateFileError, match="is not an smsmock state file"):
        sms_voice.load_state(path)


def test_a_field_added_since_with_a_default_takes_its_default(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    client.create_opt_out_list(OptOutListName="saved")
    path = tmp_path / "state.json"
    sms_voice.save_state(path)
    data = json.loads(path.read_text())
    del _records(data)[-1]["numbers"]  # as if written before the field existed
    path.write_text(json.dumps(data))

    sms_voice.load_state(path)

    assert client.describe_opted_out_numbers(OptOutListName="saved")["OptedOutNumbers"] == []


def test_messages_events_and_inbound_are_saved(
    client: Any, sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    sms_voice.set_sandbox(False)
    number = toll_free_number(client, ("SMS",))
    client.send_text_message(
        DestinationPhoneNumber="+12065550100",
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hello",
    )
    sms_voice.receive("+12065550100", number["PhoneNumber"], "STOP")
    saved = (sms_voice.sent_messages, sms_voice.inbound_messages, sms_voice.events())
    numbers = client.describe_phone_numbers()["PhoneNumbers"]
    sms_voice.save_state(tmp_path / "state.json")
    sms_voice.reset()

    sms_voice.load_state(tmp_path / "state.json")

    assert (sms_voice.sent_messages, sms_voice.inbound_messages, sms_voice.events()) == saved
    assert len(saved[0]) == 2  # the send and the STOP's automatic answer
    assert client.describe_phone_numbers()["PhoneNumbers"] == numbers
    # What a number derives itself (its MessagingLimits) is made again, not saved.
    assert "messaging_limits" not in (tmp_path / "state.json").read_text()
    if (
        "MessagingLimits"
        in operation_model("DescribePhoneNumbers")
        .output_shape.members["PhoneNumbers"]
        .member.members
    ):
        assert numbers[0]["MessagingLimits"] == {"RateLimits": {"SMS": 3}}
    opted = client.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert [x["OptedOutNumber"] for x in opted] == ["+12065550100"]


def test_a_file_nested_thousands_deep_is_refused(sms_voice: SmsVoiceMock, tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("[" * 100_000 + "]" * 100_000)

    with pytest.raises(StateFileError, match="nested too deeply"):
        sms_voice.load_state(path)


def test_a_saved_file_is_readable_as_any_new_file(sms_voice: SmsVoiceMock, tmp_path: Path) -> None:
    # A container running as another user reads what a test saved: not mkstemp's 0600.
    path = tmp_path / "state.json"
    umask = os.umask(0o022)
    try:
        sms_voice.save_state(path)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_a_saved_file_keeps_the_mode_of_the_file_it_replaces(
    sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    path = tmp_path / "state.json"
    path.write_text("{}")
    path.chmod(0o600)

    sms_voice.save_state(path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["format"] == "smsmock-state"


def test_saving_into_a_missing_directory_names_the_file(
    sms_voice: SmsVoiceMock, tmp_path: Path
) -> None:
    path = tmp_path / "missing" / "state.json"

    with pytest.raises(StateFileError) as caught:
        sms_voice.save_state(path)

    assert str(caught.value) == f"{path} cannot be written: No such file or directory."
    assert ".smsmock-state" not in str(caught.value)
