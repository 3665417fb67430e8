"""Where and when a message's events arrive: the destinations of the sender's own account and
region, a destination ARN without region and account delivered into the sender's; each event
destination's record holding its own copy of the payload; and the events a send schedules
arriving on the request's clock, so a later one is not out when the send returns even though the
clock moved on while it was answered."""

from __future__ import annotations

from typing import Any

import boto3
from freezegun import freeze_time

from smsmock import EventRecord, SmsVoiceMock
from tests.conftest import SERVICE
from tests.helpers import record_events, send_text, toll_free_number

END_USER = "+12065550100"
OTHER_ACCOUNT = "111122223333"
REGION = "eu-west-1"
ROLE = f"arn:aws:iam::{OTHER_ACCOUNT}:role/sms-events"


def credentials_of(account_id: str) -> dict[str, str]:
    """Credentials of a role of ``account_id``, as moto's STS gives them: moto answers their
    calls from that account."""
    role = f"arn:aws:iam::{account_id}:role/tests"
    given = boto3.client("sts", region_name=REGION).assume_role(
        RoleArn=role, RoleSessionName="tests"
    )["Credentials"]
    return {
        "aws_access_key_id": given["AccessKeyId"],
        "aws_secret_access_key": given["SecretAccessKey"],
        "aws_session_token": given["SessionToken"],
    }


def test_a_log_group_arn_without_region_and_account_is_the_senders(
    sms_in_moto: SmsVoiceMock,
) -> None:
    """A sender in another account and region than the defaults: its configuration set is
    found there, and the log group its ARN leaves unplaced is the one of that account and
    region."""
    credentials = credentials_of(OTHER_ACCOUNT)
    sms_in_moto.map_access_key(credentials["aws_access_key_id"], OTHER_ACCOUNT)
    client = boto3.client(SERVICE, region_name=REGION, **credentials)
    logs = boto3.client("logs", region_name=REGION, **credentials)
    logs.create_log_group(logGroupName="sms")
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="logs",
        MatchingEventTypes=["ALL"],
        CloudWatchLogsDestination={
            "IamRoleArn": ROLE,
            "LogGroupArn": "arn:aws:logs:::log-group:sms",
        },
    )
    origin = toll_free_number(client, ("SMS",), handle=sms_in_moto)
    message_id = send_text(client, origin["PhoneNumberId"], END_USER)

    events = sms_in_moto.events("cs")
    assert [(e.event_type, e.account_id, e.region) for e in events] == [
        ("TEXT_SUCCESSFUL", OTHER_ACCOUNT, REGION),
        ("TEXT_DELIVERED", OTHER_ACCOUNT, REGION),
    ]
    assert {(e.delivery.status, e.delivery.detail) for e in events} == {
        ("delivered", "arn:aws:logs:::log-group:sms (moto)")
    }
    logged = logs.filter_log_events(logGroupName="sms")["events"]
    assert [f'"messageId":"{message_id}"' in e["message"] for e in logged] == [True, True]


def test_each_destination_keeps_its_own_copy_of_the_payload(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """A test that edits what one destination received (its ``context`` here) leaves what the
    others received as it was."""
    origin = toll_free_number(client, ("SMS",), handle=sms_voice)["PhoneNumberId"]
    record_events(client)
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="delivered",
        MatchingEventTypes=["TEXT_DELIVERED"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:delivered"},
    )
    client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=origin,
        MessageBody="Your order shipped",
        ConfigurationSetName="cs",
        Context={"order": "A-1"},
    )

    first, second = sms_voice.events("cs", event_type="TEXT_DELIVERED")
    assert (first.event_destination_name, second.event_destination_name) == ("all", "delivered")
    first.payload["context"]["order"] = "edited"
    assert second.payload["context"] == {"order": "A-1"}


def test_a_later_event_is_not_out_when_the_send_returns(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """The clock moves a second at every read (freezegun's ``auto_tick_seconds``), so it has
    passed the delivery half a second after the send before the send is answered: the send's
    events are those due at its own time, the delivery comes at the next read."""
    origin = toll_free_number(client, ("SMS",), handle=sms_voice)["PhoneNumberId"]
    record_events(client)
    sms_voice.set_fate(END_USER, "DELIVERED", delay=0.5)
    arrived: list[EventRecord] = []
    sms_voice.on_event(arrived.append)
    with freeze_time("2026-06-01T12:00:00Z", auto_tick_seconds=1):
        send_text(client, origin, END_USER)
        during_the_send = [e.event_type for e in arrived]
        later = [e.event_type for e in sms_voice.events("cs")]

    assert during_the_send == ["TEXT_SUCCESSFUL"]
    assert later == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]


def test_a_callbacks_own_request_lets_no_later_event_in_before_it_returns(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    """The events waiting when a callback calls the service arrive after that callback, in
    order: its request does not make the next event's callback run inside it."""
    origin = toll_free_number(client, ("SMS",), handle=sms_voice)["PhoneNumberId"]
    record_events(client)
    seen: list[str] = []

    def look_up(event: EventRecord) -> None:
        seen.append(f"{event.event_type} starts")
        client.describe_configuration_sets()
        seen.append(f"{event.event_type} ends")

    sms_voice.on_event(look_up)
    send_text(client, origin, END_USER)

    assert seen == [
        "TEXT_SUCCESSFUL starts",
        "TEXT_SUCCESSFUL ends",
        "TEXT_DELIVERED starts",
        "TEXT_DELIVERED ends",
    ]


def test_settling_returns_every_record_that_arrived(client: Any, sms_voice: SmsVoiceMock) -> None:
    origin = toll_free_number(client, handle=sms_voice)["PhoneNumberId"]
    record_events(client)
    sms_voice.set_fate(END_USER, "NO_ANSWER", delay=30)
    with freeze_time("2026-06-01T12:00:00Z") as clock:
        client.send_voice_message(
            DestinationPhoneNumber=END_USER,
            OriginationIdentity=origin,
            MessageBody="Your code is 1 2 3",
            ConfigurationSetName="cs",
        )
        clock.tick(30)
        settled = sms_voice.settle_events()

    assert [e.event_type for e in settled] == ["VOICE_RINGING", "VOICE_NO_ANSWER"]
    assert list(settled) == list(sms_voice.events("cs"))[1:]
