"""What a release promises agrees with itself: the changelog dates the package's version, and the
oldest botocore pyproject promises is the one the coverage page and the nox matrix name."""

from __future__ import annotations

import re
from pathlib import Path

import smsmock
from smsmock.faces.botocore_releases import OLDEST

ROOT = Path(__file__).resolve().parents[2]


def test_the_changelog_dates_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    heading = rf"^## \[{re.escape(smsmock.__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$"
    assert re.search(heading, changelog, flags=re.M)


def test_the_oldest_botocore_is_promised_and_tested() -> None:
    floor = ".".join(OLDEST.split(".")[:2])  # 1.35.0 -> 1.35
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'"botocore>={floor}"' in pyproject
    assert f'"boto3>={floor}"' in pyproject
    noxfile = (ROOT / "noxfile.py").read_text()
    assert f'"botocore=={OLDEST}"' in noxfile
    assert f'"boto3=={OLDEST}"' in noxfile
