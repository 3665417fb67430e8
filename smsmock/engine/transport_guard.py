"""The last line of defence: this service's requests are answered at botocore's transport.

The hook (:mod:`smsmock.engine.hook`) lives in botocore's handler list, which a session copies
when it is made, so a client made before ``import smsmock`` never calls it: with credentials in
the environment it would sign and send a real request (a real, paid SMS). Every client, whenever it
was made, sends through ``Endpoint._send`` (aiobotocore: ``AioEndpoint._send``), looked up on the
class at each request; wrapping that method on the class reaches them all. While a mock is
active, a request of ``PinpointSMSVoiceV2`` (told by its ``X-Amz-Target``, whatever the URL) is
answered by the mock there and never reaches the network; anything else goes on unchanged.

Such a client made on a machine without credentials would fail to sign before sending
(``NoCredentialsError``): ``RequestSigner.sign`` (aiobotocore: ``AioRequestSigner.sign``) is
wrapped the same way to lend it the mock's fake credentials, for this service only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import botocore.endpoint
import botocore.signers

from smsmock.engine.headers import header
from smsmock.state.service_model import SERVICE_NAME, TARGET_PREFIX

Answer = Callable[[Any, "str | None"], Any]
Lend = Callable[..., None]
"""Lends fake credentials to a request: ``lend(request, request_signer=signer)``."""

_GUARDED = "_smsmock_guarded"


def install(active: Callable[[], bool], answer: Answer, lend: Lend) -> None:
    """Wrap botocore's ``Endpoint._send`` and ``RequestSigner.sign``, and aiobotocore's if it is
    imported (once each)."""
    _guard_sync(botocore.endpoint.Endpoint, active, answer)
    _lend_sync(botocore.signers.RequestSigner, lend)
    aio_endpoint = sys.modules.get("aiobotocore.endpoint")
    if aio_endpoint is not None:
        _guard_async(aio_endpoint.AioEndpoint, active, answer)
    aio_signers = sys.modules.get("aiobotocore.signers")
    if aio_signers is not None:
        _lend_async(aio_signers.AioRequestSigner, lend)


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


def _is_ours_to_sign(signer: Any) -> bool:
    service_id = getattr(signer, "_service_id", None)
    return service_id is not None and service_id.hyphenize() == SERVICE_NAME


def _lend_sync(cls: type, lend: Lend) -> None:
    original = vars(cls).get("sign")
    if original is None or getattr(original, _GUARDED, False):
        return

    def sign(signer: Any, operation_name: str, request: Any, *args: Any, **kwargs: Any) -> Any:
        if _is_ours_to_sign(signer):
            lend(request, request_signer=signer)
        return original(signer, operation_name, request, *args, **kwargs)

    setattr(sign, _GUARDED, True)
    cls.sign = sign  # type: ignore[attr-defined]


def _lend_async(cls: type, lend: Lend) -> None:
    original = vars(cls).get("sign")
    if original is None or getattr(original, _GUARDED, False):
        return

    async def sign(
        signer: Any, operation_name: str, request: Any, *args: Any, **kwargs: Any
    ) -> Any:
        if _is_ours_to_sign(signer):
            lend(request, request_signer=signer)
        return await original(signer, operation_name, request, *args, **kwargs)

    setattr(sign, _GUARDED, True)
    cls.sign = sign  # type: ignore[attr-defined]
