"""The delivery examples (``examples/delivery_receipts.py``, ``examples/two_way_booking.py``,
``examples/eventbridge_receipts.py``) run and reach the outcomes their docstrings promise."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_receipts_mark_notifications_delivered_or_failed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outcome = example("delivery_receipts").main()

    assert outcome == {
        "+12065550142": "delivered",
        "+12065550199": "failed",
        "+12065550177": "failed",
    }
    printed = capsys.readouterr().out
    assert "5 receipts read from the queue" in printed
    assert "carrier network" in printed  # CARRIER_UNREACHABLE's description
    assert "within 72 hours" in printed  # UNKNOWN after the timeout


def test_a_yes_reply_confirms_the_booking(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = example("two_way_booking").main()

    assert outcome == {"b-1": "confirmed", "b-2": "declined"}
    assert "2 replies read from the queue" in capsys.readouterr().out


def test_eventbridge_receipts_mark_notifications_delivered_or_failed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outcome = example("eventbridge_receipts").main()

    assert outcome == {"+12065550142": "delivered", "+12065550199": "failed"}
    printed = capsys.readouterr().out
    assert "3 events read from the queue" in printed
    assert "carrier blocked delivery" in printed  # CARRIER_BLOCKED's description
