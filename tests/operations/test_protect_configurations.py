"""Protect configurations through boto3: lifecycle, country rule sets, number overrides,
configuration set association, the account default, and their effect on sending."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import (
    enum_values,
    has_operation,
    needs_enum_values,
    needs_operations,
)


def expect_blocked(
    caught: pytest.ExceptionInfo[ClientError],
    config_id: str,
    reason: str = "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION",
) -> None:
    """A send the protect configuration ``config_id`` refused."""
    expect_error(
        caught,
        "ConflictException",
        reason,
        resource_type="protect-configuration",
        resource_id=config_id,
    )


def create(client: Any, **kwargs: Any) -> dict[str, Any]:
    response: dict[str, Any] = client.create_protect_configuration(**kwargs)
    return response


# -- create, describe, update, delete ------------------------------------------------------------


def test_create_returns_the_configuration(client: Any) -> None:
    created = create(client, Tags=[{"Key": "Name", "Value": "otp"}])
    assert created["ProtectConfigurationId"].startswith("protect-")
    assert created["ProtectConfigurationArn"] == (
        f"arn:aws:sms-voice:us-east-1:123456789012:protect-configuration/"
        f"{created['ProtectConfigurationId']}"
    )
    assert created["AccountDefault"] is False
    assert created["DeletionProtectionEnabled"] is False
    assert created["Tags"] == [{"Key": "Name", "Value": "otp"}]
    assert isinstance(created["CreatedTimestamp"], datetime)


def test_create_is_limited_by_the_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("PROTECT_CONFIGURATIONS_PER_ACCOUNT", 1)
    create(client)
    with pytest.raises(ClientError) as exc:
        create(client)
    expect_error(exc, "ServiceQuotaExceededException", "PROTECT_CONFIGURATIONS_PER_ACCOUNT")


def test_create_rejects_reserved_tag_keys(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        create(client, Tags=[{"Key": "aws:name", "Value": "x"}])
    expect_error(
        exc,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"Tags[0].Key": "The aws: prefix is reserved"},
    )


def test_describe_by_id_and_filters(client: Any) -> None:
    first = create(client)["ProtectConfigurationId"]
    second = create(client, DeletionProtectionEnabled=True)["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=first)

    listed = client.describe_protect_configurations()["ProtectConfigurations"]
    assert [c["ProtectConfigurationId"] for c in listed] == [first, second]
    assert listed[0]["AccountDefault"] is True

    by_id = client.describe_protect_configurations(ProtectConfigurationIds=[second])
    assert [c["ProtectConfigurationId"] for c in by_id["ProtectConfigurations"]] == [second]

    protected = client.describe_protect_configurations(
        Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]}]
    )["ProtectConfigurations"]
    assert [c["ProtectConfigurationId"] for c in protected] == [second]
    default = client.describe_protect_configurations(
        Filters=[{"Name": "account-default", "Values": ["true"]}]
    )["ProtectConfigurations"]
    assert [c["ProtectConfigurationId"] for c in default] == [first]


def test_describe_pages(client: Any) -> None:
    ids = [create(client)["ProtectConfigurationId"] for _ in range(3)]
    page = client.describe_protect_configurations(MaxResults=2)
    rest = client.describe_protect_configurations(MaxResults=2, NextToken=page["NextToken"])
    found = [c["ProtectConfigurationId"] for c in page["ProtectConfigurations"]]
    found += [c["ProtectConfigurationId"] for c in rest["ProtectConfigurations"]]
    assert found == ids
    assert "NextToken" not in rest


def test_describe_errors(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.describe_protect_configurations(ProtectConfigurationIds=["protect-missing"])
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="protect-configuration",
        resource_id="protect-missing",
    )
    with pytest.raises(ClientError) as exc:
        client.describe_protect_configurations(
            Filters=[{"Name": "account-default", "Values": ["maybe"]}]
        )
    expect_error(
        exc,
        "ValidationException",
        "INVALID_FILTER_VALUES",
        fields={"Filters[0].Values": "Values must be true or false"},
    )


def test_update_by_arn(client: Any) -> None:
    created = create(client)
    updated = client.update_protect_configuration(
        ProtectConfigurationId=created["ProtectConfigurationArn"], DeletionProtectionEnabled=True
    )
    assert updated["DeletionProtectionEnabled"] is True
    assert updated["ProtectConfigurationId"] == created["ProtectConfigurationId"]


@pytest.mark.parametrize(
    "operation",
    [
        "update_protect_configuration",
        "delete_protect_configuration",
        "get_protect_configuration_country_rule_set",
        "update_protect_configuration_country_rule_set",
        *(
            pytest.param(name, marks=needs_operations(name.title().replace("_", "")))
            for name in (
                "put_protect_configuration_rule_set_number_override",
                "delete_protect_configuration_rule_set_number_override",
                "list_protect_configuration_rule_set_number_overrides",
            )
        ),
        "set_account_default_protect_configuration",
    ],
)
def test_unknown_configuration_is_not_found(client: Any, operation: str) -> None:
    extra: dict[str, dict[str, Any]] = {
        "get_protect_configuration_country_rule_set": {"NumberCapability": "SMS"},
        "update_protect_configuration_country_rule_set": {
            "NumberCapability": "SMS",
            "CountryRuleSetUpdates": {"US": {"ProtectStatus": "BLOCK"}},
        },
        "put_protect_configuration_rule_set_number_override": {
            "DestinationPhoneNumber": "+12065550100",
            "Action": "BLOCK",
        },
        "delete_protect_configuration_rule_set_number_override": {
            "DestinationPhoneNumber": "+12065550100"
        },
    }
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(
            ProtectConfigurationId="protect-nope", **extra.get(operation, {})
        )
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="protect-configuration",
        resource_id="protect-nope",
    )


def test_delete(client: Any) -> None:
    created = create(client)
    deleted = client.delete_protect_configuration(
        ProtectConfigurationId=created["ProtectConfigurationId"]
    )
    assert deleted["ProtectConfigurationArn"] == created["ProtectConfigurationArn"]
    assert client.describe_protect_configurations()["ProtectConfigurations"] == []


def test_delete_refuses_a_protected_configuration(client: Any) -> None:
    config_id = create(client, DeletionProtectionEnabled=True)["ProtectConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.delete_protect_configuration(ProtectConfigurationId=config_id)
    expect_error(
        exc,
        "ConflictException",
        "DELETION_PROTECTION_ENABLED",
        resource_id=config_id,
        resource_type="protect-configuration",
    )


def test_delete_refuses_the_account_default(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=config_id)
    with pytest.raises(ClientError) as exc:
        client.delete_protect_configuration(ProtectConfigurationId=config_id)
    expect_error(
        exc,
        "ConflictException",
        "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT",
        resource_type="protect-configuration",
        resource_id=config_id,
    )
    client.delete_account_default_protect_configuration()
    client.delete_protect_configuration(ProtectConfigurationId=config_id)


def test_delete_refuses_one_associated_with_a_configuration_set(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    client.create_configuration_set(ConfigurationSetName="otp")
    client.associate_protect_configuration(
        ProtectConfigurationId=config_id, ConfigurationSetName="otp"
    )
    with pytest.raises(ClientError) as exc:
        client.delete_protect_configuration(ProtectConfigurationId=config_id)
    expect_error(
        exc,
        "ConflictException",
        "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET",
        resource_type="protect-configuration",
        resource_id=config_id,
    )


def test_tags_by_arn(client: Any) -> None:
    arn = create(client)["ProtectConfigurationArn"]
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "auth"}])
    tags = client.list_tags_for_resource(ResourceArn=arn)["Tags"]
    assert tags == [{"Key": "team", "Value": "auth"}]


# -- country rule sets ---------------------------------------------------------------------------


@pytest.mark.parametrize("capability", ["SMS", "VOICE", "MMS"])
def test_rule_set_starts_all_allow_over_the_real_country_list(client: Any, capability: str) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    rules = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id, NumberCapability=capability
    )
    assert rules["NumberCapability"] == capability
    assert rules["ProtectConfigurationId"] == config_id
    countries = rules["CountryRuleSet"]
    assert {"US", "CA", "GB", "DE", "IN", "BR", "JP", "ZA"} <= set(countries)
    assert 200 < len(countries) <= 300
    assert {r["ProtectStatus"] for r in countries.values()} == {"ALLOW"}


@needs_enum_values("ProtectStatus", "MONITOR", "FILTER")
def test_update_rule_set_applies_to_one_capability(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    updated = client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id,
        NumberCapability="SMS",
        CountryRuleSetUpdates={
            "CA": {"ProtectStatus": "BLOCK"},
            "MX": {"ProtectStatus": "MONITOR"},
            "BR": {"ProtectStatus": "FILTER"},
        },
    )
    assert updated["NumberCapability"] == "SMS"
    assert updated["CountryRuleSet"]["CA"] == {"ProtectStatus": "BLOCK"}
    assert updated["CountryRuleSet"]["MX"] == {"ProtectStatus": "MONITOR"}
    assert updated["CountryRuleSet"]["BR"] == {"ProtectStatus": "FILTER"}
    assert updated["CountryRuleSet"]["US"] == {"ProtectStatus": "ALLOW"}
    voice = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id, NumberCapability="VOICE"
    )
    assert voice["CountryRuleSet"]["CA"] == {"ProtectStatus": "ALLOW"}
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id,
        NumberCapability="SMS",
        CountryRuleSetUpdates={"CA": {"ProtectStatus": "ALLOW"}},
    )
    sms = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id, NumberCapability="SMS"
    )
    assert sms["CountryRuleSet"]["CA"] == {"ProtectStatus": "ALLOW"}
    assert sms["CountryRuleSet"]["MX"] == {"ProtectStatus": "MONITOR"}


def test_rule_set_rejects_unknown_countries_and_rcs(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.update_protect_configuration_country_rule_set(
            ProtectConfigurationId=config_id,
            NumberCapability="SMS",
            CountryRuleSetUpdates={"ZZ": {"ProtectStatus": "BLOCK"}},
        )
    expect_error(
        exc,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"CountryRuleSetUpdates.ZZ": "Not a supported country or region"},
    )
    with pytest.raises(ClientError) as exc:
        client.get_protect_configuration_country_rule_set(
            ProtectConfigurationId=config_id, NumberCapability="RCS"
        )
    if "RCS" in enum_values("NumberCapability"):  # a newer model has RCS: smsmock refuses it
        expect_error(
            exc,
            "ValidationException",
            "INVALID_PARAMETER",
            fields={"NumberCapability": "Valid values are SMS, VOICE, or MMS"},
        )
    else:  # an older model has no RCS at all: its own enum refuses it
        expect_error(
            exc,
            "ValidationException",
            "FIELD_VALIDATION_FAILED",
            fields={"NumberCapability": "Member must satisfy enum value set"},
        )


def test_rule_set_status_must_be_in_the_enum(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.update_protect_configuration_country_rule_set(
            ProtectConfigurationId=config_id,
            NumberCapability="SMS",
            CountryRuleSetUpdates={"US": {"ProtectStatus": "DENY"}},
        )
    expect_error(
        exc,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"CountryRuleSetUpdates[US].ProtectStatus": "Member must satisfy enum value set"},
    )


# -- number overrides ----------------------------------------------------------------------------


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_put_list_and_delete_number_overrides(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    put = client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=config_id, DestinationPhoneNumber="+12065550100", Action="BLOCK"
    )
    assert put["IsoCountryCode"] == "US"
    assert put["Action"] == "BLOCK"
    assert "ExpirationTimestamp" not in put
    client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=config_id, DestinationPhoneNumber="+33612345678", Action="ALLOW"
    )
    listed = client.list_protect_configuration_rule_set_number_overrides(
        ProtectConfigurationId=config_id
    )["RuleSetNumberOverrides"]
    assert [(o["DestinationPhoneNumber"], o["Action"], o["IsoCountryCode"]) for o in listed] == [
        ("+12065550100", "BLOCK", "US"),
        ("+33612345678", "ALLOW", "FR"),
    ]
    # Putting again updates the rule in place.
    again = client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=config_id, DestinationPhoneNumber="+12065550100", Action="ALLOW"
    )
    assert again["Action"] == "ALLOW"
    assert again["CreatedTimestamp"] == put["CreatedTimestamp"]

    deleted = client.delete_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=config_id, DestinationPhoneNumber="+12065550100"
    )
    assert deleted["Action"] == "ALLOW"
    remaining = client.list_protect_configuration_rule_set_number_overrides(
        ProtectConfigurationId=config_id
    )["RuleSetNumberOverrides"]
    assert [o["DestinationPhoneNumber"] for o in remaining] == ["+33612345678"]


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_delete_missing_override_is_not_found(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.delete_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=config_id, DestinationPhoneNumber="+12065550100"
        )
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="protect-configuration",
        resource_id="+12065550100",
    )


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_overrides_expire(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    with freeze_time("2026-01-01T00:00:00Z") as frozen:
        put = client.put_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=config_id,
            DestinationPhoneNumber="+12065550100",
            Action="BLOCK",
            ExpirationTimestamp=datetime(2026, 1, 2, tzinfo=timezone.utc),
        )
        assert put["ExpirationTimestamp"] == datetime(2026, 1, 2, tzinfo=timezone.utc)
        listed = client.list_protect_configuration_rule_set_number_overrides(
            ProtectConfigurationId=config_id
        )["RuleSetNumberOverrides"]
        assert len(listed) == 1
        frozen.tick(timedelta(days=2))
        listed = client.list_protect_configuration_rule_set_number_overrides(
            ProtectConfigurationId=config_id
        )["RuleSetNumberOverrides"]
        assert listed == []


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_override_expiry_must_be_in_the_future(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    with freeze_time("2026-01-01T00:00:00Z"), pytest.raises(ClientError) as exc:
        client.put_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=config_id,
            DestinationPhoneNumber="+12065550100",
            Action="BLOCK",
            ExpirationTimestamp=datetime(2025, 12, 31, tzinfo=timezone.utc),
        )
    expect_error(
        exc,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"ExpirationTimestamp": "Must be a time in the future"},
    )


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_list_overrides_filters(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    with freeze_time("2026-01-01T00:00:00Z"):
        for number, action, expires in [
            ("+12065550100", "BLOCK", datetime(2026, 2, 1, tzinfo=timezone.utc)),
            ("+12065550101", "ALLOW", None),
            ("+447700900123", "BLOCK", datetime(2026, 6, 1, tzinfo=timezone.utc)),
        ]:
            kwargs: dict[str, Any] = {"ExpirationTimestamp": expires} if expires else {}
            client.put_protect_configuration_rule_set_number_override(
                ProtectConfigurationId=config_id,
                DestinationPhoneNumber=number,
                Action=action,
                **kwargs,
            )

        def numbers(*filters: dict[str, Any]) -> list[str]:
            found = client.list_protect_configuration_rule_set_number_overrides(
                ProtectConfigurationId=config_id, Filters=list(filters)
            )["RuleSetNumberOverrides"]
            return [o["DestinationPhoneNumber"] for o in found]

        assert numbers({"Name": "action", "Values": ["BLOCK"]}) == ["+12065550100", "+447700900123"]
        assert numbers({"Name": "iso-country-code", "Values": ["GB"]}) == ["+447700900123"]
        assert numbers({"Name": "destination-phone-number-begins-with", "Values": ["+1206"]}) == [
            "+12065550100",
            "+12065550101",
        ]
        assert numbers({"Name": "expires-before", "Values": ["2026-03-01T00:00:00Z"]}) == [
            "+12065550100"
        ]
        march = str(datetime(2026, 3, 1, tzinfo=timezone.utc).timestamp())
        assert numbers({"Name": "expires-after", "Values": [march]}) == [
            "+12065550101",
            "+447700900123",
        ]
        assert numbers({"Name": "created-after", "Values": ["2025-12-31T00:00:00Z"]}) == [
            "+12065550100",
            "+12065550101",
            "+447700900123",
        ]
        assert numbers({"Name": "created-before", "Values": ["2025-12-31T00:00:00Z"]}) == []
        with pytest.raises(ClientError) as exc:
            numbers({"Name": "created-before", "Values": ["yesterday"]})
        expect_error(
            exc,
            "ValidationException",
            "INVALID_FILTER_VALUES",
            fields={"Filters[0].Values": "Values must be epoch seconds or ISO 8601 timestamps"},
        )


# -- configuration sets and the account default --------------------------------------------------


def test_associate_and_disassociate(client: Any) -> None:
    first = create(client)
    second = create(client)
    config_set = client.create_configuration_set(ConfigurationSetName="otp")
    associated = client.associate_protect_configuration(
        ProtectConfigurationId=first["ProtectConfigurationId"], ConfigurationSetName="otp"
    )
    assert associated["ConfigurationSetName"] == "otp"
    assert associated["ConfigurationSetArn"] == config_set["ConfigurationSetArn"]
    assert associated["ProtectConfigurationArn"] == first["ProtectConfigurationArn"]
    # Associating another replaces the first.
    client.associate_protect_configuration(
        ProtectConfigurationId=second["ProtectConfigurationArn"],
        ConfigurationSetName=config_set["ConfigurationSetArn"],
    )
    described = client.describe_configuration_sets(ConfigurationSetNames=["otp"])
    assert (
        described["ConfigurationSets"][0]["ProtectConfigurationId"]
        == (second["ProtectConfigurationId"])
    )
    client.delete_protect_configuration(ProtectConfigurationId=first["ProtectConfigurationId"])

    with pytest.raises(ClientError) as exc:
        client.associate_protect_configuration(
            ProtectConfigurationId=second["ProtectConfigurationId"], ConfigurationSetName="otp"
        )
    expect_error(
        exc,
        "ConflictException",
        "RESOURCE_ALREADY_ASSOCIATED",
        resource_type="protect-configuration",
        resource_id=second["ProtectConfigurationId"],
    )

    disassociated = client.disassociate_protect_configuration(
        ProtectConfigurationId=second["ProtectConfigurationId"], ConfigurationSetName="otp"
    )
    assert disassociated["ProtectConfigurationId"] == second["ProtectConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.disassociate_protect_configuration(
            ProtectConfigurationId=second["ProtectConfigurationId"], ConfigurationSetName="otp"
        )
    expect_error(
        exc,
        "ConflictException",
        "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET",
        resource_type="protect-configuration",
        resource_id=second["ProtectConfigurationId"],
    )


@pytest.mark.parametrize(
    "operation", ["associate_protect_configuration", "disassociate_protect_configuration"]
)
def test_association_needs_both_resources(client: Any, operation: str) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(ProtectConfigurationId=config_id, ConfigurationSetName="nope")
    expect_error(
        exc, "ResourceNotFoundException", resource_type="configuration-set", resource_id="nope"
    )
    client.create_configuration_set(ConfigurationSetName="cs")
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(ProtectConfigurationId="protect-nope", ConfigurationSetName="cs")
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="protect-configuration",
        resource_id="protect-nope",
    )


def test_account_default_is_replaced_and_removed(client: Any) -> None:
    first = create(client)
    second = create(client)
    result = client.set_account_default_protect_configuration(
        ProtectConfigurationId=first["ProtectConfigurationArn"]
    )
    assert result["DefaultProtectConfigurationId"] == first["ProtectConfigurationId"]
    assert result["DefaultProtectConfigurationArn"] == first["ProtectConfigurationArn"]
    client.set_account_default_protect_configuration(
        ProtectConfigurationId=second["ProtectConfigurationId"]
    )
    flags = {
        c["ProtectConfigurationId"]: c["AccountDefault"]
        for c in client.describe_protect_configurations()["ProtectConfigurations"]
    }
    assert flags == {first["ProtectConfigurationId"]: False, second["ProtectConfigurationId"]: True}
    removed = client.delete_account_default_protect_configuration()
    assert removed["DefaultProtectConfigurationId"] == second["ProtectConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.delete_account_default_protect_configuration()
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="protect-configuration",
        resource_id="account-default",
    )


def test_configurations_are_per_region(sms_voice: SmsVoiceMock) -> None:
    import boto3

    east = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
    create(east)
    assert west.describe_protect_configurations()["ProtectConfigurations"] == []


# -- sending honours them (end to end) -----------------------------------------------------------


def sender(client: Any) -> str:
    phone_number: str = toll_free_number(client, ("SMS", "VOICE"))["PhoneNumber"]
    return phone_number


def send(client: Any, origin: str, destination: str, **kwargs: Any) -> dict[str, Any]:
    response: dict[str, Any] = client.send_text_message(
        DestinationPhoneNumber=destination,
        OriginationIdentity=origin,
        MessageBody="Your code is 123456",
        **kwargs,
    )
    return response


def test_protect_configuration_blocks_a_send_end_to_end(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    origin = sender(client)
    config_id = create(client)["ProtectConfigurationId"]
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id,
        NumberCapability="SMS",
        CountryRuleSetUpdates={"US": {"ProtectStatus": "BLOCK"}},
    )
    # Not in force until named, associated or made the account default.
    send(client, origin, "+14155552671")
    with pytest.raises(ClientError) as exc:
        send(client, origin, "+14155552671", ProtectConfigurationId=config_id)
    expect_error(
        exc,
        "ConflictException",
        "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION",
        resource_id=config_id,
        resource_type="protect-configuration",
    )

    if has_operation("PutProtectConfigurationRuleSetNumberOverride"):
        # An ALLOW override lets one number of the blocked country through.
        client.put_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=config_id, DestinationPhoneNumber="+14155552672", Action="ALLOW"
        )
        send(client, origin, "+14155552672", ProtectConfigurationId=config_id)

    # Through a configuration set.
    client.create_configuration_set(ConfigurationSetName="otp")
    client.associate_protect_configuration(
        ProtectConfigurationId=config_id, ConfigurationSetName="otp"
    )
    with pytest.raises(ClientError) as exc:
        send(client, origin, "+14155552671", ConfigurationSetName="otp")
    expect_blocked(exc, config_id)

    # As the account default, when the request names none.
    client.set_account_default_protect_configuration(ProtectConfigurationId=config_id)
    with pytest.raises(ClientError) as exc:
        send(client, origin, "+14155552671")
    expect_blocked(exc, config_id)
    client.delete_account_default_protect_configuration()
    send(client, origin, "+14155552671")

    blocked = [m for m in sms_voice.sent_messages if m.destination_phone_number == "+14155552671"]
    assert len(blocked) == 2  # the two sends before and after protection


@pytest.mark.parametrize(
    "status",
    [
        pytest.param("MONITOR", marks=needs_enum_values("ProtectStatus", "MONITOR")),
        pytest.param("FILTER", marks=needs_enum_values("ProtectStatus", "FILTER")),
        "ALLOW",
    ],
)
def test_monitor_and_filter_let_messages_through(client: Any, status: str) -> None:
    origin = sender(client)
    config_id = create(client)["ProtectConfigurationId"]
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id,
        NumberCapability="SMS",
        CountryRuleSetUpdates={"US": {"ProtectStatus": status}},
    )
    assert send(client, origin, "+14155552671", ProtectConfigurationId=config_id)["MessageId"]


@needs_operations("PutProtectConfigurationRuleSetNumberOverride")
def test_number_override_blocks_a_send_until_it_expires(client: Any) -> None:
    origin = sender(client)
    config_id = create(client)["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=config_id)
    with freeze_time("2026-01-01T00:00:00Z") as frozen:
        client.put_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=config_id,
            DestinationPhoneNumber="+14155552671",
            Action="BLOCK",
            ExpirationTimestamp=datetime(2026, 1, 1, 1, tzinfo=timezone.utc),
        )
        with pytest.raises(ClientError) as exc:
            send(client, origin, "+14155552671")
        expect_blocked(
            exc, config_id, "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE"
        )
        send(client, origin, "+14155552672")  # another number of the same country
        frozen.tick(timedelta(hours=2))
        send(client, origin, "+14155552671")


def test_rules_are_per_capability_for_voice(client: Any) -> None:
    origin = sender(client)
    config_id = create(client)["ProtectConfigurationId"]
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=config_id,
        NumberCapability="VOICE",
        CountryRuleSetUpdates={"US": {"ProtectStatus": "BLOCK"}},
    )
    send(client, origin, "+14155552671", ProtectConfigurationId=config_id)
    with pytest.raises(ClientError) as exc:
        client.send_voice_message(
            DestinationPhoneNumber="+14155552671",
            OriginationIdentity=origin,
            MessageBody="Your code is 1 2 3 4",
            ProtectConfigurationId=config_id,
        )
    expect_blocked(exc, config_id)


def test_send_naming_an_unknown_protect_configuration(client: Any) -> None:
    origin = sender(client)
    with pytest.raises(ClientError) as exc:
        send(client, origin, "+14155552671", ProtectConfigurationId="protect-nope")
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="protect-configuration",
        resource_id="protect-nope",
    )


def test_account_attributes_report_the_default(client: Any) -> None:
    config_id = create(client)["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=config_id)
    attributes = {
        a["Name"]: a["Value"] for a in client.describe_account_attributes()["AccountAttributes"]
    }
    assert attributes["DEFAULT_PROTECT_CONFIGURATION_ID"] == config_id
