"""The handle is typed for users: ``mypy --strict`` accepts the typed user code next to this file
and catches a misspelt record attribute. Needs mypy (the ``lint`` extra); skipped without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is not installed: pip install -e '.[lint]'")

ROOT = Path(__file__).resolve().parents[2]
USER_CODE = Path(__file__).with_name("test_user_code.py")

TYPOS = """
from smsmock import mock_sms_voice

with mock_sms_voice() as sms:
    [sent] = sms.sent_messages
    print(sent.mesage_body)
    for event in sms.events():
        print(event.event_typ)
    inbound = sms.receive("+12065550199", "+18335550100", "STOP")
    print(inbound.reply.message_body)
    print(sms.launch_rcs_agent("agent", "US").carrier_statuses)
"""


def test_mypy_strict_accepts_user_code_and_catches_typos(tmp_path: Path) -> None:
    typos = tmp_path / "user_typos.py"
    typos.write_text(TYPOS)
    # From the checkout's root, as CI runs mypy: pyproject's [tool.mypy] applies (strict).
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(USER_CODE), str(typos)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = done.stdout.splitlines()
    errors = [line.split(": error: ", 1) for line in lines if ": error: " in line]
    assert [(Path(where).name, what) for where, what in errors] == [
        (
            "user_typos.py:6",
            '"SentMessage" has no attribute "mesage_body"; '
            'maybe "message_body" or "message_id"?  [attr-defined]',
        ),
        (
            "user_typos.py:8",
            '"EventRecord" has no attribute "event_typ"; maybe "event_type"?  [attr-defined]',
        ),
        (
            "user_typos.py:10",
            'Item "None" of "SentMessage | None" has no attribute "message_body"  [union-attr]',
        ),
        (
            "user_typos.py:11",
            '"CountryLaunch" has no attribute "carrier_statuses"; '
            'maybe "carrier_status"?  [attr-defined]',
        ),
    ], done.stdout + done.stderr
