"""RCS agent records: :class:`RcsAgent` with its country launches and testing agent, and its
table."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from smsmock.records import messaging_limits
from smsmock.state.service_model import Written
from smsmock.state.tables import Record, Table, TableKey
from smsmock.state.world import Backend

RESOURCE_TYPE = "rcs-agent"


@dataclass(kw_only=True)
class CarrierStatus:
    carrier_name: str
    status: str = "PENDING"


@dataclass(kw_only=True)
class CountryLaunch:
    """One country an agent is launched in; attributes are the model's
    ``CountryLaunchStatusInformation``."""

    iso_country_code: str
    status: str
    registration_id: str
    rcs_platform_id: str | None = None
    carrier_status: list[CarrierStatus] = field(default_factory=list)


@dataclass(kw_only=True)
class TestingAgent:
    status: str
    registration_id: str
    testing_agent_id: str | None = None


@dataclass(kw_only=True)
class RcsAgent(Record):
    """An RCS agent; attributes are the model's ``RcsAgentInformation``."""

    rcs_agent_arn: str
    rcs_agent_id: str
    created_timestamp: datetime
    deletion_protection_enabled: bool = False
    opt_out_list_name: str = "Default"
    self_managed_opt_outs_enabled: bool = False
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    two_way_media_s3_bucket_name: str | None = None
    two_way_media_s3_key_prefix: str | None = None
    two_way_media_s3_role: str | None = None
    two_way_rcs_events_enabled: list[str] | None = None
    pool_id: str | None = None
    testing_agent: TestingAgent | None = None
    launches: dict[str, CountryLaunch] = field(default_factory=dict)
    deleted: bool = False

    @property
    def messaging_limits(self) -> Written:
        """``MessagingLimits`` (see :mod:`smsmock.records.messaging_limits`)."""
        return messaging_limits.rcs_agent_limits()

    @property
    def status(self) -> str:
        if self.deleted:
            return "DELETED"
        statuses = {launch.status for launch in self.launches.values()} - {"REJECTED"}
        if not statuses:
            return "TESTING" if self.testing_agent is not None else "CREATED"
        if statuses == {"ACTIVE"}:
            return "ACTIVE"
        if "ACTIVE" in statuses or "PARTIAL" in statuses:
            return "PARTIAL"
        return "PENDING"


RCS_AGENTS: TableKey[RcsAgent] = TableKey(
    RESOURCE_TYPE,
    key=lambda r: r.rcs_agent_id,
    id_prefix="rcs",
    quota="RCS_AGENTS_PER_ACCOUNT",
    arn=lambda r: r.rcs_agent_arn,
)


def rcs_agents(backend: Backend) -> Table[RcsAgent]:
    return backend.table(RCS_AGENTS)


def rcs_agent(backend: Backend, ref: str) -> RcsAgent:
    """The RCS agent ``ref`` (its id or ARN) names, or ``ResourceNotFoundException``. It takes
    the backend, not a request: the handle finds agents too (launching one in a country)."""
    return rcs_agents(backend).get(ref)
