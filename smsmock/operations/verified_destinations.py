"""Verified destination numbers, what an account in the sandbox may send to:
CreateVerifiedDestinationNumber, DescribeVerifiedDestinationNumbers,
DeleteVerifiedDestinationNumber, SendDestinationNumberVerificationCode, VerifyDestinationNumber.

A number starts ``PENDING``; SendDestinationNumberVerificationCode sends a text or voice message
carrying a six-digit code (recorded like every message, so a test reads the code from
``sms.sent_messages``); VerifyDestinationNumber with that code makes it ``VERIFIED``. A code is
good for :data:`CODE_VALIDITY` (AWS does not document how long; see docs/messaging.md) and only
the latest code counts.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from typing import Any

from smsmock.records.rcs_agents import rcs_agent
from smsmock.records.verified_destinations import (
    VERIFIED_DESTINATION_NUMBERS,
    VerifiedDestinationNumber,
    verified_destination,
)
from smsmock.rules.countries import e164, end_user_number
from smsmock.rules.sending import SendRequest, send
from smsmock.state.creation import create_record, refuse_existing
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.paging import attribute_filters, paginate
from smsmock.state.registry import Call, Params, operation

CODE_VALIDITY = timedelta(minutes=10)
"""How long a verification code can be used (a choice: the documentation gives no figure)."""
ATTEMPT_WINDOW = timedelta(days=1)
"""``VERIFICATION_ATTEMPTS_PER_DAY`` counts the codes sent to one number in the last 24 hours."""

_MESSAGES = {
    "DE_DE": "Ihr Bestätigungscode lautet {code}.",
    "EN_GB": "Your verification code is {code}.",
    "EN_US": "Your verification code is {code}.",
    "ES_419": "Tu código de verificación es {code}.",
    "ES_ES": "Tu código de verificación es {code}.",
    "FR_CA": "Votre code de vérification est {code}.",
    "FR_FR": "Votre code de vérification est {code}.",
    "IT_IT": "Il tuo codice di verifica è {code}.",
    "JA_JP": "確認コードは {code} です。",
    "KO_KR": "인증 코드는 {code}입니다.",
    "PT_BR": "Seu código de verificação é {code}.",
    "ZH_CN": "您的验证码是 {code}。",
    "ZH_TW": "您的驗證碼是 {code}。",
}
"""The verification message per ``LanguageCode`` (the wording is smsmock's; the code is what
matters to a test: it is the only run of six digits in the body)."""

CODE_PATTERN = re.compile(r"\d{6}")


def _unverified(call: Call, ref: str) -> VerifiedDestinationNumber:
    """The destination ``ref`` names, still to be verified: one already ``VERIFIED`` is
    ``ConflictException`` ``VERIFICATION_ALREADY_COMPLETE``."""
    record = verified_destination(call, ref)
    if record.status == "VERIFIED":
        raise ConflictError(
            f"The destination phone number {record.destination_phone_number} is already verified.",
            "VERIFICATION_ALREADY_COMPLETE",
            "verified-destination-number",
            record.verified_destination_number_id,
        )
    return record


@operation("CreateVerifiedDestinationNumber")
def create_verified_destination_number(call: Call, params: Params) -> VerifiedDestinationNumber:
    table = call.backend.table(VERIFIED_DESTINATION_NUMBERS)
    number = end_user_number(params["DestinationPhoneNumber"], "DestinationPhoneNumber")
    agent_id = None
    if params.get("RcsAgentId"):
        agent_id = rcs_agent(call.backend, params["RcsAgentId"]).rcs_agent_id
    alias = f"{number}/{agent_id}" if agent_id else number
    refuse_existing(
        table,
        alias,
        f"The destination phone number {number} is already a verified destination number.",
        resource_id=number,
    )
    return create_record(
        call,
        table,
        params,
        lambda record_id, arn: VerifiedDestinationNumber(
            verified_destination_number_arn=arn,
            verified_destination_number_id=record_id,
            destination_phone_number=number,
            status="PENDING",
            created_timestamp=call.now,
            rcs_agent_id=agent_id,
        ),
    )


@operation("DescribeVerifiedDestinationNumbers")
def describe_verified_destination_numbers(call: Call, params: Params) -> dict[str, Any]:
    table = call.backend.table(VERIFIED_DESTINATION_NUMBERS)
    ids = params.get("VerifiedDestinationNumberIds") or []
    numbers = {e164(n) for n in params.get("DestinationPhoneNumbers") or []}
    source: Any = table
    if ids:
        source = [verified_destination(call, ref) for ref in ids]
    page, token = paginate(
        call,
        source,
        params,
        filters=attribute_filters("status", "rcs_agent_id"),
        where=(lambda r: r.destination_phone_number in numbers) if numbers else None,
    )
    return {"VerifiedDestinationNumbers": page, "NextToken": token}


@operation("DeleteVerifiedDestinationNumber")
def delete_verified_destination_number(call: Call, params: Params) -> VerifiedDestinationNumber:
    record = verified_destination(call, params["VerifiedDestinationNumberId"])
    if call.now - record.created_timestamp < DELETION_WAIT:
        # User Guide, SMS/MMS and Voice sandbox: "You can delete a destination phone number.
        # However, you must wait 24 hours after adding a phone number before you can delete it."
        # The page does not say how it fails: the closest modeled reason is
        # RESOURCE_DELETION_NOT_ALLOWED.
        raise ConflictError(
            f"The verified destination number {record.verified_destination_number_id} can be "
            "deleted 24 hours after it was added.",
            "RESOURCE_DELETION_NOT_ALLOWED",
            "verified-destination-number",
            record.verified_destination_number_id,
        )
    call.backend.table(VERIFIED_DESTINATION_NUMBERS).remove(record)
    return record


DELETION_WAIT = timedelta(hours=24)
"""How long after it was added a verified destination number can be deleted (on the mock's
clock)."""


@operation("SendDestinationNumberVerificationCode")
def send_destination_number_verification_code(call: Call, params: Params) -> dict[str, Any]:
    record = _unverified(call, params["VerifiedDestinationNumberId"])
    recent = [t for t in record.code_sends if call.now - t < ATTEMPT_WINDOW]
    call.backend.check_quota("VERIFICATION_ATTEMPTS_PER_DAY", len(recent))
    code = f"{secrets.randbelow(1_000_000):06d}"
    text = _MESSAGES.get(params.get("LanguageCode") or "EN_US", _MESSAGES["EN_US"])
    channel = "VOICE" if params["VerificationChannel"] == "VOICE" else "SMS"
    message = send(
        call,
        SendRequest(
            channel=channel,
            destination_phone_number=record.destination_phone_number,
            origination_identity=params.get("OriginationIdentity"),
            message_body=text.format(code=code),
            configuration_set_name=params.get("ConfigurationSetName"),
            context=dict(params.get("Context") or {}),
            destination_country_parameters=dict(params.get("DestinationCountryParameters") or {}),
            voice_id="MATTHEW" if channel == "VOICE" else None,
            message_body_text_type="TEXT" if channel == "VOICE" else None,
            verification_code=True,
            # "we waive the fee for the first verification code for each phone number"
            waive_fee=not record.code_sends,
        ),
    )
    record.code, record.code_sent_at = code, call.now
    record.code_sends = [*recent, call.now]
    return {"MessageId": message.message_id}


@operation("VerifyDestinationNumber")
def verify_destination_number(call: Call, params: Params) -> VerifiedDestinationNumber:
    record = _unverified(call, params["VerifiedDestinationNumberId"])
    if record.code is None or record.code != params["VerificationCode"]:
        raise ValidationError(
            "The verification code does not match the code sent to the destination number.",
            "VERIFICATION_CODE_MISMATCH",
            [("VerificationCode", "Wrong code.")],
        )
    assert record.code_sent_at is not None
    if call.now - record.code_sent_at > CODE_VALIDITY:
        raise ConflictError(
            "The verification code has expired; send a new one.",
            "VERIFICATION_CODE_EXPIRED",
            "verified-destination-number",
            record.verified_destination_number_id,
        )
    record.status = "VERIFIED"
    record.code = None
    return record
