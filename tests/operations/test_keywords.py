"""Keywords: PutKeyword, DeleteKeyword, DescribeKeywords on phone numbers and pools, through
boto3."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from smsmock.records.phone_numbers import PHONE_NUMBERS
from smsmock.rules.keywords import HELP_MESSAGE, STOP_MESSAGE, keyword_action
from tests.helpers import expect_error
from tests.registration_data import completed_campaign

DEFAULTS = [
    {"Keyword": "HELP", "KeywordMessage": HELP_MESSAGE, "KeywordAction": "AUTOMATIC_RESPONSE"},
    {"Keyword": "STOP", "KeywordMessage": STOP_MESSAGE, "KeywordAction": "OPT_OUT"},
]


def new_number(client: Any, number_type: str = "TEN_DLC") -> dict[str, Any]:
    # A TEN_DLC number is requested with a completed 10DLC campaign.
    registration = (
        {"RegistrationId": completed_campaign(client)} if number_type == "TEN_DLC" else {}
    )
    response: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType=number_type,
        **registration,
    )
    return response


@pytest.fixture
def number(client: Any) -> dict[str, Any]:
    return new_number(client)


@pytest.fixture
def pool(client: Any, number: dict[str, Any]) -> dict[str, Any]:
    response: dict[str, Any] = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    return response


def test_a_new_number_has_the_default_keywords(client: Any, number: dict[str, Any]) -> None:
    described = client.describe_keywords(OriginationIdentity=number["PhoneNumberId"])
    assert described["OriginationIdentity"] == number["PhoneNumberId"]
    assert described["OriginationIdentityArn"] == number["PhoneNumberArn"]
    assert described["Keywords"] == DEFAULTS


def test_a_pool_made_from_a_sender_id_has_the_default_keywords(client: Any) -> None:
    client.request_sender_id(SenderId="MyBrand", IsoCountryCode="ES")
    made = client.create_pool(
        OriginationIdentity="MyBrand", IsoCountryCode="ES", MessageType="TRANSACTIONAL"
    )
    described = client.describe_keywords(OriginationIdentity=made["PoolId"])
    assert described["Keywords"] == DEFAULTS


@pytest.mark.parametrize("by", ["PhoneNumberId", "PhoneNumberArn"])
def test_put_describe_delete_on_a_number(client: Any, number: dict[str, Any], by: str) -> None:
    ref = number[by]
    put = client.put_keyword(
        OriginationIdentity=ref, Keyword="PROMO", KeywordMessage="20% off!", KeywordAction="OPT_IN"
    )
    assert put["OriginationIdentity"] == number["PhoneNumberId"]
    assert put["OriginationIdentityArn"] == number["PhoneNumberArn"]
    assert (put["Keyword"], put["KeywordMessage"], put["KeywordAction"]) == (
        "PROMO",
        "20% off!",
        "OPT_IN",
    )
    keywords = client.describe_keywords(OriginationIdentity=ref)["Keywords"]
    assert [k["Keyword"] for k in keywords] == ["HELP", "STOP", "PROMO"]
    deleted = client.delete_keyword(OriginationIdentity=ref, Keyword="promo")
    assert deleted["Keyword"] == "PROMO" and deleted["KeywordMessage"] == "20% off!"
    assert client.describe_keywords(OriginationIdentity=ref)["Keywords"] == DEFAULTS


@pytest.mark.parametrize("by", ["PoolId", "PoolArn"])
def test_put_describe_delete_on_a_pool(client: Any, pool: dict[str, Any], by: str) -> None:
    ref = pool[by]
    put = client.put_keyword(OriginationIdentity=ref, Keyword="INFO", KeywordMessage="Hello")
    assert put["OriginationIdentity"] == pool["PoolId"]
    assert put["OriginationIdentityArn"] == pool["PoolArn"]
    assert put["KeywordAction"] == "AUTOMATIC_RESPONSE"
    keywords = client.describe_keywords(OriginationIdentity=ref)["Keywords"]
    assert [k["Keyword"] for k in keywords] == ["HELP", "STOP", "INFO"]
    client.delete_keyword(OriginationIdentity=ref, Keyword="INFO")
    assert [
        k["Keyword"] for k in client.describe_keywords(OriginationIdentity=ref)["Keywords"]
    ] == [
        "HELP",
        "STOP",
    ]


def test_keywords_are_case_insensitive_and_upper_cased(client: Any, number: dict[str, Any]) -> None:
    # AWS answers and lists keywords upper-cased (Terraform provider, keyword.go: PutKeyword
    # answers the "keyword uppercased"); this test asserted the given spelling before.
    ref = number["PhoneNumberId"]
    put = client.put_keyword(OriginationIdentity=ref, Keyword="Info", KeywordMessage="one")
    assert put["Keyword"] == "INFO"
    client.put_keyword(OriginationIdentity=ref, Keyword="iNfO", KeywordMessage="two")
    keywords = client.describe_keywords(OriginationIdentity=ref, Keywords=["info"])["Keywords"]
    assert keywords == [
        {"Keyword": "INFO", "KeywordMessage": "two", "KeywordAction": "AUTOMATIC_RESPONSE"}
    ]
    listed = client.describe_keywords(OriginationIdentity=ref)["Keywords"]
    assert [k["Keyword"] for k in listed] == ["HELP", "STOP", "INFO"]
    deleted = client.delete_keyword(OriginationIdentity=ref, Keyword="info")
    assert deleted["Keyword"] == "INFO"


def test_put_keyword_answers_the_identity_id_for_an_arn(client: Any, pool: dict[str, Any]) -> None:
    put = client.put_keyword(
        OriginationIdentity=pool["PoolArn"], Keyword="join", KeywordMessage="Welcome"
    )
    assert put["OriginationIdentity"] == pool["PoolId"]
    assert put["OriginationIdentityArn"] == pool["PoolArn"]
    assert put["Keyword"] == "JOIN"


@pytest.mark.parametrize(
    ("keyword", "action"), [("STOP", "OPT_OUT"), ("HELP", "AUTOMATIC_RESPONSE")]
)
def test_a_new_message_keeps_a_mandatory_keywords_action(
    client: Any, number: dict[str, Any], keyword: str, action: str
) -> None:
    # The Terraform provider never sends KeywordAction for HELP and STOP: AWS keeps their action.
    ref = number["PhoneNumberId"]
    put = client.put_keyword(OriginationIdentity=ref, Keyword=keyword.lower(), KeywordMessage="Hi")
    assert (put["Keyword"], put["KeywordMessage"], put["KeywordAction"]) == (keyword, "Hi", action)
    described = client.describe_keywords(OriginationIdentity=ref, Keywords=[keyword])
    assert described["Keywords"][0]["KeywordAction"] == action


def test_a_new_message_keeps_a_custom_keywords_action(client: Any, number: dict[str, Any]) -> None:
    ref = number["PhoneNumberId"]
    client.put_keyword(
        OriginationIdentity=ref, Keyword="START", KeywordMessage="Hi", KeywordAction="OPT_IN"
    )
    put = client.put_keyword(OriginationIdentity=ref, Keyword="start", KeywordMessage="Welcome")
    assert put["KeywordAction"] == "OPT_IN"
    described = client.describe_keywords(OriginationIdentity=ref, Keywords=["START"])["Keywords"]
    assert described == [
        {"Keyword": "START", "KeywordMessage": "Welcome", "KeywordAction": "OPT_IN"}
    ]


def test_the_default_messages_can_change(client: Any, number: dict[str, Any]) -> None:
    ref = number["PhoneNumberId"]
    client.put_keyword(
        OriginationIdentity=ref, Keyword="HELP", KeywordMessage="Call us at 555-0100"
    )
    help_keyword = client.describe_keywords(OriginationIdentity=ref, Keywords=["HELP"])
    assert help_keyword["Keywords"][0]["KeywordMessage"] == "Call us at 555-0100"


@pytest.mark.parametrize(("keyword", "action"), [("HELP", "OPT_OUT"), ("STOP", "OPT_IN")])
def test_the_default_actions_cannot_change(
    client: Any, number: dict[str, Any], keyword: str, action: str
) -> None:
    with pytest.raises(ClientError) as caught:
        client.put_keyword(
            OriginationIdentity=number["PhoneNumberId"],
            Keyword=keyword,
            KeywordMessage="x",
            KeywordAction=action,
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"KeywordAction": f"{keyword} must keep the action"},
    )


@pytest.mark.parametrize("keyword", ["HELP", "stop"])
def test_the_default_keywords_cannot_be_deleted(
    client: Any, number: dict[str, Any], keyword: str
) -> None:
    with pytest.raises(ClientError) as caught:
        client.delete_keyword(OriginationIdentity=number["PhoneNumberId"], Keyword=keyword)
    expect_error(
        caught,
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        resource_type="keyword",
        resource_id=keyword.upper(),
    )


def test_a_keyword_cannot_start_or_end_with_a_space(client: Any, number: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as caught:
        client.put_keyword(
            OriginationIdentity=number["PhoneNumberId"], Keyword=" JOIN", KeywordMessage="x"
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"Keyword": "Must not start or end with a space"},
    )


@pytest.mark.parametrize(
    ("keyword", "action"), [("STOP", "OPT_OUT"), ("CANCEL", "OPT_OUT"), ("STOPALL", "OPT_OUT")]
)
def test_us_toll_free_opt_outs_belong_to_the_carriers(
    client: Any, keyword: str, action: str
) -> None:
    toll_free = new_number(client, "TOLL_FREE")
    with pytest.raises(ClientError) as caught:
        client.put_keyword(
            OriginationIdentity=toll_free["PhoneNumberId"],
            Keyword=keyword,
            KeywordMessage="Bye",
            KeywordAction=action,
        )
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        fields={"Keyword": "Opt-out keywords can't be changed on a US toll-free number"},
    )
    # Resubscribing words can be added: "add the keywords UNSTOP, START or both ... Opt-in".
    client.put_keyword(
        OriginationIdentity=toll_free["PhoneNumberId"],
        Keyword="UNSTOP",
        KeywordMessage="Welcome back",
        KeywordAction="OPT_IN",
    )


@pytest.mark.parametrize(
    ("operation", "extra"),
    [
        ("put_keyword", {"Keyword": "A", "KeywordMessage": "x"}),
        ("delete_keyword", {"Keyword": "A"}),
        ("describe_keywords", {}),
    ],
)
@pytest.mark.parametrize(
    ("ref", "resource_type"),
    [("phone-" + "0" * 32, "phone-number"), ("pool-" + "0" * 32, "pool")],
)
def test_unknown_origination_identities(
    client: Any, operation: str, extra: dict[str, Any], ref: str, resource_type: str
) -> None:
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(OriginationIdentity=ref, **extra)
    expect_error(caught, "ResourceNotFoundException", resource_type=resource_type, resource_id=ref)


def test_a_sender_id_arn_is_not_a_keyword_holder(client: Any) -> None:
    sender = client.request_sender_id(SenderId="MyBrand", IsoCountryCode="ES")
    with pytest.raises(ClientError) as caught:
        client.describe_keywords(OriginationIdentity=sender["SenderIdArn"])
    expect_error(
        caught,
        "ValidationException",
        "INVALID_ARN",
        fields={"OriginationIdentity": "Invalid origination identity ARN"},
    )


@pytest.mark.parametrize("operation", ["delete_keyword", "describe_keywords"])
def test_unknown_keywords(client: Any, number: dict[str, Any], operation: str) -> None:
    extra = {"Keyword": "NOPE"} if operation == "delete_keyword" else {"Keywords": ["NOPE"]}
    with pytest.raises(ClientError) as caught:
        getattr(client, operation)(OriginationIdentity=number["PhoneNumberId"], **extra)
    expect_error(caught, "ResourceNotFoundException", resource_type="keyword", resource_id="NOPE")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["OPT_OUT"], ["STOP", "QUIT"]),
        (["OPT_IN", "AUTOMATIC_RESPONSE"], ["HELP", "JOIN"]),
    ],
)
def test_filter_by_action(
    client: Any, number: dict[str, Any], values: list[str], expected: list[str]
) -> None:
    ref = number["PhoneNumberId"]
    client.put_keyword(
        OriginationIdentity=ref, Keyword="QUIT", KeywordMessage="x", KeywordAction="OPT_OUT"
    )
    client.put_keyword(
        OriginationIdentity=ref, Keyword="JOIN", KeywordMessage="x", KeywordAction="OPT_IN"
    )
    found = client.describe_keywords(
        OriginationIdentity=ref, Filters=[{"Name": "keyword-action", "Values": values}]
    )["Keywords"]
    assert [k["Keyword"] for k in found] == expected


def test_paging(client: Any, number: dict[str, Any]) -> None:
    ref = number["PhoneNumberId"]
    for i in range(5):
        client.put_keyword(OriginationIdentity=ref, Keyword=f"K{i}", KeywordMessage="x")
    pages = client.get_paginator("describe_keywords").paginate(
        OriginationIdentity=ref, PaginationConfig={"PageSize": 3}
    )
    assert [k["Keyword"] for p in pages for k in p["Keywords"]] == ["HELP", "STOP"] + [
        f"K{i}" for i in range(5)
    ]
    with pytest.raises(ClientError) as caught:
        client.describe_keywords(OriginationIdentity=ref, NextToken="forged")
    expect_error(
        caught,
        "ValidationException",
        "INVALID_NEXT_TOKEN",
        fields={"NextToken": "Invalid next token"},
    )


@pytest.mark.parametrize(
    ("quota", "target"), [("KEYWORDS_PER_PHONE_NUMBER", "number"), ("KEYWORDS_PER_POOL", "pool")]
)
def test_keyword_quotas(
    client: Any,
    sms_voice: SmsVoiceMock,
    number: dict[str, Any],
    pool: dict[str, Any],
    quota: str,
    target: str,
) -> None:
    ref = number["PhoneNumberId"] if target == "number" else pool["PoolId"]
    sms_voice.set_quota(quota, 3)  # the two defaults count
    client.put_keyword(OriginationIdentity=ref, Keyword="ONE", KeywordMessage="x")
    client.put_keyword(OriginationIdentity=ref, Keyword="ONE", KeywordMessage="updated")
    with pytest.raises(ClientError) as caught:
        client.put_keyword(OriginationIdentity=ref, Keyword="TWO", KeywordMessage="x")
    expect_error(caught, "ServiceQuotaExceededException", quota)


def test_keyword_action_for_inbound_messages(
    client: Any, sms_voice: SmsVoiceMock, number: dict[str, Any]
) -> None:
    client.put_keyword(
        OriginationIdentity=number["PhoneNumberId"],
        Keyword="JOIN",
        KeywordMessage="Hi",
        KeywordAction="OPT_IN",
    )
    record = sms_voice.backend().table(PHONE_NUMBERS).get(number["PhoneNumberId"])
    help_ = ("HELP", HELP_MESSAGE, "AUTOMATIC_RESPONSE")
    assert keyword_action(record, "help me please", "US") == help_
    assert keyword_action(record, "join", "US") == ("JOIN", "Hi", "OPT_IN")
    assert keyword_action(record, "Unsubscribe", "US") == ("UNSUBSCRIBE", STOP_MESSAGE, "OPT_OUT")
    assert keyword_action(record, "Unsubscribe", "GB") is None
    assert keyword_action(record, "hello there", "US") is None


# Module-level constants, spelled out: mutation testing leaves constants unmutated, so only a test
# that writes the value down notices a wrong one.

# The user guide's "Required opt-out keywords", in its order.
REQUIRED_OPT_OUT_WORDS = [
    "ARRET",
    "CANCEL",
    "END",
    "OPT-OUT",
    "OPTOUT",
    "QUIT",
    "REMOVE",
    "STOP",
    "TD",
    "UNSUBSCRIBE",
]


@pytest.mark.parametrize("word", REQUIRED_OPT_OUT_WORDS)
def test_every_required_opt_out_word_opts_out(
    sms_voice: SmsVoiceMock, number: dict[str, Any], word: str
) -> None:
    inbound = sms_voice.receive("+12065550100", number["PhoneNumber"], word.lower())
    assert (inbound.keyword, inbound.action) == (word, "OPT_OUT")


@pytest.mark.parametrize("word", ["UNSTOP", "STOPALL", "OPT", "EXIT"])
def test_other_words_do_not_opt_out(
    sms_voice: SmsVoiceMock, number: dict[str, Any], word: str
) -> None:
    inbound = sms_voice.receive("+12065550100", number["PhoneNumber"], word)
    assert (inbound.keyword, inbound.action) == (None, None)


def test_the_default_keyword_messages(client: Any, number: dict[str, Any]) -> None:
    """The user guide's examples of compliant HELP and STOP answers (AWS does not publish the
    text of its own defaults)."""
    described = client.describe_keywords(OriginationIdentity=number["PhoneNumberId"])["Keywords"]
    assert {k["Keyword"]: k["KeywordMessage"] for k in described} == {
        "HELP": "For assistance with your account, call (206) 555-0199.",
        "STOP": "You are now opted out and will no longer receive messages.",
    }
