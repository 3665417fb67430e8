"""Configuration sets, event destinations and their defaults, through boto3."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.installed_model import enum_values, has_member, has_operation, needs_operations

SNS = {"SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"}}
LOGS = {
    "CloudWatchLogsDestination": {
        "IamRoleArn": "arn:aws:iam::123456789012:role/logs",
        "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:sms",
    }
}


def test_create_describe_delete(client: Any) -> None:
    created = client.create_configuration_set(
        ConfigurationSetName="alerts", Tags=[{"Key": "team", "Value": "ops"}]
    )
    assert created["ConfigurationSetName"] == "alerts"
    assert created["ConfigurationSetArn"] == (
        "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/alerts"
    )
    assert created["Tags"] == [{"Key": "team", "Value": "ops"}]
    assert "CreatedTimestamp" in created

    described = client.describe_configuration_sets()["ConfigurationSets"]
    assert [c["ConfigurationSetName"] for c in described] == ["alerts"]
    assert described[0]["EventDestinations"] == []
    if has_member("ConfigurationSetInformation", "DefaultMessageFeedbackEnabled"):
        assert described[0]["DefaultMessageFeedbackEnabled"] is False

    by_arn = client.describe_configuration_sets(
        ConfigurationSetNames=[created["ConfigurationSetArn"]]
    )
    assert by_arn["ConfigurationSets"][0]["ConfigurationSetName"] == "alerts"

    deleted = client.delete_configuration_set(ConfigurationSetName=created["ConfigurationSetArn"])
    assert deleted["ConfigurationSetName"] == "alerts"
    assert client.describe_configuration_sets()["ConfigurationSets"] == []


def test_create_twice_conflicts(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="alerts")
    with pytest.raises(ClientError) as exc:
        client.create_configuration_set(ConfigurationSetName="alerts")
    expect_error(
        exc,
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        resource_type="configuration-set",
        resource_id="alerts",
    )


def test_quota(client: Any, sms_voice: Any) -> None:
    sms_voice.set_quota("CONFIGURATION_SETS_PER_ACCOUNT", 1)
    client.create_configuration_set(ConfigurationSetName="one")
    with pytest.raises(ClientError) as exc:
        client.create_configuration_set(ConfigurationSetName="two")
    expect_error(exc, "ServiceQuotaExceededException", "CONFIGURATION_SETS_PER_ACCOUNT")


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.describe_configuration_sets(ConfigurationSetNames=["nope"]),
        lambda c: c.delete_configuration_set(ConfigurationSetName="nope"),
        lambda c: c.create_event_destination(
            ConfigurationSetName="nope",
            EventDestinationName="d",
            MatchingEventTypes=["ALL"],
            **SNS,
        ),
        lambda c: c.update_event_destination(ConfigurationSetName="nope", EventDestinationName="d"),
        lambda c: c.delete_event_destination(ConfigurationSetName="nope", EventDestinationName="d"),
        lambda c: c.set_default_sender_id(ConfigurationSetName="nope", SenderId="ACME"),
        lambda c: c.delete_default_sender_id(ConfigurationSetName="nope"),
        lambda c: c.set_default_message_type(
            ConfigurationSetName="nope", MessageType="TRANSACTIONAL"
        ),
        lambda c: c.delete_default_message_type(ConfigurationSetName="nope"),
        pytest.param(
            lambda c: c.set_default_message_feedback_enabled(
                ConfigurationSetName="nope", MessageFeedbackEnabled=True
            ),
            marks=needs_operations("SetDefaultMessageFeedbackEnabled"),
        ),
    ],
)
def test_unknown_configuration_set(client: Any, call: Any) -> None:
    with pytest.raises(ClientError) as exc:
        call(client)
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="configuration-set",
        resource_id="nope",
    )


def test_validation_of_names(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.create_configuration_set(ConfigurationSetName="bad name!")
    expect_error(
        exc,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={
            "ConfigurationSetName": "Member must satisfy regular expression pattern: [A-Za-z0-9_-]+"
        },
    )


def test_event_destinations(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="alerts")
    created = client.create_event_destination(
        ConfigurationSetName="alerts",
        EventDestinationName="to-sns",
        MatchingEventTypes=["TEXT_DELIVERED", "TEXT_BLOCKED"],
        **SNS,
    )
    assert created["EventDestination"] == {
        "EventDestinationName": "to-sns",
        "Enabled": True,
        "MatchingEventTypes": ["TEXT_DELIVERED", "TEXT_BLOCKED"],
        **SNS,
    }
    updated = client.update_event_destination(
        ConfigurationSetName="alerts",
        EventDestinationName="to-sns",
        Enabled=False,
        MatchingEventTypes=["ALL"],
    )
    assert updated["EventDestination"]["Enabled"] is False
    assert updated["EventDestination"]["MatchingEventTypes"] == ["ALL"]
    described = client.describe_configuration_sets()["ConfigurationSets"][0]
    assert described["EventDestinations"][0]["Enabled"] is False

    deleted = client.delete_event_destination(
        ConfigurationSetName="alerts", EventDestinationName="to-sns"
    )
    assert deleted["EventDestination"]["EventDestinationName"] == "to-sns"
    described = client.describe_configuration_sets()["ConfigurationSets"][0]
    assert described["EventDestinations"] == []


def test_event_destination_errors(client: Any, sms_voice: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="alerts")
    base = {"ConfigurationSetName": "alerts", "MatchingEventTypes": ["ALL"]}
    client.create_event_destination(EventDestinationName="d", **base, **SNS)

    with pytest.raises(ClientError) as exc:
        client.create_event_destination(EventDestinationName="d", **base, **SNS)
    expect_error(
        exc,
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        resource_type="event-destination",
        resource_id="d",
    )

    with pytest.raises(ClientError) as exc:
        client.create_event_destination(EventDestinationName="none", **base)
    expect_error(
        exc,
        "ValidationException",
        "MISSING_PARAMETER",
        fields={
            "CloudWatchLogsDestination": "One destination is required",
            "KinesisFirehoseDestination": "One destination is required",
            "SnsDestination": "One destination is required",
        },
    )

    with pytest.raises(ClientError) as exc:
        client.create_event_destination(EventDestinationName="two", **base, **SNS, **LOGS)
    expect_error(
        exc,
        "ValidationException",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        fields={
            "CloudWatchLogsDestination": "Only one destination may be given",
            "SnsDestination": "Only one destination may be given",
        },
    )

    with pytest.raises(ClientError) as exc:
        client.update_event_destination(
            ConfigurationSetName="alerts", EventDestinationName="d", **LOGS
        )
    expect_error(
        exc,
        "ConflictException",
        "EVENT_DESTINATION_MISMATCH",
        resource_type="event-destination",
        resource_id="d",
    )

    for call in (client.update_event_destination, client.delete_event_destination):
        with pytest.raises(ClientError) as exc:
            call(ConfigurationSetName="alerts", EventDestinationName="missing")
        expect_error(
            exc,
            "ResourceNotFoundException",
            resource_type="event-destination",
            resource_id="missing",
        )

    sms_voice.set_quota("EVENT_DESTINATIONS_PER_CONFIGURATION_SET", 1)
    with pytest.raises(ClientError) as exc:
        client.create_event_destination(EventDestinationName="more", **base, **SNS)
    expect_error(exc, "ServiceQuotaExceededException", "EVENT_DESTINATIONS_PER_CONFIGURATION_SET")


def test_defaults(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="alerts")
    assert (
        client.set_default_sender_id(ConfigurationSetName="alerts", SenderId="ACME")["SenderId"]
        == "ACME"
    )
    assert (
        client.set_default_message_type(ConfigurationSetName="alerts", MessageType="PROMOTIONAL")[
            "MessageType"
        ]
        == "PROMOTIONAL"
    )
    feedback = has_operation("SetDefaultMessageFeedbackEnabled")
    if feedback:
        assert client.set_default_message_feedback_enabled(
            ConfigurationSetName="alerts", MessageFeedbackEnabled=True
        )["MessageFeedbackEnabled"]
    described = client.describe_configuration_sets()["ConfigurationSets"][0]
    assert described["DefaultSenderId"] == "ACME"
    assert described["DefaultMessageType"] == "PROMOTIONAL"
    if feedback:
        assert described["DefaultMessageFeedbackEnabled"] is True

    assert client.delete_default_sender_id(ConfigurationSetName="alerts")["SenderId"] == "ACME"
    assert (
        client.delete_default_message_type(ConfigurationSetName="alerts")["MessageType"]
        == "PROMOTIONAL"
    )
    described = client.describe_configuration_sets()["ConfigurationSets"][0]
    assert "DefaultSenderId" not in described
    assert "DefaultMessageType" not in described


def test_filters_and_paging(client: Any) -> None:
    for name in ("a", "b", "c"):
        client.create_configuration_set(ConfigurationSetName=name)
    client.set_default_message_type(ConfigurationSetName="b", MessageType="TRANSACTIONAL")
    client.create_event_destination(
        ConfigurationSetName="c",
        EventDestinationName="logs",
        MatchingEventTypes=["TEXT_ALL"],
        **LOGS,
    )

    def names(**kwargs: Any) -> list[str]:
        sets = client.describe_configuration_sets(**kwargs)["ConfigurationSets"]
        return [c["ConfigurationSetName"] for c in sets]

    assert names(Filters=[{"Name": "default-message-type", "Values": ["TRANSACTIONAL"]}]) == ["b"]
    assert names(Filters=[{"Name": "event-destination-name", "Values": ["logs"]}]) == ["c"]
    assert names(Filters=[{"Name": "matching-event-types", "Values": ["TEXT_ALL"]}]) == ["c"]
    if "default-message-feedback-enabled" in enum_values("ConfigurationSetFilterName"):
        feedback_off = [{"Name": "default-message-feedback-enabled", "Values": ["false"]}]
        assert names(Filters=feedback_off) == ["a", "b", "c"]
    first = client.describe_configuration_sets(MaxResults=2)
    assert len(first["ConfigurationSets"]) == 2
    rest = client.describe_configuration_sets(MaxResults=2, NextToken=first["NextToken"])
    assert [c["ConfigurationSetName"] for c in rest["ConfigurationSets"]] == ["c"]
    with pytest.raises(ClientError) as exc:
        client.describe_configuration_sets(Filters=[{"Name": "nope", "Values": ["x"]}])
    expect_error(
        exc,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"Filters[0].Name": "Member must satisfy enum value set"},
    )
