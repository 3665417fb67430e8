"""Opt-out lists and opted-out numbers, through boto3."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from smsmock import SmsVoiceMock
from smsmock.records.opt_out_lists import OPT_OUT_LISTS
from smsmock.rules.opt_outs import is_opted_out, record_opt_out
from smsmock.state.registry import Call
from tests.helpers import expect_error
from tests.installed_model import needs_members

ACCOUNT = "123456789012"
ARN_PREFIX = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:opt-out-list/"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def a_call(sms_voice: SmsVoiceMock) -> Call:
    """What a handler receives, for the helpers other families call directly."""
    return Call("SendTextMessage", sms_voice.backend(), "r-1", datetime.now(timezone.utc))


# -- the Default list ------------------------------------------------------------------------


def test_every_account_has_the_default_list_before_first_use(client: Any) -> None:
    lists = client.describe_opt_out_lists()["OptOutLists"]
    assert [item["OptOutListName"] for item in lists] == ["Default"]
    assert lists[0]["OptOutListArn"] == ARN_PREFIX + "Default"
    assert isinstance(lists[0]["CreatedTimestamp"], datetime)


@pytest.mark.parametrize("first_use", ["send", "describe"])
def test_the_default_list_is_created_when_first_touched(client: Any, first_use: str) -> None:
    """Whatever touches the opt-out lists first (a send checks the destination against the
    Default list), the Default list's ``CreatedTimestamp`` is that moment."""
    with freeze_time(T0):
        if first_use == "send":
            # A sender ID has no opt-out list of its own: the send is the first to look.
            client.request_sender_id(SenderId="ACME", IsoCountryCode="ES")
            client.send_text_message(
                DestinationPhoneNumber="+34612345678",
                OriginationIdentity="ACME",
                MessageBody="hello",
            )
        else:
            client.describe_opted_out_numbers(OptOutListName="Default")
    with freeze_time(T0 + timedelta(days=3)):
        [default] = client.describe_opt_out_lists()["OptOutLists"]
    assert default["CreatedTimestamp"] == T0


def test_each_region_has_its_own_default_list(client: Any) -> None:
    import boto3

    other = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    arn = other.describe_opt_out_lists()["OptOutLists"][0]["OptOutListArn"]
    assert arn == f"arn:aws:sms-voice:eu-west-1:{ACCOUNT}:opt-out-list/Default"


def test_default_list_cannot_be_deleted(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.delete_opt_out_list(OptOutListName="Default")
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="opt-out-list",
        resource_id="Default",
    )


# -- CreateOptOutList ------------------------------------------------------------------------


@freeze_time(T0)
def test_create_opt_out_list(client: Any) -> None:
    created = client.create_opt_out_list(
        OptOutListName="marketing", Tags=[{"Key": "team", "Value": "growth"}]
    )
    assert created["OptOutListName"] == "marketing"
    assert created["OptOutListArn"] == ARN_PREFIX + "marketing"
    assert created["CreatedTimestamp"] == T0
    assert created["Tags"] == [{"Key": "team", "Value": "growth"}]
    names = [i["OptOutListName"] for i in client.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default", "marketing"]


@pytest.mark.parametrize("name", ["marketing", "Default"])
def test_create_opt_out_list_with_a_taken_name_conflicts(client: Any, name: str) -> None:
    client.create_opt_out_list(OptOutListName="marketing")
    with pytest.raises(ClientError) as caught:
        client.create_opt_out_list(OptOutListName=name)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        resource_type="opt-out-list",
        resource_id=name,
    )


def test_create_opt_out_list_name_is_validated(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.create_opt_out_list(OptOutListName="no spaces")
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={"OptOutListName": "Member must satisfy regular expression pattern: [A-Za-z0-9_-]+"},
    )


def test_opt_out_list_quota_counts_the_default_list(client: Any, sms_voice: SmsVoiceMock) -> None:
    sms_voice.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 2)
    client.create_opt_out_list(OptOutListName="one")
    with pytest.raises(ClientError) as caught:
        client.create_opt_out_list(OptOutListName="two")
    expect_error(caught, "ServiceQuotaExceededException", "OPT_OUT_LISTS_PER_ACCOUNT")


# -- DescribeOptOutLists ---------------------------------------------------------------------


def test_describe_opt_out_lists_by_name_and_arn(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="a")
    client.create_opt_out_list(OptOutListName="b")
    found = client.describe_opt_out_lists(OptOutListNames=["b", ARN_PREFIX + "a"])["OptOutLists"]
    assert [i["OptOutListName"] for i in found] == ["b", "a"]


def test_describe_unknown_opt_out_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_opt_out_lists(OptOutListNames=["missing"])
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="opt-out-list",
        resource_id="missing",
    )


@needs_members("DescribeOptOutListsRequest", "Owner")
def test_describe_opt_out_lists_owner_and_names_together_is_invalid(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_opt_out_lists(OptOutListNames=["Default"], Owner="SELF")
    expect_error(
        caught,
        "ValidationException",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        fields={
            "Owner": "Cannot be used with OptOutListNames",
            "OptOutListNames": "Cannot be used with Owner",
        },
    )


@needs_members("DescribeOptOutListsRequest", "Owner")
@pytest.mark.parametrize(("owner", "expected"), [("SELF", 2), ("SHARED", 0)])
def test_describe_opt_out_lists_by_owner(client: Any, owner: str, expected: int) -> None:
    client.create_opt_out_list(OptOutListName="a")
    assert len(client.describe_opt_out_lists(Owner=owner)["OptOutLists"]) == expected


def test_describe_opt_out_lists_pages(client: Any) -> None:
    for i in range(6):
        client.create_opt_out_list(OptOutListName=f"list-{i}")
    first = client.describe_opt_out_lists(MaxResults=4)
    assert len(first["OptOutLists"]) == 4 and "NextToken" in first
    second = client.describe_opt_out_lists(MaxResults=4, NextToken=first["NextToken"])
    assert len(second["OptOutLists"]) == 3 and "NextToken" not in second
    pages = client.get_paginator("describe_opt_out_lists").paginate(
        PaginationConfig={"PageSize": 2}
    )
    names = [i["OptOutListName"] for page in pages for i in page["OptOutLists"]]
    assert names == ["Default"] + [f"list-{i}" for i in range(6)]


def test_describe_opt_out_lists_rejects_a_foreign_token(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_opt_out_lists(NextToken="not-ours")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_NEXT_TOKEN",
        fields={"NextToken": "Invalid next token"},
    )


# -- DeleteOptOutList ------------------------------------------------------------------------


@freeze_time(T0)
def test_delete_opt_out_list_by_arn_deletes_its_numbers(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="gone")
    client.put_opted_out_number(OptOutListName="gone", OptedOutNumber="+12065550100")
    deleted = client.delete_opt_out_list(OptOutListName=ARN_PREFIX + "gone")
    assert deleted["OptOutListName"] == "gone"
    assert deleted["OptOutListArn"] == ARN_PREFIX + "gone"
    assert deleted["CreatedTimestamp"] == T0
    client.create_opt_out_list(OptOutListName="gone")
    numbers = client.describe_opted_out_numbers(OptOutListName="gone")["OptedOutNumbers"]
    assert numbers == []


def test_delete_unknown_opt_out_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.delete_opt_out_list(OptOutListName="missing")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="opt-out-list",
        resource_id="missing",
    )


# -- PutOptedOutNumber -----------------------------------------------------------------------


@freeze_time(T0)
@pytest.mark.parametrize("given", ["+12065550100", "12065550100"])
def test_put_opted_out_number(client: Any, given: str) -> None:
    put = client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=given)
    assert put["OptOutListName"] == "Default"
    assert put["OptOutListArn"] == ARN_PREFIX + "Default"
    assert put["OptedOutNumber"] == "+12065550100"
    assert put["OptedOutTimestamp"] == T0
    assert put["EndUserOptedOut"] is False


def test_put_opted_out_number_again_keeps_the_first_entry(client: Any) -> None:
    with freeze_time(T0):
        client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550100")
    with freeze_time(T0 + timedelta(days=1)):
        again = client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550100")
    assert again["OptedOutTimestamp"] == T0
    listed = client.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert len(listed) == 1


@pytest.mark.parametrize("number", ["+1555", "+999123456", "12"])
def test_put_opted_out_number_rejects_an_invalid_number(client: Any, number: str) -> None:
    with pytest.raises(ClientError) as caught:
        client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=number)
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"OptedOutNumber": "Not a valid E.164 phone number"},
    )


def test_put_opted_out_number_on_unknown_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.put_opted_out_number(OptOutListName="missing", OptedOutNumber="+12065550100")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="opt-out-list",
        resource_id="missing",
    )


# -- DescribeOptedOutNumbers -----------------------------------------------------------------


NUMBERS = ["+12065550100", "+12065550101", "+447700900123", "+33612345678"]


def _opt_out(client: Any, sms_voice: SmsVoiceMock, list_name: str = "Default") -> None:
    """Put NUMBERS on the list; the second one as an end user's own STOP would."""
    for number in NUMBERS:
        client.put_opted_out_number(OptOutListName=list_name, OptedOutNumber=number)
    sms_voice.backend().table(OPT_OUT_LISTS).get(list_name).numbers[
        NUMBERS[1]
    ].end_user_opted_out = True


def test_describe_opted_out_numbers(client: Any, sms_voice: SmsVoiceMock) -> None:
    _opt_out(client, sms_voice)
    out = client.describe_opted_out_numbers(OptOutListName=ARN_PREFIX + "Default")
    assert out["OptOutListName"] == "Default"
    assert out["OptOutListArn"] == ARN_PREFIX + "Default"
    assert [n["OptedOutNumber"] for n in out["OptedOutNumbers"]] == NUMBERS


def test_describe_opted_out_numbers_by_number(client: Any, sms_voice: SmsVoiceMock) -> None:
    _opt_out(client, sms_voice)
    out = client.describe_opted_out_numbers(
        OptOutListName="Default", OptedOutNumbers=["+33612345678", "12065550100"]
    )
    assert [n["OptedOutNumber"] for n in out["OptedOutNumbers"]] == [
        "+33612345678",
        "+12065550100",
    ]


def test_describe_opted_out_number_not_on_the_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_opted_out_numbers(
            OptOutListName="Default", OptedOutNumbers=["+12065550100"]
        )
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="opted-out-number",
        resource_id="+12065550100",
    )


def test_describe_opted_out_numbers_of_unknown_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_opted_out_numbers(OptOutListName="missing")
    expect_error(
        caught, "ResourceNotFoundException", resource_type="opt-out-list", resource_id="missing"
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["true"], [NUMBERS[1]]),
        (["false"], [NUMBERS[0], *NUMBERS[2:]]),
        (["true", "false"], NUMBERS),
    ],
)
def test_describe_opted_out_numbers_filter_end_user_opted_out(
    client: Any, sms_voice: SmsVoiceMock, values: list[str], expected: list[str]
) -> None:
    _opt_out(client, sms_voice)
    out = client.describe_opted_out_numbers(
        OptOutListName="Default", Filters=[{"Name": "end-user-opted-out", "Values": values}]
    )
    assert [n["OptedOutNumber"] for n in out["OptedOutNumbers"]] == expected
    assert [n["EndUserOptedOut"] for n in out["OptedOutNumbers"]] == [
        n == NUMBERS[1] for n in expected
    ]


def test_describe_opted_out_numbers_rejects_a_non_boolean_filter(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.describe_opted_out_numbers(
            OptOutListName="Default", Filters=[{"Name": "end-user-opted-out", "Values": ["yes"]}]
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_FILTER_VALUES",
        fields={"Filters[0].Values": "Values must be true or false"},
    )


def test_describe_opted_out_numbers_pages(client: Any, sms_voice: SmsVoiceMock) -> None:
    _opt_out(client, sms_voice)
    pages = client.get_paginator("describe_opted_out_numbers").paginate(
        OptOutListName="Default", PaginationConfig={"PageSize": 3}
    )
    sizes = [len(page["OptedOutNumbers"]) for page in pages]
    assert sizes == [3, 1]


# -- DeleteOptedOutNumber --------------------------------------------------------------------


@freeze_time(T0)
def test_delete_opted_out_number(client: Any, sms_voice: SmsVoiceMock) -> None:
    _opt_out(client, sms_voice)
    deleted = client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=NUMBERS[1])
    assert deleted["OptedOutNumber"] == NUMBERS[1]
    assert deleted["OptedOutTimestamp"] == T0
    assert deleted["EndUserOptedOut"] is True
    assert deleted["OptOutListName"] == "Default"
    listed = client.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert NUMBERS[1] not in [n["OptedOutNumber"] for n in listed]


def test_delete_opted_out_number_not_on_the_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550100")
    expect_error(
        caught,
        "ResourceNotFoundException",
        resource_type="opted-out-number",
        resource_id="+12065550100",
    )


def test_delete_opted_out_number_from_unknown_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.delete_opted_out_number(OptOutListName="missing", OptedOutNumber="+12065550100")
    expect_error(
        caught, "ResourceNotFoundException", resource_type="opt-out-list", resource_id="missing"
    )


def test_a_number_can_be_deleted_once_every_30_days(client: Any) -> None:
    number = "+12065550100"
    with freeze_time(T0):
        client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=number)
        client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=number)
        client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=number)
    with freeze_time(T0 + timedelta(days=29)), pytest.raises(ClientError) as caught:
        client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=number)
    expect_error(
        caught,
        "ValidationException",
        "PHONE_NUMBER_CANNOT_BE_OPTED_IN",
        fields={"OptedOutNumber": "A number can be removed once every 30 days"},
    )
    with freeze_time(T0 + timedelta(days=30)):
        client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=number)


# -- the helpers messaging uses --------------------------------------------------------------


def test_is_opted_out_looks_the_number_up(client: Any, sms_voice: SmsVoiceMock) -> None:
    client.create_opt_out_list(OptOutListName="big")
    table = sms_voice.backend().table(OPT_OUT_LISTS)
    call = a_call(sms_voice)
    for i in range(10_000):
        record_opt_out(call, "big", f"+1206555{i:04d}", end_user=False)
    assert len(table.get("big").numbers) == 10_000
    assert is_opted_out(call, "big", "+12065550042")
    assert is_opted_out(call, ARN_PREFIX + "big", "12065559999")
    assert not is_opted_out(call, "big", "+12065560000")
    assert not is_opted_out(call, "Default", "+12065550042")
    assert not is_opted_out(call, "no-such-list", "+12065550042")


def test_an_end_users_stop_marks_an_entry_end_user_opted_out(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550100")
    entry = record_opt_out(a_call(sms_voice), "Default", "+12065550100")
    assert entry.end_user_opted_out is True
    listed = client.describe_opted_out_numbers(
        OptOutListName="Default", Filters=[{"Name": "end-user-opted-out", "Values": ["true"]}]
    )["OptedOutNumbers"]
    assert [n["OptedOutNumber"] for n in listed] == ["+12065550100"]


def test_lists_are_separate_per_account(client: Any, sms_voice: SmsVoiceMock) -> None:
    import boto3

    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="210987654321",
        aws_secret_access_key="x",
    )
    client.create_opt_out_list(OptOutListName=f"mine-{uuid.uuid4().hex[:6]}")
    assert [i["OptOutListName"] for i in other.describe_opt_out_lists()["OptOutLists"]] == [
        "Default"
    ]


def test_delete_opt_out_list_name_is_validated(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.delete_opt_out_list(OptOutListName="bad name!")
    expect_error(
        caught,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        fields={
            "OptOutListName": "Member must satisfy regular expression pattern: [A-Za-z0-9_:/-]+"
        },
    )


def test_opted_out_numbers_page_on_when_numbers_are_deleted_between_pages(client: Any) -> None:
    numbers = [f"+1206555{i:04d}" for i in range(6)]
    for number in numbers:
        client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=number)

    def page(**kwargs: Any) -> tuple[list[str], str | None]:
        out = client.describe_opted_out_numbers(OptOutListName="Default", MaxResults=2, **kwargs)
        return [n["OptedOutNumber"] for n in out["OptedOutNumbers"]], out.get("NextToken")

    first, token = page()
    assert first == numbers[:2]
    # Deleting numbers already returned (the last one among them) does not shift the next page.
    for number in first:
        client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=number)
    second, token = page(NextToken=token)
    assert second == numbers[2:4]
    # A number deleted ahead is left out; one added meanwhile comes last; none repeats.
    client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=numbers[4])
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=numbers[0])
    third, token = page(NextToken=token)
    assert third == [numbers[5], numbers[0]]
    assert token is None
