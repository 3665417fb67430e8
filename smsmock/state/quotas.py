"""Account quotas: realistic defaults a test can lower or raise on the handle.

The defaults follow the AWS End User Messaging SMS quotas page (per account and region), rounded
where AWS gives a range; the names are the model's ``ServiceQuotaExceededExceptionReason`` values.
"""

from __future__ import annotations

DEFAULT_QUOTAS: dict[str, int] = {
    "CONFIGURATION_SETS_PER_ACCOUNT": 25,
    "EVENT_DESTINATIONS_PER_CONFIGURATION_SET": 5,
    "KEYWORDS_PER_PHONE_NUMBER": 30,
    "KEYWORDS_PER_POOL": 30,
    "OPT_OUT_LISTS_PER_ACCOUNT": 100,
    "ORIGINATION_IDENTITIES_PER_POOL": 100,
    "PHONE_NUMBERS_PER_ACCOUNT": 100,
    "PHONE_NUMBERS_PER_REGISTRATION": 100,
    "POOLS_PER_ACCOUNT": 100,
    "REGISTRATIONS_PER_ACCOUNT": 100,
    "REGISTRATION_ATTACHMENTS_PER_ACCOUNT": 1000,
    "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY": 100,
    "REGISTRATION_VERSIONS_CREATED_PER_DAY": 100,
    "ASSOCIATIONS_PER_REGISTRATION": 100,
    "SENDER_IDS_PER_ACCOUNT": 100,
    "TAGS_PER_RESOURCE": 200,
    "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT": 10,
    "VERIFICATION_ATTEMPTS_PER_DAY": 5,
    "PROTECT_CONFIGURATIONS_PER_ACCOUNT": 5,
    "NOTIFY_CONFIGURATIONS_PER_ACCOUNT": 25,
    "RCS_AGENTS_PER_ACCOUNT": 25,
    # Notify tiers page: the Basic tier's "Daily message limit 200 messages".
    "DAILY_NOTIFY_TIER_MESSAGE_LIMIT": 200,
    "DAILY_DESTINATION_CALL_LIMIT": 10,
    # The monthly spend limits AWS sets (DescribeSpendLimits' MaxLimit), in US dollars: a new
    # account's are 1 USD ("You have a monthly SMS spending limit of $1.00 (USD)", User Guide,
    # SMS/MMS and Voice sandbox); see smsmock.operations.account.
    "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "RCS_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
}
