"""The first botocore release whose ``pinpoint-sms-voice-v2`` model has each newer feature.

smsmock supports botocore from :data:`OLDEST` on and answers what the installed model describes:
an operation, member or enum value that model lacks is simply absent. The releases were found by
comparing the models botocore ships (``botocore/data/pinpoint-sms-voice-v2/*/service-2.json``)
release by release; ``docs/coverage.md`` shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

OLDEST = "1.35.0"
"""The oldest botocore (and boto3) smsmock promises and tests (``nox -s oldest``)."""


@dataclass(frozen=True)
class Release:
    """A botocore release and what its model added to the service (operations by name, the
    rest in words)."""

    version: str
    operations: tuple[str, ...]
    other: str = ""


RELEASES = (
    Release(
        "1.35.26",
        ("DeleteResourcePolicy", "GetResourcePolicy", "PutResourcePolicy"),
        "`Owner` on DescribeOptOutLists, DescribePhoneNumbers, DescribePools, DescribeSenderIds",
    ),
    Release("1.35.43", (), "registration status `REQUIRES_AUTHENTICATION`"),
    Release("1.35.57", (), "`RequiresAuthenticationTimestamp` in registration version history"),
    Release(
        "1.35.63",
        (
            "DeleteProtectConfigurationRuleSetNumberOverride",
            "ListProtectConfigurationRuleSetNumberOverrides",
            "PutMessageFeedback",
            "PutProtectConfigurationRuleSetNumberOverride",
            "SetDefaultMessageFeedbackEnabled",
        ),
        "`MessageFeedbackEnabled` on sends and `DefaultMessageFeedbackEnabled` on configuration "
        "sets; event type `TEXT_PROTECT_BLOCKED`; `+` in filter values",
    ),
    Release("1.38.5", (), "protect statuses `MONITOR` and `FILTER`"),
    Release("1.40.14", (), "`InternationalSendingEnabled` on phone numbers"),
    Release("1.40.66", ("CarrierLookup",)),
    Release(
        "1.42.16",
        (),
        "AWS review of registrations: `AwsReview`, status `AWS_REVIEWING`, `Feedback`",
    ),
    Release(
        "1.42.80",
        (
            "CreateNotifyConfiguration",
            "CreateRcsAgent",
            "DeleteNotifyConfiguration",
            "DeleteNotifyMessageSpendLimitOverride",
            "DeleteRcsAgent",
            "DescribeNotifyConfigurations",
            "DescribeNotifyTemplates",
            "DescribeRcsAgentCountryLaunchStatus",
            "DescribeRcsAgents",
            "ListNotifyCountries",
            "SendNotifyTextMessage",
            "SendNotifyVoiceMessage",
            "SetNotifyMessageSpendLimitOverride",
            "UpdateNotifyConfiguration",
            "UpdateRcsAgent",
        ),
        "number capability `RCS`; `RcsAgentId` on verified destination numbers; `AttachmentUrl` "
        "in described registration attachments; `IsoCountryCode` optional in CreatePool, "
        "AssociateOriginationIdentity and DisassociateOriginationIdentity (required before)",
    ),
    Release(
        "1.43.37",
        ("DeleteRcsMessageSpendLimitOverride", "SendRcsMessage", "SetRcsMessageSpendLimitOverride"),
        "`RCS_*` event types; RCS agents' two-way media and event settings",
    ),
    Release(
        "1.43.84", (), "registration fields' `ConditionalBehavior`; a larger `AttachmentBody` limit"
    ),
    Release(
        "1.43.90",
        ("ListAvailablePhoneNumbers",),
        "RequestPhoneNumber's `NumberPreference`; `MessagingLimits` on numbers, sender IDs and "
        "RCS agents",
    ),
    Release(
        "1.43.108",
        (),
        "CarrierLookup's `EnableCleansing` and `OriginalPhoneNumber`; phone number types `VOIP` "
        "and `PREPAID`",
    ),
    Release("1.43.112", (), "`PricingTier` on phone numbers and sender IDs"),
)


def first_release(operation: str) -> str | None:
    """The first botocore release whose model has ``operation``; ``None`` for an operation
    :data:`OLDEST` already has."""
    for release in RELEASES:
        if operation in release.operations:
            return release.version
    return None
