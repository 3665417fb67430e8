"""Tags on every taggable resource of issue 3 (phone numbers, sender IDs, pools, opt-out lists):
given at creation, TagResource, UntagResource, ListTagsForResource, and their limits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number
from tests.installed_model import country_if_required

ACCOUNT = "123456789012"
Tags = list[dict[str, str]]


def make_phone_number(client: Any, tags: Tags) -> str:
    arn: str = toll_free_number(client, ("SMS",), registered=False, Tags=tags)["PhoneNumberArn"]
    return arn


def make_sender_id(client: Any, tags: Tags) -> str:
    arn: str = client.request_sender_id(
        SenderId="ACME", IsoCountryCode="ES", MessageTypes=["TRANSACTIONAL"], Tags=tags
    )["SenderIdArn"]
    return arn


def make_pool(client: Any, tags: Tags) -> str:
    phone = make_phone_number(client, [])
    arn: str = client.create_pool(
        OriginationIdentity=phone,
        MessageType="TRANSACTIONAL",
        Tags=tags,
        **country_if_required("CreatePool", "US"),
    )["PoolArn"]
    return arn


def make_opt_out_list(client: Any, tags: Tags) -> str:
    arn: str = client.create_opt_out_list(OptOutListName="marketing", Tags=tags)["OptOutListArn"]
    return arn


MAKERS: dict[str, Callable[[Any, Tags], str]] = {
    "phone-number": make_phone_number,
    "sender-id": make_sender_id,
    "pool": make_pool,
    "opt-out-list": make_opt_out_list,
}
KINDS = list(MAKERS)


def tags_of(client: Any, arn: str) -> dict[str, str]:
    out = client.list_tags_for_resource(ResourceArn=arn)
    assert out["ResourceArn"] == arn
    return {tag["Key"]: tag["Value"] for tag in out["Tags"]}


def many(count: int, prefix: str = "k") -> Tags:
    return [{"Key": f"{prefix}{i}", "Value": str(i)} for i in range(count)]


@pytest.mark.parametrize("kind", KINDS)
def test_tags_given_at_creation_are_listed(client: Any, kind: str) -> None:
    arn = MAKERS[kind](client, [{"Key": "team", "Value": "growth"}, {"Key": "env", "Value": ""}])
    assert f":{kind}/" in arn
    assert tags_of(client, arn) == {"team": "growth", "env": ""}


@pytest.mark.parametrize("kind", KINDS)
def test_a_resource_made_without_tags_has_none(client: Any, kind: str) -> None:
    arn = MAKERS[kind](client, [])
    assert tags_of(client, arn) == {}


@pytest.mark.parametrize("kind", KINDS)
def test_tag_and_untag_resource(client: Any, kind: str) -> None:
    arn = MAKERS[kind](client, [{"Key": "team", "Value": "growth"}])
    client.tag_resource(
        ResourceArn=arn, Tags=[{"Key": "team", "Value": "ops"}, {"Key": "cost", "Value": "42"}]
    )
    assert tags_of(client, arn) == {"team": "ops", "cost": "42"}
    client.untag_resource(ResourceArn=arn, TagKeys=["team", "not-there"])
    assert tags_of(client, arn) == {"cost": "42"}


@pytest.mark.parametrize("kind", KINDS)
def test_tags_per_resource_quota_on_tag_resource(
    client: Any, sms_voice: SmsVoiceMock, kind: str
) -> None:
    sms_voice.set_quota("TAGS_PER_RESOURCE", 3)
    arn = MAKERS[kind](client, many(2))
    # Overwriting a key does not count twice.
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "k0", "Value": "new"}, *many(1, "x")])
    with pytest.raises(ClientError) as caught:
        client.tag_resource(ResourceArn=arn, Tags=many(1, "y"))
    expect_error(caught, "ServiceQuotaExceededException", "TAGS_PER_RESOURCE")
    assert tags_of(client, arn) == {"k0": "new", "k1": "1", "x0": "0"}


@pytest.mark.parametrize("kind", KINDS)
def test_tags_per_resource_quota_at_creation(
    client: Any, sms_voice: SmsVoiceMock, kind: str
) -> None:
    sms_voice.set_quota("TAGS_PER_RESOURCE", 2)
    with pytest.raises(ClientError) as caught:
        MAKERS[kind](client, many(3))
    expect_error(caught, "ServiceQuotaExceededException", "TAGS_PER_RESOURCE")


def test_two_hundred_tags_by_default(client: Any) -> None:
    arn = make_opt_out_list(client, many(150))
    client.tag_resource(ResourceArn=arn, Tags=many(50, "more"))
    assert len(tags_of(client, arn)) == 200
    with pytest.raises(ClientError) as caught:
        client.tag_resource(ResourceArn=arn, Tags=[{"Key": "one-more", "Value": "x"}])
    expect_error(caught, "ServiceQuotaExceededException", "TAGS_PER_RESOURCE")


def test_more_than_200_tags_in_one_request_is_invalid(client: Any) -> None:
    arn = make_opt_out_list(client, [])
    with pytest.raises(ClientError) as caught:
        client.tag_resource(ResourceArn=arn, Tags=many(201))
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"Tags": "Member must have length less than or equal to 200"},
    )


@pytest.mark.parametrize(
    ("tag", "reason", "fields"),
    [
        (
            {"Key": "aws:reserved", "Value": "x"},
            "INVALID_PARAMETER",
            {"Tags[0].Key": "The aws: prefix is reserved"},
        ),
        (
            {"Key": "AWS:Reserved", "Value": "x"},
            "INVALID_PARAMETER",
            {"Tags[0].Key": "The aws: prefix is reserved"},
        ),
        (
            {"Key": "k" * 129, "Value": "x"},
            "FIELD_VALIDATION_FAILED",
            {"Tags[0].Key": "less than or equal to 128"},
        ),
        (
            {"Key": "k", "Value": "v" * 257},
            "FIELD_VALIDATION_FAILED",
            {"Tags[0].Value": "less than or equal to 256"},
        ),
    ],
)
def test_invalid_tags_are_refused(
    client: Any, tag: dict[str, str], reason: str, fields: dict[str, str]
) -> None:
    arn = make_opt_out_list(client, [])
    with pytest.raises(ClientError) as caught:
        client.tag_resource(ResourceArn=arn, Tags=[tag])
    expect_error(caught, "ValidationException", reason, fields=fields)
    assert tags_of(client, arn) == {}


def test_a_reserved_key_at_creation_creates_nothing(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        make_opt_out_list(client, [{"Key": "aws:x", "Value": "y"}])
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        message="Tag keys starting with aws: are reserved for AWS use",
        fields={"Tags[0].Key": "The aws: prefix is reserved"},
    )
    names = [i["OptOutListName"] for i in client.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default"]


@pytest.mark.parametrize(
    ("resource", "resource_type", "resource_id"),
    [
        ("phone-number/phone-" + "0" * 32, "phone-number", "phone-" + "0" * 32),
        ("sender-id/NOPE/GB", "sender-id", "NOPE/GB"),
        ("pool/pool-" + "0" * 32, "pool", "pool-" + "0" * 32),
        ("opt-out-list/missing", "opt-out-list", "missing"),
    ],
)
@pytest.mark.parametrize("operation", ["list", "tag", "untag"])
def test_unknown_arn_is_not_found(
    client: Any, resource: str, resource_type: str, resource_id: str, operation: str
) -> None:
    arn = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:{resource}"
    calls = {
        "list": lambda: client.list_tags_for_resource(ResourceArn=arn),
        "tag": lambda: client.tag_resource(ResourceArn=arn, Tags=[{"Key": "k", "Value": "v"}]),
        "untag": lambda: client.untag_resource(ResourceArn=arn, TagKeys=["k"]),
    }
    with pytest.raises(ClientError) as caught:
        calls[operation]()
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type=resource_type,
        resource_id=resource_id,
    )


def test_an_arn_of_no_taggable_kind_is_invalid(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.list_tags_for_resource(ResourceArn=f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:thing/x")
    expect_error(
        caught, "ValidationException", "INVALID_ARN", fields={"ResourceArn": "Invalid ARN"}
    )


def test_a_deleted_resource_has_no_tags(client: Any) -> None:
    arn = make_opt_out_list(client, [{"Key": "a", "Value": "b"}])
    client.delete_opt_out_list(OptOutListName="marketing")
    with pytest.raises(ClientError) as caught:
        client.list_tags_for_resource(ResourceArn=arn)
    expect_error(
        caught, "ResourceNotFoundException", resource_type="opt-out-list", resource_id="marketing"
    )


def test_another_regions_arn_is_not_found_here(client: Any) -> None:
    arn = make_opt_out_list(client, [{"Key": "a", "Value": "b"}])
    elsewhere = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    with pytest.raises(ClientError) as caught:
        elsewhere.list_tags_for_resource(ResourceArn=arn)
    expect_error(
        caught, "ResourceNotFoundException", resource_type="opt-out-list", resource_id="marketing"
    )


def test_the_default_opt_out_list_can_be_tagged(client: Any) -> None:
    arn = client.describe_opt_out_lists()["OptOutLists"][0]["OptOutListArn"]
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "b"}])
    assert tags_of(client, arn) == {"a": "b"}


def test_the_default_opt_out_list_can_be_tagged_before_first_use(client: Any) -> None:
    arn = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:opt-out-list/Default"
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "b"}])
    assert tags_of(client, arn) == {"a": "b"}
