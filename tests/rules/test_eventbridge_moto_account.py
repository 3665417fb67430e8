"""With ``MOTO_ACCOUNT_ID`` set, moto answers every call from that account, the user's own rules
included: the delivery status events of a send reach the rule the user made there."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from smsmock import SmsVoiceMock
from tests.helpers import toll_free_number

REGION = "us-east-1"
MOTO_ACCOUNT = "111122223333"


@pytest.fixture
def moto_account(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MOTO_ACCOUNT_ID", MOTO_ACCOUNT)
    return MOTO_ACCOUNT


def test_events_reach_a_rule_of_the_moto_account(
    moto_account: str, client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    events = boto3.client("events", region_name=REGION)
    sqs = boto3.client("sqs", region_name=REGION)
    url = sqs.create_queue(QueueName="sms-voice-events")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    pattern = {"source": ["aws.sms-voice"], "detail-type": ["Text Message Delivery Status Updated"]}
    events.put_rule(Name="sms-voice", EventPattern=json.dumps(pattern))
    events.put_targets(Rule="sms-voice", Targets=[{"Id": "queue", "Arn": arn["QueueArn"]}])
    origin = toll_free_number(client_in_moto, handle=sms_in_moto)
    message_id = client_in_moto.send_text_message(
        DestinationPhoneNumber="+12065550142",
        OriginationIdentity=origin["PhoneNumberId"],
        MessageBody="hello",
    )["MessageId"]
    answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    routed = [json.loads(m["Body"]) for m in answer.get("Messages", [])]
    assert [event["detail"]["messageId"] for event in routed] == [message_id, message_id]
    deliveries = [event.delivery for event in sms_in_moto.eventbridge_events()]
    assert [d.status if d else None for d in deliveries] == ["delivered", "delivered"]
