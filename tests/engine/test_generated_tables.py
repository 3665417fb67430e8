"""The tables shipped in ``smsmock/data`` that ``tools/generate_tables.py`` makes are what it
makes now, from the installed ``phonenumbers`` and the current operations modules: a new
libphonenumber or a new operation cannot leave them stale."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import phonenumbers
import pytest

from smsmock.rules.countries import country_name, major_carriers

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "generate_tables.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_tables", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_tables_are_what_the_generator_writes() -> None:
    # A fresh interpreter: the tool sees what each operations module registers as it imports it.
    done = subprocess.run(
        [sys.executable, str(TOOL), "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{done.stdout}{done.stderr}: run python {TOOL.name}"
    assert done.stdout.strip() == "up to date"


def test_every_supported_region_has_the_generated_name_and_carriers(
    generator: ModuleType,
) -> None:
    names = generator.country_names()
    carriers = generator.major_carriers()
    for region in phonenumbers.SUPPORTED_REGIONS:
        assert country_name(region) == names[region]
        assert major_carriers(region) == tuple(carriers.get(region, ()))


def test_names_the_geocoder_lacks_and_unknown_codes() -> None:
    assert country_name("US") == "United States"
    assert country_name("AC") == "Ascension Island"
    assert country_name("TA") == "Tristan da Cunha"
    assert country_name("XK") == "Kosovo"
    assert country_name("ZZ") == "ZZ"
    assert major_carriers("US") == ()  # +1 is shared: its ranges are not told apart by country
    assert major_carriers("FR")
