"""Names a package exports but imports only when first read (PEP 562's module ``__getattr__``).

``import smsmock`` registers the hook and nothing more: the pytest plugin imports smsmock at
every pytest start, also in runs that never use it. What answers requests, and the handle's
rules and records, are imported by the first activation or the first request that reads them.
The packages that use this also import the same names under ``TYPE_CHECKING``, so mypy and
import-linter see every dependency.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A ``__getattr__`` for ``package`` that imports each name of ``where`` at its first read:
    ``"module"`` is that module itself, ``"module:name"`` a name defined in it."""

    def __getattr__(name: str) -> Any:
        target = where.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, attribute = target.partition(":")
        found = importlib.import_module(module)
        return getattr(found, attribute) if attribute else found

    return __getattr__
