"""Pools and their origination identities, through boto3."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from tests.helpers import expect_error
from tests.installed_model import (
    country_if_required,
    needs_members,
    needs_operations,
    needs_optional,
)
from tests.registration_data import register_toll_free

ACCOUNT = "123456789012"
POOL_ARN = re.compile(rf"arn:aws:sms-voice:us-east-1:{ACCOUNT}:pool/(pool-[0-9a-f]{{32}})")
CHANNEL = f"arn:aws:sns:us-east-1:{ACCOUNT}:inbound-sms"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def number(client: Any, **settings: Any) -> dict[str, Any]:
    """A US toll-free number for transactional SMS (or as ``settings`` say)."""
    request = {
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "NumberCapabilities": ["SMS"],
        "NumberType": "TOLL_FREE",
    }
    request.update(settings)
    response: dict[str, Any] = client.request_phone_number(**request)
    return response


def active_number(client: Any, **settings: Any) -> dict[str, Any]:
    """A US toll-free number as :func:`number` makes it, with its registration approved: it is
    ``ACTIVE`` and can be updated (a toll-free number is ``PENDING`` until then)."""
    phone = number(client, **settings)
    register_toll_free(client, phone["PhoneNumberId"])
    return phone


def sender_id(client: Any, name: str = "ACME", country: str = "ES") -> dict[str, Any]:
    response: dict[str, Any] = client.request_sender_id(
        SenderId=name, IsoCountryCode=country, MessageTypes=["TRANSACTIONAL"]
    )
    return response


def new_pool(client: Any, identity: str | None = None, **settings: Any) -> dict[str, Any]:
    """A transactional pool made from ``identity`` (a new number when not given; a US one is
    assumed where the installed model requires ``IsoCountryCode``)."""
    if identity is None:
        identity = number(client)["PhoneNumberId"]
    request = {
        "OriginationIdentity": identity,
        "MessageType": "TRANSACTIONAL",
        **country_if_required("CreatePool", "US"),
    }
    request.update(settings)
    response: dict[str, Any] = client.create_pool(**request)
    return response


def pool_of(client: Any, phone_number_id: str) -> str | None:
    found = client.describe_phone_numbers(PhoneNumberIds=[phone_number_id])["PhoneNumbers"][0]
    pool_id: str | None = found.get("PoolId")
    return pool_id


def members(client: Any, pool_id: str) -> list[str]:
    listed = client.list_pool_origination_identities(PoolId=pool_id)["OriginationIdentities"]
    return [m["OriginationIdentity"] for m in listed]


# -- CreatePool ------------------------------------------------------------------------------


@freeze_time(T0)
def test_create_pool_from_a_phone_number(client: Any) -> None:
    phone = number(client)
    created = new_pool(client, phone["PhoneNumberId"], IsoCountryCode="US")
    match = POOL_ARN.fullmatch(created["PoolArn"])
    assert match is not None and match.group(1) == created["PoolId"]
    assert created["Status"] == "CREATING"
    assert created["MessageType"] == "TRANSACTIONAL"
    assert created["OptOutListName"] == "Default"
    assert created["TwoWayEnabled"] is False
    assert created["SelfManagedOptOutsEnabled"] is False
    assert created["SharedRoutesEnabled"] is False
    assert created["DeletionProtectionEnabled"] is False
    assert created["CreatedTimestamp"] == T0
    described = client.describe_pools()["Pools"]
    assert [p["PoolId"] for p in described] == [created["PoolId"]]
    assert described[0]["Status"] == "ACTIVE"
    assert pool_of(client, phone["PhoneNumberId"]) == created["PoolId"]
    assert members(client, created["PoolId"]) == [phone["PhoneNumberId"]]


def test_create_pool_takes_the_numbers_settings_but_not_its_deletion_protection(
    client: Any,
) -> None:
    client.create_opt_out_list(OptOutListName="custom")
    phone = active_number(client, OptOutListName="custom", DeletionProtectionEnabled=True)
    client.update_phone_number(
        PhoneNumberId=phone["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
        SelfManagedOptOutsEnabled=True,
    )
    created = new_pool(client, phone["PhoneNumberArn"])
    assert created["OptOutListName"] == "custom"
    assert created["TwoWayEnabled"] is True
    assert created["TwoWayChannelArn"] == CHANNEL
    assert created["SelfManagedOptOutsEnabled"] is True
    assert created["DeletionProtectionEnabled"] is False


@pytest.mark.parametrize("form", ["arn", "bare", "id"])
def test_create_pool_from_a_sender_id(client: Any, form: str) -> None:
    sender = sender_id(client)
    ref = {"arn": sender["SenderIdArn"], "bare": "ACME", "id": "ACME/ES"}[form]
    created = new_pool(client, ref, IsoCountryCode="ES")
    listed = client.list_pool_origination_identities(PoolId=created["PoolId"])
    assert listed["OriginationIdentities"] == [
        {
            "OriginationIdentityArn": sender["SenderIdArn"],
            "OriginationIdentity": "ACME",
            "IsoCountryCode": "ES",
            "NumberCapabilities": ["SMS"],
        }
    ]
    assert created["OptOutListName"] == "Default"


@needs_optional("CreatePool", "IsoCountryCode")
def test_create_pool_from_a_sender_id_needs_its_country(client: Any) -> None:
    sender = sender_id(client)
    with pytest.raises(ClientError) as caught:
        new_pool(client, sender["SenderId"])
    expect_error(
        caught,
        "ValidationException",
        "MISSING_PARAMETER",
        fields={"IsoCountryCode": "Required for a sender ID"},
    )


@needs_optional("CreatePool", "IsoCountryCode")
def test_create_pool_from_a_sender_id_arn_needs_the_calls_country(client: Any) -> None:
    # Changed from MISSING_PARAMETER: AWS answers INVALID_ARN on the field senderId for a sender
    # ID ARN without IsoCountryCode (Terraform provider, pool_test.go, multipleCountries).
    sender = sender_id(client)
    with pytest.raises(ClientError) as caught:
        new_pool(client, sender["SenderIdArn"])
    expect_error(
        caught,
        "ValidationException",
        "INVALID_ARN",
        fields={"senderId": "needs the IsoCountryCode of the call"},
    )
    made = new_pool(client, sender["SenderIdArn"], IsoCountryCode=sender["IsoCountryCode"])
    assert made["Status"] in ("CREATING", "ACTIVE")


def test_create_pool_country_must_be_the_identitys(client: Any) -> None:
    phone = number(client)
    with pytest.raises(ClientError) as caught:
        new_pool(client, phone["PhoneNumberId"], IsoCountryCode="CA")
    expect_error(
        caught,
        "ValidationException",
        "COUNTRY_CODE_MISMATCH",
        fields={"IsoCountryCode": "The origination identity is in US."},
    )


def test_a_sender_id_in_another_country_is_not_found(client: Any) -> None:
    sender_id(client)
    with pytest.raises(ClientError) as caught:
        new_pool(client, "ACME", IsoCountryCode="FR")
    expect_error(caught, "ResourceNotFoundException", resource_type="sender-id", resource_id="ACME")


@pytest.mark.parametrize(
    ("ref", "resource_type"),
    [
        ("phone-" + "0" * 32, "phone-number"),
        (f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:phone-number/phone-{'1' * 32}", "phone-number"),
        ("NOSUCHID", "sender-id"),
        (f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:sender-id/NOSUCHID/ES", "sender-id"),
    ],
)
def test_create_pool_from_an_unknown_identity_is_not_found(
    client: Any, ref: str, resource_type: str
) -> None:
    with pytest.raises(ClientError) as caught:
        new_pool(client, ref, IsoCountryCode="ES" if resource_type == "sender-id" else "US")
    expect_error(caught, "ResourceNotFoundException", resource_type=resource_type, resource_id=ref)


def test_create_pool_with_another_message_type_conflicts(client: Any) -> None:
    phone = number(client)
    with pytest.raises(ClientError) as caught:
        new_pool(client, phone["PhoneNumberId"], MessageType="PROMOTIONAL")
    expect_error(
        caught,
        "ConflictException",
        "MESSAGE_TYPE_MISMATCH",
        resource_type="phone-number",
        resource_id=phone["PhoneNumberId"],
    )


def test_a_promotional_pool_from_a_simulator_number_is_not_found(client: Any) -> None:
    # The Terraform provider's Pool_MessageType acceptance test (last step, against AWS) expects
    # ResourceNotFoundException here, not the MESSAGE_TYPE_MISMATCH conflict of other numbers.
    simulator = number(client, NumberType="SIMULATOR")
    with pytest.raises(ClientError) as caught:
        new_pool(client, simulator["PhoneNumberArn"], MessageType="PROMOTIONAL")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="phone-number",
        resource_id=simulator["PhoneNumberArn"],
    )
    made = new_pool(client, simulator["PhoneNumberArn"], IsoCountryCode="US")
    assert made["MessageType"] == "TRANSACTIONAL"


def test_a_promotional_simulator_number_is_still_refused(client: Any) -> None:
    # RequestPhoneNumber: "When you request a SIMULATOR phone number, you must set MessageType
    # as TRANSACTIONAL."
    with pytest.raises(ClientError) as caught:
        number(client, NumberType="SIMULATOR", MessageType="PROMOTIONAL")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"MessageType": "Must be TRANSACTIONAL for a SIMULATOR"},
    )


def test_a_number_in_a_pool_cannot_make_another(client: Any) -> None:
    phone = number(client)
    new_pool(client, phone["PhoneNumberId"])
    with pytest.raises(ClientError) as caught:
        new_pool(client, phone["PhoneNumberId"])
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_ASSOCIATED",
        resource_type="phone-number",
        resource_id=phone["PhoneNumberId"],
    )


def test_a_sender_id_can_be_in_several_pools(client: Any) -> None:
    sender_id(client)
    first = new_pool(client, "ACME", IsoCountryCode="ES")
    second = new_pool(client, "ACME", IsoCountryCode="ES")
    assert members(client, first["PoolId"]) == members(client, second["PoolId"]) == ["ACME"]


def test_pool_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("POOLS_PER_ACCOUNT", 1)
    new_pool(client)
    phone = number(client)
    with pytest.raises(ClientError) as caught:
        new_pool(client, phone["PhoneNumberId"])
    expect_error(caught, "ServiceQuotaExceededException", "POOLS_PER_ACCOUNT")
    assert pool_of(client, phone["PhoneNumberId"]) is None


CHANGES: dict[str, Any] = {
    "delete_pool": lambda client, pool_id: client.delete_pool(PoolId=pool_id),
    "update_pool": lambda client, pool_id: client.update_pool(
        PoolId=pool_id, SharedRoutesEnabled=True
    ),
    "associate_origination_identity": lambda client, pool_id: client.associate_origination_identity(
        PoolId=pool_id,
        OriginationIdentity=number(client)["PhoneNumberId"],
        **country_if_required("AssociateOriginationIdentity", "US"),
    ),
    "disassociate_origination_identity": lambda client, pool_id: (
        client.disassociate_origination_identity(
            PoolId=pool_id,
            OriginationIdentity=members(client, pool_id)[0],
            **country_if_required("DisassociateOriginationIdentity", "US"),
        )
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_creating_pool_cannot_change_until_active(
    client: Any, sms_voice: SmsVoiceMock, change: str
) -> None:
    sms_voice.set_lifecycle("pool", "manual")
    pool_id = new_pool(client)["PoolId"]
    assert client.describe_pools()["Pools"][0]["Status"] == "CREATING"
    with pytest.raises(ClientError) as caught:
        CHANGES[change](client, pool_id)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        resource_type="pool",
        resource_id=pool_id,
    )
    sms_voice.advance("pool", pool_id)
    assert client.describe_pools()["Pools"][0]["Status"] == "ACTIVE"


def test_pool_status_moves_with_the_clock_in_after_mode(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    sms_voice.set_lifecycle("pool", "after", seconds=60)
    with freeze_time(T0) as clock:
        new_pool(client)
        clock.tick(timedelta(seconds=59))
        assert client.describe_pools()["Pools"][0]["Status"] == "CREATING"
        clock.tick(timedelta(seconds=1))
        assert client.describe_pools()["Pools"][0]["Status"] == "ACTIVE"


# -- DescribePools ---------------------------------------------------------------------------


def test_describe_pools_by_id_and_arn(client: Any) -> None:
    a, b = new_pool(client), new_pool(client)
    found = client.describe_pools(PoolIds=[b["PoolArn"], a["PoolId"]])["Pools"]
    assert [p["PoolId"] for p in found] == [b["PoolId"], a["PoolId"]]


def test_describe_unknown_pool_is_not_found(client: Any) -> None:
    missing = "pool-" + "f" * 32
    with pytest.raises(ClientError) as caught:
        client.describe_pools(PoolIds=[missing])
    expect_error(caught, "ResourceNotFoundException", resource_type="pool", resource_id=missing)


@needs_members("DescribePoolsRequest", "Owner")
def test_describe_pools_owner_and_ids_together_is_invalid(client: Any) -> None:
    pool_id = new_pool(client)["PoolId"]
    with pytest.raises(ClientError) as caught:
        client.describe_pools(PoolIds=[pool_id], Owner="SELF")
    expect_error(
        caught,
        "ValidationException",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        fields={"Owner": "Cannot be used with PoolIds", "PoolIds": "Cannot be used with Owner"},
    )


@needs_members("DescribePoolsRequest", "Owner")
@pytest.mark.parametrize(("owner", "expected"), [("SELF", 1), ("SHARED", 0)])
def test_describe_pools_by_owner(client: Any, owner: str, expected: int) -> None:
    new_pool(client)
    assert len(client.describe_pools(Owner=owner)["Pools"]) == expected


@pytest.fixture
def two_pools(client: Any) -> tuple[str, str]:
    """A plain pool, and one with every setting changed from the defaults."""
    plain = new_pool(client)["PoolId"]
    client.create_opt_out_list(OptOutListName="custom")
    changed = new_pool(client)["PoolId"]
    client.update_pool(
        PoolId=changed,
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
        SelfManagedOptOutsEnabled=True,
        OptOutListName="custom",
        SharedRoutesEnabled=True,
        DeletionProtectionEnabled=True,
    )
    return plain, changed


@pytest.mark.parametrize(
    ("name", "values", "which"),
    [
        ("status", ["ACTIVE"], "both"),
        ("status", ["CREATING", "DELETING"], "none"),
        ("message-type", ["TRANSACTIONAL"], "both"),
        ("message-type", ["PROMOTIONAL"], "none"),
        ("two-way-enabled", ["true"], "changed"),
        ("self-managed-opt-outs-enabled", ["false"], "plain"),
        ("opt-out-list-name", ["custom"], "changed"),
        ("opt-out-list-name", ["Default", "custom"], "both"),
        ("shared-routes-enabled", ["true"], "changed"),
        ("deletion-protection-enabled", ["false"], "plain"),
        ("two-way-channel-arn", [CHANNEL], "changed"),
    ],
)
def test_describe_pools_filters(
    client: Any, two_pools: tuple[str, str], name: str, values: list[str], which: str
) -> None:
    plain, changed = two_pools
    expected = {"both": [plain, changed], "none": [], "plain": [plain], "changed": [changed]}
    found = client.describe_pools(Filters=[{"Name": name, "Values": values}])["Pools"]
    assert [p["PoolId"] for p in found] == expected[which]


def test_describe_pools_filters_combine_with_and(client: Any, two_pools: tuple[str, str]) -> None:
    filters = [
        {"Name": "two-way-enabled", "Values": ["true"]},
        {"Name": "opt-out-list-name", "Values": ["Default"]},
    ]
    assert client.describe_pools(Filters=filters)["Pools"] == []


def test_describe_pools_boolean_filter_takes_true_or_false(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_pools(Filters=[{"Name": "two-way-enabled", "Values": ["yes"]}])
    expect_error(
        caught,
        "ValidationException",
        "INVALID_FILTER_VALUES",
        fields={"Filters[0].Values": "true or false"},
        message="two-way-enabled",
    )


def test_describe_pools_pages(client: Any) -> None:
    made = [new_pool(client)["PoolId"] for _ in range(5)]
    first = client.describe_pools(MaxResults=2)
    assert len(first["Pools"]) == 2
    pages = client.get_paginator("describe_pools").paginate(PaginationConfig={"PageSize": 2})
    assert [p["PoolId"] for page in pages for p in page["Pools"]] == made
    with pytest.raises(ClientError) as caught:
        client.describe_pools(NextToken="forged")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_NEXT_TOKEN",
        fields={"NextToken": "Invalid next token"},
        message="The NextToken is not valid for this request",
    )


# -- UpdatePool ------------------------------------------------------------------------------


def test_update_pool(client: Any) -> None:
    created = new_pool(client)
    client.create_opt_out_list(OptOutListName="custom")
    list_arn = client.describe_opt_out_lists(OptOutListNames=["custom"])["OptOutLists"][0][
        "OptOutListArn"
    ]
    updated = client.update_pool(
        PoolId=created["PoolArn"],
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
        TwoWayChannelRole=f"arn:aws:iam::{ACCOUNT}:role/inbound",
        SelfManagedOptOutsEnabled=True,
        OptOutListName=list_arn,
        SharedRoutesEnabled=True,
        DeletionProtectionEnabled=True,
    )
    assert updated["PoolId"] == created["PoolId"]
    assert updated["OptOutListName"] == "custom"
    assert updated["TwoWayEnabled"] and updated["SelfManagedOptOutsEnabled"]
    assert updated["SharedRoutesEnabled"] and updated["DeletionProtectionEnabled"]
    assert updated["TwoWayChannelRole"] == f"arn:aws:iam::{ACCOUNT}:role/inbound"
    assert client.describe_pools()["Pools"][0]["OptOutListName"] == "custom"


def test_update_pool_settings_reach_its_numbers(client: Any) -> None:
    phone = active_number(client)
    created = new_pool(client, phone["PhoneNumberId"])
    client.create_opt_out_list(OptOutListName="custom")
    client.update_pool(
        PoolId=created["PoolId"],
        OptOutListName="custom",
        SelfManagedOptOutsEnabled=True,
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
    )
    described = client.describe_phone_numbers(PhoneNumberIds=[phone["PhoneNumberId"]])
    member = described["PhoneNumbers"][0]
    assert member["OptOutListName"] == "custom"
    assert member["SelfManagedOptOutsEnabled"] is True
    assert (member["TwoWayEnabled"], member["TwoWayChannelArn"]) == (True, CHANNEL)
    # So the pool and its numbers still match: a number like them can join.
    later = active_number(client, OptOutListName="custom")
    client.update_phone_number(
        PhoneNumberId=later["PhoneNumberId"],
        SelfManagedOptOutsEnabled=True,
        TwoWayEnabled=True,
        TwoWayChannelArn=CHANNEL,
    )
    client.associate_origination_identity(
        PoolId=created["PoolId"],
        OriginationIdentity=later["PhoneNumberId"],
        **country_if_required("AssociateOriginationIdentity", "US"),
    )


def test_update_pool_two_way_needs_a_channel(client: Any) -> None:
    pool_id = new_pool(client)["PoolId"]
    with pytest.raises(ClientError) as caught:
        client.update_pool(PoolId=pool_id, TwoWayEnabled=True)
    expect_error(
        caught,
        "ValidationException",
        "TWO_WAY_CHANNEL_NOT_PRESENT",
        fields={"TwoWayChannelArn": "Required when TwoWayEnabled is true"},
    )


def test_update_pool_leaves_unnamed_settings_alone(client: Any) -> None:
    created = new_pool(client)
    client.update_pool(PoolId=created["PoolId"], DeletionProtectionEnabled=True)
    updated = client.update_pool(PoolId=created["PoolId"], SharedRoutesEnabled=True)
    assert updated["DeletionProtectionEnabled"] is True


@pytest.mark.parametrize(
    ("request_", "resource_type"),
    [
        ({"PoolId": "pool-" + "a" * 32}, "pool"),
        ({"OptOutListName": "missing"}, "opt-out-list"),
    ],
)
def test_update_pool_with_unknown_references_is_not_found(
    client: Any, request_: dict[str, str], resource_type: str
) -> None:
    params = {"PoolId": new_pool(client)["PoolId"], **request_}
    with pytest.raises(ClientError) as caught:
        client.update_pool(**params)
    [missing] = request_.values()
    expect_error(
        caught, "ResourceNotFoundException", resource_type=resource_type, resource_id=missing
    )


# -- DeletePool ------------------------------------------------------------------------------


def test_delete_pool_frees_its_identities(client: Any) -> None:
    phone = number(client)
    sender_id(client)
    created = new_pool(client, phone["PhoneNumberId"])
    client.associate_origination_identity(
        PoolId=created["PoolId"], OriginationIdentity="ACME", IsoCountryCode="ES"
    )
    deleted = client.delete_pool(PoolId=created["PoolArn"])
    assert deleted["PoolId"] == created["PoolId"]
    assert deleted["Status"] == "DELETING"
    assert client.describe_pools()["Pools"] == []
    assert pool_of(client, phone["PhoneNumberId"]) is None
    again = new_pool(client, phone["PhoneNumberId"])
    assert pool_of(client, phone["PhoneNumberId"]) == again["PoolId"]


def test_delete_pool_with_deletion_protection_conflicts(client: Any) -> None:
    pool_id = new_pool(client, DeletionProtectionEnabled=True)["PoolId"]
    with pytest.raises(ClientError) as caught:
        client.delete_pool(PoolId=pool_id)
    expect_error(
        caught,
        "ConflictException",
        "DELETION_PROTECTION_ENABLED",
        resource_type="pool",
        resource_id=pool_id,
    )
    client.update_pool(PoolId=pool_id, DeletionProtectionEnabled=False)
    client.delete_pool(PoolId=pool_id)


def test_delete_unknown_pool_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.delete_pool(PoolId="pool-" + "b" * 32)
    expect_error(
        caught, "ResourceNotFoundException", resource_type="pool", resource_id="pool-" + "b" * 32
    )


def test_an_opt_out_list_in_use_by_a_pool_cannot_be_deleted(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="custom")
    phone = active_number(client)
    pool_id = new_pool(client, phone["PhoneNumberId"])["PoolId"]
    client.update_pool(PoolId=pool_id, OptOutListName="custom")
    with pytest.raises(ClientError) as caught:
        client.delete_opt_out_list(OptOutListName="custom")
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="opt-out-list",
        resource_id="custom",
    )
    # The pool's number took its list; once both let go of it, it can go.
    client.delete_pool(PoolId=pool_id)
    client.update_phone_number(PhoneNumberId=phone["PhoneNumberId"], OptOutListName="Default")
    client.delete_opt_out_list(OptOutListName="custom")


def test_an_opt_out_list_in_use_by_a_number_cannot_be_deleted(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="custom")
    number(client, OptOutListName="custom")
    with pytest.raises(ClientError) as caught:
        client.delete_opt_out_list(OptOutListName="custom")
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="opt-out-list",
        resource_id="custom",
    )


# -- AssociateOriginationIdentity ------------------------------------------------------------


def test_associate_a_phone_number(client: Any) -> None:
    created = new_pool(client)
    phone = number(client)
    out = client.associate_origination_identity(
        PoolId=created["PoolArn"], OriginationIdentity=phone["PhoneNumberArn"], IsoCountryCode="US"
    )
    assert out["PoolId"] == created["PoolId"]
    assert out["PoolArn"] == created["PoolArn"]
    assert out["OriginationIdentity"] == phone["PhoneNumberId"]
    assert out["OriginationIdentityArn"] == phone["PhoneNumberArn"]
    assert out["IsoCountryCode"] == "US"
    assert members(client, created["PoolId"])[-1] == phone["PhoneNumberId"]
    assert pool_of(client, phone["PhoneNumberId"]) == created["PoolId"]


def test_a_number_requested_into_a_pool_joins_it(client: Any) -> None:
    created = new_pool(client)
    phone = number(client, PoolId=created["PoolId"])
    assert members(client, created["PoolId"])[-1] == phone["PhoneNumberId"]


@pytest.mark.parametrize("same_pool", [True, False])
def test_a_number_joins_one_pool_only(client: Any, same_pool: bool) -> None:
    first, second = new_pool(client), new_pool(client)
    phone = number(client)
    client.associate_origination_identity(
        PoolId=first["PoolId"],
        OriginationIdentity=phone["PhoneNumberId"],
        **country_if_required("AssociateOriginationIdentity", "US"),
    )
    target = first if same_pool else second
    with pytest.raises(ClientError) as caught:
        client.associate_origination_identity(
            PoolId=target["PoolId"],
            OriginationIdentity=phone["PhoneNumberId"],
            **country_if_required("AssociateOriginationIdentity", "US"),
        )
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_ASSOCIATED",
        resource_type="phone-number",
        resource_id=phone["PhoneNumberId"],
        message=f"is already associated with the pool {first['PoolId']}",
    )


def _promotional(client: Any) -> dict[str, Any]:
    return number(client, MessageType="PROMOTIONAL")


def _custom_list(client: Any) -> dict[str, Any]:
    client.create_opt_out_list(OptOutListName="custom")
    return number(client, OptOutListName="custom")


def _two_way(client: Any) -> dict[str, Any]:
    phone = active_number(client)
    client.update_phone_number(
        PhoneNumberId=phone["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=CHANNEL
    )
    return phone


def _self_managed(client: Any) -> dict[str, Any]:
    # Self-managed opt-outs need two-way messaging (opt-out-list-self-managed.md).
    phone = _two_way(client)
    client.update_phone_number(PhoneNumberId=phone["PhoneNumberId"], SelfManagedOptOutsEnabled=True)
    return phone


TWO_WAY_POOL = {"TwoWayEnabled": True, "TwoWayChannelArn": CHANNEL}


@pytest.mark.parametrize(
    ("make", "pool_settings", "reason", "what"),
    [
        (_promotional, {}, "MESSAGE_TYPE_MISMATCH", "message type TRANSACTIONAL"),
        (_custom_list, {}, "OPT_OUT_LIST_MISMATCH", "opt-out list Default"),
        (_two_way, {}, "TWO_WAY_CONFIG_MISMATCH", "two-way configuration"),
        # A two-way pool, so that only the self-managed setting differs.
        (
            _self_managed,
            TWO_WAY_POOL,
            "SELF_MANAGED_OPT_OUTS_MISMATCH",
            "self-managed opt-outs setting",
        ),
    ],
)
def test_associate_a_mismatched_number_conflicts(
    client: Any, make: Any, pool_settings: dict[str, Any], reason: str, what: str
) -> None:
    pool_id = new_pool(client)["PoolId"]
    if pool_settings:
        client.update_pool(PoolId=pool_id, **pool_settings)
    phone = make(client)
    with pytest.raises(ClientError) as caught:
        client.associate_origination_identity(
            PoolId=pool_id,
            OriginationIdentity=phone["PhoneNumberId"],
            **country_if_required("AssociateOriginationIdentity", "US"),
        )
    expect_error(
        caught,
        "ConflictException",
        reason,
        resource_type="phone-number",
        resource_id=phone["PhoneNumberId"],
        message=f"{phone['PhoneNumberId']} does not match the pool's {what}.",
    )
    assert pool_of(client, phone["PhoneNumberId"]) is None
    assert len(members(client, pool_id)) == 1


def test_associate_a_sender_id_of_another_message_type_conflicts(client: Any) -> None:
    client.request_sender_id(SenderId="PROMO", IsoCountryCode="ES", MessageTypes=["PROMOTIONAL"])
    pool_id = new_pool(client)["PoolId"]
    with pytest.raises(ClientError) as caught:
        client.associate_origination_identity(
            PoolId=pool_id, OriginationIdentity="PROMO", IsoCountryCode="ES"
        )
    expect_error(
        caught,
        "ConflictException",
        "MESSAGE_TYPE_MISMATCH",
        resource_type="sender-id",
        resource_id="PROMO",
        message="does not match the pool's message type TRANSACTIONAL",
    )


def test_origination_identities_per_pool_quota(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("ORIGINATION_IDENTITIES_PER_POOL", 2)
    pool_id = new_pool(client)["PoolId"]
    client.associate_origination_identity(
        PoolId=pool_id,
        OriginationIdentity=number(client)["PhoneNumberId"],
        **country_if_required("AssociateOriginationIdentity", "US"),
    )
    with pytest.raises(ClientError) as caught:
        client.associate_origination_identity(
            PoolId=pool_id,
            OriginationIdentity=number(client)["PhoneNumberId"],
            **country_if_required("AssociateOriginationIdentity", "US"),
        )
    expect_error(caught, "ServiceQuotaExceededException", "ORIGINATION_IDENTITIES_PER_POOL")


@pytest.mark.parametrize(
    ("pool", "identity", "resource_type"),
    [
        ("missing", None, "pool"),
        (None, "phone-" + "9" * 32, "phone-number"),
    ],
)
def test_associate_with_unknown_references_is_not_found(
    client: Any, pool: str | None, identity: str | None, resource_type: str
) -> None:
    pool_id = "pool-" + "c" * 32 if pool else new_pool(client)["PoolId"]
    identity = identity or number(client)["PhoneNumberId"]
    with pytest.raises(ClientError) as caught:
        client.associate_origination_identity(
            PoolId=pool_id,
            OriginationIdentity=identity,
            **country_if_required("AssociateOriginationIdentity", "US"),
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type=resource_type,
        resource_id=pool_id if pool else identity,
    )


def test_a_pool_cannot_join_a_pool(client: Any) -> None:
    first, second = new_pool(client), new_pool(client)
    with pytest.raises(ClientError) as caught:
        client.associate_origination_identity(
            PoolId=first["PoolId"],
            OriginationIdentity=second["PoolArn"],
            **country_if_required("AssociateOriginationIdentity", "US"),
        )
    expect_error(
        caught, "ValidationException", "INVALID_ARN", fields={"OriginationIdentity": "Invalid"}
    )


# -- DisassociateOriginationIdentity ---------------------------------------------------------


def test_disassociate_a_phone_number(client: Any) -> None:
    created = new_pool(client)
    phone = number(client, PoolId=created["PoolId"])
    out = client.disassociate_origination_identity(
        PoolId=created["PoolId"], OriginationIdentity=phone["PhoneNumberArn"], IsoCountryCode="US"
    )
    assert out["OriginationIdentity"] == phone["PhoneNumberId"]
    assert out["OriginationIdentityArn"] == phone["PhoneNumberArn"]
    assert out["PoolId"] == created["PoolId"]
    assert pool_of(client, phone["PhoneNumberId"]) is None
    assert phone["PhoneNumberId"] not in members(client, created["PoolId"])


def test_disassociate_a_sender_id_in_two_pools(client: Any) -> None:
    sender_id(client)
    first = new_pool(client)
    second = new_pool(client)
    for target in (first, second):
        client.associate_origination_identity(
            PoolId=target["PoolId"], OriginationIdentity="ACME", IsoCountryCode="ES"
        )
    client.disassociate_origination_identity(
        PoolId=first["PoolId"], OriginationIdentity="ACME", IsoCountryCode="ES"
    )
    assert "ACME" not in members(client, first["PoolId"])
    assert "ACME" in members(client, second["PoolId"])


def test_disassociate_an_identity_not_in_the_pool_conflicts(client: Any) -> None:
    pool_id = new_pool(client)["PoolId"]
    phone = number(client)
    with pytest.raises(ClientError) as caught:
        client.disassociate_origination_identity(
            PoolId=pool_id,
            OriginationIdentity=phone["PhoneNumberId"],
            **country_if_required("DisassociateOriginationIdentity", "US"),
        )
    expect_error(
        caught,
        "ConflictException",
        "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL",
        resource_type="phone-number",
        resource_id=phone["PhoneNumberId"],
    )


def test_the_last_identity_cannot_leave(client: Any) -> None:
    phone = number(client)
    pool_id = new_pool(client, phone["PhoneNumberId"])["PoolId"]
    with pytest.raises(ClientError) as caught:
        client.disassociate_origination_identity(
            PoolId=pool_id,
            OriginationIdentity=phone["PhoneNumberId"],
            **country_if_required("DisassociateOriginationIdentity", "US"),
        )
    expect_error(
        caught, "ConflictException", "LAST_PHONE_NUMBER", resource_type="pool", resource_id=pool_id
    )
    assert pool_of(client, phone["PhoneNumberId"]) == pool_id


@pytest.mark.parametrize(("pool", "resource_type"), [(True, "pool"), (False, "phone-number")])
def test_disassociate_unknown_references_is_not_found(
    client: Any, pool: bool, resource_type: str
) -> None:
    pool_id = "pool-" + "d" * 32 if pool else new_pool(client)["PoolId"]
    identity = number(client)["PhoneNumberId"] if pool else "phone-" + "8" * 32
    with pytest.raises(ClientError) as caught:
        client.disassociate_origination_identity(
            PoolId=pool_id,
            OriginationIdentity=identity,
            **country_if_required("DisassociateOriginationIdentity", "US"),
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type=resource_type,
        resource_id=pool_id if pool else identity,
    )


# -- ListPoolOriginationIdentities -----------------------------------------------------------


@pytest.fixture
def mixed_pool(client: Any) -> tuple[str, list[str]]:
    """A pool of an SMS number, an SMS+voice number and a Spanish sender ID."""
    sms = number(client)
    voice = number(client, NumberCapabilities=["SMS", "VOICE"])
    sender_id(client)
    pool_id = new_pool(client, sms["PhoneNumberId"])["PoolId"]
    client.associate_origination_identity(
        PoolId=pool_id,
        OriginationIdentity=voice["PhoneNumberId"],
        **country_if_required("AssociateOriginationIdentity", "US"),
    )
    client.associate_origination_identity(
        PoolId=pool_id, OriginationIdentity="ACME", IsoCountryCode="ES"
    )
    return pool_id, [sms["PhoneNumberId"], voice["PhoneNumberId"], "ACME"]


def test_list_pool_origination_identities(client: Any, mixed_pool: tuple[str, list[str]]) -> None:
    pool_id, ids = mixed_pool
    out = client.list_pool_origination_identities(PoolId=pool_id)
    assert out["PoolId"] == pool_id
    assert POOL_ARN.fullmatch(out["PoolArn"])
    listed = out["OriginationIdentities"]
    assert [m["OriginationIdentity"] for m in listed] == ids
    assert listed[1]["NumberCapabilities"] == ["SMS", "VOICE"]
    assert listed[0]["PhoneNumber"].startswith("+1")
    assert listed[0]["OriginationIdentityArn"].endswith(f":phone-number/{ids[0]}")
    assert "PhoneNumber" not in listed[2]


@pytest.mark.parametrize(
    ("name", "values", "positions"),
    [
        ("iso-country-code", ["US"], [0, 1]),
        ("iso-country-code", ["ES"], [2]),
        ("iso-country-code", ["ES", "US"], [0, 1, 2]),
        ("number-capability", ["VOICE"], [1]),
        ("number-capability", ["SMS"], [0, 1, 2]),
        ("number-capability", ["MMS"], []),
    ],
)
def test_list_pool_origination_identities_filters(
    client: Any,
    mixed_pool: tuple[str, list[str]],
    name: str,
    values: list[str],
    positions: list[int],
) -> None:
    pool_id, ids = mixed_pool
    listed = client.list_pool_origination_identities(
        PoolId=pool_id, Filters=[{"Name": name, "Values": values}]
    )["OriginationIdentities"]
    assert [m["OriginationIdentity"] for m in listed] == [ids[i] for i in positions]


def test_list_pool_origination_identities_pages(
    client: Any, mixed_pool: tuple[str, list[str]]
) -> None:
    pool_id, ids = mixed_pool
    pages = client.get_paginator("list_pool_origination_identities").paginate(
        PoolId=pool_id, PaginationConfig={"PageSize": 2}
    )
    seen = [[m["OriginationIdentity"] for m in page["OriginationIdentities"]] for page in pages]
    assert seen == [ids[:2], ids[2:]]


def test_list_identities_of_unknown_pool_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.list_pool_origination_identities(PoolId="pool-" + "e" * 32)
    expect_error(
        caught, "ResourceNotFoundException", resource_type="pool", resource_id="pool-" + "e" * 32
    )


def test_list_pool_origination_identities_rejects_a_foreign_token(client: Any) -> None:
    pool_id = new_pool(client)["PoolId"]
    with pytest.raises(ClientError) as caught:
        client.list_pool_origination_identities(PoolId=pool_id, NextToken="forged")
    expect_error(
        caught, "ValidationException", "INVALID_NEXT_TOKEN", fields={"NextToken": "Invalid"}
    )


@needs_optional("AssociateOriginationIdentity", "IsoCountryCode")
@pytest.mark.parametrize(
    "operation", ["associate_origination_identity", "disassociate_origination_identity"]
)
def test_a_sender_id_needs_its_country_in_pool_membership_calls(
    client: Any, operation: str
) -> None:
    # A sender ID ARN without the call's IsoCountryCode is INVALID_ARN on the field senderId
    # (Terraform provider, pool_test.go, multipleCountries); a bare SenderId, MISSING_PARAMETER.
    sender = sender_id(client)
    pool_id = new_pool(client)["PoolId"]
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(PoolId=pool_id, OriginationIdentity=sender["SenderIdArn"])
    expect_error(
        caught,
        "ValidationException",
        "INVALID_ARN",
        fields={"senderId": "needs the IsoCountryCode of the call"},
    )
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(PoolId=pool_id, OriginationIdentity=sender["SenderId"])
    expect_error(
        caught,
        "ValidationException",
        "MISSING_PARAMETER",
        fields={"IsoCountryCode": "Required for a sender ID"},
    )


# -- keywords and notify configurations --------------------------------------------------------


def test_an_identity_with_other_keywords_does_not_match_the_pool(client: Any) -> None:
    target = new_pool(client)["PoolId"]
    other = number(client)["PhoneNumberId"]
    client.put_keyword(OriginationIdentity=other, Keyword="INFO", KeywordMessage="Acme info")
    with pytest.raises(ClientError) as caught:
        client.associate_origination_identity(
            PoolId=target,
            OriginationIdentity=other,
            **country_if_required("AssociateOriginationIdentity", "US"),
        )
    expect_error(
        caught,
        "ConflictException",
        "KEYWORD_MISMATCH",
        resource_type="phone-number",
        resource_id=other,
        message="does not match the pool's keywords",
    )
    assert other not in members(client, target)
    # Keywords are case insensitive: the same keyword on the pool makes them match.
    client.put_keyword(OriginationIdentity=target, Keyword="info", KeywordMessage="Acme info")
    client.associate_origination_identity(
        PoolId=target,
        OriginationIdentity=other,
        **country_if_required("AssociateOriginationIdentity", "US"),
    )
    assert other in members(client, target)


def test_an_identity_without_keywords_never_mismatches_them(client: Any) -> None:
    target = new_pool(client)["PoolId"]
    client.put_keyword(OriginationIdentity=target, Keyword="INFO", KeywordMessage="Acme info")
    sender = sender_id(client)
    client.associate_origination_identity(
        PoolId=target, OriginationIdentity=sender["SenderId"], IsoCountryCode="ES"
    )
    assert sender["SenderId"] in members(client, target)


def test_a_number_requested_into_a_pool_takes_its_keywords(client: Any) -> None:
    target = new_pool(client)["PoolId"]
    client.put_keyword(OriginationIdentity=target, Keyword="INFO", KeywordMessage="Acme info")
    joined = number(client, PoolId=target)["PhoneNumberId"]
    keywords = client.describe_keywords(OriginationIdentity=joined)["Keywords"]
    assert {
        "Keyword": "INFO",
        "KeywordMessage": "Acme info",
        "KeywordAction": "AUTOMATIC_RESPONSE",
    } in keywords


@needs_operations("CreateNotifyConfiguration")
def test_a_pool_used_by_a_notify_configuration_cannot_be_deleted(client: Any) -> None:
    target = new_pool(client)["PoolId"]
    config = client.create_notify_configuration(
        DisplayName="Acme",
        UseCase="CODE_VERIFICATION",
        EnabledChannels=["SMS"],
        PoolId=target,
    )["NotifyConfigurationId"]
    with pytest.raises(ClientError) as caught:
        client.delete_pool(PoolId=target)
    expect_error(
        caught,
        "ConflictException",
        "POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION",
        resource_type="pool",
        resource_id=target,
    )
    client.update_notify_configuration(
        NotifyConfigurationId=config, PoolId="UNSET_DEFAULT_POOL_FOR_NOTIFY"
    )
    assert client.delete_pool(PoolId=target)["PoolId"] == target


def test_a_sender_id_still_in_another_pool_cannot_be_released(client: Any) -> None:
    """Leaving one pool leaves the sender ID a member of the other: releasing it is refused,
    naming the pool it is still in, until it leaves that one too."""
    sender_id(client)
    first, second = new_pool(client)["PoolId"], new_pool(client)["PoolId"]
    for target in (first, second):
        client.associate_origination_identity(
            PoolId=target, OriginationIdentity="ACME", IsoCountryCode="ES"
        )
    client.disassociate_origination_identity(
        PoolId=first, OriginationIdentity="ACME", IsoCountryCode="ES"
    )
    with pytest.raises(ClientError) as caught:
        client.release_sender_id(SenderId="ACME", IsoCountryCode="ES")
    expect_error(
        caught,
        "ConflictException",
        "SENDER_ID_ASSOCIATED_TO_POOL",
        resource_type="sender-id",
        resource_id="ACME/ES",
        message=f"sender id ACME/ES is associated with the pool {second}",
    )
    client.disassociate_origination_identity(
        PoolId=second, OriginationIdentity="ACME", IsoCountryCode="ES"
    )
    assert client.release_sender_id(SenderId="ACME", IsoCountryCode="ES")["SenderId"] == "ACME"
