"""Every operation of the installed model is implemented, the coverage page says so, and the
botocore releases it names for newer operations agree with the installed model."""

from __future__ import annotations

import re
from pathlib import Path

import botocore
import pytest

from smsmock.faces.botocore_releases import OLDEST, RELEASES, Release
from smsmock.faces.cli import main
from smsmock.faces.coverage import coverage_markdown, missing_operations
from smsmock.rules.registration_forms import forms, registration_type_evidence
from smsmock.state.service_model import operation_names

PAGE = Path(__file__).resolve().parents[2] / "docs" / "coverage.md"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


def test_every_operation_of_the_model_is_implemented() -> None:
    assert missing_operations() == []


def test_coverage_page_is_current() -> None:
    # Regenerate with: python -m smsmock coverage > docs/coverage.md (with the newest botocore).
    page = PAGE.read_text()
    listed = set(re.findall(r"^\| (\w+) \| (?:not )?implemented \|", page, flags=re.M))
    lacking = sorted(listed - operation_names())
    if lacking:
        pytest.skip(
            f"the installed botocore {botocore.__version__} model lacks {len(lacking)} operations "
            f"the page lists ({', '.join(lacking[:3])}…): the page is made from a newer model"
        )
    assert page == coverage_markdown()


@pytest.mark.parametrize("release", RELEASES, ids=lambda release: release.version)
def test_each_release_named_brought_its_operations(release: Release) -> None:
    installed = set(operation_names())
    if _version(botocore.__version__) >= _version(release.version):
        assert set(release.operations) <= installed
    else:
        assert not set(release.operations) & installed


def test_releases_are_in_order_after_the_oldest() -> None:
    versions = [_version(release.version) for release in RELEASES]
    assert versions == sorted(versions)
    assert versions[0] > _version(OLDEST)


def test_coverage_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage"]) == 0
    assert "| SendTextMessage | implemented |" in capsys.readouterr().out


def test_every_modeled_registration_type_names_its_evidence() -> None:
    evidence = registration_type_evidence()
    assert set(forms()) <= set(evidence)
    assert all(evidence.values())
    assert "## Registration types" in coverage_markdown()
    assert "| US_TOLL_FREE_REGISTRATION | modeled | User Guide" in coverage_markdown()
