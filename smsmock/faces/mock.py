"""``mock_sms_voice``: one object that is the decorator, the context manager and start/stop.

Activations nest and count: the outermost start empties the state (and the handle's settings)
and sets fake credentials; the outermost stop restores the environment. The object is also the
handle tests inspect the state through (``with mock_sms_voice() as sms``).
"""

from __future__ import annotations

import functools
import inspect
import os
import threading
import unittest
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, TypeVar, overload

from smsmock.engine import environment
from smsmock.engine.hook import Switch
from smsmock.faces import state_file
from smsmock.rules.inbound import receive
from smsmock.rules.notify import upgrade_tier
from smsmock.rules.rcs import launch_in_country, set_rcs_capable
from smsmock.rules.spend import set_sandboxed, spent
from smsmock.state.lifecycle import Mode, ModeKind
from smsmock.state.tables import Record
from smsmock.state.world import WORLD, Backend

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


class _Activations:
    """How many activations are open, and the environment to restore when none is."""

    lock = threading.Lock()
    depth = 0
    saved: environment.Saved = {}


class SmsVoiceMock:
    """An activation of the mock, and the handle on its state.

    ``default_account_id`` answers requests signed with keys not otherwise known;
    ``access_keys`` maps access key ids to account ids (a 12-digit key id is its own account).
    """

    def __init__(
        self,
        default_account_id: str | None = None,
        access_keys: Mapping[str, str] | None = None,
    ) -> None:
        self.default_account_id = default_account_id
        self.access_keys = dict(access_keys or {})
        self._starts = 0

    # -- switching on and off ------------------------------------------------------------------

    def start(self) -> SmsVoiceMock:
        """Switch the mock on (nested starts count); returns the handle."""
        with _Activations.lock:
            if _Activations.depth == 0:
                WORLD.reset(settings=True)
                _Activations.saved = environment.apply_fake_credentials()
                Switch.active = True
            _Activations.depth += 1
            self._starts += 1
            if self.default_account_id:
                WORLD.default_account_id = self.default_account_id
            WORLD.access_keys.update(self.access_keys)
        return self

    def stop(self) -> None:
        """Undo one :meth:`start`; the outermost stop switches the mock off.

        Raises ``RuntimeError`` if this object was not started.
        """
        with _Activations.lock:
            if self._starts == 0:
                raise RuntimeError("stop() called on a mock_sms_voice that is not started")
            self._starts -= 1
            _Activations.depth -= 1
            if _Activations.depth == 0:
                Switch.active = False
                environment.restore(_Activations.saved)
                _Activations.saved = {}

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
        if issubclass(cls, unittest.TestCase):
            # setUp and tearDown run inside the mock: start before setUp, stop as a cleanup
            # (cleanups run after tearDown, and also when setUp fails).
            original_setup = cls.setUp
            factory = self._fresh

            @functools.wraps(original_setup)
            def setUp(case: unittest.TestCase) -> None:
                mock = factory().start()
                case.addCleanup(mock.stop)
                original_setup(case)

            cls.setUp = setUp  # type: ignore[method-assign,assignment]
            return cls
        for name, attr in list(vars(cls).items()):
            if name.startswith("test") and callable(attr):
                setattr(cls, name, self(attr))
        return cls

    # -- the handle ----------------------------------------------------------------------------

    def backend(self, region: str | None = None, account_id: str | None = None) -> Backend:
        """The state of one account and region (defaults: the default account, ``us-east-1``)."""
        return WORLD.backend(account_id, region)

    def backends(self) -> list[Backend]:
        """Every account and region that has state."""
        return WORLD.backends()

    def reset(self) -> None:
        """Empty the state of every account and region; settings stay."""
        WORLD.reset()

    def map_access_key(self, access_key_id: str, account_id: str) -> None:
        """Answer requests signed with ``access_key_id`` from ``account_id``."""
        with WORLD.lock:
            WORLD.access_keys[access_key_id] = account_id

    def set_default_account(self, account_id: str) -> None:
        """Answer requests signed with unknown keys from ``account_id``."""
        WORLD.default_account_id = account_id

    def set_quota(
        self, name: str, value: int, *, account_id: str | None = None, region: str | None = None
    ) -> None:
        """Set a quota (a ``ServiceQuotaExceededExceptionReason`` name such as
        ``PHONE_NUMBERS_PER_ACCOUNT``) everywhere, or for one account and region."""
        with WORLD.lock:
            if account_id is None and region is None:
                WORLD.quotas[name] = value
            else:
                WORLD.backend(account_id, region).quotas[name] = value

    def set_lifecycle(
        self, resource_type: str, mode: ModeKind = "immediate", seconds: float = 0
    ) -> None:
        """How records of ``resource_type`` (``phone-number``, ``pool`` …) move through their
        statuses: ``immediate``, ``after`` ``seconds`` of clock time, or ``manual``."""
        WORLD.lifecycle.modes[resource_type] = Mode(mode, seconds)

    def advance(
        self,
        resource_type: str,
        resource_id: str,
        to: str | None = None,
        *,
        region: str | None = None,
        account_id: str | None = None,
    ) -> Record:
        """Move one resource a step on (or straight to the status ``to``); returns its record."""
        with WORLD.lock:
            return WORLD.backend(account_id, region).advance(resource_type, resource_id, to)

    @property
    def sent_messages(self) -> tuple[Any, ...]:
        """Every message accepted, in order, across accounts and regions."""
        with WORLD.lock:
            return tuple(WORLD.sent_messages)

    # -- messaging (see docs/handle.md) --------------------------------------------------------

    def events(
        self, configuration_set_name: str | None = None, *, event_type: str | None = None
    ) -> tuple[Any, ...]:
        """The events event destinations would have received, in order
        (:class:`smsmock.operations.configuration_sets.EventRecord`), optionally only those of
        one configuration set (by name) or of one event type (``TEXT_DELIVERED`` …)."""
        with WORLD.lock:
            return tuple(
                e
                for e in WORLD.events
                if configuration_set_name in (None, e.configuration_set_name)
                and event_type in (None, e.event_type)
            )

    @property
    def inbound_messages(self) -> tuple[Any, ...]:
        """Every message :meth:`receive` delivered, in order
        (:class:`smsmock.rules.inbound.InboundMessage`)."""
        with WORLD.lock:
            return tuple(WORLD.inbound_messages)

    def receive(
        self,
        from_number: str,
        to_number: str,
        message_body: str,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> Any:
        """Deliver an end user's message from ``from_number`` to our number ``to_number`` (E.164,
        id or ARN): keywords apply (opt-out, opt-in, automatic responses, recorded as sent
        messages) and the message is recorded for the two-way channel. Returns the
        :class:`smsmock.rules.inbound.InboundMessage`; ``LookupError`` if no account has the
        number."""

        return receive(
            WORLD, from_number, to_number, message_body, account_id=account_id, region=region
        )

    def set_sandbox(
        self, sandboxed: bool = True, *, account_id: str | None = None, region: str | None = None
    ) -> None:
        """Put an account (default: the default account) in the SMS/MMS and voice sandbox of a
        region (default ``us-east-1``), or take it out: in the sandbox only verified destination
        numbers receive, and DescribeAccountAttributes says ``SANDBOXED``."""

        with WORLD.lock:
            set_sandboxed(WORLD.backend(account_id, region), sandboxed)

    def spend(
        self,
        channel: str = "SMS",
        *,
        month: str | None = None,
        account_id: str | None = None,
        region: str | None = None,
    ) -> float:
        """US dollars spent on ``channel`` (``SMS``, ``VOICE``, ``MMS``) in ``month``
        (``"2026-11"``; default: the current month on the clock freezegun moves)."""
        from datetime import datetime, timezone

        when = month or f"{datetime.now(timezone.utc):%Y-%m}"
        with WORLD.lock:
            return spent(WORLD.backend(account_id, region), channel, when)

    def launch_rcs_agent(
        self,
        rcs_agent: str,
        iso_country_code: str,
        status: str = "ACTIVE",
        *,
        registration_id: str = "registration-launched-by-test",
        account_id: str | None = None,
        region: str | None = None,
    ) -> Any:
        """Launch an RCS agent (id or ARN) in a country, as carriers' approval of an RCS
        registration does (``status``: ``PENDING``, ``PARTIAL``, ``ACTIVE`` …)."""

        with WORLD.lock:
            backend = WORLD.backend(account_id, region)
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
            set_rcs_capable(WORLD.backend(account_id, region), phone_number, capable)

    def decide_notify_tier_upgrade(
        self,
        notify_configuration: str,
        approved: bool = True,
        *,
        account_id: str | None = None,
        region: str | None = None,
    ) -> Any:
        """Decide a notify configuration's tier upgrade (AWS reviews it): ``ADVANCED``, or
        ``REJECTED`` keeping the ``BASIC`` tier."""

        with WORLD.lock:
            return upgrade_tier(WORLD.backend(account_id, region), notify_configuration, approved)

    def save_state(self, path: str | os.PathLike[str]) -> None:
        """Write the whole state (every account and region, the settings, the sent messages)
        to the JSON file ``path``; see :mod:`smsmock.faces.state_file`."""

        state_file.save(WORLD, path)

    def load_state(self, path: str | os.PathLike[str]) -> None:
        """Replace the whole state with the file ``path`` wrote by :meth:`save_state`.

        Raises :class:`smsmock.faces.state_file.StateFileError` (and changes nothing) for a file of
        another format version or one that does not fit this smsmock's records.
        """

        state_file.load(WORLD, path)


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
