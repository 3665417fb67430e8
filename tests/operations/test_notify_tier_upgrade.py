"""A notify configuration's tier upgrade decided through the handle: approved, it moves to the
Advanced tier; rejected, it stays on the Basic tier with ``TierUpgradeStatus`` ``REJECTED``."""

from __future__ import annotations

from typing import Any

from smsmock import SmsVoiceMock
from tests.installed_model import needs_operations

pytestmark = needs_operations("CreateNotifyConfiguration")


def new_configuration(client: Any) -> str:
    created = client.create_notify_configuration(
        DisplayName="Acme", UseCase="CODE_VERIFICATION", EnabledChannels=["SMS"]
    )
    identifier: str = created["NotifyConfigurationId"]
    return identifier


def tiers(client: Any, config_id: str) -> tuple[str, str]:
    """The configuration's (Tier, TierUpgradeStatus) as DescribeNotifyConfigurations says."""
    [described] = client.describe_notify_configurations(NotifyConfigurationIds=[config_id])[
        "NotifyConfigurations"
    ]
    return described["Tier"], described["TierUpgradeStatus"]


def test_an_approved_upgrade_moves_to_the_advanced_tier(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    config_id = new_configuration(client)
    record = sms_voice.decide_notify_tier_upgrade(config_id)
    assert (record.tier, record.tier_upgrade_status) == ("ADVANCED", "ADVANCED")
    assert tiers(client, config_id) == ("ADVANCED", "ADVANCED")


def test_a_rejected_upgrade_keeps_the_basic_tier(client: Any, sms_voice: SmsVoiceMock) -> None:
    config_id = new_configuration(client)
    record = sms_voice.decide_notify_tier_upgrade(config_id, approved=False)
    assert (record.tier, record.tier_upgrade_status) == ("BASIC", "REJECTED")
    assert tiers(client, config_id) == ("BASIC", "REJECTED")
