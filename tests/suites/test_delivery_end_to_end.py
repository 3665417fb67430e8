"""Sends and replies delivered where the configuration says, end to end through boto3: smsmock
and moto's ``mock_aws`` active in one process, the destinations made and read back in moto."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock, mock_sms_voice
from smsmock.rules.delivery import LOG_STREAM
from tests.helpers import toll_free_number

REGION = "us-east-1"
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-events"
END_USER = "+12065550142"


@pytest.fixture
def sms(sms_in_moto: SmsVoiceMock) -> SmsVoiceMock:
    return sms_in_moto


@pytest.fixture
def client(client_in_moto: Any) -> Any:
    return client_in_moto


def toll_free(client: Any) -> dict[str, Any]:
    """A US toll-free number that carries SMS only, registered so that it can send."""
    return toll_free_number(client, ("SMS",))


def queue_behind_topic(name: str = "sms-events", raw: bool = False) -> tuple[str, Any, str]:
    """A topic with an SQS queue subscribed: its ARN, the SQS client and the queue URL."""
    sns = boto3.client("sns", region_name=REGION)
    sqs = boto3.client("sqs", region_name=REGION)
    topic = sns.create_topic(Name=name)["TopicArn"]
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    attributes = {"RawMessageDelivery": "true"} if raw else {}
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn["QueueArn"], Attributes=attributes)
    return topic, sqs, url


def drain(sqs: Any, url: str, raw: bool = False) -> list[dict[str, Any]]:
    """Every JSON message in the queue, unwrapped from SNS's envelope unless ``raw``."""
    found: list[dict[str, Any]] = []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages"):
        for message in messages:
            body = json.loads(message["Body"])
            found.append(body if raw else json.loads(body["Message"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


def stream_events(client: Any, configuration_set: str = "receipts", **destination: Any) -> None:
    client.create_configuration_set(ConfigurationSetName=configuration_set)
    client.create_event_destination(
        ConfigurationSetName=configuration_set,
        EventDestinationName="destination",
        MatchingEventTypes=["TEXT_ALL"],
        **destination,
    )


def send(client: Any, origination: str, configuration_set: str = "receipts") -> str:
    sent = client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=origination,
        MessageBody="Your parcel arrives today",
        ConfigurationSetName=configuration_set,
    )
    return str(sent["MessageId"])


# -- SNS ---------------------------------------------------------------------------------------


def test_the_events_of_a_send_reach_the_queue_behind_the_topic(
    sms: SmsVoiceMock, client: Any
) -> None:
    topic, sqs, url = queue_behind_topic()
    stream_events(client, SnsDestination={"TopicArn": topic})

    message_id = send(client, toll_free(client)["PhoneNumberId"])

    received = drain(sqs, url)
    events = sms.events()
    assert [e["eventType"] for e in received] == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
    assert {e["messageId"] for e in received} == {message_id}
    assert received == [e.payload for e in events]
    assert {(e.delivery.status, e.delivery.detail) for e in events} == {
        ("delivered", f"{topic} (moto)")
    }


def test_a_failure_fate_reaches_the_queue(sms: SmsVoiceMock, client: Any) -> None:
    topic, sqs, url = queue_behind_topic()
    stream_events(client, SnsDestination={"TopicArn": topic})
    sms.set_fate(END_USER, "BLOCKED")

    send(client, toll_free(client)["PhoneNumberId"])

    (event,) = drain(sqs, url)
    assert (event["eventType"], event["messageStatus"], event["isFinal"]) == (
        "TEXT_BLOCKED",
        "BLOCKED",
        True,
    )


def test_later_events_reach_the_queue_when_the_clock_passes_them(
    sms: SmsVoiceMock, client: Any
) -> None:
    # Raw delivery: moto signs SNS envelopes with a certificate, which fails once freezegun
    # has been active during one (spulec/freezegun#399); raw messages are not signed.
    topic, sqs, url = queue_behind_topic(raw=True)
    stream_events(client, SnsDestination={"TopicArn": topic})
    number = toll_free(client)["PhoneNumberId"]
    sms.set_fate(END_USER, "DELIVERED", delay=timedelta(minutes=2))

    with freeze_time(datetime.now(timezone.utc)) as clock:
        send(client, number)
        first = drain(sqs, url, raw=True)
        clock.tick(timedelta(minutes=2))
        client.describe_phone_numbers()  # any request lets due events arrive
        later = drain(sqs, url, raw=True)

    assert [e["messageStatus"] for e in first] == ["SUCCESSFUL"]
    assert [e["messageStatus"] for e in later] == ["DELIVERED"]
    assert later[0]["eventTimestamp"] - first[0]["eventTimestamp"] == 120_000


def test_only_matching_and_enabled_destinations_are_published_to(
    sms: SmsVoiceMock, client: Any
) -> None:
    delivered_topic, sqs, delivered_url = queue_behind_topic("delivered-only")
    disabled_topic, _, disabled_url = queue_behind_topic("disabled")
    client.create_configuration_set(ConfigurationSetName="receipts")
    client.create_event_destination(
        ConfigurationSetName="receipts",
        EventDestinationName="delivered-only",
        MatchingEventTypes=["TEXT_DELIVERED"],
        SnsDestination={"TopicArn": delivered_topic},
    )
    client.create_event_destination(
        ConfigurationSetName="receipts",
        EventDestinationName="disabled",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": disabled_topic},
    )
    client.update_event_destination(
        ConfigurationSetName="receipts", EventDestinationName="disabled", Enabled=False
    )

    send(client, toll_free(client)["PhoneNumberId"])

    assert [e["eventType"] for e in drain(sqs, delivered_url)] == ["TEXT_DELIVERED"]
    assert drain(sqs, disabled_url) == []


def test_a_topic_in_another_account_gets_the_events_there(sms: SmsVoiceMock, client: Any) -> None:
    sts = boto3.client("sts", region_name=REGION)
    role = "arn:aws:iam::111122223333:role/receipts"
    keys = sts.assume_role(RoleArn=role, RoleSessionName="setup")["Credentials"]
    other = {
        "aws_access_key_id": keys["AccessKeyId"],
        "aws_secret_access_key": keys["SecretAccessKey"],
        "aws_session_token": keys["SessionToken"],
    }
    sns = boto3.client("sns", region_name="eu-west-2", **other)
    sqs = boto3.client("sqs", region_name="eu-west-2", **other)
    topic = sns.create_topic(Name="central-receipts")["TopicArn"]
    url = sqs.create_queue(QueueName="central-receipts")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn["QueueArn"])
    stream_events(client, SnsDestination={"TopicArn": topic})

    send(client, toll_free(client)["PhoneNumberId"])

    assert topic.startswith("arn:aws:sns:eu-west-2:111122223333:")
    assert [e["messageStatus"] for e in drain(sqs, url)] == ["SUCCESSFUL", "DELIVERED"]


# -- CloudWatch Logs and Firehose --------------------------------------------------------------


def test_the_events_of_a_send_are_written_to_the_log_group(sms: SmsVoiceMock, client: Any) -> None:
    logs = boto3.client("logs", region_name=REGION)
    logs.create_log_group(logGroupName="/sms/events")
    (group,) = logs.describe_log_groups(logGroupNamePrefix="/sms/events")["logGroups"]
    stream_events(
        client, CloudWatchLogsDestination={"IamRoleArn": ROLE, "LogGroupArn": group["arn"]}
    )

    message_id = send(client, toll_free(client)["PhoneNumberId"])

    stream = logs.get_log_events(logGroupName="/sms/events", logStreamName=LOG_STREAM)
    written = [json.loads(e["message"]) for e in stream["events"]]
    assert written == [e.payload for e in sms.events()]
    assert [e["timestamp"] for e in stream["events"]] == [p["eventTimestamp"] for p in written]
    found = logs.filter_log_events(logGroupName="/sms/events", filterPattern=message_id)
    assert len(found["events"]) == 2


def test_the_events_of_a_send_go_through_firehose_to_s3(sms: SmsVoiceMock, client: Any) -> None:
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="sms-events-archive")
    firehose = boto3.client("firehose", region_name=REGION)
    stream = firehose.create_delivery_stream(
        DeliveryStreamName="sms-events",
        ExtendedS3DestinationConfiguration={
            "RoleARN": ROLE,
            "BucketARN": "arn:aws:s3:::sms-events-archive",
        },
    )["DeliveryStreamARN"]
    stream_events(
        client, KinesisFirehoseDestination={"IamRoleArn": ROLE, "DeliveryStreamArn": stream}
    )

    send(client, toll_free(client)["PhoneNumberId"])

    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="sms-events-archive")["Contents"]]
    lines = [
        json.loads(line)
        for key in keys
        for line in s3.get_object(Bucket="sms-events-archive", Key=key)["Body"].iter_lines()
    ]
    assert sorted(lines, key=lambda p: p["eventType"]) == sorted(
        (e.payload for e in sms.events()), key=lambda p: p["eventType"]
    )


# -- inbound -----------------------------------------------------------------------------------


def test_a_reply_reaches_the_queue_behind_the_two_way_topic(sms: SmsVoiceMock, client: Any) -> None:
    topic, sqs, url = queue_behind_topic("replies")
    number = toll_free(client)
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=topic
    )
    question = client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Reply YES to confirm",
    )

    inbound = sms.receive(END_USER, number["PhoneNumber"], "YES")

    (reply,) = drain(sqs, url)
    assert reply == inbound.payload
    assert reply["originationNumber"] == END_USER
    assert reply["destinationNumber"] == number["PhoneNumber"]
    assert reply["messageBody"] == "YES"
    assert reply["previousPublishedMessageId"] == question["MessageId"]
    assert inbound.delivery.status == "delivered"


def test_a_reply_to_a_pool_member_goes_to_the_pools_two_way_topic(
    sms: SmsVoiceMock, client: Any
) -> None:
    topic, sqs, url = queue_behind_topic("pool-replies")
    number = toll_free(client)
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    client.update_pool(PoolId=pool["PoolId"], TwoWayEnabled=True, TwoWayChannelArn=topic)

    sms.receive(END_USER, number["PhoneNumber"], "hello")

    assert [m["messageBody"] for m in drain(sqs, url)] == ["hello"]


def test_a_reply_to_an_amazon_connect_channel_is_recorded_only(
    sms: SmsVoiceMock, client: Any
) -> None:
    channel = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/0d1e2f3a-0000-4000-8000-000000000000"
    number = toll_free(client)
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=channel
    )

    inbound = sms.receive(END_USER, number["PhoneNumber"], "hello")

    assert inbound.delivery.status == "recorded"
    assert inbound.payload["messageBody"] == "hello"


# -- failures never fail the send --------------------------------------------------------------


@pytest.mark.parametrize(
    "destination",
    [
        {"SnsDestination": {"TopicArn": f"arn:aws:sns:{REGION}:{ACCOUNT}:no-such-topic"}},
        {
            "CloudWatchLogsDestination": {
                "IamRoleArn": ROLE,
                "LogGroupArn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:no-such-group",
            }
        },
        {
            "KinesisFirehoseDestination": {
                "IamRoleArn": ROLE,
                "DeliveryStreamArn": f"arn:aws:firehose:{REGION}:{ACCOUNT}:deliverystream/none",
            }
        },
    ],
    ids=["sns", "logs", "firehose"],
)
def test_a_missing_destination_fails_the_delivery_not_the_send(
    sms: SmsVoiceMock, client: Any, destination: dict[str, Any]
) -> None:
    stream_events(client, **destination)

    message_id = send(client, toll_free(client)["PhoneNumberId"])

    events = sms.events()
    assert [e.message_id for e in events] == [message_id, message_id]
    assert {e.delivery.status for e in events} == {"failed"}
    assert all(e.delivery.detail for e in events)
    assert [m.message_id for m in sms.sent_messages] == [message_id]


def test_a_reply_to_a_missing_topic_is_still_received(sms: SmsVoiceMock, client: Any) -> None:
    number = toll_free(client)
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=f"arn:aws:sns:{REGION}:{ACCOUNT}:deleted-topic",
    )

    inbound = sms.receive(END_USER, number["PhoneNumber"], "STOP")

    assert inbound.delivery.status == "failed"
    assert inbound.action == "OPT_OUT"  # the keyword still took effect
    opted = client.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert [n["OptedOutNumber"] for n in opted] == [END_USER]


def test_without_moto_the_events_are_recorded_only() -> None:
    with mock_sms_voice() as handle:
        client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        stream_events(client, SnsDestination={"TopicArn": f"arn:aws:sns:{REGION}:{ACCOUNT}:t"})

        send(client, toll_free(client)["PhoneNumberId"])

        events = handle.events()
        assert [e.payload["messageStatus"] for e in events] == ["SUCCESSFUL", "DELIVERED"]
        assert {e.delivery.status for e in events} == {"recorded"}
