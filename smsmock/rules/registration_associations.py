"""Registrations and what they register, across families: linking a phone number, sender ID or RCS
agent, the checks phone numbers and sender IDs ask before they are requested or released, and
what an approved registration provisions. What a registration type takes, and when, is its
``SupportedAssociations`` (see ``smsmock/data/registration_types.json``):
``ASSOCIATE_BEFORE_SUBMIT`` (a toll-free number, or the brand of a 10DLC campaign, linked while
the form is a draft), ``ASSOCIATE_AFTER_COMPLETE`` (10DLC numbers, once the campaign is
complete) and ``ASSOCIATE_ON_APPROVAL`` (sender IDs, provisioned when approved)."""

from __future__ import annotations

from smsmock.records.phone_numbers import PHONE_NUMBERS, PhoneNumber
from smsmock.records.rcs_agents import RCS_AGENTS, RcsAgent
from smsmock.records.registrations import (
    ON_APPROVAL,
    REGISTRATIONS,
    Registration,
    RegistrationAssociation,
    registration,
)
from smsmock.records.sender_ids import SENDER_IDS, SenderId
from smsmock.rules.registration_forms import RegistrationForm, form_of, forms
from smsmock.state.errors import ConflictError, ResourceNotFoundError, ValidationError
from smsmock.state.registry import Call
from smsmock.state.tables import Record
from smsmock.state.world import Backend


def link(
    registration: Registration, resource: Record, association: RegistrationAssociation
) -> None:
    """Record an association, and the registration on the identity (``registration_id``)."""
    registration.associations.append(association)
    if isinstance(resource, PhoneNumber | SenderId):
        resource.registration_id = registration.registration_id


def _provision_on_approval(backend: Backend, record: Registration) -> None:
    """``ASSOCIATE_ON_APPROVAL``: the approved sender ID is provisioned (or, when one was
    associated already, marked registered) and associated with the registration."""
    form = forms()[record.registration_type]
    supported = form.supported_association("SENDER_ID", None)
    if supported is None or supported["AssociationBehavior"] != "ASSOCIATE_ON_APPROVAL":
        return
    senders = backend.table(SENDER_IDS)
    linked = [a for a in record.associations if a.resource_type == "sender-id"]
    for association in linked:
        existing = senders.find(association.resource_arn)
        if existing is not None:
            existing.registered = True
    if linked:
        return
    value = record.current_version.field_values.get("senderIdInfo.senderId")
    if value is None or not value.text_value:
        return
    country = supported.get("IsoCountryCode") or "US"
    key = f"{value.text_value}/{country}"
    sender = senders.find(key)
    if sender is None:
        sender = senders.add(
            SenderId(
                sender_id_arn=backend.arn("sender-id", key),
                sender_id=value.text_value,
                iso_country_code=country,
                message_types=["TRANSACTIONAL", "PROMOTIONAL"],
                monthly_leasing_price="0.00",
            )
        )
    sender.registered = True
    link(
        record,
        sender,
        RegistrationAssociation(
            resource_arn=sender.sender_id_arn,
            resource_id=sender.sender_id,
            resource_type="sender-id",
            iso_country_code=country,
        ),
    )


ON_APPROVAL.append(_provision_on_approval)


Target = PhoneNumber | SenderId | Registration | RcsAgent


def find_target(call: Call, ref: str, form: RegistrationForm) -> Target:
    """The phone number, sender ID or registration ``ref`` names (id, E.164 number, sender ID
    or ARN)."""
    backend = call.backend
    if ref.startswith("arn:"):
        found = backend.by_arn.get(ref)
        if isinstance(found, PhoneNumber | SenderId | Registration | RcsAgent):
            return found
        _refuse_number_of_another_region(call, ref)
    else:
        candidates: tuple[Target | None, ...] = (
            backend.table(REGISTRATIONS).find(ref),
            backend.table(PHONE_NUMBERS).find(ref),
            backend.table(SENDER_IDS).find(ref),
            backend.table(RCS_AGENTS).find(ref),
        )
        for candidate in candidates:
            if candidate is not None:
                return candidate
        countries = {
            s.get("IsoCountryCode")
            for s in form.definition.get("SupportedAssociations", [])
            if s["ResourceType"] == "SENDER_ID"
        }
        sender = backend.table(SENDER_IDS).first(
            lambda s: s.sender_id == ref and (not countries or s.iso_country_code in countries)
        )
        if sender is not None:
            return sender
    raise ResourceNotFoundError(_guess_type(ref, form), ref)


def _refuse_number_of_another_region(call: Call, arn: str) -> None:
    """A registration is made in one AWS Region and takes the account's phone numbers of that
    Region: the ARN of the account's number in another Region is ``ConflictException``
    ``PHONE_NUMBER_NOT_IN_REGISTRATION_REGION`` (the model's reason for it)."""
    parts = arn.split(":", 5)
    if len(parts) < 6 or parts[4] != call.backend.account_id or parts[3] == call.backend.region:
        return
    for backend in call.world.backends():
        if (backend.account_id, backend.region) != (parts[4], parts[3]):
            continue
        number = backend.by_arn.get(arn)
        if isinstance(number, PhoneNumber):
            raise ConflictError(
                f"The phone number {number.phone_number_id} is in {backend.region}, not in "
                f"the registration's Region {call.backend.region}.",
                "PHONE_NUMBER_NOT_IN_REGISTRATION_REGION",
                "phone-number",
                number.phone_number_id,
            )


def _guess_type(ref: str, form: RegistrationForm) -> str:
    if ref.startswith("arn:"):
        return ref.rpartition(":")[2].partition("/")[0] or "phone-number"
    if ref.startswith("registration-"):
        return "registration"
    if ref.startswith("rcs-"):
        return "rcs-agent"
    if ref.startswith("phone-"):
        return "phone-number"
    kinds = {s["ResourceType"] for s in form.definition.get("SupportedAssociations", [])}
    return "sender-id" if kinds == {"SENDER_ID"} else "phone-number"


def _describe(target: Target) -> tuple[str, str | None, RegistrationAssociation]:
    """The SupportedAssociation kind of ``target``, its country, and its association."""
    if isinstance(target, PhoneNumber):
        return (
            target.number_type,
            target.iso_country_code,
            RegistrationAssociation(
                resource_arn=target.phone_number_arn,
                resource_id=target.phone_number_id,
                resource_type="phone-number",
                iso_country_code=target.iso_country_code,
                phone_number=target.phone_number,
            ),
        )
    if isinstance(target, SenderId):
        return (
            "SENDER_ID",
            target.iso_country_code,
            RegistrationAssociation(
                resource_arn=target.sender_id_arn,
                resource_id=target.sender_id,
                resource_type="sender-id",
                iso_country_code=target.iso_country_code,
            ),
        )
    if isinstance(target, RcsAgent):
        # The user guide associates an agent with its RCS testing or country launch
        # registration ("create-registration-association --resource-id rcs-agentId").
        return (
            RCS_AGENT,
            None,
            RegistrationAssociation(
                resource_arn=target.rcs_agent_arn,
                resource_id=target.rcs_agent_id,
                resource_type="rcs-agent",
            ),
        )
    return (
        target.registration_type,
        None,
        RegistrationAssociation(
            resource_arn=target.registration_arn,
            resource_id=target.registration_id,
            resource_type="registration",
        ),
    )


RCS_AGENT = "RCS_AGENT"
"""The ``SupportedAssociation`` resource type of RCS agents (smsmock's name: the AWS data that
would spell it is not published)."""


def _refuse_second_registration_of_type(
    call: Call, record: Registration, association: RegistrationAssociation
) -> None:
    """An agent has one registration of each type (one testing registration, one launch
    registration per country): associating it with a second registration of a type it already has
    is ``ConflictException`` ``RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE``."""
    other = call.backend.table(REGISTRATIONS).first(
        lambda r: (
            r is not record
            and r.registration_type == record.registration_type
            and any(a.resource_arn == association.resource_arn for a in r.associations)
        )
    )
    if other is not None:
        raise ConflictError(
            f"The RCS agent {association.resource_id} is already associated with registration "
            f"{other.registration_id} of type {record.registration_type}.",
            "RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE",
            "rcs-agent",
            association.resource_id,
        )


def _not_complete(record: Registration) -> ConflictError:
    return ConflictError(
        f"Registration {record.registration_id} is {record.registration_status}, not COMPLETE.",
        "REGISTRATION_NOT_COMPLETE",
        "registration",
        record.registration_id,
    )


def _already_submitted(record: Registration) -> ConflictError:
    return ConflictError(
        f"Registration {record.registration_id} is {record.registration_status}; origination "
        "identities of this type are associated before it is submitted.",
        "REGISTRATION_ALREADY_SUBMITTED",
        "registration",
        record.registration_id,
    )


def _check_timing(record: Registration, behavior: str) -> None:
    """Whether the association behavior allows linking to ``record`` in its current state."""
    if behavior == "ASSOCIATE_AFTER_COMPLETE" and record.registration_status != "COMPLETE":
        raise _not_complete(record)
    if behavior == "ASSOCIATE_BEFORE_SUBMIT" and not record.editable:
        raise _already_submitted(record)


def _supported(form: RegistrationForm, kind: str, country: str | None, ref: str) -> str:
    supported = form.supported_association(kind, country)
    if supported is None:
        where = f" in {country}" if country else ""
        raise ValidationError(
            f"A {form.registration_type} cannot be associated with a {kind}{where}.",
            "INVALID_REGISTRATION_ASSOCIATION",
            [("ResourceId", f"{ref} cannot be associated with this registration type.")],
        )
    return str(supported["AssociationBehavior"])


def associate(
    call: Call, record: Registration, target: Target, ref: str
) -> RegistrationAssociation:
    form = form_of(record.registration_type)
    kind, country, association = _describe(target)
    behavior = _supported(form, kind, country, ref)
    if any(a.resource_arn == association.resource_arn for a in record.associations):
        raise ConflictError(
            f"{association.resource_id} is already associated with registration "
            f"{record.registration_id}.",
            "RESOURCE_ALREADY_ASSOCIATED",
            association.resource_type,
            association.resource_id,
        )
    if isinstance(target, RcsAgent):
        _refuse_second_registration_of_type(call, record, association)
    owner = getattr(target, "registration_id", None)
    if not isinstance(target, Registration) and owner is not None:
        raise ConflictError(
            f"{association.resource_id} is associated with registration {owner}.",
            "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION"
            if isinstance(target, PhoneNumber)
            else "RESOURCE_ALREADY_ASSOCIATED",
            association.resource_type,
            association.resource_id,
        )
    _check_timing(record, behavior)
    if isinstance(target, Registration) and target.registration_status != "COMPLETE":
        raise _not_complete(target)
    if isinstance(target, Registration):
        check_campaigns_per_brand(call, record, target)
    call.backend.check_quota("ASSOCIATIONS_PER_REGISTRATION", len(record.associations))
    if isinstance(target, PhoneNumber):
        numbers = sum(1 for a in record.associations if a.resource_type == "phone-number")
        call.backend.check_quota("PHONE_NUMBERS_PER_REGISTRATION", numbers)
    link(record, target, association)
    if isinstance(target, SenderId) and record.registration_status == "COMPLETE":
        target.registered = True
    return association


TEN_DLC_BRAND = "US_TEN_DLC_BRAND_REGISTRATION"


def check_campaigns_per_brand(call: Call, record: Registration, brand: Registration) -> None:
    """Quotas page, 10DLC quotas: "Max 10DLC campaigns: 10 per 10DLC brand". Counted as the
    registrations of ``record``'s type already associated with ``brand``."""
    if brand.registration_type != TEN_DLC_BRAND:
        return
    campaigns = sum(
        1
        for r in call.backend.table(REGISTRATIONS)
        if r.registration_type == record.registration_type
        and any(a.resource_arn == brand.registration_arn for a in r.associations)
    )
    call.backend.check_quota("TEN_DLC_CAMPAIGNS_PER_BRAND", campaigns)


def check_brands_per_account(call: Call, registration_type: str) -> None:
    """Quotas page, 10DLC quotas: "Max 10DLC companies: 25 per account" (a company is a 10DLC
    brand registration)."""
    if registration_type != TEN_DLC_BRAND:
        return
    brands = sum(
        1 for r in call.backend.table(REGISTRATIONS) if r.registration_type == TEN_DLC_BRAND
    )
    call.backend.check_quota("TEN_DLC_BRANDS_PER_ACCOUNT", brands)


def registration_for_number(
    call: Call, registration_id_or_arn: str, number_type: str, iso_country_code: str = "US"
) -> Registration:
    """The registration a new phone number of ``number_type`` is requested with
    (RequestPhoneNumber's ``RegistrationId``), checked against its type's rules:

    - ``ResourceNotFoundException`` (``registration``) when there is none;
    - ``ValidationException`` ``INVALID_REGISTRATION_ASSOCIATION`` when the type does not take
      such numbers (a brand registration for a TEN_DLC number, say);
    - ``ConflictException`` ``REGISTRATION_NOT_COMPLETE`` when numbers are associated after
      completion (TEN_DLC with a 10DLC campaign) and it is not ``COMPLETE``;
    - ``ConflictException`` ``REGISTRATION_ALREADY_SUBMITTED`` when numbers are associated
      before submission (TOLL_FREE) and it is past its draft.
    """
    record = registration(call, registration_id_or_arn)
    form = form_of(record.registration_type)
    behavior = _supported(form, number_type, iso_country_code, registration_id_or_arn)
    _check_timing(record, behavior)
    return record


def completed_registration(
    call: Call, registration_id_or_arn: str, for_number_type: str, iso_country_code: str = "US"
) -> Registration:
    """Like :func:`registration_for_number`, but the registration must also be ``COMPLETE``
    (``ConflictException`` ``REGISTRATION_NOT_COMPLETE``) whatever its type's behavior."""
    record = registration_for_number(
        call, registration_id_or_arn, for_number_type, iso_country_code
    )
    if record.registration_status != "COMPLETE":
        raise _not_complete(record)
    return record


def associate_phone_number(call: Call, record: Registration, phone_number: PhoneNumber) -> None:
    """Associate a just-requested number with the registration it was requested with (after
    :func:`registration_for_number`): the association is listed and ``registration_id`` set."""
    associate(call, record, phone_number, phone_number.phone_number_id)


def forget_associations(call: Call, resource_arn: str) -> None:
    """Drop every association with the resource ``resource_arn`` (a released phone number or
    sender ID), so ListRegistrationAssociations no longer lists it."""
    for record in call.backend.table(REGISTRATIONS):
        record.associations = [a for a in record.associations if a.resource_arn != resource_arn]


def check_can_release(call: Call, resource: PhoneNumber | SenderId) -> None:
    """Whether a phone number or sender ID associated with a registration may be released, by
    its registration type's ``DisassociationBehavior`` (``SupportedAssociation``):

    - ``DELETE_REGISTRATION_DISASSOCIATES`` ("The registration can be deleted and all origination
      identities will be disassociated"; toll-free numbers, sender IDs): the registration is what
      lets go of it, so releasing is refused — ``ConflictException``
      ``PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION`` for a number, and for a sender ID (the model
      has no sender-ID twin of that reason) ``DISASSOCIATE_REGISTRATION_NOT_ALLOWED``;
    - ``DISASSOCIATE_ALL_CLOSES_REGISTRATION`` / ``DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION``
      ("All origination identities must be disassociated from the registration before the
      registration can be closed/deleted"; 10DLC numbers): the API has no other way to
      disassociate one, so releasing it is allowed and is that disassociation.
    """
    owner = resource.registration_id
    record = call.backend.table(REGISTRATIONS).find(owner) if owner else None
    if record is None:
        return
    kind, country, association = _describe(resource)
    supported = form_of(record.registration_type).supported_association(kind, country) or {}
    if supported.get("DisassociationBehavior") != "DELETE_REGISTRATION_DISASSOCIATES":
        return
    raise ConflictError(
        f"{association.resource_id} is associated with registration {record.registration_id}; "
        "delete the registration (which disassociates it) before releasing it.",
        "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION"
        if isinstance(resource, PhoneNumber)
        else "DISASSOCIATE_REGISTRATION_NOT_ALLOWED",
        association.resource_type,
        association.resource_id,
    )


def release(call: Call, resource: PhoneNumber | SenderId) -> None:
    """After :func:`check_can_release`: a released identity leaves its registration's
    associations (``ListRegistrationAssociations`` no longer lists it)."""
    arn = resource.phone_number_arn if isinstance(resource, PhoneNumber) else resource.sender_id_arn
    if resource.registration_id is not None:
        forget_associations(call, arn)
