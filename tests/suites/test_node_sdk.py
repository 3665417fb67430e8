"""The AWS SDK for JavaScript v3 (``@aws-sdk/client-pinpoint-sms-voice-v2``) against the server.

It reaches out (``npm install``), so it is marked ``network`` and runs only with
``SMSMOCK_NETWORK_TESTS=1`` (see ``tests/conftest.py``). Skipped, with the reason, where ``node`` or
``npm`` is missing or the package cannot be installed. The package is installed once into
``$SMSMOCK_NODE_SDK_DIR`` (default ``~/.cache/smsmock/node-sdk``); later runs reuse it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from smsmock.faces.server import Client

PACKAGE = "@aws-sdk/client-pinpoint-sms-voice-v2"
NPM_OPTIONS = ("--no-audit", "--no-fund", "--fetch-retries=1", "--fetch-timeout=30000")
"""Without a registry, give up in seconds rather than npm's default minutes."""

SCRIPT = r"""
const sdk = require("@aws-sdk/client-pinpoint-sms-voice-v2");
const client = new sdk.PinpointSMSVoiceV2Client({
  endpoint: process.env.SMSMOCK_URL,
  region: "eu-west-2",
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  maxAttempts: 1,
});
const failure = async (command) => {
  try {
    await client.send(command);
    return null;
  } catch (e) {
    return { name: e.name, Reason: e.Reason, ResourceType: e.ResourceType,
             ResourceId: e.ResourceId, status: e.$metadata.httpStatusCode };
  }
};
(async () => {
  const made = await client.send(new sdk.CreateOptOutListCommand({
    OptOutListName: "from-node", Tags: [{ Key: "lang", Value: "js" }] }));
  const listed = await client.send(new sdk.DescribeOptOutListsCommand({}));
  const conflict = await failure(new sdk.DeleteOptOutListCommand({ OptOutListName: "Default" }));
  const missing = await failure(new sdk.ListTagsForResourceCommand({
    ResourceArn: "arn:aws:sms-voice:eu-west-2:123456789012:pool/pool-0123" }));
  console.log(JSON.stringify({
    arn: made.OptOutListArn,
    created: made.CreatedTimestamp instanceof Date,
    names: listed.OptOutLists.map((x) => x.OptOutListName),
    conflict, missing,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.fixture(scope="module")
def node_modules() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node and npm are not installed here")
    default = Path.home() / ".cache" / "smsmock" / "node-sdk"
    home = Path(os.environ.get("SMSMOCK_NODE_SDK_DIR") or default)
    home.mkdir(parents=True, exist_ok=True)
    installed = home / "node_modules" / PACKAGE / "package.json"
    with open(home / ".lock", "w") as lock:
        if os.name == "posix":
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)  # pytest-xdist workers install once between them
        if not installed.exists():
            try:
                done = subprocess.run(
                    [npm, "install", *NPM_OPTIONS, "--prefix", str(home), PACKAGE],
                    capture_output=True,
                    text=True,
                    timeout=150,  # a few seconds normally; without a registry it fails fast
                )
            except subprocess.TimeoutExpired:
                pytest.skip(f"npm install {PACKAGE} took too long")
            if done.returncode != 0 or not installed.exists():
                pytest.skip(f"npm install {PACKAGE} failed: {done.stderr.strip()[-300:]}")
    return home / "node_modules"


@pytest.mark.network
@pytest.mark.timeout(300)  # its fixture may npm install first (up to 150 s)
def test_the_javascript_sdk_talks_to_the_server(
    node_modules: Path, sms_voice_server: Client, tmp_path: Path
) -> None:
    script = tmp_path / "check.js"
    script.write_text(SCRIPT)
    env = {**os.environ, "SMSMOCK_URL": sms_voice_server.url, "NODE_PATH": str(node_modules)}
    env["NODE_NO_WARNINGS"] = "1"

    done = subprocess.run(
        ["node", str(script)], capture_output=True, text=True, env=env, timeout=120
    )

    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout)
    assert seen["arn"] == "arn:aws:sms-voice:eu-west-2:123456789012:opt-out-list/from-node"
    assert seen["created"] is True
    assert seen["names"] == ["Default", "from-node"]
    assert seen["conflict"] == {
        "name": "ConflictException",
        "Reason": "RESOURCE_DELETION_NOT_ALLOWED",
        "ResourceType": "opt-out-list",
        "ResourceId": "Default",
        "status": 400,
    }
    assert seen["missing"]["name"] == "ResourceNotFoundException"
    assert seen["missing"]["ResourceType"] == "pool"
    assert seen["missing"]["ResourceId"] == "pool-0123"
    # Python sees what JavaScript made: one state.
    python = sms_voice_server.boto3_client("eu-west-2")
    tags = python.list_tags_for_resource(ResourceArn=seen["arn"])["Tags"]
    assert tags == [{"Key": "lang", "Value": "js"}]
