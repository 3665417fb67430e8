"""The SMS simulator as AWS documents it.

Sources (AWS End User Messaging SMS User Guide; mirrored in ``crowecawcaw/aws-docs-history``,
``docs/sms-voice/latest/userguide/``):

- *Simulator phone numbers* (``test-phone-numbers.md``): the destination simulator numbers, one
  that "generate[s] message success events" and one that generates "message failure events" per
  country; "you can only send messages to the destination simulator phone number from the same
  country".
- *Verify a destination phone number*: "You can not use a simulator phone number to verify a
  destination phone number."
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from smsmock import SmsVoiceMock
from smsmock.rules.countries import country_of
from tests.helpers import expect_error, record_events, refused, send_text
from tests.installed_model import country_if_required

US_SUCCESS = "+14254147755"
US_FAILURE = "+14254147167"
GB_SUCCESS = "+447860019066"
NOT_A_SIMULATOR = "+12065550142"


def documented_table() -> list[dict[str, str]]:
    text = resources.files("smsmock").joinpath("data/simulator_numbers.json").read_text("utf-8")
    rows: list[dict[str, str]] = json.loads(text)["DestinationSimulatorNumbers"]
    return rows


def request(client: Any, number_type: str = "SIMULATOR", **extra: Any) -> str:
    found: str = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS", "MMS"],
        NumberType=number_type,
        **extra,
    )["PhoneNumberId"]
    return found


@pytest.fixture
def simulator(client: Any) -> str:
    """A US origination simulator number, and a configuration set whose events the test reads."""
    record_events(client)
    return request(client)


def refused_text(client: Any, origination: str, destination: str) -> dict[str, Any]:
    """The error response of a text the service refuses."""
    return refused(
        client.send_text_message,
        DestinationPhoneNumber=destination,
        OriginationIdentity=origination,
        MessageBody="Hello",
    )


def _expect_simulator_destination_only(response: dict[str, Any]) -> None:
    """The refusal of a simulator number's text to a number that is not a destination
    simulator."""
    expect_error(
        response,
        "ValidationException",
        "INVALID_PARAMETER",
        message=f"of US, not to {NOT_A_SIMULATOR}",
        fields={"DestinationPhoneNumber": "Not a destination simulator phone number"},
    )


def event_types(sms: SmsVoiceMock, message_id: str) -> list[str]:
    return [e.event_type for e in sms.events("cs") if e.message_id == message_id]


# -- the table ------------------------------------------------------------------------------------


def test_the_whole_documented_table_ships_each_number_in_its_country() -> None:
    rows = documented_table()
    # The page's table: 25 countries and regions, a success and a failure number each.
    assert len(rows) == 25
    assert {"Country": "United States", "IsoCountryCode": "US"}.items() <= rows[-1].items()
    assert (rows[-1]["Success"], rows[-1]["Failure"]) == (US_SUCCESS, US_FAILURE)
    for row in rows:
        for number in (row["Success"], row["Failure"]):
            assert country_of(number) == row["IsoCountryCode"], (row["Country"], number)


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        (US_SUCCESS, ["TEXT_SUCCESSFUL", "TEXT_DELIVERED"]),
        # The failure type is smsmock's choice (the page names none): TEXT_UNREACHABLE.
        (US_FAILURE, ["TEXT_UNREACHABLE"]),
    ],
)
def test_a_simulator_destination_produces_its_documented_events(
    client: Any, sms_voice: SmsVoiceMock, simulator: str, destination: str, expected: list[str]
) -> None:
    message_id = send_text(client, simulator, destination)

    assert event_types(sms_voice, message_id) == expected
    assert [e.payload["isFinal"] for e in sms_voice.events("cs")][-1] is True


def test_a_media_message_to_the_failure_number_fails_too(
    client: Any, sms_voice: SmsVoiceMock, simulator: str
) -> None:
    # "Origination and destination simulator phone numbers work with SMS and MMS."
    message_id = client.send_media_message(
        DestinationPhoneNumber=US_FAILURE,
        OriginationIdentity=simulator,
        MediaUrls=["s3://bucket/picture.jpg"],
        ConfigurationSetName="cs",
    )["MessageId"]

    assert event_types(sms_voice, message_id) == ["MEDIA_UNREACHABLE"]


def test_any_number_sending_to_a_failure_number_gets_the_failure(
    client: Any, sms_voice: SmsVoiceMock, simulator: str
) -> None:
    toll_free = request(client, "TOLL_FREE")
    sms_voice.register_phone_number(toll_free)

    assert event_types(sms_voice, send_text(client, toll_free, US_FAILURE)) == ["TEXT_UNREACHABLE"]


def test_a_fate_the_test_chose_wins_over_the_simulator(
    client: Any, sms_voice: SmsVoiceMock, simulator: str
) -> None:
    sms_voice.set_fate(US_FAILURE, "BLOCKED")

    assert event_types(sms_voice, send_text(client, simulator, US_FAILURE)) == ["TEXT_BLOCKED"]


# -- what a simulator origination number may not do ------------------------------------------------


def test_a_simulator_number_refuses_a_destination_that_is_no_simulator(
    client: Any, sms_voice: SmsVoiceMock, simulator: str
) -> None:
    # "Simulator phone numbers can only send to other simulator destination phone numbers." AWS
    # documents no error: smsmock's choice is ValidationException INVALID_PARAMETER.
    response = refused_text(client, simulator, NOT_A_SIMULATOR)

    _expect_simulator_destination_only(response)
    assert sms_voice.sent_messages == ()


def test_a_simulator_number_refuses_another_countrys_simulator_destination(
    client: Any, simulator: str
) -> None:
    # "if you use a simulator phone number from the United States and try to send a message to
    # United Kingdoms success simulator phone number an error is returned."
    response = refused_text(client, simulator, GB_SUCCESS)

    expect_error(
        response,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message=f"{simulator} of US cannot send to GB",
        fields={"DestinationPhoneNumber": "The origination identity cannot reach this country"},
    )


def test_a_pool_of_simulator_numbers_keeps_to_simulator_destinations(
    client: Any, simulator: str
) -> None:
    pool = client.create_pool(
        OriginationIdentity=simulator,
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )["PoolId"]

    response = refused_text(client, pool, NOT_A_SIMULATOR)

    _expect_simulator_destination_only(response)
    assert client.send_text_message(
        DestinationPhoneNumber=US_SUCCESS, OriginationIdentity=pool, MessageBody="Hello"
    )["MessageId"]


@pytest.mark.parametrize("named", [True, False], ids=["named", "chosen-for-the-caller"])
def test_a_simulator_number_cannot_send_a_verification_code(
    client: Any, sms_voice: SmsVoiceMock, simulator: str, named: bool
) -> None:
    # "You can not use a simulator phone number to verify a destination phone number." Named as
    # OriginationIdentity or picked for the caller (the account's only number), it is refused.
    destination = client.create_verified_destination_number(DestinationPhoneNumber=US_SUCCESS)
    identity = {"OriginationIdentity": simulator} if named else {}
    [number] = client.describe_phone_numbers(PhoneNumberIds=[simulator])["PhoneNumbers"]

    response = refused(
        client.send_destination_number_verification_code,
        VerifiedDestinationNumberId=destination["VerifiedDestinationNumberId"],
        VerificationChannel="TEXT",
        **identity,
    )

    expect_error(
        response,
        "ValidationException",
        "INVALID_PARAMETER",
        message=f"SIMULATOR phone number {number['PhoneNumber']} cannot send verification codes",
        fields={"OriginationIdentity": "A simulator phone number cannot verify a destination"},
    )
    assert sms_voice.sent_messages == ()
