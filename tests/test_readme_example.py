"""The README's and the getting-started page's pytest example, as written there, passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "page,test_name",
    [
        ("README.md", "test_send"),
        ("README.md", "test_opted_out_destination_is_refused"),
        ("docs/getting-started.md", "test_opted_out_destination_is_refused"),
        ("docs/delivery.md", "test_receipts_reach_the_queue"),
    ],
)
def test_documented_examples_run(page: str, test_name: str, pytester: pytest.Pytester) -> None:
    text = (ROOT / page).read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    example = next(b for b in blocks if f"def {test_name}(" in b)
    pytester.makepyfile(test_example="import boto3\n" + example)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
