"""What the User Guide's *Supported countries and regions for SMS messaging* table
(phone-numbers-sms-by-country.md) says, as RequestSenderId, UpdatePhoneNumber and sending meet it;
the sender ID format of *Request a sender ID* (sender-id-request.md); shared routes
(phone-number-types.md, phone-pool-shared-routes.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from smsmock import SmsVoiceMock
from smsmock.rules import origination_countries
from tests.helpers import expect_error, refused
from tests.installed_model import country_if_required

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_tables", ROOT / "tools" / "generate_tables.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_is_the_saved_page(generator: ModuleType) -> None:
    page = (ROOT / "tools" / "sms_countries_page.md").read_text("utf-8")
    table = generator.sms_countries(page)
    assert "038a93065b194e85afc4d8c54cc63c8ef6998d5b" in table.pop("_source")
    assert table == origination_countries.SMS_TABLE
    # Rows the issue checked against the page.
    assert table["GB"]["sender_ids"] == "Registration required"
    assert table["GB"]["notes"] == [7]
    assert table["MX"]["sender_ids"] == "Yes"
    assert table["TW"]["sender_ids"] == "No"
    assert {"AO", "NF", "PW"} <= set(table)
    assert table["GW"]["two_way"] == "N/A"
    assert len(table) == 215


@pytest.mark.parametrize("country", ["GB", "AU", "IE", "ID", "KE", "KZ", "OM", "ZM"])
def test_registration_required_countries_refuse_request_sender_id(
    client: Any, country: str
) -> None:
    # The page's "Registration required"; RequestSenderId: "Request a new sender ID that doesn't
    # require registration."
    response = refused(client.request_sender_id, SenderId="MyBrand", IsoCountryCode=country)
    expect_error(
        response,
        "ValidationException",
        "SENDER_ID_REQUIRES_REGISTRATION",
        message=f"in {country} requires a registration",
        fields={"IsoCountryCode": f"Sender IDs in {country} require registration"},
    )
    assert client.describe_sender_ids()["SenderIds"] == []


def test_sender_id_support_as_the_page_says(client: Any) -> None:
    assert (
        client.request_sender_id(SenderId="MyBrand", IsoCountryCode="MX")["IsoCountryCode"] == "MX"
    )
    assert (
        client.request_sender_id(SenderId="MyBrand", IsoCountryCode="AO")["SenderId"] == "MyBrand"
    )
    response = refused(client.request_sender_id, SenderId="MyBrand", IsoCountryCode="TW")
    expect_error(
        response,
        "ValidationException",
        "SENDER_ID_NOT_SUPPORTED",
        message="not supported in TW",
        fields={"IsoCountryCode": "not supported in TW"},
    )


@pytest.mark.parametrize("sender_id", ["-Brand", "Brand-", "My_Brand", "123-45", "-"])
def test_sender_id_format(client: Any, sender_id: str) -> None:
    # sender-id-request.md: "letters (A-Z), numbers (0-9), or hyphens (-). The sender ID must
    # contain at least one letter and cannot start or end with a hyphen."
    response = refused(client.request_sender_id, SenderId=sender_id, IsoCountryCode="DE")
    expect_error(
        response,
        "ValidationException",
        "INVALID_PARAMETER",
        message=f"sender ID {sender_id} is not valid",
        fields={"SenderId": "Must contain at least one letter"},
    )


@pytest.mark.parametrize("sender_id", ["My-Brand", "A", "2FA-Code9"])
def test_sender_ids_of_the_format(client: Any, sender_id: str) -> None:
    created = client.request_sender_id(SenderId=sender_id, IsoCountryCode="DE")
    assert created["SenderId"] == sender_id


def test_french_sender_ids_take_no_hyphen(client: Any) -> None:
    # The page's note 11: "France does not support the dash character (-) in sender IDs."
    response = refused(client.request_sender_id, SenderId="My-Brand", IsoCountryCode="FR")
    expect_error(
        response,
        "ValidationException",
        "INVALID_PARAMETER",
        message="My-Brand is not valid in FR",
        fields={"SenderId": "France must only contain letters and numbers"},
    )
    assert client.request_sender_id(SenderId="MyBrand", IsoCountryCode="FR")["SenderId"]


def _two_way(client: Any, country: str) -> Any:
    number = client.request_phone_number(
        IsoCountryCode=country,
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["VOICE"],
        NumberType="LONG_CODE",
    )
    return client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn="arn:aws:sns:us-east-1:123456789012:inbound",
    )


def test_two_way_as_the_page_says(client: Any) -> None:
    # Two-way "Yes" for Kenya, "No" for Colombia and the Philippines (countries whose voice long
    # codes RequestPhoneNumber leases).
    assert _two_way(client, "KE")["TwoWayEnabled"] is True
    for country in ("CO", "PH"):
        response = refused(_two_way, client=client, country=country)
        expect_error(
            response,
            "ValidationException",
            "TWO_WAY_NOT_SUPPORTED_IN_COUNTRY",
            message=f"not supported in {country}",
            fields={"TwoWayEnabled": "Two-way messaging is not supported"},
        )
    # Where no number can be leased the table still answers: "Yes" for these.
    assert all(
        origination_countries.two_way_supported(c) for c in ("HR", "GR", "GH", "MT", "LV", "SK")
    )


# -- shared routes -----------------------------------------------------------------------------


@pytest.mark.parametrize("destination", ["+447700900123", "+4915112345678"])
def test_no_identity_there_sends_on_a_shared_route(
    client: Any, sms_voice: SmsVoiceMock, destination: str
) -> None:
    # phone-number-types.md: "If you send messages to recipients in a particular country, but you
    # don't have a dedicated origination identity in that country, we make an effort to deliver
    # your message using one of these shared identities."
    client.send_text_message(DestinationPhoneNumber=destination, MessageBody="hi")
    [sent] = sms_voice.sent_messages
    assert sent.destination_phone_number == destination
    assert sent.origination_identity is None


@pytest.mark.parametrize(
    ("destination", "country"), [("+12065550100", "US"), ("+8613800138000", "CN")]
)
def test_no_shared_routes_in_the_us_or_china(
    client: Any, sms_voice: SmsVoiceMock, destination: str, country: str
) -> None:
    # "Shared identities are unavailable in some countries, including the United States and
    # China."
    response = refused(
        client.send_text_message, DestinationPhoneNumber=destination, MessageBody="hi"
    )
    expect_error(
        response,
        "ConflictException",
        "NO_ORIGINATION_IDENTITIES_FOUND",
        message=f"send SMS messages to {country}",
    )
    assert sms_voice.sent_messages == ()


def test_a_pools_shared_routes_do_not_reach_the_us(client: Any, sms_voice: SmsVoiceMock) -> None:
    # The model's SharedRoutesEnabled: "In some countries, such as the United States, senders
    # aren't allowed to use shared routes."
    client.request_sender_id(SenderId="MyBrand", IsoCountryCode="DE")
    pool = client.create_pool(
        OriginationIdentity="MyBrand",
        MessageType="TRANSACTIONAL",
        **{"IsoCountryCode": "DE", **country_if_required("CreatePool", "DE")},
    )
    client.update_pool(PoolId=pool["PoolId"], SharedRoutesEnabled=True)
    client.send_text_message(
        DestinationPhoneNumber="+33612345678", OriginationIdentity=pool["PoolId"], MessageBody="hi"
    )
    assert [m.origination_identity for m in sms_voice.sent_messages] == [None]
    response = refused(
        client.send_text_message,
        DestinationPhoneNumber="+12065550100",
        OriginationIdentity=pool["PoolId"],
        MessageBody="hi",
    )
    expect_error(
        response,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message="MyBrand of DE cannot send to US",
        fields={"DestinationPhoneNumber": "The origination identity cannot reach this country"},
    )
    assert len(sms_voice.sent_messages) == 1
