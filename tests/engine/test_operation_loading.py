"""A request imports only its own operations module, after every rules and records module; an
operations module registers nothing but its handlers, so which of them are imported changes no
answer. Each check runs in a fresh interpreter (this one has imported every module already)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def run_fresh(code: str) -> object:
    """What ``code``, run in a fresh interpreter, prints as JSON on its last line."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_first_request_imports_only_its_operations_module() -> None:
    # Nor libphonenumber, which this operation does not need (tens of milliseconds to load).
    imported = run_fresh(
        """
        import json, sys
        import boto3
        from smsmock import mock_sms_voice

        with mock_sms_voice():
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            lists = client.describe_opt_out_lists()["OptOutLists"]
        assert [entry["OptOutListName"] for entry in lists] == ["Default"]
        print(json.dumps(sorted(
            m for m in sys.modules if m.startswith(("smsmock.operations.", "phonenumbers"))
        )))
        """
    )
    assert imported == ["smsmock.operations.opt_out_lists"]


def test_operations_modules_register_only_their_handlers() -> None:
    changed = run_fresh(
        """
        import importlib, json, pkgutil, sys
        import smsmock.records, smsmock.rules
        from smsmock.engine import handlers
        from smsmock.state.registry import HANDLERS

        for package in (smsmock.records, smsmock.rules):
            for info in pkgutil.iter_modules(package.__path__):
                importlib.import_module(f"{package.__name__}.{info.name}")

        def containers():
            found = {}
            for name, module in list(sys.modules.items()):
                if name.startswith("smsmock") and not name.startswith("smsmock.operations"):
                    for attr, value in vars(module).items():
                        if isinstance(value, (dict, list, set)) and value is not HANDLERS:
                            found[f"{name}.{attr}"] = len(value)
            return found

        before = containers()
        handlers.load_resources()
        after = containers()
        print(json.dumps(sorted(k for k, v in after.items() if before.get(k, v) != v)))
        """
    )
    assert changed == ["smsmock.engine.handlers._imported"]
