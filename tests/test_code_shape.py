"""The shape the codebase keeps (docs/architecture.md): no function longer than 60 lines."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "smsmock"
LONGEST_FUNCTION = 60


def _functions(path: Path) -> list[tuple[str, int]]:
    """Each function of the module (methods and nested functions too) with its length in lines,
    decorators included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            assert node.end_lineno is not None
            found.append(
                (f"{path.relative_to(PACKAGE.parent)}:{node.name}", node.end_lineno - first + 1)
            )
    return found


def test_no_function_is_longer_than_60_lines() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50  # the walk found the package
    too_long = {
        name: lines
        for module in modules
        for name, lines in _functions(module)
        if lines > LONGEST_FUNCTION
    }
    assert too_long == {}
