"""RCS across families: launching an agent in a country and giving it a testing agent (what
registrations, or a test through the handle, do), and whether a phone takes RCS."""

from __future__ import annotations

from smsmock.records.rcs_agents import (
    CarrierStatus,
    CountryLaunch,
    RcsAgent,
    TestingAgent,
    rcs_agent,
)
from smsmock.records.verified_destinations import VERIFIED_DESTINATION_NUMBERS
from smsmock.rules.countries import e164, major_carriers, parse_number
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.ids import new_id
from smsmock.state.registry import Call
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


LAUNCHED = ("ACTIVE", "PARTIAL")
"""Country launch statuses in which the agent's messages reach that country's carriers."""


def rcs_unreachable(call: Call, agent: RcsAgent, destination: str, country: str) -> str | None:
    """``None`` when the agent's RCS reaches ``destination``; else ``COUNTRY`` (the agent is not
    launched there, nor is the number a verified test device of its testing agent) or ``DEVICE``
    (the phone takes no RCS: not a mobile, or marked with :func:`set_rcs_capable`)."""
    import phonenumbers  # on first use: it costs tens of milliseconds (smsmock.rules.countries)

    launch = agent.launches.get(country)
    testing = agent.testing_agent is not None and agent.testing_agent.status == "ACTIVE"
    verified = call.backend.table(VERIFIED_DESTINATION_NUMBERS).find(
        f"{destination}/{agent.rcs_agent_id}"
    )
    test_device = testing and verified is not None and verified.status == "VERIFIED"
    if not (launch is not None and launch.status in LAUNCHED) and not test_device:
        return "COUNTRY"
    parsed = parse_number(destination)
    mobile = parsed is not None and phonenumbers.number_type(parsed) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    if not mobile or destination in NO_RCS_NUMBERS.of(call.backend):
        return "DEVICE"
    return None


def refuse_unreachable_country(agent: RcsAgent, country: str) -> None:
    """An agent that does not reach ``country``: ``ConflictException`` ``RESOURCE_NOT_ACTIVE``
    when it is launched nowhere and has no testing agent, else ``ValidationException``
    ``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY``."""
    if not agent.launches and agent.testing_agent is None:
        raise ConflictError(
            f"The RCS agent {agent.rcs_agent_id} is {agent.status}: it is launched in no country "
            "and has no testing agent.",
            "RESOURCE_NOT_ACTIVE",
            "rcs-agent",
            agent.rcs_agent_id,
        )
    raise ValidationError(
        f"The RCS agent {agent.rcs_agent_id} is not launched in {country}.",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        [("DestinationPhoneNumber", "The RCS agent does not reach this country.")],
    )
