"""The names a package exports lazily are there when first read, in a fresh interpreter: the
public classes and functions of ``smsmock``, and the submodules that ``smsmock.faces`` and
``smsmock.engine`` name; a name a package does not export is an ``AttributeError`` naming it."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_lazily_exported_names_are_what_they_name() -> None:
    code = READ.format(names=EXPORTED)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    assert found == {
        **{name: name for name in EXPORTED},
        "faces.mock": "smsmock.faces.mock",
        "faces.server": "smsmock.faces.server",
        "engine.wire": "smsmock.engine.wire",
        "missing": "module 'smsmock.faces' has no attribute 'mocks'",
    }
