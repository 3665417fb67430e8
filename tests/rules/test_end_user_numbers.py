"""One rule for an end user's phone number in every operation that takes one, through boto3.

A number is E.164: a country calling code and a subscriber number of a length possible for it.
``+1206555`` and ``+12065`` are too short for +1 and are refused with ``ValidationException``
naming the member and the number, the same in every operation (SendTextMessage used to accept
and bill them as US while PutOptedOutNumber refused them). See docs/messaging.md, *Destination
numbers*.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, refused, toll_free_number
from tests.installed_model import needs_operations

TOO_SHORT = ["+1206555", "+12065", "1206555"]
FICTIONAL = "+12065550100"
"""A number of the fictional +1 555 01xx range: of a possible length, so accepted."""


def _opt_out_list(client: Any) -> str:
    client.create_opt_out_list(OptOutListName="numbers")
    return "numbers"


def _protect_configuration(client: Any) -> str:
    config_id: str = client.create_protect_configuration()["ProtectConfigurationId"]
    return config_id


def _notify_configuration(client: Any) -> str:
    config_id: str = client.create_notify_configuration(
        DisplayName="Acme", UseCase="CODE_VERIFICATION", EnabledChannels=["SMS"]
    )["NotifyConfigurationId"]
    client.describe_notify_configurations(NotifyConfigurationIds=[config_id])
    return config_id


Call = Callable[[Any, str], tuple[Callable[..., Any], dict[str, Any], str]]
"""Given a client and a number: the bound operation, its parameters, the member that holds the
number."""

OPERATIONS: dict[str, Call] = {
    "SendTextMessage": lambda c, n: (
        c.send_text_message,
        {
            "DestinationPhoneNumber": n,
            "OriginationIdentity": toll_free_number(c)["PhoneNumberId"],
            "MessageBody": "Hi",
        },
        "DestinationPhoneNumber",
    ),
    "SendVoiceMessage": lambda c, n: (
        c.send_voice_message,
        {
            "DestinationPhoneNumber": n,
            "OriginationIdentity": toll_free_number(c)["PhoneNumberId"],
            "MessageBody": "Hi",
        },
        "DestinationPhoneNumber",
    ),
    "SendMediaMessage": lambda c, n: (
        c.send_media_message,
        {
            "DestinationPhoneNumber": n,
            "OriginationIdentity": toll_free_number(c)["PhoneNumberId"],
            "MessageBody": "Hi",
        },
        "DestinationPhoneNumber",
    ),
    "PutOptedOutNumber": lambda c, n: (
        c.put_opted_out_number,
        {"OptOutListName": _opt_out_list(c), "OptedOutNumber": n},
        "OptedOutNumber",
    ),
    "DeleteOptedOutNumber": lambda c, n: (
        c.delete_opted_out_number,
        {"OptOutListName": _opt_out_list(c), "OptedOutNumber": n},
        "OptedOutNumber",
    ),
    "DescribeOptedOutNumbers": lambda c, n: (
        c.describe_opted_out_numbers,
        {"OptOutListName": _opt_out_list(c), "OptedOutNumbers": [n]},
        "OptedOutNumbers",
    ),
    "CreateVerifiedDestinationNumber": lambda c, n: (
        c.create_verified_destination_number,
        {"DestinationPhoneNumber": n},
        "DestinationPhoneNumber",
    ),
    "PutProtectConfigurationRuleSetNumberOverride": lambda c, n: (
        c.put_protect_configuration_rule_set_number_override,
        {
            "ProtectConfigurationId": _protect_configuration(c),
            "DestinationPhoneNumber": n,
            "Action": "ALLOW",
        },
        "DestinationPhoneNumber",
    ),
    "DeleteProtectConfigurationRuleSetNumberOverride": lambda c, n: (
        c.delete_protect_configuration_rule_set_number_override,
        {"ProtectConfigurationId": _protect_configuration(c), "DestinationPhoneNumber": n},
        "DestinationPhoneNumber",
    ),
    "SendNotifyTextMessage": lambda c, n: (
        c.send_notify_text_message,
        {
            "NotifyConfigurationId": _notify_configuration(c),
            "DestinationPhoneNumber": n,
            "TemplateId": "otp-sms-en",
            "TemplateVariables": {"code": "123456"},
        },
        "DestinationPhoneNumber",
    ),
}


@pytest.mark.parametrize("number", TOO_SHORT)
@pytest.mark.parametrize(
    "operation", [pytest.param(op, marks=needs_operations(op)) for op in sorted(OPERATIONS)]
)
def test_a_number_too_short_for_its_country_code_is_refused_everywhere(
    client: Any, sms_voice: SmsVoiceMock, operation: str, number: str
) -> None:
    call, params, member = OPERATIONS[operation](client, number)
    response = refused(call, **params)
    expect_error(
        response,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={member: "Not a valid E.164 phone number"},
        message=number,  # the number as the caller wrote it
    )
    assert not sms_voice.sent_messages


@needs_operations("CarrierLookup")
@pytest.mark.parametrize("number", TOO_SHORT)
def test_carrier_lookup_applies_the_same_rule_with_its_reason(client: Any, number: str) -> None:
    # CarrierLookup's model pattern asks for the "+"; its reason for a number it cannot read is
    # CANNOT_PARSE.
    response = refused(client.carrier_lookup, PhoneNumber=f"+{number.lstrip('+')}")
    expect_error(
        response,
        "ValidationException",
        "CANNOT_PARSE",
        fields={"PhoneNumber": "Not a valid E.164 phone number"},
    )
    assert [field["Name"] for field in response["Fields"]] == ["PhoneNumber"]


def test_a_number_of_a_possible_length_is_accepted_and_sent(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # Accepted without its "+", written back in E.164; an invalid-but-possible number would get
    # TEXT_INVALID from AWS after the call, never a synchronous refusal.
    client.send_text_message(
        DestinationPhoneNumber=FICTIONAL.lstrip("+"),
        OriginationIdentity=toll_free_number(client)["PhoneNumberId"],
        MessageBody="Hi",
    )
    assert [m.destination_phone_number for m in sms_voice.sent_messages] == [FICTIONAL]
    put = client.put_opted_out_number(
        OptOutListName=_opt_out_list(client), OptedOutNumber=FICTIONAL
    )
    assert put["OptedOutNumber"] == FICTIONAL


def test_a_number_of_no_country_is_refused_for_sending(client: Any) -> None:
    # +800 (international freephone) is a possible E.164 number but reaches no country.
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber="+80012345678",
        OriginationIdentity=toll_free_number(client)["PhoneNumberId"],
        MessageBody="Hi",
    )
    expect_error(
        response,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"DestinationPhoneNumber": "Invalid phone number"},
    )


def test_a_number_sent_to_again_is_not_parsed_again(
    client: Any, sms_voice: SmsVoiceMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libphonenumber's answer for a number never changes: a send reads its destination three
    # times (checked, its country, the opt-out key), and each answer is kept (rules.countries).
    phonenumbers = pytest.importorskip("phonenumbers")
    parsed: list[str] = []
    parse = phonenumbers.parse

    def counting(number: str, *args: Any, **kwargs: Any) -> Any:
        parsed.append(number)
        return parse(number, *args, **kwargs)

    monkeypatch.setattr(phonenumbers, "parse", counting)
    origination = toll_free_number(client)["PhoneNumberId"]

    def send() -> None:
        client.send_text_message(
            DestinationPhoneNumber="+12065550177", OriginationIdentity=origination, MessageBody="Hi"
        )

    send()
    first = parsed.count("+12065550177")
    send()
    send()

    assert len(sms_voice.sent_messages) == 3
    assert parsed.count("+12065550177") == first <= 3
