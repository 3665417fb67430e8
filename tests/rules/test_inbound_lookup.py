"""Which number ``sms_voice.receive`` finds (E.164 with or without ``+``, id or ARN; in the account
and region asked, or anywhere), what it says when none has it, and where the two-way message goes:
nowhere while two-way is off, the sender's account and region where the channel ARN leaves them
out."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import toll_free_number

END_USER = "+12065550100"
OTHER_ACCOUNT = "111122223333"
TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound"


def west_client() -> Any:
    """A client of the service in eu-west-2 of ``OTHER_ACCOUNT``."""
    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="eu-west-2",
        aws_access_key_id=OTHER_ACCOUNT,
        aws_secret_access_key="x",
    )


def test_nothing_made_yet_is_searched_as_no_region(sms_voice: SmsVoiceMock) -> None:
    with pytest.raises(LookupError) as caught:
        sms_voice.receive(END_USER, "+18005550199", "STOP")
    assert str(caught.value) == "No account has the phone number +18005550199; searched no region."


def test_a_number_no_account_has_names_every_place_searched(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    client.describe_phone_numbers()
    west_client().describe_phone_numbers()
    with pytest.raises(LookupError) as caught:
        sms_voice.receive(END_USER, "+18005550199", "STOP")
    assert str(caught.value) == (
        "No account has the phone number +18005550199; searched us-east-1 (account "
        "123456789012), eu-west-2 (account 111122223333)."
    )


def gb_number_in_the_west() -> str:
    """A GB long code of ``OTHER_ACCOUNT`` in eu-west-2: its E.164 number."""
    number: str = west_client().request_phone_number(
        IsoCountryCode="GB",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )["PhoneNumber"]
    return number


@pytest.mark.parametrize(
    ("where", "searched"),
    [
        ({"region": "eu-west-2"}, "eu-west-2 (account 123456789012)"),
        ({"account_id": OTHER_ACCOUNT}, "us-east-1 (account 111122223333)"),
    ],
)
def test_an_account_or_region_given_is_the_only_place_searched(
    sms_voice: SmsVoiceMock, where: dict[str, str], searched: str
) -> None:
    number = gb_number_in_the_west()
    with pytest.raises(LookupError) as caught:
        sms_voice.receive(END_USER, number, "hi", **where)
    assert str(caught.value) == f"No account has the phone number {number}; searched {searched}."


def test_a_number_is_found_in_the_account_and_region_given(sms_voice: SmsVoiceMock) -> None:
    number = gb_number_in_the_west()
    inbound = sms_voice.receive(
        END_USER, number, "hi", account_id=OTHER_ACCOUNT, region="eu-west-2"
    )
    assert (inbound.account_id, inbound.region) == (OTHER_ACCOUNT, "eu-west-2")


@pytest.mark.parametrize("form", ["PhoneNumber", "PhoneNumberId", "PhoneNumberArn", "digits"])
def test_our_number_is_found_by_any_of_its_names(
    client: Any, sms_voice: SmsVoiceMock, form: str
) -> None:
    ours = toll_free_number(client, ("SMS",))
    ref = ours["PhoneNumber"].lstrip("+") if form == "digits" else ours[form]
    inbound = sms_voice.receive(END_USER, ref, "Is my order late?")
    assert inbound.destination_phone_number == ours["PhoneNumber"]
    assert (inbound.account_id, inbound.region) == ("123456789012", "us-east-1")
    assert inbound.timestamp.tzinfo is not None
    assert [m.message_id for m in sms_voice.inbound_messages] == [inbound.message_id]


def test_a_channel_kept_while_two_way_is_off_is_not_used(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    ours = toll_free_number(client, ("SMS",))
    client.update_phone_number(
        PhoneNumberId=ours["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=TOPIC
    )
    client.update_phone_number(PhoneNumberId=ours["PhoneNumberId"], TwoWayEnabled=False)
    inbound = sms_voice.receive(END_USER, ours["PhoneNumber"], "Still waiting")
    assert (inbound.two_way_channel_arn, inbound.delivery) == (None, None)


def test_a_channel_without_region_and_account_is_the_numbers(
    client_in_moto: Any, sms_in_moto: SmsVoiceMock
) -> None:
    channel = "arn:aws:sns:::two-way-replies"
    ours = toll_free_number(client_in_moto, ("SMS",))
    client_in_moto.update_phone_number(
        PhoneNumberId=ours["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=channel
    )
    inbound = sms_in_moto.receive(END_USER, ours["PhoneNumber"], "YES")
    sns = boto3.client("sns", region_name="us-east-1")
    with pytest.raises(ClientError) as caught:
        sns.publish(TopicArn=channel, Message="{}")
    error = caught.value.response["Error"]
    assert inbound.delivery is not None
    assert (inbound.delivery.status, inbound.delivery.detail) == (
        "failed",
        f"{error['Code']}: {error['Message']}",
    )
