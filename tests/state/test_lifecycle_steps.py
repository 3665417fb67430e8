"""How records move through their statuses: every step that is due is taken at the time it fell
due (a registration's status history says when), timed steps count from a step taken by hand,
the ``immediate`` mode settles at the read, ``after`` 0 seconds is immediate, and ``advance``
finds a record by id, ARN or number and refuses one with no next status."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from smsmock.faces.state_file import StateFileError
from tests.helpers import pool_of_new_number, toll_free_number
from tests.registration_data import BRAND, new_registration, put_values, registration_status

START = datetime(2026, 4, 1, 9, 0, tzinfo=timezone.utc)


def submitted_brand(client: Any) -> str:
    """A US 10DLC brand registration, filled and submitted."""
    brand = new_registration(client, "US_TEN_DLC_BRAND_REGISTRATION")
    put_values(client, brand, BRAND)
    client.submit_registration_version(RegistrationId=brand)
    return brand


def status_history(client: Any, registration_id: str) -> dict[str, datetime]:
    versions = client.describe_registration_versions(RegistrationId=registration_id)
    history: dict[str, datetime] = versions["RegistrationVersions"][0][
        "RegistrationVersionStatusHistory"
    ]
    return history


def pool_status(client: Any, pool_id: str) -> str:
    return str(client.describe_pools(PoolIds=[pool_id])["Pools"][0]["Status"])


# -- steps taken by the clock ----------------------------------------------------------------


def test_a_clock_jump_takes_every_due_step_each_at_its_own_time(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_lifecycle("registration", "after", seconds=3600)
    with freeze_time(START) as clock:
        brand = submitted_brand(client)
        clock.tick(timedelta(hours=2, minutes=30))
        assert registration_status(client, brand) == "COMPLETE"
        history = status_history(client, brand)
    assert history["SubmittedTimestamp"] == START
    assert history["ReviewingTimestamp"] == START + timedelta(hours=1)
    assert history["ApprovedTimestamp"] == START + timedelta(hours=2)


def test_a_step_not_yet_due_is_not_taken(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration", "after", seconds=1)
    with freeze_time(START) as clock:
        brand = submitted_brand(client)
        clock.tick(timedelta(seconds=1.5))
        assert registration_status(client, brand) == "REVIEWING"
        history = status_history(client, brand)
        assert history["ReviewingTimestamp"] == START + timedelta(seconds=1)
        assert "ApprovedTimestamp" not in history
        clock.tick(timedelta(seconds=0.5))
        assert registration_status(client, brand) == "COMPLETE"
    assert status_history(client, brand)["ApprovedTimestamp"] == START + timedelta(seconds=2)


def test_the_immediate_mode_settles_at_the_first_read(client: Any) -> None:
    with freeze_time(START) as clock:
        brand = submitted_brand(client)
        clock.tick(timedelta(minutes=5))
        assert registration_status(client, brand) == "COMPLETE"
        history = status_history(client, brand)
    assert history["SubmittedTimestamp"] == START
    assert history["ReviewingTimestamp"] == START + timedelta(minutes=5)
    assert history["ApprovedTimestamp"] == START + timedelta(minutes=5)


@pytest.mark.parametrize(
    ("mode", "seconds"),
    [("after", 0), ("immediate", 0), ("immediate", 30)],
    ids=["after-0-seconds", "immediate", "immediate-ignores-seconds"],
)
def test_modes_that_settle_at_once(
    client: Any, sms_voice: SmsVoiceMock, mode: Any, seconds: float
) -> None:
    sms_voice.set_lifecycle("pool", mode, seconds=seconds)
    with freeze_time(START):
        pool = pool_of_new_number(client)
        assert pool["Status"] == "CREATING"
        assert pool_status(client, pool["PoolId"]) == "ACTIVE"


def test_a_saved_negative_step_time_is_refused(sms_voice: SmsVoiceMock, tmp_path: Path) -> None:
    sms_voice.set_lifecycle("pool", "after", 30)
    path = tmp_path / "state.json"
    sms_voice.save_state(path)
    data = json.loads(path.read_text())
    data["world"]["lifecycle"]["modes"]["pool"]["seconds"] = -5.0
    path.write_text(json.dumps(data))
    sms_voice.set_lifecycle("pool", "manual")
    with pytest.raises(StateFileError, match=r"\bseconds must not be negative\b"):
        sms_voice.load_state(path)


# -- advance -------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["PoolId", "PoolArn"])
def test_advance_finds_the_record_by_id_or_arn(
    client: Any, sms_voice: SmsVoiceMock, ref: str
) -> None:
    sms_voice.set_lifecycle("pool", "manual")
    pool = pool_of_new_number(client)
    sms_voice.advance("pool", pool[ref])
    assert pool_status(client, pool["PoolId"]) == "ACTIVE"


def test_advance_finds_a_phone_number_by_its_number(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("phone-number", "manual")
    number = toll_free_number(client, ("SMS",), handle=sms_voice)
    assert number["Status"] == "PENDING"
    sms_voice.advance("phone-number", number["PhoneNumber"])
    found = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    assert found["PhoneNumbers"][0]["Status"] == "ACTIVE"


def test_advance_takes_the_step_an_unread_record_waits_for(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # Immediate mode: the pool is CREATING until something reads it; advance takes that step.
    pool = pool_of_new_number(client)
    sms_voice.advance("pool", pool["PoolId"])
    assert pool_status(client, pool["PoolId"]) == "ACTIVE"


def test_advance_refuses_a_record_with_no_next_status(client: Any, sms_voice: SmsVoiceMock) -> None:
    pool_id = pool_of_new_number(client)["PoolId"]
    assert pool_status(client, pool_id) == "ACTIVE"
    expected = f"pool {pool_id} in ACTIVE has no next status"
    with pytest.raises(ValueError, match=re.escape(expected)):
        sms_voice.advance("pool", pool_id)
    assert pool_status(client, pool_id) == "ACTIVE"


def test_timed_steps_count_from_a_step_taken_by_hand(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration", "manual")
    with freeze_time(START) as clock:
        brand = submitted_brand(client)
        clock.tick(timedelta(minutes=10))
        sms_voice.advance("registration", brand)
        sms_voice.set_lifecycle("registration", "after", seconds=60)
        clock.tick(timedelta(seconds=59))
        assert registration_status(client, brand) == "REVIEWING"
        clock.tick(timedelta(seconds=1))
        assert registration_status(client, brand) == "COMPLETE"
        history = status_history(client, brand)
    assert history["ReviewingTimestamp"] == START + timedelta(minutes=10)
    assert history["ApprovedTimestamp"] == START + timedelta(minutes=11)
