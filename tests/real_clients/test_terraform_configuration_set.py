"""The Terraform AWS provider's opt-out list, configuration set and event destination
resources, against the mock.

Sources: hashicorp/terraform-provider-aws, ``internal/service/pinpointsmsvoicev2/``
``opt_out_list.go``, ``configuration_set.go`` and ``event_destination.go`` (the resource
``aws_pinpointsmsvoicev2_configuration_set_event_destination``). The facts carried over:
creation with a ClientToken and tags; a read is the Describe call with one name, where
``ResourceNotFoundException`` means gone; a configuration set's defaults are changed with
Set/DeleteDefaultSenderId and Set/DeleteDefaultMessageType (any sender ID of 1 to 11 letters,
digits, ``_`` or ``-``); an event destination is created enabled (CreateEventDestination has no
``Enabled``; the provider disables it with UpdateEventDestination), read back from
DescribeConfigurationSets, a change of sink type is ``ConflictException``
``EVENT_DESTINATION_MISMATCH``, and deletes take ``ResourceNotFoundException`` as done.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.real_clients.state_change import not_found, read_single, reason

TOPIC = {"TopicArn": "arn:aws:sns:us-east-1:123456789012:sms-events"}
LOGS = {
    "IamRoleArn": "arn:aws:iam::123456789012:role/sms-events",
    "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:sms-events",
}


def read_configuration_set(client: Any, name: str) -> dict[str, Any] | None:
    """``findConfigurationSetByID``."""
    return read_single(
        client.describe_configuration_sets, "ConfigurationSets", ConfigurationSetNames=[name]
    )


def delete_tolerating_not_found(call: Any, **params: Any) -> None:
    try:
        call(**params)
    except ClientError as error:
        if not not_found(error):
            raise


def test_opt_out_list_create_read_and_delete(client: Any) -> None:
    created = client.create_opt_out_list(
        ClientToken=str(uuid.uuid4()), OptOutListName="tf-list", Tags=[{"Key": "k", "Value": "v"}]
    )
    read = read_single(client.describe_opt_out_lists, "OptOutLists", OptOutListNames=["tf-list"])
    assert read is not None and read["OptOutListArn"] == created["OptOutListArn"]
    client.delete_opt_out_list(OptOutListName="tf-list")
    assert (
        read_single(client.describe_opt_out_lists, "OptOutLists", OptOutListNames=["tf-list"])
        is None
    )
    with pytest.raises(ClientError) as caught:
        client.delete_opt_out_list(OptOutListName="tf-list")
    assert not_found(caught.value)  # what Delete tolerates


def test_configuration_set_defaults_come_and_go(client: Any) -> None:
    created = client.create_configuration_set(
        ClientToken=str(uuid.uuid4()),
        ConfigurationSetName="tf-set",
        Tags=[{"Key": "k", "Value": "v"}],
    )
    assert created["ConfigurationSetArn"].endswith(":configuration-set/tf-set")
    # A default sender ID need not be a registered sender ID (the provider's example: "example").
    client.set_default_sender_id(ConfigurationSetName="tf-set", SenderId="ACME-SUP")
    client.set_default_message_type(ConfigurationSetName="tf-set", MessageType="TRANSACTIONAL")
    read = read_configuration_set(client, "tf-set")
    assert read is not None
    assert (read["DefaultSenderId"], read["DefaultMessageType"]) == ("ACME-SUP", "TRANSACTIONAL")
    client.delete_default_sender_id(ConfigurationSetName="tf-set")
    client.delete_default_message_type(ConfigurationSetName="tf-set")
    read = read_configuration_set(client, "tf-set")
    assert read is not None and "DefaultSenderId" not in read and "DefaultMessageType" not in read
    client.delete_configuration_set(ConfigurationSetName="tf-set")
    assert read_configuration_set(client, "tf-set") is None
    delete_tolerating_not_found(client.delete_configuration_set, ConfigurationSetName="tf-set")


def find_event_destination(client: Any, set_name: str, name: str) -> dict[str, Any] | None:
    """``findConfigurationSetEventDestinationByTwoPartKey``: through the parent's read."""
    parent = read_configuration_set(client, set_name)
    if parent is None:
        return None
    return next((d for d in parent["EventDestinations"] if d["EventDestinationName"] == name), None)


def test_event_destination_lifecycle(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="tf-events")
    created = client.create_event_destination(
        ClientToken=str(uuid.uuid4()),
        ConfigurationSetName="tf-events",
        EventDestinationName="to-sns",
        MatchingEventTypes=["TEXT_DELIVERED", "TEXT_INVALID"],
        SnsDestination=TOPIC,
    )
    assert created["EventDestination"]["Enabled"] is True
    # enabled = false in the configuration: one UpdateEventDestination after the create.
    updated = client.update_event_destination(
        ConfigurationSetName="tf-events", EventDestinationName="to-sns", Enabled=False
    )
    assert updated["EventDestination"]["Enabled"] is False
    read = find_event_destination(client, "tf-events", "to-sns")
    assert read is not None and read["SnsDestination"] == TOPIC and read["Enabled"] is False

    with pytest.raises(ClientError) as caught:
        client.update_event_destination(
            ConfigurationSetName="tf-events",
            EventDestinationName="to-sns",
            CloudWatchLogsDestination=LOGS,
        )
    assert reason(caught.value) == "EVENT_DESTINATION_MISMATCH"

    client.delete_event_destination(ConfigurationSetName="tf-events", EventDestinationName="to-sns")
    assert find_event_destination(client, "tf-events", "to-sns") is None
    delete_tolerating_not_found(
        client.delete_event_destination,
        ConfigurationSetName="tf-events",
        EventDestinationName="to-sns",
    )


def test_text_sent_is_refused(client: Any) -> None:
    """ "``TEXT_SENT`` is not supported and is rejected by the AWS API at apply time" (the
    provider's event destination schema; the API reference says the same)."""
    client.create_configuration_set(ConfigurationSetName="tf-events")
    with pytest.raises(ClientError) as caught:
        client.create_event_destination(
            ConfigurationSetName="tf-events",
            EventDestinationName="sent",
            MatchingEventTypes=["TEXT_SENT"],
            SnsDestination=TOPIC,
        )
    error = caught.value.response
    assert (error["Error"]["Code"], error["Reason"]) == ("ValidationException", "INVALID_PARAMETER")
    assert [field["Name"] for field in error["Fields"]] == ["MatchingEventTypes"]
    assert find_event_destination(client, "tf-events", "sent") is None
