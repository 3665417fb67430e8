"""Server mode: ``smsmock server`` in a child process, driven by boto3 and the real AWS CLI.

Every request goes to 127.0.0.1; the ``sms_voice_server`` fixture (the pytest plugin's) runs one
server for the session and empties it before each test.
"""

from __future__ import annotations

import inspect
import json
import os
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock, mock_sms_voice
from smsmock.faces.handle_checks import remote_methods
from smsmock.faces.server import Client, ControlError, Server, ServerProcess
from tests.helpers import expect_error, record_events, toll_free_number

SERVICE = "pinpoint-sms-voice-v2"
UNCHECKED = Config(parameter_validation=False, retries={"max_attempts": 1})
"""Leave validation to the service, as a client in another language would."""


def aws(server: Client, *args: str, region: str = "us-east-1") -> subprocess.CompletedProcess[str]:
    """The AWS CLI (``python -m awscli``, the ``awscli`` package) pointed at the server."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": region,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_MAX_ATTEMPTS": "1",
    }
    command = [sys.executable, "-m", "awscli", "--endpoint-url", server.url, "--output", "json"]
    return subprocess.run(
        [*command, SERVICE, *args], capture_output=True, text=True, env=env, timeout=120
    )


# -- any client, one state ---------------------------------------------------------------------


def test_boto3_and_the_aws_cli_share_state(sms_voice_server: Client) -> None:
    client = sms_voice_server.boto3_client()
    client.create_opt_out_list(OptOutListName="from-boto3")

    made = aws(sms_voice_server, "create-opt-out-list", "--opt-out-list-name", "from-cli")
    listed = aws(sms_voice_server, "describe-opt-out-lists")

    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["OptOutListName"] == "from-cli"
    names = [x["OptOutListName"] for x in json.loads(listed.stdout)["OptOutLists"]]
    assert names == ["Default", "from-boto3", "from-cli"]
    seen = [x["OptOutListName"] for x in client.describe_opt_out_lists()["OptOutLists"]]
    assert seen == names


def test_the_aws_cli_gets_the_modeled_error(sms_voice_server: Client) -> None:
    done = aws(sms_voice_server, "delete-opt-out-list", "--opt-out-list-name", "Default")

    assert done.returncode != 0
    assert "(ConflictException)" in done.stderr
    assert "DeleteOptOutList" in done.stderr


def test_region_and_account_come_from_the_signature(sms_voice_server: Client) -> None:
    london = sms_voice_server.boto3_client("eu-west-2", aws_access_key_id="111122223333")
    london.create_opt_out_list(OptOutListName="london")

    arn = london.describe_opt_out_lists()["OptOutLists"][1]["OptOutListArn"]
    here = sms_voice_server.boto3_client().describe_opt_out_lists()["OptOutLists"]

    assert arn == "arn:aws:sms-voice:eu-west-2:111122223333:opt-out-list/london"
    assert [x["OptOutListName"] for x in here] == ["Default"]


# -- errors over HTTP, exactly as in-process ---------------------------------------------------


def _no_setup(sms: Any, client: Any) -> None:
    pass


def _existing_list(sms: Any, client: Any) -> None:
    client.create_opt_out_list(OptOutListName="taken")


def _low_quota(sms: Any, client: Any) -> None:
    sms.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 1)


NOT_FOUND = "ResourceNotFoundException"
INVALID = "ValidationException"
EMPTY_NAME_FIELDS = [
    ("OptOutListName", "length greater than or equal to 1"),
    ("OptOutListName", "regular expression pattern"),
]
"""An empty name breaks two constraints of one member: ``Fields`` names it twice, which the
``fields`` mapping of ``expect_error`` cannot say, so the test compares these pairs itself."""

ERRORS: list[tuple[Callable[[Any, Any], None], str, dict[str, Any], dict[str, Any]]] = [
    (
        _no_setup,
        "list_tags_for_resource",
        {"ResourceArn": "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123"},
        {"code": NOT_FOUND, "resource_type": "pool", "resource_id": "pool-0123"},
    ),
    (
        _existing_list,
        "create_opt_out_list",
        {"OptOutListName": "taken"},
        {
            "code": "ConflictException",
            "reason": "RESOURCE_ALREADY_EXISTS",
            "message": "taken",
            "resource_type": "opt-out-list",
            "resource_id": "taken",
        },
    ),
    (
        _no_setup,
        "delete_opt_out_list",
        {"OptOutListName": "Default"},
        {
            "code": "ConflictException",
            "reason": "RESOURCE_DELETION_NOT_ALLOWED",
            "message": "Default",
            "resource_type": "opt-out-list",
            "resource_id": "Default",
        },
    ),
    (
        _no_setup,
        "create_opt_out_list",
        {"OptOutListName": ""},
        {"code": INVALID, "reason": "FIELD_VALIDATION_FAILED", "message": "''"},
    ),
    (
        _no_setup,
        "create_opt_out_list",
        {"OptOutListName": "not a name!"},
        {
            "code": INVALID,
            "reason": "FIELD_VALIDATION_FAILED",
            "message": "'not a name!'",
            "fields": {"OptOutListName": "regular expression pattern"},
        },
    ),
    (
        _existing_list,
        "tag_resource",
        {
            "ResourceArn": "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/taken",
            "Tags": [{"Key": "aws:reserved", "Value": "v"}],
        },
        {
            "code": INVALID,
            "reason": "INVALID_PARAMETER",
            "message": "aws:",
            "fields": {"Tags[0].Key": "aws:"},
        },
    ),
    (
        _low_quota,
        "create_opt_out_list",
        {"OptOutListName": "one-too-many"},
        {
            "code": "ServiceQuotaExceededException",
            "reason": "OPT_OUT_LISTS_PER_ACCOUNT",
            "message": "OPT_OUT_LISTS_PER_ACCOUNT of 1",
        },
    ),
    (
        _no_setup,
        "describe_opted_out_numbers",
        {"OptOutListName": "nope"},
        {
            "code": NOT_FOUND,
            "message": "nope",
            "resource_type": "opt-out-list",
            "resource_id": "nope",
        },
    ),
]


def _error(sms: Any, client: Any, setup: Any, method: str, params: dict[str, Any]) -> Any:
    setup(sms, client)
    with pytest.raises(ClientError) as caught:
        getattr(client, method)(**params)
    response = dict(caught.value.response)
    metadata = response.pop("ResponseMetadata")
    return response, metadata["HTTPStatusCode"]


@pytest.mark.parametrize(("setup", "method", "params", "expected"), ERRORS)
def test_errors_over_http_parse_as_in_process(
    sms_voice_server: Client,
    setup: Any,
    method: str,
    params: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    # In-process first: while a mock is active here it answers every client of this process,
    # those pointed at a server too, so the server's turn comes after it is switched off.
    with mock_sms_voice() as sms:
        in_process = _error(sms, boto3.client(SERVICE, config=UNCHECKED), setup, method, params)
    client = sms_voice_server.boto3_client(config=UNCHECKED)
    over_http = _error(sms_voice_server, client, setup, method, params)

    assert over_http == in_process
    response = over_http[0]
    if params == {"OptOutListName": ""}:
        said = response.pop("Fields")
        assert [f["Name"] for f in said] == [name for name, _ in EMPTY_NAME_FIELDS], said
        for field, (_, part) in zip(said, EMPTY_NAME_FIELDS, strict=True):
            assert part in field["Message"], field
    expect_error(response, **expected)


# -- control endpoints -------------------------------------------------------------------------


def test_reset_empties_the_state(sms_voice_server: Client) -> None:
    client = sms_voice_server.boto3_client()
    client.create_opt_out_list(OptOutListName="gone-soon")
    sms_voice_server.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 5)

    sms_voice_server.reset()

    assert len(client.describe_opt_out_lists()["OptOutLists"]) == 1
    assert sms_voice_server.state()["world"]["quotas"] == {"OPT_OUT_LISTS_PER_ACCOUNT": 5}
    sms_voice_server.reset(settings=True)
    assert sms_voice_server.state()["world"]["quotas"] == {}


def test_quota_for_one_region(sms_voice_server: Client) -> None:
    sms_voice_server.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 1, region="eu-west-2")
    sms_voice_server.boto3_client().create_opt_out_list(OptOutListName="fine-here")

    with pytest.raises(ClientError) as caught:
        sms_voice_server.boto3_client("eu-west-2").create_opt_out_list(OptOutListName="not-here")

    expect_error(
        caught,
        "ServiceQuotaExceededException",
        "OPT_OUT_LISTS_PER_ACCOUNT",
        message="OPT_OUT_LISTS_PER_ACCOUNT of 1",
    )


def test_messages_start_empty(sms_voice_server: Client) -> None:
    assert sms_voice_server.sent_messages() == []


def test_sent_messages_have_the_records_fields(sms_voice_server: Client, tmp_path: Path) -> None:
    # A state with one sent message, made in-process and loaded over HTTP.
    from smsmock.records.messages import SentMessage

    with mock_sms_voice() as sms:
        from smsmock.state.world import WORLD

        WORLD.sent_messages.append(
            SentMessage(
                message_id="m-1",
                channel="SMS",
                account_id="123456789012",
                region="us-east-1",
                origination_identity="+12065550199",
                destination_phone_number="+12065550100",
                message_body="hello",
                timestamp=__import__("datetime").datetime(2024, 5, 1, 12, 0),
                operation="SendTextMessage",
                media_urls=("s3://b/a.png",),
            )
        )
        sms.save_state(tmp_path / "state.json")
    sms_voice_server.load_state(tmp_path / "state.json")

    [message] = sms_voice_server.sent_messages()

    assert set(message) == set(SentMessage.__dataclass_fields__)
    assert message["message_body"] == "hello"
    assert message["timestamp"] == "2024-05-01T12:00:00"
    assert message["media_urls"] == ["s3://b/a.png"]


def test_lifecycle_and_advance(sms_voice_server: Client, tmp_path: Path) -> None:
    # A pool waiting in CREATING (manual mode), seeded through a state file.
    from smsmock.records.pools import POOLS, Pool

    with mock_sms_voice() as sms:
        sms.set_lifecycle("pool", "manual")
        backend = sms.backend()
        backend.table(POOLS).add(
            Pool(
                pool_id="pool-seeded",
                pool_arn=backend.arn("pool", "pool-seeded"),
                message_type="TRANSACTIONAL",
                created_timestamp=__import__("datetime").datetime(2024, 5, 1),
                status="CREATING",
            )
        )
        sms.save_state(tmp_path / "state.json")
    sms_voice_server.load_state(tmp_path / "state.json")

    record = sms_voice_server.advance("pool", "pool-seeded")
    assert record["status"] == "ACTIVE"
    assert record["pool_id"] == "pool-seeded"

    sms_voice_server.set_lifecycle("pool", "after", 60)
    assert sms_voice_server.state()["world"]["lifecycle"]["modes"]["pool"]["kind"] == "after"


def test_advance_an_unknown_resource(sms_voice_server: Client) -> None:
    with pytest.raises(ControlError) as caught:
        sms_voice_server.advance("pool", "pool-none")
    assert caught.value.status == 404
    assert caught.value.code == "ResourceNotFoundException"


def test_advance_looks_in_every_region_as_receive_does(sms_voice_server: Client) -> None:
    # A phone number of eu-west-2, advanced without naming the region: found there, as
    # receive finds a number of any region.
    london = sms_voice_server.boto3_client("eu-west-2")
    number = toll_free_number(london, ("SMS",))

    record = sms_voice_server.advance("phone-number", number["PhoneNumberId"], "DELETED")

    assert (record["phone_number_id"], record["status"]) == (number["PhoneNumberId"], "DELETED")
    [described] = london.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])[
        "PhoneNumbers"
    ]
    assert described["Status"] == "DELETED"


def test_an_unknown_resource_names_the_regions_searched(sms_voice_server: Client) -> None:
    sms_voice_server.boto3_client("eu-west-2").create_opt_out_list(OptOutListName="here")
    sms_voice_server.boto3_client("us-east-1").create_opt_out_list(OptOutListName="there")

    with pytest.raises(ControlError) as advanced:
        sms_voice_server.advance("phone-number", "phone-none")
    with pytest.raises(ControlError) as received:
        sms_voice_server.receive("+12065550100", "+18005550199", "HELLO")

    for caught in (advanced, received):
        assert caught.value.status == 404
        assert "eu-west-2" in caught.value.message
        assert "us-east-1" in caught.value.message


def test_every_public_handle_method_is_a_client_method() -> None:
    # One list (handle_checks.remote_methods) serves the server's handle/<name> endpoint, the
    # names its 404 gives, and this check: a handle method without a Client method of the same
    # name fails here.
    for name in remote_methods(SmsVoiceMock):
        assert hasattr(Client, name), f"Client has no {name}()"
        wanted = set(inspect.signature(getattr(SmsVoiceMock, name)).parameters) - {"self"}
        offered = set(inspect.signature(getattr(Client, name)).parameters) - {"self"}
        assert wanted <= offered, (name, wanted - offered)
    # What a Client reaches through endpoints of their own: the handle's two properties, and
    # save_state and load_state on a file of the caller's (GET and POST state).
    for name in ("sent_messages", "inbound_messages", "save_state", "load_state"):
        assert callable(getattr(Client, name)), f"Client has no {name}()"


def test_set_fate_and_spend_through_the_server(sms_voice_server: Client) -> None:
    client = sms_voice_server.boto3_client()
    number = toll_free_number(client, ("SMS",))
    record_events(client)
    sms_voice_server.set_fate("+12065550100", "BLOCKED", delay=timedelta(seconds=0))

    client.send_text_message(
        DestinationPhoneNumber="+12065550100",
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hi",
        ConfigurationSetName="cs",
    )

    assert [e["event_type"] for e in sms_voice_server.events("cs")] == ["TEXT_BLOCKED"]
    assert sms_voice_server.spend("SMS") > 0
    sms_voice_server.clear_fates()
    assert sms_voice_server.settle_events() == []


def test_any_handle_method(sms_voice_server: Client) -> None:
    sms_voice_server.call(
        "map_access_key", access_key_id="AKIAEXAMPLE0000001", account_id="444455556666"
    )
    client = sms_voice_server.boto3_client(aws_access_key_id="AKIAEXAMPLE0000001")

    made = client.create_opt_out_list(OptOutListName="mapped")

    assert made["OptOutListArn"].split(":")[4] == "444455556666"


def test_sent_messages_over_http_are_the_handles_records(sms_voice_server: Client) -> None:
    from smsmock.faces.server.control import plain
    from smsmock.records.messages import SentMessage

    client = sms_voice_server.boto3_client()
    sms_voice_server.set_sandbox(False)
    number = toll_free_number(client)
    sent = client.send_text_message(
        DestinationPhoneNumber="+12065550100",
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Your order shipped",
        Context={"order": "42"},
    )

    [message] = sms_voice_server.sent_messages()

    assert set(message) == set(SentMessage.__dataclass_fields__)
    assert message["message_id"] == sent["MessageId"]
    assert message["origination_identity"] == number["PhoneNumber"]
    assert message["context"] == {"order": "42"}
    # The same send in-process gives the same fields.
    with mock_sms_voice() as sms:
        sms.set_sandbox(False)
        local = boto3.client(SERVICE, region_name="us-east-1")
        origin = toll_free_number(local)["PhoneNumberId"]
        local.send_text_message(
            DestinationPhoneNumber="+12065550100",
            OriginationIdentity=origin,
            MessageBody="Your order shipped",
            Context={"order": "42"},
        )
        [record] = plain(list(sms.sent_messages))
    assert set(record) == set(message)
    varying = {"message_id", "timestamp", "origination_identity", "origination_identity_arn"}
    assert {k: v for k, v in record.items() if k not in varying} == {
        k: v for k, v in message.items() if k not in varying
    }


def test_inbound_stop_opts_the_sender_out(sms_voice_server: Client) -> None:
    client = sms_voice_server.boto3_client()
    number = toll_free_number(client)

    inbound = sms_voice_server.receive("+12065550100", number["PhoneNumber"], "STOP")

    assert inbound["action"] == "OPT_OUT"
    assert inbound["reply"]["operation"] == "KeywordResponse"
    assert [m["message_id"] for m in sms_voice_server.inbound_messages()] == [inbound["message_id"]]
    assert [m["operation"] for m in sms_voice_server.sent_messages()] == ["KeywordResponse"]
    opted = client.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert [(x["OptedOutNumber"], x["EndUserOptedOut"]) for x in opted] == [("+12065550100", True)]


def test_inbound_to_a_number_nobody_has(sms_voice_server: Client) -> None:
    with pytest.raises(ControlError) as caught:
        sms_voice_server.receive("+12065550100", "+18005550199", "HELP")
    assert caught.value.status == 404


@pytest.mark.parametrize(("sandboxed", "tier"), [(True, "SANDBOXED"), (False, "PRODUCTION")])
def test_sandbox_setting(sms_voice_server: Client, sandboxed: bool, tier: str) -> None:
    sms_voice_server.set_sandbox(sandboxed, region="eu-west-2")
    attributes = sms_voice_server.boto3_client("eu-west-2").describe_account_attributes()
    assert {"Name": "ACCOUNT_TIER", "Value": tier} in attributes["AccountAttributes"]


def test_events_start_empty(sms_voice_server: Client) -> None:
    assert sms_voice_server.events() == []
    assert sms_voice_server.events(event_type="TEXT_DELIVERED") == []


def test_control_refuses_a_misspelt_name_naming_the_close_match(sms_voice_server: Client) -> None:
    with pytest.raises(ControlError) as caught:
        sms_voice_server.events(event_type="TEXT_DELIVERD")
    assert caught.value.status == 400
    assert "Did you mean 'TEXT_DELIVERED'" in caught.value.message


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "message"),
    [
        ("GET", "nowhere", None, 404, "No control endpoint GET /_smsmock/nowhere"),
        ("POST", "quota", b"{not json", 400, "not JSON"),
        ("POST", "quota", b"[1]", 400, "JSON object"),
        ("POST", "quota", b'{"colour": 1}', 400, "TypeError"),
        ("POST", "lifecycle", b'{"resource_type": "pool", "mode": "later"}', 400, "later"),
        ("POST", "handle/start", b"{}", 404, "No control endpoint"),
        ("POST", "handle/_fresh", b"{}", 404, "No control endpoint"),
        ("POST", "state", b'{"format": "smsmock-state", "version": 99}', 400, "version 99"),
    ],
)
def test_bad_control_requests(
    sms_voice_server: Client, method: str, path: str, body: bytes | None, status: int, message: str
) -> None:
    import urllib.error
    import urllib.request

    url = f"{sms_voice_server.url}/_smsmock/{path}"
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"}, method=method)
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == status
    assert message in json.loads(caught.value.read())["message"]


def test_state_over_http(sms_voice_server: Client, tmp_path: Path) -> None:
    client = sms_voice_server.boto3_client()
    client.create_opt_out_list(OptOutListName="kept", Tags=[{"Key": "k", "Value": "v"}])
    before = client.describe_opt_out_lists()["OptOutLists"]
    sms_voice_server.save_state(tmp_path / "state.json")
    sms_voice_server.reset()

    sms_voice_server.load_state(tmp_path / "state.json")

    assert client.describe_opt_out_lists()["OptOutLists"] == before
    # The file is the handle's format: it loads in-process as well.
    with mock_sms_voice() as sms:
        sms.load_state(tmp_path / "state.json")
        local = boto3.client(SERVICE, region_name="us-east-1")
        assert local.describe_opt_out_lists()["OptOutLists"] == before


# -- many clients at once ----------------------------------------------------------------------

THREADS = 16
ROUNDS = 5


def test_sixteen_threads_of_writes_lose_nothing(sms_voice_server: Client) -> None:
    sms_voice_server.set_quota("OPT_OUT_LISTS_PER_ACCOUNT", 1000)
    shared = sms_voice_server.boto3_client().create_opt_out_list(OptOutListName="shared")
    clients = [sms_voice_server.boto3_client() for _ in range(THREADS)]
    failures: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def work(worker: int) -> None:
        try:
            start.wait()
            for i in range(ROUNDS):
                clients[worker].create_opt_out_list(OptOutListName=f"list-{worker}-{i}")
                clients[worker].tag_resource(
                    ResourceArn=shared["OptOutListArn"],
                    Tags=[{"Key": f"tag-{worker}-{i}", "Value": str(i)}],
                )
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert failures == []
    client = sms_voice_server.boto3_client()
    names = {
        x["OptOutListName"]
        for page in client.get_paginator("describe_opt_out_lists").paginate()
        for x in page["OptOutLists"]
    }
    wanted = {f"list-{w}-{i}" for w in range(THREADS) for i in range(ROUNDS)}
    assert names == wanted | {"Default", "shared"}
    tags = client.list_tags_for_resource(ResourceArn=shared["OptOutListArn"])["Tags"]
    assert {t["Key"] for t in tags} == {
        f"tag-{w}-{i}" for w in range(THREADS) for i in range(ROUNDS)
    }


# -- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_server_stops_cleanly_on_a_signal(signum: int) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "smsmock", "server", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("smsmock server listening on http://127.0.0.1:")
    Client(line.split()[-1]).health()

    process.send_signal(signum)
    out, err = process.communicate(timeout=30)

    assert process.returncode == 0
    assert f"stopped ({signal.Signals(signum).name})" in out
    assert "Traceback" not in err


def test_the_server_starts_from_a_state_file(tmp_path: Path) -> None:
    with mock_sms_voice() as sms:
        boto3.client(SERVICE, region_name="us-east-1").create_opt_out_list(OptOutListName="seeded")
        sms.save_state(tmp_path / "scenario.json")

    with ServerProcess(state=tmp_path / "scenario.json") as server:
        lists = server.boto3_client().describe_opt_out_lists()["OptOutLists"]

    assert [x["OptOutListName"] for x in lists] == ["Default", "seeded"]


def test_the_server_refuses_a_state_file_of_another_version(tmp_path: Path) -> None:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps({"format": "smsmock-state", "version": 2}))

    done = subprocess.run(
        [sys.executable, "-m", "smsmock", "server", "--port", "0", "--state", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 1
    assert "format version 2" in done.stderr
    assert "listening" not in done.stdout


def test_a_server_in_this_process_goes_over_http() -> None:
    # Server() serves this process's state without switching the in-process mock on, so a
    # client here really sends HTTP (the request count shows it went through the socket).
    with Server() as server:
        client = Client(server.url)
        client.reset(settings=True)
        made = client.boto3_client().create_opt_out_list(OptOutListName="threaded")
        assert made["ResponseMetadata"]["HTTPHeaders"]["server"].startswith("BaseHTTP")
        assert client.health()["status"] == "ok"
        client.reset(settings=True)


def test_a_chunked_body_is_read() -> None:
    import http.client

    with Server() as server:
        Client(server.url).reset(settings=True)
        host, port = server.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        headers = {
            "X-Amz-Target": "PinpointSMSVoiceV2.CreateOptOutList",
            "Content-Type": "application/x-amz-json-1.0",
        }
        chunks = iter([b'{"OptOutList', b'Name": "chunky"}'])
        connection.request("POST", "/", body=chunks, headers=headers, encode_chunked=True)
        answer = connection.getresponse()
        body = json.loads(answer.read())
        connection.close()
        Client(server.url).reset(settings=True)

    assert answer.status == 200
    assert body["OptOutListName"] == "chunky"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("reset", {}),
        ("reset", {"settings": True}),
        ("quota", {"name": "POOLS_PER_ACCOUNT", "value": 2}),
        ("lifecycle", {"resource_type": "pool", "mode": "manual"}),
        ("sandbox", {"sandboxed": False}),
        ("handle/set_default_account", {"account_id": "444455556666"}),
        ("handle/clear_fates", {}),
    ],
)
def test_a_control_post_that_returns_nothing_answers_an_empty_object(
    sms_voice_server: Client, path: str, body: dict[str, Any]
) -> None:
    request = urllib.request.Request(
        f"{sms_voice_server.url}/_smsmock/{path}",
        json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200
        assert json.loads(answer.read()) == {}


def test_an_unknown_handle_method_is_refused_naming_those_there_are(
    sms_voice_server: Client,
) -> None:
    with pytest.raises(ControlError) as caught:
        sms_voice_server.call("set_default_acount", account_id="444455556666")

    assert caught.value.status == 404
    message = caught.value.message
    assert "POST /_smsmock/handle/<method>" in message
    callable_there = message.rpartition(": ")[2].rstrip(".").split(", ")
    assert {"set_default_account", "set_fate", "map_access_key", "spend"} <= set(callable_there)
    assert not {"start", "stop", "save_state", "load_state"} & set(callable_there)
    # The one list the endpoint calls and the Client mirrors (handle_checks.remote_methods).
    assert callable_there == remote_methods(SmsVoiceMock)
