"""Inbound simulation: ``sms_voice.receive(...)`` and what keywords do."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock.rules.keywords import HELP_MESSAGE, STOP_MESSAGE
from tests.helpers import expect_error, toll_free_number

END_USER = "+12065550100"
TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound"


@pytest.fixture
def us_number(client: Any) -> dict[str, Any]:
    return toll_free_number(client, ("SMS",))


def opted_out(client: Any, list_name: str = "Default") -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.describe_opted_out_numbers(OptOutListName=list_name)[
        "OptedOutNumbers"
    ]
    return found


@pytest.mark.parametrize("word", ["STOP", "stop", "Unsubscribe", "QUIT please"])
def test_stop_words_opt_out_and_confirm(
    client: Any, sms_voice: Any, us_number: Any, word: str
) -> None:
    inbound = sms_voice.receive(END_USER, us_number["PhoneNumber"], word)
    assert inbound.action == "OPT_OUT"
    [entry] = opted_out(client)
    assert entry["OptedOutNumber"] == END_USER
    assert entry["EndUserOptedOut"] is True
    [reply] = sms_voice.sent_messages
    assert reply is inbound.reply
    assert reply.operation == "KeywordResponse"
    assert reply.message_body == STOP_MESSAGE
    assert reply.destination_phone_number == END_USER
    assert reply.origination_identity == us_number["PhoneNumber"]
    # Sending to the number now fails as it would against AWS.
    with pytest.raises(ClientError) as exc:
        client.send_text_message(
            DestinationPhoneNumber=END_USER,
            OriginationIdentity=us_number["PhoneNumberId"],
            MessageBody="hi",
        )
    expect_error(
        exc,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        resource_type="opted-out-number",
        resource_id="+12065550100",
    )


def test_help_answers(sms_voice: Any, us_number: Any) -> None:
    inbound = sms_voice.receive(END_USER, us_number["PhoneNumberId"], "help")
    assert inbound.keyword == "HELP"
    assert inbound.action == "AUTOMATIC_RESPONSE"
    assert sms_voice.sent_messages[-1].message_body == HELP_MESSAGE


def test_custom_keywords(client: Any, sms_voice: Any, us_number: Any) -> None:
    number_id = us_number["PhoneNumberId"]
    client.put_keyword(
        OriginationIdentity=number_id,
        Keyword="HOURS",
        KeywordMessage="We are open 9-5.",
        KeywordAction="AUTOMATIC_RESPONSE",
    )
    client.put_keyword(
        OriginationIdentity=number_id,
        Keyword="START",
        KeywordMessage="Welcome back.",
        KeywordAction="OPT_IN",
    )
    sms_voice.receive(END_USER, us_number["PhoneNumber"], "hours")
    assert sms_voice.sent_messages[-1].message_body == "We are open 9-5."
    sms_voice.receive(END_USER, us_number["PhoneNumber"], "STOP")
    assert len(opted_out(client)) == 1
    sms_voice.receive(END_USER, us_number["PhoneNumber"], "START")
    assert opted_out(client) == []
    assert sms_voice.sent_messages[-1].message_body == "Welcome back."


def test_self_managed_opt_outs(client: Any, sms_voice: Any, us_number: Any) -> None:
    client.update_phone_number(
        PhoneNumberId=us_number["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=TOPIC,
        SelfManagedOptOutsEnabled=True,
    )
    stop = sms_voice.receive(END_USER, us_number["PhoneNumber"], "STOP")
    help_ = sms_voice.receive(END_USER, us_number["PhoneNumber"], "HELP")
    assert (stop.reply, help_.reply) == (None, None)
    assert opted_out(client) == []
    assert sms_voice.sent_messages == ()


def test_two_way_and_plain_messages(client: Any, sms_voice: Any, us_number: Any) -> None:
    plain = sms_voice.receive(END_USER, us_number["PhoneNumber"], "Is my order late?")
    assert plain.keyword is None and plain.reply is None
    assert plain.two_way_channel_arn is None
    client.update_phone_number(
        PhoneNumberId=us_number["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=TOPIC
    )
    two_way = sms_voice.receive(END_USER, us_number["PhoneNumber"], "Still waiting")
    assert two_way.two_way_channel_arn == TOPIC
    assert [m.message_body for m in sms_voice.inbound_messages] == [
        "Is my order late?",
        "Still waiting",
    ]
    assert two_way.origination_phone_number == END_USER
    assert two_way.destination_phone_number == us_number["PhoneNumber"]


def test_pool_settings_apply(client: Any, sms_voice: Any, us_number: Any) -> None:
    client.create_opt_out_list(OptOutListName="pool-list")
    pool = client.create_pool(
        OriginationIdentity=us_number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    client.update_pool(PoolId=pool["PoolId"], OptOutListName="pool-list")
    sms_voice.receive(END_USER, us_number["PhoneNumber"], "STOP")
    assert [n["OptedOutNumber"] for n in opted_out(client, "pool-list")] == [END_USER]


def test_unknown_number(sms_voice: Any) -> None:
    with pytest.raises(LookupError):
        sms_voice.receive(END_USER, "+18005550199", "STOP")


def test_other_account_and_region(sms_voice: Any) -> None:
    import boto3

    west = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="eu-west-2",
        aws_access_key_id="111122223333",
        aws_secret_access_key="x",
    )
    gb = west.request_phone_number(
        IsoCountryCode="GB",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    inbound = sms_voice.receive(
        "+447700900123",
        gb["PhoneNumber"],
        "HELP",
        account_id="111122223333",
        region="eu-west-2",
    )
    assert (inbound.account_id, inbound.region) == ("111122223333", "eu-west-2")
    assert sms_voice.sent_messages[-1].region == "eu-west-2"


def long_code(client: Any, country: str) -> dict[str, Any]:
    """A transactional SMS long code of ``country`` (``US``: a toll-free number)."""
    result: dict[str, Any] = client.request_phone_number(
        IsoCountryCode=country,
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE" if country == "US" else "LONG_CODE",
    )
    return result


# The required opt-out words opt an end user out "where required by local laws and regulations
# (such as in the US and Canada)" (user guide, "Required opt-out keywords"); elsewhere only the
# configured keywords (STOP, and any OPT_OUT keyword) do. A number in a pool follows the pool's
# keywords, but the country is the number's own: a pool has none.
REQUIRED_WORDS_COUNTRIES = [("US", True), ("CA", True), ("GB", False)]
END_USERS = {"US": END_USER, "CA": "+14165550123", "GB": "+447700900123"}


@pytest.mark.parametrize("in_pool", [False, True], ids=["alone", "in-a-pool"])
@pytest.mark.parametrize(("country", "opts_out"), REQUIRED_WORDS_COUNTRIES)
def test_required_opt_out_words_apply_in_the_us_and_canada_only(
    client: Any, sms_voice: Any, country: str, opts_out: bool, in_pool: bool
) -> None:
    ours = long_code(client, country)
    if in_pool:
        client.create_pool(
            OriginationIdentity=ours["PhoneNumberId"],
            IsoCountryCode=country,
            MessageType="TRANSACTIONAL",
        )
    inbound = sms_voice.receive(END_USERS[country], ours["PhoneNumber"], "quit")
    if opts_out:
        assert (inbound.keyword, inbound.action) == ("QUIT", "OPT_OUT")
        assert [n["OptedOutNumber"] for n in opted_out(client)] == [END_USERS[country]]
        assert inbound.reply is not None and inbound.reply.message_body == STOP_MESSAGE
    else:
        assert (inbound.keyword, inbound.action, inbound.reply) == (None, None, None)
        assert opted_out(client) == []
    # STOP is a configured keyword: it opts out everywhere.
    assert sms_voice.receive(END_USERS[country], ours["PhoneNumber"], "STOP").action == "OPT_OUT"
    assert [n["OptedOutNumber"] for n in opted_out(client)] == [END_USERS[country]]
