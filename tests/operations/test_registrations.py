"""Registrations, their versions and field values, through a boto3 client: the review
lifecycle (immediate, timed, manual), the status machines and their conflicts, and the
registration flow end to end."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error
from tests.installed_model import has_member, needs_members
from tests.registration_data import (
    BRAND,
    CAMPAIGN,
    PNG,
    add_phone_number,
    completed_brand,
    new_registration,
    put_values,
    registration_status,
)

BRAND_TYPE = "US_TEN_DLC_BRAND_REGISTRATION"
CAMPAIGN_TYPE = "US_TEN_DLC_CAMPAIGN_REGISTRATION"


def _versions(client: Any, registration_id: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = client.describe_registration_versions(
        RegistrationId=registration_id
    )["RegistrationVersions"]
    return out


# -- registrations -----------------------------------------------------------------------------


def test_create_registration(client: Any) -> None:
    out = client.create_registration(
        RegistrationType=BRAND_TYPE, Tags=[{"Key": "Name", "Value": "Example brand"}]
    )
    assert out["RegistrationId"].startswith("registration-")
    assert out["RegistrationArn"] == (
        f"arn:aws:sms-voice:us-east-1:123456789012:registration/{out['RegistrationId']}"
    )
    assert out["RegistrationType"] == BRAND_TYPE
    assert out["RegistrationStatus"] == "CREATED"
    assert out["CurrentVersionNumber"] == 1
    assert out["Tags"] == [{"Key": "Name", "Value": "Example brand"}]
    assert isinstance(out["CreatedTimestamp"], datetime)
    tags = client.list_tags_for_resource(ResourceArn=out["RegistrationArn"])["Tags"]
    assert tags == [{"Key": "Name", "Value": "Example brand"}]
    [version] = _versions(client, out["RegistrationId"])
    assert version["VersionNumber"] == 1
    assert version["RegistrationVersionStatus"] == "DRAFT"
    assert "DraftTimestamp" in version["RegistrationVersionStatusHistory"]


def test_create_registration_of_unknown_type(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.create_registration(RegistrationType="XX_NOPE_REGISTRATION")
    expect_error(
        caught,
        "ValidationException",
        "UNKNOWN_REGISTRATION_TYPE",
        fields={"RegistrationType": "Unknown registration type XX_NOPE_REGISTRATION"},
    )


def test_create_registration_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("REGISTRATIONS_PER_ACCOUNT", 1)
    new_registration(client, BRAND_TYPE)
    with pytest.raises(ClientError) as caught:
        new_registration(client, BRAND_TYPE)
    expect_error(caught, "ServiceQuotaExceededException", "REGISTRATIONS_PER_ACCOUNT")


def test_describe_registrations_filters_and_ids(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    campaign = new_registration(client, CAMPAIGN_TYPE)
    all_ids = [r["RegistrationId"] for r in client.describe_registrations()["Registrations"]]
    assert all_ids == [brand, campaign]
    by_type = client.describe_registrations(
        Filters=[{"Name": "registration-type", "Values": [CAMPAIGN_TYPE]}]
    )["Registrations"]
    assert [r["RegistrationId"] for r in by_type] == [campaign]
    by_status = client.describe_registrations(
        Filters=[{"Name": "registration-status", "Values": ["COMPLETE"]}]
    )["Registrations"]
    assert by_status == []
    arn = f"arn:aws:sms-voice:us-east-1:123456789012:registration/{campaign}"
    by_arn = client.describe_registrations(RegistrationIds=[arn])["Registrations"]
    assert [r["RegistrationId"] for r in by_arn] == [campaign]


def test_describe_registrations_pages(client: Any) -> None:
    made = [new_registration(client, BRAND_TYPE) for _ in range(3)]
    first = client.describe_registrations(MaxResults=2)
    second = client.describe_registrations(MaxResults=2, NextToken=first["NextToken"])
    ids = [r["RegistrationId"] for r in first["Registrations"] + second["Registrations"]]
    assert ids == made
    assert "NextToken" not in second


def test_describe_unknown_registration(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_registrations(RegistrationIds=["registration-0000"])
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-0000",
    )


def test_delete_registration(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    out = client.delete_registration(RegistrationId=brand)
    assert out["RegistrationStatus"] == "DELETED"
    assert out["RegistrationId"] == brand
    assert client.describe_registrations()["Registrations"] == []
    with pytest.raises(ClientError) as caught:
        client.delete_registration(RegistrationId=brand)
    expect_error(
        caught, "ResourceNotFoundException", resource_type="registration", resource_id=brand
    )


def test_delete_registration_under_review_conflicts(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration", "manual")
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, BRAND)
    client.submit_registration_version(RegistrationId=brand)
    with pytest.raises(ClientError) as caught:
        client.delete_registration(RegistrationId=brand)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="registration",
        resource_id=brand,
    )


# -- field values ------------------------------------------------------------------------------


def test_put_and_describe_field_values(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    out = client.put_registration_field_value(
        RegistrationId=brand, FieldPath="companyInfo.companyName", TextValue="Example Corp"
    )
    assert out["VersionNumber"] == 1
    assert out["FieldPath"] == "companyInfo.companyName"
    assert out["TextValue"] == "Example Corp"
    client.put_registration_field_value(
        RegistrationId=brand, FieldPath="contactInfo.vertical", SelectChoices=["RETAIL"]
    )
    client.put_registration_field_value(
        RegistrationId=brand, FieldPath="companyInfo.legalType", SelectChoices=["NON_PROFIT"]
    )
    values = client.describe_registration_field_values(RegistrationId=brand)
    assert values["VersionNumber"] == 1
    # Form order, not the order of the calls.
    assert [v["FieldPath"] for v in values["RegistrationFieldValues"]] == [
        "companyInfo.companyName",
        "companyInfo.legalType",
        "contactInfo.vertical",
    ]
    contact = client.describe_registration_field_values(
        RegistrationId=brand, SectionPath="contactInfo"
    )["RegistrationFieldValues"]
    assert contact == [{"FieldPath": "contactInfo.vertical", "SelectChoices": ["RETAIL"]}]
    one = client.describe_registration_field_values(
        RegistrationId=brand, FieldPaths=["companyInfo.legalType"]
    )["RegistrationFieldValues"]
    assert one == [{"FieldPath": "companyInfo.legalType", "SelectChoices": ["NON_PROFIT"]}]


FAILED = "FIELD_VALIDATION_FAILED"


@pytest.mark.parametrize(
    ("value", "reason", "fields", "message"),
    [
        (
            {"FieldPath": "companyInfo.nope", "TextValue": "x"},
            "UNKNOWN_REGISTRATION_FIELD",
            {"FieldPath": "Unknown registration field companyInfo.nope"},
            "companyInfo.nope is not part of US_TEN_DLC_BRAND_REGISTRATION",
        ),
        (
            {"FieldPath": "companyInfo.taxIdIssuingCountry", "TextValue": "USA"},
            FAILED,
            {"TextValue": "between 2 and 2 characters"},
            "companyInfo.taxIdIssuingCountry is not valid. Must be between 2 and 2 characters",
        ),
        (
            {"FieldPath": "companyInfo.isoCountryCode", "TextValue": "us"},
            FAILED,
            {"TextValue": "Must match the pattern ^[A-Z]{2}$"},
            "companyInfo.isoCountryCode is not valid. Must match the pattern ^[A-Z]{2}$.",
        ),
        (
            {"FieldPath": "contactInfo.website", "TextValue": "example.com"},
            FAILED,
            {"TextValue": "Must match the pattern ^https?://"},
            "contactInfo.website is not valid. Must match the pattern ^https?://",
        ),
        (
            {"FieldPath": "companyInfo.legalType", "SelectChoices": ["LLC"]},
            FAILED,
            {"SelectChoices": "LLC is not one of the options: PRIVATE_PROFIT"},
            "companyInfo.legalType is not valid. LLC is not one of the options: PRIVATE_PROFIT",
        ),
        (
            {"FieldPath": "companyInfo.legalType", "SelectChoices": ["NON_PROFIT", "GOVERNMENT"]},
            FAILED,
            {"SelectChoices": "between 1 and 1 choices"},
            "companyInfo.legalType is not valid. Must have between 1 and 1 choices.",
        ),
        (
            {"FieldPath": "companyInfo.legalType", "SelectChoices": []},
            FAILED,
            {"SelectChoices": "between 1 and 1 choices"},
            "companyInfo.legalType is not valid. Must have between 1 and 1 choices.",
        ),
        (
            {"FieldPath": "companyInfo.legalType", "TextValue": "NO"},
            "INVALID_PARAMETER",
            {"TextValue": "companyInfo.legalType takes SelectChoices"},
            "companyInfo.legalType is a SELECT field and takes SelectChoices.",
        ),
        (
            {"FieldPath": "companyInfo.companyName"},
            "MISSING_PARAMETER",
            {"TextValue": "Required"},
            "companyInfo.companyName needs a TextValue.",
        ),
        (
            {"FieldPath": "companyInfo.companyName", "TextValue": "A", "SelectChoices": ["A"]},
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            {"SelectChoices": "Give only one value", "TextValue": "Give only one value"},
            "Only one of SelectChoices, TextValue can be given.",
        ),
    ],
)
def test_field_values_are_checked_against_their_definitions(
    client: Any, value: dict[str, Any], reason: str, fields: dict[str, str], message: str
) -> None:
    brand = new_registration(client, BRAND_TYPE)
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(RegistrationId=brand, **value)
    expect_error(caught, "ValidationException", reason, fields=fields, message=message)


def test_select_with_several_choices(client: Any) -> None:
    campaign = new_registration(client, CAMPAIGN_TYPE)
    out = client.put_registration_field_value(
        RegistrationId=campaign,
        FieldPath="campaignUseCase.subUseCases",
        SelectChoices=["MARKETING", "CUSTOMER_CARE"],
    )
    assert out["SelectChoices"] == ["MARKETING", "CUSTOMER_CARE"]
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(
            RegistrationId=campaign,
            FieldPath="campaignUseCase.subUseCases",
            SelectChoices=["MARKETING", "MARKETING"],
        )
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"SelectChoices": "Choices must not repeat"},
    )


def test_put_field_value_of_unknown_registration(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.put_registration_field_value(
            RegistrationId="registration-0000", FieldPath="companyInfo.companyName", TextValue="A"
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-0000",
    )


def test_delete_field_value(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, {"companyInfo.companyName": "Example Corp"})
    out = client.delete_registration_field_value(
        RegistrationId=brand, FieldPath="companyInfo.companyName"
    )
    assert out["TextValue"] == "Example Corp"
    assert (
        client.describe_registration_field_values(RegistrationId=brand)["RegistrationFieldValues"]
        == []
    )
    with pytest.raises(ClientError) as caught:
        client.delete_registration_field_value(
            RegistrationId=brand, FieldPath="companyInfo.companyName"
        )
    expect_error(
        caught,
        "ValidationException",
        "REGISTRATION_FIELD_CANNOT_BE_DELETED",
        fields={"FieldPath": "The field has no value"},
    )
    with pytest.raises(ClientError) as caught:
        client.delete_registration_field_value(RegistrationId=brand, FieldPath="companyInfo.x")
    expect_error(
        caught,
        "ValidationException",
        "UNKNOWN_REGISTRATION_FIELD",
        fields={"FieldPath": "Unknown registration field companyInfo.x"},
    )
    with pytest.raises(ClientError) as caught:
        client.delete_registration_field_value(
            RegistrationId="registration-0000", FieldPath="companyInfo.companyName"
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-0000",
    )


@pytest.mark.parametrize(
    ("kwargs", "reason", "said"),
    [
        ({"VersionNumber": 7}, "UNKNOWN_REGISTRATION_VERSION", ("VersionNumber", "version 7")),
        ({"SectionPath": "nope"}, "UNKNOWN_REGISTRATION_SECTION", ("SectionPath", "section nope")),
        (
            {"FieldPaths": ["companyInfo.nope"]},
            "UNKNOWN_REGISTRATION_FIELD",
            ("FieldPaths[0]", "field companyInfo.nope"),
        ),
    ],
)
def test_describe_field_values_errors(
    client: Any, kwargs: dict[str, Any], reason: str, said: tuple[str, str]
) -> None:
    brand = new_registration(client, BRAND_TYPE)
    with pytest.raises(ClientError) as caught:
        client.describe_registration_field_values(RegistrationId=brand, **kwargs)
    field, what = said
    expect_error(caught, "ValidationException", reason, message=what, fields={field: what})


def test_describe_field_values_of_unknown_registration(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_registration_field_values(RegistrationId="registration-0000")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-0000",
    )


# -- submitting and the review lifecycle -------------------------------------------------------


def test_submit_with_required_fields_missing_is_refused(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, {k: v for k, v in BRAND.items() if k != "contactInfo.website"})
    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=brand)
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"contactInfo.website": "This field is required"},
    )
    assert registration_status(client, brand) == "CREATED"


def test_conditional_fields_become_required(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, {**BRAND, "companyInfo.legalType": ["PUBLIC_PROFIT"]})
    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=brand)
    required = "This field is required"
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={
            "companyInfo.stockSymbol": required,
            "companyInfo.stockExchange": required,
            "companyInfo.businessContactEmail": required,
        },
    )


def test_immediate_review_completes_on_next_read(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, BRAND)
    out = client.submit_registration_version(RegistrationId=brand)
    assert out["RegistrationVersionStatus"] == "SUBMITTED"
    if has_member("SubmitRegistrationVersionResult", "AwsReview"):
        assert out["AwsReview"] is False
    info = client.describe_registrations(RegistrationIds=[brand])["Registrations"][0]
    assert info["RegistrationStatus"] == "COMPLETE"
    assert info["ApprovedVersionNumber"] == 1
    [version] = _versions(client, brand)
    assert version["RegistrationVersionStatus"] == "APPROVED"
    history = version["RegistrationVersionStatusHistory"]
    assert {
        "DraftTimestamp",
        "SubmittedTimestamp",
        "ReviewingTimestamp",
        "ApprovedTimestamp",
    } <= set(history)


def test_timed_review(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration", "after", seconds=3600)
    start = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
    with freeze_time(start) as clock:
        brand = new_registration(client, BRAND_TYPE)
        put_values(client, brand, BRAND)
        client.submit_registration_version(RegistrationId=brand)
        assert registration_status(client, brand) == "SUBMITTED"
        clock.tick(timedelta(hours=1))
        assert registration_status(client, brand) == "REVIEWING"
        clock.tick(timedelta(hours=1))
        assert registration_status(client, brand) == "COMPLETE"
        history = _versions(client, brand)[0]["RegistrationVersionStatusHistory"]
        assert history["ReviewingTimestamp"] == start + timedelta(hours=1)
        assert history["ApprovedTimestamp"] == start + timedelta(hours=2)


def test_manual_review_denied_then_new_version_approved(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_lifecycle("registration", "manual")
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, BRAND)
    client.submit_registration_version(RegistrationId=brand)
    assert registration_status(client, brand) == "SUBMITTED"
    sms_voice.advance("registration", brand)
    assert registration_status(client, brand) == "REVIEWING"
    sms_voice.advance("registration", brand, to="REQUIRES_UPDATES")
    info = client.describe_registrations(RegistrationIds=[brand])["Registrations"][0]
    assert info["RegistrationStatus"] == "REQUIRES_UPDATES"
    assert info["LatestDeniedVersionNumber"] == 1
    assert _versions(client, brand)[0]["RegistrationVersionStatus"] == "DENIED"

    # A denied version is read-only: edits go into a new version, which starts from its values.
    with pytest.raises(ClientError) as caught:
        put_values(client, brand, {"contactInfo.dbaName": "Example Two"})
    expect_error(
        caught,
        "ConflictException",
        "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
        resource_type="registration",
        resource_id=brand,
        message="version 1 is DENIED",
    )
    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=brand)
    expect_error(
        caught,
        "ConflictException",
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
        resource_type="registration",
        resource_id=brand,
        message="version 1 is DENIED",
    )
    version = client.create_registration_version(RegistrationId=brand)
    assert version["VersionNumber"] == 2
    assert version["RegistrationVersionStatus"] == "DRAFT"
    assert registration_status(client, brand) == "REQUIRES_UPDATES"
    values = client.describe_registration_field_values(RegistrationId=brand)
    assert values["VersionNumber"] == 2
    assert len(values["RegistrationFieldValues"]) == len(BRAND)
    put_values(client, brand, {"contactInfo.dbaName": "Example Two"})
    client.submit_registration_version(RegistrationId=brand)
    sms_voice.advance("registration", brand, to="COMPLETE")
    info = client.describe_registrations(RegistrationIds=[brand])["Registrations"][0]
    assert info["RegistrationStatus"] == "COMPLETE"
    assert info["CurrentVersionNumber"] == 2
    assert info["ApprovedVersionNumber"] == 2
    statuses = [v["RegistrationVersionStatus"] for v in _versions(client, brand)]
    assert statuses == ["DENIED", "APPROVED"]
    old = client.describe_registration_field_values(RegistrationId=brand, VersionNumber=1)
    assert {v["FieldPath"]: v.get("TextValue") for v in old["RegistrationFieldValues"]}[
        "contactInfo.dbaName"
    ] == "Example"


@needs_members("SubmitRegistrationVersionRequest", "AwsReview")
def test_aws_review_step(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration", "manual")
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, BRAND)
    out = client.submit_registration_version(RegistrationId=brand, AwsReview=True)
    assert out["AwsReview"] is True
    sms_voice.advance("registration", brand)
    assert registration_status(client, brand) == "AWS_REVIEWING"
    sms_voice.advance("registration", brand)
    assert registration_status(client, brand) == "REVIEWING"


def test_submit_twice_conflicts(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("registration", "manual")
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, BRAND)
    client.submit_registration_version(RegistrationId=brand)
    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=brand)
    expect_error(
        caught,
        "ConflictException",
        "REGISTRATION_ALREADY_SUBMITTED",
        resource_type="registration",
        resource_id=brand,
    )
    with pytest.raises(ClientError) as caught:
        client.create_registration_version(RegistrationId=brand)
    expect_error(
        caught,
        "ConflictException",
        "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
        resource_type="registration",
        resource_id=brand,
    )
    with pytest.raises(ClientError) as caught:
        put_values(client, brand, {"contactInfo.dbaName": "Other"})
    expect_error(
        caught,
        "ConflictException",
        "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
        resource_type="registration",
        resource_id=brand,
        message="version 1 is SUBMITTED",
    )


def test_create_version_of_a_draft_conflicts(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    with pytest.raises(ClientError) as caught:
        client.create_registration_version(RegistrationId=brand)
    expect_error(
        caught,
        "ConflictException",
        "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
        resource_id=brand,
        resource_type="registration",
    )


def test_versions_of_a_complete_registration(client: Any) -> None:
    brand = completed_brand(client)
    client.create_registration_version(RegistrationId=brand)
    # The approved version stays in force while the next is drafted.
    assert registration_status(client, brand) == "COMPLETE"
    discarded = client.discard_registration_version(RegistrationId=brand)
    assert discarded["VersionNumber"] == 2
    assert discarded["RegistrationVersionStatus"] == "DISCARDED"
    assert "DiscardedTimestamp" in discarded["RegistrationVersionStatusHistory"]
    with pytest.raises(ClientError) as caught:
        client.discard_registration_version(RegistrationId=brand)
    expect_error(
        caught,
        "ConflictException",
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
        resource_type="registration",
        resource_id=brand,
    )
    third = client.create_registration_version(RegistrationId=brand)
    assert third["VersionNumber"] == 3
    put_values(client, brand, {"contactInfo.dbaName": "Example Three"})
    client.submit_registration_version(RegistrationId=brand)
    statuses = [v["RegistrationVersionStatus"] for v in _versions(client, brand)]
    assert statuses == ["ARCHIVED", "DISCARDED", "APPROVED"]
    info = client.describe_registrations(RegistrationIds=[brand])["Registrations"][0]
    assert info["ApprovedVersionNumber"] == 3
    approved = client.describe_registration_versions(
        RegistrationId=brand,
        Filters=[{"Name": "registration-version-status", "Values": ["APPROVED"]}],
    )["RegistrationVersions"]
    assert [v["VersionNumber"] for v in approved] == [3]
    picked = client.describe_registration_versions(RegistrationId=brand, VersionNumbers=[2])
    assert [v["VersionNumber"] for v in picked["RegistrationVersions"]] == [2]


def test_first_version_cannot_be_discarded(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    with pytest.raises(ClientError) as caught:
        client.discard_registration_version(RegistrationId=brand)
    expect_error(
        caught,
        "ConflictException",
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
        resource_type="registration",
        resource_id=brand,
    )


def test_versions_created_per_day_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("REGISTRATION_VERSIONS_CREATED_PER_DAY", 2)
    with freeze_time("2026-01-05 12:00:00") as clock:
        brand = completed_brand(client)
        client.create_registration_version(RegistrationId=brand)
        client.discard_registration_version(RegistrationId=brand)
        with pytest.raises(ClientError) as caught:
            client.create_registration_version(RegistrationId=brand)
        expect_error(
            caught,
            "ServiceQuotaExceededException",
            "REGISTRATION_VERSIONS_CREATED_PER_DAY",
        )
        clock.tick(timedelta(days=1, seconds=1))
        assert client.create_registration_version(RegistrationId=brand)["VersionNumber"] == 3


def test_describe_versions_errors(client: Any) -> None:
    brand = new_registration(client, BRAND_TYPE)
    with pytest.raises(ClientError) as caught:
        client.describe_registration_versions(RegistrationId=brand, VersionNumbers=[9])
    expect_error(
        caught,
        "ValidationException",
        "UNKNOWN_REGISTRATION_VERSION",
        fields={"VersionNumbers[0]": "Unknown registration version 9"},
    )


@pytest.mark.parametrize(
    "call",
    [
        "create_registration_version",
        "describe_registration_versions",
        "submit_registration_version",
        "discard_registration_version",
        "delete_registration",
        "list_registration_associations",
    ],
)
def test_version_operations_on_unknown_registration(client: Any, call: str) -> None:
    with pytest.raises(ClientError) as caught:
        getattr(client, call)(RegistrationId="registration-0000")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="registration",
        resource_id="registration-0000",
    )


def test_advance_to_an_unknown_status_is_refused(client: Any, sms_voice: SmsVoiceMock) -> None:
    brand = new_registration(client, BRAND_TYPE)
    with pytest.raises(ValueError):
        sms_voice.advance("registration", brand, to="SHIPPED")
    assert registration_status(client, brand) == "CREATED"


# -- the registration flow end to end ----------------------------------------------------------


def test_registration_flow_end_to_end(client: Any, sms_voice: SmsVoiceMock) -> None:
    """Brand, then campaign: fill the form with an attachment, submit, approve by hand, and
    associate a 10DLC number with the completed campaign."""
    sms_voice.set_lifecycle("registration", "manual")
    brand = new_registration(client, BRAND_TYPE)
    put_values(client, brand, BRAND)
    client.submit_registration_version(RegistrationId=brand)
    sms_voice.advance("registration", brand, to="COMPLETE")
    assert registration_status(client, brand) == "COMPLETE"

    campaign = new_registration(client, CAMPAIGN_TYPE)
    put_values(client, campaign, CAMPAIGN)
    screenshot = client.create_registration_attachment(AttachmentBody=PNG)
    client.put_registration_field_value(
        RegistrationId=campaign,
        FieldPath="campaignInfo.optInScreenshot",
        RegistrationAttachmentId=screenshot["RegistrationAttachmentId"],
    )
    client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    submitted = client.submit_registration_version(RegistrationId=campaign)
    assert submitted["RegistrationVersionStatus"] == "SUBMITTED"
    assert registration_status(client, campaign) == "SUBMITTED"

    number = add_phone_number(sms_voice, "TEN_DLC")
    with pytest.raises(ClientError) as caught:
        client.create_registration_association(
            RegistrationId=campaign, ResourceId=number.phone_number_id
        )
    expect_error(
        caught,
        "ConflictException",
        "REGISTRATION_NOT_COMPLETE",
        resource_type="registration",
        resource_id=campaign,
    )

    sms_voice.advance("registration", campaign, to="COMPLETE")
    assert registration_status(client, campaign) == "COMPLETE"
    linked = client.create_registration_association(
        RegistrationId=campaign, ResourceId=number.phone_number_arn
    )
    assert linked["ResourceType"] == "phone-number"
    assert linked["ResourceId"] == number.phone_number_id
    assert linked["PhoneNumber"] == number.phone_number
    assert linked["IsoCountryCode"] == "US"
    assert number.registration_id == campaign
    listed = client.list_registration_associations(RegistrationId=campaign)
    assert [a["ResourceType"] for a in listed["RegistrationAssociations"]] == [
        "registration",
        "phone-number",
    ]
    values = client.describe_registration_field_values(
        RegistrationId=campaign, FieldPaths=["campaignInfo.optInScreenshot"]
    )["RegistrationFieldValues"]
    assert values[0]["RegistrationAttachmentId"] == screenshot["RegistrationAttachmentId"]
