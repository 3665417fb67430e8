"""An example of how an application tests its own SMS code with smsmock.

``NotificationService`` is the kind of class a team writes: it sends through a pool with a
configuration set, validates numbers with a dry run before saving them, and turns the service's
refusals into application outcomes by ``e.response["Reason"]``. The tests below are what that
team would write: set the account up through boto3, call the service, assert on its results and
on ``sms_voice.sent_messages``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from tests.registration_data import register_toll_free

# -- the application code under test -----------------------------------------------------------


@dataclass
class Outcome:
    status: str  # "sent", "unsubscribed", "retry-later", "invalid-number"
    message_id: str | None = None


class NotificationService:
    """Sends order notifications by SMS."""

    def __init__(self, pool_id: str, configuration_set: str, region: str = "us-east-1") -> None:
        self.client = boto3.client("pinpoint-sms-voice-v2", region_name=region)
        self.pool_id = pool_id
        self.configuration_set = configuration_set
        self.unsubscribed: set[str] = set()

    def is_reachable(self, phone_number: str) -> bool:
        """Check a number at sign-up with a dry run: nothing is sent or charged."""
        try:
            self.client.send_text_message(
                DestinationPhoneNumber=phone_number,
                OriginationIdentity=self.pool_id,
                MessageBody="Sign-up check",
                ConfigurationSetName=self.configuration_set,
                DryRun=True,
            )
        except ClientError as e:
            if e.response["Error"]["Code"] == "ValidationException":
                return False
            if e.response.get("Reason") == "DESTINATION_PHONE_NUMBER_OPTED_OUT":
                return False
            raise
        return True

    def order_shipped(self, phone_number: str, order_id: str) -> Outcome:
        if phone_number in self.unsubscribed:
            return Outcome("unsubscribed")
        try:
            response = self.client.send_text_message(
                DestinationPhoneNumber=phone_number,
                OriginationIdentity=self.pool_id,
                MessageBody=f"Your order {order_id} has shipped. Reply STOP to opt out.",
                MessageType="TRANSACTIONAL",
                ConfigurationSetName=self.configuration_set,
                Context={"order_id": order_id},
                MaxPrice="0.05",
            )
        except ClientError as e:
            reason = e.response.get("Reason")
            if reason == "DESTINATION_PHONE_NUMBER_OPTED_OUT":
                self.unsubscribed.add(phone_number)
                return Outcome("unsubscribed")
            if reason == "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT":
                return Outcome("retry-later")
            if reason in ("INVALID_PARAMETER", "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"):
                return Outcome("invalid-number")
            raise
        return Outcome("sent", response["MessageId"])


# -- the application's tests -------------------------------------------------------------------

CUSTOMER = "+12065550142"


@pytest.fixture
def service(client: Any) -> NotificationService:
    """The account as production has it: a toll-free number in a pool, a configuration set
    whose events go to SNS."""
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    register_toll_free(client, number["PhoneNumberId"])
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    client.create_configuration_set(ConfigurationSetName="order-notifications")
    client.create_event_destination(
        ConfigurationSetName="order-notifications",
        EventDestinationName="delivery-receipts",
        MatchingEventTypes=["TEXT_DELIVERED", "TEXT_BLOCKED"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:sms-events"},
    )
    return NotificationService(pool["PoolId"], "order-notifications")


def test_order_shipped_sends_one_message(service: NotificationService, sms_voice: Any) -> None:
    outcome = service.order_shipped(CUSTOMER, "A-1001")

    assert outcome.status == "sent"
    [message] = sms_voice.sent_messages
    assert message.message_id == outcome.message_id
    assert message.destination_phone_number == CUSTOMER
    assert "A-1001" in message.message_body
    assert message.context == {"order_id": "A-1001"}
    assert message.configuration_set_name == "order-notifications"
    assert message.origination_identity.startswith("+1")  # the pool's toll-free number
    assert [e.event_type for e in sms_voice.events("order-notifications")] == ["TEXT_DELIVERED"]


def test_sign_up_check_sends_nothing(service: NotificationService, sms_voice: Any) -> None:
    assert service.is_reachable(CUSTOMER)
    assert not service.is_reachable("+999")

    assert all(m.dry_run for m in sms_voice.sent_messages)
    assert sms_voice.spend("SMS") == 0


def test_customer_who_replied_stop_is_not_messaged_again(
    service: NotificationService, sms_voice: Any
) -> None:
    service.order_shipped(CUSTOMER, "A-1001")
    pool_number = sms_voice.sent_messages[0].origination_identity
    sms_voice.receive(CUSTOMER, pool_number, "STOP")

    assert service.order_shipped(CUSTOMER, "A-1002").status == "unsubscribed"
    assert not service.is_reachable(CUSTOMER)
    bodies = [m.message_body for m in sms_voice.sent_messages if not m.dry_run]
    assert len(bodies) == 2  # the first notification and the service's STOP confirmation
    assert CUSTOMER in service.unsubscribed


def test_spend_limit_means_retry_later(service: NotificationService, client: Any) -> None:
    client.set_text_message_spend_limit_override(MonthlyLimit=0)

    assert service.order_shipped(CUSTOMER, "A-1001").status == "retry-later"


def test_spend_resets_next_month(service: NotificationService, sms_voice: Any) -> None:
    sms_voice.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", 0)
    with freeze_time("2026-05-31 23:59:00"):
        assert service.order_shipped(CUSTOMER, "A-1").status == "retry-later"
    sms_voice.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", 1)
    with freeze_time("2026-06-01 00:00:30"):
        assert service.order_shipped(CUSTOMER, "A-1").status == "sent"
        assert sms_voice.spend("SMS") > 0


def test_foreign_numbers_are_reported_not_raised(service: NotificationService) -> None:
    assert service.order_shipped("+447700900123", "A-1001").status == "invalid-number"


def test_sandboxed_account_reaches_only_verified_numbers(
    service: NotificationService, client: Any, sms_voice: Any
) -> None:
    sms_voice.set_sandbox(True)
    with pytest.raises(ClientError) as exc:
        service.order_shipped(CUSTOMER, "A-1001")
    assert exc.value.response["Reason"] == "DESTINATION_PHONE_NUMBER_NOT_VERIFIED"
