"""Delivery into moto (:mod:`smsmock.rules.delivery`): each destination kind read back through
boto3, in the destination's account and region, and every failure a ``failed`` result, never an
error.

The sends that produce these deliveries are tested end to end in
``tests/suites/test_delivery_end_to_end.py``; here the delivery functions are called directly.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from smsmock import Delivery
from smsmock.rules.delivery import (
    LOG_STREAM,
    deliver_event,
    deliver_inbound,
    forwarding_endpoint,
    moto_target,
    set_forwarding_endpoint,
)

ACCOUNT = "123456789012"
OTHER_ACCOUNT = "111122223333"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-events"
PAYLOAD = {
    "eventType": "TEXT_DELIVERED",
    "messageId": "4a8d9b1c-0000-4000-8000-000000000001",
    "messageStatus": "DELIVERED",
}


@pytest.fixture
def aws() -> Iterator[None]:
    with mock_aws():
        yield


def queue_behind_topic(region: str = "us-east-1", **credentials: str) -> tuple[str, Any, str]:
    """A topic with an SQS queue subscribed (raw delivery off, as by default): its ARN, the SQS
    client and the queue URL."""
    sns = boto3.client("sns", region_name=region, **credentials)
    sqs = boto3.client("sqs", region_name=region, **credentials)
    topic = sns.create_topic(Name="sms-events")["TopicArn"]
    url = sqs.create_queue(QueueName="receipts")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn["QueueArn"])
    return topic, sqs, url


def to_topic(topic: str, payload: dict[str, Any] = PAYLOAD) -> Delivery:
    """Deliver ``payload`` as an event to an SNS event destination of ``ACCOUNT``."""
    return deliver_event(
        "SnsDestination", {"TopicArn": topic}, payload, account_id=ACCOUNT, region="us-east-1"
    )


def to_log_group(arn: str, payload: dict[str, Any] = PAYLOAD) -> Delivery:
    """Deliver ``payload`` as an event to a CloudWatch Logs event destination of ``ACCOUNT``."""
    destination = {"IamRoleArn": ROLE, "LogGroupArn": arn}
    return deliver_event(
        "CloudWatchLogsDestination", destination, payload, account_id=ACCOUNT, region="us-east-1"
    )


def to_delivery_stream(arn: str, payload: dict[str, Any] = PAYLOAD) -> Delivery:
    """Deliver ``payload`` as an event to a Firehose event destination of ``ACCOUNT``."""
    destination = {"IamRoleArn": ROLE, "DeliveryStreamArn": arn}
    return deliver_event(
        "KinesisFirehoseDestination", destination, payload, account_id=ACCOUNT, region="us-east-1"
    )


def published(sqs: Any, url: str) -> list[dict[str, Any]]:
    """The JSON messages SNS delivered to the queue (unwrapped from SNS's envelope)."""
    answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    return [json.loads(json.loads(m["Body"])["Message"]) for m in answer.get("Messages", [])]


# -- SNS ---------------------------------------------------------------------------------------


def test_an_event_reaches_the_queue_subscribed_to_the_topic(aws: None) -> None:
    topic, sqs, url = queue_behind_topic()

    result = to_topic(topic)

    assert result.status == "delivered"
    assert topic in result.detail
    assert published(sqs, url) == [PAYLOAD]


def test_the_sns_message_is_the_bare_compact_event_json(aws: None) -> None:
    topic, sqs, url = queue_behind_topic()

    to_topic(topic)

    [message] = sqs.receive_message(QueueUrl=url)["Messages"]
    assert json.loads(message["Body"])["Message"] == json.dumps(PAYLOAD, separators=(",", ":"))


def test_the_topic_region_comes_from_its_arn(aws: None) -> None:
    topic, sqs, url = queue_behind_topic("eu-west-2")

    result = to_topic(topic)

    assert result.status == "delivered"
    assert published(sqs, url) == [PAYLOAD]


def test_a_topic_of_another_account_is_published_to_in_that_account(aws: None) -> None:
    sts = boto3.client("sts", region_name="us-east-1")
    role = f"arn:aws:iam::{OTHER_ACCOUNT}:role/events"
    credentials = sts.assume_role(RoleArn=role, RoleSessionName="setup")["Credentials"]
    topic, sqs, url = queue_behind_topic(
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )
    assert f":{OTHER_ACCOUNT}:" in topic

    result = to_topic(topic)

    assert result.status == "delivered"
    assert published(sqs, url) == [PAYLOAD]


def test_a_missing_topic_fails_the_delivery_only(aws: None) -> None:
    topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:no-such-topic"

    result = to_topic(topic)

    assert result.status == "failed"
    assert result.detail.startswith("NotFound")


def test_the_same_topic_name_in_another_account_is_not_found(aws: None) -> None:
    topic, _, _ = queue_behind_topic()

    result = to_topic(topic.replace(ACCOUNT, OTHER_ACCOUNT))

    assert result.status == "failed"


def test_the_users_configuration_and_credentials_are_not_used(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    topic, sqs, url = queue_behind_topic()
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAUSERSREALKEY0000")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens there

    result = to_topic(topic)

    assert result == Delivery("delivered", f"{topic} (moto)")
    assert published(sqs, url) == [PAYLOAD]


# -- CloudWatch Logs ---------------------------------------------------------------------------


def log_group(name: str = "sms-events", region: str = "us-east-1") -> tuple[Any, str]:
    logs = boto3.client("logs", region_name=region)
    logs.create_log_group(logGroupName=name)
    (group,) = logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"]
    return logs, group["arn"]


def test_an_event_is_written_to_the_log_group(aws: None) -> None:
    logs, arn = log_group()
    # A minute ago by the process's clock: CloudWatch Logs (and moto) refuse events older than
    # 14 days or more than 2 hours ahead, so a fixed date turns red once it ages.
    timestamp = int(time.time() * 1000) - 60_000
    payload = {**PAYLOAD, "eventTimestamp": timestamp}

    result = to_log_group(arn, payload)

    assert result.status == "delivered"
    events = logs.get_log_events(logGroupName="sms-events", logStreamName=LOG_STREAM)["events"]
    # Each log event's message is the event's compact JSON (no space after ':' or ',').
    assert [e["message"] for e in events] == [json.dumps(payload, separators=(",", ":"))]
    assert events[0]["timestamp"] == timestamp


def test_events_are_found_with_filter_log_events(aws: None) -> None:
    logs, arn = log_group()
    destination = {"IamRoleArn": ROLE, "LogGroupArn": arn.removesuffix(":*")}
    for status in ("PENDING", "DELIVERED"):
        payload = {**PAYLOAD, "eventType": f"TEXT_{status}", "messageStatus": status}
        deliver_event(
            "CloudWatchLogsDestination", destination, payload, account_id=ACCOUNT, region="x"
        )

    found = logs.filter_log_events(logGroupName="sms-events", filterPattern="DELIVERED")

    assert [json.loads(e["message"])["messageStatus"] for e in found["events"]] == ["DELIVERED"]
    assert {e["logStreamName"] for e in found["events"]} == {LOG_STREAM}


def test_an_existing_log_stream_is_written_to(aws: None) -> None:
    logs, arn = log_group()
    logs.create_log_stream(logGroupName="sms-events", logStreamName=LOG_STREAM)

    result = to_log_group(arn)

    assert result.status == "delivered"
    assert len(logs.filter_log_events(logGroupName="sms-events")["events"]) == 1


def test_a_missing_log_group_fails_the_delivery_only(aws: None) -> None:
    arn = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:no-such-group:*"

    result = to_log_group(arn)

    assert result.status == "failed"
    assert result.detail.startswith("ResourceNotFoundException")


def test_an_event_older_than_cloudwatch_logs_takes_is_rejected(aws: None) -> None:
    _, arn = log_group()
    old = {**PAYLOAD, "eventTimestamp": 1000}  # 1970: CloudWatch Logs takes 14 days back

    result = to_log_group(arn, old)

    assert result.status == "failed"
    assert "rejected" in result.detail


# -- Firehose ----------------------------------------------------------------------------------


def test_an_event_goes_through_firehose_into_s3(aws: None) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="sms-events-archive")
    firehose = boto3.client("firehose", region_name="us-east-1")
    stream = firehose.create_delivery_stream(
        DeliveryStreamName="sms-events",
        ExtendedS3DestinationConfiguration={
            "RoleARN": ROLE,
            "BucketARN": "arn:aws:s3:::sms-events-archive",
        },
    )["DeliveryStreamARN"]

    result = to_delivery_stream(stream)

    assert result.status == "delivered"
    (stored,) = s3.list_objects_v2(Bucket="sms-events-archive")["Contents"]
    body = s3.get_object(Bucket="sms-events-archive", Key=stored["Key"])["Body"].read()
    # One record is one event's compact JSON, with no delimiter after it.
    assert body == json.dumps(PAYLOAD, separators=(",", ":")).encode()


def test_a_missing_delivery_stream_fails_the_delivery_only(aws: None) -> None:
    stream = f"arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/no-such-stream"

    result = to_delivery_stream(stream)

    assert result.status == "failed"
    assert result.detail.startswith("ResourceNotFoundException")


# -- inbound -----------------------------------------------------------------------------------


def test_an_inbound_message_is_published_to_the_two_way_topic(aws: None) -> None:
    topic, sqs, url = queue_behind_topic()
    inbound = {"originationNumber": "+12065550100", "messageBody": "YES"}

    result = deliver_inbound(topic, inbound, account_id=ACCOUNT, region="us-east-1")

    assert result.status == "delivered"
    assert published(sqs, url) == [inbound]


def test_an_amazon_connect_channel_is_recorded_only(aws: None) -> None:
    channel = f"arn:aws:connect:us-east-1:{ACCOUNT}:instance/11111111-2222-3333-4444-555555555555"

    result = deliver_inbound(channel, {"messageBody": "hi"}, account_id=ACCOUNT, region="x")

    assert result.status == "recorded"
    assert "Amazon Connect" in result.detail


# -- nothing to deliver to, nothing that raises --------------------------------------------------


def test_without_moto_nothing_leaves_the_process() -> None:
    assert moto_target() is None

    topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:sms-events"
    result = to_topic(topic)

    assert result.status == "recorded"


@pytest.mark.parametrize(
    ("kind", "destination"),
    [
        ("SnsDestination", {"TopicArn": "not-an-arn"}),
        ("SnsDestination", {}),
        ("CloudWatchLogsDestination", {"IamRoleArn": ROLE, "LogGroupArn": "arn:aws:logs:x:y:z"}),
        ("Elsewhere", {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"}),
    ],
)
def test_a_malformed_destination_fails_without_raising(
    aws: None, kind: str, destination: dict[str, str]
) -> None:
    result = deliver_event(kind, destination, PAYLOAD, account_id=ACCOUNT, region="us-east-1")

    assert result.status == "failed"
    assert result.detail


def test_a_payload_that_is_not_json_fails_without_raising(aws: None) -> None:
    topic, _, _ = queue_behind_topic()

    result = deliver_inbound(topic, {"when": object()}, account_id=ACCOUNT, region="us-east-1")

    assert result.status == "failed"
    assert "TypeError" in result.detail


def test_a_forwarding_endpoint_must_be_an_http_url() -> None:
    with pytest.raises(ValueError, match="endpoint URL"):
        set_forwarding_endpoint("127.0.0.1:5000")
    assert forwarding_endpoint() is None


def test_moto_activation_is_seen_as_it_happens() -> None:
    assert moto_target() is None
    with mock_aws():
        assert moto_target() == ("in-process", None)
        with mock_aws():
            assert moto_target() == ("in-process", None)
        assert moto_target() == ("in-process", None)
    assert moto_target() is None
