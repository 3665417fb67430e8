"""ConflictException and ServiceQuotaExceededException of operations that had no test of them.

Each scenario arranges what the documentation describes (a duplicate name, deletion protection,
a resource not active yet, an opted-out destination, a quota or spend limit reached) through the
API and the handle, and returns the call that must be refused with the id it should name. The
row's id is the operation refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import country_if_required, needs_operations
from tests.registration_data import (
    CAMPAIGN,
    add_phone_number,
    completed_brand,
    put_values,
)

US_DEST = "+12065550100"
FR_MOBILE = "+33612345678"
SNS = "arn:aws:sns:us-east-1:123456789012:events"


class Refusal(NamedTuple):
    """The call to refuse, and the ``ResourceId`` the error names (``None``: it names none); the
    message names it too."""

    call: Callable[[], Any]
    resource_id: str | None = None


Scenario = Callable[[Any, SmsVoiceMock], Refusal]


def us_number(client: Any) -> str:
    phone_id: str = toll_free_number(client)["PhoneNumberId"]
    return phone_id


def notify_configuration(client: Any, **settings: Any) -> str:
    created = client.create_notify_configuration(
        DisplayName="Acme",
        UseCase="CODE_VERIFICATION",
        EnabledChannels=["SMS", "VOICE"],
        **settings,
    )
    config_id: str = created["NotifyConfigurationId"]
    return config_id


def notify_voice(client: Any, config_id: str) -> Callable[[], Any]:
    return lambda: client.send_notify_voice_message(
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=FR_MOBILE,
        TemplateId="otp-voice-fr",
        TemplateVariables={"code": "1234"},
    )


# -- ConflictException -----------------------------------------------------------------------


def protect_configuration_associated_twice(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    client.create_configuration_set(ConfigurationSetName="alerts")
    config_id = client.create_protect_configuration()["ProtectConfigurationId"]
    association = {"ConfigurationSetName": "alerts", "ProtectConfigurationId": config_id}
    client.associate_protect_configuration(**association)
    return Refusal(lambda: client.associate_protect_configuration(**association), config_id)


def event_destination_name_taken(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    client.create_configuration_set(ConfigurationSetName="alerts")
    destination = {
        "ConfigurationSetName": "alerts",
        "EventDestinationName": "to-sns",
        "MatchingEventTypes": ["ALL"],
        "SnsDestination": {"TopicArn": SNS},
    }
    client.create_event_destination(**destination)
    return Refusal(lambda: client.create_event_destination(**destination), "to-sns")


def protected_notify_configuration(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    config_id = notify_configuration(client, DeletionProtectionEnabled=True)
    return Refusal(
        lambda: client.delete_notify_configuration(NotifyConfigurationId=config_id), config_id
    )


def field_value_of_a_submitted_registration(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    brand = completed_brand(client)
    return Refusal(
        lambda: client.delete_registration_field_value(
            RegistrationId=brand, FieldPath="contactInfo.dbaName"
        ),
        brand,
    )


def pool_still_creating(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    sms_voice.set_lifecycle("pool", "manual")
    pool_id = client.create_pool(
        OriginationIdentity=us_number(client),
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )["PoolId"]
    return Refusal(lambda: client.update_pool(PoolId=pool_id, TwoWayEnabled=False), pool_id)


def rcs_agent_leaving_its_pools_opt_out_list(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    agent_id = client.create_rcs_agent()["RcsAgentId"]
    client.create_pool(OriginationIdentity=agent_id, MessageType="TRANSACTIONAL")
    client.create_opt_out_list(OptOutListName="other")
    return Refusal(
        lambda: client.update_rcs_agent(RcsAgentId=agent_id, OptOutListName="other"), agent_id
    )


def voice_to_an_opted_out_number(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    phone_id = us_number(client)
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=US_DEST)
    return Refusal(
        lambda: client.send_voice_message(
            DestinationPhoneNumber=US_DEST, OriginationIdentity=phone_id, MessageBody="hi"
        ),
        US_DEST,
    )


def notify_voice_while_pending(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    sms_voice.set_lifecycle("notify-configuration", "manual")
    config_id = notify_configuration(client)
    return Refusal(notify_voice(client, config_id), config_id)


CONFLICTS = [
    pytest.param(
        protect_configuration_associated_twice,
        "RESOURCE_ALREADY_ASSOCIATED",
        "protect-configuration",
        id="AssociateProtectConfiguration",
    ),
    pytest.param(
        event_destination_name_taken,
        "RESOURCE_ALREADY_EXISTS",
        "event-destination",
        id="CreateEventDestination",
    ),
    pytest.param(
        protected_notify_configuration,
        "DELETION_PROTECTION_ENABLED",
        "notify-configuration",
        id="DeleteNotifyConfiguration",
        marks=needs_operations("CreateNotifyConfiguration"),
    ),
    pytest.param(
        field_value_of_a_submitted_registration,
        "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
        "registration",
        id="DeleteRegistrationFieldValue",
    ),
    pytest.param(pool_still_creating, "RESOURCE_NOT_ACTIVE", "pool", id="UpdatePool"),
    pytest.param(
        rcs_agent_leaving_its_pools_opt_out_list,
        "OPT_OUT_LIST_MISMATCH",
        "rcs-agent",
        id="UpdateRcsAgent",
        marks=needs_operations("CreateRcsAgent"),
    ),
    pytest.param(
        voice_to_an_opted_out_number,
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        "opted-out-number",
        id="SendVoiceMessage",
    ),
    pytest.param(
        notify_voice_while_pending,
        "NOTIFY_CONFIGURATION_NOT_ACTIVE",
        "notify-configuration",
        id="SendNotifyVoiceMessage",
        marks=needs_operations("CreateNotifyConfiguration"),
    ),
]


@pytest.mark.parametrize(("scenario", "reason", "resource_type"), CONFLICTS)
def test_documented_conflict(
    client: Any,
    sms_voice: SmsVoiceMock,
    scenario: Scenario,
    reason: str,
    resource_type: str | None,
) -> None:
    refusal = scenario(client, sms_voice)
    with pytest.raises(ClientError) as caught:
        refusal.call()
    expect_error(
        caught,
        "ConflictException",
        reason,
        message=refusal.resource_id,
        resource_type=resource_type,
        resource_id=refusal.resource_id,
    )


# -- ServiceQuotaExceededException -----------------------------------------------------------


def second_notify_configuration(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    sms_voice.set_quota("NOTIFY_CONFIGURATIONS_PER_ACCOUNT", 1)
    notify_configuration(client)
    return Refusal(lambda: notify_configuration(client))


def second_registration(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    sms_voice.set_quota("REGISTRATIONS_PER_ACCOUNT", 1)
    client.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")
    return Refusal(
        lambda: client.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")
    )


def association_past_the_registrations_quota(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    sms_voice.set_quota("ASSOCIATIONS_PER_REGISTRATION", 1)
    campaign = client.create_registration(RegistrationType="US_TEN_DLC_CAMPAIGN_REGISTRATION")
    campaign_id = campaign["RegistrationId"]
    put_values(client, campaign_id, CAMPAIGN)
    client.create_registration_association(
        RegistrationId=campaign_id, ResourceId=completed_brand(client)
    )
    client.submit_registration_version(RegistrationId=campaign_id)
    number = add_phone_number(sms_voice)  # a 10DLC number, which RequestPhoneNumber cannot make
    return Refusal(
        lambda: client.create_registration_association(
            RegistrationId=campaign_id, ResourceId=number.phone_number_id
        )
    )


def voice_over_its_spend_limit(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    phone_id = us_number(client)
    client.set_voice_message_spend_limit_override(MonthlyLimit=0)
    return Refusal(
        lambda: client.send_voice_message(
            DestinationPhoneNumber=US_DEST, OriginationIdentity=phone_id, MessageBody="hi"
        )
    )


def media_over_its_spend_limit(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    phone_id = us_number(client)
    client.set_media_message_spend_limit_override(MonthlyLimit=0)
    return Refusal(
        lambda: client.send_media_message(
            DestinationPhoneNumber=US_DEST,
            OriginationIdentity=phone_id,
            MediaUrls=["s3://bucket/a.png"],
        )
    )


def notify_voice_over_the_daily_limit(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    sms_voice.set_quota("DAILY_NOTIFY_TIER_MESSAGE_LIMIT", 1)
    send = notify_voice(client, notify_configuration(client))
    send()
    return Refusal(send)


def notify_voice_over_the_notify_spend_limit(client: Any, sms_voice: SmsVoiceMock) -> Refusal:
    client.set_notify_message_spend_limit_override(MonthlyLimit=0)
    return Refusal(notify_voice(client, notify_configuration(client)))


QUOTAS = [
    pytest.param(
        second_notify_configuration,
        "NOTIFY_CONFIGURATIONS_PER_ACCOUNT",
        "NOTIFY_CONFIGURATIONS_PER_ACCOUNT of 1",
        id="CreateNotifyConfiguration",
        marks=needs_operations("CreateNotifyConfiguration"),
    ),
    pytest.param(
        second_registration,
        "REGISTRATIONS_PER_ACCOUNT",
        "REGISTRATIONS_PER_ACCOUNT of 1",
        id="CreateRegistration",
    ),
    pytest.param(
        association_past_the_registrations_quota,
        "ASSOCIATIONS_PER_REGISTRATION",
        "ASSOCIATIONS_PER_REGISTRATION of 1",
        id="CreateRegistrationAssociation",
    ),
    pytest.param(
        voice_over_its_spend_limit,
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE",
        "0 USD for VOICE messages",
        id="SendVoiceMessage",
    ),
    pytest.param(
        media_over_its_spend_limit,
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_MEDIA",
        "0 USD for MMS messages",
        id="SendMediaMessage",
    ),
    pytest.param(
        notify_voice_over_the_daily_limit,
        "DAILY_NOTIFY_TIER_MESSAGE_LIMIT",
        "DAILY_NOTIFY_TIER_MESSAGE_LIMIT of 1",
        id="SendNotifyVoiceMessage-daily",
        marks=needs_operations("CreateNotifyConfiguration"),
    ),
    pytest.param(
        notify_voice_over_the_notify_spend_limit,
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_NOTIFY",
        "0 USD for NOTIFY messages",
        id="SendNotifyVoiceMessage",
        marks=needs_operations("CreateNotifyConfiguration"),
    ),
]


@pytest.mark.parametrize(("scenario", "reason", "said"), QUOTAS)
def test_documented_quota(
    client: Any, sms_voice: SmsVoiceMock, scenario: Scenario, reason: str, said: str
) -> None:
    refusal = scenario(client, sms_voice)
    with pytest.raises(ClientError) as caught:
        refusal.call()
    expect_error(caught, "ServiceQuotaExceededException", reason, message=said)


# -- limits the documentation gives that the mock does not enforce yet ---------------------------


@needs_operations("SendNotifyVoiceMessage")
def test_notify_voice_calls_to_one_destination_are_limited_per_day(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_quota("NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT", 1000)
    send = notify_voice(client, notify_configuration(client))
    with freeze_time("2026-05-01T09:00:00Z") as frozen:
        for _ in range(10):
            send()
        with pytest.raises(ClientError) as caught:
            send()
        expect_error(
            caught,
            "ServiceQuotaExceededException",
            "DAILY_DESTINATION_CALL_LIMIT",
            message="DAILY_DESTINATION_CALL_LIMIT of 10",
        )
        frozen.move_to("2026-05-02T09:00:00Z")
        send()
