"""Keywords: PutKeyword, DeleteKeyword, DescribeKeywords — on a phone number or a pool.

Every phone number and pool has the two mandatory keywords (``HELP`` and ``STOP``; "The keywords
HELP and STOP are mandatory keywords that each phone number must have", CloudFormation
``AWS::SMSVOICE::PhoneNumber``). Their messages can be changed, not their actions, and they cannot
be deleted (DeleteKeyword: "Keywords HELP and STOP can't be deleted or modified"). Keywords are
case insensitive ("Keywords are case insensitive"; a keyword "can't start or end with a space"),
and AWS keeps and answers them upper-cased: the Terraform provider's ``keyword.go`` notes that
PutKeyword answers "keyword uppercased and the origination identity as an ID", and matches
DescribeKeywords' answer case-insensitively.

PutKeyword without ``KeywordAction`` on a keyword that exists keeps that keyword's action (STOP
stays ``OPT_OUT``, a custom ``OPT_IN`` stays ``OPT_IN``): the provider's keyword resource leaves
``keyword_action`` unset for the mandatory keywords and refuses it in configuration, and its
acceptance tests (``keyword_test.go``, run against AWS) update their messages that way. Only a new
keyword takes the documented default, ``AUTOMATIC_RESPONSE``.

Besides ``STOP``, end users opt out with any of :data:`~smsmock.rules.keywords.OPT_OUT_KEYWORDS`
(the user guide's "Required opt-out keywords"); :func:`~smsmock.rules.keywords.keyword_action`
resolves an inbound message to what it does."""

from __future__ import annotations

from typing import Any

from smsmock.rules import origination
from smsmock.rules.keywords import (
    DEFAULT_KEYWORDS,
    find_keyword,
    keywords_of,
)
from smsmock.state.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.state.paging import paginate
from smsmock.state.registry import Call, Params, operation


def _identity(call: Call, ref: str) -> Any:
    return origination.resolve_origination_identity(call, ref, kinds=("phone-number", "pool"))


def _output(record: Any, keyword: str, message: str, action: str) -> dict[str, Any]:
    return {
        **origination.identity_members(record),
        "Keyword": keyword,
        "KeywordMessage": message,
        "KeywordAction": action,
    }


def _is_us_toll_free(record: Any) -> bool:
    return bool(
        getattr(record, "number_type", None) == "TOLL_FREE"
        and getattr(record, "iso_country_code", None) == "US"
    )


@operation("PutKeyword")
def put_keyword(call: Call, params: Params) -> dict[str, Any]:
    record = _identity(call, params["OriginationIdentity"])
    keyword, message = params["Keyword"], params["KeywordMessage"]
    if keyword != keyword.strip():
        raise ValidationError(
            "A keyword can't start or end with a space.",
            "INVALID_PARAMETER",
            [("Keyword", "Must not start or end with a space.")],
        )
    keyword = keyword.upper()
    keywords = keywords_of(record)
    existing = find_keyword(keywords, keyword)
    default = find_keyword(DEFAULT_KEYWORDS, keyword)
    # Without KeywordAction an existing keyword keeps its action; only a new one defaults.
    action = params.get("KeywordAction") or (
        keywords[existing][1] if existing is not None else "AUTOMATIC_RESPONSE"
    )
    if default is not None and action != DEFAULT_KEYWORDS[default][1]:
        raise ValidationError(
            f"The action of the keyword {default} can't be changed.",
            "INVALID_PARAMETER",
            [("KeywordAction", f"{default} must keep the action {DEFAULT_KEYWORDS[default][1]}.")],
        )
    if _is_us_toll_free(record) and (action == "OPT_OUT" or default == "STOP"):
        # "For US toll-free numbers, opt-outs are managed at the carrier level. The only
        # supported opt-out keyword for a US toll-free number is STOP. You can't add additional
        # opt-out keywords, or change the response message".
        raise ValidationError(
            "Opt-out keywords of a US toll-free number are managed by the carriers: only STOP, "
            "with its carrier response.",
            "INVALID_PARAMETER",
            [("Keyword", "Opt-out keywords can't be changed on a US toll-free number.")],
        )
    if existing is None:
        quota = (
            "KEYWORDS_PER_POOL"
            if origination.kind_of(record).resource_type == "pool"
            else ("KEYWORDS_PER_PHONE_NUMBER")
        )
        call.backend.check_quota(quota, len(keywords))
    else:
        keyword = existing
    keywords[keyword] = (message, action)
    return _output(record, keyword, message, action)


@operation("DeleteKeyword")
def delete_keyword(call: Call, params: Params) -> dict[str, Any]:
    record = _identity(call, params["OriginationIdentity"])
    keywords = keywords_of(record)
    existing = find_keyword(keywords, params["Keyword"])
    if existing is None:
        raise ResourceNotFoundError("keyword", params["Keyword"])
    if find_keyword(DEFAULT_KEYWORDS, existing) is not None:
        raise ConflictError(
            f"The keyword {existing} is mandatory and can't be deleted.",
            "RESOURCE_DELETION_NOT_ALLOWED",
            "keyword",
            existing,
        )
    message, action = keywords.pop(existing)
    return _output(record, existing, message, action)


@operation("DescribeKeywords")
def describe_keywords(call: Call, params: Params) -> dict[str, Any]:
    record = _identity(call, params["OriginationIdentity"])
    keywords = keywords_of(record)
    names = list(keywords)
    wanted = params.get("Keywords")
    if wanted:
        names = []
        for keyword in wanted:
            existing = find_keyword(keywords, keyword)
            if existing is None:
                raise ResourceNotFoundError("keyword", keyword)
            if existing not in names:
                names.append(existing)
    items = [
        {"Keyword": name, "KeywordMessage": keywords[name][0], "KeywordAction": keywords[name][1]}
        for name in names
    ]
    page, token = paginate(
        call, items, params, filters={"keyword-action": lambda item: item["KeywordAction"]}
    )
    return {
        **origination.identity_members(record),
        "Keywords": page,
        "NextToken": token,
    }
