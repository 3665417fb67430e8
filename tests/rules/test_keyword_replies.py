"""The service's answer to an end user's keyword is a text like any other from the number: its
channel, message type, ARN, country, segments and price are those of the same text sent with
SendTextMessage; and an ``OPT_IN`` keyword counts as the opt-in the 30-day rule limits."""

from __future__ import annotations

from typing import Any

import pytest

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, refused, toll_free_number

END_USER = "+12065550100"
# 200 GSM characters: two segments of a text message.
LONG_ANSWER = "Our opening hours are 9 to 5 on weekdays. " * 4 + "Call us any time." * 2


@pytest.fixture
def number(client: Any) -> dict[str, Any]:
    """A US toll-free number (SMS) with a long ``HOURS`` answer and a ``START`` opt-in keyword."""
    ours = toll_free_number(client, ("SMS",))
    client.put_keyword(
        OriginationIdentity=ours["PhoneNumberId"],
        Keyword="HOURS",
        KeywordMessage=LONG_ANSWER,
        KeywordAction="AUTOMATIC_RESPONSE",
    )
    client.put_keyword(
        OriginationIdentity=ours["PhoneNumberId"],
        Keyword="START",
        KeywordMessage="Welcome back.",
        KeywordAction="OPT_IN",
    )
    return ours


def test_an_answer_is_priced_and_described_like_a_sent_text(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any]
) -> None:
    inbound = sms_voice.receive(END_USER, number["PhoneNumber"], "hours")
    reply = inbound.reply
    assert reply is not None
    assert reply.keyword == "HOURS"
    assert reply.operation == "KeywordResponse"
    assert reply.channel == "SMS"
    assert reply.message_type == "TRANSACTIONAL"
    assert reply.origination_identity == number["PhoneNumber"]
    assert reply.origination_identity_arn == number["PhoneNumberArn"]
    assert reply.destination_country == "US"
    assert reply.segments == 2
    client.send_text_message(
        DestinationPhoneNumber=END_USER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody=LONG_ANSWER,
    )
    sent = sms_voice.sent_messages[-1]
    assert (sent.segments, sent.destination_country) == (2, "US")
    assert sent.price > 0
    assert reply.price == sent.price


def test_an_opt_in_keyword_from_someone_not_opted_out_only_answers(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any]
) -> None:
    """The keyword takes nobody off the list, so it is no opt-in: a later STOP can be undone by
    DeleteOptedOutNumber at once."""
    inbound = sms_voice.receive(END_USER, number["PhoneNumber"], "START")
    assert inbound.action == "OPT_IN"
    assert inbound.reply is not None and inbound.reply.message_body == "Welcome back."
    sms_voice.receive(END_USER, number["PhoneNumber"], "STOP")
    deleted = client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=END_USER)
    assert deleted["OptedOutNumber"] == END_USER
    assert deleted["EndUserOptedOut"] is True


def test_an_opt_in_keyword_counts_for_the_30_day_rule(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any]
) -> None:
    sms_voice.receive(END_USER, number["PhoneNumber"], "STOP")
    sms_voice.receive(END_USER, number["PhoneNumber"], "START")
    assert client.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"] == []
    sms_voice.receive(END_USER, number["PhoneNumber"], "STOP")
    answer = refused(
        client.delete_opted_out_number, OptOutListName="Default", OptedOutNumber=END_USER
    )
    expect_error(
        answer,
        "ValidationException",
        "PHONE_NUMBER_CANNOT_BE_OPTED_IN",
        message=END_USER,
        fields={"OptedOutNumber": "once every 30 days"},
    )


def test_a_number_in_a_pool_answers_with_the_pools_keywords(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any]
) -> None:
    pool_id = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )["PoolId"]
    client.put_keyword(
        OriginationIdentity=pool_id,
        Keyword="MENU",
        KeywordMessage="Reply HOURS or START.",
        KeywordAction="AUTOMATIC_RESPONSE",
    )
    inbound = sms_voice.receive(END_USER, number["PhoneNumber"], "menu")
    assert (inbound.keyword, inbound.action) == ("MENU", "AUTOMATIC_RESPONSE")
    assert inbound.reply is not None
    assert inbound.reply.message_body == "Reply HOURS or START."
    assert inbound.reply.origination_identity == number["PhoneNumber"]
