"""Where a delivery goes and how hard it tries, and what it says of it: nowhere without moto
(recorded only), a moto server named; a log group or delivery stream of another account
gets its events in that account (moto told the account by smsmock's ``x-moto-account-id``
header, not the account of smsmock's fake key); a service moto passes through to AWS gets
nothing (the request fails here rather than leave the machine); and a forwarding URL whose
server is not moto gets one request per delivery, the delivery failing with the status it
answered; a destination that is no ARN, and a bus event that is no JSON, are named as such."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import boto3
import pytest
from moto import mock_aws
from moto.server import ThreadedMotoServer

from smsmock import Delivery
from smsmock.rules.delivery import LOG_STREAM, deliver_bus_event, deliver_event
from smsmock.server import Server

ACCOUNT = "123456789012"
OTHER_ACCOUNT = "111122223333"
ROLE = f"arn:aws:iam::{OTHER_ACCOUNT}:role/sms-events"
PAYLOAD = {"eventType": "TEXT_DELIVERED", "messageStatus": "DELIVERED"}


def other_account(service: str) -> Any:
    """A client of ``service`` in ``OTHER_ACCOUNT`` (credentials of a role there, from moto's
    STS)."""
    sts = boto3.client("sts", region_name="us-east-1")
    role = f"arn:aws:iam::{OTHER_ACCOUNT}:role/setup"
    credentials = sts.assume_role(RoleArn=role, RoleSessionName="setup")["Credentials"]
    return boto3.client(
        service,
        region_name="us-east-1",
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )


def test_a_log_group_of_another_account_gets_the_event_there() -> None:
    with mock_aws():
        logs = other_account("logs")
        logs.create_log_group(logGroupName="sms-events")
        group = f"arn:aws:logs:us-east-1:{OTHER_ACCOUNT}:log-group:sms-events"
        payload = {**PAYLOAD, "eventTimestamp": int(time.time() * 1000) - 60_000}
        result = deliver_event(
            "CloudWatchLogsDestination",
            {"IamRoleArn": ROLE, "LogGroupArn": group},
            payload,
            account_id=ACCOUNT,
            region="us-east-1",
        )
        assert result == Delivery("delivered", f"{group} (moto)")
        written = logs.get_log_events(logGroupName="sms-events", logStreamName=LOG_STREAM)
        assert len(written["events"]) == 1


def test_a_delivery_stream_of_another_account_gets_the_event_there() -> None:
    with mock_aws():
        other_account("s3").create_bucket(Bucket="sms-events-archive")
        stream = other_account("firehose").create_delivery_stream(
            DeliveryStreamName="sms-events",
            ExtendedS3DestinationConfiguration={
                "RoleARN": ROLE,
                "BucketARN": "arn:aws:s3:::sms-events-archive",
            },
        )["DeliveryStreamARN"]
        assert f":{OTHER_ACCOUNT}:" in stream
        result = deliver_event(
            "KinesisFirehoseDestination",
            {"IamRoleArn": ROLE, "DeliveryStreamArn": stream},
            PAYLOAD,
            account_id=ACCOUNT,
            region="us-east-1",
        )
        assert result == Delivery("delivered", f"{stream} (moto)")


def test_a_service_moto_passes_through_gets_nothing() -> None:
    # moto's passthrough sends a service's requests to AWS: smsmock's deliveries never go there
    # (docs/delivery.md: "if moto does not answer a request ..., the request fails instead of
    # going to AWS").
    topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:sms-events"
    with mock_aws(config={"core": {"passthrough": {"services": ["sns"]}}}):
        result = deliver_event(
            "SnsDestination", {"TopicArn": topic}, PAYLOAD, account_id=ACCOUNT, region="us-east-1"
        )
    assert result == Delivery(
        "failed", "_Rejected: moto did not answer (mock_aws is not active): nothing left here"
    )


class NotMoto(http.server.BaseHTTPRequestHandler):
    """A local HTTP server that is not moto: it answers every request with ``status`` and
    ``body`` (JSON), and counts the requests."""

    status = 404
    body = b""
    requests: list[str] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        NotMoto.requests.append(self.path)
        self.send_response(NotMoto.status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(NotMoto.body)))
        self.end_headers()
        self.wfile.write(NotMoto.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def not_moto() -> Iterator[str]:
    """Deliveries forwarded to a :class:`NotMoto` server on a free loopback port (its URL)."""
    NotMoto.status, NotMoto.body, NotMoto.requests = 404, b"", []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotMoto)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with Server(forward_to=url):
            yield url
    finally:
        httpd.shutdown()
        httpd.server_close()


def to_log_group() -> Delivery:
    group = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:sms-events"
    return deliver_event(
        "CloudWatchLogsDestination",
        {"IamRoleArn": ROLE, "LogGroupArn": group},
        PAYLOAD,
        account_id=ACCOUNT,
        region="us-east-1",
    )


def test_a_status_without_a_message_is_named_alone(not_moto: str) -> None:
    # An empty 404 is what botocore reads as the code "404" and an empty message.
    assert to_log_group() == Delivery("failed", "404")
    assert NotMoto.requests == ["/"]


def test_a_failing_server_is_tried_once(not_moto: str) -> None:
    # A 500 is an error botocore retries by default: a delivery makes one attempt only.
    NotMoto.status = 500
    assert to_log_group() == Delivery("failed", "500: Internal Server Error")
    assert NotMoto.requests == ["/"]


def test_the_servers_code_and_message_are_said_whole(not_moto: str) -> None:
    NotMoto.status = 400
    NotMoto.body = json.dumps(
        {"__type": "ResourceNotFoundException", "message": "No log group SMS-X"}
    ).encode()
    assert to_log_group() == Delivery("failed", "ResourceNotFoundException: No log group SMS-X")


def test_an_event_the_bus_refuses_is_a_failed_delivery(not_moto: str) -> None:
    # PutEvents answers 200 with the entries it could not take (FailedEntryCount, each entry's
    # ErrorCode and ErrorMessage).
    NotMoto.status = 200
    refused = [{"ErrorCode": "InternalFailure", "ErrorMessage": "Try again."}]
    NotMoto.body = json.dumps({"FailedEntryCount": 1, "Entries": refused}).encode()
    result = deliver_bus_event(
        "Text Message Delivery Status Updated",
        PAYLOAD,
        resources=(),
        when=datetime(2026, 12, 6, tzinfo=timezone.utc),
        account_id=ACCOUNT,
        region="us-east-1",
    )
    assert result == Delivery("failed", f"_Rejected: EventBridge rejected the event: {refused}")


@pytest.mark.parametrize(
    "topic", ["arn:aws:sns:us-east-1", "urn:aws:sns:us-east-1:123456789012:sms-events"]
)
def test_a_destination_that_is_no_arn_is_named(topic: str) -> None:
    with mock_aws():
        result = deliver_event(
            "SnsDestination", {"TopicArn": topic}, PAYLOAD, account_id=ACCOUNT, region="us-east-1"
        )
    assert result == Delivery("failed", f"ValueError: {topic!r} is not an ARN")


def test_a_bus_event_that_is_not_json_fails_without_a_request(not_moto: str) -> None:
    result = deliver_bus_event(
        "Text Message Delivery Status Updated",
        {"when": object()},
        resources=(),
        when=datetime(2026, 12, 6, tzinfo=timezone.utc),
        account_id=ACCOUNT,
        region="us-east-1",
    )
    assert result == Delivery("failed", "TypeError: Object of type object is not JSON serializable")
    assert NotMoto.requests == []


def test_without_moto_a_delivery_is_recorded_only() -> None:
    topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:sms-events"
    result = deliver_event(
        "SnsDestination", {"TopicArn": topic}, PAYLOAD, account_id=ACCOUNT, region="us-east-1"
    )
    assert result == Delivery("recorded", "moto is not active: nothing left the process")


def test_a_delivery_forwarded_to_a_moto_server_names_it() -> None:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        moto_url = f"http://{host}:{port}"
        sns = boto3.client(
            "sns",
            region_name="us-east-1",
            endpoint_url=moto_url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        topic = sns.create_topic(Name="sms-events")["TopicArn"]
        with Server(forward_to=moto_url):
            result = deliver_event(
                "SnsDestination",
                {"TopicArn": topic},
                PAYLOAD,
                account_id=ACCOUNT,
                region="us-east-1",
            )
    finally:
        server.stop()
    assert result == Delivery("delivered", f"{topic} (moto server {moto_url})")
