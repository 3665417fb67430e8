"""The handle refuses mistakes: a misspelt name in a test's setup raises ``ValueError`` naming the
close match, and changes nothing (no setting, no stored status, no new account or region)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import boto3
import pytest

from smsmock import SmsVoiceMock, mock_sms_voice
from smsmock.faces.handle_checks import lifecycle_types, regions, statuses
from smsmock.state.tables import TABLE_KEYS
from tests.installed_model import enum_values, has_operation, needs_operations

Misuse = Callable[[SmsVoiceMock], Any]


def refused(sms: SmsVoiceMock, misuse: Misuse) -> str:
    """The message of the ``ValueError`` ``misuse`` raises; nothing was made by it."""
    before = sms.backends()
    with pytest.raises(ValueError) as caught:
        misuse(sms)
    assert sms.backends() == before
    return str(caught.value)


@pytest.mark.parametrize(
    ("misuse", "suggested"),
    [
        (lambda sms: sms.set_quota("PHONE_NUMBER_PER_ACCOUNT", 0), "PHONE_NUMBERS_PER_ACCOUNT"),
        (lambda sms: sms.set_quota("pools_per_account", 1), "POOLS_PER_ACCOUNT"),
        (
            lambda sms: sms.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMT", 5),
            "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
        ),
        (lambda sms: sms.set_lifecycle("phone_number", "manual"), "phone-number"),
        (lambda sms: sms.set_lifecycle("pools", "manual"), "pool"),
        (lambda sms: sms.set_lifecycle("pool", "manuel"), "manual"),
        (lambda sms: sms.set_lifecycle("pool", "Immediate"), "immediate"),
        (lambda sms: sms.advance("registraton", "registration-1"), "registration"),
        (lambda sms: sms.advance("phone-number", "phone-1", to="ACTVE"), "ACTIVE"),
        (lambda sms: sms.advance("pool", "pool-1", to="creating"), "CREATING"),
        (lambda sms: sms.advance("registration", "registration-1", to="COMPLET"), "COMPLETE"),
        (lambda sms: sms.events(event_type="TEXT_DELIVERD"), "TEXT_DELIVERED"),
        (lambda sms: sms.events(event_type="text_all"), "TEXT_ALL"),
        (lambda sms: sms.spend("sms"), "SMS"),
        (lambda sms: sms.spend("VOICES"), "VOICE"),
        (lambda sms: sms.backend(region="us-east-99"), "us-east-1"),
        (lambda sms: sms.backend(region="eu-west-l"), "eu-west-1"),
        (lambda sms: sms.set_sandbox(region="eu-wset-1"), "eu-west-1"),
        (lambda sms: sms.spend(region="us_west_2"), "us-west-2"),
        (lambda sms: sms.set_quota("POOLS_PER_ACCOUNT", 1, region="ap-southeast-22"), "ap-south"),
        (lambda sms: sms.set_default_account("12345678901"), "123456789012"),
        (lambda sms: sms.backend(account_id="1234567890123"), "123456789012"),
        pytest.param(
            lambda sms: sms.launch_rcs_agent("rcs-1", "US", status="ACTIV"),
            "ACTIVE",
            marks=needs_operations("CreateRcsAgent"),
        ),
        pytest.param(
            lambda sms: sms.launch_rcs_agent("rcs-1", "us"),
            "US",
            marks=needs_operations("CreateRcsAgent"),
        ),
        (lambda sms: sms.set_fate("+12065550100", "BLOKED"), "BLOCKED"),
        (lambda sms: sms.set_fate("+12065550100", "text_spam"), "TEXT_SPAM"),
    ],
)
def test_a_misspelt_name_is_refused_naming_the_close_match(
    sms_voice: SmsVoiceMock, misuse: Misuse, suggested: str
) -> None:
    message = refused(sms_voice, misuse)
    assert re.search(rf"Did you mean [^?]*'{re.escape(suggested)}[^']*'", message), message


@pytest.mark.parametrize(
    ("misuse", "said"),
    [
        (lambda sms: sms.set_lifecycle("configuration-set", "manual"), "have no lifecycle"),
        (lambda sms: sms.advance("phone-number", "phone-1", to="BOGUS"), "BOGUS"),
        (lambda sms: sms.set_sandbox(region="mars-1"), "upgrade botocore"),
        (lambda sms: sms.set_quota("POOLS_PER_ACCOUNT", -1), "0 or more"),
        (lambda sms: sms.set_quota("POOLS_PER_ACCOUNT", True), "whole number"),
        (lambda sms: sms.set_quota("POOLS_PER_ACCOUNT", "5"), "whole number"),
        (lambda sms: sms.set_lifecycle("pool", "after", -1), "0 or more"),
        (lambda sms: sms.spend("SMS", month="2026-13"), "YYYY-MM"),
        (lambda sms: sms.set_default_account("my-account"), "12 digits"),
        (lambda sms: sms.map_access_key("AKIDEXAMPLE", "12345"), "12 digits"),
        (lambda sms: sms.map_access_key("", "123456789012"), "access key id"),
        (lambda sms: sms.receive("+12065550100", "+12065550101", "hi", region="moon"), "moon"),
        (lambda sms: sms.decide_notify_tier_upgrade("notify-1", account_id="1"), "12 digits"),
        (lambda sms: sms.set_rcs_capable("+12065550100", region="mars-1"), "mars-1"),
        (lambda sms: sms.set_fate("2065550100", "BLOCKED"), "E.164"),
        (lambda sms: sms.set_fate("", "BLOCKED"), "E.164"),
        (lambda sms: sms.set_fate("1206555*", "BLOCKED"), "E.164"),
        (lambda sms: sms.set_fate("+1206555*", "BLOCKED", delay="5"), "72 hours"),
    ],
)
def test_a_wrong_value_is_refused_saying_why(
    sms_voice: SmsVoiceMock, misuse: Misuse, said: str
) -> None:
    assert said in refused(sms_voice, misuse)


def test_a_callback_must_be_callable(sms_voice: SmsVoiceMock) -> None:
    with pytest.raises(TypeError, match="callback"):
        sms_voice.on_event("print")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="callback"):
        sms_voice.on_inbound(None)  # type: ignore[arg-type]


def test_the_options_of_an_activation_are_checked() -> None:
    with pytest.raises(ValueError, match="12 digits"):
        mock_sms_voice(default_account_id="12345")
    with pytest.raises(ValueError, match="12 digits"):
        mock_sms_voice(access_keys={"AKIDEXAMPLE": "abc"})


def test_a_refused_status_is_never_stored(sms_voice: SmsVoiceMock, client: Any) -> None:
    sms_voice.set_lifecycle("phone-number", "manual")
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="SIMULATOR",
    )

    with pytest.raises(ValueError, match="BOGUS"):
        sms_voice.advance("phone-number", number["PhoneNumberId"], to="BOGUS")

    described = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    assert described["PhoneNumbers"][0]["Status"] == "PENDING"


def test_a_misspelt_configuration_set_is_refused(sms_voice: SmsVoiceMock, client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="orders")

    assert sms_voice.events("orders") == ()
    with pytest.raises(ValueError, match="Did you mean 'orders'"):
        sms_voice.events("order")


def test_reads_make_no_account_or_region(sms_voice: SmsVoiceMock) -> None:
    assert sms_voice.spend("SMS", region="eu-west-1", account_id="111111111111") == 0.0
    assert sms_voice.events(event_type="TEXT_DELIVERED") == ()
    with pytest.raises(Exception, match="pool-1"):
        sms_voice.advance("pool", "pool-1", region="eu-west-1")
    if has_operation("CreateRcsAgent"):
        with pytest.raises(Exception, match="rcs-1"):
            sms_voice.launch_rcs_agent("rcs-1", "US", region="eu-west-1")

    assert sms_voice.backends() == []


def test_regions_of_every_partition_are_known(sms_voice: SmsVoiceMock) -> None:
    known = regions()
    assert {"us-east-1", "eu-west-1", "us-gov-west-1"} <= known
    assert not any(name.startswith("fips-") for name in known)
    sms_voice.set_sandbox(region="us-gov-west-1")
    assert [b.region for b in sms_voice.backends()] == ["us-gov-west-1"]


def test_a_region_the_mock_answered_in_can_be_read(sms_voice: SmsVoiceMock) -> None:
    # A region of AWS where botocore's data does not list the service (ap-east-1 today): a
    # client there is answered all the same, and the handle can look at what it made.
    aws_regions = boto3.session.Session().get_available_regions("ec2")
    elsewhere = sorted(set(aws_regions) - regions())
    if not elsewhere:
        pytest.skip("the service is listed in every region of this botocore")
    region = elsewhere[0]
    with pytest.raises(ValueError, match="upgrade botocore"):
        sms_voice.set_sandbox(region=region)
    client = boto3.client("pinpoint-sms-voice-v2", region_name=region)
    client.create_opt_out_list(OptOutListName="far")

    assert sms_voice.backend(region=region).region == region
    assert sms_voice.spend("SMS", region=region) == 0.0
    sms_voice.set_sandbox(region=region)


def test_every_lifecycle_has_the_model_statuses_of_its_resource() -> None:
    assert {"phone-number", "pool", "registration", "registration-attachment"} <= set(
        lifecycle_types()
    )
    for resource_type in lifecycle_types():
        if not statuses(resource_type):
            continue  # a resource an older model lacks (notify configurations before 1.42.80)
        transitions = TABLE_KEYS[resource_type].transitions
        lifecycle = {*transitions, *transitions.values()}
        # AWS review came with botocore 1.42.16: an older model has no AWS_REVIEWING.
        lifecycle -= {"AWS_REVIEWING"} - enum_values("RegistrationVersionStatus")
        assert lifecycle <= statuses(resource_type), resource_type
    assert statuses("phone-number") == {
        "PENDING",
        "ACTIVE",
        "ASSOCIATING",
        "DISASSOCIATING",
        "DELETED",
    }
    assert "UPLOAD_FAILED" in statuses("registration-attachment")
    assert {"COMPLETE", "REQUIRES_UPDATES", "APPROVED", "DENIED"} <= statuses("registration")


# -- an inner activation's options end with it ----------------------------------------------------


def account_of_requests(access_key_id: str = "testing") -> str:
    client = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id=access_key_id,
        aws_secret_access_key="secret",
    )
    arn = client.describe_opt_out_lists()["OptOutLists"][0]["OptOutListArn"]
    return str(arn.split(":")[4])


def test_an_inner_activations_options_are_undone_when_it_exits() -> None:
    outer = mock_sms_voice(
        default_account_id="111111111111", access_keys={"AKIDOUTER": "333333333333"}
    )
    with outer:
        assert account_of_requests() == "111111111111"
        inner = mock_sms_voice(
            default_account_id="222222222222",
            access_keys={"AKIDINNER": "444444444444", "AKIDOUTER": "555555555555"},
        )
        with inner:
            assert account_of_requests() == "222222222222"
            assert account_of_requests("AKIDINNER") == "444444444444"
            assert account_of_requests("AKIDOUTER") == "555555555555"

        assert account_of_requests() == "111111111111"
        assert account_of_requests("AKIDINNER") == "111111111111"
        assert account_of_requests("AKIDOUTER") == "333333333333"


def test_settings_made_on_the_handle_inside_an_inner_activation_stay() -> None:
    with mock_sms_voice() as outer:
        with mock_sms_voice() as inner:
            inner.set_default_account("666666666666")
            outer.map_access_key("AKIDSET", "777777777777")
        assert account_of_requests() == "666666666666"
        assert account_of_requests("AKIDSET") == "777777777777"


# -- the default region is boto3's ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "region"),
    [
        ({"AWS_DEFAULT_REGION": "eu-west-2", "AWS_REGION": "eu-central-1"}, "eu-west-2"),
        ({"AWS_REGION": "eu-central-1"}, "eu-central-1"),
        ({}, "us-east-1"),
    ],
)
def test_the_handle_defaults_to_the_region_of_the_environment(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], region: str
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with mock_sms_voice() as sms:
        sms.set_sandbox()
        client = boto3.client("pinpoint-sms-voice-v2", region_name=region)
        attributes = client.describe_account_attributes()["AccountAttributes"]
        assert {"Name": "ACCOUNT_TIER", "Value": "SANDBOXED"} in attributes
        assert sms.backend().region == region


def test_a_client_without_a_region_and_the_handle_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ca-central-1")
    with mock_sms_voice() as sms:
        boto3.client("pinpoint-sms-voice-v2").create_opt_out_list(OptOutListName="here")
        names = [x.opt_out_list_name for x in sms.backend().tables() for x in x]
        assert "here" in names
