"""Delivering events and inbound messages where the configuration says: into moto.

AWS publishes each event a configuration set's event destination matches to an SNS topic, a
CloudWatch Logs log group or a Firehose stream, and each inbound message of a two-way number to
its ``TwoWayChannelArn`` SNS topic; and it puts every delivery status and registration status
event on the account's default EventBridge bus. smsmock does the same with real boto3 calls
when something can answer them without leaving the machine:

- moto's ``mock_aws`` active in this process (moto's botocore stubber is switched on), or moto's
  ``TEST_SERVER_MODE`` active (its server at ``TEST_SERVER_MODE_ENDPOINT``);
- a moto server whose endpoint URL was given with :func:`set_forwarding_endpoint` (the
  ``smsmock server --forward-to URL`` option).

Otherwise nothing leaves the process and the result is ``recorded``. A delivery never raises: a
missing topic, log group or stream, or any failing call, is a ``failed`` :class:`Delivery` with
the reason (AWS drops such an event; the send that caused it succeeds). :class:`Delivery`
itself is a record (:mod:`smsmock.records.deliveries`), kept on events and inbound messages.

The calls are made in the destination's account and region, read from its ARN, as AWS does. The
clients have fake credentials of their own (never the user's) and name the account to moto with
its ``x-moto-account-id`` header, which moto reads before the access key (``MOTO_ACCOUNT_ID`` in
the environment still comes first: moto then answers every call from that account). The IAM
role of a CloudWatch Logs or Firehose destination is not assumed or checked.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import threading
import urllib.parse
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from smsmock.records.bus_events import SOURCE
from smsmock.records.deliveries import Delivery

LOG_STREAM = "sms-voice-events"
"""The log stream events are written to in a destination's log group (made when missing).

AWS does not document the stream name it writes to, only that its role needs
``logs:CreateLogStream``, ``logs:DescribeLogStreams`` and ``logs:PutLogEvents`` on the group
("IAM policy for Amazon CloudWatch", AWS End User Messaging SMS user guide): this name is
smsmock's choice. Read events with ``FilterLogEvents`` on the group to depend on no name."""

_FAKE_ACCESS_KEY_ID = "smsmock-delivery"
_FAKE_SECRET_ACCESS_KEY = "smsmock-delivery"
_ACCOUNT_HEADER = "x-moto-account-id"
_TIMEOUT_SECONDS = 10


class _Forwarding:
    """The moto server deliveries go to instead of an in-process moto (``None``: none), and the
    one a server was started with (what a settings reset goes back to)."""

    endpoint_url: str | None = None
    configured: str | None = None


def set_forwarding_endpoint(url: str | None, *, configured: bool = False) -> None:
    """Send deliveries to the moto server at ``url`` (``http://127.0.0.1:5000``), whether or not
    moto is active in this process; ``None`` goes back to in-process moto only. ``configured``
    makes it also what :func:`reset_forwarding` goes back to (``smsmock server --forward-to``).

    Raises ``ValueError`` for a URL that is not ``http(s)://host[:port]``."""
    if url:
        check_endpoint_url(url)
    _Forwarding.endpoint_url = url.rstrip("/") if url else None
    if configured:
        _Forwarding.configured = _Forwarding.endpoint_url


def check_endpoint_url(url: str) -> str:
    """``url`` if it is a server's endpoint URL, ``http(s)://host[:port]``; ``ValueError``
    otherwise."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ValueError(f"{url!r} is not a moto server's endpoint URL (http://host:port)")
    return url


def reset_forwarding() -> None:
    """Forward to the configured moto server again (none if none was configured)."""
    _Forwarding.endpoint_url = _Forwarding.configured


def forwarding_endpoint() -> str | None:
    """The moto server deliveries go to, if one was set."""
    return _Forwarding.endpoint_url


def deliver_event(
    destination_kind: str,
    destination: Mapping[str, str],
    payload: Mapping[str, Any],
    *,
    account_id: str,
    region: str,
) -> Delivery:
    """Deliver one event's ``payload`` to an event destination: ``destination_kind`` is the
    model's member name (``SnsDestination``, ``CloudWatchLogsDestination``,
    ``KinesisFirehoseDestination``) and ``destination`` its structure as the caller gave it.
    ``account_id`` and ``region`` are the sender's, used where the ARN leaves them out."""
    try:
        if destination_kind == "SnsDestination":
            arn = destination["TopicArn"]
            return _deliver("sns", _publish, arn, payload, account_id, region)
        if destination_kind == "CloudWatchLogsDestination":
            arn = destination["LogGroupArn"]
            return _deliver("logs", _put_log_event, arn, payload, account_id, region)
        if destination_kind == "KinesisFirehoseDestination":
            arn = destination["DeliveryStreamArn"]
            return _deliver("firehose", _put_record, arn, payload, account_id, region)
        return Delivery("failed", f"unknown event destination kind {destination_kind!r}")
    except Exception as exc:  # never fail the send that caused the event
        return Delivery("failed", f"{type(exc).__name__}: {exc}")


def deliver_bus_event(
    detail_type: str,
    detail: Mapping[str, Any],
    *,
    resources: tuple[str, ...],
    when: datetime,
    account_id: str,
    region: str,
) -> Delivery:
    """Put one event on the default event bus of ``account_id`` in ``region`` (``source``
    ``aws.sms-voice``, ``detail_type``, ``detail``, ``resources``, ``when`` as its ``time``), so
    that the rules there route it to their targets."""
    try:
        bus = f"arn:aws:events:{region}:{account_id}:event-bus/default"
        if moto_target() == ("in-process", None) and _no_rule_on_default_bus(account_id, region):
            # What PutEvents would do there: nothing (moto keeps no event without a rule).
            return Delivery("delivered", f"{bus} (moto): no rule on the bus, nothing routed")
        put = functools.partial(_put_event, detail_type=detail_type, resources=resources, when=when)
        return _deliver("events", put, bus, detail, account_id, region)
    except Exception as exc:
        return Delivery("failed", f"{type(exc).__name__}: {exc}")


def _no_rule_on_default_bus(account_id: str, region: str) -> bool:
    """Whether in-process moto's default event bus of the account and region surely has no
    rule, read from moto's own backend: a send inside ``mock_aws`` then skips two ``PutEvents``
    calls that could reach nothing. ``False`` whenever moto's backend cannot be read."""
    models = sys.modules.get("moto.events.models")
    account = os.environ.get("MOTO_ACCOUNT_ID") or account_id  # moto answers from it first
    try:
        buses = models.events_backends[account][region].event_buses  # type: ignore[union-attr]
        bus = buses.get("default")
        return bus is not None and not bus.rules
    except Exception:
        return False


def deliver_inbound(
    channel_arn: str, payload: Mapping[str, Any], *, account_id: str, region: str
) -> Delivery:
    """Deliver an inbound message's two-way ``payload`` to its two-way channel: an SNS topic
    gets it published; an Amazon Connect channel (``arn:aws:connect:…``) is recorded only."""
    try:
        service = _arn_part(channel_arn, 2)
        if service == "sns":
            return _deliver("sns", _publish, channel_arn, payload, account_id, region)
        if service == "connect":
            return Delivery("recorded", f"Amazon Connect channel {channel_arn}: recorded only")
        return Delivery("failed", f"{channel_arn} is not an SNS topic or Amazon Connect ARN")
    except Exception as exc:
        return Delivery("failed", f"{type(exc).__name__}: {exc}")


def moto_target() -> tuple[str, str | None] | None:
    """Where deliveries go now: ``("server", url)`` for a moto server, ``("in-process", None)``
    for moto's active ``mock_aws``, ``None`` when nothing would answer.

    moto is never imported here: when the user's code has not imported it, it is not active.
    """
    if _Forwarding.endpoint_url is not None:
        return ("server", _Forwarding.endpoint_url)
    models = sys.modules.get("moto.core.models")
    if models is None:
        return None
    # moto 5: mock_aws switches its botocore stubber on for the outermost activation...
    stubber = getattr(models, "botocore_stubber", None)
    if getattr(stubber, "enabled", False):
        return ("in-process", None)
    # ...except in TEST_SERVER_MODE, where it points boto3 at its server instead.
    settings = sys.modules.get("moto.settings")
    server_mode = getattr(models, "ServerModeMockAWS", None)
    if (
        settings is not None
        and getattr(settings, "TEST_SERVER_MODE", False)
        and getattr(server_mode, "_nested_count", 0) > 0
    ):
        return ("server", str(settings.test_server_mode_endpoint()).rstrip("/"))
    return None


# -- the calls -----------------------------------------------------------------------------------


def _publish(client: Any, arn: str, message: str, timestamp_ms: int) -> None:
    client.publish(TopicArn=arn, Message=message)


def _put_log_event(client: Any, arn: str, message: str, timestamp_ms: int) -> None:
    group = _log_group_name(arn)
    events = [{"timestamp": timestamp_ms, "message": message}]
    try:
        answer = client.put_log_events(
            logGroupName=group, logStreamName=LOG_STREAM, logEvents=events
        )
    except client.exceptions.ResourceNotFoundException:
        # The stream is made on first use (a missing group fails here, as it should).
        with contextlib.suppress(client.exceptions.ResourceAlreadyExistsException):
            client.create_log_stream(logGroupName=group, logStreamName=LOG_STREAM)
        answer = client.put_log_events(
            logGroupName=group, logStreamName=LOG_STREAM, logEvents=events
        )
    rejected = answer.get("rejectedLogEventsInfo")
    if rejected:
        raise _Rejected(f"CloudWatch Logs rejected the event: {rejected}")


def _put_record(client: Any, arn: str, message: str, timestamp_ms: int) -> None:
    # One record per event, its data the event's JSON and nothing else. AWS documents no
    # framing; the role it asks for allows firehose:PutRecord only (one record per call), and
    # AWS's samples parse each record as one JSON object and convert records with no delimiter
    # processor. A delimiter smsmock added could hide code that needs one (docs/delivery.md).
    name = _arn_resource(arn).removeprefix("deliverystream/")
    client.put_record(DeliveryStreamName=name, Record={"Data": message.encode()})


def _put_event(
    client: Any,
    arn: str,
    message: str,
    timestamp_ms: int,
    *,
    detail_type: str,
    resources: tuple[str, ...],
    when: datetime,
) -> None:
    entry = {
        "Source": SOURCE,
        "DetailType": detail_type,
        "Detail": message,
        "Resources": list(resources),
        "Time": when,
        "EventBusName": "default",
    }
    answer = client.put_events(Entries=[entry])
    if answer.get("FailedEntryCount"):
        raise _Rejected(f"EventBridge rejected the event: {answer.get('Entries')}")


class _Rejected(Exception):
    """A call that succeeded without taking the event."""


Call = Callable[[Any, str, str, int], None]
"""One delivery call: ``(client, destination ARN, JSON message, timestamp in ms)``."""


def _deliver(
    service: str, call: Call, arn: str, payload: Mapping[str, Any], account_id: str, region: str
) -> Delivery:
    target = moto_target()
    if target is None:
        return Delivery("recorded", "moto is not active: nothing left the process")
    _, endpoint_url = target
    arn_region = _arn_part(arn, 3) or region
    arn_account = _arn_part(arn, 4) or account_id
    client = _client(service, arn_region, arn_account, endpoint_url)
    message = json.dumps(payload, separators=(",", ":"))
    try:
        call(client, arn, message, _timestamp_ms(payload))
    except Exception as exc:
        return Delivery("failed", _reason(exc))
    where = f"moto server {endpoint_url}" if endpoint_url else "moto"
    return Delivery("delivered", f"{arn} ({where})")


def _timestamp_ms(payload: Mapping[str, Any]) -> int:
    stamp = payload.get("eventTimestamp")
    if isinstance(stamp, int) and not isinstance(stamp, bool):
        return stamp
    return int(datetime.now(timezone.utc).timestamp() * 1000)


def _reason(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict) and "Error" in response:
        error = response["Error"]
        return f"{error.get('Code', 'Error')}: {error.get('Message', '')}".rstrip(": ")
    return f"{type(exc).__name__}: {exc}"


# -- ARNs ----------------------------------------------------------------------------------------


def _arn_part(arn: str, index: int) -> str:
    """Part ``index`` of ``arn:partition:service:region:account:resource``."""
    parts = arn.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        raise ValueError(f"{arn!r} is not an ARN")
    return parts[index]


def _arn_resource(arn: str) -> str:
    return _arn_part(arn, 5)


def _log_group_name(arn: str) -> str:
    """The group of ``arn:aws:logs:region:account:log-group:NAME`` (``:*`` allowed after)."""
    resource = _arn_resource(arn)
    if not resource.startswith("log-group:"):
        raise ValueError(f"{arn!r} is not a log group ARN")
    return resource.removeprefix("log-group:").removesuffix(":*")


# -- clients -------------------------------------------------------------------------------------


class _Clients:
    """boto3-level clients made once per service, region, account and endpoint, from one
    botocore session of our own (not the user's default session, not their credentials)."""

    lock = threading.Lock()
    session: Any = None
    made: dict[tuple[str, str, str, str | None], Any] = {}


def _client(service: str, region: str, account_id: str, endpoint_url: str | None) -> Any:
    key = (service, region, account_id, endpoint_url)
    client = _Clients.made.get(key)
    if client is not None:
        return client
    with _Clients.lock:
        client = _Clients.made.get(key)
        if client is None:
            client = _make_client(service, region, account_id, endpoint_url)
            _Clients.made[key] = client
    return client


def _make_client(service: str, region: str, account_id: str, endpoint_url: str | None) -> Any:
    import botocore.session
    from botocore.config import Config

    if _Clients.session is None:
        # Nothing of the user's configuration: no profile (AWS_PROFILE), config or credentials
        # file; the clients get their region, credentials and endpoint here.
        session = botocore.session.Session(session_vars={"profile": (None, None, None, None)})
        session.set_config_variable("config_file", os.devnull)
        session.set_config_variable("credentials_file", os.devnull)
        _Clients.session = session
    config = Config(
        retries={"total_max_attempts": 1},
        connect_timeout=_TIMEOUT_SECONDS,
        read_timeout=_TIMEOUT_SECONDS,
        # The user's AWS_ENDPOINT_URL, AWS_USE_DUALSTACK_ENDPOINT and AWS_USE_FIPS_ENDPOINT must
        # not send deliveries elsewhere (moto answers the standard endpoints only).
        ignore_configured_endpoint_urls=True,
        use_dualstack_endpoint=False,
        use_fips_endpoint=False,
    )
    client = _Clients.session.create_client(
        service,
        region_name=region,
        endpoint_url=endpoint_url,
        aws_access_key_id=_FAKE_ACCESS_KEY_ID,
        aws_secret_access_key=_FAKE_SECRET_ACCESS_KEY,
        aws_session_token=None,
        config=config,
    )

    def name_account(request: Any, **kwargs: Any) -> None:
        request.headers[_ACCOUNT_HEADER] = account_id

    client.meta.events.register("before-sign", name_account)
    if endpoint_url is None:
        _answer_through_moto_only(client)
    return client


def _answer_through_moto_only(client: Any) -> None:
    """Let moto's stubber answer the client's requests, and nothing else: botocore calls every
    ``before-send`` handler, so the stubber is called here, in place of its own registration,
    and a request it does not answer (moto switched off meanwhile) fails instead of going to
    AWS."""
    stubber = sys.modules["moto.core.models"].botocore_stubber
    client.meta.events.unregister("before-send", stubber)

    def answer(event_name: str, request: Any, **kwargs: Any) -> Any:
        response = stubber(event_name, request, **kwargs)
        if response is None:
            raise _Rejected("moto did not answer (mock_aws is not active): nothing left here")
        return response

    client.meta.events.register("before-send", answer)
