"""Where an RCS agent reaches: a country launch as DescribeRcsAgentCountryLaunchStatus shows it
(platform id, registration, carriers and their status), the testing agent DescribeRcsAgents
shows, a landline that takes no RCS, and the whole answers of an agent that reaches nowhere."""

from __future__ import annotations

import re
from typing import Any

import pytest

from smsmock import SmsVoiceMock
from smsmock.rules.rcs import launch_in_country, set_testing_agent
from tests.helpers import expect_error, refused
from tests.installed_model import needs_operations

pytestmark = needs_operations("SendRcsMessage")

TEXT = {"Content": {"TextMessage": {"Body": "Your table is ready."}}}
LONDON_LANDLINE = "+442079460000"
UK_MOBILE = "+447400123456"
FR_CARRIERS = ["SFR", "Euroinformation Telecom", "Free Mobile"]


def launches(client: Any, agent_id: str) -> dict[str, dict[str, Any]]:
    """The agent's country launches by country code."""
    answer = client.describe_rcs_agent_country_launch_status(RcsAgentId=agent_id)
    return {launch["IsoCountryCode"]: launch for launch in answer["CountryLaunchStatus"]}


@pytest.mark.parametrize("status", ["CREATED", "PARTIAL"])
def test_a_launch_under_way_leaves_its_carriers_pending(
    client: Any, sms_voice: SmsVoiceMock, status: str
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "FR", status, registration_id="registration-fr")
    assert launches(client, agent_id)["FR"] == {
        "IsoCountryCode": "FR",
        "Status": status,
        "RcsPlatformId": f"{agent_id}-fr",
        "RegistrationId": "registration-fr",
        "CarrierStatus": [{"CarrierName": name, "Status": "PENDING"} for name in FR_CARRIERS],
    }


@pytest.mark.parametrize("status", ["ACTIVE", "REJECTED"])
def test_a_decided_launch_gives_its_carriers_its_status(
    client: Any, sms_voice: SmsVoiceMock, status: str
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "FR", status)
    carriers = launches(client, agent_id)["FR"]["CarrierStatus"]
    assert carriers == [{"CarrierName": name, "Status": status} for name in FR_CARRIERS]


def test_a_launch_with_its_own_carriers(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    launch_in_country(sms_voice.backend(), agent_id, "DE", "registration-de", "ACTIVE", ["Telekom"])
    launch = launches(client, agent_id)["DE"]
    assert launch["RcsPlatformId"] == f"{agent_id}-de"
    assert launch["CarrierStatus"] == [{"CarrierName": "Telekom", "Status": "ACTIVE"}]


def test_the_testing_agent_is_described(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    set_testing_agent(sms_voice.backend(), agent_id, "registration-test")
    testing = client.describe_rcs_agents(RcsAgentIds=[agent_id])["RcsAgents"][0]["TestingAgent"]
    assert testing.keys() == {"Status", "RegistrationId", "TestingAgentId"}
    assert (testing["Status"], testing["RegistrationId"]) == ("ACTIVE", "registration-test")
    assert re.fullmatch(r"testing-agent-[0-9a-f]{32}", testing["TestingAgentId"])


def test_a_landline_takes_no_rcs(client: Any, sms_voice: SmsVoiceMock) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "GB", "ACTIVE")
    client.send_rcs_message(
        OriginationIdentity=agent_id, DestinationPhoneNumber=UK_MOBILE, RcsMessageContent=TEXT
    )
    client.send_rcs_message(
        OriginationIdentity=agent_id, DestinationPhoneNumber=LONDON_LANDLINE, RcsMessageContent=TEXT
    )
    mobile, landline = sms_voice.sent_messages
    assert (mobile.channel, mobile.delivered) == ("RCS", True)
    assert (landline.channel, landline.delivered, landline.price) == ("RCS", False, 0.0)


def test_an_agent_launched_nowhere_is_not_active(client: Any) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    answer = refused(
        client.send_rcs_message,
        OriginationIdentity=agent_id,
        DestinationPhoneNumber=UK_MOBILE,
        RcsMessageContent=TEXT,
    )
    expect_error(
        answer,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        message="it is launched in no country and has no testing agent.",
        resource_type="rcs-agent",
        resource_id=agent_id,
    )


def test_an_agent_launched_elsewhere_does_not_reach_the_country(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    sms_voice.launch_rcs_agent(agent_id, "FR", "ACTIVE")
    answer = refused(
        client.send_rcs_message,
        OriginationIdentity=agent_id,
        DestinationPhoneNumber=UK_MOBILE,
        RcsMessageContent=TEXT,
    )
    expect_error(
        answer,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message=f"The RCS agent {agent_id} is not launched in GB",
        fields={"DestinationPhoneNumber": "The RCS agent does not reach this country"},
    )
