"""The last line of defence: this service's requests are answered at botocore's transport.

The hook (:mod:`smsmock.engine.hook`) lives in botocore's handler list, which a session copies
when it is made, so a client made before ``import smsmock`` never calls it: with credentials in
the environment it would sign and send a real request (a real, paid SMS). Every client, whenever it
was made, sends through ``Endpoint._send`` (aiobotocore: ``AioEndpoint._send``), looked up on the
class at each request; wrapping that method on the class reaches them all. While a mock is
active, a request of ``PinpointSMSVoiceV2`` (told by its ``X-Amz-Target``, whatever the URL) is
answered by the mock there and never reaches the network; anything else goes on unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import botocore.endpoint

from smsmock.engine.wire import header
from smsmock.state.service_model import TARGET_PREFIX

Answer = Callable[[Any, "str | None"], Any]

_GUARDED = "_smsmock_guarded"


def install(active: Callable[[], bool], answer: Answer) -> None:
    """Wrap botocore's ``Endpoint._send``, and aiobotocore's if it is imported (once each)."""
    _guard_sync(botocore.endpoint.Endpoint, active, answer)
    aio_endpoint = sys.modules.get("aiobotocore.endpoint")
    if aio_endpoint is not None:
        _guard_async(aio_endpoint.AioEndpoint, active, answer)


def is_ours(request: Any) -> bool:
    """Whether a prepared request is one of this service's (JSON 1.0, named by its target)."""
    target = header(request.headers, "X-Amz-Target") or ""
    return target.startswith(f"{TARGET_PREFIX}.")


def _guard_sync(cls: type, active: Callable[[], bool], answer: Answer) -> None:
    original = vars(cls).get("_send")
    if original is None or getattr(original, _GUARDED, False):
        return

    def _send(endpoint: Any, request: Any) -> Any:
        if active() and is_ours(request):
            return answer(request, None)
        return original(endpoint, request)

    setattr(_send, _GUARDED, True)
    cls._send = _send  # type: ignore[attr-defined]


def _guard_async(cls: type, active: Callable[[], bool], answer: Answer) -> None:
    original = vars(cls).get("_send")
    if original is None or getattr(original, _GUARDED, False):
        return

    async def _send(endpoint: Any, request: Any) -> Any:
        if active() and is_ours(request):
            return answer(request, None)
        return await original(endpoint, request)

    setattr(_send, _GUARDED, True)
    cls._send = _send  # type: ignore[attr-defined]
