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

While a mock is active every request of this service is answered in-process, and nothing checks
its signature: ``RequestSigner.get_auth_instance`` (aiobotocore's too) is wrapped to hand this
service's SigV4 signer a :class:`PlaceholderSigV4Auth`, which writes the same headers without the
signature's arithmetic (a fifth to a quarter of a mocked describe's cost).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import botocore.endpoint
import botocore.signers
from botocore.auth import SIGNED_HEADERS_BLACKLIST, SigV4Auth

from smsmock.engine.headers import header
from smsmock.state.service_model import SERVICE_NAME, TARGET_PREFIX

Answer = Callable[[Any, "str | None"], Any]
Lend = Callable[..., None]
"""Lends fake credentials to a request: ``lend(request, request_signer=signer)``."""
Method = Callable[..., Any]

_GUARDED = "_smsmock_guarded"
PLACEHOLDER_SIGNATURE = "0" * 64
"""The ``Signature`` of a request the mock answers: as long as a real one, never a valid one."""


class PlaceholderSigV4Auth(SigV4Auth):  # type: ignore[misc]
    """botocore's SigV4 signer without the arithmetic: ``add_auth`` is botocore's own, so the
    headers are those of a signed request (``X-Amz-Date``, the session token, ``Authorization``
    with the credential scope and the signed headers' names), but the canonical request, its
    SHA-256 and the four HMACs are skipped and the signature is :data:`PLACEHOLDER_SIGNATURE`.
    ``SIGNED_HEADERS_BLACKLIST`` is botocore's list of the headers SigV4 leaves unsigned."""

    def headers_to_sign(self, request: Any) -> list[str]:
        """The names botocore would sign (it copies the values into an ``HTTPHeaders`` too,
        which only the canonical request reads)."""
        names = [name.lower() for name in request.headers]
        names = [name for name in names if name not in SIGNED_HEADERS_BLACKLIST]
        if "host" not in names:
            names.append("host")
        return names

    def canonical_request(self, request: Any) -> str:
        return ""

    def string_to_sign(self, request: Any, canonical_request: str) -> str:
        return ""

    def signature(self, string_to_sign: str, request: Any) -> str:
        return PLACEHOLDER_SIGNATURE


def install(active: Callable[[], bool], answer: Answer, lend: Lend) -> None:
    """Wrap botocore's ``Endpoint._send``, ``RequestSigner.sign`` and
    ``RequestSigner.get_auth_instance``, and aiobotocore's if it is imported (once each)."""
    _replace(botocore.endpoint.Endpoint, "_send", lambda send: _guard_sync(send, active, answer))
    signer = botocore.signers.RequestSigner
    _replace(signer, "sign", lambda sign: _lend_sync(sign, lend))
    _replace(signer, "get_auth_instance", lambda get: _placeholder_sync(get, active))
    aio_endpoint = sys.modules.get("aiobotocore.endpoint")
    if aio_endpoint is not None:
        _replace(aio_endpoint.AioEndpoint, "_send", lambda s: _guard_async(s, active, answer))
    aio_signers = sys.modules.get("aiobotocore.signers")
    if aio_signers is not None:
        aio_signer = aio_signers.AioRequestSigner
        _replace(aio_signer, "sign", lambda sign: _lend_async(sign, lend))
        _replace(aio_signer, "get_auth_instance", lambda get: _placeholder_async(get, active))


def is_ours(request: Any) -> bool:
    """Whether a prepared request is one of this service's (JSON 1.0, named by its target)."""
    target = header(request.headers, "X-Amz-Target") or ""
    return target.startswith(f"{TARGET_PREFIX}.")


def _replace(cls: type, name: str, wrap: Callable[[Method], Method]) -> None:
    """Put ``wrap(original)`` in place of the method ``cls.name`` that the class itself defines
    (not one it inherits), once: a method already wrapped is left as it is."""
    original = vars(cls).get(name)
    if original is None or getattr(original, _GUARDED, False):
        return
    wrapped = wrap(original)
    setattr(wrapped, _GUARDED, True)
    setattr(cls, name, wrapped)


def _guard_sync(original: Method, active: Callable[[], bool], answer: Answer) -> Method:
    def _send(endpoint: Any, request: Any) -> Any:
        if active() and is_ours(request):
            return answer(request, None)
        return original(endpoint, request)

    return _send


def _guard_async(original: Method, active: Callable[[], bool], answer: Answer) -> Method:
    async def _send(endpoint: Any, request: Any) -> Any:
        if active() and is_ours(request):
            return answer(request, None)
        return await original(endpoint, request)

    return _send


def _is_ours_to_sign(signer: Any) -> bool:
    service_id = getattr(signer, "_service_id", None)
    return service_id is not None and service_id.hyphenize() == SERVICE_NAME


def _lend_sync(original: Method, lend: Lend) -> Method:
    def sign(signer: Any, operation_name: str, request: Any, *args: Any, **kwargs: Any) -> Any:
        if _is_ours_to_sign(signer):
            lend(request, request_signer=signer)
        return original(signer, operation_name, request, *args, **kwargs)

    return sign


def _lend_async(original: Method, lend: Lend) -> Method:
    async def sign(
        signer: Any, operation_name: str, request: Any, *args: Any, **kwargs: Any
    ) -> Any:
        if _is_ours_to_sign(signer):
            lend(request, request_signer=signer)
        return await original(signer, operation_name, request, *args, **kwargs)

    return sign


def _placeholder_for(auth: Any, signer: Any, active: Callable[[], bool]) -> Any:
    """The placeholder in place of botocore's own SigV4 signer for this service's requests while
    a mock answers them; any other signer (other services, no mock, a presigned URL's
    ``SigV4QueryAuth``, a signature version chosen by a ``choose-signer`` handler) as it is.

    The signer was made by botocore with the credentials it resolved (the client's, or those
    lent for the request) and the region it chose, which the placeholder keeps."""
    if type(auth) is not SigV4Auth or not active() or not _is_ours_to_sign(signer):
        return auth
    return PlaceholderSigV4Auth(auth.credentials, auth._service_name, auth._region_name)


def _placeholder_sync(original: Method, active: Callable[[], bool]) -> Method:
    def get_auth_instance(signer: Any, *args: Any, **kwargs: Any) -> Any:
        return _placeholder_for(original(signer, *args, **kwargs), signer, active)

    return get_auth_instance


def _placeholder_async(original: Method, active: Callable[[], bool]) -> Method:
    async def get_auth_instance(signer: Any, *args: Any, **kwargs: Any) -> Any:
        return _placeholder_for(await original(signer, *args, **kwargs), signer, active)

    return get_auth_instance
