"""The quotas the User Guide's *Quotas for AWS End User Messaging SMS* page states (quotas.md),
as the account meets them: each refused one past its figure, and DescribeAccountLimits."""

from __future__ import annotations

from typing import Any

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, refused, toll_free_number
from tests.registration_data import completed_brand, new_registration

QUOTAS_PAGE = {
    # quotas.md, "SMS and MMS quotas", "Protect configuration quotas", "Registration quotas".
    "PHONE_NUMBERS": 25,
    "POOLS": 25,
    "CONFIGURATION_SETS": 25,
    "OPT_OUT_LISTS": 25,
    "SENDER_IDS": 200,
    "REGISTRATIONS": 25,
    "REGISTRATION_ATTACHMENTS": 25,
    "VERIFIED_DESTINATION_NUMBERS": 10,
}


def test_describe_account_limits_reports_the_page_figures(client: Any) -> None:
    limits = client.describe_account_limits()["AccountLimits"]
    assert {limit["Name"]: limit["Max"] for limit in limits} == QUOTAS_PAGE


def test_the_26th_phone_number_is_refused(client: Any) -> None:
    # quotas.md: "Number of SMS, MMS, and Voice numbers: 25 per account".
    for _ in range(25):
        toll_free_number(client, ("SMS",))
    response = refused(toll_free_number, client=client, capabilities=("SMS",))
    expect_error(
        response,
        "ServiceQuotaExceededException",
        "PHONE_NUMBERS_PER_ACCOUNT",
        message="PHONE_NUMBERS_PER_ACCOUNT of 25",
    )
    used = {
        limit["Name"]: limit["Used"] for limit in client.describe_account_limits()["AccountLimits"]
    }
    assert used["PHONE_NUMBERS"] == 25


def test_the_default_list_is_one_of_the_25_opt_out_lists(client: Any) -> None:
    # quotas.md: "Number of opt-out lists. Note: The required Default opt-out list counts against
    # this quota. 25 per account".
    for i in range(24):
        client.create_opt_out_list(OptOutListName=f"list-{i}")
    response = refused(client.create_opt_out_list, OptOutListName="one-too-many")
    expect_error(
        response,
        "ServiceQuotaExceededException",
        "OPT_OUT_LISTS_PER_ACCOUNT",
        message="OPT_OUT_LISTS_PER_ACCOUNT of 25",
    )


def test_the_26th_registration_and_attachment_are_refused(client: Any) -> None:
    # quotas.md, Registration quotas: 25 registrations, 25 registration attachments per account.
    for _ in range(25):
        client.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")
        client.create_registration_attachment(AttachmentBody=b"%PDF-1.7\n" + b"0" * 64)
    expect_error(
        refused(client.create_registration, RegistrationType="US_TOLL_FREE_REGISTRATION"),
        "ServiceQuotaExceededException",
        "REGISTRATIONS_PER_ACCOUNT",
        message="REGISTRATIONS_PER_ACCOUNT of 25",
    )
    expect_error(
        refused(client.create_registration_attachment, AttachmentBody=b"%PDF-1.7\n" + b"0" * 64),
        "ServiceQuotaExceededException",
        "REGISTRATION_ATTACHMENTS_PER_ACCOUNT",
        message="REGISTRATION_ATTACHMENTS_PER_ACCOUNT of 25",
    )


def test_25_ten_dlc_brands_per_account(client: Any, sms_voice: SmsVoiceMock) -> None:
    # quotas.md, 10DLC quotas: "Max 10DLC companies: 25 per account", counted apart from the
    # registrations quota (raised here so that only the brands' count is met).
    sms_voice.set_quota("REGISTRATIONS_PER_ACCOUNT", 100)
    for _ in range(25):
        client.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")
    response = refused(client.create_registration, RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")
    # The model has no reason for brands: a brand is a registration (the message names the
    # brands' quota).
    expect_error(
        response,
        "ServiceQuotaExceededException",
        "REGISTRATIONS_PER_ACCOUNT",
        message="TEN_DLC_BRANDS_PER_ACCOUNT of 25",
    )
    # Other registration types are not brands.
    client.create_registration(RegistrationType="US_TEN_DLC_CAMPAIGN_REGISTRATION")


def test_10_campaigns_per_brand(client: Any) -> None:
    # quotas.md, 10DLC quotas: "Max 10DLC campaigns: 10 per 10DLC brand".
    brand = completed_brand(client)
    for _ in range(10):
        campaign = new_registration(client, "US_TEN_DLC_CAMPAIGN_REGISTRATION")
        client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    eleventh = new_registration(client, "US_TEN_DLC_CAMPAIGN_REGISTRATION")
    response = refused(
        client.create_registration_association, RegistrationId=eleventh, ResourceId=brand
    )
    expect_error(
        response,
        "ServiceQuotaExceededException",
        "ASSOCIATIONS_PER_REGISTRATION",
        message="TEN_DLC_CAMPAIGNS_PER_BRAND of 10",
    )
    # Another brand takes campaigns of its own.
    other = completed_brand(client)
    client.create_registration_association(RegistrationId=eleventh, ResourceId=other)


def test_a_quota_raised_as_a_users_test_would(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("POOLS_PER_ACCOUNT", 30)
    sms_voice.set_quota("PHONE_NUMBERS_PER_ACCOUNT", 30)
    for _ in range(26):
        client.create_pool(
            OriginationIdentity=toll_free_number(client, ("SMS",), handle=sms_voice)[
                "PhoneNumberId"
            ],
            MessageType="TRANSACTIONAL",
            IsoCountryCode="US",
        )
    limits = {limit["Name"]: limit for limit in client.describe_account_limits()["AccountLimits"]}
    assert limits["POOLS"] == {"Name": "POOLS", "Used": 26, "Max": 30}
