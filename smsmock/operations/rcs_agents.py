"""RCS agents: CreateRcsAgent, UpdateRcsAgent, DeleteRcsAgent, DescribeRcsAgents,
DescribeRcsAgentCountryLaunchStatus.

An RCS agent is an origination identity (CreateRcsAgent: "The RCS agent serves as an
origination identity"), registered with :mod:`smsmock.rules.origination` so that it can be
found by id or ARN and join a pool (one pool at most: ``RcsAgentInformation`` has one
``PoolId``). It is not country-specific.

An agent is launched country by country through registrations.
:func:`~smsmock.rules.rcs.launch_in_country` records a country launch (its registration, status and
carriers) and :func:`~smsmock.rules.rcs.set_testing_agent` the testing agent; the registrations
family, or a test through ``sms.backend()``, calls them. The agent's ``Status`` follows from them:
``CREATED`` with none, ``TESTING`` with only a testing agent, ``PENDING`` while launches are
pending, ``PARTIAL`` when some countries are ``ACTIVE``, ``ACTIVE`` when all are."""

from __future__ import annotations

from typing import Any

from smsmock.records.opt_out_lists import opt_out_list
from smsmock.records.pools import POOLS
from smsmock.records.rcs_agents import (
    RCS_AGENTS,
    RESOURCE_TYPE,
    RcsAgent,
    rcs_agent,
    rcs_agents,
)
from smsmock.rules import origination
from smsmock.rules.countries import is_country
from smsmock.state.conflicts import refuse_if_deletion_protected, refuse_if_in_pool
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.paging import attribute_filters, paginate
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import attribute_name, copy_members

# -- operations ---------------------------------------------------------------------------------


def _two_way_settings(call: Call, agent: RcsAgent, params: Params) -> None:
    copy_members(params, agent, ("TwoWayChannelArn", "TwoWayChannelRole", "TwoWayEnabled"))
    if agent.two_way_enabled and not agent.two_way_channel_arn:
        raise ValidationError(
            "Two-way messaging needs a TwoWayChannelArn.",
            "TWO_WAY_CHANNEL_NOT_PRESENT",
            [("TwoWayChannelArn", "Required when TwoWayEnabled is true.")],
        )
    _two_way_media(agent, params)
    if "TwoWayRcsEventsEnabled" in params:
        events = list(params["TwoWayRcsEventsEnabled"])
        # UpdateRcsAgent: "The special value ALL ... must be the sole element if used."
        if "ALL" in events and len(events) > 1:
            raise ValidationError(
                "ALL must be the only element of TwoWayRcsEventsEnabled.",
                "INVALID_PARAMETER",
                [("TwoWayRcsEventsEnabled", "ALL must be the sole element.")],
            )
        agent.two_way_rcs_events_enabled = events


UNSET_MEDIA = "UNSET_RCS_MEDIA_CONFIGURATION"
"""UpdateRcsAgent: "To remove the media configuration, pass the sentinel value
UNSET_RCS_MEDIA_CONFIGURATION for both this field and TwoWayMediaS3Role"."""

_MEDIA = ("TwoWayMediaS3BucketName", "TwoWayMediaS3Role", "TwoWayMediaS3KeyPrefix")


def _two_way_media(agent: RcsAgent, params: Params) -> None:
    """Set or clear where inbound RCS media is stored: the bucket and the role go together (both
    set, or both ``UNSET_RCS_MEDIA_CONFIGURATION``), and "Two-way messaging must be enabled on
    the agent"."""
    given = [m for m in _MEDIA if m in params]
    if not given:
        return
    bucket, role = params.get("TwoWayMediaS3BucketName"), params.get("TwoWayMediaS3Role")
    if UNSET_MEDIA in (bucket, role):
        if bucket != UNSET_MEDIA or role != UNSET_MEDIA:
            raise ValidationError(
                f"Pass {UNSET_MEDIA} for both TwoWayMediaS3BucketName and TwoWayMediaS3Role to "
                "remove the media configuration.",
                "INVALID_PARAMETER",
                [
                    (m, f"Must be {UNSET_MEDIA} too.")
                    for m in _MEDIA[:2]
                    if params.get(m) != UNSET_MEDIA
                ],
            )
        agent.two_way_media_s3_bucket_name = None
        agent.two_way_media_s3_role = None
        agent.two_way_media_s3_key_prefix = None
        return
    if not agent.two_way_enabled:
        raise ValidationError(
            "Inbound RCS media needs two-way messaging enabled on the agent.",
            "TWO_WAY_NOT_ENABLED",
            [(m, "Two-way messaging must be enabled on the agent.") for m in given],
        )
    copy_members(params, agent, _MEDIA)
    if not (agent.two_way_media_s3_bucket_name and agent.two_way_media_s3_role):
        raise ValidationError(
            "The inbound RCS media configuration needs both TwoWayMediaS3BucketName and "
            "TwoWayMediaS3Role.",
            "MISSING_PARAMETER",
            [
                (m, "Required with the other media settings.")
                for m in _MEDIA[:2]
                if not getattr(agent, attribute_name(m))
            ],
        )


@operation("CreateRcsAgent")
def create_rcs_agent(call: Call, params: Params) -> RcsAgent:
    list_name = opt_out_list(call, params.get("OptOutListName", "Default")).opt_out_list_name
    return create_record(
        call,
        rcs_agents(call.backend),
        params,
        lambda agent_id, arn: RcsAgent(
            rcs_agent_arn=arn,
            rcs_agent_id=agent_id,
            created_timestamp=call.now,
            deletion_protection_enabled=params.get("DeletionProtectionEnabled", False),
            opt_out_list_name=list_name,
        ),
    )


@operation("UpdateRcsAgent")
def update_rcs_agent(call: Call, params: Params) -> RcsAgent:
    agent = rcs_agent(call.backend, params["RcsAgentId"])
    settings: tuple[str, ...] = (
        "opt_out_list_name",
        "self_managed_opt_outs_enabled",
        "deletion_protection_enabled",
    )
    settings += ("two_way_enabled", "two_way_channel_arn", "two_way_channel_role")
    settings += tuple(map(attribute_name, (*_MEDIA, "TwoWayRcsEventsEnabled")))
    before = {name: getattr(agent, name) for name in settings}
    if "OptOutListName" in params:
        agent.opt_out_list_name = opt_out_list(call, params["OptOutListName"]).opt_out_list_name
    copy_members(params, agent, ("SelfManagedOptOutsEnabled", "DeletionProtectionEnabled"))
    try:
        _two_way_settings(call, agent, params)
        _still_matches_pool(call, agent)
    except Exception:
        for name, value in before.items():  # a refused update changes nothing
            setattr(agent, name, value)
        raise
    return agent


def _still_matches_pool(call: Call, agent: RcsAgent) -> None:
    """A pool's members share its opt-out list, two-way and self-managed opt-out settings
    (AssociateOriginationIdentity); an agent in a pool cannot be changed away from them."""
    if agent.pool_id is None:
        return

    pool = call.backend.table(POOLS).find(agent.pool_id)
    if pool is None:
        return
    for mine, theirs, reason in (
        (agent.opt_out_list_name, pool.opt_out_list_name, "OPT_OUT_LIST_MISMATCH"),
        (agent.two_way_enabled, pool.two_way_enabled, "TWO_WAY_CONFIG_MISMATCH"),
        (
            agent.self_managed_opt_outs_enabled,
            pool.self_managed_opt_outs_enabled,
            "SELF_MANAGED_OPT_OUTS_MISMATCH",
        ),
    ):
        if mine != theirs:
            raise ConflictError(
                f"The RCS agent {agent.rcs_agent_id} is in the pool {pool.pool_id}, whose "
                "settings it must keep.",
                reason,
                RESOURCE_TYPE,
                agent.rcs_agent_id,
            )


@operation("DeleteRcsAgent")
def delete_rcs_agent(call: Call, params: Params) -> RcsAgent:
    table = rcs_agents(call.backend)
    agent = rcs_agent(call.backend, params["RcsAgentId"])
    refuse_if_deletion_protected(agent, RESOURCE_TYPE, agent.rcs_agent_id)
    refuse_if_in_pool(agent, RESOURCE_TYPE, agent.rcs_agent_id, "RCS_AGENT_ASSOCIATED_TO_POOL")
    table.remove(agent)
    agent.deleted = True
    return agent


describe_operation(
    "DescribeRcsAgents",
    RCS_AGENTS,
    "RcsAgentIds",
    "RcsAgents",
    filters=origination.IDENTITY_FILTERS,
    owner=True,
)


@operation("DescribeRcsAgentCountryLaunchStatus")
def describe_country_launch_status(call: Call, params: Params) -> dict[str, Any]:
    agent = rcs_agent(call.backend, params["RcsAgentId"])
    countries = params.get("IsoCountryCodes") or []
    unknown = [c for c in countries if not is_country(c)]
    if unknown:
        raise ValidationError(
            f"Unknown ISO country codes: {', '.join(unknown)}.",
            "INVALID_PARAMETER",
            [("IsoCountryCodes", f"{c} is not a country or region.") for c in unknown],
        )
    launches = sorted(agent.launches.values(), key=lambda launch: launch.iso_country_code)
    page, token = paginate(
        call,
        launches,
        params,
        filters=attribute_filters(named={"country-launch-status": "status"}),
        where=lambda launch: not countries or launch.iso_country_code in countries,
    )
    return {
        "RcsAgentId": agent.rcs_agent_id,
        "RcsAgentArn": agent.rcs_agent_arn,
        "CountryLaunchStatus": page,
        "NextToken": token,
    }
