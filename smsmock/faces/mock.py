"""``mock_sms_voice``: one object that is the decorator, the context manager and start/stop.

Activations nest and count: the outermost start empties the state (and the handle's settings)
and sets fake credentials; the outermost stop restores the environment. The object is also the
handle tests inspect the state through (``with mock_sms_voice() as sms``).

Locking, one rule: a handle method checks its arguments, then takes the world's lock itself
around everything it reads or changes there (the lock is re-entrant, so the rules it calls that
also serve the server, such as :func:`smsmock.rules.inbound.receive`, may take it again).
"""

from __future__ import annotations

import functools
import inspect
import os
import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import Any, TypeVar, overload

from smsmock.engine import environment
from smsmock.engine.hook import Switch, guard_transports
from smsmock.faces import handle_checks, state_file
from smsmock.faces.class_decoration import decorate_class
from smsmock.records.bus_events import BUS_EVENTS, BusEvent
from smsmock.records.configuration_sets import EVENTS, EventRecord
from smsmock.records.messages import SENT_MESSAGES, SentMessage
from smsmock.records.notify import NotifyConfiguration
from smsmock.records.phone_numbers import PhoneNumber
from smsmock.records.rcs_agents import CountryLaunch
from smsmock.records.registrations import REGISTRATIONS
from smsmock.rules import toll_free
from smsmock.rules.events import timeline
from smsmock.rules.inbound import INBOUND_MESSAGES, InboundMessage, receive
from smsmock.rules.notify import upgrade_tier
from smsmock.rules.rcs import launch_in_country, set_rcs_capable
from smsmock.rules.spend import set_sandboxed, spent
from smsmock.state.errors import ResourceNotFoundError
from smsmock.state.lifecycle import Mode, ModeKind
from smsmock.state.tables import Record
from smsmock.state.world import WORLD, Backend

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


class _Activations:
    """How many activations are open, and the environment to restore when none is."""

    lock = threading.Lock()
    depth = 0
    saved = environment.Saved()


_Undo = tuple[str | None, dict[str, str | None]]
"""What one activation's options replaced: the default account (``None``: not replaced) and the
earlier account of each access key it mapped (``None``: the key was not mapped)."""


class SmsVoiceMock:
    """An activation of the mock, and the handle on its state.

    ``default_account_id`` answers requests signed with keys not otherwise known;
    ``access_keys`` maps access key ids to account ids (a 12-digit key id is its own account).
    Both hold while this activation is open, and are undone when it stops (as
    ``unittest.mock.patch`` does), so an inner activation's options end with it.

    Every method checks the names it is given (quotas, resource types, statuses, event types,
    channels, regions, account ids) and raises ``ValueError`` naming the close matches
    (:mod:`smsmock.faces.handle_checks`). ``region`` defaults to the one boto3 would use
    (:func:`smsmock.faces.handle_checks.default_region`), ``account_id`` to the default account.
    """

    def __init__(
        self,
        default_account_id: str | None = None,
        access_keys: Mapping[str, str] | None = None,
    ) -> None:
        if default_account_id is not None:
            handle_checks.account_id(default_account_id)
        for account in (access_keys or {}).values():
            handle_checks.account_id(account)
        self.default_account_id = default_account_id
        self.access_keys = dict(access_keys or {})
        self._undo: list[_Undo] = []

    # -- switching on and off ------------------------------------------------------------------

    def start(self) -> SmsVoiceMock:
        """Switch the mock on (nested starts count); returns the handle."""
        with _Activations.lock:
            if _Activations.depth == 0:
                WORLD.reset(settings=True)
                _Activations.saved = environment.apply_fake_credentials()
                guard_transports()
                Switch.active = True
            _Activations.depth += 1
            previous_default = WORLD.default_account_id if self.default_account_id else None
            previous_keys = {key: WORLD.access_keys.get(key) for key in self.access_keys}
            if self.default_account_id:
                WORLD.default_account_id = self.default_account_id
            WORLD.access_keys.update(self.access_keys)
            self._undo.append((previous_default, previous_keys))
        return self

    def stop(self) -> None:
        """Undo one :meth:`start`; the outermost stop switches the mock off.

        Raises ``RuntimeError`` if this object was not started.
        """
        with _Activations.lock:
            if not self._undo:
                raise RuntimeError("stop() called on a mock_sms_voice that is not started")
            previous_default, previous_keys = self._undo.pop()
            if previous_default is not None:
                WORLD.default_account_id = previous_default
            for key, account in previous_keys.items():
                if account is None:
                    WORLD.access_keys.pop(key, None)
                else:
                    WORLD.access_keys[key] = account
            _Activations.depth -= 1
            if _Activations.depth == 0:
                Switch.active = False
                environment.restore(_Activations.saved)
                _Activations.saved = environment.Saved()

    def __enter__(self) -> SmsVoiceMock:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- decorating ----------------------------------------------------------------------------

    def __call__(self, target: T) -> T:
        """Decorate a function, a coroutine function or a class (see :func:`mock_sms_voice`)."""
        if inspect.isclass(target):
            return self._decorate_class(target)  # type: ignore[return-value]
        if inspect.iscoroutinefunction(target):
            return self._decorate_coroutine(target)  # type: ignore[return-value]
        if callable(target):
            return self._decorate_callable(target)
        raise TypeError(f"mock_sms_voice cannot decorate {target!r}")

    def _fresh(self) -> SmsVoiceMock:
        return SmsVoiceMock(self.default_account_id, self.access_keys)

    def _decorate_callable(self, func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self._fresh():
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    def _decorate_coroutine(self, func: F) -> F:
        @functools.wraps(func)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self._fresh():
                return await func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    def _decorate_class(self, cls: type[T]) -> type[T]:
        return decorate_class(cls, self._fresh, self)

    # -- the handle ----------------------------------------------------------------------------

    def backend(self, region: str | None = None, account_id: str | None = None) -> Backend:
        """The state of one account and region (defaults: the default account, the default
        region), made on first use as a request there would make it: tests arrange state
        through it, and an empty stand-in that is not kept would drop what they write. Only an
        account and region that pass the checks are made."""
        return self._made(account_id, region)

    def backends(self) -> list[Backend]:
        """Every account and region that has state."""
        with WORLD.lock:
            return WORLD.backends()

    def reset(self) -> None:
        """Empty the state of every account and region; settings stay."""
        with WORLD.lock:
            WORLD.reset()

    def map_access_key(self, access_key_id: str, account_id: str) -> None:
        """Answer requests signed with ``access_key_id`` from ``account_id``."""
        key = handle_checks.access_key_id(access_key_id)
        account = handle_checks.account_id(account_id, WORLD)
        with WORLD.lock:
            WORLD.access_keys[key] = account

    def set_default_account(self, account_id: str) -> None:
        """Answer requests signed with unknown keys from ``account_id``."""
        account = handle_checks.account_id(account_id, WORLD)
        with WORLD.lock:
            WORLD.default_account_id = account

    def set_quota(
        self, name: str, value: int, *, account_id: str | None = None, region: str | None = None
    ) -> None:
        """Set a quota (a ``ServiceQuotaExceededExceptionReason`` name such as
        ``PHONE_NUMBERS_PER_ACCOUNT``, or a spend limit name) everywhere, or for one account
        and region."""
        name = handle_checks.quota_name(name)
        value = handle_checks.quota_value(value)
        with WORLD.lock:
            if account_id is None and region is None:
                WORLD.quotas[name] = value
            else:
                self._made(account_id, region).quotas[name] = value

    def set_lifecycle(
        self, resource_type: str, mode: ModeKind = "immediate", seconds: float = 0
    ) -> None:
        """How records of ``resource_type`` (``phone-number``, ``pool`` …) move through their
        statuses: ``immediate``, ``after`` ``seconds`` of clock time, or ``manual``."""
        resource_type = handle_checks.lifecycle_type(resource_type)
        mode_set = Mode(handle_checks.lifecycle_mode(mode), handle_checks.seconds(seconds))
        with WORLD.lock:
            WORLD.lifecycle.modes[resource_type] = mode_set

    def advance(
        self,
        resource_type: str,
        resource_id: str,
        to: str | None = None,
        *,
        region: str | None = None,
        account_id: str | None = None,
    ) -> Record:
        """Move one resource a step on (or straight to the status ``to``, one of the model's
        statuses of that resource type); returns its record. Without ``region`` and
        ``account_id`` the resource is looked for in every account and region, as :meth:`receive`
        looks for its number; ``ResourceNotFoundException`` names the regions searched."""
        resource_type = handle_checks.lifecycle_type(resource_type)
        if to is not None:
            to = handle_checks.status(resource_type, to)
        with WORLD.lock:
            searched = self._searched(account_id, region)
            for backend in searched:
                try:
                    return backend.advance(resource_type, resource_id, to)
                except ResourceNotFoundError:
                    continue
        raise _not_found(resource_type, resource_id, searched)

    def register_phone_number(
        self, phone_number: str, *, account_id: str | None = None, region: str | None = None
    ) -> PhoneNumber:
        """Complete the registration a phone number (id, ARN or E.164) waits for, as AWS's
        approval would: a US toll-free number, ``PENDING`` until its US_TOLL_FREE_REGISTRATION
        is approved, becomes ``ACTIVE`` (as the ``phone-number`` lifecycle mode says). Looks in
        every account and region unless told, as :meth:`advance` does; returns the record.

        Raises ``ValueError`` for a number that waits for no registration."""
        with WORLD.lock:
            searched = self._searched(account_id, region)
            for backend in searched:
                if toll_free.find_number(backend, phone_number) is not None:
                    return toll_free.register_phone_number(backend, phone_number)
        raise _not_found("phone-number", phone_number, searched)

    @property
    def sent_messages(self) -> tuple[SentMessage, ...]:
        """Every message accepted, in order, across accounts and regions."""
        with WORLD.lock:
            return tuple(SENT_MESSAGES.of(WORLD))

    # -- messaging (see docs/handle.md) --------------------------------------------------------

    def events(
        self, configuration_set_name: str | None = None, *, event_type: str | None = None
    ) -> tuple[EventRecord, ...]:
        """The events event destinations received by now on the clock, in order
        (:class:`smsmock.EventRecord`: ``payload`` is AWS's JSON, ``delivery`` what became of
        it), optionally only those of one configuration set (by name) or of one event type
        (``TEXT_DELIVERED`` …, or a group such as ``TEXT_ALL``, as ``MatchingEventTypes`` reads
        it)."""
        with WORLD.lock:
            timeline.settle(WORLD)
            if configuration_set_name is not None:
                handle_checks.configuration_set_name(configuration_set_name, WORLD)
            if event_type is not None:
                event_type = handle_checks.event_type(event_type)
            return tuple(
                e
                for e in EVENTS.of(WORLD)
                if configuration_set_name in (None, e.configuration_set_name)
                and (event_type is None or handle_checks.event_matches(event_type, e.event_type))
            )

    def eventbridge_events(self, detail_type: str | None = None) -> tuple[BusEvent, ...]:
        """The events put on the accounts' default EventBridge buses by now on the clock, in
        order (:class:`smsmock.BusEvent`: ``detail_type``, ``detail``, ``resources``, its
        ``envelope`` as a target receives it, and ``delivery``: ``delivered`` into moto,
        ``recorded`` when moto is not active), optionally only those of one detail-type
        (``Text Message Delivery Status Updated``, ``Registration Status Change`` …).

        Raises ``ValueError`` for a detail-type AWS does not send (naming the close matches)."""
        with WORLD.lock:
            timeline.settle(WORLD)
            for backend in WORLD.backends():
                for _ in backend.table(REGISTRATIONS):  # reviews that are due move on
                    pass
            if detail_type is not None:
                detail_type = handle_checks.detail_type(detail_type)
            return tuple(e for e in BUS_EVENTS.of(WORLD) if detail_type in (None, e.detail_type))

    def settle_events(self) -> tuple[EventRecord, ...]:
        """Let the events whose time has come arrive now (deliveries and callbacks included),
        as every request and every read of :meth:`events` does; returns the records they made.
        For a test whose next step reads elsewhere (moto's queue) after moving the clock."""
        with WORLD.lock:
            return tuple(timeline.settle(WORLD))

    def set_fate(self, destination: str, fate: str, *, delay: float | timedelta = 0.0) -> None:
        """Choose what happens to messages to ``destination`` (an E.164 number, or a pattern
        such as ``+1206555*`` or ``*``): ``fate`` is a documented outcome (``BLOCKED``, ``SPAM``,
        ``CARRIER_UNREACHABLE``, ``INVALID``, ``TTL_EXPIRED``, ``UNKNOWN``, ``PENDING`` …; voice:
        ``BUSY``, ``NO_ANSWER``, ``FAILED``), for every channel that documents it, or prefixed
        for one channel (``TEXT_BLOCKED``). The message's first event arrives at once, the last
        ``delay`` seconds (or a timedelta) later on the clock. The latest matching choice wins.

        Raises ``ValueError`` for a destination that is neither a number nor a pattern, an
        unknown fate (naming the close matches) or a delay outside [0, 72 hours).
        """
        pattern = handle_checks.destination_pattern(destination)
        name = handle_checks.fate(fate)
        seconds = handle_checks.fate_delay(delay)
        with WORLD.lock:
            timeline.set_fate(WORLD, pattern, name, seconds)

    def clear_fates(self) -> None:
        """Forget every fate chosen: messages are delivered again."""
        with WORLD.lock:
            timeline.FATES.of(WORLD).clear()

    def on_event(self, callback: Callable[[EventRecord], object]) -> None:
        """Call ``callback`` with each event (an :class:`smsmock.EventRecord`, one per matching
        event destination) as it arrives; an exception it raises reaches the test.

        Raises ``TypeError`` if ``callback`` is not callable."""
        checked = handle_checks.callback(callback)
        with WORLD.lock:
            timeline.subscribe(WORLD, "event", checked)

    def on_inbound(self, callback: Callable[[InboundMessage], object]) -> None:
        """Call ``callback`` with each inbound message (an :class:`smsmock.InboundMessage`, with
        its ``payload``) as :meth:`receive` delivers it.

        Raises ``TypeError`` if ``callback`` is not callable."""
        checked = handle_checks.callback(callback)
        with WORLD.lock:
            timeline.subscribe(WORLD, "inbound", checked)

    @property
    def inbound_messages(self) -> tuple[InboundMessage, ...]:
        """Every message :meth:`receive` delivered, in order (:class:`smsmock.InboundMessage`)."""
        with WORLD.lock:
            return tuple(INBOUND_MESSAGES.of(WORLD))

    def receive(
        self,
        from_number: str,
        to_number: str,
        message_body: str,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> InboundMessage:
        """Deliver an end user's message from ``from_number`` to our number ``to_number`` (E.164,
        id or ARN): keywords apply (opt-out, opt-in, automatic responses, recorded as sent
        messages) and the message is recorded for the two-way channel. Returns the
        :class:`smsmock.InboundMessage`; ``LookupError`` if no account has the number."""

        if account_id is not None:
            account_id = handle_checks.account_id(account_id, WORLD)
        if region is not None:
            region = handle_checks.region(region, WORLD)
        with WORLD.lock:
            return receive(
                WORLD, from_number, to_number, message_body, account_id=account_id, region=region
            )

    def set_sandbox(
        self, sandboxed: bool = True, *, account_id: str | None = None, region: str | None = None
    ) -> None:
        """Put an account (default: the default account) in the SMS/MMS and voice sandbox of a
        region (default: the default region), or take it out: in the sandbox only verified
        destination numbers receive, and DescribeAccountAttributes says ``SANDBOXED``.

        Accounts start in production, unlike AWS's: "New AWS End User Messaging SMS accounts are
        placed into an SMS/MMS or voice sandbox" (User Guide, *SMS/MMS and Voice sandbox*). A test
        models the account a team really sends from; this puts it in the sandbox."""

        with WORLD.lock:
            set_sandboxed(self._made(account_id, region), sandboxed)

    def spend(
        self,
        channel: str = "SMS",
        *,
        month: str | None = None,
        account_id: str | None = None,
        region: str | None = None,
    ) -> float:
        """US dollars spent on ``channel`` (``SMS``, ``VOICE``, ``MMS``, ``NOTIFY``, ``RCS``) in
        ``month`` (``"2026-11"``; default: the current month on the clock freezegun moves)."""
        channel = handle_checks.channel(channel)
        when = handle_checks.month(month) if month is not None else None
        when = when or f"{datetime.now(timezone.utc):%Y-%m}"
        with WORLD.lock:
            return spent(self._existing(account_id, region), channel, when)

    def launch_rcs_agent(
        self,
        rcs_agent: str,
        iso_country_code: str,
        status: str = "ACTIVE",
        *,
        registration_id: str = "registration-launched-by-test",
        account_id: str | None = None,
        region: str | None = None,
    ) -> CountryLaunch:
        """Launch an RCS agent (id or ARN) in a country, as carriers' approval of an RCS
        registration does (``status``: ``PENDING``, ``PARTIAL``, ``ACTIVE`` …); returns the
        agent's :class:`smsmock.CountryLaunch` there."""

        iso_country_code = handle_checks.iso_country_code(iso_country_code)
        status = handle_checks.country_launch_status(status)
        with WORLD.lock:
            backend = self._existing(account_id, region)
            return launch_in_country(backend, rcs_agent, iso_country_code, registration_id, status)

    def set_rcs_capable(
        self,
        phone_number: str,
        capable: bool = True,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> None:
        """Say whether the phone at ``phone_number`` takes RCS (every mobile does by default):
        with ``False`` an RCS send falls back to SMS, or fails without a fallback."""

        with WORLD.lock:
            set_rcs_capable(self._made(account_id, region), phone_number, capable)

    def decide_notify_tier_upgrade(
        self,
        notify_configuration: str,
        approved: bool = True,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> NotifyConfiguration:
        """Decide a notify configuration's tier upgrade (AWS reviews it): ``ADVANCED``, or
        ``REJECTED`` keeping the ``BASIC`` tier; returns the configuration's record."""

        with WORLD.lock:
            backend = self._existing(account_id, region)
            return upgrade_tier(backend, notify_configuration, approved)

    def save_state(self, path: str | os.PathLike[str]) -> None:
        """Write the whole state (every account and region, the settings, the sent messages)
        to the JSON file ``path``; see :mod:`smsmock.faces.state_file`."""

        with WORLD.lock:
            state_file.save(WORLD, path)

    def load_state(self, path: str | os.PathLike[str]) -> None:
        """Replace the whole state with the file ``path`` wrote by :meth:`save_state`.

        Raises :class:`smsmock.faces.state_file.StateFileError` (and changes nothing) for a file of
        another format version or one that does not fit this smsmock's records.
        """

        with WORLD.lock:
            state_file.load(WORLD, path)

    # -- where a method acts -------------------------------------------------------------------

    def _where(self, account_id: str | None, region: str | None) -> tuple[str, str]:
        """The account and region a method acts in, checked; defaults: the default account,
        and the region boto3 would use."""
        account = None if account_id is None else handle_checks.account_id(account_id, WORLD)
        where = None if region is None else handle_checks.region(region, WORLD)
        return account or WORLD.default_account_id, where or handle_checks.default_region()

    def _existing(self, account_id: str | None, region: str | None) -> Backend:
        """The backend to read: the one that exists, else an empty one that is not kept."""
        account, region = self._where(account_id, region)
        return WORLD.existing_backend(account, region) or Backend(WORLD, account, region)

    def _searched(self, account_id: str | None, region: str | None) -> list[Backend]:
        """Where to look for a resource: the account and region given, else every account and
        region with state, the default ones first."""
        if account_id is not None or region is not None:
            return [self._existing(account_id, region)]
        first = WORLD.existing_backend(*self._where(None, None))
        rest = [b for b in WORLD.backends() if b is not first]
        return [first, *rest] if first is not None else rest

    def _made(self, account_id: str | None, region: str | None) -> Backend:
        """The backend to change, made if it does not exist yet."""
        return WORLD.backend(*self._where(account_id, region))


def _not_found(resource_type: str, resource_id: str, searched: list[Backend]) -> Exception:
    """``ResourceNotFoundException`` naming the regions (and accounts) searched."""
    places = ", ".join(f"{b.region} (account {b.account_id})" for b in searched)
    return ResourceNotFoundError(
        resource_type,
        resource_id,
        f"No {resource_type} {resource_id!r} found; searched {places or 'no region'}.",
    )


@overload
def mock_sms_voice(func: F) -> F: ...


@overload
def mock_sms_voice(
    func: None = None,
    *,
    default_account_id: str | None = None,
    access_keys: Mapping[str, str] | None = None,
) -> SmsVoiceMock: ...


def mock_sms_voice(
    func: Any = None,
    *,
    default_account_id: str | None = None,
    access_keys: Mapping[str, str] | None = None,
) -> Any:
    """Mock AWS End User Messaging SMS and Voice v2.

    Use it bare or called on a function, a coroutine function or a class, as a context manager
    (``with mock_sms_voice() as sms``) or with ``start()``/``stop()``.
    """
    mock = SmsVoiceMock(default_account_id, access_keys)
    if func is not None:
        return mock(func)
    return mock
