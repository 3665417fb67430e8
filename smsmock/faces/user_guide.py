"""Where the user guide is, for ``python -m smsmock docs``: there is no public site yet.

The wheel installs the guide's Markdown pages under ``<prefix>/share/doc/smsmock``
(``[tool.setuptools.data-files]`` in pyproject.toml); a checkout has them in ``docs/``.
"""

from __future__ import annotations

import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

INSTALLED_AT = Path("share", "doc", "smsmock")
"""The guide's folder under an installation's data directory (sys.prefix for a venv)."""


def places() -> list[Path]:
    """Where the guide may be, most specific first: beside this checkout, then under the data
    directory of this interpreter's installation, of the user's and of the base Python."""
    checkout = Path(__file__).resolve().parents[2]
    found = [checkout / "docs"] if (checkout / "mkdocs.yml").is_file() else []
    data = [sysconfig.get_path("data"), sys.prefix, sys.base_prefix]
    data.append(sysconfig.get_path("data", sysconfig.get_preferred_scheme("user")))
    found.extend(Path(folder) / INSTALLED_AT for folder in data)
    return found


def find_guide(candidates: Iterable[Path]) -> Path | None:
    """The first of ``candidates`` that holds the guide (its ``index.md``)."""
    return next((folder for folder in candidates if (folder / "index.md").is_file()), None)


def contents(folder: Path) -> list[tuple[str, str]]:
    """Each page of the guide in ``folder`` and its title (its first heading): the home page
    first, then by file name."""
    pages = sorted(folder.glob("*.md"), key=lambda page: (page.name != "index.md", page.name))
    return [(page.name, _title(page)) for page in pages]


def _title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem
