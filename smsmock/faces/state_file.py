"""The whole state of a :class:`World` as a JSON file, and back: a seeded scenario a team shares.

The file holds every backend's tables, the backends' and the world's settings and the sent
messages. It is written generically: records are dataclasses (written field by field, with the
class named so it is rebuilt as itself), tables are named by their resource type
(``pool``), and values JSON cannot hold are tagged
(``{"$datetime": "…"}``, ``{"$tuple": […]}``). A file is read completely, and checked, before the
live state is touched: a file of another format version, or whose records do not fit this
smsmock's records, is refused with :class:`StateFileError` and the state stays as it was.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import enum
import importlib
import itertools
import json
import os
import secrets
import stat
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from smsmock.engine.handlers import load_resources
from smsmock.faces.state_types import field_problem
from smsmock.faces.version import __version__
from smsmock.state.tables import TABLE_KEYS, TableKey
from smsmock.state.world import Backend, World

FORMAT = "smsmock-state"
VERSION = 1
"""The format version this smsmock writes and reads; bump it when the layout changes."""
MAX_DEPTH = 64
"""The deepest nesting of arrays and objects a file may have (the files smsmock writes nest
about ten deep): deeper is refused before anything is decoded."""

_WORLD_SKIP = frozenset({"lock", "_backends", "_seq", "subscribers", "settling"})
"""World attributes that are not state (the lock, the handle's callbacks, the settling flag) or
are written apart (backends, the counter)."""
_BACKEND_SKIP = frozenset({"world", "by_arn", "_tables"})
"""Backend attributes rebuilt from elsewhere: the owner, the ARN index (rebuilt by the tables)."""


class StateFileError(ValueError):
    """A state file that cannot be written or loaded; the message says why."""


# -- the whole world ---------------------------------------------------------------------------


def dump(world: World) -> dict[str, Any]:
    """The state of ``world`` as a JSON-ready dict (taken under the world's lock)."""
    names = table_names()
    with world.lock:
        backends = []
        for backend in world.backends():
            tables: dict[str, list[Any]] = {}
            for table in backend.tables():
                name = names.get(table.spec)
                if name is None:
                    raise StateFileError(
                        f"The table of {table.spec.resource_type!r} records is not a "
                        "module-level TableKey of smsmock, so it has no name to be saved under."
                    )
                where = f"{backend.account_id}/{backend.region}/{name}"
                tables[name] = [_encode(record, where) for record in table]
            settings = {
                key: _encode(value, f"backend.{key}")
                for key, value in vars(backend).items()
                if key not in _BACKEND_SKIP
            }
            backends.append({"settings": settings, "tables": tables})
        settings = {
            key: _encode(value, f"world.{key}")
            for key, value in vars(world).items()
            if key not in _WORLD_SKIP
        }
        return {
            "format": FORMAT,
            "version": VERSION,
            "written_by": f"smsmock {__version__}",
            "next_seq": world.next_seq(),
            "world": settings,
            "backends": backends,
        }


def restore(world: World, data: Any) -> None:
    """Replace the state of ``world`` with ``data`` (as :func:`dump` made it).

    Everything is decoded and checked first; the world changes only if all of it fits.
    """
    _check_header(data)
    _check_depth(data)
    fresh = World()
    settings = _attributes(data.get("world", {}), fresh, _WORLD_SKIP, "world")
    backends: dict[tuple[str, str], Backend] = {}
    for i, saved in enumerate(_list(data.get("backends", []), "backends")):
        backend = _backend(world, _dict(saved, f"backends[{i}]"), f"backends[{i}]")
        place = (backend.account_id, backend.region)
        if place in backends:
            raise StateFileError(
                f"backends[{i}] is a second backend of account {place[0]} in {place[1]}: a file "
                "holds one per account and region."
            )
        backends[place] = backend
    next_seq = data.get("next_seq", 1)
    if not isinstance(next_seq, int) or isinstance(next_seq, bool) or next_seq < 1:
        raise StateFileError(f"next_seq must be a positive integer, not {next_seq!r}.")
    # Nothing below can fail: the live world changes all at once.
    with world.lock:
        for key, value in vars(fresh).items():
            if key not in _WORLD_SKIP:
                setattr(world, key, settings.get(key, value))
        world._backends = backends
        world._seq = itertools.count(next_seq)


def _backend(world: World, saved: dict[str, Any], where: str) -> Backend:
    """One saved backend: its settings and tables, decoded and checked."""
    saved_settings = _dict(saved.get("settings"), f"{where}.settings")
    account_id = saved_settings.get("account_id")
    region = saved_settings.get("region")
    if not isinstance(account_id, str) or not isinstance(region, str):
        raise StateFileError(f"{where} has no account_id and region.")
    backend = Backend(world, account_id, region)
    for key, value in _attributes(
        saved_settings, backend, _BACKEND_SKIP, f"{where}.settings"
    ).items():
        setattr(backend, key, value)
    names = {name: spec for spec, name in table_names().items()}
    for name, records in _dict(saved.get("tables", {}), f"{where}.tables").items():
        spec = names.get(name)
        if spec is None:
            raise StateFileError(
                f"The file has a table {name!r} that this smsmock does not know: it was "
                "written by another version."
            )
        at = f"{where}.tables.{name}"
        loaded = [_decode(r, f"{at}[{j}]") for j, r in enumerate(_list(records, at))]
        table = backend.table(spec)
        for record in sorted(loaded, key=lambda r: r.seq):
            table.add(record, seq=record.seq)
    return backend


def save(world: World, path: str | os.PathLike[str]) -> None:
    """Write the state of ``world`` to ``path`` (atomically: readers never see half a file).

    The file gets the permissions an ordinary new file gets (0644 under the usual umask), or
    those of the file it replaces. A directory that does not exist or cannot be written is a
    :class:`StateFileError` naming ``path``."""
    text = json.dumps(dump(world), indent=1)
    target = Path(path)
    temporary = target.with_name(f".smsmock-state-{secrets.token_hex(8)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise StateFileError(f"{path} cannot be written: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def load(world: World, path: str | os.PathLike[str]) -> None:
    """Replace the state of ``world`` with the file at ``path``; see :func:`restore`. A file
    that cannot be read (missing, a directory, no permission) is a :class:`StateFileError` too."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise StateFileError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise StateFileError(f"{path} is not an smsmock state file (not JSON: {exc}).") from None
    except RecursionError:
        raise StateFileError(f"{path}: arrays or objects are nested too deeply.") from None
    try:
        restore(world, data)
    except StateFileError as exc:
        raise StateFileError(f"{path}: {exc}") from None


def table_names() -> dict[TableKey[Any], str]:
    """Each table's stable name in a file: its resource type."""
    load_resources()
    return {spec: resource_type for resource_type, spec in TABLE_KEYS.items()}


# -- values ------------------------------------------------------------------------------------


def _encode(value: Any, where: str) -> Any:
    """``value`` as JSON, tagged where JSON has no such type."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return {"$enum": _class_name(type(value)), "value": _encode(value.value, where)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, timedelta):
        return {"$timedelta": value.total_seconds()}
    if isinstance(value, bytes | bytearray):
        return {"$bytes": base64.b64encode(value).decode()}
    if isinstance(value, list):
        return [_encode(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, tuple):
        return {"$tuple": [_encode(item, where) for item in value]}
    if isinstance(value, set | frozenset):
        return {"$set": [_encode(item, where) for item in value]}
    if isinstance(value, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in value):
            return {key: _encode(item, f"{where}.{key}") for key, item in value.items()}
        return {"$dict": [[_encode(k, where), _encode(v, where)] for k, v in value.items()]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"$record": _class_name(type(value))}
        for field in dataclasses.fields(value):
            if field.init:  # a field the record derives itself is made again when it is read
                out[field.name] = _encode(getattr(value, field.name), f"{where}.{field.name}")
        return out
    if type(value).__module__.startswith("smsmock.") and hasattr(value, "__dict__"):
        out = {"$object": _class_name(type(value))}
        out.update({k: _encode(v, f"{where}.{k}") for k, v in vars(value).items()})
        return out
    raise StateFileError(f"Cannot save {type(value).__qualname__} at {where}.")


def _decode(value: Any, where: str) -> Any:
    if isinstance(value, list):
        return [_decode(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    tag = next((key for key in value if key in _DECODERS), None)
    if tag is None:
        return {key: _decode(item, f"{where}.{key}") for key, item in value.items()}
    try:
        return _DECODERS[tag](value, where)
    except StateFileError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise StateFileError(f"{where}: cannot read {tag} value: {exc}") from None


def _decode_record(value: dict[str, Any], where: str) -> Any:
    cls = _class(value["$record"])
    if not dataclasses.is_dataclass(cls):
        raise StateFileError(f"{where}: {value['$record']} is not a record class.")
    fields = {field.name: field for field in dataclasses.fields(cls)}
    saved = {key: item for key, item in value.items() if key != "$record"}
    unknown = sorted(set(saved) - set(fields))
    if unknown:
        raise StateFileError(
            f"{where}: the saved {cls.__qualname__} has fields {unknown} that this smsmock's "
            "does not: the file was written by another version."
        )
    record = cls.__new__(cls)
    for name, field in fields.items():
        if name in saved:
            item = _decode(saved[name], f"{where}.{name}")
            problem = field_problem(cls, name, item)
            if problem is not None:
                raise StateFileError(f"{where}.{name} {problem}.")
        else:
            item = _default(cls, field, where)
        object.__setattr__(record, name, item)
    post_init = getattr(record, "__post_init__", None)
    if post_init is not None:
        post_init()
    return record


def _default(cls: type, field: dataclasses.Field[Any], where: str) -> Any:
    """A field the file lacks: its default (a field added since the file was written)."""
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    raise StateFileError(
        f"{where}: the saved {cls.__qualname__} lacks the field {field.name!r}, which this "
        "smsmock's requires: the file was written by another version."
    )


def _decode_object(value: dict[str, Any], where: str) -> Any:
    """An object of smsmock that is not a record (the lifecycle settings): each attribute one a
    fresh one has, of the type it has there."""
    cls = _class(value["$object"])
    saved = {key: item for key, item in value.items() if key != "$object"}
    instance: Any = object.__new__(cls)
    for key, item in _attributes(saved, cls(), frozenset(), where).items():
        setattr(instance, key, item)
    return instance


def _decode_enum(value: dict[str, Any], where: str) -> Any:
    cls = _class(value["$enum"])
    if not issubclass(cls, enum.Enum):
        raise StateFileError(f"{where}: {value['$enum']} is not an enumeration.")
    return cls(_decode(value["value"], where))


_DECODERS: dict[str, Callable[[dict[str, Any], str], Any]] = {
    "$record": _decode_record,
    "$object": _decode_object,
    "$enum": _decode_enum,
    "$datetime": lambda v, w: datetime.fromisoformat(v["$datetime"]),
    "$date": lambda v, w: date.fromisoformat(v["$date"]),
    "$timedelta": lambda v, w: timedelta(seconds=v["$timedelta"]),
    "$bytes": lambda v, w: base64.b64decode(v["$bytes"]),
    "$tuple": lambda v, w: tuple(_decode(v["$tuple"], w)),
    "$set": lambda v, w: set(_decode(v["$set"], w)),
    "$dict": lambda v, w: {
        _freeze(_decode(k, w)): _decode(item, w) for k, item in _list(v["$dict"], w)
    },
}


def _freeze(key: Any) -> Any:
    """A decoded dict key, hashable (a list read back where a tuple was written cannot be)."""
    return tuple(key) if isinstance(key, list) else key


def _class_name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


_FORMER_MODULES = (
    ("smsmock.resources.", "smsmock.records."),
    ("smsmock.inbound", "smsmock.rules.inbound"),
)
"""Where the classes that state files name lived before the package was layered (files written
then name ``smsmock.resources.pools:Pool``, now ``smsmock.records.pools:Pool``)."""


def _current_module(module_name: str) -> str:
    """The module that holds now what ``module_name`` held when a file was written."""
    for former, current in _FORMER_MODULES:
        if module_name == former or module_name.startswith(former):
            return current + module_name[len(former) :]
    return module_name


def _class(name: Any) -> type:
    """The smsmock class ``module:Qualname`` names; classes elsewhere are refused (a state file
    is data: it must not make smsmock import arbitrary modules)."""
    if not isinstance(name, str) or ":" not in name:
        raise StateFileError(f"{name!r} is not a class name.")
    module_name, _, qualname = name.partition(":")
    if module_name != "smsmock" and not module_name.startswith("smsmock."):
        raise StateFileError(f"{name} is not a class of smsmock.")
    try:
        found: Any = importlib.import_module(_current_module(module_name))
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        raise StateFileError(
            f"This smsmock has no class {name}: the file was written by another version."
        ) from None
    if not isinstance(found, type):
        raise StateFileError(f"{name} is not a class.")
    return found


# -- checks ------------------------------------------------------------------------------------


def _check_header(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StateFileError('This is not an smsmock state file (no "format": "smsmock-state").')
    version = data.get("version")
    if version != VERSION:
        raise StateFileError(
            f"The state file is format version {version!r} "
            f"(written by {data.get('written_by', 'an unknown smsmock')}); smsmock {__version__} "
            f"reads version {VERSION} only. Nothing was loaded."
        )


def _attributes(saved: Any, fresh: object, skip: frozenset[str], what: str) -> dict[str, Any]:
    """Saved attributes decoded, each one an attribute a fresh ``fresh`` has, of the type it
    has there."""
    known = vars(fresh)
    out = {}
    for key, value in _dict(saved, what).items():
        if key not in known or key in skip:
            raise StateFileError(
                f"The file has a {what} setting {key!r} that this smsmock does not know: it was "
                "written by another version."
            )
        out[key] = _decode(value, f"{what}.{key}")
        kind = type(known[key])
        if known[key] is not None and not isinstance(out[key], kind):
            raise StateFileError(f"{what}.{key} is {type(out[key]).__name__}, not {kind.__name__}.")
    return out


def _check_depth(data: Any) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` (walked without recursion, so a file nested
    thousands deep is refused, not a ``RecursionError``)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise StateFileError(f"Arrays or objects are nested over {MAX_DEPTH} deep.")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def _dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise StateFileError(f"{where} must be a JSON object.")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise StateFileError(f"{where} must be a JSON array.")
    return value
