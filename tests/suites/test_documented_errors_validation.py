"""ValidationException from the model's constraints, for every operation of the service.

Each operation gets one call a user could make with a default boto3 client: botocore's own
checks (required members, types, minimum lengths) pass, and one member breaks a constraint only
the service checks (an enum value, a maximum length or a maximum value). The required members
are filled from the model with the smallest values botocore accepts. Operations with no input
members get an unknown member added to the body, as a newer SDK would send it.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import botocore.session
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError
from botocore.model import Shape

from tests.helpers import expect_error

SERVICE = "pinpoint-sms-voice-v2"
MODEL = botocore.session.get_session().get_service_model(SERVICE)

BROKEN_MEMBER = [
    ("AssociateOriginationIdentity", "IsoCountryCode"),
    ("AssociateProtectConfiguration", "ConfigurationSetName"),
    ("CarrierLookup", "PhoneNumber"),
    ("CreateConfigurationSet", "ConfigurationSetName"),
    ("CreateEventDestination", "ConfigurationSetName"),
    ("CreateNotifyConfiguration", "UseCase"),
    ("CreateOptOutList", "OptOutListName"),
    ("CreatePool", "MessageType"),
    ("CreateProtectConfiguration", "ClientToken"),
    ("CreateRcsAgent", "OptOutListName"),
    ("CreateRegistration", "RegistrationType"),
    ("CreateRegistrationAssociation", "RegistrationId"),
    ("CreateRegistrationAttachment", "AttachmentUrl"),
    ("CreateRegistrationVersion", "RegistrationId"),
    ("CreateVerifiedDestinationNumber", "DestinationPhoneNumber"),
    ("DeleteConfigurationSet", "ConfigurationSetName"),
    ("DeleteDefaultMessageType", "ConfigurationSetName"),
    ("DeleteDefaultSenderId", "ConfigurationSetName"),
    ("DeleteEventDestination", "ConfigurationSetName"),
    ("DeleteKeyword", "Keyword"),
    ("DeleteNotifyConfiguration", "NotifyConfigurationId"),
    ("DeleteOptOutList", "OptOutListName"),
    ("DeleteOptedOutNumber", "OptOutListName"),
    ("DeletePool", "PoolId"),
    ("DeleteProtectConfiguration", "ProtectConfigurationId"),
    ("DeleteProtectConfigurationRuleSetNumberOverride", "DestinationPhoneNumber"),
    ("DeleteRcsAgent", "RcsAgentId"),
    ("DeleteRegistration", "RegistrationId"),
    ("DeleteRegistrationAttachment", "RegistrationAttachmentId"),
    ("DeleteRegistrationFieldValue", "FieldPath"),
    ("DeleteResourcePolicy", "ResourceArn"),
    ("DeleteVerifiedDestinationNumber", "VerifiedDestinationNumberId"),
    ("DescribeAccountAttributes", "MaxResults"),
    ("DescribeAccountLimits", "MaxResults"),
    ("DescribeConfigurationSets", "MaxResults"),
    ("DescribeKeywords", "OriginationIdentity"),
    ("DescribeNotifyConfigurations", "MaxResults"),
    ("DescribeNotifyTemplates", "MaxResults"),
    ("DescribeOptOutLists", "Owner"),
    ("DescribeOptedOutNumbers", "OptOutListName"),
    ("DescribePhoneNumbers", "Owner"),
    ("DescribePools", "Owner"),
    ("DescribeProtectConfigurations", "MaxResults"),
    ("DescribeRcsAgentCountryLaunchStatus", "RcsAgentId"),
    ("DescribeRcsAgents", "Owner"),
    ("DescribeRegistrationAttachments", "MaxResults"),
    ("DescribeRegistrationFieldDefinitions", "RegistrationType"),
    ("DescribeRegistrationFieldValues", "RegistrationId"),
    ("DescribeRegistrationSectionDefinitions", "RegistrationType"),
    ("DescribeRegistrationTypeDefinitions", "MaxResults"),
    ("DescribeRegistrationVersions", "RegistrationId"),
    ("DescribeRegistrations", "MaxResults"),
    ("DescribeSenderIds", "Owner"),
    ("DescribeSpendLimits", "MaxResults"),
    ("DescribeVerifiedDestinationNumbers", "MaxResults"),
    ("DisassociateOriginationIdentity", "IsoCountryCode"),
    ("DisassociateProtectConfiguration", "ConfigurationSetName"),
    ("DiscardRegistrationVersion", "RegistrationId"),
    ("GetProtectConfigurationCountryRuleSet", "NumberCapability"),
    ("GetResourcePolicy", "ResourceArn"),
    ("ListAvailablePhoneNumbers", "NumberType"),
    ("ListNotifyCountries", "Tier"),
    ("ListPoolOriginationIdentities", "PoolId"),
    ("ListProtectConfigurationRuleSetNumberOverrides", "ProtectConfigurationId"),
    ("ListRegistrationAssociations", "RegistrationId"),
    ("ListTagsForResource", "ResourceArn"),
    ("PutKeyword", "KeywordAction"),
    ("PutMessageFeedback", "MessageFeedbackStatus"),
    ("PutOptedOutNumber", "OptOutListName"),
    ("PutProtectConfigurationRuleSetNumberOverride", "Action"),
    ("PutRegistrationFieldValue", "FieldPath"),
    ("PutResourcePolicy", "Policy"),
    ("ReleasePhoneNumber", "PhoneNumberId"),
    ("ReleaseSenderId", "IsoCountryCode"),
    ("RequestPhoneNumber", "MessageType"),
    ("RequestSenderId", "IsoCountryCode"),
    ("SendDestinationNumberVerificationCode", "LanguageCode"),
    ("SendMediaMessage", "ConfigurationSetName"),
    ("SendNotifyTextMessage", "ConfigurationSetName"),
    ("SendNotifyVoiceMessage", "VoiceId"),
    ("SendRcsMessage", "MessageTrafficType"),
    ("SendTextMessage", "MessageType"),
    ("SendVoiceMessage", "MessageBodyTextType"),
    ("SetAccountDefaultProtectConfiguration", "ProtectConfigurationId"),
    ("SetDefaultMessageFeedbackEnabled", "ConfigurationSetName"),
    ("SetDefaultMessageType", "MessageType"),
    ("SetDefaultSenderId", "ConfigurationSetName"),
    ("SetMediaMessageSpendLimitOverride", "MonthlyLimit"),
    ("SetNotifyMessageSpendLimitOverride", "MonthlyLimit"),
    ("SetRcsMessageSpendLimitOverride", "MonthlyLimit"),
    ("SetTextMessageSpendLimitOverride", "MonthlyLimit"),
    ("SetVoiceMessageSpendLimitOverride", "MonthlyLimit"),
    ("SubmitRegistrationVersion", "RegistrationId"),
    ("TagResource", "ResourceArn"),
    ("UntagResource", "ResourceArn"),
    ("UpdateEventDestination", "ConfigurationSetName"),
    ("UpdateNotifyConfiguration", "DefaultTemplateId"),
    ("UpdatePhoneNumber", "OptOutListName"),
    ("UpdatePool", "OptOutListName"),
    ("UpdateProtectConfiguration", "ProtectConfigurationId"),
    ("UpdateProtectConfigurationCountryRuleSet", "NumberCapability"),
    ("UpdateRcsAgent", "OptOutListName"),
    ("UpdateSenderId", "IsoCountryCode"),
    ("VerifyDestinationNumber", "VerificationCode"),
]
"""(operation, the member given a value only the service refuses): an enum value it does not
have, a string over its maximum length, or a number over its maximum."""

NO_INPUT = [
    "DeleteAccountDefaultProtectConfiguration",
    "DeleteMediaMessageSpendLimitOverride",
    "DeleteNotifyMessageSpendLimitOverride",
    "DeleteRcsMessageSpendLimitOverride",
    "DeleteTextMessageSpendLimitOverride",
    "DeleteVoiceMessageSpendLimitOverride",
]
"""Operations whose input has no members at all."""


def smallest(shape: Shape) -> Any:
    """A value of ``shape`` that botocore's client-side validation accepts."""
    kind = shape.type_name
    if kind == "structure":
        return {name: smallest(shape.members[name]) for name in shape.required_members}
    if kind == "list":
        return [smallest(shape.member)] * max(shape.metadata.get("min", 1), 1)
    if kind == "map":
        return {smallest(shape.key): smallest(shape.value)} if shape.metadata.get("min") else {}
    if kind == "string":
        return shape.enum[0] if shape.enum else "x" * max(shape.metadata.get("min", 1), 1)
    if kind in ("integer", "long"):
        return int(shape.metadata.get("min", 0))
    if kind in ("float", "double"):
        return float(shape.metadata.get("min", 0))
    if kind == "boolean":
        return False
    if kind == "timestamp":
        return datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
    if kind == "blob":
        return b"x"
    raise AssertionError(f"no smallest value for {shape.name} ({kind})")


def broken(shape: Shape) -> Any:
    """A value of ``shape`` botocore sends but the service refuses."""
    if shape.type_name == "string" and shape.enum:
        return "NOT_A_VALUE_OF_THE_ENUM"
    if shape.type_name == "string":
        return "x" * (shape.metadata["max"] + 1)
    return shape.metadata["max"] + 1


def rule(shape: Shape) -> str:
    """The part of a ``Fields`` message that names the constraint :func:`broken` breaks."""
    if shape.type_name == "string" and shape.enum:
        return "enum value set"
    if shape.type_name == "string":
        return f"length less than or equal to {shape.metadata['max']}"
    return f"value less than or equal to {shape.metadata['max']}"


def request(operation: str, member: str) -> dict[str, Any]:
    shape = MODEL.operation_model(operation).input_shape
    params: dict[str, Any] = smallest(shape)
    params[member] = broken(shape.members[member])
    return params


def test_the_tables_name_every_operation_once() -> None:
    named = [op for op, _ in BROKEN_MEMBER] + NO_INPUT
    # An older botocore's model lacks the newest operations; the tables name all of the
    # installed model's, once.
    assert sorted(op for op in named if op in MODEL.operation_names) == sorted(
        MODEL.operation_names
    )
    assert len(named) == len(set(named))


def _skip_unless_modelled(operation: str, member: str | None = None) -> None:
    if operation not in MODEL.operation_names:
        pytest.skip(f"{operation} is not in the installed botocore model")
    if member is not None and member not in MODEL.operation_model(operation).input_shape.members:
        pytest.skip(f"{operation}'s {member} is not in the installed botocore model")


@pytest.mark.parametrize(("operation", "member"), BROKEN_MEMBER)
def test_a_constraint_only_the_service_checks_is_a_validation_exception(
    client: Any, operation: str, member: str
) -> None:
    _skip_unless_modelled(operation, member)
    with pytest.raises(ClientError) as caught:
        getattr(client, xform_name(operation))(**request(operation, member))
    e = caught.value.response
    assert e["ResponseMetadata"]["HTTPStatusCode"] == 400
    # The smallest values of the other members may break a pattern of theirs, and a broken string
    # may break its member's pattern too, so ``Fields`` can name more than ``member``: the row
    # cannot name them all, and the rest of the error is asserted without them.
    fields = e["Fields"]
    expected = rule(MODEL.operation_model(operation).input_shape.members[member])
    assert any(f["Name"] == member and expected in f["Message"] for f in fields), fields
    without_fields = {k: v for k, v in e.items() if k != "Fields"}
    expect_error(
        without_fields, "ValidationException", "FIELD_VALIDATION_FAILED", message=f"'{member}'"
    )


@pytest.mark.parametrize("operation", NO_INPUT)
def test_an_unknown_member_is_a_validation_exception(client: Any, operation: str) -> None:
    _skip_unless_modelled(operation)

    def add_member(request: Any, **kwargs: Any) -> None:
        body = json.loads(request.body or b"{}")
        body["NotAMemberOfTheModel"] = "x"
        request.data = json.dumps(body).encode()

    client.meta.events.register(f"before-sign.{SERVICE}.{operation}", add_member)
    with pytest.raises(ClientError) as caught:
        getattr(client, xform_name(operation))()
    expect_error(
        caught,
        "ValidationException",
        "INVALID_PARAMETER",
        message="'NotAMemberOfTheModel'",
        fields={"NotAMemberOfTheModel": "not a known parameter"},
    )
