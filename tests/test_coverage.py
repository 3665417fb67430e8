"""Every operation of the installed model is implemented, and the coverage page says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from smsmock.faces.cli import main
from smsmock.faces.coverage import coverage_markdown, missing_operations

PAGE = Path(__file__).resolve().parent.parent / "docs" / "coverage.md"


def test_every_operation_of_the_model_is_implemented() -> None:
    assert missing_operations() == []


def test_coverage_page_is_current() -> None:
    # Regenerate with: python -m smsmock coverage > docs/coverage.md
    assert PAGE.read_text() == coverage_markdown()


def test_coverage_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage"]) == 0
    assert "| SendTextMessage | implemented |" in capsys.readouterr().out
