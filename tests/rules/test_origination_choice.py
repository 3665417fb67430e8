"""Which identity sends a text when the caller names none, or names a pool: the account's
numbers in the order of sending priority and only those that can send (active, with the
channel's capability, of the destination's country or sending abroad), its registered sender IDs,
a pool's member of the destination's country before one that sends abroad, and sticky sending
(rcs-sms-fallback.md) for the account and for a pool. Also a pool that is not ``ACTIVE`` yet and
the sandbox's unverified destination, as a sender meets them."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, simulator_number, toll_free_number
from tests.installed_model import country_if_required, needs_members, needs_operations
from tests.registration_data import (
    SG_SENDER_ID,
    new_registration,
    put_values,
    registration_status,
)

US_DEST = "+12065550100"
SIMULATOR_DEST = "+14254147755"
"""The US destination simulator number that succeeds (*Simulator phone numbers*)."""
GB_DEST = "+447700900123"
SG_DEST = "+6581234567"
FR_DEST = "+33612345678"
DE_DEST = "+4915112345678"
CN_DEST = "+8613800138000"

INTERNATIONAL = needs_members("UpdatePhoneNumberRequest", "InternationalSendingEnabled")


def send(client: Any, destination: str, origin: str | None = None) -> None:
    """A text to ``destination`` from ``origin``, else from the identity the service chooses."""
    extra = {} if origin is None else {"OriginationIdentity": origin}
    client.send_text_message(DestinationPhoneNumber=destination, MessageBody="hi", **extra)


def last_sender(sms_voice: SmsVoiceMock) -> str | None:
    """What the last message was sent from (``None``: a shared route of the service)."""
    return sms_voice.sent_messages[-1].origination_identity


def international(client: Any, handle: SmsVoiceMock) -> dict[str, Any]:
    """A US toll-free number (SMS) that sends abroad."""
    number = toll_free_number(client, ("SMS",), handle=handle)
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], InternationalSendingEnabled=True
    )
    return number


# -- the account's own choice ------------------------------------------------------------------


def test_the_accounts_toll_free_number_comes_before_its_simulator_number(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # "Fallback logic and priority order": the order of SENDING_PRIORITY, not the order the
    # numbers were leased in.
    simulator_number(client)
    toll_free = toll_free_number(client, ("SMS",), handle=sms_voice)
    send(client, SIMULATOR_DEST)
    assert last_sender(sms_voice) == toll_free["PhoneNumber"]


def test_the_account_chooses_only_a_number_that_can_send_the_text(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    simulator = simulator_number(client)
    toll_free_number(client, ("SMS",), registered=False)  # PENDING until registered
    toll_free_number(client, ("VOICE",), handle=sms_voice)  # ACTIVE, but no SMS
    send(client, SIMULATOR_DEST)
    assert last_sender(sms_voice) == simulator["PhoneNumber"]


def test_no_number_that_can_send_and_no_shared_route_is_refused(client: Any) -> None:
    waiting = toll_free_number(client, ("SMS",), registered=False)
    assert waiting["Status"] == "PENDING"
    with pytest.raises(ClientError) as caught:
        send(client, US_DEST)
    expect_error(caught, "ConflictException", "NO_ORIGINATION_IDENTITIES_FOUND", message="US")


def registered_sg_sender_id(client: Any) -> str:
    """The sender ID an approved SG_SENDER_ID_REGISTRATION provisions (registered)."""
    registration = new_registration(client, "SG_SENDER_ID_REGISTRATION")
    put_values(client, registration, SG_SENDER_ID)
    client.submit_registration_version(RegistrationId=registration)
    # Approved when next read (the immediate lifecycle mode): the sender ID is there.
    assert registration_status(client, registration) == "COMPLETE"
    [sender] = client.describe_sender_ids()["SenderIds"]
    assert (sender["IsoCountryCode"], sender["Registered"]) == ("SG", True)
    return str(sender["SenderId"])


def test_a_registered_sender_id_of_the_destinations_country_sends(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # CreateConfigurationSet's DefaultSenderId "will be used if no dedicated origination phone
    # numbers or registered SenderIds are available in your account": a registered sender ID of
    # the country is the account's own identity there.
    sender_id = registered_sg_sender_id(client)
    send(client, SG_DEST)
    assert last_sender(sms_voice) == sender_id
    # Elsewhere it cannot send: France gets the text on a shared route.
    send(client, FR_DEST)
    assert last_sender(sms_voice) is None


@INTERNATIONAL
def test_a_number_that_sends_abroad_reaches_a_country_without_shared_routes(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    number = international(client, sms_voice)
    send(client, CN_DEST)
    assert last_sender(sms_voice) == number["PhoneNumber"]
    assert sms_voice.sent_messages[-1].destination_country == "CN"


# -- a pool's member -----------------------------------------------------------------------------


def pool_of(client: Any, first: str, *more: dict[str, str]) -> str:
    """A pool made from the US identity ``first`` (TRANSACTIONAL), then each of ``more``
    associated (the AssociateOriginationIdentity parameters besides PoolId)."""
    pool_id: str = client.create_pool(
        OriginationIdentity=first,
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )["PoolId"]
    for member in more:
        country = country_if_required("AssociateOriginationIdentity", "US")
        client.associate_origination_identity(PoolId=pool_id, **{**country, **member})
    return pool_id


@INTERNATIONAL
def test_a_pools_member_of_the_destinations_country_comes_first(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # The pool sends to Germany from its German sender ID, though its US number sends abroad and
    # comes before a sender ID in the priority order.
    number = international(client, sms_voice)
    client.request_sender_id(SenderId="MyBrand", IsoCountryCode="DE")
    pool_id = pool_of(
        client,
        number["PhoneNumberId"],
        {"OriginationIdentity": "MyBrand", "IsoCountryCode": "DE"},
    )
    send(client, DE_DEST, pool_id)
    assert last_sender(sms_voice) == "MyBrand"
    send(client, GB_DEST, pool_id)  # none of Britain's: the number that sends abroad
    assert last_sender(sms_voice) == number["PhoneNumber"]


def test_a_pool_that_is_not_active_yet_cannot_send(client: Any, sms_voice: SmsVoiceMock) -> None:
    number = toll_free_number(client, ("SMS",), handle=sms_voice)
    sms_voice.set_lifecycle("pool", "manual")
    pool_id = pool_of(client, number["PhoneNumberId"])
    with pytest.raises(ClientError) as caught:
        send(client, US_DEST, pool_id)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        message="CREATING",
        resource_type="pool",
        resource_id=pool_id,
    )
    assert sms_voice.sent_messages == ()
    sms_voice.advance("pool", pool_id)
    send(client, US_DEST, pool_id)
    assert last_sender(sms_voice) == number["PhoneNumber"]


# -- sticky sending ------------------------------------------------------------------------------


def long_code(client: Any, country: str) -> dict[str, Any]:
    number: dict[str, Any] = client.request_phone_number(
        IsoCountryCode=country,
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    return number


@INTERNATIONAL
def test_the_account_keeps_sending_from_the_number_that_last_sent(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # *Sticky sending*: "Subsequent messages to the same destination within the 25-hour window
    # are routed through the same origination identity, provided it is still available in the
    # pool or account"; for account-level sending "the service considers all identities in your
    # account".
    abroad = international(client, sms_voice)
    send(client, GB_DEST)
    assert last_sender(sms_voice) == abroad["PhoneNumber"]
    british = long_code(client, "GB")
    send(client, GB_DEST)  # still the number that sent the last one
    assert last_sender(sms_voice) == abroad["PhoneNumber"]
    send(client, "+447700900124")  # another destination: the account's British number
    assert last_sender(sms_voice) == british["PhoneNumber"]
    # No longer able to send to Britain, the first number is not available: the British one is.
    client.update_phone_number(
        PhoneNumberId=abroad["PhoneNumberId"], InternationalSendingEnabled=False
    )
    send(client, GB_DEST)
    assert last_sender(sms_voice) == british["PhoneNumber"]


def test_a_number_taken_out_of_the_pool_is_no_longer_its_sticky_sender(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    first, second = (toll_free_number(client, ("SMS",), handle=sms_voice) for _ in range(2))
    pool_id = pool_of(
        client, first["PhoneNumberId"], {"OriginationIdentity": second["PhoneNumberId"]}
    )
    send(client, US_DEST, pool_id)
    assert last_sender(sms_voice) == first["PhoneNumber"]
    client.disassociate_origination_identity(
        PoolId=pool_id,
        OriginationIdentity=first["PhoneNumberId"],
        **country_if_required("DisassociateOriginationIdentity", "US"),
    )
    send(client, US_DEST, pool_id)
    assert last_sender(sms_voice) == second["PhoneNumber"]


@needs_operations("CreateRcsAgent")
def test_a_pool_keeps_sending_from_the_rcs_agent_that_last_sent(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # The pool's first agent reaches only Canada when the first text goes: its second agent sends
    # it, and keeps sending to that destination once the first is launched in the US too.
    first, second = (client.create_rcs_agent()["RcsAgentId"] for _ in range(2))
    sms_voice.launch_rcs_agent(first, "CA")
    sms_voice.launch_rcs_agent(second, "US")
    pool_id = pool_of(client, first, {"OriginationIdentity": second})
    send(client, US_DEST, pool_id)
    assert last_sender(sms_voice) == second
    sms_voice.launch_rcs_agent(first, "US")
    send(client, US_DEST, pool_id)
    assert last_sender(sms_voice) == second
    send(client, "+12065550101", pool_id)  # a destination without a pairing: the first agent
    assert last_sender(sms_voice) == first


# -- the sandbox -------------------------------------------------------------------------------


def test_the_sandbox_refuses_an_unverified_destination(
    client: Any, sms_voice: SmsVoiceMock, us_toll_free: dict[str, Any]
) -> None:
    # sandbox.md: in the sandbox messages go only to verified destination phone numbers; the
    # message says why the destination is refused.
    sms_voice.set_sandbox()
    with pytest.raises(ClientError) as caught:
        send(client, US_DEST, us_toll_free["PhoneNumberId"])
    expect_error(
        caught,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
        message=f"{US_DEST} is not a verified destination phone number.",
        resource_type="verified-destination-number",
        resource_id=US_DEST,
    )


# -- a sender ID named bare ----------------------------------------------------------------------


def test_a_bare_sender_id_is_the_one_of_the_destinations_country(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    # SendTextMessage's OriginationIdentity takes a SenderId; the account has it in two
    # countries, and the destination's decides which sends.
    for country in ("DE", "FR"):
        client.request_sender_id(SenderId="MyBrand", IsoCountryCode=country)
    send(client, DE_DEST, "MyBrand")
    send(client, FR_DEST, "MyBrand")
    arns = [m.origination_identity_arn for m in sms_voice.sent_messages]
    assert [str(arn).rsplit(":", 1)[1] for arn in arns] == [
        "sender-id/MyBrand/DE",
        "sender-id/MyBrand/FR",
    ]
    # Of another country only: found, and refused as an identity that cannot reach the country.
    client.request_sender_id(SenderId="OnlyHere", IsoCountryCode="DE")
    with pytest.raises(ClientError) as caught:
        send(client, FR_DEST, "OnlyHere")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        message="of DE cannot send to FR.",
        fields={"DestinationPhoneNumber": "The origination identity cannot reach this country."},
    )
