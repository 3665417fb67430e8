"""The user guide's "Managing phone numbers" walk-through (seed 003), through the real AWS CLI
driver, in-process, inside the mock.

Where the guide's commands cannot run as printed, the test says how it differs: the request
example names a pool, an opt-out list and a registration (``CO123EX``) that must exist first, so
the pool and the list are made first and the registration is left out (no registration of that
id can exist); ``describe-phone-numbers --phone-number-id`` is ``--phone-number-ids``; release
is a ``pinpoint-sms-voice-v2`` command (the guide prints ``pinpoint-sms-voice``).
"""

from __future__ import annotations

import json
import re
from typing import Any

import phonenumbers
import pytest
from awscli.clidriver import create_clidriver

from smsmock import SmsVoiceMock

SNS_TOPIC = "arn:aws:sns:us-east-1:111122223333:MyTopic"


@pytest.fixture
def aws(
    sms_voice: SmsVoiceMock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Any:
    """``aws(*args)``: run ``aws pinpoint-sms-voice-v2 *args`` and return the parsed JSON."""
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")

    def run(*args: str, expect: int = 0) -> Any:
        capsys.readouterr()
        rc = create_clidriver().main(["pinpoint-sms-voice-v2", *args])
        out = capsys.readouterr()
        assert rc == expect, out.err
        return json.loads(out.out) if out.out.strip() else out.err

    return run


@pytest.mark.slow
def test_the_phone_number_walk_through(aws: Any) -> None:
    # The pool and the opt-out list the request example names.
    aws("create-opt-out-list", "--opt-out-list-name", "optOutListName")
    first = aws(
        "request-phone-number",
        "--iso-country-code", "CA",
        "--message-type", "TRANSACTIONAL",
        "--number-capabilities", "VOICE",
        "--number-type", "LONG_CODE",
        "--opt-out-list-name", "optOutListName",
    )  # fmt: skip
    pool = aws(
        "create-pool",
        "--origination-identity", first["PhoneNumberId"],
        "--iso-country-code", "CA",
        "--message-type", "TRANSACTIONAL",
    )  # fmt: skip

    # To request a phone number.
    number = aws(
        "request-phone-number",
        "--iso-country-code", "CA",
        "--message-type", "TRANSACTIONAL",
        "--number-capabilities", "VOICE",
        "--number-type", "LONG_CODE",
        "--pool-id", pool["PoolId"],
        "--deletion-protection-enabled",
        "--opt-out-list-name", "optOutListName",
    )  # fmt: skip
    assert re.fullmatch(r"phone-[0-9a-f]{32}", number["PhoneNumberId"])
    assert number["PhoneNumberArn"].endswith(":phone-number/" + number["PhoneNumberId"])
    assert number["Status"] == "PENDING"
    assert number["IsoCountryCode"] == "CA"
    assert number["NumberCapabilities"] == ["VOICE"]
    assert number["NumberType"] == "LONG_CODE"
    assert number["MonthlyLeasingPrice"] == "1.00"
    assert number["OptOutListName"] == "optOutListName"
    assert number["DeletionProtectionEnabled"] is True
    assert number["PoolId"] == pool["PoolId"]
    assert isinstance(number["CreatedTimestamp"], float)
    parsed = phonenumbers.parse(number["PhoneNumber"])
    assert phonenumbers.region_code_for_number(parsed) == "CA"

    # Modifying phone number capabilities (a number outside a pool: pooled ones follow the pool).
    single = aws(
        "request-phone-number",
        "--iso-country-code", "CA",
        "--message-type", "TRANSACTIONAL",
        "--number-capabilities", "SMS", "VOICE",
        "--number-type", "LONG_CODE",
    )  # fmt: skip
    updated = aws(
        "update-phone-number",
        "--phone-number-id", single["PhoneNumberId"],
        "--deletion-protection-enabled",
        "--opt-out-list-name", "optOutListName",
        "--self-managed-opt-outs-enabled",
        "--two-way-enabled",
        "--two-way-channel-arn", SNS_TOPIC,
    )  # fmt: skip
    assert updated["Status"] == "ACTIVE"
    assert updated["DeletionProtectionEnabled"] is True
    assert updated["SelfManagedOptOutsEnabled"] is True
    assert updated["TwoWayEnabled"] is True
    assert updated["TwoWayChannelArn"] == SNS_TOPIC
    assert updated["OptOutListName"] == "optOutListName"

    # Listing phone numbers.
    listed = aws("describe-phone-numbers")["PhoneNumbers"]
    assert [n["PhoneNumberId"] for n in listed] == [
        first["PhoneNumberId"],
        number["PhoneNumberId"],
        single["PhoneNumberId"],
    ]
    assert {n["Status"] for n in listed} == {"ACTIVE"}
    one = aws("describe-phone-numbers", "--phone-number-ids", number["PhoneNumberId"])
    assert [n["PhoneNumberId"] for n in one["PhoneNumbers"]] == [number["PhoneNumberId"]]
    sms_only = aws("describe-phone-numbers", "--filters", "Name=number-capability,Values=SMS")
    assert [n["PhoneNumberId"] for n in sms_only["PhoneNumbers"]] == [single["PhoneNumberId"]]
    # Both filters at once, as one --filters option (a repeated option keeps only the last).
    both = aws(
        "describe-phone-numbers",
        "--filters",
        "Name=number-capability,Values=SMS",
        "Name=iso-country-code,Values=CA",
    )
    assert [n["PhoneNumberId"] for n in both["PhoneNumbers"]] == [single["PhoneNumberId"]]

    # Releasing phone numbers: protected ones first have protection turned off.
    refused = aws("release-phone-number", "--phone-number-id", single["PhoneNumberId"], expect=255)
    assert "ConflictException" in refused and "deletion protection" in refused
    aws(
        "update-phone-number",
        "--phone-number-id", single["PhoneNumberId"],
        "--no-deletion-protection-enabled",
    )  # fmt: skip
    released = aws("release-phone-number", "--phone-number-id", single["PhoneNumberArn"])
    assert released["Status"] == "DELETED"
    remaining = aws("describe-phone-numbers")["PhoneNumbers"]
    assert single["PhoneNumberId"] not in [n["PhoneNumberId"] for n in remaining]
