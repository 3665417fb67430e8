"""Valid registration forms and small helpers shared by the registration tests."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from smsmock import SmsVoiceMock
from smsmock.records.phone_numbers import PHONE_NUMBERS, PhoneNumber
from smsmock.state.ids import new_id

FieldValue = str | list[str] | bytes
"""A TEXT value, a SELECT's choices, or the file of an ATTACHMENT."""

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64

BRAND: dict[str, str | list[str]] = {
    "companyInfo.companyName": "Example Corp",
    "companyInfo.taxIdIssuingCountry": "US",
    "companyInfo.taxId": "123456789",
    "companyInfo.legalType": ["PRIVATE_PROFIT"],
    "companyInfo.address": "123 Main Street",
    "companyInfo.city": "Seattle",
    "companyInfo.state": "WA",
    "companyInfo.zipCode": "98101",
    "companyInfo.isoCountryCode": "US",
    "contactInfo.dbaName": "Example",
    "contactInfo.vertical": ["TECHNOLOGY"],
    "contactInfo.website": "https://www.example.com",
    "contactInfo.supportEmail": "support@example.com",
    "contactInfo.supportPhoneNumber": "+12065550142",
}

CAMPAIGN: dict[str, str | list[str]] = {
    "campaignInfo.campaignName": "Example Corp sends one-time passwords to customers who log in.",
    "campaignInfo.vertical": ["TECHNOLOGY"],
    "campaignInfo.optInWorkflow": "Customers tick the SMS box when they create an account online.",
    "campaignInfo.optInMessage": "Example Corp: you are subscribed to login codes. STOP to end.",
    "campaignInfo.helpMessage": "Example Corp: for help visit example.com. STOP to end.",
    "campaignInfo.stopMessage": "Example Corp: you are unsubscribed and get no more messages.",
    "campaignCapabilities.numberCapabilities": ["SMS"],
    "campaignUseCase.useCase": ["TWO_FACTOR_AUTHENTICATION"],
    "campaignUseCase.subscriberOptIn": ["Yes"],
    "campaignUseCase.subscriberOptOut": ["Yes"],
    "campaignUseCase.subscriberHelp": ["Yes"],
    "campaignUseCase.directLending": ["No"],
    "campaignUseCase.embeddedLink": ["No"],
    "campaignUseCase.embeddedPhone": ["No"],
    "campaignUseCase.ageGated": ["No"],
    "messageSamples.messageSample1": "Your Example Corp code is [OTP Code]. It expires in 10 min.",
}

TOLL_FREE: dict[str, FieldValue] = {
    "companyInfo.companyName": "Example Corp",
    "companyInfo.website": "https://www.example.com",
    "companyInfo.address1": "123 Main Street",
    "companyInfo.city": "Seattle",
    "companyInfo.state": "WA",
    "companyInfo.zipCode": "98101",
    "companyInfo.isoCountryCode": "US",
    "companyInfo.businessType": ["SOLE_PROPRIETOR"],
    "contactInfo.firstName": "Jane",
    "contactInfo.lastName": "Doe",
    "contactInfo.supportEmail": "jane@example.com",
    "contactInfo.supportPhoneNumber": "+12065550142",
    "messagingUseCase.monthlyMessageVolume": ["1,000"],
    "messagingUseCase.useCaseCategory": ["ONE_TIME_PASSWORDS"],
    "messagingUseCase.useCaseDetails": "Example Corp sends login codes to customers.",
    "messagingUseCase.optInType": ["DIGITAL_FORM"],
    "messagingUseCase.optInDescription": "Customers tick the SMS box when they sign up online.",
    "messagingUseCase.optInImage": PNG,
    "messageSamples.messageSample1": "Your Example Corp code is [OTP Code]. It expires in 10 min.",
}

SG_SENDER_ID: dict[str, str | list[str]] = {
    "companyInfo.companyName": "Example Pte Ltd",
    "companyInfo.taxId": "201912345K",
    "companyInfo.website": "https://www.example.sg",
    "companyInfo.address1": "1 Raffles Place",
    "companyInfo.city": "Singapore",
    "companyInfo.zipCode": "048616",
    "companyInfo.isoCountryCode": "SG",
    "contactInfo.firstName": "Wei",
    "contactInfo.lastName": "Tan",
    "contactInfo.supportEmail": "wei@example.sg",
    "contactInfo.supportPhoneNumber": "+6561234567",
    "senderIdInfo.senderId": "EXAMPLE",
    "senderIdInfo.isRepresentative": ["False"],
    "messagingUseCase.monthlyMessageVolume": ["10,000"],
    "messagingUseCase.useCaseCategory": ["ONE_TIME_PASSWORDS"],
    "messageSamples.messageSample1": "Your Example code is [OTP Code]. Do not share it.",
}


IN_SENDER_ID: dict[str, FieldValue] = {
    # What the India script of the AWS Messaging blog "Automate sender ID registration in AWS End
    # User Messaging" (January 2026) writes, with its sample configuration's values.
    "senderIdInfo.senderId": "DEMO",
    "inSidSpecificInfo.principalEntityId": "123",
    "inSidSpecificInfo.chainId1": "456",
    "inSidSpecificInfo.chainId2": "789",
    "inSidSpecificInfo.chainId3": "910",
    "inSidSpecificInfo.chainId5": "912",
    "inSidSpecificInfo.sendingParametersAcknowledgement": ["Yes"],
    "companyInfo.companyId": "123456789",
    "companyInfo.companyName": "Example Corp",
    "companyInfo.website": "https://www.example.com",
    "companyInfo.areaOfBusiness": ["Other"],
    "companyAddress.address1": "123 Main Street",
    "companyAddress.city": "Any Town",
    "companyAddress.isoCountryCode": "IN",
    "contactInfo.emailAddress": "johdoe@example.com",
    "contactInfo.phoneNumber": "+12605550100",
    "messagingUseCase.useCaseCategory": ["One-time passcodes"],
    "messagingUseCase.useCaseDescription": "For One Time Messages",
    "messagingUseCase.monthlyMessageVolume": ["10,000"],
    "messagingUseCase.optInDescription": "For One Time Messages",
    "messageSamples.messageSample1": "Your OTP is XXX",
}


def put_values(client: Any, registration_id: str, values: Mapping[str, FieldValue]) -> None:
    """Fill a registration's form: a list is a SELECT's choices, a string a TEXT value, bytes
    the file of an ATTACHMENT (uploaded as a registration attachment first)."""
    for path, value in values.items():
        given: dict[str, Any]
        if isinstance(value, bytes):
            attachment = client.create_registration_attachment(AttachmentBody=value)
            given = {"RegistrationAttachmentId": attachment["RegistrationAttachmentId"]}
        elif isinstance(value, list):
            given = {"SelectChoices": value}
        else:
            given = {"TextValue": value}
        client.put_registration_field_value(RegistrationId=registration_id, FieldPath=path, **given)


def new_registration(client: Any, registration_type: str, **kwargs: Any) -> str:
    registration_id: str = client.create_registration(RegistrationType=registration_type, **kwargs)[
        "RegistrationId"
    ]
    return registration_id


def completed_brand(client: Any) -> str:
    """A US 10DLC brand registration, filled, submitted and approved (immediate mode)."""
    brand = new_registration(client, "US_TEN_DLC_BRAND_REGISTRATION")
    put_values(client, brand, BRAND)
    client.submit_registration_version(RegistrationId=brand)
    return brand


def completed_campaign(client: Any) -> str:
    """A COMPLETE US 10DLC campaign registration (with its brand), made once per account and
    region in the immediate lifecycle mode: what TEN_DLC phone numbers are requested with."""
    done = client.describe_registrations(
        Filters=[
            {"Name": "registration-type", "Values": ["US_TEN_DLC_CAMPAIGN_REGISTRATION"]},
            {"Name": "registration-status", "Values": ["COMPLETE"]},
        ]
    )["Registrations"]
    if done:
        return str(done[0]["RegistrationId"])
    brand = completed_brand(client)
    campaign = new_registration(client, "US_TEN_DLC_CAMPAIGN_REGISTRATION")
    put_values(client, campaign, CAMPAIGN)
    client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    client.submit_registration_version(RegistrationId=campaign)
    return campaign


def registration_status(client: Any, registration_id: str) -> str:
    info = client.describe_registrations(RegistrationIds=[registration_id])["Registrations"][0]
    return str(info["RegistrationStatus"])


def add_phone_number(
    sms_voice: SmsVoiceMock, number_type: str = "TEN_DLC", number: str = "+12065550100"
) -> PhoneNumber:
    """A phone number in the mock's state, as RequestPhoneNumber would leave it."""
    backend = sms_voice.backend()
    phone_id = new_id("phone")
    return backend.table(PHONE_NUMBERS).add(
        PhoneNumber(
            phone_number_arn=backend.arn("phone-number", phone_id),
            phone_number_id=phone_id,
            phone_number=number,
            iso_country_code="US",
            message_type="TRANSACTIONAL",
            number_capabilities=["SMS"],
            number_type=number_type,
            monthly_leasing_price="2.00",
            created_timestamp=datetime.now(timezone.utc),
            status="ACTIVE",
        )
    )


def register_toll_free(client: Any, phone_number_id: str) -> str:
    """Register a requested US toll-free number the documented way, so that it can send: a
    US_TOLL_FREE_REGISTRATION associated with it, filled, submitted and (immediate lifecycle
    mode) approved; the number is ``ACTIVE`` from then on. Returns the registration's id."""
    registration = new_registration(client, "US_TOLL_FREE_REGISTRATION")
    client.create_registration_association(RegistrationId=registration, ResourceId=phone_number_id)
    put_values(client, registration, TOLL_FREE)
    client.submit_registration_version(RegistrationId=registration)
    return registration
