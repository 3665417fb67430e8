"""Configuration sets and their event destinations: CreateConfigurationSet,
DescribeConfigurationSets, DeleteConfigurationSet, Create/Update/DeleteEventDestination,
Set/DeleteDefaultSenderId, Set/DeleteDefaultMessageType, SetDefaultMessageFeedbackEnabled.

A message sent with a configuration set takes its defaults (sender ID, message type, feedback); the
events its event destinations receive are kept on the world
(:class:`~smsmock.records.configuration_sets.EventRecord`, made by
:mod:`smsmock.rules.events.timeline`) so tests can read them from the handle
(``sms.events(...)``)."""

from __future__ import annotations

from typing import Any

from smsmock.records.configuration_sets import (
    CONFIGURATION_SETS,
    DESTINATION_ATTRIBUTES,
    DESTINATION_MEMBERS,
    ConfigurationSet,
    EventDestination,
    configuration_set,
)
from smsmock.state.creation import create_record
from smsmock.state.describe import describe_operation
from smsmock.state.errors import ConflictError, ValidationError
from smsmock.state.paging import attribute_filters
from smsmock.state.registry import Call, Params, operation
from smsmock.state.service_model import attribute_name

# -- configuration sets ------------------------------------------------------------------------


@operation("CreateConfigurationSet")
def create_configuration_set(call: Call, params: Params) -> ConfigurationSet:
    return create_record(
        call,
        call.backend.table(CONFIGURATION_SETS),
        params,
        lambda name, arn: ConfigurationSet(
            configuration_set_arn=arn, configuration_set_name=name, created_timestamp=call.now
        ),
        key=params["ConfigurationSetName"],
    )


describe_operation(
    "DescribeConfigurationSets",
    CONFIGURATION_SETS,
    "ConfigurationSetNames",
    "ConfigurationSets",
    filters=attribute_filters(
        "default_message_type",
        "default_sender_id",
        "default_message_feedback_enabled",
        "protect_configuration_id",
        named={
            "event-destination-name": lambda r: [
                d.event_destination_name for d in r.event_destinations
            ],
            "matching-event-types": lambda r: [
                t for d in r.event_destinations for t in d.matching_event_types
            ],
        },
    ),
)


@operation("DeleteConfigurationSet")
def delete_configuration_set(call: Call, params: Params) -> ConfigurationSet:
    table = call.backend.table(CONFIGURATION_SETS)
    record = configuration_set(call, params["ConfigurationSetName"])
    table.remove(record)
    return record


# -- event destinations ------------------------------------------------------------------------


def _destination_member(params: Params, required: bool) -> str | None:
    """The one destination member the request gives (``None`` if none and not ``required``)."""
    given = [member for member in DESTINATION_MEMBERS if params.get(member) is not None]
    if len(given) > 1:
        raise ValidationError(
            "Give only one of CloudWatchLogsDestination, KinesisFirehoseDestination and "
            "SnsDestination.",
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [(member, "Only one destination may be given.") for member in given],
        )
    if not given:
        if required:
            raise ValidationError(
                "An event destination needs one of CloudWatchLogsDestination, "
                "KinesisFirehoseDestination or SnsDestination.",
                "MISSING_PARAMETER",
                [(member, "One destination is required.") for member in DESTINATION_MEMBERS],
            )
        return None
    return given[0]


def _matching_event_types(params: Params) -> list[str]:
    """``MatchingEventTypes`` without ``TEXT_SENT``: "The TEXT_SENT event type is not supported"
    (API reference, ``EventDestination``), and the Terraform provider notes AWS rejects it when
    the destination is made (``configuration_set_event_destination.go``). The model lists it, so
    the refusal is ``ValidationException`` ``INVALID_PARAMETER``."""
    types: list[str] = list(params["MatchingEventTypes"])
    if "TEXT_SENT" in types:
        raise ValidationError(
            "The event type TEXT_SENT is not supported.",
            "INVALID_PARAMETER",
            [("MatchingEventTypes", "TEXT_SENT is not supported.")],
        )
    return types


def _destination_output(record: ConfigurationSet, destination: EventDestination) -> dict[str, Any]:
    return {
        "ConfigurationSetArn": record.configuration_set_arn,
        "ConfigurationSetName": record.configuration_set_name,
        "EventDestination": destination,
    }


@operation("CreateEventDestination")
def create_event_destination(call: Call, params: Params) -> dict[str, Any]:
    record = configuration_set(call, params["ConfigurationSetName"])
    name = params["EventDestinationName"]
    if any(d.event_destination_name == name for d in record.event_destinations):
        raise ConflictError(
            f"The configuration set {record.configuration_set_name} already has an event "
            f"destination named {name}.",
            "RESOURCE_ALREADY_EXISTS",
            "event-destination",
            name,
        )
    member = _destination_member(params, required=True)
    assert member is not None
    call.backend.check_quota(
        "EVENT_DESTINATIONS_PER_CONFIGURATION_SET", len(record.event_destinations)
    )
    destination = EventDestination(
        event_destination_name=name,
        enabled=True,
        matching_event_types=_matching_event_types(params),
    )
    setattr(destination, DESTINATION_ATTRIBUTES[member], dict(params[member]))
    record.event_destinations.append(destination)
    return _destination_output(record, destination)


@operation("UpdateEventDestination")
def update_event_destination(call: Call, params: Params) -> dict[str, Any]:
    record = configuration_set(call, params["ConfigurationSetName"])
    destination = record.event_destination(params["EventDestinationName"])
    types = _matching_event_types(params) if "MatchingEventTypes" in params else None
    member = _destination_member(params, required=False)
    if member is not None and member != destination.kind:
        # "You can't change an event destination's type between CloudWatch Logs, Firehose, and
        # Amazon SNS."
        raise ConflictError(
            f"The event destination {destination.event_destination_name} is a "
            f"{destination.kind}; its type cannot change to {member}.",
            "EVENT_DESTINATION_MISMATCH",
            "event-destination",
            destination.event_destination_name,
        )
    if member is not None:
        setattr(destination, DESTINATION_ATTRIBUTES[member], dict(params[member]))
    if "Enabled" in params:
        destination.enabled = params["Enabled"]
    if types is not None:
        destination.matching_event_types = types
    return _destination_output(record, destination)


@operation("DeleteEventDestination")
def delete_event_destination(call: Call, params: Params) -> dict[str, Any]:
    record = configuration_set(call, params["ConfigurationSetName"])
    destination = record.event_destination(params["EventDestinationName"])
    record.event_destinations.remove(destination)
    return _destination_output(record, destination)


# -- defaults ----------------------------------------------------------------------------------


def _register_default_operations(member: str, *, deletable: bool = True) -> None:
    """Register ``SetDefault{member}`` (and ``DeleteDefault{member}``): they set (or clear) the
    configuration set's ``default_…`` attribute and answer with the set and the value (Delete:
    the value it had)."""
    attribute = f"default_{attribute_name(member)}"

    def answer(record: ConfigurationSet, value: Any) -> dict[str, Any]:
        return {
            "ConfigurationSetArn": record.configuration_set_arn,
            "ConfigurationSetName": record.configuration_set_name,
            member: value,
        }

    def set_default(call: Call, params: Params) -> dict[str, Any]:
        record = configuration_set(call, params["ConfigurationSetName"])
        setattr(record, attribute, params[member])
        return answer(record, params[member])

    def delete_default(call: Call, params: Params) -> dict[str, Any]:
        record = configuration_set(call, params["ConfigurationSetName"])
        previous = getattr(record, attribute)
        setattr(record, attribute, None)
        return answer(record, previous)

    operation(f"SetDefault{member}")(set_default)
    if deletable:
        operation(f"DeleteDefault{member}")(delete_default)


_register_default_operations("SenderId")
_register_default_operations("MessageType")
_register_default_operations("MessageFeedbackEnabled", deletable=False)
