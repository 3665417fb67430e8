"""What happens to a message, chosen by the test (``sms.set_fate``), on the mock's clock: later
events arrive when freezegun moves it, a message without a final event turns ``UNKNOWN`` after
72 hours, and callbacks see events and inbound messages as they arrive."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
from freezegun import freeze_time
from moto import mock_aws

from smsmock import SmsVoiceMock
from smsmock.rules.events import catalogue
from tests.helpers import record_events, send_text, toll_free_number
from tests.installed_model import needs_members, needs_operations
from tests.payload_schemas import check_event, check_events

END_USER = "+12065550100"
OTHER_USER = "+12065550111"
SENT_AT = "2026-06-01T12:00:00Z"
SENT_AT_MS = 1780315200000


@pytest.fixture
def number(client: Any) -> str:
    found: str = toll_free_number(client)["PhoneNumberId"]
    record_events(client)
    return found


def text(client: Any, number: str, to: str = END_USER) -> str:
    return send_text(client, number, to, "Your order shipped")


def call(client: Any, number: str, to: str = END_USER) -> str:
    message_id: str = client.send_voice_message(
        DestinationPhoneNumber=to,
        OriginationIdentity=number,
        MessageBody="Your code is 1 2 3",
        ConfigurationSetName="cs",
    )["MessageId"]
    return message_id


def statuses(sms: SmsVoiceMock, message_id: str) -> list[tuple[str, bool]]:
    """The ``(messageStatus, isFinal)`` of each event of one message, by now."""
    events = [e for e in sms.events("cs") if e.message_id == message_id]
    check_events(events)
    return [(e.payload["messageStatus"], e.payload["isFinal"]) for e in events]


# -- choosing a fate -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fate", "description"),
    [
        ("BLOCKED", "The recipient's device or carrier is blocking messages to this recipient"),
        ("SPAM", "unsolicited commercial content"),
        ("CARRIER_UNREACHABLE", "transient error"),
        ("CARRIER_BLOCKED", "carrier blocked"),
        ("UNREACHABLE", "not connected to the mobile network"),
        ("INVALID", "phone number is not valid"),
        ("INVALID_MESSAGE", "message body is not valid"),
        ("TTL_EXPIRED", "time to live"),
        ("UNKNOWN", "no other event type covers"),
    ],
)
def test_a_text_fails_as_chosen(
    client: Any, sms_voice: SmsVoiceMock, number: str, fate: str, description: str
) -> None:
    sms_voice.set_fate(END_USER, fate)

    failed = text(client, number)
    delivered = text(client, number, to=OTHER_USER)

    [event] = [e for e in sms_voice.events("cs") if e.message_id == failed]
    check_event(event.payload)
    assert event.event_type == f"TEXT_{fate}"
    assert (event.payload["messageStatus"], event.payload["isFinal"]) == (fate, True)
    assert description in event.payload["messageStatusDescription"]
    assert statuses(sms_voice, delivered) == [("SUCCESSFUL", True), ("DELIVERED", True)]


@pytest.mark.parametrize(
    ("fate", "expected"),
    [
        ("BUSY", [("INITIATED", False), ("BUSY", True)]),
        ("NO_ANSWER", [("INITIATED", False), ("RINGING", False), ("NO_ANSWER", True)]),
        ("FAILED", [("INITIATED", False), ("FAILED", True)]),
        ("TTL_EXPIRED", [("TTL_EXPIRED", True)]),
    ],
)
def test_a_call_ends_as_chosen(
    client: Any, sms_voice: SmsVoiceMock, number: str, fate: str, expected: list[Any]
) -> None:
    sms_voice.set_fate(END_USER, fate)

    assert statuses(sms_voice, call(client, number)) == expected


def test_a_pattern_and_a_channel_prefix_choose_whom_and_what(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    sms_voice.set_fate("+1206555*", "TEXT_SPAM")  # texts only
    sms_voice.set_fate("+12065550111", "BUSY")  # calls only: texts keep the fate above

    assert statuses(sms_voice, text(client, number)) == [("SPAM", True)]
    assert statuses(sms_voice, text(client, number, to=OTHER_USER)) == [("SPAM", True)]
    assert statuses(sms_voice, call(client, number, to=OTHER_USER))[-1] == ("BUSY", True)
    assert statuses(sms_voice, call(client, number))[-1] == ("COMPLETED", True)
    assert statuses(sms_voice, text(client, number, to="+14255550100"))[-1] == ("DELIVERED", True)


def test_the_latest_choice_wins_and_clearing_delivers_again(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    sms_voice.set_fate("*", "BLOCKED")
    sms_voice.set_fate(END_USER, "SPAM")
    assert statuses(sms_voice, text(client, number)) == [("SPAM", True)]
    assert statuses(sms_voice, text(client, number, to=OTHER_USER)) == [("BLOCKED", True)]

    sms_voice.clear_fates()

    assert statuses(sms_voice, text(client, number))[-1] == ("DELIVERED", True)


def test_a_misspelt_fate_is_refused_with_the_closest_names(sms_voice: SmsVoiceMock) -> None:
    with pytest.raises(ValueError, match="Did you mean 'BLOCKED'"):
        sms_voice.set_fate(END_USER, "BLOKED")
    with pytest.raises(ValueError, match="NO_ANSWER"):
        sms_voice.set_fate(END_USER, "NO_ANSWR")
    with pytest.raises(ValueError, match="not a known message fate"):
        sms_voice.set_fate(END_USER, "EXPLODED")


def test_a_refused_fate_is_never_chosen(client: Any, sms_voice: SmsVoiceMock, number: str) -> None:
    with pytest.raises(ValueError):
        sms_voice.set_fate(END_USER, "BLOKED")
    with pytest.raises(ValueError):
        sms_voice.set_fate("1206555*0", "BLOCKED", delay=72 * 3600)

    message_id = text(client, number)

    assert statuses(sms_voice, message_id)[-1] == ("DELIVERED", True)


def test_opted_out_is_not_a_fate_but_a_refused_send(sms_voice: SmsVoiceMock) -> None:
    with pytest.raises(ValueError, match="DESTINATION_PHONE_NUMBER_OPTED_OUT"):
        sms_voice.set_fate(END_USER, "OPTED_OUT")


@pytest.mark.parametrize("delay", [-1, 72 * 3600, timedelta(days=3)])
def test_a_delay_must_end_before_the_72_hour_timeout(
    sms_voice: SmsVoiceMock, delay: float | timedelta
) -> None:
    with pytest.raises(ValueError, match="72 hours"):
        sms_voice.set_fate(END_USER, "DELIVERED", delay=delay)


def test_a_dry_run_has_no_events(client: Any, sms_voice: SmsVoiceMock, number: str) -> None:
    client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number,
        MessageBody="hi",
        ConfigurationSetName="cs",
        DryRun=True,
    )
    assert sms_voice.events("cs") == ()


# -- the clock -----------------------------------------------------------------------------------


def test_later_events_arrive_when_the_clock_passes_them(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    sms_voice.set_fate(END_USER, "DELIVERED", delay=60)
    with freeze_time(SENT_AT) as clock:
        message_id = text(client, number)
        assert statuses(sms_voice, message_id) == [("SUCCESSFUL", True)]

        clock.tick(59)
        assert statuses(sms_voice, message_id) == [("SUCCESSFUL", True)]

        clock.tick(1)
        events = sms_voice.events("cs")

    assert [e.event_type for e in events] == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
    assert events[1].payload["eventTimestamp"] == SENT_AT_MS + 60_000
    assert events[1].payload["messageRequestTimestamp"] == SENT_AT_MS


def test_events_arrive_before_the_next_request_is_answered(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    arrived: list[str] = []
    sms_voice.on_event(lambda event: arrived.append(event.event_type))
    sms_voice.set_fate(END_USER, "NO_ANSWER", delay=timedelta(seconds=30))
    with freeze_time(SENT_AT) as clock:
        call(client, number)
        assert arrived == ["VOICE_INITIATED"]

        clock.tick(30)
        client.describe_configuration_sets()  # any request: the clock has passed the events

    assert arrived == ["VOICE_INITIATED", "VOICE_RINGING", "VOICE_NO_ANSWER"]


def test_a_message_without_a_final_event_turns_unknown_after_72_hours(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    sms_voice.set_fate(END_USER, "PENDING")
    with freeze_time(SENT_AT) as clock:
        message_id = text(client, number)
        assert statuses(sms_voice, message_id) == [("PENDING", False)]

        clock.tick(timedelta(hours=72) - timedelta(seconds=1))
        assert statuses(sms_voice, message_id) == [("PENDING", False)]

        clock.tick(1)
        last = sms_voice.events("cs")[-1]

    assert statuses(sms_voice, message_id) == [("PENDING", False), ("UNKNOWN", True)]
    assert last.event_type == "TEXT_UNKNOWN"
    assert last.payload["eventTimestamp"] == SENT_AT_MS + 72 * 3600 * 1000
    assert "72 hours" in last.payload["messageStatusDescription"]


def test_events_go_to_the_destinations_there_are_when_they_arrive(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    sms_voice.set_fate(END_USER, "DELIVERED", delay=10)
    with freeze_time(SENT_AT) as clock:
        text(client, number)
        client.delete_event_destination(ConfigurationSetName="cs", EventDestinationName="all")
        clock.tick(10)

        assert [e.event_type for e in sms_voice.events("cs")] == ["TEXT_SUCCESSFUL"]


# -- callbacks -----------------------------------------------------------------------------------


def test_callbacks_see_events_and_inbound_messages(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    events: list[Any] = []
    inbound: list[Any] = []
    sms_voice.on_event(events.append)
    sms_voice.on_inbound(inbound.append)

    message_id = text(client, number)
    reply = sms_voice.receive(
        END_USER, client.describe_phone_numbers()["PhoneNumbers"][0]["PhoneNumber"], "YES"
    )

    assert [(e.event_type, e.message_id) for e in events] == [
        ("TEXT_SUCCESSFUL", message_id),
        ("TEXT_DELIVERED", message_id),
    ]
    assert events == list(sms_voice.events("cs"))
    assert inbound == [reply]
    assert reply.payload["previousPublishedMessageId"] == message_id


def test_a_failing_callback_reaches_the_test(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    def reject(event: Any) -> None:
        raise AssertionError(f"unexpected {event.event_type}")

    sms_voice.set_fate(END_USER, "DELIVERED", delay=5)
    with freeze_time(SENT_AT) as clock:
        text(client, number)
        sms_voice.on_event(reject)
        clock.tick(5)
        with pytest.raises(AssertionError, match="unexpected TEXT_DELIVERED"):
            sms_voice.events()


@needs_operations("PutMessageFeedback")
@needs_members("SendTextMessageRequest", "MessageFeedbackEnabled")
def test_a_callback_may_call_the_service(client: Any, sms_voice: SmsVoiceMock, number: str) -> None:
    feedback: list[str] = []

    def mark_received(event: Any) -> None:
        if event.event_type == "TEXT_DELIVERED":
            answer = client.put_message_feedback(
                MessageId=event.message_id, MessageFeedbackStatus="RECEIVED"
            )
            feedback.append(answer["MessageFeedbackStatus"])

    sms_voice.on_event(mark_received)
    client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number,
        MessageBody="123456 is your code",
        ConfigurationSetName="cs",
        MessageFeedbackEnabled=True,
    )

    assert feedback == ["RECEIVED"]


# -- state files ---------------------------------------------------------------------------------


def test_a_saved_state_keeps_its_events_and_its_timeline(
    client: Any, sms_voice: SmsVoiceMock, number: str, tmp_path: Path
) -> None:
    sms_voice.set_fate(END_USER, "PENDING")
    with freeze_time(SENT_AT) as clock:
        text(client, number)
        saved = sms_voice.events()
        sms_voice.save_state(tmp_path / "state.json")
        sms_voice.reset()
        assert sms_voice.events() == ()

        sms_voice.load_state(tmp_path / "state.json")
        assert sms_voice.events() == saved
        clock.tick(timedelta(hours=72))

        assert [e.event_type for e in sms_voice.events()] == ["TEXT_PENDING", "TEXT_UNKNOWN"]


# -- delivered where the configuration says ------------------------------------------------------


def test_a_chosen_failure_reaches_the_users_queue_through_moto(sms_voice: SmsVoiceMock) -> None:
    with mock_aws():
        sns = boto3.client("sns", region_name="us-east-1")
        sqs = boto3.client("sqs", region_name="us-east-1")
        topic = sns.create_topic(Name="receipts")["TopicArn"]
        url = sqs.create_queue(QueueName="receipts")["QueueUrl"]
        queue_arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
        sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn["Attributes"]["QueueArn"])
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="TOLL_FREE",
        )["PhoneNumberId"]
        sms_voice.register_phone_number(number)  # its toll-free registration, approved
        client.create_configuration_set(ConfigurationSetName="cs")
        for name, arn in (("receipts", topic), ("gone", topic + "-deleted")):
            client.create_event_destination(
                ConfigurationSetName="cs",
                EventDestinationName=name,
                MatchingEventTypes=["TEXT_ALL"],
                SnsDestination={"TopicArn": arn},
            )
        sms_voice.set_fate(END_USER, "CARRIER_BLOCKED")

        message_id = text(client, number)

        answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    [body] = [json.loads(json.loads(m["Body"])["Message"]) for m in answer["Messages"]]
    check_event(body)
    assert (body["messageId"], body["messageStatus"]) == (message_id, "CARRIER_BLOCKED")
    delivered, failed = sms_voice.events("cs")
    assert delivered.payload == body
    assert delivered.delivery.status == "delivered"
    # A topic that does not exist never fails the send: the event is recorded as not delivered.
    assert (failed.event_destination_name, failed.delivery.status) == ("gone", "failed")


def test_settling_lets_due_events_arrive_without_a_request(
    client: Any, sms_voice: SmsVoiceMock, number: str
) -> None:
    arrived: list[str] = []
    sms_voice.on_event(lambda event: arrived.append(event.event_type))
    sms_voice.set_fate(END_USER, "DELIVERED", delay=60)
    with freeze_time(SENT_AT) as clock:
        text(client, number)
        clock.tick(30)
        assert sms_voice.settle_events() == ()
        clock.tick(30)

        [record] = sms_voice.settle_events()

    assert record.event_type == "TEXT_DELIVERED"
    assert arrived == ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]
    assert sms_voice.settle_events() == ()


def test_every_fate_produces_event_types_of_the_installed_model() -> None:
    model = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
    documented = set(model.shape_for("EventType").enum)
    for channel, fates in catalogue.FATES.items():
        prefix = catalogue.PREFIXES[channel]
        if f"{prefix}_ALL" not in documented:
            continue  # a channel the installed model does not have yet (RCS before 1.43.37)
        for fate, statuses in fates.items():
            produced = {f"{prefix}_{status}" for status in statuses}
            if not catalogue.status(f"{prefix}_{statuses[-1]}").is_final:
                produced.add(f"{prefix}_UNKNOWN")  # after the 72-hour timeout
            assert produced <= documented, (channel, fate, produced - documented)
            assert "TEXT_SENT" not in produced  # not supported by event destinations
