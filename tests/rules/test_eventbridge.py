"""What AWS End User Messaging SMS sends to EventBridge, through boto3 and moto: every text,
media and voice event as ``Text/Media/Voice Message Delivery Status Updated`` and every
registration status change as ``Registration Status Change``, on the account's default event
bus, routed by the user's own rules; recorded on the handle when moto is not active."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import toll_free_number
from tests.installed_model import needs_enum_values, needs_members
from tests.payload_schemas import validator
from tests.registration_data import BRAND, new_registration, put_values

REGION = "us-east-1"
ACCOUNT = "123456789012"
END_USER = "+12065550142"
NOW = "2026-06-01T12:00:00Z"
NOW_MS = 1780315200000
TEXT = "Text Message Delivery Status Updated"
MEDIA = "Media Message Delivery Status Updated"
VOICE = "Voice Message Delivery Status Updated"
REGISTRATION = "Registration Status Change"


def queue_behind_rule(*detail_types: str) -> tuple[Any, str]:
    """An SQS queue the default bus's rule for ``detail_types`` of ``aws.sms-voice`` targets:
    the SQS client_in_moto and the queue URL."""
    events = boto3.client("events", region_name=REGION)
    sqs = boto3.client("sqs", region_name=REGION)
    url = sqs.create_queue(QueueName="sms-voice-events")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    pattern = {"source": ["aws.sms-voice"], "detail-type": list(detail_types)}
    events.put_rule(Name="sms-voice", EventPattern=json.dumps(pattern))
    events.put_targets(Rule="sms-voice", Targets=[{"Id": "queue", "Arn": arn["QueueArn"]}])
    return sqs, url


def drain(sqs: Any, url: str) -> list[dict[str, Any]]:
    """Every event in the queue, in order."""
    found: list[dict[str, Any]] = []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages"):
        for message in messages:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


SENDS = {
    TEXT: ("send_text_message", {"MessageBody": "Your order shipped"}),
    MEDIA: ("send_media_message", {"MediaUrls": ["s3://bucket/cat.jpg"]}),
    VOICE: ("send_voice_message", {"MessageBody": "Your code is 1 2 3"}),
}


@pytest.mark.parametrize("detail_type", [TEXT, MEDIA, VOICE])
def test_message_events_reach_a_rule_on_the_default_bus(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock, detail_type: str
) -> None:
    sqs, url = queue_behind_rule(detail_type)
    origin = toll_free_number(client_in_moto, handle=sms_in_moto)
    operation, arguments = SENDS[detail_type]
    with freeze_time(NOW):
        # No configuration set: EventBridge gets the events regardless.
        message_id = getattr(client_in_moto, operation)(
            DestinationPhoneNumber=END_USER,
            OriginationIdentity=origin["PhoneNumberId"],
            Context={"order": "A-1"},
            **arguments,
        )["MessageId"]
        # Read on the same clock: moto's queue drops messages past their retention period.
        received = drain(sqs, url)
        recorded = sms_in_moto.eventbridge_events(detail_type)

    assert {e.delivery.status for e in recorded} == {"delivered"}
    # moto's copy is ours but for the id moto gives it and the account its SQS target leaves out.
    assert [without_id_and_account(e) for e in received] == [
        without_id_and_account(e.envelope) for e in recorded
    ]
    first = recorded[0].envelope
    assert (first["source"], first["detail-type"]) == ("aws.sms-voice", detail_type)
    assert (first["account"], first["region"], first["resources"]) == (ACCOUNT, REGION, [])
    assert first["time"] == "2026-06-01T12:00:00Z"
    for event in recorded:
        validator("eventbridge-message-event").validate(event.envelope)
        assert event.detail["messageId"] == message_id
        assert event.detail["eventTimestamp"] == NOW_MS
        assert event.detail["originationPhoneNumber"] == origin["PhoneNumber"]
        # AWS's EventBridge examples carry neither; its configuration-set examples do.
        assert "destinationPhoneNumber" not in event.detail and "context" not in event.detail
    assert recorded[-1].detail["isFinal"] is True


def without_id_and_account(envelope: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in envelope.items() if k not in ("id", "account")}


def test_the_rule_pattern_routes_only_its_detail_types(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    sqs, url = queue_behind_rule(VOICE)
    origin = toll_free_number(client_in_moto, handle=sms_in_moto)
    client_in_moto.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=origin["PhoneNumberId"],
        MessageBody="Not a call",
    )

    assert drain(sqs, url) == []
    assert [e.detail_type for e in sms_in_moto.eventbridge_events()] == [TEXT, TEXT]


def test_a_rule_made_after_a_send_gets_the_next_sends_events(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    origin = toll_free_number(client_in_moto, handle=sms_in_moto)

    def send() -> str:
        return str(
            client_in_moto.send_text_message(
                DestinationPhoneNumber=END_USER,
                OriginationIdentity=origin["PhoneNumberId"],
                MessageBody="hello",
            )["MessageId"]
        )

    send()  # no rule yet: the bus routes it nowhere
    before = sms_in_moto.eventbridge_events()
    sqs, url = queue_behind_rule(TEXT)
    second = send()

    assert {e.delivery.status for e in before} == {"delivered"}
    assert all("no rule" in e.delivery.detail for e in before)
    assert [e["detail"]["messageId"] for e in drain(sqs, url)] == [second, second]


def test_a_voice_detail_matches_the_documented_voice_initiated_event(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    sqs, url = queue_behind_rule(VOICE)
    origin = toll_free_number(client_in_moto, handle=sms_in_moto)
    client_in_moto.send_voice_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=origin["PhoneNumberId"],
        MessageBody="Your code is 1 2 3",
    )

    initiated = drain(sqs, url)[0]["detail"]
    # The members of AWS's VOICE_INITIATED example (Monitoring with EventBridge), no more.
    assert set(initiated) == {
        "eventType",
        "eventVersion",
        "eventTimestamp",
        "isFinal",
        "originationPhoneNumber",
        "isoCountryCode",
        "messageId",
        "messageRequestTimestamp",
        "messageStatus",
    }
    assert (initiated["eventType"], initiated["isFinal"]) == ("VOICE_INITIATED", False)


def test_registration_status_changes_reach_a_rule(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    sqs, url = queue_behind_rule(REGISTRATION)
    sms_in_moto.set_lifecycle("registration", "manual")
    with freeze_time(NOW):
        brand = new_registration(client_in_moto, "US_TEN_DLC_BRAND_REGISTRATION")
        put_values(client_in_moto, brand, BRAND)
        client_in_moto.submit_registration_version(RegistrationId=brand)
        sms_in_moto.advance("registration", brand)
        sms_in_moto.advance("registration", brand, to="REQUIRES_UPDATES")
        client_in_moto.create_registration_version(RegistrationId=brand)  # still REQUIRES_UPDATES
        client_in_moto.submit_registration_version(RegistrationId=brand)
        sms_in_moto.advance("registration", brand, to="COMPLETE")
        received = drain(sqs, url)

    arn = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:registration/{brand}"
    assert [
        (
            e["detail"]["registrationDetails"]["currentStatus"],
            e["detail"]["registrationDetails"]["registrationVersionNumber"],
        )
        for e in received
    ] == [
        ("CREATED", 1),
        ("SUBMITTED", 1),
        ("REVIEWING", 1),
        ("REQUIRES_UPDATES", 1),
        ("SUBMITTED", 2),
        ("COMPLETE", 2),
    ]
    for event in sms_in_moto.eventbridge_events(REGISTRATION):
        validator("registration-status-change").validate(event.envelope)
    for event in received:
        assert event["resources"] == [arn]
        assert event["detail"]["registrationArn"] == arn
        details = event["detail"]["registrationDetails"]
        assert details["registrationId"] == brand
        assert details["registrationType"] == "US_TEN_DLC_BRAND_REGISTRATION"
        assert details["registrationStatusChangeTimestamp"] == NOW_MS


@needs_enum_values("RegistrationStatus", "REQUIRES_AUTHENTICATION")
def test_authentication_and_aws_review_steps(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    sms_in_moto.set_lifecycle("registration", "manual")
    brand = new_registration(client_in_moto, "US_TEN_DLC_BRAND_REGISTRATION")
    put_values(client_in_moto, brand, BRAND)
    client_in_moto.submit_registration_version(RegistrationId=brand)
    sms_in_moto.advance("registration", brand, to="REQUIRES_AUTHENTICATION")
    sms_in_moto.advance("registration", brand, to="REVIEWING")
    sms_in_moto.advance("registration", brand, to="COMPLETE")

    events = sms_in_moto.eventbridge_events(REGISTRATION)

    statuses = [e.detail["registrationDetails"]["currentStatus"] for e in events]
    assert statuses == ["CREATED", "SUBMITTED", "REQUIRES_AUTHENTICATION", "REVIEWING", "COMPLETE"]


@needs_members("SubmitRegistrationVersionRequest", "AwsReview")
def test_aws_review_is_not_a_status_eventbridge_gets(sms_voice: SmsVoiceMock) -> None:
    client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    sms_voice.set_lifecycle("registration", "manual")
    brand = new_registration(client, "US_TEN_DLC_BRAND_REGISTRATION")
    put_values(client, brand, BRAND)
    client.submit_registration_version(RegistrationId=brand, AwsReview=True)
    sms_voice.advance("registration", brand)  # AWS_REVIEWING: not in the documented list
    assert (
        client.describe_registrations(RegistrationIds=[brand])["Registrations"][0][
            "RegistrationStatus"
        ]
        == "AWS_REVIEWING"
    )
    sms_voice.advance("registration", brand)  # REVIEWING

    events = sms_voice.eventbridge_events(REGISTRATION)

    statuses = [e.detail["registrationDetails"]["currentStatus"] for e in events]
    assert statuses == ["CREATED", "SUBMITTED", "REVIEWING"]


def test_a_deleted_registration_says_so(client_in_moto: Any, sms_in_moto: SmsVoiceMock) -> None:
    sqs, url = queue_behind_rule(REGISTRATION)
    brand = new_registration(client_in_moto, "US_TEN_DLC_BRAND_REGISTRATION")
    client_in_moto.delete_registration(RegistrationId=brand)

    statuses = [e["detail"]["registrationDetails"]["currentStatus"] for e in drain(sqs, url)]
    assert statuses == ["CREATED", "DELETED"]


def test_an_immediate_review_reports_each_step_when_read(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    sqs, url = queue_behind_rule(REGISTRATION)
    brand = new_registration(client_in_moto, "US_TEN_DLC_BRAND_REGISTRATION")
    put_values(client_in_moto, brand, BRAND)
    client_in_moto.submit_registration_version(RegistrationId=brand)
    assert len(drain(sqs, url)) == 2  # CREATED, SUBMITTED: the review has not been read yet

    events = sms_in_moto.eventbridge_events(REGISTRATION)  # reading moves the review on

    statuses = [e.detail["registrationDetails"]["currentStatus"] for e in events]
    assert statuses == ["CREATED", "SUBMITTED", "REVIEWING", "COMPLETE"]
    assert [e["detail"] for e in drain(sqs, url)] == [e.detail for e in events[2:]]


def test_rcs_events_have_no_detail_type(client_in_moto: Any, sms_in_moto: SmsVoiceMock) -> None:
    if "SendRcsMessage" not in client_in_moto.meta.service_model.operation_names:
        pytest.skip("the installed botocore model predates SendRcsMessage")
    agent_id = client_in_moto.create_rcs_agent()["RcsAgentId"]
    sms_in_moto.launch_rcs_agent(agent_id, "US", "ACTIVE", registration_id="registration-1")
    client_in_moto.send_rcs_message(
        OriginationIdentity=agent_id,
        DestinationPhoneNumber=END_USER,
        RcsMessageContent={"Content": {"TextMessage": {"Body": "Your table is ready."}}},
    )

    assert sms_in_moto.eventbridge_events() == ()


# -- without moto --------------------------------------------------------------------------------


def test_without_moto_the_events_are_recorded_on_the_handle(sms_voice: SmsVoiceMock) -> None:
    client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    origin = toll_free_number(client, handle=sms_voice)
    with freeze_time(NOW):
        client.send_text_message(
            DestinationPhoneNumber=END_USER,
            OriginationIdentity=origin["PhoneNumberId"],
            MessageBody="hello",
        )
        brand = new_registration(client, "US_TEN_DLC_BRAND_REGISTRATION")

    events = sms_voice.eventbridge_events()
    assert [e.detail_type for e in events] == [TEXT, TEXT, REGISTRATION]
    assert {e.delivery.status for e in events} == {"recorded"}
    envelope = events[-1].envelope
    assert envelope == {
        "version": "0",
        "id": events[-1].event_id,
        "detail-type": REGISTRATION,
        "source": "aws.sms-voice",
        "account": ACCOUNT,
        "time": "2026-06-01T12:00:00Z",
        "region": REGION,
        "resources": [f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:registration/{brand}"],
        "detail": events[-1].detail,
    }
    validator("registration-status-change").validate(envelope)
    for event in events[:2]:
        validator("eventbridge-message-event").validate(event.envelope)


def test_an_unknown_detail_type_is_refused(sms_voice: SmsVoiceMock) -> None:
    with pytest.raises(ValueError, match="Registration Status Change"):
        sms_voice.eventbridge_events("Registration Status Changed")
