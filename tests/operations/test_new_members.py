"""Members newer botocore models added to existing operations, through boto3: CarrierLookup's
``EnableCleansing``/``OriginalPhoneNumber``, the RCS agent's inbound media and event settings,
and registration fields' ``ConditionalBehavior``."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock.rules.registration_forms import field_behavior
from tests.installed_model import needs_members

CLEANSING = needs_members("CarrierLookupRequest", "EnableCleansing")
MEDIA = needs_members("UpdateRcsAgentRequest", "TwoWayMediaS3BucketName", "TwoWayRcsEventsEnabled")
CONDITIONAL = needs_members("RegistrationFieldDefinition", "ConditionalBehavior")

SNS = "arn:aws:sns:us-east-1:123456789012:inbound-rcs"
ROLE = "arn:aws:iam::123456789012:role/rcs-media"
UNSET = "UNSET_RCS_MEDIA_CONFIGURATION"


# -- CarrierLookup ------------------------------------------------------------------------------


@CLEANSING
@pytest.mark.parametrize(
    ("given", "original"),
    [
        ("+44 (0) 7400 123456", "+44 (0) 7400 123456"),  # formatting and a trunk prefix
        ("+4407400123456", "+4407400123456"),  # a trunk prefix
        ("+447400123456", None),  # nothing to cleanse
    ],
)
def test_cleansing(client: Any, given: str, original: str | None) -> None:
    found = client.carrier_lookup(PhoneNumber=given, EnableCleansing=True)
    assert found["E164PhoneNumber"] == "+447400123456"
    assert found.get("OriginalPhoneNumber") == original
    assert found["IsoCountryCode"] == "GB"


@CLEANSING
def test_without_cleansing_there_is_no_original_number(client: Any) -> None:
    found = client.carrier_lookup(PhoneNumber="+44 (0) 7400 123456")
    assert found["E164PhoneNumber"] == "+447400123456"
    assert "OriginalPhoneNumber" not in found


# -- RCS agents: inbound media and events -------------------------------------------------------


def two_way_agent(client: Any) -> str:
    agent_id: str = client.create_rcs_agent()["RcsAgentId"]
    client.update_rcs_agent(RcsAgentId=agent_id, TwoWayEnabled=True, TwoWayChannelArn=SNS)
    return agent_id


@MEDIA
def test_media_configuration_set_described_and_unset(client: Any) -> None:
    agent_id = two_way_agent(client)
    updated = client.update_rcs_agent(
        RcsAgentId=agent_id,
        TwoWayMediaS3BucketName="inbound-media",
        TwoWayMediaS3Role=ROLE,
        TwoWayMediaS3KeyPrefix="rcs/",
        TwoWayRcsEventsEnabled=["ALL"],
    )
    expected = {
        "TwoWayMediaS3BucketName": "inbound-media",
        "TwoWayMediaS3Role": ROLE,
        "TwoWayMediaS3KeyPrefix": "rcs/",
        "TwoWayRcsEventsEnabled": ["ALL"],
    }
    assert {k: updated[k] for k in expected} == expected
    [described] = client.describe_rcs_agents(RcsAgentIds=[agent_id])["RcsAgents"]
    assert {k: described[k] for k in expected} == expected

    cleared = client.update_rcs_agent(
        RcsAgentId=agent_id,
        TwoWayMediaS3BucketName=UNSET,
        TwoWayMediaS3Role=UNSET,
        TwoWayRcsEventsEnabled=[],
    )
    assert not {"TwoWayMediaS3BucketName", "TwoWayMediaS3Role", "TwoWayMediaS3KeyPrefix"} & set(
        cleared
    )
    assert cleared["TwoWayRcsEventsEnabled"] == []
    client.update_rcs_agent(RcsAgentId=agent_id, DeletionProtectionEnabled=False)
    deleted = client.delete_rcs_agent(RcsAgentId=agent_id)
    assert deleted["TwoWayRcsEventsEnabled"] == []


@MEDIA
def test_a_new_agent_has_no_media_configuration(client: Any) -> None:
    created = client.create_rcs_agent()
    assert "TwoWayMediaS3BucketName" not in created
    assert "TwoWayRcsEventsEnabled" not in created


@MEDIA
@pytest.mark.parametrize(
    ("two_way", "update", "reason", "fields"),
    [
        (
            False,
            {"TwoWayMediaS3BucketName": "inbound-media", "TwoWayMediaS3Role": ROLE},
            "TWO_WAY_NOT_ENABLED",
            ["TwoWayMediaS3BucketName", "TwoWayMediaS3Role"],
        ),
        (
            True,
            {"TwoWayMediaS3BucketName": "inbound-media"},
            "MISSING_PARAMETER",
            ["TwoWayMediaS3Role"],
        ),
        (
            True,
            {"TwoWayMediaS3BucketName": UNSET, "TwoWayMediaS3Role": ROLE},
            "INVALID_PARAMETER",
            ["TwoWayMediaS3Role"],
        ),
        (
            True,
            {"TwoWayRcsEventsEnabled": ["ALL", "MESSAGE_READ"]},
            "INVALID_PARAMETER",
            ["TwoWayRcsEventsEnabled"],
        ),
    ],
)
def test_media_and_event_settings_refused(
    client: Any, two_way: bool, update: dict[str, Any], reason: str, fields: list[str]
) -> None:
    agent_id = two_way_agent(client) if two_way else client.create_rcs_agent()["RcsAgentId"]
    with pytest.raises(ClientError) as caught:
        client.update_rcs_agent(RcsAgentId=agent_id, **update)
    error = caught.value.response
    assert (error["Error"]["Code"], error["Reason"]) == ("ValidationException", reason)
    assert [f["Name"] for f in error["Fields"]] == fields
    [described] = client.describe_rcs_agents(RcsAgentIds=[agent_id])["RcsAgents"]
    assert "TwoWayMediaS3BucketName" not in described  # a refused update changes nothing


# -- registration fields' ConditionalBehavior ---------------------------------------------------


@CONDITIONAL
def test_conditional_fields_describe_their_behavior(client: Any) -> None:
    [stock] = client.describe_registration_field_definitions(
        RegistrationType="US_TEN_DLC_BRAND_REGISTRATION",
        FieldPaths=["companyInfo.stockSymbol"],
    )["RegistrationFieldDefinitions"]
    assert stock["FieldRequirement"] == "CONDITIONAL"
    assert stock["ConditionalBehavior"] == {
        "Rules": [
            {
                "Conditions": [
                    {
                        "DependsOnFieldPath": "companyInfo.legalType",
                        "Operator": "IN",
                        "Values": ["PUBLIC_PROFIT"],
                    }
                ],
                "RuleBehavior": "REQUIRED",
            }
        ],
        "DefaultBehavior": "OPTIONAL",
    }
    [name] = client.describe_registration_field_definitions(
        RegistrationType="US_TEN_DLC_BRAND_REGISTRATION",
        FieldPaths=["companyInfo.companyName"],
    )["RegistrationFieldDefinitions"]
    assert "ConditionalBehavior" not in name


class _Value:
    def __init__(self, *choices: str) -> None:
        self.select_choices = list(choices)
        self.text_value = None


def _rule(operator: str, *values: str, behavior: str = "DISALLOWED") -> dict[str, Any]:
    condition = {"DependsOnFieldPath": "a.b", "Operator": operator, "Values": list(values)}
    return {"Conditions": [condition], "RuleBehavior": behavior}


@pytest.mark.parametrize(
    ("rule", "value", "behavior"),
    [
        (_rule("EQUALS", "X"), _Value("X"), "DISALLOWED"),
        (_rule("EQUALS", "X"), _Value("Y"), "OPTIONAL"),
        (_rule("NOT_EQUALS", "X"), _Value("Y"), "DISALLOWED"),
        (_rule("IN", "X", "Y"), _Value("Y"), "DISALLOWED"),
        (_rule("NOT_IN", "X", "Y"), None, "DISALLOWED"),
        (_rule("HAS_VALUE"), _Value("Z"), "DISALLOWED"),
        (_rule("HAS_VALUE"), None, "OPTIONAL"),
        (_rule("NO_VALUE"), None, "DISALLOWED"),
        (_rule("SOUNDS_LIKE", "X"), _Value("X"), "OPTIONAL"),  # unknown: false
    ],
)
def test_conditional_behavior_evaluation(rule: Any, value: Any, behavior: str) -> None:
    definition = {"ConditionalBehavior": {"Rules": [rule], "DefaultBehavior": "OPTIONAL"}}
    values = {} if value is None else {"a.b": value}
    assert field_behavior(definition, values) == behavior
