"""DescribeRegistrationTypeDefinitions, DescribeRegistrationSectionDefinitions and
DescribeRegistrationFieldDefinitions: the registration forms as data."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.registration_data import (
    IN_SENDER_ID,
    TOLL_FREE,
    new_registration,
    put_values,
    registration_status,
)

TYPES = [
    "US_TEN_DLC_BRAND_REGISTRATION",
    "US_TEN_DLC_BRAND_VETTING",
    "US_TEN_DLC_CAMPAIGN_REGISTRATION",
    "US_TOLL_FREE_REGISTRATION",
    "SG_SENDER_ID_REGISTRATION",
    "IN_SENDER_ID_REGISTRATION",
]


def test_type_definitions_list_the_known_types(client: Any) -> None:
    found = client.describe_registration_type_definitions()["RegistrationTypeDefinitions"]
    assert [t["RegistrationType"] for t in found] == TYPES
    campaign = found[2]
    assert campaign["DisplayHints"]["Title"] == "US 10DLC campaign registration"
    assert campaign["SupportedAssociations"] == [
        {
            "ResourceType": "US_TEN_DLC_BRAND_REGISTRATION",
            "IsoCountryCode": "US",
            "AssociationBehavior": "ASSOCIATE_BEFORE_SUBMIT",
            "DisassociationBehavior": "DELETE_REGISTRATION_DISASSOCIATES",
        },
        {
            "ResourceType": "TEN_DLC",
            "IsoCountryCode": "US",
            "AssociationBehavior": "ASSOCIATE_AFTER_COMPLETE",
            "DisassociationBehavior": "DISASSOCIATE_ALL_CLOSES_REGISTRATION",
        },
    ]


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    [
        ("supported-association-resource-type", ["TEN_DLC"], ["US_TEN_DLC_CAMPAIGN_REGISTRATION"]),
        ("supported-association-resource-type", ["TOLL_FREE"], ["US_TOLL_FREE_REGISTRATION"]),
        ("supported-association-iso-country-code", ["SG"], ["SG_SENDER_ID_REGISTRATION"]),
    ],
)
def test_type_definitions_filter(
    client: Any, name: str, values: list[str], expected: list[str]
) -> None:
    found = client.describe_registration_type_definitions(
        Filters=[{"Name": name, "Values": values}]
    )["RegistrationTypeDefinitions"]
    assert [t["RegistrationType"] for t in found] == expected


def test_type_definitions_by_name_and_unknown_type(client: Any) -> None:
    found = client.describe_registration_type_definitions(
        RegistrationTypes=["US_TOLL_FREE_REGISTRATION"]
    )["RegistrationTypeDefinitions"]
    assert [t["RegistrationType"] for t in found] == ["US_TOLL_FREE_REGISTRATION"]
    with pytest.raises(ClientError) as caught:
        client.describe_registration_type_definitions(RegistrationTypes=["XX_NOPE"])
    expect_error(
        caught,
        "ValidationException",
        "UNKNOWN_REGISTRATION_TYPE",
        fields={"RegistrationTypes[0]": "Unknown registration type XX_NOPE"},
    )


def test_section_definitions(client: Any) -> None:
    out = client.describe_registration_section_definitions(
        RegistrationType="US_TEN_DLC_CAMPAIGN_REGISTRATION"
    )
    assert out["RegistrationType"] == "US_TEN_DLC_CAMPAIGN_REGISTRATION"
    assert [s["SectionPath"] for s in out["RegistrationSectionDefinitions"]] == [
        "campaignInfo",
        "campaignCapabilities",
        "campaignUseCase",
        "messageSamples",
        "mmsFileSamples",
    ]
    assert out["RegistrationSectionDefinitions"][0]["DisplayHints"]["Title"] == "Campaign info"
    one = client.describe_registration_section_definitions(
        RegistrationType="US_TEN_DLC_BRAND_REGISTRATION", SectionPaths=["contactInfo"]
    )["RegistrationSectionDefinitions"]
    assert [s["SectionPath"] for s in one] == ["contactInfo"]


@pytest.mark.parametrize(
    ("kwargs", "reason", "fields", "message"),
    [
        (
            {"RegistrationType": "XX_NOPE"},
            "UNKNOWN_REGISTRATION_TYPE",
            {"RegistrationType": "Unknown registration type XX_NOPE"},
            "XX_NOPE is not supported",
        ),
        (
            {"RegistrationType": "US_TEN_DLC_BRAND_REGISTRATION", "SectionPaths": ["nope"]},
            "UNKNOWN_REGISTRATION_SECTION",
            {"SectionPaths[0]": "Unknown registration section nope"},
            "nope is not part of US_TEN_DLC_BRAND_REGISTRATION",
        ),
    ],
)
def test_section_definitions_errors(
    client: Any, kwargs: dict[str, Any], reason: str, fields: dict[str, str], message: str
) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_registration_section_definitions(**kwargs)
    expect_error(caught, "ValidationException", reason, fields=fields, message=message)


def test_field_definitions_are_shaped_as_the_model(client: Any) -> None:
    fields = client.describe_registration_field_definitions(
        RegistrationType="US_TEN_DLC_BRAND_REGISTRATION", SectionPath="companyInfo"
    )["RegistrationFieldDefinitions"]
    by_path = {f["FieldPath"]: f for f in fields}
    assert all(f["SectionPath"] == "companyInfo" for f in fields)
    assert by_path["companyInfo.companyName"]["FieldType"] == "TEXT"
    assert by_path["companyInfo.companyName"]["FieldRequirement"] == "REQUIRED"
    assert by_path["companyInfo.companyName"]["TextValidation"]["MaxLength"] == 100
    legal = by_path["companyInfo.legalType"]
    assert legal["FieldType"] == "SELECT"
    assert legal["SelectValidation"] == {
        "MinChoices": 1,
        "MaxChoices": 1,
        "Options": ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT"],
    }
    assert by_path["companyInfo.stockSymbol"]["FieldRequirement"] == "CONDITIONAL"
    assert "RequiredWhen" not in by_path["companyInfo.stockSymbol"]  # not a model member
    screenshot = client.describe_registration_field_definitions(
        RegistrationType="US_TEN_DLC_CAMPAIGN_REGISTRATION",
        FieldPaths=["campaignInfo.optInScreenshot"],
    )["RegistrationFieldDefinitions"]
    assert screenshot[0]["FieldType"] == "ATTACHMENT"
    assert "TextValidation" not in screenshot[0]


def test_field_definitions_page_with_next_token(client: Any) -> None:
    paginator = client.get_paginator("describe_registration_field_definitions")
    pages = list(
        paginator.paginate(
            RegistrationType="US_TOLL_FREE_REGISTRATION", PaginationConfig={"PageSize": 5}
        )
    )
    paths = [f["FieldPath"] for p in pages for f in p["RegistrationFieldDefinitions"]]
    assert len(pages) > 2
    assert len(paths) == len(set(paths)) == 25
    assert paths[0] == "companyInfo.companyName"


@pytest.mark.parametrize(
    ("kwargs", "reason", "fields", "message"),
    [
        (
            {"RegistrationType": "XX_NOPE"},
            "UNKNOWN_REGISTRATION_TYPE",
            {"RegistrationType": "Unknown registration type XX_NOPE"},
            "XX_NOPE is not supported",
        ),
        (
            {"RegistrationType": "US_TOLL_FREE_REGISTRATION", "SectionPath": "nope"},
            "UNKNOWN_REGISTRATION_SECTION",
            {"SectionPath": "Unknown registration section nope"},
            "nope is not part of US_TOLL_FREE_REGISTRATION",
        ),
        (
            {
                "RegistrationType": "US_TOLL_FREE_REGISTRATION",
                "FieldPaths": ["companyInfo.companyName", "companyInfo.nope"],
            },
            "UNKNOWN_REGISTRATION_FIELD",
            {"FieldPaths[1]": "Unknown registration field companyInfo.nope"},
            "companyInfo.nope is not part of US_TOLL_FREE_REGISTRATION",
        ),
    ],
)
def test_field_definitions_errors(
    client: Any, kwargs: dict[str, Any], reason: str, fields: dict[str, str], message: str
) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_registration_field_definitions(**kwargs)
    expect_error(caught, "ValidationException", reason, fields=fields, message=message)


def test_vetting_has_no_fields(client: Any) -> None:
    out = client.describe_registration_field_definitions(
        RegistrationType="US_TEN_DLC_BRAND_VETTING"
    )
    assert out["RegistrationFieldDefinitions"] == []


# What public toll-free registration clients write, each checked against the live
# DescribeRegistrationFieldDefinitions: cabalmail/cabal-infra's
# .github/scripts/submit-tfv-registration.py refuses to write a path or a choice the live
# definitions lack, and fails when it leaves out a REQUIRED field (it counts the opt-in image
# among them). The User Guide's *US toll-free number registration form* page names the same fields.
TOLL_FREE_CLIENT_WRITES = {
    "companyInfo.companyName": "TEXT",
    "companyInfo.website": "TEXT",
    "companyInfo.address1": "TEXT",
    "companyInfo.address2": "TEXT",
    "companyInfo.city": "TEXT",
    "companyInfo.state": "TEXT",
    "companyInfo.zipCode": "TEXT",
    "companyInfo.isoCountryCode": "TEXT",
    "companyInfo.businessType": "SELECT",
    "companyInfo.taxId": "TEXT",
    "companyInfo.taxIdAuthority": "SELECT",
    "companyInfo.taxIdCountry": "TEXT",
    "contactInfo.firstName": "TEXT",
    "contactInfo.lastName": "TEXT",
    "contactInfo.supportEmail": "TEXT",
    "contactInfo.supportPhoneNumber": "TEXT",
    "messagingUseCase.monthlyMessageVolume": "SELECT",
    "messagingUseCase.useCaseCategory": "SELECT",
    "messagingUseCase.useCaseDetails": "TEXT",
    "messagingUseCase.optInType": "SELECT",
    "messagingUseCase.optInDescription": "TEXT",
    "messagingUseCase.optInImage": "ATTACHMENT",
    "messageSamples.messageSample1": "TEXT",
}


def test_the_toll_free_form_has_the_paths_public_clients_write(client: Any) -> None:
    pages = client.get_paginator("describe_registration_field_definitions").paginate(
        RegistrationType="US_TOLL_FREE_REGISTRATION"
    )
    fields = {f["FieldPath"]: f for page in pages for f in page["RegistrationFieldDefinitions"]}

    assert {path: fields[path]["FieldType"] for path in TOLL_FREE_CLIENT_WRITES} == (
        TOLL_FREE_CLIENT_WRITES
    )
    # The client's check_required_coverage passes: nothing REQUIRED is left unwritten.
    required = {p for p, f in fields.items() if f["FieldRequirement"] == "REQUIRED"}
    assert required <= set(TOLL_FREE_CLIENT_WRITES)
    assert "messagingUseCase.optInImage" in required
    # Its documented choices are accepted (defaults of the script and the form page's lists).
    options = {p: fields[p].get("SelectValidation", {}).get("Options") for p in fields}
    assert {"PRIVATE_PROFIT", "SOLE_PROPRIETOR"} <= set(options["companyInfo.businessType"])
    assert {"EIN", "CIF", "NIF", "CNPJ", "UID", "NEQ", "OTHER"} <= set(
        options["companyInfo.taxIdAuthority"]
    )
    assert {"ONE_TIME_PASSCODES", "NON_PROFIT"} <= set(options["messagingUseCase.useCaseCategory"])
    assert "10" in options["messagingUseCase.monthlyMessageVolume"]
    assert set(options["messagingUseCase.optInType"]) == {
        "VERBAL",
        "DIGITAL_FORM",
        "PAPER_FORM",
        "TEXT",
        "QR_CODE",
    }
    # The paths smsmock once invented, which no public client writes, are gone.
    invented = {
        "companyInfo.country",
        "companyInfo.companyIdNumber",
        "companyInfo.companyIdType",
        "companyInfo.companyIdCountry",
        "messagingUseCase.optInWorkflow",
    }
    assert invented.isdisjoint(fields)


def test_the_tax_id_fields_are_required_unless_a_sole_proprietor(client: Any) -> None:
    # "Unless you select Sole proprietor, the following three company identification fields are
    # required" (User Guide, US toll-free number registration form).
    tax_id = ["companyInfo.taxId", "companyInfo.taxIdAuthority", "companyInfo.taxIdCountry"]
    found = client.describe_registration_field_definitions(
        RegistrationType="US_TOLL_FREE_REGISTRATION", FieldPaths=tax_id
    )["RegistrationFieldDefinitions"]
    assert [f["FieldRequirement"] for f in found] == ["CONDITIONAL"] * 3
    registration = new_registration(client, "US_TOLL_FREE_REGISTRATION")
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
        RegistrationId=registration,
    )
    assert number["RegistrationId"] == registration
    put_values(client, registration, {**TOLL_FREE, "companyInfo.businessType": ["PRIVATE_PROFIT"]})

    with pytest.raises(ClientError) as caught:
        client.submit_registration_version(RegistrationId=registration)

    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        message=registration,
        fields=dict.fromkeys(tax_id, "This field is required."),
    )
    put_values(
        client,
        registration,
        {
            "companyInfo.taxId": "12-3456789",
            "companyInfo.taxIdAuthority": ["EIN"],
            "companyInfo.taxIdCountry": "US",
        },
    )
    assert client.submit_registration_version(RegistrationId=registration)["VersionNumber"] == 1


def test_the_india_sender_id_form_takes_what_the_aws_blog_writes(client: Any) -> None:
    # The India script of the AWS Messaging blog "Automate sender ID registration in AWS End User
    # Messaging" fills every field this way, then submits; an approved registration provisions
    # its sender ID (ASSOCIATE_ON_APPROVAL).
    registration = new_registration(client, "IN_SENDER_ID_REGISTRATION")
    put_values(client, registration, IN_SENDER_ID)

    client.submit_registration_version(RegistrationId=registration)

    assert registration_status(client, registration) == "COMPLETE"  # the blog's next step
    [sender] = client.describe_sender_ids(Filters=[{"Name": "iso-country-code", "Values": ["IN"]}])[
        "SenderIds"
    ]
    assert (sender["SenderId"], sender["Registered"]) == ("DEMO", True)
    # Its limits: 3 to 6 letters for the sender ID; no "Promotions and marketing" category.
    for path, value, limit in (
        ("senderIdInfo.senderId", {"TextValue": "EXAMPLE1"}, "between 3 and 6 characters"),
        (
            "messagingUseCase.useCaseCategory",
            {"SelectChoices": ["Promotions and marketing"]},
            "Promotions and marketing is not one of the options",
        ),
    ):
        again = new_registration(client, "IN_SENDER_ID_REGISTRATION")
        with pytest.raises(ClientError) as caught:
            client.put_registration_field_value(RegistrationId=again, FieldPath=path, **value)
        expect_error(
            caught,
            "ValidationException",
            "FIELD_VALIDATION_FAILED",
            message=path,
            fields={next(iter(value)): limit},
        )
