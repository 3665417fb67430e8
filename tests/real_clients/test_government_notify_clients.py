"""Government notification services' SMS clients, their call sequences against the mock.

Sources:

- cds-snc/notification-api (GC Notify, Government of Canada), ``app/clients/sms/aws_pinpoint.py``:
  a ``pinpoint-sms-voice-v2`` client in ``ca-central-1``; the destination formatted to E.164
  with ``phonenumbers``; a Canadian destination sent with ``SendTextMessage`` through a pool
  (``OriginationIdentity`` = the pool id), ``MessageType`` ``TRANSACTIONAL`` and a
  ``ConfigurationSetName``, with ``DryRun`` for one configured test number (a MessageId comes
  back, nothing is sent); any other country sent without ``OriginationIdentity`` (the service
  picks the identity, the configuration set's default sender ID among them); a
  ``ConflictException`` whose ``Reason`` is ``DESTINATION_PHONE_NUMBER_OPTED_OUT`` is the
  outcome "opted_out", any other error is raised.
- department-of-veterans-affairs/notification-api (VA Notify), issue #2628 and pull request
  #2670: the V2 client branches on ``e.response['Error']['Code']`` (``ValidationException``,
  ``ConflictException``) and ``e.response['Reason']``, treating an opt-out as final and other
  validation refusals as not worth retrying on V2.

The clients below are written for these tests from those facts; no code is copied.
"""

from __future__ import annotations

from typing import Any

import boto3
import phonenumbers
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock

REGION = "ca-central-1"
DRY_RUN_NUMBER = "+16135550123"
TOPIC = {"TopicArn": f"arn:aws:sns:{REGION}:123456789012:notify-sms-events"}


class CanadianNotifySmsClient:
    """GC Notify's send path, as its ``aws_pinpoint.py`` makes the calls."""

    def __init__(self, pool_id: str, configuration_set: str) -> None:
        self.client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        self.pool_id = pool_id
        self.configuration_set = configuration_set

    def send_sms(self, to: str, content: str) -> str:
        match = next(iter(phonenumbers.PhoneNumberMatcher(to, "US")), None)
        if match is None:
            raise ValueError("No valid numbers found for SMS delivery")
        destination = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        request: dict[str, Any] = {
            "DestinationPhoneNumber": destination,
            "MessageBody": content,
            "MessageType": "TRANSACTIONAL",
            "ConfigurationSetName": self.configuration_set,
        }
        if phonenumbers.region_code_for_number(match.number) == "CA":
            request["OriginationIdentity"] = self.pool_id
            request["DryRun"] = destination == DRY_RUN_NUMBER
        try:
            response = self.client.send_text_message(**request)
        except ClientError as error:
            if error.response.get("Reason") == "DESTINATION_PHONE_NUMBER_OPTED_OUT":
                return "opted_out"
            raise
        message_id: str = response["MessageId"]
        return message_id


def retryable_on_v2(error: ClientError) -> bool:
    """VA Notify's branching: validation and conflict refusals are final for this send."""
    return error.response["Error"]["Code"] not in ("ValidationException", "ConflictException")


@pytest.fixture
def notify(sms_voice: SmsVoiceMock) -> CanadianNotifySmsClient:
    """The account as GC Notify's infrastructure sets it up: a Canadian long code in a pool, a
    configuration set with an SNS event destination and a default sender ID for abroad."""
    setup = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    number = setup.request_phone_number(
        IsoCountryCode="CA",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    pool_id = setup.create_pool(
        OriginationIdentity=number["PhoneNumberArn"],
        IsoCountryCode="CA",
        MessageType="TRANSACTIONAL",
    )["PoolId"]
    setup.create_configuration_set(ConfigurationSetName="notify-sms")
    setup.create_event_destination(
        ConfigurationSetName="notify-sms",
        EventDestinationName="to-sns",
        MatchingEventTypes=["TEXT_ALL"],
        SnsDestination=TOPIC,
    )
    setup.request_sender_id(
        SenderId="GCNOTIFY", IsoCountryCode="FR", MessageTypes=["TRANSACTIONAL"]
    )
    setup.set_default_sender_id(ConfigurationSetName="notify-sms", SenderId="GCNOTIFY")
    return CanadianNotifySmsClient(pool_id, "notify-sms")


def test_a_canadian_number_goes_through_the_pool_with_the_configuration_set(
    notify: CanadianNotifySmsClient, sms_voice: SmsVoiceMock
) -> None:
    message_id = notify.send_sms("(613) 555-0199", "Your code is 123456")
    [sent] = sms_voice.sent_messages
    assert (sent.message_id, sent.region) == (message_id, REGION)
    assert sent.destination_phone_number == "+16135550199"
    assert (sent.configuration_set_name, sent.message_type) == ("notify-sms", "TRANSACTIONAL")
    assert sent.origination_identity_arn and ":phone-number/" in sent.origination_identity_arn
    events = sms_voice.events("notify-sms")
    assert events and {event.message_id for event in events} == {message_id}


def test_the_dry_run_number_gets_a_message_id_but_nothing_is_sent(
    notify: CanadianNotifySmsClient, sms_voice: SmsVoiceMock
) -> None:
    message_id = notify.send_sms(DRY_RUN_NUMBER, "Smoke test")
    assert message_id
    [checked] = sms_voice.sent_messages
    assert checked.dry_run and checked.message_id == message_id
    assert sms_voice.events("notify-sms") == ()


def test_an_opted_out_number_is_an_outcome_not_an_error(
    notify: CanadianNotifySmsClient, sms_voice: SmsVoiceMock
) -> None:
    notify.client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+16135550199")
    assert notify.send_sms("+1 613 555 0199", "Your code is 123456") == "opted_out"
    assert not sms_voice.sent_messages


def test_abroad_the_configuration_sets_default_sender_id_sends(
    notify: CanadianNotifySmsClient, sms_voice: SmsVoiceMock
) -> None:
    notify.send_sms("+33 6 12 34 56 78", "Your code is 123456")
    [sent] = sms_voice.sent_messages
    assert (sent.destination_phone_number, sent.origination_identity) == (
        "+33612345678",
        "GCNOTIFY",
    )


def test_a_refusal_carries_the_code_and_reason_the_clients_branch_on(
    notify: CanadianNotifySmsClient,
) -> None:
    # A destination too short for +1 is refused at once (not delivered and billed as US).
    with pytest.raises(ClientError) as caught:
        notify.client.send_text_message(
            DestinationPhoneNumber="+1613555",
            OriginationIdentity=notify.pool_id,
            MessageBody="x",
            ConfigurationSetName="notify-sms",
        )
    error = caught.value.response
    assert (error["Error"]["Code"], error["Reason"]) == ("ValidationException", "INVALID_PARAMETER")
    assert not retryable_on_v2(caught.value)
    # An unknown configuration set: ResourceNotFoundException, which VA Notify would retry.
    with pytest.raises(ClientError) as caught:
        notify.client.send_text_message(
            DestinationPhoneNumber="+16135550199",
            OriginationIdentity=notify.pool_id,
            MessageBody="x",
            ConfigurationSetName="no-such-set",
        )
    assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert retryable_on_v2(caught.value)
