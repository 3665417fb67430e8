"""Account quotas: the defaults AWS states, which a test can lower or raise on the handle.

The defaults are the figures of the User Guide's *Quotas for AWS End User Messaging SMS* page
(``quotas.md``: per account and region); the names are the model's
``ServiceQuotaExceededExceptionReason`` values, except the few quotas the model has no reason for
(:data:`QUOTA_REASONS` gives the modeled reason each of those is reported with).
"""

from __future__ import annotations

DEFAULT_QUOTAS: dict[str, int] = {
    "CONFIGURATION_SETS_PER_ACCOUNT": 25,
    "EVENT_DESTINATIONS_PER_CONFIGURATION_SET": 5,
    "KEYWORDS_PER_PHONE_NUMBER": 30,
    "KEYWORDS_PER_POOL": 30,
    # quotas.md: "Number of opt-out lists ... The required Default opt-out list counts against
    # this quota. 25 per account".
    "OPT_OUT_LISTS_PER_ACCOUNT": 25,
    "ORIGINATION_IDENTITIES_PER_POOL": 100,
    # quotas.md: "Number of SMS, MMS, and Voice numbers: 25 per account".
    "PHONE_NUMBERS_PER_ACCOUNT": 25,
    # quotas.md, 10DLC quotas: "Max 10DLC numbers: 49 per 10DLC campaign".
    "PHONE_NUMBERS_PER_REGISTRATION": 49,
    "POOLS_PER_ACCOUNT": 25,
    "REGISTRATIONS_PER_ACCOUNT": 25,
    "REGISTRATION_ATTACHMENTS_PER_ACCOUNT": 25,
    "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY": 100,
    "REGISTRATION_VERSIONS_CREATED_PER_DAY": 100,
    "ASSOCIATIONS_PER_REGISTRATION": 100,
    "SENDER_IDS_PER_ACCOUNT": 200,
    "TAGS_PER_RESOURCE": 200,
    "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT": 10,
    "VERIFICATION_ATTEMPTS_PER_DAY": 5,
    "PROTECT_CONFIGURATIONS_PER_ACCOUNT": 25,
    "NOTIFY_CONFIGURATIONS_PER_ACCOUNT": 25,
    "RCS_AGENTS_PER_ACCOUNT": 25,
    # Notify tiers page: the Basic tier's "Daily message limit 200 messages".
    "DAILY_NOTIFY_TIER_MESSAGE_LIMIT": 200,
    # Notify quotas page: at most 10 voice calls to one destination number a day.
    "DAILY_DESTINATION_CALL_LIMIT": 10,
    # quotas.md, 10DLC quotas: "Max 10DLC companies: 25 per account", "Max 10DLC campaigns: 10
    # per 10DLC brand".
    "TEN_DLC_BRANDS_PER_ACCOUNT": 25,
    "TEN_DLC_CAMPAIGNS_PER_BRAND": 10,
    # quotas.md, Voice quotas: "Number of voice messages that can be sent to a single recipient
    # during a 24-hour period: 5 messages" and, in the sandbox, "during a 24-hour period: 20".
    "VOICE_MESSAGES_PER_DESTINATION_PER_DAY": 5,
    "SANDBOX_VOICE_MESSAGES_PER_DAY": 20,
    # The monthly spend limits AWS sets (DescribeSpendLimits' MaxLimit), in US dollars: a new
    # account's are 1 USD ("You have a monthly SMS spending limit of $1.00 (USD)", User Guide,
    # SMS/MMS and Voice sandbox); see smsmock.operations.account.
    "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
    "RCS_MESSAGE_MONTHLY_SPEND_LIMIT": 1,
}

QUOTA_REASONS: dict[str, str] = {
    # The model has no reason for these; each is reported with the modeled reason of what it
    # counts (a brand is a registration; a campaign is associated with its brand; a voice
    # message is a call).
    "TEN_DLC_BRANDS_PER_ACCOUNT": "REGISTRATIONS_PER_ACCOUNT",
    "TEN_DLC_CAMPAIGNS_PER_BRAND": "ASSOCIATIONS_PER_REGISTRATION",
    "VOICE_MESSAGES_PER_DESTINATION_PER_DAY": "DAILY_DESTINATION_CALL_LIMIT",
    "SANDBOX_VOICE_MESSAGES_PER_DAY": "DAILY_DESTINATION_CALL_LIMIT",
}
"""The ``Reason`` of each quota the model's ``ServiceQuotaExceededExceptionReason`` lacks."""
