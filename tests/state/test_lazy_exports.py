"""The names a package exports lazily are there when first read, in a fresh interpreter: the
public classes and functions of ``smsmock``, and the submodules that ``smsmock.faces`` and
``smsmock.engine`` name; a name a package does not export is an ``AttributeError`` naming it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_lazily_exported_names_are_what_they_name(tmp_path: Path) -> None:
    # The fresh interpreter imports the smsmock this test imported (not one in its directory).
    where = str(Path(smsmock.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([where, os.environ.get("PYTHONPATH", "")])}
    code = READ.format(names=EXPORTED)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
    )
    found = json.loads(done.stdout)
    assert found == {
        **{name: name for name in EXPORTED},
        "faces.mock": "smsmock.faces.mock",
        "faces.server": "smsmock.faces.server",
        "engine.wire": "smsmock.engine.wire",
        "missing": "module 'smsmock.faces' has no attribute 'mocks'",
    }
