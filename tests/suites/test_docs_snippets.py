"""Every Python snippet of the README and of ``docs/`` runs, as written there.

A snippet with ``test_*`` functions runs as a pytest module, with smsmock's pytest plugin (the
``sms_voice`` fixture) as in a user's project; any other snippet runs as a module. A snippet that
cannot run alone (it continues an earlier one, or needs a running server) is marked on the line
before its fence with ``<!-- fragment: why -->`` and is only compiled. See docs/contributing.md.

The runnable snippets run in one pytest child process (one module each), so the suite pays for
one start; each snippet's test then reads its module's outcomes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import botocore
import pytest
from botocore import xform_name

from tests.installed_model import MODEL

ROOT = Path(__file__).resolve().parents[2]
if not (ROOT / "docs").is_dir():
    pytest.skip(
        "the docs are not beside the tests (a package without them)", allow_module_level=True
    )
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.S)
FRAGMENT = re.compile(r"<!-- fragment: \S.* -->")
CLIENT_CALL = re.compile(r"\bclient\.([a-z][a-z0-9_]*)\(")
OPERATIONS = {xform_name(name) for name in MODEL.operation_names}
CLIENT_METHODS = {"can_paginate", "close", "get_paginator", "get_waiter", "generate_presigned_url"}
OUTCOME = re.compile(r"^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b.*?(test_doc_\w+\.py)", re.M)


@dataclass(frozen=True)
class Snippet:
    where: str
    """``page:line`` of the snippet's first line."""
    code: str
    fragment: bool

    @property
    def missing_operations(self) -> list[str]:
        """The client methods the snippet calls that the installed model has no operation for."""
        called = set(CLIENT_CALL.findall(self.code)) - CLIENT_METHODS
        return sorted(called - OPERATIONS)

    @property
    def module(self) -> str:
        return "test_doc_" + re.sub(r"\W", "_", self.where) + ".py"


def find_snippets() -> list[Snippet]:
    found = []
    for page in PAGES:
        text = "\n" + page.read_text()
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start("code"))
            fragment = FRAGMENT.fullmatch(match["before"].strip()) is not None
            found.append(Snippet(f"{page.relative_to(ROOT)}:{line}", match["code"], fragment))
    return found


SNIPPETS = find_snippets()


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, list[str]], str]:
    """Run every runnable snippet in one pytest child process: each module's outcome lines,
    and the whole output."""
    folder = tmp_path_factory.mktemp("snippets")
    for snippet in SNIPPETS:
        if snippet.fragment or snippet.missing_operations:
            continue
        code = snippet.code
        if not re.search(r"^(async )?def test_|^class Test", code, re.M):
            code += "\n\n\ndef test_the_snippet_ran():\n    pass\n"
        (folder / snippet.module).write_text(code + "\n")
    options = ["-p", "no:cacheprovider", "-rA", "-q", "--continue-on-collection-errors"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *options, str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    by_module: dict[str, list[str]] = {}
    for match in OUTCOME.finditer(done.stdout):
        by_module.setdefault(match[2], []).append(match[1])
    return by_module, done.stdout + done.stderr


def test_snippets_are_found() -> None:
    pages = {s.where.split(":")[0] for s in SNIPPETS}
    assert {"README.md", "docs/getting-started.md", "docs/handle.md", "docs/async.md"} <= pages


# The first snippet's test runs them all in one child pytest (``outcomes``, up to 600 s).
@pytest.mark.timeout(660)
@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.where for s in SNIPPETS])
def test_snippet_runs(snippet: Snippet, outcomes: tuple[dict[str, list[str]], str]) -> None:
    if snippet.fragment:
        compile(snippet.code, snippet.where, "exec")
        return
    if snippet.missing_operations:
        missing = ", ".join(snippet.missing_operations)
        pytest.skip(f"the installed botocore {botocore.__version__} model has no {missing}")
    by_module, output = outcomes
    seen = by_module.get(snippet.module, [])
    assert seen and set(seen) == {"PASSED"}, output
