"""Resource-based policies through boto3: a round trip, the shareable resource kinds, and the
documented errors."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from tests.helpers import expect_error
from tests.installed_model import needs_operations

pytestmark = needs_operations("PutResourcePolicy")

ACCOUNT = "123456789012"


def policy_for(arn: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "ShareWithPartner",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::210987654321:root"},
                    "Action": ["sms-voice:SendTextMessage", "sms-voice:DescribeOptOutLists"],
                    "Resource": arn,
                }
            ],
        }
    )


def opt_out_list_arn(client: Any, name: str = "marketing") -> str:
    arn: str = client.create_opt_out_list(OptOutListName=name)["OptOutListArn"]
    return arn


def test_round_trip(client: Any) -> None:
    arn = opt_out_list_arn(client)
    policy = policy_for(arn)
    with freeze_time("2026-03-01T12:00:00Z"):
        put = client.put_resource_policy(ResourceArn=arn, Policy=policy)
    assert put["ResourceArn"] == arn
    assert put["Policy"] == policy
    assert put["CreatedTimestamp"] == datetime.fromisoformat("2026-03-01T12:00:00+00:00")

    got = client.get_resource_policy(ResourceArn=arn)
    assert (got["ResourceArn"], got["Policy"], got["CreatedTimestamp"]) == (
        arn,
        policy,
        put["CreatedTimestamp"],
    )

    deleted = client.delete_resource_policy(ResourceArn=arn)
    assert deleted["Policy"] == policy
    # Changed: once deleted, AWS answers 200 with Policy "{}" (Terraform provider,
    # resource_policy.go), not ResourceNotFoundException as this test asserted before.
    after = client.get_resource_policy(ResourceArn=arn)
    assert (after["ResourceArn"], after["Policy"]) == (arn, "{}")
    assert "CreatedTimestamp" not in after
    with pytest.raises(ClientError) as exc:
        client.delete_resource_policy(ResourceArn=arn)
    expect_error(exc, "ResourceNotFoundException", resource_type="policy", resource_id=arn)


def test_a_resource_never_given_a_policy_answers_an_empty_one(client: Any) -> None:
    arn = opt_out_list_arn(client)
    assert client.get_resource_policy(ResourceArn=arn)["Policy"] == "{}"


def test_put_replaces_and_keeps_the_creation_time(client: Any) -> None:
    arn = opt_out_list_arn(client)
    with freeze_time("2026-03-01T12:00:00Z"):
        first = client.put_resource_policy(ResourceArn=arn, Policy=policy_for(arn))
    replacement = json.dumps({"Version": "2012-10-17", "Statement": []})
    with freeze_time("2026-03-02T12:00:00Z"):
        second = client.put_resource_policy(ResourceArn=arn, Policy=replacement)
    assert second["Policy"] == replacement
    assert second["CreatedTimestamp"] == first["CreatedTimestamp"]


def test_policy_goes_with_its_resource(client: Any) -> None:
    arn = opt_out_list_arn(client)
    client.put_resource_policy(ResourceArn=arn, Policy=policy_for(arn))
    client.delete_opt_out_list(OptOutListName="marketing")
    with pytest.raises(ClientError) as exc:
        client.get_resource_policy(ResourceArn=arn)
    expect_error(
        exc, "ResourceNotFoundException", resource_type="opt-out-list", resource_id="marketing"
    )
    # The same name again is a new resource with the same ARN, and no policy ("{}").
    assert opt_out_list_arn(client) == arn
    assert client.get_resource_policy(ResourceArn=arn)["Policy"] == "{}"


def test_pool_and_phone_number_take_policies(client: Any) -> None:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberArn"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    for arn in (number["PhoneNumberArn"], pool["PoolArn"]):
        client.put_resource_policy(ResourceArn=arn, Policy=policy_for(arn))
        assert client.get_resource_policy(ResourceArn=arn)["ResourceArn"] == arn


@pytest.mark.parametrize(
    "kind",
    ["configuration-set", "protect-configuration", "registration", "rcs-agent"],
)
def test_other_resource_kinds_are_invalid_arns(client: Any, kind: str) -> None:
    arn = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:{kind}/x-123"
    for call in (
        lambda: client.put_resource_policy(ResourceArn=arn, Policy=policy_for(arn)),
        lambda: client.get_resource_policy(ResourceArn=arn),
        lambda: client.delete_resource_policy(ResourceArn=arn),
    ):
        with pytest.raises(ClientError) as exc:
            call()
        expect_error(
            exc,
            "ValidationException",
            "INVALID_ARN",
            fields={"ResourceArn": "Not the ARN of a shareable resource"},
        )


@pytest.mark.parametrize(
    "operation", ["put_resource_policy", "get_resource_policy", "delete_resource_policy"]
)
def test_unknown_resource_is_not_found(client: Any, operation: str) -> None:
    arn = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:pool/pool-0123456789abcdef"
    kwargs = {"Policy": policy_for(arn)} if operation == "put_resource_policy" else {}
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(ResourceArn=arn, **kwargs)
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="pool",
        resource_id="pool-0123456789abcdef",
    )


def test_delete_without_a_policy_is_not_found(client: Any) -> None:
    arn = opt_out_list_arn(client)
    with pytest.raises(ClientError) as exc:
        client.delete_resource_policy(ResourceArn=arn)
    expect_error(
        exc,
        "ResourceNotFoundException",
        resource_type="policy",
        resource_id="arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/marketing",
    )


@pytest.mark.parametrize(
    ("policy", "reason", "said"),
    [
        ("{not json", "CANNOT_PARSE", "must be a valid JSON document"),
        ('["Statement"]', "INVALID_PARAMETER", "must be a JSON object with a Statement"),
        (
            '{"Version": "2012-10-17"}',
            "INVALID_PARAMETER",
            "must be a JSON object with a Statement",
        ),
    ],
)
def test_policy_must_be_a_json_policy_document(
    client: Any, policy: str, reason: str, said: str
) -> None:
    arn = opt_out_list_arn(client)
    with pytest.raises(ClientError) as exc:
        client.put_resource_policy(ResourceArn=arn, Policy=policy)
    expect_error(exc, "ValidationException", reason, fields={"Policy": said})


def test_policy_length_is_limited_by_the_model(client: Any) -> None:
    arn = opt_out_list_arn(client)
    # Within the model's 10,000 characters, a valid document passes; one more fails (botocore
    # itself refuses an empty policy before sending).
    padded = json.dumps({"Statement": [], "Sid": "x" * 9970})
    assert len(padded) <= 10000
    client.put_resource_policy(ResourceArn=arn, Policy=padded)
    with pytest.raises(ClientError) as exc:
        client.put_resource_policy(ResourceArn=arn, Policy=padded + " " * (10001 - len(padded)))
    expect_error(
        exc,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"Policy": "Member must have length less than or equal to 10000"},
    )
