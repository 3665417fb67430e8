"""What a delivery says: the error moto answered, as ``Code: Message`` (what the user's own
call to that destination would have been told), the event CloudWatch Logs would not take, an ARN
that is no log group, a destination without its ARN, and a two-way channel that is neither an SNS
topic nor Amazon Connect; a destination ARN without region and account is the sender's, and the
user's endpoint and profile never redirect a delivery."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from smsmock.rules.delivery import deliver_event, deliver_inbound

ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-events"
PAYLOAD = {"eventType": "TEXT_DELIVERED", "messageStatus": "DELIVERED"}


@pytest.fixture
def aws() -> Iterator[None]:
    with mock_aws():
        yield


def said(call: Any, **kwargs: Any) -> str:
    """``Code: Message`` of the error moto answers ``call(**kwargs)`` made by the user."""
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    error = caught.value.response["Error"]
    return f"{error['Code']}: {error['Message']}"


def test_a_missing_topic_says_what_sns_answered(aws: None) -> None:
    topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:no-such-topic"
    sns = boto3.client("sns", region_name="us-east-1")
    result = deliver_event(
        "SnsDestination", {"TopicArn": topic}, PAYLOAD, account_id=ACCOUNT, region="us-east-1"
    )
    assert (result.status, result.detail) == (
        "failed",
        said(sns.publish, TopicArn=topic, Message="{}"),
    )
    assert result.detail.startswith("NotFound: ")


def test_a_two_way_topic_without_region_and_account_is_the_senders(aws: None) -> None:
    """An ARN that leaves out its region and account is published to from the sender's."""
    channel = "arn:aws:sns:::two-way"
    sns = boto3.client("sns", region_name="eu-west-1")
    result = deliver_inbound(
        channel, {"messageBody": "YES"}, account_id=ACCOUNT, region="eu-west-1"
    )
    assert (result.status, result.detail) == (
        "failed",
        said(sns.publish, TopicArn=channel, Message="{}"),
    )


def test_a_missing_log_group_says_what_cloudwatch_logs_answered(aws: None) -> None:
    group = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:no-such-group:*"
    logs = boto3.client("logs", region_name="us-east-1")
    expected = said(
        logs.put_log_events,
        logGroupName="no-such-group",
        logStreamName="sms-voice-events",
        logEvents=[{"timestamp": 1, "message": "{}"}],
    )
    result = deliver_event(
        "CloudWatchLogsDestination",
        {"IamRoleArn": ROLE, "LogGroupArn": group},
        PAYLOAD,
        account_id=ACCOUNT,
        region="us-east-1",
    )
    assert (result.status, result.detail) == ("failed", expected)
    assert result.detail.startswith("ResourceNotFoundException: ")


def test_an_event_too_old_for_cloudwatch_logs_is_rejected(aws: None) -> None:
    boto3.client("logs", region_name="us-east-1").create_log_group(logGroupName="sms")
    group = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:sms"
    result = deliver_event(
        "CloudWatchLogsDestination",
        {"IamRoleArn": ROLE, "LogGroupArn": group},
        {**PAYLOAD, "eventTimestamp": 1000},
        account_id=ACCOUNT,
        region="us-east-1",
    )
    assert result.status == "failed"
    assert result.detail == (
        "_Rejected: CloudWatch Logs rejected the event: {'tooOldLogEventEndIndex': 0}"
    )


def test_an_arn_that_is_no_log_group_is_named(aws: None) -> None:
    arn = f"arn:aws:logs:us-east-1:{ACCOUNT}:destination:sms"
    result = deliver_event(
        "CloudWatchLogsDestination",
        {"IamRoleArn": ROLE, "LogGroupArn": arn},
        PAYLOAD,
        account_id=ACCOUNT,
        region="us-east-1",
    )
    assert (result.status, result.detail) == (
        "failed",
        f"ValueError: {arn!r} is not a log group ARN",
    )


def test_a_two_way_channel_of_another_service_fails() -> None:
    channel = f"arn:aws:sqs:us-east-1:{ACCOUNT}:replies"
    result = deliver_inbound(
        channel, {"messageBody": "YES"}, account_id=ACCOUNT, region="us-east-1"
    )
    assert (result.status, result.detail) == (
        "failed",
        f"{channel} is not an SNS topic or Amazon Connect ARN",
    )


def test_an_event_topic_without_region_and_account_is_the_senders(aws: None) -> None:
    topic = "arn:aws:sns:::sms-events"
    sns = boto3.client("sns", region_name="eu-west-1")
    result = deliver_event(
        "SnsDestination", {"TopicArn": topic}, PAYLOAD, account_id=ACCOUNT, region="eu-west-1"
    )
    assert (result.status, result.detail) == (
        "failed",
        said(sns.publish, TopicArn=topic, Message="{}"),
    )


def test_a_log_group_without_region_and_account_is_the_senders(aws: None) -> None:
    boto3.client("logs", region_name="eu-west-1").create_log_group(logGroupName="sms")
    result = deliver_event(
        "CloudWatchLogsDestination",
        {"IamRoleArn": ROLE, "LogGroupArn": "arn:aws:logs:::log-group:sms"},
        PAYLOAD,
        account_id=ACCOUNT,
        region="eu-west-1",
    )
    assert (result.status, result.detail) == ("delivered", "arn:aws:logs:::log-group:sms (moto)")


def test_a_destination_without_its_arn_names_what_is_missing(aws: None) -> None:
    result = deliver_event("SnsDestination", {}, PAYLOAD, account_id=ACCOUNT, region="us-east-1")
    assert (result.status, result.detail) == ("failed", "KeyError: 'TopicArn'")


def test_a_delivery_stream_without_region_and_account_is_the_senders(aws: None) -> None:
    s3 = boto3.client("s3", region_name="eu-west-1")
    s3.create_bucket(
        Bucket="sms-archive", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    boto3.client("firehose", region_name="eu-west-1").create_delivery_stream(
        DeliveryStreamName="sms-events",
        ExtendedS3DestinationConfiguration={
            "RoleARN": ROLE,
            "BucketARN": "arn:aws:s3:::sms-archive",
        },
    )
    stream = "arn:aws:firehose:::deliverystream/sms-events"
    result = deliver_event(
        "KinesisFirehoseDestination",
        {"IamRoleArn": ROLE, "DeliveryStreamArn": stream},
        PAYLOAD,
        account_id=ACCOUNT,
        region="eu-west-1",
    )
    assert (result.status, result.detail) == ("delivered", f"{stream} (moto)")


def test_the_users_endpoint_and_profile_do_not_redirect_a_first_delivery(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first delivery to a region (its client made now) ignores the user's settings too."""
    region = "ap-southeast-2"
    topic = boto3.client("sns", region_name=region).create_topic(Name="sms-events")["TopicArn"]
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens there
    result = deliver_event(
        "SnsDestination", {"TopicArn": topic}, PAYLOAD, account_id=ACCOUNT, region=region
    )
    assert (result.status, result.detail) == ("delivered", f"{topic} (moto)")
