"""Every operation's handler: the modules of :mod:`smsmock.operations`, imported once on the
first request, each registering its handlers with :func:`smsmock.state.registry.operation`."""

from __future__ import annotations

import importlib
import pkgutil
import threading

import smsmock.operations as operations_package
from smsmock.state.registry import HANDLERS, Handler

_loaded = False
_load_lock = threading.Lock()


def handler_for(name: str) -> Handler | None:
    """The handler of ``name``; the operations modules are imported on the first request."""
    if not _loaded:
        load_resources()
    return HANDLERS.get(name)


def load_resources() -> None:
    """Import every module of :mod:`smsmock.operations`, each registering its operations."""
    global _loaded
    with _load_lock:
        if _loaded:
            return
        package = operations_package
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            importlib.import_module(f"{package.__name__}.{info.name}")
        _loaded = True


def implemented_operations() -> frozenset[str]:
    """The operations smsmock answers."""
    load_resources()
    return frozenset(HANDLERS)
