"""The operation registry: handlers registered by operation name, and what a handler receives.

A handler is ``def handler(call: Call, params: dict) -> output``: ``params`` are validated
against the model; the output is a dict or record the model's output shape writes (see
:mod:`smsmock.engine.model`); errors are raised as the classes in :mod:`smsmock.state.errors`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TypeVar

from smsmock.state.world import Backend, World

Params = dict[str, Any]
Handler = Callable[["Call", Params], Any]
F = TypeVar("F", bound=Handler)

HANDLERS: dict[str, Handler] = {}


@dataclass(slots=True)
class Call:
    """One request being answered: who asks, where, and when (``now``: the time the handler
    first asks for it, or ``started``)."""

    operation: str
    backend: Backend
    request_id: str
    started: datetime | None = None

    @property
    def now(self) -> datetime:
        if self.started is None:
            self.started = datetime.now(timezone.utc)
        return self.started

    @property
    def world(self) -> World:
        return self.backend.world

    @property
    def account_id(self) -> str:
        return self.backend.account_id

    @property
    def region(self) -> str:
        return self.backend.region


def operation(name: str) -> Callable[[F], F]:
    """Register the decorated function as the handler of the model's operation ``name``.

    An operation that an older botocore's model lacks is registered all the same and simply never
    called: smsmock follows the model the user has installed.
    """

    def register(handler: F) -> F:
        if name in HANDLERS:
            raise ValueError(f"{name} is registered twice")
        HANDLERS[name] = handler
        return handler

    return register
