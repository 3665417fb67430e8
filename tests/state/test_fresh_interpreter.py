"""What a fresh interpreter sees: the names a package exports lazily are there when first read
(the public classes and functions of ``smsmock``, the submodules ``smsmock.faces`` and
``smsmock.engine`` name; an unknown name is an ``AttributeError`` naming it), and a botocore
client is answered in a process that never imports boto3 (botocore or aiobotocore alone), and a
boto3 client made before the mock starts is answered by it; the first record a process makes is
listed like any other."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import smsmock

READ = """
import json
import smsmock, smsmock.engine, smsmock.faces
found = {{name: getattr(smsmock, name).__name__ for name in {names!r}}}
found["faces.mock"] = smsmock.faces.mock.__name__
found["faces.server"] = smsmock.faces.server.__name__
found["engine.wire"] = smsmock.engine.wire.__name__
try:
    smsmock.faces.mocks
except AttributeError as exc:
    found["missing"] = str(exc)
print(json.dumps(found))
"""

EXPORTED = ["SmsVoiceMock", "mock_sms_voice", "SentMessage", "Backend", "Record", "StateFileError"]

BOTOCORE_ALONE = """
import json, sys
import botocore.session
import smsmock
with smsmock.mock_sms_voice():
    session = botocore.session.get_session()
    client = session.create_client("pinpoint-sms-voice-v2", region_name="us-east-1")
    lists = client.describe_opt_out_lists()["OptOutLists"]
print(json.dumps({"lists": [x["OptOutListName"] for x in lists], "boto3": "boto3" in sys.modules}))
"""

CLIENT_FIRST = """
import json
import boto3
import smsmock
client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
with smsmock.mock_sms_voice():
    lists = client.describe_opt_out_lists()["OptOutLists"]
print(json.dumps([x["OptOutListName"] for x in lists]))
"""

FIRST_RECORD = """
import json
import boto3
import smsmock
from smsmock.records.configuration_sets import CONFIGURATION_SETS
with smsmock.mock_sms_voice() as sms:
    client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    client.create_configuration_set(ConfigurationSetName="first")
    records = sms.backend().table(CONFIGURATION_SETS).values()
print(json.dumps([record.configuration_set_name for record in records]))
"""


def run_fresh(code: str) -> Any:
    """What ``code`` prints (JSON), run by a fresh interpreter in the directory that holds the
    smsmock this test imported, so that the child imports that one (under mutmut, the mutated
    copy, whose settings mutmut finds there too)."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(smsmock.__file__).parents[1],
    )
    return json.loads(done.stdout)


def test_lazily_exported_names_are_what_they_name() -> None:
    found = run_fresh(READ.format(names=EXPORTED))
    assert found == {
        **{name: name for name in EXPORTED},
        "faces.mock": "smsmock.faces.mock",
        "faces.server": "smsmock.faces.server",
        "engine.wire": "smsmock.engine.wire",
        "missing": "module 'smsmock.faces' has no attribute 'mocks'",
    }


def test_a_botocore_client_is_answered_without_boto3() -> None:
    assert run_fresh(BOTOCORE_ALONE) == {"lists": ["Default"], "boto3": False}


def test_a_client_made_before_the_mock_starts_is_answered() -> None:
    assert run_fresh(CLIENT_FIRST) == ["Default"]


def test_the_first_record_of_a_process_is_listed() -> None:
    assert run_fresh(FIRST_RECORD) == ["first"]
