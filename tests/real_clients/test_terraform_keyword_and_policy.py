"""The Terraform AWS provider's keyword and resource-policy resources, against the mock.

Sources: hashicorp/terraform-provider-aws, ``internal/service/pinpointsmsvoicev2/keyword.go``
and ``resource_policy.go``. The facts carried over:

- Keyword: created and updated by PutKeyword, whose answer has the keyword upper-cased and the
  origination identity as an id (the provider keeps the configured spelling and reference); read
  by DescribeKeywords with one keyword, matched case-insensitively; ``keyword_action`` is never
  sent for HELP and STOP, and deleting them is skipped; delete is DeleteKeyword
  (``ResourceNotFoundException`` taken as done), then DescribeKeywords until not found.
- Resource policy: PutResourcePolicy, then GetResourcePolicy retried while not found; after
  DeleteResourcePolicy, GetResourcePolicy answers 200 with ``Policy`` ``"{}"``, which the
  provider treats as not found.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.installed_model import needs_operations
from tests.real_clients.state_change import NOT_FOUND, not_found, wait_for


def pool(client: Any) -> dict[str, Any]:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberType="SIMULATOR",
        NumberCapabilities=["SMS"],
    )
    made: dict[str, Any] = client.create_pool(
        OriginationIdentity=number["PhoneNumberArn"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    return made


def find_keyword(client: Any, identity: str, keyword: str) -> dict[str, Any] | None:
    """``findKeywordByTwoPartKey``: ``None`` when not found."""
    try:
        pages = client.get_paginator("describe_keywords").paginate(
            OriginationIdentity=identity, Keywords=[keyword]
        )
        listed = [item for page in pages for item in page["Keywords"]]
    except ClientError as error:
        if not_found(error):
            return None
        raise
    return next((k for k in listed if k["Keyword"].casefold() == keyword.casefold()), None)


def keyword_status(client: Any, identity: str, keyword: str) -> dict[str, Any] | None:
    found = find_keyword(client, identity, keyword)
    return None if found is None else {**found, "Status": "EXISTS"}


def test_keyword_create_update_and_delete(client: Any) -> None:
    made = pool(client)
    # Configured as the user wrote it: an ARN and a lower-case keyword.
    identity, keyword = made["PoolArn"], "join"
    put = client.put_keyword(
        OriginationIdentity=identity,
        Keyword=keyword,
        KeywordMessage="Welcome",
        KeywordAction="OPT_IN",
    )
    assert (put["Keyword"], put["OriginationIdentity"]) == ("JOIN", made["PoolId"])
    assert put["OriginationIdentityArn"] == made["PoolArn"]

    found = find_keyword(client, identity, keyword)
    assert found == {"Keyword": "JOIN", "KeywordMessage": "Welcome", "KeywordAction": "OPT_IN"}

    # Update of the message only: keyword_action is Optional+Computed, so the plan sends the
    # action read back (UseStateForUnknown); sent or not, it stays OPT_IN.
    client.put_keyword(OriginationIdentity=identity, Keyword=keyword, KeywordMessage="Hello")
    found = find_keyword(client, identity, keyword)
    assert found is not None and (found["KeywordMessage"], found["KeywordAction"]) == (
        "Hello",
        "OPT_IN",
    )

    client.delete_keyword(OriginationIdentity=identity, Keyword=keyword)
    wait_for(lambda: keyword_status(client, identity, keyword), ("EXISTS",), (NOT_FOUND,))
    with pytest.raises(ClientError) as caught:
        client.delete_keyword(OriginationIdentity=identity, Keyword=keyword)
    assert not_found(caught.value)  # what Delete tolerates


def test_mandatory_keywords_take_a_message_without_an_action(client: Any) -> None:
    made = pool(client)
    for keyword, action in (("HELP", "AUTOMATIC_RESPONSE"), ("stop", "OPT_OUT")):
        put = client.put_keyword(
            OriginationIdentity=made["PoolId"], Keyword=keyword, KeywordMessage="Managed"
        )
        assert (put["Keyword"], put["KeywordAction"]) == (keyword.upper(), action)
    # Delete of a mandatory keyword is skipped by the provider: they stay.
    assert find_keyword(client, made["PoolId"], "help") is not None


def get_policy(client: Any, arn: str) -> dict[str, Any] | None:
    """``findResourcePolicyByARN``: not found on ResourceNotFoundException or ``"{}"``."""
    try:
        got: dict[str, Any] = client.get_resource_policy(ResourceArn=arn)
    except ClientError as error:
        if not_found(error):
            return None
        raise
    return None if got["Policy"] == "{}" else {**got, "Status": "ATTACHED"}


@needs_operations("PutResourcePolicy")
def test_resource_policy_put_read_and_delete(client: Any) -> None:
    arn = client.create_opt_out_list(OptOutListName="shared")["OptOutListArn"]
    assert get_policy(client, arn) is None  # nothing attached yet: "{}"
    policy = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::210987654321:root"},
                    "Action": "sms-voice:DescribeOptOutLists",
                    "Resource": arn,
                }
            ],
        }
    )
    client.put_resource_policy(ResourceArn=arn, Policy=policy)
    read = wait_for(lambda: get_policy(client, arn), (NOT_FOUND,), ("ATTACHED",))
    assert read is not None and json.loads(read["Policy"]) == json.loads(policy)

    client.delete_resource_policy(ResourceArn=arn)
    wait_for(lambda: get_policy(client, arn), ("ATTACHED",), (NOT_FOUND,))
    assert client.get_resource_policy(ResourceArn=arn)["Policy"] == "{}"
