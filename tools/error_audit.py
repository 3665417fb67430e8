"""Which documented errors of each operation have a black-box test (a developer tool, not shipped).

For every operation of the installed botocore model, the documented errors are
``operation_model(op).error_shapes``. A pair (operation, error) counts as tested when some test
function in ``tests/**/*.py`` has a *raise point* whose calls name the operation and, near it, the
error code as a string. Heuristics, read from the tests' syntax trees:

* A raise point is a ``with pytest.raises(...)`` block, or a call of a module-level helper that
  itself contains ``pytest.raises`` (``refused(client.send_text_message, ...)``).
* The operation is named by an attribute ``x.<snake_name>`` or a string ``"<snake_name>"`` /
  ``"<OperationName>"`` inside the block or the helper call; when the block names none (a
  ``getattr(client, operation)`` or a callable from a table), by the rows of the test's
  ``pytest.mark.parametrize`` tables, each row pairing its own operations with its own codes;
  failing those, by the bodies of module-level functions the block calls and the values of the
  test's local variables it uses (a dict of lambdas).
* The error code is a string constant containing it, from the raise point to the next raise point
  of the same function (or in the helper itself, or in the parametrize row).

It cannot see operations named only at run time (``client.meta.method_to_api_mapping`` loops),
and a block that makes setup calls inside ``pytest.raises`` credits those too. Pairs the table under
"Documented errors that never arise in the mock" in docs/coverage-notes.md names (a row
``every operation`` covers an error of all operations) are counted apart and listed with ``--all``.
Exit status 1 while any pair is missing.

Usage: ``python tools/error_audit.py [--all] [--covered]`` from the repository root.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import botocore.session
from botocore import xform_name

SERVICE = "pinpoint-sms-voice-v2"
NOTES = Path("docs/coverage-notes.md")
NOTES_HEADING = "## Documented errors that never arise in the mock"
EVERY_OPERATION = "every operation"


def never_in_mock(notes: Path) -> set[tuple[str, str]]:
    """The (operation, error) pairs the notes' table says never arise; ``every operation`` rows
    give ``("*", error)``."""
    if not notes.exists():
        return set()
    pairs: set[tuple[str, str]] = set()
    inside = False
    for line in notes.read_text().splitlines():
        if line.startswith("#"):
            inside = line.strip() == NOTES_HEADING
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if inside and line.startswith("|") and len(cells) >= 2 and cells[1].endswith("Exception"):
            pairs.add(("*" if cells[0] == EVERY_OPERATION else cells[0], cells[1]))
    return pairs


@dataclass
class Names:
    """The model's operations (snake name -> operation name) and error codes."""

    operations: dict[str, str]
    codes: frozenset[str]

    def ops_in(self, nodes: Iterable[ast.AST]) -> set[str]:
        found: set[str] = set()
        pascal = {v: v for v in self.operations.values()}
        for node in _walk(nodes):
            if isinstance(node, ast.Attribute) and node.attr in self.operations:
                found.add(self.operations[node.attr])
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                name = self.operations.get(node.value) or pascal.get(node.value)
                if name:
                    found.add(name)
        return found

    def codes_in(self, nodes: Iterable[ast.AST], lines: range | None = None) -> set[str]:
        found: set[str] = set()
        for node in _walk(nodes):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if lines is not None and node.lineno not in lines:
                    continue
                found.update(code for code in self.codes if code in node.value)
        return found


def _walk(nodes: Iterable[ast.AST]) -> Iterator[ast.AST]:
    for node in nodes:
        yield from ast.walk(node)


def _is_raises(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "raises"
    )


@dataclass
class RaisePoint:
    line: int
    body: list[ast.AST]
    extra_codes: set[str] = field(default_factory=set)


def _parametrize_rows(func: ast.FunctionDef, module: dict[str, ast.AST]) -> list[ast.AST]:
    rows: list[ast.AST] = []
    for decorator in func.decorator_list:
        if not (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "parametrize"
            and len(decorator.args) >= 2
        ):
            continue
        values: ast.AST = decorator.args[1]
        if isinstance(values, ast.Name) and values.id in module:
            values = module[values.id]
        if isinstance(values, (ast.List, ast.Tuple)):
            rows.extend(values.elts)
        else:
            rows.append(values)
    return rows


def _covered_in_file(path: Path, tests: Path, names: Names) -> set[tuple[str, str]]:
    tree = ast.parse(path.read_text(), str(path))
    module: dict[str, ast.AST] = {}
    helpers: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    module[target.id] = node.value
        elif isinstance(node, ast.FunctionDef):
            helpers[node.name] = node
        elif isinstance(node, ast.ImportFrom) and node.module == "tests.helpers":
            # Helpers shared through tests/helpers.py count as the module's own.
            shared = ast.parse((tests / "helpers.py").read_text())
            imported = {alias.name for alias in node.names}
            for item in shared.body:
                if isinstance(item, ast.FunctionDef) and item.name in imported:
                    helpers[item.name] = item
    raising = {
        name: f
        for name, f in helpers.items()
        if not name.startswith("test_") and any(_is_raises(n) for n in ast.walk(f))
    }
    covered: set[tuple[str, str]] = set()
    for func in helpers.values():
        if not func.name.startswith("test_"):
            continue
        points: list[RaisePoint] = []
        for sub in ast.walk(func):
            if isinstance(sub, ast.With) and any(_is_raises(i.context_expr) for i in sub.items):
                items = [i.context_expr for i in sub.items]
                body: list[ast.AST] = list(sub.body)
                points.append(RaisePoint(sub.lineno, body, names.codes_in(items)))
            elif (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Name)
                and sub.func.id in raising
            ):
                args: list[ast.AST] = [*sub.args, *(k.value for k in sub.keywords)]
                points.append(RaisePoint(sub.lineno, args, names.codes_in([raising[sub.func.id]])))
        points.sort(key=lambda p: p.line)
        rows = _parametrize_rows(func, module)
        local: dict[str, ast.AST] = {
            target.id: node.value
            for node in ast.walk(func)
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        local.update(
            (node.name, node)
            for node in ast.walk(func)
            if isinstance(node, ast.FunctionDef) and node is not func
        )
        end = (func.end_lineno or func.lineno) + 1
        for i, point in enumerate(points):
            stop = points[i + 1].line if i + 1 < len(points) else end
            codes = names.codes_in(func.body, range(point.line, stop)) | point.extra_codes
            ops = names.ops_in(point.body)
            if ops:
                row_codes = names.codes_in(rows)
                covered.update((op, code) for op in ops for code in codes or row_codes)
                continue
            matched = False
            for row in rows:
                row_ops = names.ops_in([row])
                if row_ops:
                    matched = True
                    row_codes = names.codes_in([row]) or codes
                    covered.update((op, code) for op in row_ops for code in row_codes)
            if matched:
                continue
            used = {n.id for n in _walk(point.body) if isinstance(n, ast.Name)}
            referenced: list[ast.AST] = [helpers[name] for name in used if name in helpers]
            referenced += [value for name, value in local.items() if name in used]
            fallback_codes = codes or names.codes_in(rows)
            covered.update((op, code) for op in names.ops_in(referenced) for code in fallback_codes)
    return covered


def audit(tests: Path) -> tuple[dict[str, list[str]], set[tuple[str, str]]]:
    """The documented errors of every operation, and the (operation, error) pairs tested."""
    model = botocore.session.get_session().get_service_model(SERVICE)
    documented = {
        op: [shape.name for shape in model.operation_model(op).error_shapes]
        for op in model.operation_names
    }
    names = Names(
        operations={xform_name(op): op for op in model.operation_names},
        codes=frozenset(code for errors in documented.values() for code in errors),
    )
    covered: set[tuple[str, str]] = set()
    for path in sorted(tests.rglob("*.py")):
        covered |= _covered_in_file(path, tests, names)
    return documented, covered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", type=Path, default=Path("tests"))
    parser.add_argument("--all", action="store_true", help="also list errors never in the mock")
    parser.add_argument("--covered", action="store_true", help="list the tested pairs too")
    parser.add_argument("--notes", type=Path, default=NOTES)
    args = parser.parse_args(argv)
    documented, covered = audit(args.tests)
    never = never_in_mock(args.notes)
    # per error code: documented, tested, noted as never arising, missing
    per_code: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for op, errors in sorted(documented.items()):
        for code in errors:
            tested = (op, code) in covered
            noted = not tested and bool({(op, code), ("*", code)} & never)
            counts = per_code[code]
            counts[0] += 1
            counts[1] += tested
            counts[2] += noted
            counts[3] += not tested and not noted
            if args.covered and tested:
                print(f"tested   {op:45} {code}")
            elif noted and args.all:
                print(f"never    {op:45} {code}")
            elif not tested and not noted:
                print(f"MISSING  {op:45} {code}")
    print()
    print(f"{'error':32} {'documented':>10} {'tested':>7} {'never':>6} {'missing':>8}")
    for code, counts in sorted(per_code.items()):
        print(f"{code:32} {counts[0]:>10} {counts[1]:>7} {counts[2]:>6} {counts[3]:>8}")
    sums = [sum(c[i] for c in per_code.values()) for i in range(4)]
    print(
        f"\n{len(documented)} operations, {sums[0]} documented (operation, error) pairs: "
        f"{sums[1]} tested, {sums[2]} noted in {args.notes} as never arising, {sums[3]} missing"
    )
    return 1 if sums[3] else 0


if __name__ == "__main__":
    sys.exit(main())
