"""RCS agents through boto3: lifecycle, pools, country launch status."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.rules.rcs import launch_in_country, set_testing_agent
from tests.helpers import expect_error
from tests.installed_model import needs_operations

pytestmark = needs_operations("CreateRcsAgent")

CHANNEL = "arn:aws:sns:us-east-1:123456789012:inbound-rcs"


def create(client: Any, **kwargs: Any) -> dict[str, Any]:
    response: dict[str, Any] = client.create_rcs_agent(**kwargs)
    return response


def test_create_and_describe(client: Any) -> None:
    created = create(client, Tags=[{"Key": "brand", "Value": "acme"}])
    agent_id = created["RcsAgentId"]
    assert (
        created["RcsAgentArn"] == f"arn:aws:sms-voice:us-east-1:123456789012:rcs-agent/{agent_id}"
    )
    assert created["Status"] == "CREATED"
    assert created["OptOutListName"] == "Default"
    assert created["TwoWayEnabled"] is False
    assert created["SelfManagedOptOutsEnabled"] is False
    assert created["DeletionProtectionEnabled"] is False
    assert created["Tags"] == [{"Key": "brand", "Value": "acme"}]
    described = client.describe_rcs_agents(RcsAgentIds=[created["RcsAgentArn"]])["RcsAgents"]
    assert [a["RcsAgentId"] for a in described] == [agent_id]
    assert "PoolId" not in described[0]


def test_create_with_opt_out_list(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="rcs-stops")
    assert create(client, OptOutListName="rcs-stops")["OptOutListName"] == "rcs-stops"
    with pytest.raises(ClientError) as exc:
        create(client, OptOutListName="missing")
    expect_error(
        exc, "ResourceNotFoundException", resource_type="opt-out-list", resource_id="missing"
    )


def test_create_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("RCS_AGENTS_PER_ACCOUNT", 1)
    create(client)
    with pytest.raises(ClientError) as exc:
        create(client)
    expect_error(exc, "ServiceQuotaExceededException", "RCS_AGENTS_PER_ACCOUNT")


def test_update(client: Any) -> None:
    agent_id = create(client)["RcsAgentId"]
    client.create_opt_out_list(OptOutListName="other")
    updated = client.update_rcs_agent(
        RcsAgentId=agent_id,
        OptOutListName="other",
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
        SelfManagedOptOutsEnabled=True,
        DeletionProtectionEnabled=True,
    )
    assert updated["OptOutListName"] == "other"
    assert updated["TwoWayEnabled"] is True
    assert updated["TwoWayChannelArn"] == CHANNEL
    assert updated["SelfManagedOptOutsEnabled"] is True
    assert updated["DeletionProtectionEnabled"] is True


def test_two_way_needs_a_channel(client: Any) -> None:
    agent_id = create(client)["RcsAgentId"]
    with pytest.raises(ClientError) as exc:
        client.update_rcs_agent(RcsAgentId=agent_id, TwoWayEnabled=True)
    expect_error(
        exc,
        "ValidationException",
        "TWO_WAY_CHANNEL_NOT_PRESENT",
        fields={"TwoWayChannelArn": "Required when TwoWayEnabled is true"},
    )
    agent = client.describe_rcs_agents(RcsAgentIds=[agent_id])["RcsAgents"][0]
    assert agent["TwoWayEnabled"] is False


@pytest.mark.parametrize(
    ("operation", "extra"),
    [
        ("update_rcs_agent", {}),
        ("delete_rcs_agent", {}),
        ("describe_rcs_agent_country_launch_status", {}),
    ],
)
def test_unknown_agent_is_not_found(client: Any, operation: str, extra: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(RcsAgentId="rcs-nope", **extra)
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="rcs-agent",
        resource_id="rcs-nope",
    )
    with pytest.raises(ClientError) as exc:
        client.describe_rcs_agents(RcsAgentIds=["rcs-nope"])
    expect_error(
        exc, "ResourceNotFoundException", resource_type="rcs-agent", resource_id="rcs-nope"
    )


def test_delete(client: Any) -> None:
    agent_id = create(client)["RcsAgentId"]
    deleted = client.delete_rcs_agent(RcsAgentId=agent_id)
    assert deleted["Status"] == "DELETED"
    assert client.describe_rcs_agents()["RcsAgents"] == []


def test_delete_refuses_protected_agent(client: Any) -> None:
    agent_id = create(client, DeletionProtectionEnabled=True)["RcsAgentId"]
    with pytest.raises(ClientError) as exc:
        client.delete_rcs_agent(RcsAgentId=agent_id)
    expect_error(
        exc,
        "ConflictException",
        "DELETION_PROTECTION_ENABLED",
        resource_type="rcs-agent",
        resource_id=agent_id,
    )


def test_agent_in_a_pool(client: Any) -> None:
    agent = create(client)
    pool = client.create_pool(OriginationIdentity=agent["RcsAgentId"], MessageType="TRANSACTIONAL")
    described = client.describe_rcs_agents(RcsAgentIds=[agent["RcsAgentId"]])["RcsAgents"][0]
    assert described["PoolId"] == pool["PoolId"]
    members = client.list_pool_origination_identities(PoolId=pool["PoolId"])
    assert [m["OriginationIdentityArn"] for m in members["OriginationIdentities"]] == [
        agent["RcsAgentArn"]
    ]
    assert members["OriginationIdentities"][0]["NumberCapabilities"] == ["RCS"]

    with pytest.raises(ClientError) as exc:
        client.delete_rcs_agent(RcsAgentId=agent["RcsAgentId"])
    expect_error(
        exc,
        "ConflictException",
        "RCS_AGENT_ASSOCIATED_TO_POOL",
        resource_type="rcs-agent",
        resource_id=agent["RcsAgentId"],
        message=pool["PoolId"],
    )

    client.create_opt_out_list(OptOutListName="other")
    with pytest.raises(ClientError) as exc:
        client.update_rcs_agent(RcsAgentId=agent["RcsAgentId"], OptOutListName="other")
    expect_error(
        exc,
        "ConflictException",
        "OPT_OUT_LIST_MISMATCH",
        resource_type="rcs-agent",
        resource_id=agent["RcsAgentId"],
        message=pool["PoolId"],
    )

    client.delete_pool(PoolId=pool["PoolId"])
    client.delete_rcs_agent(RcsAgentId=agent["RcsAgentId"])


def test_describe_filters_owner_and_paging(client: Any) -> None:
    plain = create(client)["RcsAgentId"]
    protected = create(client, DeletionProtectionEnabled=True)["RcsAgentId"]
    found = client.describe_rcs_agents(
        Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]}]
    )["RcsAgents"]
    assert [a["RcsAgentId"] for a in found] == [protected]
    found = client.describe_rcs_agents(Filters=[{"Name": "status", "Values": ["CREATED"]}])
    assert [a["RcsAgentId"] for a in found["RcsAgents"]] == [plain, protected]
    assert client.describe_rcs_agents(Owner="SHARED")["RcsAgents"] == []
    assert len(client.describe_rcs_agents(Owner="SELF")["RcsAgents"]) == 2
    page = client.describe_rcs_agents(MaxResults=1)
    rest = client.describe_rcs_agents(MaxResults=1, NextToken=page["NextToken"])
    assert [page["RcsAgents"][0]["RcsAgentId"], rest["RcsAgents"][0]["RcsAgentId"]] == [
        plain,
        protected,
    ]
    with pytest.raises(ClientError) as exc:
        client.describe_rcs_agents(RcsAgentIds=[plain], Owner="SELF")
    expect_error(
        exc,
        "ValidationException",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        fields={
            "Owner": "Cannot be used with RcsAgentIds",
            "RcsAgentIds": "Cannot be used with Owner",
        },
    )
    with pytest.raises(ClientError) as exc:
        client.describe_rcs_agents(Filters=[{"Name": "two-way-enabled", "Values": ["yes"]}])
    expect_error(
        exc,
        "ValidationException",
        "INVALID_FILTER_VALUES",
        fields={"Filters[0].Values": "Values must be true or false"},
    )


def test_country_launch_status(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = create(client)["RcsAgentId"]
    empty = client.describe_rcs_agent_country_launch_status(RcsAgentId=agent_id)
    assert empty["RcsAgentId"] == agent_id
    assert empty.get("CountryLaunchStatus", []) == []

    backend = sms_voice.backend()
    set_testing_agent(backend, agent_id, "registration-test")
    assert client.describe_rcs_agents()["RcsAgents"][0]["Status"] == "TESTING"
    assert client.describe_rcs_agents()["RcsAgents"][0]["TestingAgent"]["Status"] == "ACTIVE"

    launch_in_country(backend, agent_id, "FR", "registration-fr")
    launch_in_country(backend, agent_id, "DE", "registration-de", status="ACTIVE")
    assert client.describe_rcs_agents()["RcsAgents"][0]["Status"] == "PARTIAL"

    launches = client.describe_rcs_agent_country_launch_status(RcsAgentId=agent_id)
    by_country = {c["IsoCountryCode"]: c for c in launches["CountryLaunchStatus"]}
    assert list(by_country) == ["DE", "FR"]
    assert by_country["FR"]["Status"] == "PENDING"
    assert by_country["FR"]["RegistrationId"] == "registration-fr"
    assert [c["CarrierName"] for c in by_country["FR"]["CarrierStatus"]] == [
        "SFR",
        "Euroinformation Telecom",
        "Free Mobile",
    ]
    assert {c["Status"] for c in by_country["DE"]["CarrierStatus"]} == {"ACTIVE"}

    only_fr = client.describe_rcs_agent_country_launch_status(
        RcsAgentId=agent_id, IsoCountryCodes=["FR"]
    )["CountryLaunchStatus"]
    assert [c["IsoCountryCode"] for c in only_fr] == ["FR"]
    active = client.describe_rcs_agent_country_launch_status(
        RcsAgentId=agent_id, Filters=[{"Name": "country-launch-status", "Values": ["ACTIVE"]}]
    )["CountryLaunchStatus"]
    assert [c["IsoCountryCode"] for c in active] == ["DE"]

    launch_in_country(backend, agent_id, "FR", "registration-fr", status="ACTIVE")
    assert client.describe_rcs_agents()["RcsAgents"][0]["Status"] == "ACTIVE"


def test_country_launch_status_rejects_unknown_countries(client: Any) -> None:
    agent_id = create(client)["RcsAgentId"]
    with pytest.raises(ClientError) as exc:
        client.describe_rcs_agent_country_launch_status(RcsAgentId=agent_id, IsoCountryCodes=["ZZ"])
    expect_error(
        exc,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"IsoCountryCodes": "ZZ is not a country or region"},
    )
