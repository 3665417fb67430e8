"""The names the handle accepts, each checked against what exists: a typo in a test's setup fails
at once with ``ValueError`` naming the close matches, instead of passing for the wrong reason.

Every list is derived, not typed out: quota names from :data:`smsmock.state.quotas.DEFAULT_QUOTAS`,
resource types and their lifecycles from the table keys, statuses and event types from the
installed botocore model, regions from botocore's endpoint data (see :func:`regions`).
"""

from __future__ import annotations

import difflib
import functools
import inspect
import os
import re
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any, TypeVar, get_args

import botocore.session

from smsmock.engine.handlers import load_resources
from smsmock.records.configuration_sets import EVENTS
from smsmock.rules.events import bus, catalogue
from smsmock.rules.spend import SPEND_LIMITS
from smsmock.state.lifecycle import ModeKind
from smsmock.state.quotas import DEFAULT_QUOTAS
from smsmock.state.service_model import SERVICE_NAME, enum_values, service_model
from smsmock.state.tables import TABLE_KEYS
from smsmock.state.world import World

FALLBACK_REGION = "us-east-1"
_ACCOUNT_ID = re.compile(r"\d{12}")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_E164 = re.compile(r"\+[1-9]\d{1,14}")
_NUMBER_PATTERN = re.compile(r"[+*?\[][\d*?\[\]!-]*")  # as E.164 numbers start: + or a wildcard

C = TypeVar("C", bound=Callable[..., object])


def check_name(kind: str, value: Any, known: Iterable[str]) -> str:
    """``value`` if it is one of ``known``; else ``ValueError`` naming the close matches (found
    ignoring case and ``-``/``_``, so ``phone_number`` suggests ``phone-number``)."""
    names = sorted(set(known))
    if isinstance(value, str) and value in names:
        return value
    by_form = {_form(name): name for name in names}
    close = difflib.get_close_matches(_form(str(value)), by_form, n=3, cutoff=0.6)
    if close:
        hint = f"Did you mean {' or '.join(repr(by_form[c]) for c in close)}?"
    else:
        hint = f"Known: {', '.join(names) or 'none'}."
    raise ValueError(f"{value!r} is not a known {kind}. {hint}")


def _form(name: str) -> str:
    return name.casefold().replace("_", "-")


# -- accounts and regions ------------------------------------------------------------------------


def account_id(value: Any, world: World | None = None) -> str:
    """A 12-digit AWS account id (close matches: the accounts the world knows)."""
    if isinstance(value, str) and _ACCOUNT_ID.fullmatch(value):
        return value
    known: set[str] = set()
    if world is not None:
        known = {world.default_account_id, *world.access_keys.values()}
        known.update(backend.account_id for backend in world.backends())
    close = difflib.get_close_matches(str(value), sorted(known), n=3, cutoff=0.6)
    hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise ValueError(f"{value!r} is not an AWS account id (12 digits).{hint}")


def access_key_id(value: Any) -> str:
    """An access key id: any non-empty string (a test's keys need not look like AWS's)."""
    if isinstance(value, str) and value:
        return value
    raise ValueError(f"an access key id is a non-empty string, not {value!r}")


@functools.cache
def regions() -> frozenset[str]:
    """The regions where botocore's endpoint data lists the service, in every partition
    (``aws``, ``aws-us-gov`` …; not the deprecated ``fips-…`` pseudo-regions).

    Opt-in regions are regions like any other here. A region AWS opened after the installed
    botocore was released is missing until botocore is upgraded (the error says so); a region
    the mock has already answered requests in is accepted all the same (see :func:`region`).
    """
    session = botocore.session.get_session()
    return frozenset(
        name
        for partition in session.get_available_partitions()
        for name in session.get_available_regions(SERVICE_NAME, partition_name=partition)
    )


def region(value: Any, world: World | None = None) -> str:
    """A region of the service (:func:`regions`), or one the world has state in already."""
    if world is not None and any(backend.region == value for backend in world.backends()):
        return str(value)
    try:
        return check_name("region of pinpoint-sms-voice-v2", value, regions())
    except ValueError as error:
        raise ValueError(
            f"{error} (From botocore's endpoint data: if AWS has opened the service there "
            "since, upgrade botocore.)"
        ) from None


def default_region() -> str:
    """The region a client made now without ``region_name`` would use, as boto3 finds it:
    ``AWS_DEFAULT_REGION`` (the only variable botocore reads; the mock sets it to
    ``us-east-1`` when neither it nor ``AWS_REGION`` is set), else ``AWS_REGION`` (what the
    other AWS SDKs and the AWS CLI v2 read, for clients of the server), else ``us-east-1``."""
    return os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION") or FALLBACK_REGION


# -- the handle's methods, in process and through a server ---------------------------------------

LOCAL_ONLY_METHODS = {
    "start": "switches the mock on in the calling process",
    "stop": "switches the mock off in the calling process",
    "backend": "returns the live state object of the calling process",
    "backends": "returns the live state objects of the calling process",
    "on_event": "calls a function of the calling process",
    "on_inbound": "calls a function of the calling process",
    "save_state": "would write a file of the server's machine (the Client's writes the caller's "
    "own, from GET state)",
    "load_state": "would read a file of the server's machine (the Client's reads the caller's "
    "own, into POST state)",
}
"""Public handle methods a server does not call for a remote caller by name, and why."""


def remote_methods(handle_class: type) -> list[str]:
    """The public methods of the handle a server calls for a remote caller: all but
    :data:`LOCAL_ONLY_METHODS`, sorted. The one list behind the server's ``handle/<name>``
    endpoint, the names its 404 gives, and the test that each is a ``Client`` method of the same
    name and arguments. (The properties ``sent_messages`` and ``inbound_messages`` are read
    through endpoints of their own.)"""
    return sorted(
        name
        for name, _ in inspect.getmembers(handle_class, inspect.isfunction)
        if not name.startswith("_") and name not in LOCAL_ONLY_METHODS
    )


# -- settings ------------------------------------------------------------------------------------


def quota_name(value: Any) -> str:
    """A quota: a ``ServiceQuotaExceededExceptionReason`` or spend limit name smsmock counts."""
    return check_name("quota", value, DEFAULT_QUOTAS)


def quota_value(value: Any) -> int:
    """A quota's value: a whole number, not negative."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"a quota is a whole number of 0 or more, not {value!r}")
    return value


def lifecycle_types() -> frozenset[str]:
    """The resource types whose records move through statuses on their own."""
    load_resources()
    return frozenset(name for name, spec in TABLE_KEYS.items() if spec.transitions)


def lifecycle_type(value: Any) -> str:
    """A resource type with a lifecycle (``phone-number``, ``pool`` …)."""
    load_resources()
    if value in TABLE_KEYS and value not in lifecycle_types():
        raise ValueError(
            f"{value!r} records have no lifecycle; those that do: "
            f"{', '.join(sorted(lifecycle_types()))}."
        )
    return check_name("resource type with a lifecycle", value, lifecycle_types())


def lifecycle_mode(value: Any) -> ModeKind:
    """``immediate``, ``after`` or ``manual``."""
    kind: ModeKind = check_name("lifecycle mode", value, get_args(ModeKind))  # type: ignore[assignment]
    return kind


def seconds(value: Any) -> float:
    """A duration: a number of seconds, not negative."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"seconds must be a number of 0 or more, not {value!r}")
    return float(value)


@functools.cache
def statuses(resource_type: str) -> frozenset[str]:
    """The statuses a record of ``resource_type`` can have, from the model: the status enums of
    the type's ``…Information`` shapes (``PhoneNumberInformation.Status`` is ``NumberStatus``)
    that share a status with its lifecycle. A registration's record moves through its version's
    statuses (``RegistrationVersionStatus``) and is decided by ``COMPLETE`` or
    ``REQUIRES_UPDATES`` (``RegistrationStatus``): both enums count."""
    spec = TABLE_KEYS[resource_type]
    moving = {*spec.transitions, *spec.transitions.values()}
    prefix = _camel(resource_type)
    longer = [_camel(other) for other in TABLE_KEYS if other != resource_type]
    longer = [name for name in longer if name.startswith(prefix)]
    model = service_model()
    found: set[str] = set()
    for name in model.shape_names:
        if not (name.startswith(prefix) and name.endswith("Information")):
            continue
        if any(name.startswith(other) for other in longer):
            continue  # RegistrationAttachmentsInformation belongs to registration-attachment
        for member_name, member in model.shape_for(name).members.items():
            enum = set(getattr(member, "enum", None) or ())
            if member_name.endswith("Status") and enum & moving:
                found |= enum
    return frozenset(found)


def status(resource_type: str, value: Any) -> str:
    """A status of ``resource_type`` records (``to`` of :meth:`SmsVoiceMock.advance`)."""
    return check_name(f"status of {resource_type} records", value, statuses(resource_type))


def _camel(resource_type: str) -> str:
    return "".join(part.capitalize() for part in resource_type.split("-"))


# -- messaging -----------------------------------------------------------------------------------


@functools.cache
def event_types() -> frozenset[str]:
    """The model's ``EventType`` enum (``TEXT_DELIVERED`` …, and the ``…ALL`` groups)."""
    return enum_values("EventType")


def event_type(value: Any) -> str:
    return check_name("event type", value, event_types())


def event_matches(wanted: str, actual: str) -> bool:
    """Whether an event of type ``actual`` is one of ``wanted``: the type itself, or a group as
    event destinations' ``MatchingEventTypes`` read it (``ALL``, ``TEXT_ALL`` …)."""
    if wanted == actual or wanted == "ALL":
        return True
    return wanted.endswith("_ALL") and actual.startswith(wanted[: -len("ALL")])


def detail_type(value: Any) -> str:
    """One of the four detail-types AWS End User Messaging SMS sends to EventBridge."""
    return check_name("EventBridge detail-type", value, bus.detail_types())


def destination_pattern(value: Any) -> str:
    """An end user's number in E.164 (``+12065550100``), or a shell-style pattern of numbers
    (``+1206555*``, ``*``): what :meth:`SmsVoiceMock.set_fate` matches destinations with."""
    if isinstance(value, str) and _E164.fullmatch(value):
        return value
    if isinstance(value, str) and _NUMBER_PATTERN.fullmatch(value) and set(value) & set("*?["):
        return value
    raise ValueError(
        f"{value!r} is neither a phone number in E.164 (such as '+12065550100') nor a pattern "
        "of numbers (such as '+1206555*' or '*')"
    )


def fate(value: Any) -> str:
    """A message fate (:data:`smsmock.rules.events.catalogue.FATES`): ``BLOCKED``, or
    ``TEXT_BLOCKED`` for one channel only."""
    if isinstance(value, str) and value in catalogue.NOT_A_FATE:
        raise ValueError(catalogue.NOT_A_FATE[value])
    return check_name("message fate", value, catalogue.fate_names())


def fate_delay(value: Any) -> float:
    """The seconds (a number or a timedelta) from a send to its fate's last event: at least 0
    and under the 72 hours after which the service reports ``UNKNOWN``."""
    if isinstance(value, timedelta):
        value = value.total_seconds()
    limit = catalogue.NO_FINAL_EVENT_TIMEOUT.total_seconds()
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < limit:
        raise ValueError(
            f"a fate's delay is at least 0 and less than 72 hours, not {value!r} seconds: after "
            "72 hours without a final event the service reports UNKNOWN"
        )
    return float(value)


def callback(value: C) -> C:
    """A function to call (``TypeError`` otherwise, at once rather than when an event comes)."""
    if not callable(value):
        raise TypeError(f"a callback is a function taking one argument, not {value!r}")
    return value


def configuration_set_name(value: Any, world: World) -> str:
    """A configuration set that exists in some account and region, or that events name."""
    known = {event.configuration_set_name for event in EVENTS.of(world)}
    for backend in world.backends():
        for table in backend.tables():
            if table.spec.resource_type == "configuration-set":
                known.update(record.configuration_set_name for record in table)
    return check_name("configuration set", value, known)


def channel(value: Any) -> str:
    """A channel money is spent on: ``SMS``, ``VOICE``, ``MMS``, ``NOTIFY``, ``RCS``."""
    return check_name("channel", value, SPEND_LIMITS)


def month(value: Any) -> str:
    """A calendar month, ``YYYY-MM``."""
    if isinstance(value, str) and _MONTH.fullmatch(value):
        return value
    raise ValueError(f"{value!r} is not a month written YYYY-MM (such as '2026-11')")


@functools.cache
def country_launch_statuses() -> frozenset[str]:
    """The model's ``CountryLaunchStatus`` enum (an RCS agent's launch in a country); none in
    a model older than RCS agents."""
    return enum_values("CountryLaunchStatus")


def country_launch_status(value: Any) -> str:
    return check_name("country launch status", value, country_launch_statuses())


def iso_country_code(value: Any) -> str:
    """An ISO 3166-1 alpha-2 country code that has phone numbers (libphonenumber's regions)."""
    import phonenumbers  # third-party and slow to import: only when a test launches an agent

    return check_name("ISO country code", value, phonenumbers.SUPPORTED_REGIONS)
