"""RCS across families: launching an agent in a country and giving it a testing agent (what
registrations, or a test through the handle, do), and whether a phone takes RCS."""

from __future__ import annotations

from smsmock.records.rcs_agents import (
    CarrierStatus,
    CountryLaunch,
    TestingAgent,
    rcs_agent,
)
from smsmock.rules.countries import e164, major_carriers
from smsmock.state.ids import new_id
from smsmock.state.world import Backend, Setting


def launch_in_country(
    backend: Backend,
    agent_ref: str,
    iso_country_code: str,
    registration_id: str,
    status: str = "PENDING",
    carriers: list[str] | None = None,
) -> CountryLaunch:
    """Launch (or move the launch of) an agent in a country; carriers default to the country's
    :func:`major_carriers`, each taking the launch's status (``PARTIAL`` leaves them pending)."""
    agent = rcs_agent(backend, agent_ref)
    names = carriers if carriers is not None else list(major_carriers(iso_country_code))
    carrier_status = "PENDING" if status in ("CREATED", "PARTIAL") else status
    launch = CountryLaunch(
        iso_country_code=iso_country_code,
        status=status,
        registration_id=registration_id,
        rcs_platform_id=f"{agent.rcs_agent_id}-{iso_country_code.lower()}",
        carrier_status=[CarrierStatus(carrier_name=n, status=carrier_status) for n in names],
    )
    agent.launches[iso_country_code] = launch
    return launch


def set_testing_agent(
    backend: Backend, agent_ref: str, registration_id: str, status: str = "ACTIVE"
) -> TestingAgent:
    """Give an agent its testing agent (from an RCS testing registration)."""
    agent = rcs_agent(backend, agent_ref)
    agent.testing_agent = TestingAgent(
        status=status, registration_id=registration_id, testing_agent_id=new_id("testing-agent")
    )
    return agent.testing_agent


NO_RCS_NUMBERS: Setting[set[str]] = Setting("rcs_incapable_numbers", set)
"""Destination numbers whose phones do not take RCS."""


def set_rcs_capable(backend: Backend, number: str, capable: bool) -> None:
    """Say whether the phone at ``number`` takes RCS (all mobiles do by default); a test's way to
    exercise the SMS fallback: ``set_rcs_capable(sms.backend(), "+12065550100", False)``."""
    numbers = NO_RCS_NUMBERS.of(backend)
    if capable:
        numbers.discard(e164(number))
    else:
        numbers.add(e164(number))
