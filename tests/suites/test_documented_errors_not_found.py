"""ResourceNotFoundException for operations whose unknown-reference case had no test yet.

Each row is one call naming something the account does not have; the answer names the kind of
resource (``ResourceType``, an enum value of the model) and the reference as the caller gave it
(``ResourceId``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import expect_error, toll_free_number
from tests.installed_model import country_if_required, needs_operations

US_DEST = "+12065550100"
NO_POOL = "pool-" + "0" * 32
NO_PHONE = "phone-" + "0" * 32
NO_AGENT = "rcs-" + "0" * 32


def pool(client: Any) -> str:
    """A pool of one new number; its id."""
    created = client.create_pool(
        OriginationIdentity=toll_free_number(client)["PhoneNumberId"],
        MessageType="TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    )
    pool_id: str = created["PoolId"]
    return pool_id


Call = Callable[[Any], Any]

CASES: list[Any] = [
    pytest.param(lambda c: c.delete_pool(PoolId=NO_POOL), "pool", NO_POOL, id="DeletePool"),
    pytest.param(
        lambda c: c.list_pool_origination_identities(PoolId=NO_POOL),
        "pool",
        NO_POOL,
        id="ListPoolOriginationIdentities",
    ),
    pytest.param(
        lambda c: c.disassociate_origination_identity(
            PoolId=NO_POOL,
            OriginationIdentity=toll_free_number(c)["PhoneNumberId"],
            **country_if_required("DisassociateOriginationIdentity", "US"),
        ),
        "pool",
        NO_POOL,
        id="DisassociateOriginationIdentity-pool",
    ),
    pytest.param(
        lambda c: c.disassociate_origination_identity(
            PoolId=pool(c),
            OriginationIdentity=NO_PHONE,
            **country_if_required("DisassociateOriginationIdentity", "US"),
        ),
        "phone-number",
        NO_PHONE,
        id="DisassociateOriginationIdentity-identity",
    ),
    pytest.param(
        lambda c: c.update_phone_number(PhoneNumberId=NO_PHONE, DeletionProtectionEnabled=True),
        "phone-number",
        NO_PHONE,
        id="UpdatePhoneNumber",
    ),
    pytest.param(
        lambda c: c.describe_rcs_agents(RcsAgentIds=[NO_AGENT]),
        "rcs-agent",
        NO_AGENT,
        id="DescribeRcsAgents",
        marks=needs_operations("CreateRcsAgent"),
    ),
    pytest.param(
        lambda c: c.describe_notify_templates(TemplateIds=["no-such-template"]),
        "notify-template",
        "no-such-template",
        id="DescribeNotifyTemplates",
        marks=needs_operations("CreateNotifyConfiguration"),
    ),
    pytest.param(
        lambda c: c.send_voice_message(
            DestinationPhoneNumber=US_DEST, OriginationIdentity=NO_PHONE, MessageBody="hi"
        ),
        "phone-number",
        NO_PHONE,
        id="SendVoiceMessage-identity",
    ),
    pytest.param(
        lambda c: c.send_voice_message(
            DestinationPhoneNumber=US_DEST,
            OriginationIdentity=toll_free_number(c)["PhoneNumberId"],
            MessageBody="hi",
            ConfigurationSetName="no-such-set",
        ),
        "configuration-set",
        "no-such-set",
        id="SendVoiceMessage-configuration-set",
    ),
    pytest.param(
        lambda c: c.send_media_message(
            DestinationPhoneNumber=US_DEST,
            OriginationIdentity=NO_POOL,
            MediaUrls=["s3://bucket/a.png"],
        ),
        "pool",
        NO_POOL,
        id="SendMediaMessage-identity",
    ),
    pytest.param(
        lambda c: c.send_media_message(
            DestinationPhoneNumber=US_DEST,
            OriginationIdentity=toll_free_number(c)["PhoneNumberId"],
            MediaUrls=["s3://bucket/a.png"],
            ConfigurationSetName="no-such-set",
        ),
        "configuration-set",
        "no-such-set",
        id="SendMediaMessage-configuration-set",
    ),
]


@pytest.mark.parametrize(("call", "resource_type", "resource_id"), CASES)
def test_an_unknown_reference_is_not_found(
    client: Any, call: Call, resource_type: str, resource_id: str
) -> None:
    with pytest.raises(ClientError) as caught:
        call(client)
    expect_error(
        caught,
        "ResourceNotFoundException",
        message=resource_id,
        resource_type=resource_type,
        resource_id=resource_id,
    )
