"""The tables smsmock ships (country names, major carriers) read the same under any locale: on a
machine whose locale encoding is not UTF-8 (a bare C locale, Windows' code pages) a country name
such as "Côte d'Ivoire" still comes back whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import smsmock
from tests.installed_model import needs_operations

LOOKUP = """
import boto3
from smsmock import mock_sms_voice

with mock_sms_voice():
    client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    print(ascii(client.carrier_lookup(PhoneNumber="+2250701234567")["Country"]))
"""


@needs_operations("CarrierLookup")
def test_country_names_read_the_same_under_an_ascii_locale() -> None:
    # The child runs in the directory of the smsmock this test imported (so it imports that one),
    # in the C locale with neither locale coercion nor UTF-8 mode: its locale encoding is ASCII.
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run(
        [sys.executable, "-c", LOOKUP],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(smsmock.__file__).parents[1],
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ascii("Côte d'Ivoire")
