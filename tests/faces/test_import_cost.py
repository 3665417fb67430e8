"""``import smsmock`` registers the hook and no more: the pytest plugin imports it at every pytest
start, also in runs that never use it. What answers requests is imported by the first request,
the handle by its first use. (The import's time is measured in benchmarks/, not here.)"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

LOADED = """
import json, sys
{statement}
print(json.dumps(sorted(name for name in sys.modules if name.startswith("smsmock"))))
"""

ANSWERING = ("smsmock.engine.wire", "smsmock.faces.mock", "smsmock.rules", "smsmock.records")


def smsmock_modules_after(statement: str) -> list[str]:
    """The smsmock modules a fresh interpreter holds after running ``statement``."""
    code = LOADED.format(statement=statement)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded: list[str] = json.loads(done.stdout)
    return loaded


@pytest.mark.parametrize(
    "statement", ["import boto3, smsmock", "import smsmock.faces.pytest_plugin"]
)
def test_the_import_loads_nothing_that_answers(statement: str) -> None:
    loaded = smsmock_modules_after(statement)

    assert "smsmock.engine.hook" in loaded
    assert not [name for name in loaded if name.startswith(ANSWERING)]


def test_the_first_request_loads_what_answers_it() -> None:
    loaded = smsmock_modules_after(
        "import boto3, smsmock\n"
        "with smsmock.mock_sms_voice():\n"
        "    client = boto3.client('pinpoint-sms-voice-v2', region_name='us-east-1')\n"
        "    [listed] = client.describe_opt_out_lists()['OptOutLists']\n"
        "    assert listed['OptOutListName'] == 'Default'"
    )

    assert {"smsmock.engine.wire", "smsmock.faces.mock", "smsmock.operations.opt_out_lists"} <= set(
        loaded
    )


def test_every_exported_name_is_there_when_read() -> None:
    import smsmock

    for name in smsmock.__all__:
        assert getattr(smsmock, name) is not None
    assert set(smsmock.__all__) <= set(dir(smsmock))
    with pytest.raises(AttributeError, match="no attribute 'mock_sms_vioce'"):
        smsmock.mock_sms_vioce  # noqa: B018
