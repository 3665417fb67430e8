"""The shape the codebase keeps (docs/architecture.md): no function longer than 60 lines, and
every ``smsmock.…`` name that docstrings and the docs give resolves, so that moving code cannot
leave a stale reference behind."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import smsmock

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "smsmock"
LONGEST_FUNCTION = 60

DOTTED_NAME = re.compile(r"(?<![\w./-])smsmock(?:\.[A-Za-z_]\w*)+")
SOURCE_PATH = re.compile(r"(?<![\w./-])(?:smsmock|tests|tools|benchmarks|examples)/[\w/]+\.py")
FORMER_MODULES = ("smsmock.resources.", "smsmock.inbound")
"""Modules of before the layers, named on purpose where state files written then are read
(``smsmock.faces.state_file``)."""


def _modules() -> list[Path]:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50  # the walk found the package
    return modules


def _functions(path: Path) -> list[tuple[str, int]]:
    """Each function of the module (methods and nested functions too) with its length in lines,
    decorators included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            assert node.end_lineno is not None
            name = f"{path.relative_to(ROOT)}:{node.name}"
            found.append((name, node.end_lineno - first + 1))
    return found


def test_no_function_is_longer_than_60_lines() -> None:
    too_long = {
        name: lines
        for module in _modules()
        for name, lines in _functions(module)
        if lines > LONGEST_FUNCTION
    }
    assert too_long == {}


def _docstrings(path: Path) -> list[str]:
    """The module's docstrings: of the module, classes and functions, and the string statements
    that document attributes."""
    return [
        node.value.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    ]


def _resolves(name: str) -> bool:
    """Whether ``name`` is a module of smsmock, or an attribute reached from one."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:split]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[split:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def _named_in(text: str) -> set[str]:
    """The dotted smsmock names of ``text``, but for former modules and the names mutmut gives
    its mutants (``x_check_spend__mutmut_12``: made by a mutation run, not smsmock's)."""
    return {
        n
        for n in DOTTED_NAME.findall(text)
        if not n.startswith(FORMER_MODULES) and "__mutmut_" not in n
    }


def test_every_dotted_name_in_docstrings_resolves() -> None:
    stale = {
        f"{module.relative_to(ROOT)}: {name}"
        for module in _modules()
        for text in _docstrings(module)
        for name in _named_in(text)
        if not _resolves(name)
    }
    assert stale == set()


def test_every_name_and_source_file_the_docs_give_exists() -> None:
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert pages
    stale = set()
    for page in [*pages, ROOT / "README.md"]:
        text = page.read_text(encoding="utf-8")
        where = page.relative_to(ROOT)
        stale |= {f"{where}: {name}" for name in _named_in(text) if not _resolves(name)}
        stale |= {f"{where}: {p}" for p in SOURCE_PATH.findall(text) if not (ROOT / p).is_file()}
    assert stale == set()


def test_the_checks_find_a_stale_name() -> None:
    """The checks above can fail: a name that moved does not resolve."""
    assert _named_in("see :func:`~smsmock.operations.messages.SEND_CHECKS`.") == {
        "smsmock.operations.messages.SEND_CHECKS"
    }
    assert not _resolves("smsmock.operations.messages.SEND_CHECKS")
    assert not _resolves("smsmock.origination_countries")
    assert _resolves("smsmock.rules.sending.SEND_CHECKS")
    assert _resolves("smsmock.rules.origination_countries")


def test_shared_state_is_typed() -> None:
    """The world and its backends keep no grab bag: every family's piece of state is typed
    (a ``Setting`` or ``Journal`` of the family, a table), so mypy checks each use."""
    source = (PACKAGE / "state" / "world.py").read_text(encoding="utf-8")
    annotations = [
        ast.unparse(node.annotation)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.AnnAssign)
    ]
    assert "dict[str, object]" in annotations  # the walk reads the attributes' annotations
    assert [a for a in annotations if a in ("dict[str, Any]", "list[Any]")] == []


LAYERS = ("faces", "engine", "operations", "rules", "records", "state")


def _diagram() -> dict[str, set[str]]:
    """The modules docs/architecture.md's diagram names in each layer (what is in parentheses
    describes a module, or the layer)."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = page.split("```text", 1)[1].split("```", 1)[0]
    text: dict[str, str] = {}
    layer = None
    for line in block.splitlines():
        if not line.strip().startswith("│"):
            continue
        content = line.strip().strip("│")
        first = content.split()[0] if content.split() else ""
        if first in LAYERS:
            layer, content = first, content.split(first, 1)[1]
        assert layer is not None
        text[layer] = text.get(layer, "") + " " + content
    return {
        layer: {name.strip() for name in re.sub(r"\([^)]*\)", "", row).split("·") if name.strip()}
        for layer, row in text.items()
    }


def test_the_architecture_diagram_names_every_module() -> None:
    package = {
        layer: {
            str(path.relative_to(PACKAGE / layer).with_suffix(""))
            for path in (PACKAGE / layer).rglob("*.py")
            if path.name != "__init__.py"
        }
        for layer in LAYERS
    }
    assert _diagram() == package


def test_the_architecture_page_lists_the_exports() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    paragraph = page.split("`smsmock/__init__.py` exports", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`(\w+)`", paragraph)) - {"__all__", "backend", "advance"}
    assert named == set(smsmock.__all__)


def test_no_smsmock_import_inside_a_function() -> None:
    late = set()
    for module in _modules():
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for inner in ast.walk(node):
                names = []
                if isinstance(inner, ast.Import):
                    names = [alias.name for alias in inner.names]
                elif isinstance(inner, ast.ImportFrom):
                    names = [inner.module or ""]
                late |= {
                    f"{module.relative_to(ROOT)}:{node.name}: {name}"
                    for name in names
                    if name == "smsmock" or name.startswith("smsmock.")
                }
    assert late == set()


def test_messages_are_recorded_by_the_send_pipeline_only() -> None:
    """One send pipeline: ``record_message`` is called by ``rules/sending.py`` and, for keyword
    answers (which pass no send check), by ``rules/inbound.py``; by nothing else."""
    callers = {
        str(module.relative_to(ROOT))
        for module in _modules()
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "record_message"
    }
    assert callers == {"smsmock/rules/sending.py", "smsmock/rules/inbound.py"}
