"""The command line: version, help, and errors as one line with a non-zero status."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from smsmock import __version__
from smsmock.faces import cli, user_guide
from smsmock.faces.cli import main


def smsmock(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child process, as a user's shell would."""
    return subprocess.run(
        [sys.executable, "-m", "smsmock", *args], capture_output=True, text=True, timeout=60
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])

    assert done.value.code == 0
    assert capsys.readouterr().out == f"smsmock {__version__}\n"


def test_bare_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0

    out = capsys.readouterr().out
    assert out.startswith("usage: smsmock")
    assert "coverage" in out and "server" in out


@pytest.mark.parametrize("command", [[], ["server"], ["coverage"]], ids=["top", "server", "cov"])
def test_help_is_plain_text(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([*command, "--help"])

    out = capsys.readouterr().out
    for markup in ("``", ":class:", ":mod:", ":func:", ":meth:"):
        assert markup not in out


def test_server_help_describes_it_and_shows_an_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["server", "--help"])

    out = capsys.readouterr().out
    assert "over HTTP" in out
    assert "example:\n  smsmock server --port 5566 --state scenario.json" in out
    assert "--endpoint-url http://127.0.0.1:5566" in out


@pytest.mark.parametrize(
    "port,message",
    [
        ("abc", "argument --port: not a port number: 'abc'"),
        ("70000", "argument --port: port must be 0 to 65535, not 70000"),
        ("-1", "argument --port: port must be 0 to 65535, not -1"),
    ],
)
def test_a_bad_port_is_one_line(
    port: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["server", "--port", port])

    assert done.value.code == 2
    assert capsys.readouterr().err == (f"smsmock server: {message} (see smsmock server --help)\n")


def test_an_unknown_command_is_one_line() -> None:
    done = smsmock("serve")

    assert done.returncode == 2
    assert done.stderr.startswith("smsmock: argument COMMAND: invalid choice: 'serve'")
    assert done.stderr.count("\n") == 1


def test_a_port_in_use_is_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = smsmock("server", "--port", str(port))

    assert done.returncode == 1
    assert done.stderr.startswith(f"smsmock server: cannot listen on 127.0.0.1:{port}: ")
    assert done.stderr.count("\n") == 1
    assert done.stdout == ""


@pytest.mark.parametrize(
    "content,reason",
    [
        (None, "cannot be read: No such file or directory."),
        ("{not json", "is not an smsmock state file (not JSON: "),
        ('{"format": "something else"}', 'This is not an smsmock state file (no "format"'),
    ],
    ids=["missing", "not-json", "not-a-state-file"],
)
def test_a_state_file_that_does_not_load_is_one_line(
    tmp_path: Path, content: str | None, reason: str
) -> None:
    path = tmp_path / "scenario.json"
    if content is not None:
        path.write_text(content)

    done = smsmock("server", "--port", "0", "--state", str(path))

    assert done.returncode == 1
    assert done.stderr.startswith(f"smsmock server: state file not loaded: {path}")
    assert reason in done.stderr
    assert done.stderr.count("\n") == 1
    assert done.stdout == ""


def test_a_directory_as_state_file_is_one_line(tmp_path: Path) -> None:
    done = smsmock("server", "--port", "0", "--state", str(tmp_path))

    assert done.returncode == 1
    assert done.stderr == (
        f"smsmock server: state file not loaded: {tmp_path} cannot be read: Is a directory.\n"
    )


def test_docs_names_the_guides_folder_and_its_pages() -> None:
    done = smsmock("docs")

    assert done.returncode == 0, done.stderr
    first, *pages = done.stdout.splitlines()
    folder = Path(first.rpartition(" is in ")[2])
    assert (folder / "getting-started.md").is_file()
    assert pages[0].split() == ["index.md", "smsmock"]
    assert ["getting-started.md", "Getting", "started"] in [page.split() for page in pages]
    assert len(pages) == len(list(folder.glob("*.md")))


def test_docs_finds_the_guide_where_the_wheel_installs_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    installed = tmp_path / user_guide.INSTALLED_AT
    installed.mkdir(parents=True)
    (installed / "index.md").write_text("# smsmock\n")
    (installed / "server.md").write_text("# Server mode\n\nText.\n")
    monkeypatch.setattr(cli, "places", lambda: [tmp_path / "elsewhere", installed])

    assert main(["docs"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        f"smsmock's user guide (Markdown pages) is in {installed}",
        f"  {'index.md':34s} smsmock",
        f"  {'server.md':34s} Server mode",
    ]


def test_docs_without_the_guide_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "places", lambda: [tmp_path])

    assert main(["docs"]) == 1

    assert "not installed" in capsys.readouterr().err


def test_the_wheel_installs_the_guide_where_docs_looks() -> None:
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert f'"{user_guide.INSTALLED_AT.as_posix()}" = ["docs/*.md"]' in pyproject
    assert any(place.parts[-3:] == user_guide.INSTALLED_AT.parts for place in user_guide.places())
