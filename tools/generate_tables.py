"""Write the tables smsmock ships as package data (a developer tool, not shipped).

What can be worked out once, before any process runs, is made here and read at run time:

* ``smsmock/data/country_names.json``: the English name of every region libphonenumber knows
  (read from the geocoder's locale table, as its ``country_name_for_number`` does), with the
  three it leaves unnamed (``AC``, ``TA``, ``XK``) named here. Importing the geocoder costs about
  340 ms and 97 MB (every locale at once) for a table of 5 kB.
* ``smsmock/data/major_carriers.json``: per region whose calling code it has alone, the three
  carriers holding the most number ranges in libphonenumber's carrier data (the carriers an RCS
  agent's country launch lists; the data costs about 40 ms and 11 MB to import); the regions of
  a shared code (+1, +7, +44 …) are left out, as the data does not tell their ranges apart.
* ``smsmock/data/sms_countries.json``: per country, what the User Guide's *Supported countries and
  regions for SMS messaging* table says (sender IDs, two-way SMS, short and long codes,
  international sending), read from ``tools/sms_countries_page.md``, a saved copy of the page's
  table with the page's commit and date in the public docs mirror. To refresh, paste the page's
  current rows there and run this.
* ``smsmock/data/operation_modules.json``: the module of ``smsmock.operations`` that registers
  each operation's handler, so that a request imports only its own (``smsmock.engine.handlers``).
  Found by importing the modules one by one and seeing what each registers, so this must run in
  a fresh interpreter (as a script).

``tests/engine/test_generated_tables.py`` runs ``--check``: the shipped files must equal what this
writes with the installed ``phonenumbers`` and the current operations modules. After upgrading
``phonenumbers`` or adding an operation, run ``python tools/generate_tables.py`` from the
repository root. ``--check`` only compares (exit status 1 when a table is stale).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import phonenumbers
from phonenumbers.carrierdata import CARRIER_DATA
from phonenumbers.geodata.locale import LOCALE_DATA

import smsmock.operations
from smsmock.state.registry import HANDLERS

DATA = Path(__file__).resolve().parent.parent / "smsmock" / "data"
SMS_COUNTRIES_PAGE = Path(__file__).resolve().parent / "sms_countries_page.md"

NAMES_MISSING_FROM_GEOCODER = {
    "AC": "Ascension Island",
    "TA": "Tristan da Cunha",
    "XK": "Kosovo",
}
"""The regions libphonenumber supports that have no English name in its geocoder data."""

CARRIERS_PER_COUNTRY = 3


def country_names() -> dict[str, str]:
    """The English name of every region with numbering or geocoding data, by ISO code."""
    names: dict[str, str] = {}
    for region in sorted(set(phonenumbers.SUPPORTED_REGIONS) | set(LOCALE_DATA)):
        name = _english_name(region) or NAMES_MISSING_FROM_GEOCODER.get(region)
        if name:
            names[region] = name
    return names


def _english_name(region: str) -> str:
    """A region's English name in the geocoder's locale table; ``*xx`` there means "as in the
    language ``xx``"."""
    by_language = LOCALE_DATA.get(region, {})
    name: str = by_language.get("en", "")
    if name.startswith("*"):
        name = by_language.get(name[1:], "")
    return name


def major_carriers() -> dict[str, list[str]]:
    """The carriers holding the most number ranges, per region with a calling code of its own."""
    out: dict[str, list[str]] = {}
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        code = phonenumbers.country_code_for_region(region)
        if not code or len(phonenumbers.region_codes_for_country_code(code)) != 1:
            continue
        prefix = str(code)
        counts = Counter(
            names["en"]
            for range_prefix, names in CARRIER_DATA.items()
            if range_prefix.startswith(prefix) and names.get("en")
        )
        carriers = [name for name, _ in counts.most_common(CARRIERS_PER_COUNTRY)]
        if carriers:
            out[region] = carriers
    return out


SMS_COLUMNS = (
    "short_codes",
    "long_codes",
    "sender_ids",
    "two_way",
    "international_sending",
)
"""The page's columns after the ISO code, as ``sms_countries.json`` names them."""


def sms_countries(page: str) -> dict[str, object]:
    """The saved table of the SMS countries page: its source lines (``page:``, ``commit:``,
    ``date:``), then one entry per country: each column's value as the page words it (``Yes``,
    ``No``, ``Registration required``, ``N/A``) and the page's notes (``[n]``) on the row."""
    table: dict[str, object] = {}
    source = dict(re.findall(r"^(page|commit|date): (.+)$", page, re.MULTILINE))
    table["_source"] = (
        "AWS End User Messaging SMS User Guide, Supported countries and regions for SMS "
        f"messaging ({source['page']}, crowecawcaw/aws-docs-history at {source['commit']}, "
        f"{source['date']}); made by tools/generate_tables.py from tools/sms_countries_page.md"
    )
    for line in page.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 1 + len(SMS_COLUMNS) or not re.fullmatch(r"[A-Z]{2}", cells[0]):
            continue
        row: dict[str, object] = {}
        notes: list[int] = []
        for name, cell in zip(SMS_COLUMNS, cells[1:], strict=True):
            value, note = re.fullmatch(r"(.+?)(?:\[(\d+)\])?", cell).groups()  # type: ignore[union-attr]
            row[name] = value
            if note:
                notes.append(int(note))
        row["notes"] = notes
        table[cells[0]] = row
    return table


def operation_modules() -> dict[str, str]:
    """The module of :mod:`smsmock.operations` (its last name) that registers each operation."""
    package = smsmock.operations
    if HANDLERS:
        raise RuntimeError("operations modules were imported already: run this as a script")
    modules: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        before = set(HANDLERS)
        importlib.import_module(f"{package.__name__}.{info.name}")
        modules.update(dict.fromkeys(set(HANDLERS) - before, info.name))
    return dict(sorted(modules.items()))


def tables() -> dict[str, str]:
    """Each table's file name and the text it should hold."""
    return {
        "country_names.json": _text(country_names()),
        "major_carriers.json": _text(major_carriers()),
        "sms_countries.json": _text(sms_countries(SMS_COUNTRIES_PAGE.read_text("utf-8"))),
        "operation_modules.json": _text(operation_modules()),
    }


def _text(table: Mapping[str, object]) -> str:
    """JSON with one entry a line, in key order."""
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in table.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare only; 1 when stale")
    args = parser.parse_args()
    stale = []
    for name, text in tables().items():
        path = DATA / name
        if path.exists() and path.read_text("utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, "utf-8")
    verb = "stale" if args.check else "written"
    print(f"{verb}: {', '.join(stale)}" if stale else "up to date")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
