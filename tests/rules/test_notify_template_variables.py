"""Notify template variables: a left-out optional variable takes its default, an integer
variable's bounds and a string's length limit are inclusive, and a refusal names the template
and every variable at fault."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import expect_error, refused
from tests.installed_model import needs_operations

pytestmark = needs_operations("CreateNotifyConfiguration")

US_MOBILE = "+14155552671"


@pytest.fixture
def config_id(client: Any) -> str:
    """An active notify configuration (display name ``Acme``) on the Basic tier."""
    created = client.create_notify_configuration(
        DisplayName="Acme", UseCase="CODE_VERIFICATION", EnabledChannels=["SMS", "VOICE"]
    )
    identifier: str = created["NotifyConfigurationId"]
    return identifier


def body(client: Any, config_id: str, variables: dict[str, str]) -> str:
    """The ResolvedMessageBody of an ``otp-sms-en`` text sent with ``variables``."""
    sent = client.send_notify_text_message(
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=US_MOBILE,
        TemplateId="otp-sms-en",
        TemplateVariables=variables,
    )
    resolved: str = sent["ResolvedMessageBody"]
    return resolved


def test_a_left_out_expiration_takes_the_templates_default(client: Any, config_id: str) -> None:
    assert body(client, config_id, {"code": "4821"}) == (
        "Acme: Your verification code is 4821. It expires in 10 minutes. "
        "Do not share it with anyone."
    )


@pytest.mark.parametrize("code", ["1234", "12345678"])
def test_a_code_of_four_to_eight_digits_is_taken(client: Any, config_id: str, code: str) -> None:
    assert f"Your verification code is {code}." in body(client, config_id, {"code": code})


@pytest.mark.parametrize("minutes", ["1", "60"])
def test_the_expiration_bounds_are_inclusive(client: Any, config_id: str, minutes: str) -> None:
    resolved = body(client, config_id, {"code": "4821", "expiration_minutes": minutes})
    assert f"It expires in {minutes} minutes." in resolved


@pytest.mark.parametrize(
    ("minutes", "said"),
    [("0", "Must be at least 1."), ("-5", "Must be at least 1."), ("61", "Must be at most 60.")],
)
def test_an_expiration_out_of_bounds_is_refused(
    client: Any, config_id: str, minutes: str, said: str
) -> None:
    answer = refused(
        client.send_notify_text_message,
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=US_MOBILE,
        TemplateId="otp-sms-en",
        TemplateVariables={"code": "4821", "expiration_minutes": minutes},
    )
    expect_error(
        answer,
        "ValidationException",
        "INVALID_PARAMETER",
        message="The template variables do not fit template otp-sms-en.",
        fields={"TemplateVariables.expiration_minutes": said},
    )
    assert answer["Fields"][0]["Message"] == said


def test_every_variable_at_fault_is_named(client: Any, config_id: str) -> None:
    """A missing code does not stop the check of the variables after it: both are named, and
    the reason is an invalid parameter since not every fault is a missing one."""
    answer = refused(
        client.send_notify_voice_message,
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=US_MOBILE,
        TemplateId="otp-voice-en",
        TemplateVariables={"expiration_minutes": "90"},
    )
    expect_error(
        answer,
        "ValidationException",
        "INVALID_PARAMETER",
        message="otp-voice-en",
        fields={
            "TemplateVariables.code": "Required variable missing.",
            "TemplateVariables.expiration_minutes": "Must be at most 60.",
        },
    )


def test_only_missing_variables_is_a_missing_parameter(client: Any, config_id: str) -> None:
    answer = refused(
        client.send_notify_text_message,
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=US_MOBILE,
        TemplateId="otp-sms-en",
        TemplateVariables={"expiration_minutes": "30"},
    )
    expect_error(
        answer,
        "ValidationException",
        "MISSING_PARAMETER",
        message="The template variables do not fit template otp-sms-en.",
        fields={"TemplateVariables.code": "Required variable missing."},
    )
