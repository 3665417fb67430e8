"""From a validated operation call to its output: the one path every request takes."""

from __future__ import annotations

import functools
from typing import Any

from smsmock.engine.handlers import handler_for
from smsmock.engine.model import Writer, output_writer
from smsmock.engine.validation import validate
from smsmock.rules.events.timeline import settle
from smsmock.state.errors import NotImplementedOperationError
from smsmock.state.registry import Call
from smsmock.state.service_model import operation_model
from smsmock.state.world import World


def dispatch(
    world: World,
    operation: str,
    params: dict[str, Any],
    account_id: str,
    region: str,
    request_id: str,
) -> dict[str, Any]:
    """Validate ``params``, run the operation's handler under the world's lock and write its
    output as the model shapes it. A repeated idempotency token returns the first output."""
    validate(operation, params)
    handler = handler_for(operation)
    if handler is None:
        raise NotImplementedOperationError(operation)
    token_member, write = _plan(operation)
    with world.lock:
        settle(world)  # events whose time has come arrive before the request is answered
        backend = world.backend(account_id, region)
        token = params.get(token_member) if token_member else None
        if token is not None:
            earlier = backend.client_tokens.get((operation, token))
            if earlier is not None:
                return earlier
        output: dict[str, Any] = write(handler(Call(operation, backend, request_id), params))
        if token is not None:
            backend.client_tokens[(operation, token)] = output
    return output


@functools.cache
def _plan(operation: str) -> tuple[str | None, Writer]:
    """The operation's idempotency token member and output writer, found once."""
    return idempotency_member(operation), output_writer(operation)


@functools.cache
def idempotency_member(operation: str) -> str | None:
    """The input member the model marks as the idempotency token (``ClientToken``), if any."""
    shape = operation_model(operation).input_shape
    if shape is None:
        return None
    for name, member in shape.members.items():
        if member.metadata.get("idempotencyToken"):
            return str(name)
    return None
