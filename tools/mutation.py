"""Mutation testing of the modules given (``nox -s mutation``; docs/contributing.md).

    python tools/mutation.py [--max-children N] [--rerun-survivors]
                             [--no-recheck | --recheck-only | --report-only]
                             [--quick-recheck | --recheck-tests TEST ... --]
                             [--test-untested] [--jobs N]
                             [PATH ...]

Runs mutmut (its settings: ``[tool.mutmut]`` in pyproject.toml) over the given files or folders
of ``smsmock/`` (default: ``smsmock/rules`` and ``smsmock/state``), then rechecks every survivor
in a fresh process, and prints the score per module.

Why the recheck: mutmut runs each mutant in a process forked after the test modules were
collected, so code that ran at import (a handler registered, a table built) ran unmutated, and a
test that reaches smsmock only through an ``smsmock server`` child process runs code the mutant
never touched. The recheck starts pytest anew with ``MUTANT_UNDER_TEST`` set and the mutated
tree first on ``PYTHONPATH``, so both the imports and the server children see the mutant. A
survivor that dies there is counted killed ("killed on recheck"). Survivors that change nothing
observable are listed, each with its reason, in ``tests/mutation-equivalents.txt``; they are
reported apart and left out of the score.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from mutmut import configuration
from mutmut.__main__ import cli
from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
RECHECKED = MUTANTS / "killed-on-recheck.json"
"""The survivors a recheck killed, so that ``--report-only`` counts them too."""
TESTED_HERE = MUTANTS / "tested-outside-mutmut.json"
"""Verdicts (``killed`` or ``survived``) of mutants a stopped mutmut run had not reached, found
by ``--test-untested``; mutmut's own verdict replaces one when a later run reaches it."""
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.txt"
DEFAULT_TARGETS = ["smsmock/rules", "smsmock/state"]
KILLED = {"killed", "timeout", "caught by type check"}
UNTESTED = "not checked"
ALIVE = {"survived", "no tests"}
"""mutmut's verdicts of a mutant no test noticed ("no tests": none reached the function, as
when it runs only at import)."""
SERVER_MARKERS = ("sms_voice_server", "command_line_server", "ServerProcess")
"""What a test module names when it reaches smsmock through an ``smsmock server`` child."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", default=DEFAULT_TARGETS)
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--no-recheck", action="store_true")
    parser.add_argument(
        "--recheck-only", action="store_true", help="recheck the last run's survivors"
    )
    parser.add_argument(
        "--report-only", action="store_true", help="print the last run's scores, run nothing"
    )
    parser.add_argument(
        "--rerun-survivors",
        action="store_true",
        help="forget the last run's survivors so that mutmut tests them again with the tests as"
        " they are now (mutmut keeps a verdict until the mutated function changes)",
    )
    parser.add_argument(
        "--quick-recheck",
        action="store_true",
        help="recheck a survivor against the tests mutmut linked to it only, not the server tests"
        " and the whole suite, and one linked to none not at all (a survivor this misses is"
        " reported alive: the score can only be lower)",
    )
    parser.add_argument(
        "--recheck-tests",
        nargs="+",
        default=[],
        metavar="TEST",
        help="recheck each survivor against these tests (files or node ids) besides those mutmut"
        " linked to it, instead of the server tests and the whole suite: for code that runs at"
        " import, which mutmut links to few tests",
    )
    parser.add_argument(
        "--test-untested",
        action="store_true",
        help="with --recheck-tests: also test the mutants mutmut has not reached, each in a fresh"
        " process against those tests and the ones mutmut linked to it, as a recheck does",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="survivors rechecked at once (default 1)"
    )
    args = parser.parse_args(argv)
    if args.test_untested and not args.recheck_tests:
        parser.error("--test-untested needs --recheck-tests")
    os.chdir(ROOT)
    patterns = [_pattern(target) for target in args.targets]
    if args.report_only:
        _report(_statuses(patterns), _equivalents())
        return 0
    if args.recheck_only:
        shutil.copytree(ROOT / "tests", MUTANTS / "tests", dirs_exist_ok=True)
    else:
        _forget_unmutated_copies(patterns)
        if args.rerun_survivors:
            _forget_survivors(patterns, _equivalents())
            RECHECKED.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, __file__, "--run-mutmut", str(args.max_children), *patterns],
            check=False,
        )
    statuses = _statuses(patterns)
    equivalents = _equivalents()
    if not args.no_recheck:
        wanted = ALIVE | ({UNTESTED} if args.test_untested else set())
        alive = sorted(n for n, s in statuses.items() if s in wanted and n not in equivalents)
        with ThreadPoolExecutor(args.jobs) as pool:
            verdicts = pool.map(
                lambda n: _killed_on_recheck(n, quick=args.quick_recheck, also=args.recheck_tests),
                alive,
            )
            for name, killed in zip(alive, verdicts, strict=True):
                if statuses[name] == UNTESTED:
                    statuses[name] = "killed on recheck" if killed else "survived"
                    _remember_tested_here(name, killed)
                elif killed:
                    statuses[name] = "killed on recheck"
                    _remember_rechecked([name])
    _report(statuses, equivalents)
    return 0


def _forget_unmutated_copies(patterns: list[str]) -> None:
    """Delete mutants/'s plain copies of the targets: mutmut copies the modules a run does not
    mutate (over the mutated file an earlier run left, whose ``.meta`` verdicts stay), and later
    takes such a copy for up to date, generating no mutants for it. A copy without a trampoline
    is plain; the verdicts in ``.meta`` survive its regeneration."""
    for copy in MUTANTS.glob("smsmock/**/*.py"):
        if _matches(copy.relative_to(MUTANTS).as_posix(), patterns) and (
            "__mutmut_" not in copy.read_text(encoding="utf-8")
        ):
            copy.unlink()


def _forget_survivors(patterns: list[str], equivalents: dict[str, str]) -> None:
    """Clear the verdict of every survivor of ``patterns``' modules that is not a listed
    equivalent, in mutmut's ``.meta`` files, so that its next run tests them again."""
    alive = {code for code, status in status_by_exit_code.items() if status in ALIVE}
    for meta in _metas(patterns):
        data = json.loads(meta.read_text())
        codes = data["exit_code_by_key"]
        for name, code in codes.items():
            if code in alive and name not in equivalents:
                codes[name] = None
        meta.write_text(json.dumps(data, indent=4))


def _metas(patterns: list[str]) -> list[Path]:
    """mutmut's ``.meta`` files (a module's mutants and their verdicts) of ``patterns``."""
    return [
        meta
        for meta in sorted(MUTANTS.glob("smsmock/**/*.py.meta"))
        if _matches(meta.relative_to(MUTANTS).as_posix().removesuffix(".meta"), patterns)
    ]


def _matches(source: str, patterns: list[str]) -> bool:
    """Whether the module ``source`` (``smsmock/rules/spend.py``) is one of ``patterns``."""
    return any(Path(source).match(p) or source.startswith(p.rstrip("*")) for p in patterns)


def _pattern(target: str) -> str:
    """mutmut's ``only_mutate`` glob for a file or a folder of ``smsmock``."""
    path = Path(target)
    return str(path) if path.suffix == ".py" else f"{path.as_posix().rstrip('/')}/*"


def _run_mutmut(max_children: str, patterns: list[str]) -> None:
    """mutmut's ``run`` with ``only_mutate`` set to ``patterns`` (its settings come from the
    pyproject, which cannot name modules per run)."""
    configuration._config = replace(configuration._load_config(), only_mutate=patterns)
    cli(["run", "--max-children", max_children], standalone_mode=False)


def _statuses(patterns: list[str]) -> dict[str, str]:
    """Each mutant of ``patterns``' modules and its status, from mutmut's ``.meta`` files and
    the survivors earlier rechecks killed."""
    rechecked = set(json.loads(RECHECKED.read_text())) if RECHECKED.exists() else set()
    tested_here = json.loads(TESTED_HERE.read_text()) if TESTED_HERE.exists() else {}
    found: dict[str, str] = {}
    for meta in _metas(patterns):
        data = json.loads(meta.read_text())
        for name, code in data["exit_code_by_key"].items():
            status = status_by_exit_code[code]
            if status == UNTESTED and name in tested_here:
                status = "killed on recheck" if tested_here[name] == "killed" else "survived"
            found[name] = "killed on recheck" if status in ALIVE and name in rechecked else status
    return found


def _remember_rechecked(killed: list[str]) -> None:
    """Add ``killed`` to the survivors earlier rechecks killed."""
    before = set(json.loads(RECHECKED.read_text())) if RECHECKED.exists() else set()
    RECHECKED.write_text(json.dumps(sorted(before | set(killed)), indent=1))


def _remember_tested_here(name: str, killed: bool) -> None:
    """Keep the verdict ``--test-untested`` found for the mutant ``name``."""
    before = json.loads(TESTED_HERE.read_text()) if TESTED_HERE.exists() else {}
    before[name] = "killed" if killed else "survived"
    TESTED_HERE.write_text(json.dumps(dict(sorted(before.items())), indent=1))


def _equivalents() -> dict[str, str]:
    """``tests/mutation-equivalents.txt``: mutant name → why it changes nothing observable."""
    listed: dict[str, str] = {}
    for line in EQUIVALENTS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, why = line.partition(" ")
            listed[name] = why.strip()
    return listed


def _killed_on_recheck(name: str, *, quick: bool, also: list[str]) -> bool:
    """Whether the tests fail with the mutant active from the first import on: first those
    mutmut saw reach the mutated function (only those when ``quick``; when ``also`` is given,
    those tests first and then the linked ones, and only those) plus the server tests, then, if
    they pass, the whole suite (a function that also runs at import reaches tests mutmut never
    linked to it)."""
    covering = _tests_of(name)
    if also:
        # pytest runs them in the order given and stops at the first failure: the tests named
        # for this recheck are the likely killers, and the linked ones may be most of the suite.
        return _fails(name, [*also, *covering])
    if quick:
        return bool(covering) and _fails(name, covering)
    if covering and _fails(name, [*covering, *_server_tests()]):
        return True
    return _fails(name, [])


def _server_tests() -> list[str]:
    """The test modules that start an ``smsmock server`` child process."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "tests").rglob("test_*.py")
        if any(marker in path.read_text() for marker in SERVER_MARKERS)
    )


def _fails(name: str, selected: list[str]) -> bool:
    """Whether pytest, started anew in ``mutants/`` with the mutant on, fails ``selected``
    (every test when empty)."""
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": str(MUTANTS)}
    pytest_args = configuration._load_config().pytest_add_cli_args
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", *pytest_args, *selected],
        cwd=MUTANTS,
        env=env,
        capture_output=True,
        check=False,
    )
    return run.returncode != 0


def _tests_of(name: str) -> list[str]:
    """The tests mutmut recorded reaching the function ``name`` mutates."""
    stats = json.loads((MUTANTS / "mutmut-stats.json").read_text())
    function = name.rsplit("__mutmut_", 1)[0]
    return sorted(stats["tests_by_mangled_function_name"].get(function, []))


def _report(statuses: dict[str, str], equivalents: dict[str, str]) -> None:
    """Each module's counts and score as a Markdown table (docs/testing.md keeps them), then the
    survivors and the stale lines of the equivalents list. The score is killed over tested
    mutants, leaving out the listed equivalents (a listed one that is killed counts as killed);
    mutants a stopped run has not tested yet are counted apart."""
    per_module: dict[str, Counter[str]] = defaultdict(Counter)
    killed_ones = {*KILLED, "killed on recheck"}
    for name, status in statuses.items():
        module = name.split(".x")[0].removeprefix("smsmock.").replace(".", "/") + ".py"
        listed = name in equivalents and status not in killed_ones
        per_module[module]["equivalent" if listed else status] += 1
    print("\n| module | mutants | untested | killed | equivalent | alive | score |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for module, counts in sorted(per_module.items()):
        killed = sum(counts[s] for s in (*KILLED, "killed on recheck"))
        untested = counts[UNTESTED]
        tested = sum(counts.values()) - counts["equivalent"] - untested
        score = f"{100 * killed / tested:.1f}%" if tested else "-"
        print(
            f"| `{module}` | {sum(counts.values())} | {untested} | {killed} "
            f"| {counts['equivalent']} | {tested - killed} | {score} |"
        )
    for name in sorted(n for n, s in statuses.items() if s in ALIVE):
        if name not in equivalents:
            print(f"alive: {name} ({statuses[name]})")
    # A listed mutant a test kills, or one that no longer exists (its function changed, and
    # mutmut numbered its mutants anew), is a stale line of the list: say so, to remove it.
    modules = {name.split(".x")[0] for name in statuses}
    for name in sorted(equivalents):
        if statuses.get(name) in killed_ones:
            print(f"listed as equivalent, yet killed: {name}")
        elif name not in statuses and name.split(".x")[0] in modules:
            print(f"listed as equivalent, no such mutant: {name}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--run-mutmut":
        _run_mutmut(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(main())
