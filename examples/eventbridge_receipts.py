"""Delivery receipts through an EventBridge rule, with smsmock and moto in one process.

AWS End User Messaging SMS puts every text message's delivery status events on the account's
default EventBridge bus (source ``aws.sms-voice``, detail-type ``Text Message Delivery Status
Updated``), with no configuration set. Here a rule on that bus sends them to an SQS queue; the
service's receipt consumer reads the queue and marks each notification delivered or failed.
smsmock puts the events on moto's default bus; moto's rule routes them to the queue. The test
chooses which number fails.

    python examples/eventbridge_receipts.py     (needs moto[events]: pip install "moto[events]")
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
RULE_PATTERN = {
    "source": ["aws.sms-voice"],
    "detail-type": ["Text Message Delivery Status Updated"],
}

# -- the application code ------------------------------------------------------------------------


class Notifications:
    """Sends notifications by SMS and keeps each one's state: ``sent``, then ``delivered`` or
    ``failed`` (with the carrier's reason) as receipts come in."""

    def __init__(self, origination_identity: str) -> None:
        self.sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        self.origination_identity = origination_identity
        self.state: dict[str, str] = {}  # message id → state
        self.reasons: dict[str, str] = {}

    def notify(self, phone_number: str, text: str) -> str:
        # No ConfigurationSetName: EventBridge gets the events anyway.
        sent = self.sms.send_text_message(
            DestinationPhoneNumber=phone_number,
            OriginationIdentity=self.origination_identity,
            MessageBody=text,
        )
        self.state[sent["MessageId"]] = "sent"
        return str(sent["MessageId"])


class ReceiptConsumer:
    """Reads the EventBridge events an SQS queue receives from the rule and updates
    :class:`Notifications` from each event's ``detail``: what a Lambda on the queue would do."""

    def __init__(self, queue_url: str, notifications: Notifications) -> None:
        self.sqs = boto3.client("sqs", region_name=REGION)
        self.queue_url = queue_url
        self.notifications = notifications

    def drain(self) -> int:
        """Handle every event waiting in the queue; returns how many."""
        handled = 0
        while messages := self.sqs.receive_message(
            QueueUrl=self.queue_url, MaxNumberOfMessages=10
        ).get("Messages"):
            for message in messages:
                self.handle(json.loads(message["Body"]))
                self.sqs.delete_message(
                    QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"]
                )
                handled += 1
        return handled

    def handle(self, event: dict[str, Any]) -> None:
        detail = event["detail"]  # the delivery status event's JSON
        message_id = detail["messageId"]
        if message_id not in self.notifications.state:
            return  # not ours
        status = detail["messageStatus"]
        if status == "DELIVERED":
            self.notifications.state[message_id] = "delivered"
        elif detail["isFinal"] and status != "SUCCESSFUL":  # SUCCESSFUL: the carrier took it
            self.notifications.state[message_id] = "failed"
            self.notifications.reasons[message_id] = detail["messageStatusDescription"]


# -- the scenario: infrastructure in moto, SMS in smsmock ----------------------------------------


def events_queue() -> str:
    """An SQS queue that a rule on the default event bus sends text delivery events to (in
    moto): the queue URL."""
    events = boto3.client("events", region_name=REGION)
    sqs = boto3.client("sqs", region_name=REGION)
    queue_url = sqs.create_queue(QueueName="sms-receipts")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    events.put_rule(Name="sms-receipts", EventPattern=json.dumps(RULE_PATTERN))
    target = {"Id": "receipts", "Arn": queue_arn["Attributes"]["QueueArn"]}
    events.put_targets(Rule="sms-receipts", Targets=[target])
    return str(queue_url)


def phone_number(handle: SmsVoiceMock) -> str:
    """A toll-free number to send from, its registration approved: its ARN."""
    sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    number = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    handle.register_phone_number(number["PhoneNumberId"])  # its toll-free registration
    return str(number["PhoneNumberArn"])


def main() -> dict[str, str]:
    """Send two notifications: one is delivered, the carrier blocks the other. Returns each
    phone number's final state."""
    with mock_aws(), mock_sms_voice() as sms:
        queue_url = events_queue()
        notifications = Notifications(phone_number(sms))
        consumer = ReceiptConsumer(queue_url, notifications)
        # The test decides what the carriers do, per destination number (or pattern):
        sms.set_fate("+12065550199", "CARRIER_BLOCKED", delay=timedelta(minutes=5))

        # The mock's clock is freezegun's: the test moves it.
        with freeze_time(datetime.now(timezone.utc)) as clock:
            sent = {
                number: notifications.notify(number, "Your parcel arrives today")
                for number in ("+12065550142", "+12065550199")
            }
            clock.tick(timedelta(minutes=5))  # the carrier's verdict is due
            sms.settle_events()  # due events arrive (as on any request to the mock)
            print(f"{consumer.drain()} events read from the queue")

        outcome = {}
        for number, message_id in sent.items():
            state = notifications.state[message_id]
            reason = notifications.reasons.get(message_id, "")
            print(f"{number}: {state:<9} {reason}".rstrip())
            outcome[number] = state
        for event in sms.eventbridge_events():
            detail = event.detail
            print(f"  {detail['messageId']} {detail['eventType']:<20} {event.delivery.status}")
        return outcome


if __name__ == "__main__":
    main()
