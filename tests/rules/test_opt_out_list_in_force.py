"""Which opt-out list a send honours (opt-out-list.md: "If a phone number is in the opt-out list
then the message is not sent"): a pool's own list when the pool is named, also when it sends on
a shared route with no member of its own; the chosen number's list when no identity is named;
and the account's ``Default`` list when the message goes out on a shared route or as the
configuration set's default sender ID, with no identity of the account."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import country_if_required

US_DEST = "+12065550100"
GB_DEST = "+447700900123"


def opted_out(caught: pytest.ExceptionInfo[ClientError], destination: str, list_name: str) -> None:
    expect_error(
        caught,
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        message=f"{destination} is opted out of the opt-out list {list_name}.",
        resource_type="opted-out-number",
        resource_id=destination,
    )


def test_a_pool_on_a_shared_route_honours_its_list(client: Any, sms_voice: SmsVoiceMock) -> None:
    # The pool has no British number: with shared routes it sends to Britain on the service's
    # own identities, under the pool's opt-out list still.
    number = toll_free_number(client, ("SMS",))
    pool_id = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )["PoolId"]
    client.create_opt_out_list(OptOutListName="pool-list")
    client.update_pool(PoolId=pool_id, OptOutListName="pool-list", SharedRoutesEnabled=True)
    client.put_opted_out_number(OptOutListName="pool-list", OptedOutNumber=GB_DEST)
    with pytest.raises(ClientError) as caught:
        client.send_text_message(
            DestinationPhoneNumber=GB_DEST, OriginationIdentity=pool_id, MessageBody="hi"
        )
    opted_out(caught, GB_DEST, "pool-list")
    client.send_text_message(
        DestinationPhoneNumber="+447700900124", OriginationIdentity=pool_id, MessageBody="hi"
    )
    [sent] = sms_voice.sent_messages
    assert (sent.destination_country, sent.origination_identity) == ("GB", None)


def test_the_chosen_number_honours_its_list(client: Any) -> None:
    number = toll_free_number(client, ("SMS",))
    client.create_opt_out_list(OptOutListName="number-list")
    client.update_phone_number(PhoneNumberId=number["PhoneNumberId"], OptOutListName="number-list")
    client.put_opted_out_number(OptOutListName="number-list", OptedOutNumber=US_DEST)
    with pytest.raises(ClientError) as caught:
        client.send_text_message(DestinationPhoneNumber=US_DEST, MessageBody="hi")
    opted_out(caught, US_DEST, "number-list")


@pytest.mark.parametrize("configuration_set", [None, "cs"])
def test_a_send_without_an_identity_honours_the_default_list(
    client: Any, configuration_set: str | None
) -> None:
    # With no identity of its own the message goes on a shared route (or as the configuration
    # set's default sender ID), under the account's Default list.
    extra: dict[str, Any] = {}
    if configuration_set is not None:
        client.create_configuration_set(ConfigurationSetName=configuration_set)
        client.set_default_sender_id(ConfigurationSetName=configuration_set, SenderId="ACME")
        extra["ConfigurationSetName"] = configuration_set
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=GB_DEST)
    with pytest.raises(ClientError) as caught:
        client.send_text_message(DestinationPhoneNumber=GB_DEST, MessageBody="hi", **extra)
    opted_out(caught, GB_DEST, "Default")
