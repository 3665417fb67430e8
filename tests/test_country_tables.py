"""The country tables shipped in ``smsmock/data`` are what ``tools/generate_country_tables.py``
makes from the installed ``phonenumbers``: a new libphonenumber cannot leave them stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import phonenumbers
import pytest

from smsmock.rules.countries import country_name, major_carriers

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    path = ROOT / "tools" / "generate_country_tables.py"
    spec = importlib.util.spec_from_file_location("generate_country_tables", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_tables_are_what_the_generator_writes(generator: ModuleType) -> None:
    for name, text in generator.tables().items():
        shipped = (ROOT / "smsmock" / "data" / name).read_text("utf-8")
        assert shipped == text, f"{name} is stale: run python tools/generate_country_tables.py"


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
