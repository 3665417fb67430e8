"""The settings an RCS agent shares with its pools: a pool made from an agent takes the agent's
opt-out list, two-way and self-managed opt-outs settings; an agent whose settings differ from a
pool's cannot join it; an opt-out list an agent uses cannot be deleted."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import expect_error, refused
from tests.installed_model import needs_operations

pytestmark = needs_operations("CreateRcsAgent")

CHANNEL = "arn:aws:sns:us-east-1:123456789012:inbound-rcs"
TWO_WAY = {"TwoWayEnabled": True, "TwoWayChannelArn": CHANNEL}


def agent_with(client: Any, **settings: Any) -> str:
    """A new RCS agent, updated with ``settings`` (UpdateRcsAgent's parameters)."""
    agent_id: str = client.create_rcs_agent()["RcsAgentId"]
    if settings:
        client.update_rcs_agent(RcsAgentId=agent_id, **settings)
    return agent_id


def test_a_pool_made_from_an_agent_takes_its_settings(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="vip")
    agent_id = agent_with(client, OptOutListName="vip", SelfManagedOptOutsEnabled=True, **TWO_WAY)
    pool = client.create_pool(OriginationIdentity=agent_id, MessageType="TRANSACTIONAL")
    [described] = client.describe_pools(PoolIds=[pool["PoolId"]])["Pools"]
    for answer in (pool, described):
        assert answer["OptOutListName"] == "vip"
        assert answer["TwoWayEnabled"] is True
        assert answer["TwoWayChannelArn"] == CHANNEL
        assert answer["SelfManagedOptOutsEnabled"] is True


@pytest.mark.parametrize(
    ("settings", "reason", "what"),
    [
        ({"OptOutListName": "vip"}, "OPT_OUT_LIST_MISMATCH", "opt-out list Default"),
        (TWO_WAY, "TWO_WAY_CONFIG_MISMATCH", "two-way configuration"),
        (
            {"SelfManagedOptOutsEnabled": True},
            "SELF_MANAGED_OPT_OUTS_MISMATCH",
            "self-managed opt-outs setting",
        ),
    ],
    ids=["opt-out-list", "two-way", "self-managed-opt-outs"],
)
def test_an_agent_whose_settings_differ_cannot_join_a_pool(
    client: Any, settings: dict[str, Any], reason: str, what: str
) -> None:
    client.create_opt_out_list(OptOutListName="vip")
    pool_id = client.create_pool(OriginationIdentity=agent_with(client), MessageType="PROMOTIONAL")[
        "PoolId"
    ]
    other = agent_with(client, **settings)
    answer = refused(
        client.associate_origination_identity, PoolId=pool_id, OriginationIdentity=other
    )
    expect_error(
        answer,
        "ConflictException",
        reason,
        resource_type="rcs-agent",
        resource_id=other,
        message=what,
    )
    members = client.list_pool_origination_identities(PoolId=pool_id)["OriginationIdentities"]
    assert len(members) == 1
    [described] = client.describe_rcs_agents(RcsAgentIds=[other])["RcsAgents"]
    assert "PoolId" not in described


def test_an_opt_out_list_an_agent_uses_cannot_be_deleted(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="vip")
    agent_id = agent_with(client, OptOutListName="vip")
    answer = refused(client.delete_opt_out_list, OptOutListName="vip")
    expect_error(
        answer,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="opt-out-list",
        resource_id="vip",
        message=agent_id,
    )
    client.update_rcs_agent(RcsAgentId=agent_id, OptOutListName="Default")
    client.delete_opt_out_list(OptOutListName="vip")
    assert client.describe_opt_out_lists()["OptOutLists"][0]["OptOutListName"] == "Default"
