"""Every operation's handler: the modules of :mod:`smsmock.operations`, each registering its
handlers with :func:`smsmock.state.registry.operation` when imported.

A request imports the operations module of its own operation only, named in
``smsmock/data/operation_modules.json`` (written by ``tools/generate_tables.py``): a process that
answers a few operations does not import the other families' (about 25 ms of a first call).
Before that, the first request imports every module of the rules and records layers: families
meet there (send checks, origination identity kinds, table keys), and some modules register
there when imported, so all of it is in place whichever handler runs first. An operations module
registers nothing but its own handlers (``tests/engine/test_operation_loading.py`` checks it), so
which of them are imported changes no answer. An operation the table does not name imports them
all.
"""

from __future__ import annotations

import functools
import importlib
import json
import pkgutil
import threading
from importlib import resources
from types import ModuleType

import smsmock.operations as operations_package
import smsmock.records as records_package
import smsmock.rules as rules_package
from smsmock.state.registry import HANDLERS, Handler

_imported: set[str] = set()
"""Operations whose module has been imported to its end: their handlers can run."""
_loaded = False
_shared_loaded = False
_load_lock = threading.Lock()


def handler_for(name: str) -> Handler | None:
    """The handler of ``name``; its operations module is imported on its first request."""
    if name not in _imported:
        _import_module_of(name)
    return HANDLERS.get(name)


def _import_module_of(name: str) -> None:
    module = operation_modules().get(name)
    if module is not None:
        with _load_lock:
            _import_shared()
            importlib.import_module(f"{operations_package.__name__}.{module}")
            _imported.update(HANDLERS)
    if name not in HANDLERS:
        load_resources()  # not in the table (or the table is stale): every module


def load_resources() -> None:
    """Import every module of :mod:`smsmock.operations`, each registering its operations."""
    global _loaded
    with _load_lock:
        if _loaded:
            return
        _import_shared()
        _import_package(operations_package)
        _imported.update(HANDLERS)
        _loaded = True


def _import_shared() -> None:
    """Import every module of the rules and records layers, once (the lock is held)."""
    global _shared_loaded
    if not _shared_loaded:
        _import_package(records_package)
        _import_package(rules_package)
        _shared_loaded = True


def _import_package(package: ModuleType) -> None:
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        importlib.import_module(f"{package.__name__}.{info.name}")


@functools.cache
def operation_modules() -> dict[str, str]:
    """The module of :mod:`smsmock.operations` (its last name) that answers each operation."""
    text = resources.files("smsmock").joinpath("data/operation_modules.json").read_text("utf-8")
    modules: dict[str, str] = json.loads(text)
    return modules


def implemented_operations() -> frozenset[str]:
    """The operations smsmock answers."""
    load_resources()
    return frozenset(HANDLERS)
