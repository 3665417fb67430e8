"""DescribeRegistrationTypeDefinitions, DescribeRegistrationSectionDefinitions and
DescribeRegistrationFieldDefinitions: the registration forms as data."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError
from helpers import expect_error

TYPES = [
    "US_TEN_DLC_BRAND_REGISTRATION",
    "US_TEN_DLC_BRAND_VETTING",
    "US_TEN_DLC_CAMPAIGN_REGISTRATION",
    "US_TOLL_FREE_REGISTRATION",
    "SG_SENDER_ID_REGISTRATION",
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
    ("kwargs", "reason", "fields"),
    [
        (
            {"RegistrationType": "XX_NOPE"},
            "UNKNOWN_REGISTRATION_TYPE",
            {"RegistrationType": "Unknown registration type XX_NOPE"},
        ),
        (
            {"RegistrationType": "US_TEN_DLC_BRAND_REGISTRATION", "SectionPaths": ["nope"]},
            "UNKNOWN_REGISTRATION_SECTION",
            {"SectionPaths[0]": "Unknown registration section nope"},
        ),
    ],
)
def test_section_definitions_errors(
    client: Any, kwargs: dict[str, Any], reason: str, fields: dict[str, str]
) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_registration_section_definitions(**kwargs)
    expect_error(caught, "ValidationException", reason, fields=fields)


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
    ("kwargs", "reason", "fields"),
    [
        (
            {"RegistrationType": "XX_NOPE"},
            "UNKNOWN_REGISTRATION_TYPE",
            {"RegistrationType": "Unknown registration type XX_NOPE"},
        ),
        (
            {"RegistrationType": "US_TOLL_FREE_REGISTRATION", "SectionPath": "nope"},
            "UNKNOWN_REGISTRATION_SECTION",
            {"SectionPath": "Unknown registration section nope"},
        ),
        (
            {"RegistrationType": "US_TOLL_FREE_REGISTRATION", "FieldPaths": ["companyInfo.nope"]},
            "UNKNOWN_REGISTRATION_FIELD",
            {"FieldPaths[0]": "Unknown registration field companyInfo.nope"},
        ),
    ],
)
def test_field_definitions_errors(
    client: Any, kwargs: dict[str, Any], reason: str, fields: dict[str, str]
) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_registration_field_definitions(**kwargs)
    expect_error(caught, "ValidationException", reason, fields=fields)


def test_vetting_has_no_fields(client: Any) -> None:
    out = client.describe_registration_field_definitions(
        RegistrationType="US_TEN_DLC_BRAND_VETTING"
    )
    assert out["RegistrationFieldDefinitions"] == []
