"""PutRegistrationFieldValue at the limits of a field's definition: a TEXT value of exactly its
``MinLength`` or ``MaxLength`` and a SELECT of exactly ``MinChoices`` or ``MaxChoices`` are
taken; a character more or less, or a choice more, is refused naming the limits; every unknown
choice is named."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.registration_data import new_registration

CAMPAIGN = "US_TEN_DLC_CAMPAIGN_REGISTRATION"
OPT_IN_MESSAGE = "campaignInfo.optInMessage"  # TEXT, 20 to 255 characters
SUB_USE_CASES = "campaignUseCase.subUseCases"  # SELECT, 1 to 5 choices
OPTIONS = [
    "ACCOUNT_NOTIFICATION",
    "CUSTOMER_CARE",
    "DELIVERY_NOTIFICATION",
    "FRAUD_ALERT",
    "HIGHER_EDUCATION",
    "MARKETING",
]


@pytest.mark.parametrize("length", [20, 255])
def test_a_text_of_the_limit_length_is_taken(client: Any, length: int) -> None:
    campaign = new_registration(client, CAMPAIGN)
    text = "x" * length
    out = client.put_registration_field_value(
        RegistrationId=campaign, FieldPath=OPT_IN_MESSAGE, TextValue=text
    )
    assert out["TextValue"] == text


@pytest.mark.parametrize("length", [19, 256])
def test_a_text_past_the_limit_length_is_refused(client: Any, length: int) -> None:
    campaign = new_registration(client, CAMPAIGN)
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(
            RegistrationId=campaign, FieldPath=OPT_IN_MESSAGE, TextValue="x" * length
        )
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        message=f"{OPT_IN_MESSAGE} is not valid. Must be between 20 and 255 characters long.",
        fields={"TextValue": "Must be between 20 and 255 characters long."},
    )


@pytest.mark.parametrize("count", [1, 5])
def test_a_select_of_the_fewest_or_most_choices_is_taken(client: Any, count: int) -> None:
    campaign = new_registration(client, CAMPAIGN)
    out = client.put_registration_field_value(
        RegistrationId=campaign, FieldPath=SUB_USE_CASES, SelectChoices=OPTIONS[:count]
    )
    assert out["SelectChoices"] == OPTIONS[:count]


def test_a_select_of_one_choice_too_many_is_refused(client: Any) -> None:
    campaign = new_registration(client, CAMPAIGN)
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(
            RegistrationId=campaign, FieldPath=SUB_USE_CASES, SelectChoices=OPTIONS
        )
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        message=f"{SUB_USE_CASES} is not valid. Must have between 1 and 5 choices.",
        fields={"SelectChoices": "Must have between 1 and 5 choices."},
    )


def test_every_unknown_choice_is_named_with_the_options(client: Any) -> None:
    campaign = new_registration(client, CAMPAIGN)
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(
            RegistrationId=campaign,
            FieldPath=SUB_USE_CASES,
            SelectChoices=["LOTTERY", "MARKETING", "GAMBLING"],
        )
    problem = (
        "LOTTERY, GAMBLING is not one of the options: ACCOUNT_NOTIFICATION, CUSTOMER_CARE, "
        "DELIVERY_NOTIFICATION, FRAUD_ALERT, HIGHER_EDUCATION, MARKETING, POLLING_VOTING, "
        "PUBLIC_SERVICE_ANNOUNCEMENT, SECURITY_ALERT, TWO_FACTOR_AUTHENTICATION."
    )
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        message=f"{SUB_USE_CASES} is not valid. {problem}",
        fields={"SelectChoices": problem},
    )
