"""Spend limits, account attributes and account limits, through boto3."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error

CHANNELS = ["text", "voice", "media", "rcs"]


def limits(client: Any) -> dict[str, dict[str, Any]]:
    return {s["Name"]: s for s in client.describe_spend_limits()["SpendLimits"]}


def test_new_account_spend_limits(client: Any) -> None:
    found = limits(client)
    assert set(found) == {
        "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
        "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT",
        "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT",
        "NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT",
        "RCS_MESSAGE_MONTHLY_SPEND_LIMIT",
    } & set(client.meta.service_model.shape_for("SpendLimitName").enum)
    text = found["TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"]
    assert text == {
        "Name": "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
        "EnforcedLimit": 1,
        "MaxLimit": 1,
        "Overridden": False,
    }


def test_an_older_model_without_the_rcs_limit_does_not_list_it(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smsmock.operations import account

    older = frozenset(account.SPEND_LIMITS.values()) - {"RCS_MESSAGE_MONTHLY_SPEND_LIMIT"}
    monkeypatch.setattr(account, "_spend_limit_names", lambda: older)
    assert set(limits(client)) == older


@pytest.mark.parametrize("channel", CHANNELS)
def test_override_within_and_above_the_max(client: Any, sms_voice: Any, channel: str) -> None:
    name = f"{channel.upper()}_MESSAGE_MONTHLY_SPEND_LIMIT"
    if not hasattr(client, f"set_{channel}_message_spend_limit_override"):
        pytest.skip(f"the installed botocore model has no {name}")
    set_override = getattr(client, f"set_{channel}_message_spend_limit_override")
    delete_override = getattr(client, f"delete_{channel}_message_spend_limit_override")

    with pytest.raises(ClientError) as exc:
        set_override(MonthlyLimit=5)
    expect_error(
        exc,
        "ValidationException",
        "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
        message=f"limit 5 is higher than the service limit 1 for {name}",
        fields={"MonthlyLimit": "less than or equal to 1"},
    )

    sms_voice.set_quota(name, 100)  # AWS raised the account's maximum
    assert set_override(MonthlyLimit=5)["MonthlyLimit"] == 5
    assert limits(client)[name] == {
        "Name": name,
        "EnforcedLimit": 5,
        "MaxLimit": 100,
        "Overridden": True,
    }
    assert delete_override()["MonthlyLimit"] == 5
    assert limits(client)[name]["EnforcedLimit"] == 100
    assert limits(client)[name]["Overridden"] is False


def test_override_validation(sms_voice: Any) -> None:
    import boto3
    from botocore.config import Config

    # botocore checks the range itself; the mock checks it too, for clients that do not.
    unchecked = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        config=Config(parameter_validation=False),
    )
    with pytest.raises(ClientError) as exc:
        unchecked.set_text_message_spend_limit_override(MonthlyLimit=-1)
    expect_error(
        exc,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"MonthlyLimit": "Member must have value greater than or equal to 0"},
    )


def test_spend_limits_are_per_region(client: Any, sms_voice: Any) -> None:
    import boto3

    client.set_text_message_spend_limit_override(MonthlyLimit=0)
    west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
    assert limits(west)["TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"]["EnforcedLimit"] == 1


def test_account_attributes(client: Any, sms_voice: Any) -> None:
    assert client.describe_account_attributes()["AccountAttributes"] == [
        {"Name": "ACCOUNT_TIER", "Value": "PRODUCTION"}
    ]
    sms_voice.set_sandbox(True)
    assert client.describe_account_attributes()["AccountAttributes"][0]["Value"] == "SANDBOXED"
    sms_voice.set_sandbox(False)
    assert client.describe_account_attributes()["AccountAttributes"][0]["Value"] == "PRODUCTION"


def test_account_attributes_name_the_default_protect_configuration(client: Any) -> None:
    config = client.create_protect_configuration()
    client.set_account_default_protect_configuration(
        ProtectConfigurationId=config["ProtectConfigurationId"]
    )
    attributes = client.describe_account_attributes()["AccountAttributes"]
    assert {
        "Name": "DEFAULT_PROTECT_CONFIGURATION_ID",
        "Value": config["ProtectConfigurationId"],
    } in attributes
    first = client.describe_account_attributes(MaxResults=1)
    rest = client.describe_account_attributes(NextToken=first["NextToken"])
    assert first["AccountAttributes"] + rest["AccountAttributes"] == attributes


def test_account_limits(client: Any, sms_voice: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_verified_destination_number(DestinationPhoneNumber="+12065550100")
    sms_voice.set_quota("POOLS_PER_ACCOUNT", 7)
    found = {a["Name"]: a for a in client.describe_account_limits()["AccountLimits"]}
    assert set(found) == {
        "PHONE_NUMBERS",
        "POOLS",
        "CONFIGURATION_SETS",
        "OPT_OUT_LISTS",
        "SENDER_IDS",
        "REGISTRATIONS",
        "REGISTRATION_ATTACHMENTS",
        "VERIFIED_DESTINATION_NUMBERS",
    }
    assert found["CONFIGURATION_SETS"] == {"Name": "CONFIGURATION_SETS", "Used": 1, "Max": 25}
    assert found["OPT_OUT_LISTS"]["Used"] == 1  # the Default list
    assert found["VERIFIED_DESTINATION_NUMBERS"] == {
        "Name": "VERIFIED_DESTINATION_NUMBERS",
        "Used": 1,
        "Max": 10,
    }
    assert found["POOLS"] == {"Name": "POOLS", "Used": 0, "Max": 7}


@pytest.mark.parametrize(
    "operation",
    ["describe_spend_limits", "describe_account_limits"],
)
def test_paging(client: Any, operation: str) -> None:
    first = getattr(client, operation)(MaxResults=1)
    assert "NextToken" in first
    rest = getattr(client, operation)(NextToken=first["NextToken"])
    assert "NextToken" not in rest
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(NextToken="not-a-token")
    expect_error(
        exc, "ValidationException", "INVALID_NEXT_TOKEN", fields={"NextToken": "Invalid next token"}
    )
