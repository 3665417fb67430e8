"""A two-way flow: a booking is confirmed when the customer answers YES, with smsmock and moto.

The booking service texts "Reply YES to confirm" from a number with two-way messaging on, whose
two-way channel is an SNS topic; an SQS queue is subscribed to the topic; the reply consumer reads
the inbound messages' JSON from the queue and confirms the booking the reply answers (found by
``previousPublishedMessageId``, the id of the last message we sent to that customer).
``sms.receive(...)`` plays the customer's phone.

    python examples/two_way_booking.py        (needs moto: pip install moto)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import boto3
from moto import mock_aws

from smsmock import SmsVoiceMock, mock_sms_voice

REGION = "us-east-1"

# -- the application code ------------------------------------------------------------------------


@dataclass
class Booking:
    booking_id: str
    phone_number: str
    status: str = "requested"  # then "awaiting-reply", "confirmed" or "declined"


class BookingService:
    """Asks customers by SMS to confirm their bookings."""

    def __init__(self, phone_number: str) -> None:
        self.sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        self.phone_number = phone_number
        self.bookings: dict[str, Booking] = {}
        self.by_message: dict[str, str] = {}  # id of the question we sent → booking id

    def ask_to_confirm(self, booking: Booking, when: str) -> None:
        sent = self.sms.send_text_message(
            DestinationPhoneNumber=booking.phone_number,
            OriginationIdentity=self.phone_number,
            MessageBody=f"Your appointment is {when}. Reply YES to confirm or NO to cancel.",
        )
        self.bookings[booking.booking_id] = booking
        self.by_message[sent["MessageId"]] = booking.booking_id
        booking.status = "awaiting-reply"


class ReplyConsumer:
    """Reads customers' replies from an SQS queue subscribed to the two-way topic (each message an
    SNS notification whose ``Message`` is the inbound message's JSON)."""

    def __init__(self, queue_url: str, service: BookingService) -> None:
        self.sqs = boto3.client("sqs", region_name=REGION)
        self.queue_url = queue_url
        self.service = service

    def drain(self) -> int:
        handled = 0
        while True:
            answer = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10)
            messages = answer.get("Messages", [])
            if not messages:
                return handled
            for message in messages:
                self.handle(json.loads(json.loads(message["Body"])["Message"]))
                self.sqs.delete_message(
                    QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"]
                )
                handled += 1

    def handle(self, inbound: dict[str, Any]) -> None:
        booking_id = self.service.by_message.get(inbound["previousPublishedMessageId"])
        booking = self.service.bookings.get(booking_id or "")
        if booking is None or booking.phone_number != inbound["originationNumber"]:
            return  # a message that answers nothing we asked
        answer = inbound["messageBody"].strip().upper()
        if answer in ("YES", "Y"):
            booking.status = "confirmed"
        elif answer in ("NO", "N"):
            booking.status = "declined"


# -- the scenario --------------------------------------------------------------------------------


def replies_queue() -> tuple[str, str]:
    """An SNS topic with an SQS queue subscribed (in moto): the topic ARN and the queue URL."""
    sns = boto3.client("sns", region_name=REGION)
    sqs = boto3.client("sqs", region_name=REGION)
    topic = sns.create_topic(Name="sms-replies")["TopicArn"]
    queue_url = sqs.create_queue(QueueName="sms-replies")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn["Attributes"]["QueueArn"])
    return topic, queue_url


def two_way_number(topic: str, handle: SmsVoiceMock) -> str:
    """A toll-free number whose replies go to ``topic``."""
    sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    number = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    handle.register_phone_number(number["PhoneNumberId"])  # its toll-free registration
    sms.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=topic
    )
    return str(number["PhoneNumber"])


def main() -> dict[str, str]:
    """Two customers are asked; one answers YES, the other NO. Returns each booking's status."""
    with mock_aws(), mock_sms_voice() as handle:
        topic, queue_url = replies_queue()
        ours = two_way_number(topic, handle)
        service = BookingService(ours)
        consumer = ReplyConsumer(queue_url, service)
        alice = Booking("b-1", "+12065550101")
        bob = Booking("b-2", "+12065550102")
        service.ask_to_confirm(alice, "Tuesday at 10:00")
        service.ask_to_confirm(bob, "Tuesday at 11:00")

        handle.receive(alice.phone_number, ours, "Yes")  # the customers' phones answer
        handle.receive(bob.phone_number, ours, "no")
        print(f"{consumer.drain()} replies read from the queue")

        for booking in (alice, bob):
            print(f"{booking.booking_id} ({booking.phone_number}): {booking.status}")
        for inbound in handle.inbound_messages:
            print(f"  {inbound.message_body!r:8} {inbound.delivery.status}")
        return {booking.booking_id: booking.status for booking in (alice, bob)}


if __name__ == "__main__":
    main()
