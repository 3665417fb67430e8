"""Notify through boto3: configurations, templates, countries, sends and the notify spend."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error
from tests.installed_model import needs_operations

pytestmark = needs_operations("CreateNotifyConfiguration")

US_MOBILE = "+14155552671"
FR_MOBILE = "+33612345678"


def create(client: Any, **kwargs: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "DisplayName": "Acme",
        "UseCase": "CODE_VERIFICATION",
        "EnabledChannels": ["SMS", "VOICE"],
    }
    settings.update(kwargs)
    response: dict[str, Any] = client.create_notify_configuration(**settings)
    return response


def send_text(client: Any, config_id: str, **kwargs: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "NotifyConfigurationId": config_id,
        "DestinationPhoneNumber": US_MOBILE,
        "TemplateId": "otp-sms-en",
        "TemplateVariables": {"code": "123456"},
    }
    settings.update(kwargs)
    response: dict[str, Any] = client.send_notify_text_message(**settings)
    return response


# -- configurations ------------------------------------------------------------------------------


def test_create_starts_pending_on_the_basic_tier(client: Any) -> None:
    created = create(client, Tags=[{"Key": "team", "Value": "auth"}])
    assert created["NotifyConfigurationId"].startswith("notify-")
    assert created["NotifyConfigurationArn"].endswith(
        f":notify-configuration/{created['NotifyConfigurationId']}"
    )
    assert created["Status"] == "PENDING"
    assert (created["Tier"], created["TierUpgradeStatus"]) == ("BASIC", "BASIC")
    assert created["EnabledChannels"] == ["SMS", "VOICE"]
    assert len(created["EnabledCountries"]) == 30
    assert {"US", "GB", "DE", "JP"} <= set(created["EnabledCountries"])
    assert created["Tags"] == [{"Key": "team", "Value": "auth"}]
    described = client.describe_notify_configurations()["NotifyConfigurations"]
    assert described[0]["Status"] == "ACTIVE"


def test_create_with_template_pool_and_countries(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="x")  # unrelated resources do not interfere
    agent = client.create_rcs_agent()
    pool = client.create_pool(OriginationIdentity=agent["RcsAgentId"], MessageType="TRANSACTIONAL")
    created = create(
        client,
        DefaultTemplateId="otp-sms-en",
        PoolId=pool["PoolArn"],
        EnabledCountries=["US", "CA"],
    )
    assert created["DefaultTemplateId"] == "otp-sms-en"
    assert created["PoolId"] == pool["PoolId"]
    assert created["EnabledCountries"] == ["US", "CA"]
    with pytest.raises(ClientError) as exc:
        create(client, PoolId=pool["PoolId"])
    expect_error(
        exc,
        "ConflictException",
        "POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION",
        resource_type="pool",
        resource_id=pool["PoolId"],
    )


@pytest.mark.parametrize(
    ("settings", "code", "expected"),
    [
        (
            {"DefaultTemplateId": "no-such-template"},
            "ResourceNotFoundException",
            {"resource_type": "notify-template", "resource_id": "no-such-template"},
        ),
        (
            {"PoolId": "pool-missing"},
            "ResourceNotFoundException",
            {"resource_type": "pool", "resource_id": "pool-missing"},
        ),
        (
            {"EnabledCountries": ["IN"]},
            "ValidationException",
            {
                "reason": "COUNTRY_NOT_ENABLED",
                "fields": {"EnabledCountries": "IN is not supported on the BASIC tier"},
            },
        ),
        (
            {"EnabledChannels": ["MMS"]},
            "ValidationException",
            {
                "reason": "INVALID_PARAMETER",
                "fields": {"EnabledChannels": "Supported values are SMS and VOICE"},
            },
        ),
    ],
)
def test_create_errors(
    client: Any, settings: dict[str, Any], code: str, expected: dict[str, Any]
) -> None:
    with pytest.raises(ClientError) as exc:
        create(client, **settings)
    expect_error(exc, code, **expected)


def test_create_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("NOTIFY_CONFIGURATIONS_PER_ACCOUNT", 1)
    create(client)
    with pytest.raises(ClientError) as exc:
        create(client)
    expect_error(exc, "ServiceQuotaExceededException", "NOTIFY_CONFIGURATIONS_PER_ACCOUNT")


def test_update(client: Any) -> None:
    config_id = create(client, DefaultTemplateId="otp-sms-en")["NotifyConfigurationId"]
    updated = client.update_notify_configuration(
        NotifyConfigurationId=config_id,
        EnabledChannels=["SMS"],
        EnabledCountries=["GB"],
        DefaultTemplateId="UNSET_DEFAULT_TEMPLATE",
        DeletionProtectionEnabled=True,
    )
    assert updated["EnabledChannels"] == ["SMS"]
    assert updated["EnabledCountries"] == ["GB"]
    assert "DefaultTemplateId" not in updated
    assert updated["DeletionProtectionEnabled"] is True
    with pytest.raises(ClientError) as exc:
        client.update_notify_configuration(NotifyConfigurationId=config_id, EnabledCountries=["CN"])
    expect_error(
        exc,
        "ValidationException",
        "COUNTRY_NOT_ENABLED",
        fields={"EnabledCountries": "CN is not supported on the BASIC tier"},
    )


def test_update_refuses_a_rejected_configuration(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("notify-configuration", "manual")
    config_id = create(client)["NotifyConfigurationId"]
    sms_voice.advance("notify-configuration", config_id, to="REJECTED")
    described = client.describe_notify_configurations(NotifyConfigurationIds=[config_id])
    assert described["NotifyConfigurations"][0]["Status"] == "REJECTED"
    assert described["NotifyConfigurations"][0]["RejectionReason"]
    with pytest.raises(ClientError) as exc:
        client.update_notify_configuration(NotifyConfigurationId=config_id, EnabledChannels=["SMS"])
    expect_error(
        exc,
        "ConflictException",
        "RESOURCE_MODIFICATION_NOT_ALLOWED",
        resource_type="notify-configuration",
        resource_id=config_id,
    )


def test_delete(client: Any) -> None:
    config_id = create(client, DeletionProtectionEnabled=True)["NotifyConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.delete_notify_configuration(NotifyConfigurationId=config_id)
    expect_error(
        exc,
        "ConflictException",
        "DELETION_PROTECTION_ENABLED",
        resource_type="notify-configuration",
        resource_id=config_id,
    )
    client.update_notify_configuration(
        NotifyConfigurationId=config_id, DeletionProtectionEnabled=False
    )
    deleted = client.delete_notify_configuration(NotifyConfigurationId=config_id)
    assert deleted["NotifyConfigurationId"] == config_id
    assert client.describe_notify_configurations()["NotifyConfigurations"] == []


@pytest.mark.parametrize(
    "operation",
    [
        "update_notify_configuration",
        "delete_notify_configuration",
        "send_notify_text_message",
        "send_notify_voice_message",
    ],
)
def test_unknown_configuration_is_not_found(client: Any, operation: str) -> None:
    extra: dict[str, Any] = {}
    if operation.startswith("send"):
        extra = {"DestinationPhoneNumber": US_MOBILE, "TemplateVariables": {"code": "1234"}}
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(NotifyConfigurationId="notify-nope", **extra)
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="notify-configuration",
        resource_id="notify-nope",
    )


def test_describe_filters_and_ids(client: Any) -> None:
    sms_only = create(client, EnabledChannels=["SMS"], DisplayName="First")
    both = create(client, DisplayName="Second", DeletionProtectionEnabled=True)

    def ids(**kwargs: Any) -> list[str]:
        found = client.describe_notify_configurations(**kwargs)["NotifyConfigurations"]
        return [c["NotifyConfigurationId"] for c in found]

    first, second = sms_only["NotifyConfigurationId"], both["NotifyConfigurationId"]
    assert ids(Filters=[{"Name": "enabled-channels", "Values": ["VOICE"]}]) == [second]
    assert ids(Filters=[{"Name": "display-name", "Values": ["First"]}]) == [first]
    assert ids(Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]}]) == [second]
    assert ids(Filters=[{"Name": "enabled-countries", "Values": ["JP"]}]) == [first, second]
    assert ids(Filters=[{"Name": "status", "Values": ["ACTIVE"]}]) == [first, second]
    assert ids(Filters=[{"Name": "tier-upgrade-status", "Values": ["BASIC"]}]) == [first, second]
    assert ids(NotifyConfigurationIds=[both["NotifyConfigurationArn"]]) == [second]
    with pytest.raises(ClientError) as exc:
        ids(NotifyConfigurationIds=["notify-nope"])
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="notify-configuration",
        resource_id="notify-nope",
    )


# -- templates and countries ---------------------------------------------------------------------


def test_describe_templates(client: Any) -> None:
    templates = client.describe_notify_templates(MaxResults=100)["NotifyTemplates"]
    assert {t["TemplateType"] for t in templates} == {"OTP_VERIFICATION"}
    assert {"en", "es", "fr", "de", "it", "pt-BR", "ja"} <= {t["LanguageCode"] for t in templates}
    english = client.describe_notify_templates(TemplateIds=["otp-sms-en"])["NotifyTemplates"][0]
    assert english["Channels"] == ["SMS"]
    assert english["Variables"]["code"]["Source"] == "CUSTOMER"
    assert english["Variables"]["code"]["Required"] is True
    assert english["Variables"]["brand"]["Source"] == "SYSTEM"
    assert "{{code}}" in english["Content"]

    def template_ids(*filters: dict[str, Any]) -> list[str]:
        found = client.describe_notify_templates(Filters=list(filters))["NotifyTemplates"]
        return [t["TemplateId"] for t in found]

    assert template_ids(
        {"Name": "language-code", "Values": ["fr"]}, {"Name": "channels", "Values": ["VOICE"]}
    ) == ["otp-voice-fr"]
    assert template_ids({"Name": "supported-voice-ids", "Values": ["HANS"]}) == ["otp-voice-de"]
    assert "otp-sms-en-short" not in template_ids({"Name": "tier-access", "Values": ["BASIC"]})
    assert "otp-sms-es" in template_ids({"Name": "supported-countries", "Values": ["MX"]})
    with pytest.raises(ClientError) as exc:
        client.describe_notify_templates(TemplateIds=["nope"])
    expect_error(
        exc, "ResourceNotFoundException", resource_type="notify-template", resource_id="nope"
    )


def test_list_countries(client: Any) -> None:
    def all_countries(**kwargs: Any) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        token = None
        while True:
            page = client.list_notify_countries(**kwargs, **({"NextToken": token} if token else {}))
            found += page["NotifyCountries"]
            token = page.get("NextToken")
            if not token:
                return found

    everything = all_countries()
    assert len(everything) > 200
    basic = all_countries(Tier="BASIC")
    assert len(basic) == 30
    us = next(c for c in basic if c["IsoCountryCode"] == "US")
    assert us["CountryName"] == "United States"
    assert us["SupportedChannels"] == ["SMS", "VOICE"]
    assert us["SupportedUseCases"] == ["CODE_VERIFICATION"]
    india = next(c for c in everything if c["IsoCountryCode"] == "IN")
    assert india["SupportedTiers"] == ["ADVANCED"]
    assert india["CustomerOwnedIdentityRequired"] is True
    voice = all_countries(Channels=["VOICE"])
    assert all("VOICE" in c["SupportedChannels"] for c in voice)
    assert len(voice) < len(everything)


# -- sending -------------------------------------------------------------------------------------


def test_send_text_resolves_the_template_and_records_the_message(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    sent = send_text(
        client,
        config_id,
        TemplateVariables={"code": "482913", "expiration_minutes": "5"},
        Context={"user": "42"},
    )
    assert sent["TemplateId"] == "otp-sms-en"
    assert sent["ResolvedMessageBody"] == (
        "Acme: Your verification code is 482913. It expires in 5 minutes. "
        "Do not share it with anyone."
    )
    message = sms_voice.sent_messages[-1]
    assert message.message_id == sent["MessageId"]
    assert message.operation == "SendNotifyTextMessage"
    assert message.channel == "SMS"
    assert message.destination_phone_number == US_MOBILE
    assert message.message_body == sent["ResolvedMessageBody"]
    assert message.context == {"user": "42"}
    assert message.price > 0


def test_send_voice_uses_the_templates_language_and_voice(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    sent = client.send_notify_voice_message(
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber=FR_MOBILE,
        TemplateId="otp-voice-fr",
        TemplateVariables={"code": "1234"},
    )
    assert sent["ResolvedMessageBody"].startswith(
        "Bonjour. Votre code de vérification Acme est 1234"
    )
    assert sms_voice.sent_messages[-1].voice_id == "CELINE"
    with pytest.raises(ClientError) as exc:
        client.send_notify_voice_message(
            NotifyConfigurationId=config_id,
            DestinationPhoneNumber=FR_MOBILE,
            TemplateId="otp-voice-fr",
            TemplateVariables={"code": "1234"},
            VoiceId="JOANNA",
        )
    expect_error(
        exc,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"VoiceId": "Supported: CELINE, LEA, MATHIEU, CHANTAL"},
    )


def test_default_template_is_used(client: Any) -> None:
    config_id = create(client, DefaultTemplateId="otp-sms-de")["NotifyConfigurationId"]
    sent = client.send_notify_text_message(
        NotifyConfigurationId=config_id,
        DestinationPhoneNumber="+4915112345678",
        TemplateVariables={"code": "5555"},
    )
    assert sent["TemplateId"] == "otp-sms-de"
    no_default = create(client)["NotifyConfigurationId"]
    with pytest.raises(ClientError) as exc:
        client.send_notify_text_message(
            NotifyConfigurationId=no_default,
            DestinationPhoneNumber=US_MOBILE,
            TemplateVariables={"code": "5555"},
        )
    expect_error(
        exc,
        "ValidationException",
        "MISSING_PARAMETER",
        fields={"TemplateId": "Required when the configuration has no default template"},
    )


@pytest.mark.parametrize(
    ("variables", "reason", "field", "said"),
    [
        ({}, "MISSING_PARAMETER", "code", "Required variable missing"),
        ({"code": "12ab"}, "INVALID_PARAMETER", "code", "Must match [0-9]{4,8}"),
        ({"code": "123456789"}, "INVALID_PARAMETER", "code", "at most 8 characters"),
        (
            {"code": "1234", "expiration_minutes": "90"},
            "INVALID_PARAMETER",
            "expiration_minutes",
            "at most 60",
        ),
        (
            {"code": "1234", "expiration_minutes": "soon"},
            "INVALID_PARAMETER",
            "expiration_minutes",
            "Must be an integer",
        ),
        (
            {"code": "1234", "colour": "red"},
            "INVALID_PARAMETER",
            "colour",
            "Not a variable of the template",
        ),
        ({"code": "1234", "brand": "Other"}, "INVALID_PARAMETER", "brand", "Set by the service"),
    ],
)
def test_template_variables_are_validated(
    client: Any, variables: dict[str, str], reason: str, field: str, said: str
) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id, TemplateVariables=variables)
    expect_error(exc, "ValidationException", reason, fields={f"TemplateVariables.{field}": said})


def test_send_needs_an_active_configuration(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_lifecycle("notify-configuration", "manual")
    config_id = create(client)["NotifyConfigurationId"]
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id)
    expect_error(
        exc,
        "ConflictException",
        "NOTIFY_CONFIGURATION_NOT_ACTIVE",
        resource_id=config_id,
        resource_type="notify-configuration",
    )
    sms_voice.advance("notify-configuration", config_id)
    send_text(client, config_id)


@pytest.mark.parametrize(
    ("create_settings", "send_settings", "reason", "fields"),
    [
        (
            {"EnabledChannels": ["VOICE"]},
            {},
            "CHANNEL_NOT_ENABLED",
            {"NotifyConfigurationId": "SMS is not an enabled channel"},
        ),
        (
            {"EnabledCountries": ["GB"]},
            {},
            "COUNTRY_NOT_ENABLED",
            {"DestinationPhoneNumber": "destination country is not enabled"},
        ),
        (
            {},
            {"DestinationPhoneNumber": "+919876543210"},
            "COUNTRY_NOT_ENABLED",
            {"DestinationPhoneNumber": "destination country is not enabled"},
        ),
        (
            {},
            {"TemplateId": "otp-voice-en"},
            "INVALID_PARAMETER",
            {"TemplateId": "Not a SMS template"},
        ),
        (
            {},
            {"TemplateId": "otp-sms-en-short"},
            "INVALID_PARAMETER",
            {"TemplateId": "Not a SMS template of the BASIC tier"},
        ),
        (
            {},
            {"TemplateId": "otp-sms-ja"},
            "INVALID_PARAMETER",
            {"TemplateId": "does not support US"},
        ),
    ],
)
def test_send_validation(
    client: Any,
    create_settings: dict[str, Any],
    send_settings: dict[str, Any],
    reason: str,
    fields: dict[str, str],
) -> None:
    config_id = create(client, **create_settings)["NotifyConfigurationId"]
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id, **send_settings)
    expect_error(exc, "ValidationException", reason, fields=fields)


def test_advanced_tier_unlocks_templates_and_countries(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    sms_voice.decide_notify_tier_upgrade(config_id)
    described = client.describe_notify_configurations()["NotifyConfigurations"][0]
    assert (described["Tier"], described["TierUpgradeStatus"]) == ("ADVANCED", "ADVANCED")
    client.update_notify_configuration(NotifyConfigurationId=config_id, EnabledCountries=["IN"])
    sent = send_text(
        client, config_id, TemplateId="otp-sms-en-short", DestinationPhoneNumber="+919876543210"
    )
    assert sent["ResolvedMessageBody"] == "Your code is 123456"


def test_unknown_template_and_configuration_set(client: Any) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id, TemplateId="nope")
    expect_error(
        exc, "ResourceNotFoundException", resource_type="notify-template", resource_id="nope"
    )
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id, ConfigurationSetName="missing")
    expect_error(
        exc, "ResourceNotFoundException", resource_type="configuration-set", resource_id="missing"
    )


def test_protect_configuration_applies_to_notify(client: Any) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    protect = client.create_protect_configuration()["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=protect)
    client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=protect, DestinationPhoneNumber=US_MOBILE, Action="BLOCK"
    )
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id)
    expect_error(
        exc,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE",
        message=f"{US_MOBILE} is blocked by a number override of protect configuration {protect}",
        resource_type="protect-configuration",
        resource_id=protect,
    )


def test_notify_checks_in_the_order_every_send_does(client: Any) -> None:
    """One send pipeline: the spend limit is checked before the protect configuration, for
    notify as for text (notify used to check protect first)."""
    config_id = create(client)["NotifyConfigurationId"]
    protect = client.create_protect_configuration()["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=protect)
    client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=protect, DestinationPhoneNumber=US_MOBILE, Action="BLOCK"
    )
    client.set_notify_message_spend_limit_override(MonthlyLimit=0)
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id)
    expect_error(
        exc,
        "ServiceQuotaExceededException",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_NOTIFY",
        message="monthly spend limit of 0 USD for NOTIFY messages",
    )
    client.delete_notify_message_spend_limit_override()
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id)
    blocked: dict[str, Any] = {
        "code": "ConflictException",
        "reason": "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE",
        "message": (
            f"{US_MOBILE} is blocked by a number override of protect configuration {protect}"
        ),
        "resource_type": "protect-configuration",
        "resource_id": protect,
    }
    expect_error(exc, **blocked)
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id, DryRun=True)  # a dry run is checked all the same
    expect_error(exc, **blocked)


def test_daily_limit_of_the_basic_tier(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("DAILY_NOTIFY_TIER_MESSAGE_LIMIT", 2)
    sms_voice.set_quota("NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT", 100)
    config_id = create(client)["NotifyConfigurationId"]
    with freeze_time("2026-05-01T10:00:00Z") as frozen:
        send_text(client, config_id, DryRun=True)  # dry runs do not count
        send_text(client, config_id)
        send_text(client, config_id)
        with pytest.raises(ClientError) as exc:
            send_text(client, config_id)
        expect_error(exc, "ServiceQuotaExceededException", "DAILY_NOTIFY_TIER_MESSAGE_LIMIT")
        frozen.move_to("2026-05-02T00:00:01Z")
        send_text(client, config_id)


def test_notify_spend_and_its_limit(client: Any, sms_voice: SmsVoiceMock) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    assert client.set_notify_message_spend_limit_override(MonthlyLimit=0)["MonthlyLimit"] == 0
    limits = {s["Name"]: s for s in client.describe_spend_limits()["SpendLimits"]}
    assert limits["NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT"]["Overridden"] is True
    assert limits["NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT"]["EnforcedLimit"] == 0
    with pytest.raises(ClientError) as exc:
        send_text(client, config_id)
    expect_error(exc, "ServiceQuotaExceededException", "MONTHLY_SPEND_LIMIT_REACHED_FOR_NOTIFY")
    assert client.delete_notify_message_spend_limit_override()["MonthlyLimit"] == 0
    send_text(client, config_id)
    limits = {s["Name"]: s for s in client.describe_spend_limits()["SpendLimits"]}
    assert limits["NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT"]["Overridden"] is False


def test_spend_override_cannot_exceed_the_service_limit(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.set_notify_message_spend_limit_override(MonthlyLimit=1_000_000)
    expect_error(
        exc,
        "ValidationException",
        "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
        fields={"MonthlyLimit": "Must be less than or equal to 1"},
    )


def test_feedback_and_events_through_a_configuration_set(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    config_id = create(client)["NotifyConfigurationId"]
    client.create_configuration_set(ConfigurationSetName="otp")
    sent = send_text(client, config_id, ConfigurationSetName="otp", MessageFeedbackEnabled=True)
    assert sms_voice.sent_messages[-1].configuration_set_name == "otp"
    assert sms_voice.sent_messages[-1].message_feedback_enabled is True
    feedback = client.put_message_feedback(
        MessageId=sent["MessageId"], MessageFeedbackStatus="RECEIVED"
    )
    assert feedback["MessageFeedbackStatus"] == "RECEIVED"
