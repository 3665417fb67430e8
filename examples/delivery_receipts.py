"""Delivery receipts through SNS and SQS, with smsmock and moto in one process.

A notification service sends texts with a configuration set whose event destination is an SNS
topic; an SQS queue is subscribed to the topic; the service's receipt consumer reads the queue
and marks each notification delivered or failed. smsmock publishes each event's JSON, as AWS
does, to the topic in moto; moto delivers it to the queue. The test chooses which number fails.

    python examples/delivery_receipts.py        (needs moto: pip install moto)
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import boto3
from freezegun import freeze_time
from moto import mock_aws

from smsmock import SmsVoiceMock, mock_sms_voice

REGION = "us-east-1"

# -- the application code ------------------------------------------------------------------------


class Notifications:
    """Sends notifications by SMS and keeps each one's state: ``sent``, then ``delivered`` or
    ``failed`` (with the carrier's reason) as receipts come in."""

    def __init__(self, origination_identity: str, configuration_set: str) -> None:
        self.sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        self.origination_identity = origination_identity
        self.configuration_set = configuration_set
        self.state: dict[str, str] = {}  # message id → state
        self.reasons: dict[str, str] = {}

    def notify(self, phone_number: str, text: str) -> str:
        sent = self.sms.send_text_message(
            DestinationPhoneNumber=phone_number,
            OriginationIdentity=self.origination_identity,
            MessageBody=text,
            ConfigurationSetName=self.configuration_set,
        )
        self.state[sent["MessageId"]] = "sent"
        return str(sent["MessageId"])


class ReceiptConsumer:
    """Reads delivery receipts from an SQS queue subscribed to the events topic with raw message
    delivery (each message body is the event's JSON) and updates :class:`Notifications`: what a
    Lambda on the queue would do."""

    def __init__(self, queue_url: str, notifications: Notifications) -> None:
        self.sqs = boto3.client("sqs", region_name=REGION)
        self.queue_url = queue_url
        self.notifications = notifications

    def drain(self) -> int:
        """Handle every receipt waiting in the queue; returns how many."""
        handled = 0
        while True:
            answer = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10)
            messages = answer.get("Messages", [])
            if not messages:
                return handled
            for message in messages:
                self.handle(json.loads(message["Body"]))
                self.sqs.delete_message(
                    QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"]
                )
                handled += 1

    def handle(self, event: dict[str, Any]) -> None:
        message_id = event["messageId"]
        if message_id not in self.notifications.state:
            return  # not ours
        status = event["messageStatus"]
        if status == "DELIVERED":
            self.notifications.state[message_id] = "delivered"
        elif event["isFinal"] and status != "SUCCESSFUL":  # SUCCESSFUL: the carrier took it
            self.notifications.state[message_id] = "failed"
            self.notifications.reasons[message_id] = event["messageStatusDescription"]


# -- the scenario: infrastructure in moto, SMS in smsmock ----------------------------------------


def events_queue() -> tuple[str, str]:
    """An SNS topic with an SQS queue subscribed with raw message delivery (in moto): the topic
    ARN and the queue URL."""
    sns = boto3.client("sns", region_name=REGION)
    sqs = boto3.client("sqs", region_name=REGION)
    topic = sns.create_topic(Name="sms-events")["TopicArn"]
    queue_url = sqs.create_queue(QueueName="sms-receipts")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    sns.subscribe(
        TopicArn=topic,
        Protocol="sqs",
        Endpoint=queue_arn["Attributes"]["QueueArn"],
        # Raw delivery: no SNS envelope. Also keeps moto from signing envelopes with a
        # certificate while freezegun is active, which breaks later SNS-to-SQS publishes in
        # the process (spulec/freezegun#399).
        Attributes={"RawMessageDelivery": "true"},
    )
    return topic, queue_url


def sms_setup(topic: str, handle: SmsVoiceMock) -> str:
    """A phone number and a configuration set streaming every text event to ``topic``."""
    sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    number = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    handle.register_phone_number(number["PhoneNumberId"])  # its toll-free registration
    sms.create_configuration_set(ConfigurationSetName="notifications")
    sms.create_event_destination(
        ConfigurationSetName="notifications",
        EventDestinationName="receipts",
        MatchingEventTypes=["TEXT_ALL"],
        SnsDestination={"TopicArn": topic},
    )
    return str(number["PhoneNumberArn"])


def main() -> dict[str, str]:
    """Send three notifications: one is delivered, the carrier cannot reach the second, and the
    third never gets a final receipt (the service reports it ``UNKNOWN`` after 72 hours).
    Returns each phone number's final state."""
    with mock_aws(), mock_sms_voice() as sms:
        topic, queue_url = events_queue()
        notifications = Notifications(sms_setup(topic, sms), "notifications")
        consumer = ReceiptConsumer(queue_url, notifications)
        # The test decides what the carriers do, per destination number (or pattern):
        sms.set_fate("+12065550199", "CARRIER_UNREACHABLE", delay=timedelta(seconds=30))
        sms.set_fate("+12065550177", "PENDING")

        # The mock's clock is freezegun's: the test moves it.
        with freeze_time(datetime.now(timezone.utc)) as clock:
            sent = {
                number: notifications.notify(number, "Your parcel arrives today")
                for number in ("+12065550142", "+12065550199", "+12065550177")
            }
            clock.tick(timedelta(hours=72))  # the carrier's receipt and the timeout are due
            sms.settle_events()  # due events arrive (as on any request to the mock)
            print(f"{consumer.drain()} receipts read from the queue")

        outcome = {}
        for number, message_id in sent.items():
            state = notifications.state[message_id]
            reason = notifications.reasons.get(message_id, "")
            print(f"{number}: {state:<9} {reason}".rstrip())
            outcome[number] = state
        for event in sms.events():
            print(
                f"  {event.destination_phone_number} {event.event_type:<26} {event.delivery.status}"
            )
        return outcome


if __name__ == "__main__":
    main()
