"""Server mode delivering into a moto server: ``smsmock server --forward-to URL`` in a child
process, moto's ``ThreadedMotoServer`` in this one, both on 127.0.0.1.

No in-process mock is active here (but in the last test, moto's own ``TEST_SERVER_MODE``):
every call goes over HTTP to one server or the other.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws, settings
from moto.server import ThreadedMotoServer

from smsmock import mock_sms_voice
from smsmock.rules.delivery import forwarding_endpoint, moto_target
from smsmock.server import Client, ControlError, Server, ServerProcess
from tests.registration_data import register_toll_free

REGION = "us-east-1"


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    """A moto server on a free loopback port for this module's tests."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="module")
def forwarding_server(moto_url: str) -> Iterator[Client]:
    """An smsmock server that forwards deliveries to :func:`moto_url`."""
    with ServerProcess(forward_to=moto_url) as server:
        yield server


@pytest.fixture
def sms(forwarding_server: Client) -> Client:
    forwarding_server.reset(settings=True)
    return forwarding_server


def moto_client(moto_url: str, service: str) -> Any:
    return boto3.client(
        service,
        region_name=REGION,
        endpoint_url=moto_url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def queue_behind_topic(moto_url: str, name: str) -> tuple[str, Any, str]:
    """A topic in the moto server with a queue subscribed: its ARN, the SQS client, the URL."""
    sns, sqs = moto_client(moto_url, "sns"), moto_client(moto_url, "sqs")
    topic = sns.create_topic(Name=name)["TopicArn"]
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn["QueueArn"])
    return topic, sqs, url


def published(sqs: Any, url: str) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    while True:
        answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        if not answer.get("Messages"):
            return messages
        for message in answer["Messages"]:
            messages.append(json.loads(json.loads(message["Body"])["Message"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


# -- the option --------------------------------------------------------------------------------


def test_the_forward_to_option_is_in_effect(forwarding_server: Client, moto_url: str) -> None:
    assert forwarding_server.forwarding() == moto_url


def test_forwarding_is_changed_and_stopped_through_the_control_endpoint(sms: Client) -> None:
    sms.forward_to("http://127.0.0.1:1/")
    assert sms.forwarding() == "http://127.0.0.1:1"

    sms.forward_to(None)
    assert sms.forwarding() is None


def test_a_settings_reset_goes_back_to_the_forward_to_option(sms: Client, moto_url: str) -> None:
    sms.forward_to("http://127.0.0.1:1")

    sms.reset(settings=True)

    assert sms.forwarding() == moto_url


def test_a_forwarding_url_that_is_not_one_is_refused(sms: Client, moto_url: str) -> None:
    with pytest.raises(ControlError) as caught:
        sms.forward_to("127.0.0.1:5000")

    assert caught.value.status == 400
    assert "endpoint URL" in caught.value.message
    assert sms.forwarding() == moto_url


def test_an_in_process_server_forwards_until_it_stops(moto_url: str) -> None:
    with Server(forward_to=moto_url) as server:
        assert Client(server.url).forwarding() == moto_url
        assert moto_target() == ("server", moto_url)

    assert forwarding_endpoint() is None
    assert moto_target() is None


def test_an_in_process_server_refuses_a_forwarding_url_that_is_not_one() -> None:
    with pytest.raises(ValueError, match="endpoint URL"):
        Server(forward_to="localhost")

    assert forwarding_endpoint() is None


def test_the_server_will_not_start_with_a_forwarding_url_that_is_not_one() -> None:
    command = [sys.executable, "-m", "smsmock", "server", "--port", "0", "--forward-to", "moto"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)

    assert done.returncode == 2  # a usage error, as a bad --port
    assert done.stderr == (
        "smsmock server: argument --forward-to: 'moto' is not a moto server's endpoint URL "
        "(http://host:port) (see smsmock server --help)\n"
    )


# -- deliveries over HTTP ----------------------------------------------------------------------


def two_way_number(client: Any, topic: str) -> str:
    """A toll-free number of ``client``'s account whose replies go to ``topic``."""
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    register_toll_free(client, number["PhoneNumberId"])
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=topic
    )
    return str(number["PhoneNumber"])


def test_an_inbound_message_reaches_the_moto_servers_queue(sms: Client, moto_url: str) -> None:
    topic, sqs, url = queue_behind_topic(moto_url, "inbound-over-http")
    ours = two_way_number(sms.boto3_client(REGION), topic)

    sms.receive("+12065550100", ours, "YES")

    (payload,) = published(sqs, url)
    assert payload["originationNumber"] == "+12065550100"
    assert payload["destinationNumber"] == ours
    assert payload["messageBody"] == "YES"
    (inbound,) = sms.inbound_messages()
    assert inbound["payload"] == payload


def test_events_of_a_send_reach_the_moto_servers_queue(sms: Client, moto_url: str) -> None:
    topic, sqs, url = queue_behind_topic(moto_url, "events-over-http")
    client = sms.boto3_client(REGION)
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    register_toll_free(client, number["PhoneNumberId"])
    client.create_configuration_set(ConfigurationSetName="receipts")
    client.create_event_destination(
        ConfigurationSetName="receipts",
        EventDestinationName="to-sns",
        MatchingEventTypes=["TEXT_ALL"],
        SnsDestination={"TopicArn": topic},
    )

    sent = client.send_text_message(
        DestinationPhoneNumber="+12065550142",
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Your order shipped",
        ConfigurationSetName="receipts",
    )

    delivered = published(sqs, url)
    listed = sms.events(configuration_set_name="receipts")
    assert delivered
    assert {p["messageId"] for p in delivered} == {sent["MessageId"]}
    assert [e["payload"] for e in listed if e["payload"] in delivered] == delivered


def test_eventbridge_events_reach_a_rule_in_the_moto_server(sms: Client, moto_url: str) -> None:
    events, sqs = moto_client(moto_url, "events"), moto_client(moto_url, "sqs")
    url = sqs.create_queue(QueueName="eventbridge-over-http")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    pattern = {"source": ["aws.sms-voice"], "detail-type": ["Registration Status Change"]}
    events.put_rule(Name="registrations-over-http", EventPattern=json.dumps(pattern))
    target = {"Id": "queue", "Arn": arn["QueueArn"]}
    events.put_targets(Rule="registrations-over-http", Targets=[target])

    client = sms.boto3_client(REGION)
    brand = client.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")

    answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    [event] = [json.loads(m["Body"]) for m in answer["Messages"]]
    assert event["detail"]["registrationDetails"]["registrationId"] == brand["RegistrationId"]
    assert event["detail"]["registrationDetails"]["currentStatus"] == "CREATED"
    [listed] = sms.eventbridge_events("Registration Status Change")
    assert listed["delivery"]["status"] == "delivered"
    assert listed["envelope"]["detail"] == event["detail"]


# -- moto's own server mode ----------------------------------------------------------------------


def test_in_moto_test_server_mode_deliveries_go_to_its_server(
    moto_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "TEST_SERVER_MODE", True)
    monkeypatch.setenv("TEST_SERVER_MODE_ENDPOINT", moto_url)
    monkeypatch.setenv("MOTO_CALL_RESET_API", "false")  # other tests share this moto server
    with mock_aws(), mock_sms_voice() as sms:
        assert moto_target() == ("server", moto_url)
        topic, sqs, url = queue_behind_topic(moto_url, "moto-server-mode")
        client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        ours = two_way_number(client, topic)

        inbound = sms.receive("+12065550100", ours, "YES")

        assert inbound.delivery.status == "delivered"
        assert published(sqs, url) == [inbound.payload]
    assert moto_target() is None
