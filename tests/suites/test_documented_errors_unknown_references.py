"""ResourceNotFoundException from every operation that takes a required id, name or ARN.

Each operation is called as a user would, with each required reference (``PoolId``,
``ConfigurationSetName``, ``RegistrationId``, …) naming nothing in the account and the other
required members given ordinary values. The error must name the kind of one of those references
(``ResourceType``, an enum value of the model) and the value the caller gave for it
(``ResourceId``). Operations whose reference is a plain ARN (tags, resource policies) answer
with the ARN's own kind and are tested in their families.
"""

from __future__ import annotations

from typing import Any

import botocore.session
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError

from tests.helpers import expect_error
from tests.installed_model import needs_operations

MODEL = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
ZEROS = "0" * 32

REFERENCE_SHAPES: dict[str, tuple[str, str]] = {
    "PoolIdOrArn": (f"pool-{ZEROS}", "pool"),
    "PhoneNumberIdOrArn": (f"phone-{ZEROS}", "phone-number"),
    "PhoneOrPoolIdOrArn": (f"phone-{ZEROS}", "phone-number"),
    "PhoneOrSenderIdOrArn": (f"phone-{ZEROS}", "phone-number"),
    "ResourceIdOrArn": (f"phone-{ZEROS}", "phone-number"),
    "SenderIdOrArn": ("NOSUCHID", "sender-id"),
    "ConfigurationSetNameOrArn": ("no-such-set", "configuration-set"),
    "OptOutListNameOrArn": ("no-such-list", "opt-out-list"),
    "NotifyConfigurationIdOrArn": (f"notify-{ZEROS}", "notify-configuration"),
    "ProtectConfigurationIdOrArn": (f"protect-{ZEROS}", "protect-configuration"),
    "RcsAgentIdOrArn": (f"rcs-{ZEROS}", "rcs-agent"),
    "RegistrationIdOrArn": (f"registration-{ZEROS}", "registration"),
    "RegistrationAttachmentIdOrArn": (f"attachment-{ZEROS}", "registration-attachment"),
    "VerifiedDestinationNumberIdOrArn": (f"verified-{ZEROS}", "verified-destination-number"),
}
"""Input shape of a reference → (a value naming nothing, the ResourceType it is of)."""

ORDINARY: dict[str, Any] = {
    "Action": "ALLOW",
    "CountryRuleSetUpdates": {"US": {"ProtectStatus": "ALLOW"}},
    "DestinationPhoneNumber": "+12065550100",
    "EventDestinationName": "to-sns",
    "FieldPath": "companyInfo.companyName",
    "IsoCountryCode": "US",
    "Keyword": "HELP",
    "KeywordMessage": "Reply STOP to stop.",
    "MatchingEventTypes": ["ALL"],
    "MessageFeedbackEnabled": True,
    "MessageType": "TRANSACTIONAL",
    "NumberCapability": "SMS",
    "OptedOutNumber": "+12065550100",
    "SenderId": "ACME",
    "TemplateVariables": {"code": "1234"},
    "VerificationChannel": "TEXT",
    "VerificationCode": "123456",
}
"""Values for the other required members."""

UNKNOWN_REFERENCE = [
    "AssociateOriginationIdentity",
    "AssociateProtectConfiguration",
    "CreateEventDestination",
    "CreatePool",
    "CreateRegistrationAssociation",
    "CreateRegistrationVersion",
    "DeleteConfigurationSet",
    "DeleteDefaultMessageType",
    "DeleteDefaultSenderId",
    "DeleteEventDestination",
    "DeleteKeyword",
    "DeleteNotifyConfiguration",
    "DeleteOptOutList",
    "DeleteOptedOutNumber",
    "DeletePool",
    "DeleteProtectConfiguration",
    "DeleteProtectConfigurationRuleSetNumberOverride",
    "DeleteRcsAgent",
    "DeleteRegistration",
    "DeleteRegistrationAttachment",
    "DeleteRegistrationFieldValue",
    "DeleteVerifiedDestinationNumber",
    "DescribeKeywords",
    "DescribeOptedOutNumbers",
    "DescribeRcsAgentCountryLaunchStatus",
    "DescribeRegistrationFieldValues",
    "DescribeRegistrationVersions",
    "DisassociateOriginationIdentity",
    "DisassociateProtectConfiguration",
    "DiscardRegistrationVersion",
    "GetProtectConfigurationCountryRuleSet",
    "ListPoolOriginationIdentities",
    "ListProtectConfigurationRuleSetNumberOverrides",
    "ListRegistrationAssociations",
    "PutKeyword",
    "PutOptedOutNumber",
    "PutProtectConfigurationRuleSetNumberOverride",
    "PutRegistrationFieldValue",
    "ReleasePhoneNumber",
    "ReleaseSenderId",
    "SendDestinationNumberVerificationCode",
    "SendNotifyTextMessage",
    "SendNotifyVoiceMessage",
    "SetAccountDefaultProtectConfiguration",
    "SetDefaultMessageFeedbackEnabled",
    "SetDefaultMessageType",
    "SetDefaultSenderId",
    "SubmitRegistrationVersion",
    "UpdateEventDestination",
    "UpdateNotifyConfiguration",
    "UpdatePhoneNumber",
    "UpdatePool",
    "UpdateProtectConfiguration",
    "UpdateProtectConfigurationCountryRuleSet",
    "UpdateRcsAgent",
    "UpdateSenderId",
    "VerifyDestinationNumber",
]
"""Every operation documenting ResourceNotFoundException with a required reference member."""


def references(operation: str) -> dict[str, tuple[str, str]]:
    """The operation's required reference members → (unknown value, ResourceType)."""
    shape = MODEL.operation_model(operation).input_shape
    return {
        name: REFERENCE_SHAPES[shape.members[name].name]
        for name in shape.required_members
        if shape.members[name].name in REFERENCE_SHAPES
    }


def request(operation: str) -> dict[str, Any]:
    shape = MODEL.operation_model(operation).input_shape
    params = {name: ORDINARY.get(name) for name in shape.required_members}
    params.update({name: value for name, (value, _) in references(operation).items()})
    missing = [name for name, value in params.items() if value is None]
    assert not missing, f"no ordinary value for {missing}"
    return params


def test_the_table_names_every_operation_with_a_required_reference() -> None:
    expected = [
        op
        for op in MODEL.operation_names
        if "ResourceNotFoundException" in [e.name for e in MODEL.operation_model(op).error_shapes]
        and references(op)
    ]
    if set(UNKNOWN_REFERENCE) <= set(MODEL.operation_names):
        assert sorted(UNKNOWN_REFERENCE) == expected
    else:
        # An older botocore's model lacks the newest operations, and some of its operations did
        # not document ResourceNotFoundException yet: the table still names every one that does.
        assert set(expected) <= set(UNKNOWN_REFERENCE)


@pytest.mark.parametrize(
    "operation", [pytest.param(op, marks=needs_operations(op)) for op in UNKNOWN_REFERENCE]
)
def test_an_unknown_required_reference_is_not_found(client: Any, operation: str) -> None:
    with pytest.raises(ClientError) as caught:
        getattr(client, xform_name(operation))(**request(operation))
    e = caught.value.response
    named = {(kind, value) for value, kind in references(operation).values()}
    # An operation with several references names whichever it looks up first: any of them.
    said = (e.get("ResourceType"), e.get("ResourceId"))
    assert said in named, said
    kind, value = said
    expect_error(
        e, "ResourceNotFoundException", message=value, resource_type=kind, resource_id=value
    )
