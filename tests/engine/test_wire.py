"""The JSON 1.0 wire: region and account from the request, errors as the service writes them."""

from __future__ import annotations

import json
import os
import uuid
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock, mock_sms_voice
from smsmock.engine import handlers, wire
from smsmock.state import registry
from smsmock.state.ids import new_id, new_uuid
from smsmock.state.world import WORLD
from tests.helpers import expect_error
from tests.installed_model import needs_operations

ARN = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123"


def raw(target: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    request = wire.Request(
        "POST",
        "https://sms-voice.ca-central-1.amazonaws.com/",
        {"X-Amz-Target": target, **(headers or {})},
        body,
    )
    response = wire.handle(request, WORLD)
    assert response.headers["Content-Type"] == "application/x-amz-json-1.0"
    assert response.headers["x-amzn-RequestId"]
    return response.status, json.loads(response.body)


def _as_response(body: dict[str, Any]) -> dict[str, Any]:
    """A JSON error body as botocore parses it: ``__type`` and ``Message`` under ``Error``."""
    return {"Error": {"Code": body["__type"], "Message": body["Message"]}, **body}


def make_client(**kwargs: Any) -> Any:
    return boto3.client("pinpoint-sms-voice-v2", **kwargs)


def test_region_from_signing_scope(sms_voice: SmsVoiceMock) -> None:
    client = make_client(region_name="ap-southeast-2")
    with pytest.raises(ClientError):
        client.list_tags_for_resource(ResourceArn=ARN)
    assert [b.region for b in sms_voice.backends()] == ["ap-southeast-2"]


def test_region_from_host_when_unsigned(sms_voice: SmsVoiceMock) -> None:
    status, _ = raw(
        "PinpointSMSVoiceV2.ListTagsForResource", b'{"ResourceArn": "%s"}' % ARN.encode()
    )
    assert status == 400
    assert [b.region for b in sms_voice.backends()] == ["ca-central-1"]


@pytest.mark.parametrize(
    "key,account",
    [("testing", "123456789012"), ("210987654321", "210987654321"), ("AKIDMAPPED", "555555555555")],
)
def test_account_from_access_key(sms_voice: SmsVoiceMock, key: str, account: str) -> None:
    sms_voice.map_access_key("AKIDMAPPED", "555555555555")
    client = make_client(region_name="us-east-1", aws_access_key_id=key, aws_secret_access_key="s")
    with pytest.raises(ClientError):
        client.list_tags_for_resource(ResourceArn=ARN)
    assert [b.account_id for b in sms_voice.backends()] == [account]


def test_default_account_can_be_chosen() -> None:
    with mock_sms_voice(default_account_id="999988887777") as sms:
        with pytest.raises(ClientError):
            make_client(region_name="us-east-1").list_tags_for_resource(ResourceArn=ARN)
        assert sms.backend().account_id == "999988887777"
        assert [b.account_id for b in sms.backends()] == ["999988887777"]


def test_access_keys_option() -> None:
    with mock_sms_voice(access_keys={"AKIDX": "444455556666"}) as sms:
        client = make_client(
            region_name="us-east-1", aws_access_key_id="AKIDX", aws_secret_access_key="s"
        )
        with pytest.raises(ClientError):
            client.list_tags_for_resource(ResourceArn=ARN)
        assert [b.account_id for b in sms.backends()] == ["444455556666"]


def test_error_members_and_status(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.list_tags_for_resource(ResourceArn=ARN)
    response = caught.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RequestId"]
    assert response["Message"] == response["Error"]["Message"]
    expect_error(
        response,
        "ResourceNotFoundException",
        message="pool-0123",
        resource_type="pool",
        resource_id="pool-0123",
    )


def test_unknown_target(sms_voice: SmsVoiceMock) -> None:
    status, body = raw("PinpointSMSVoiceV2.NoSuchThing", b"{}")
    assert status == 400
    expect_error(
        _as_response(body),
        "UnknownOperationException",
        message="'PinpointSMSVoiceV2.NoSuchThing'",
    )
    status, body = raw("SomeOtherService.ListTagsForResource", b"{}")
    expect_error(
        _as_response(body),
        "UnknownOperationException",
        message="'SomeOtherService.ListTagsForResource'",
    )


@pytest.mark.parametrize("standard_library", [False, True])
@pytest.mark.parametrize(
    ("body", "said"),
    [(b"{not json", "not valid JSON"), (b"[1, 2]", "JSON object"), (b"\xff\xfe", "not valid JSON")],
)
def test_unparseable_body(
    sms_voice: SmsVoiceMock,
    body: bytes,
    said: str,
    standard_library: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if standard_library:
        monkeypatch.setattr(wire, "decode", json.loads)
    status, answer = raw("PinpointSMSVoiceV2.ListTagsForResource", body)
    assert status == 400
    expect_error(_as_response(answer), "ValidationException", "CANNOT_PARSE", message=said)


def test_empty_body_is_an_empty_input(sms_voice: SmsVoiceMock) -> None:
    _status, answer = raw("PinpointSMSVoiceV2.ListTagsForResource", b"")
    expect_error(
        _as_response(answer),
        "ValidationException",
        "MISSING_PARAMETER",
        message="ResourceArn",
        fields={"ResourceArn": "must not be null"},
    )


def test_operation_without_handler_names_itself(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    handlers.load_resources()
    monkeypatch.delitem(registry.HANDLERS, "ListTagsForResource")
    with pytest.raises(ClientError) as caught:
        client.list_tags_for_resource(ResourceArn=ARN)
    error = caught.value.response
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 501
    expect_error(error, "NotImplementedException", message="ListTagsForResource")
    assert error["ResponseMetadata"]["RetryAttempts"] == 0


def test_standard_library_encoder_writes_the_same_json(client: Any) -> None:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
        Tags=[{"Key": "café", "Value": "naïve ✓"}],
    )
    answer = {k: v for k, v in number.items() if k != "ResponseMetadata"}
    answer["CreatedTimestamp"] = answer["CreatedTimestamp"].timestamp()
    assert json.loads(wire.encode_json(answer)) == json.loads(wire.encode(answer))


def test_request_and_message_ids_are_distinct_version_4_uuids(
    client: Any, sms_voice: SmsVoiceMock
) -> None:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    sms_voice.register_phone_number(number["PhoneNumberId"])
    ids = [number["ResponseMetadata"]["RequestId"]]
    for _ in range(50):
        sent = client.send_text_message(
            DestinationPhoneNumber="+12065550100",
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hi",
        )
        ids += [sent["MessageId"], sent["ResponseMetadata"]["RequestId"]]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 4, uuid.RFC_4122)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_makes_other_ids() -> None:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.write(write, f"{new_uuid()} {new_id('pool')}".encode())
        os._exit(0)
    os.waitpid(pid, 0)
    child_uuid, child_id = os.read(read, 200).decode().split()
    assert child_uuid[:24] != new_uuid()[:24]
    assert child_id != new_id("pool")


@needs_operations("CreateRcsAgent")
def test_a_null_member_is_a_member_not_sent(sms_voice: SmsVoiceMock) -> None:
    status, agent = raw(
        "PinpointSMSVoiceV2.CreateRcsAgent", b'{"DeletionProtectionEnabled": null, "Tags": null}'
    )
    assert status == 200
    assert agent["DeletionProtectionEnabled"] is False
    body = json.dumps({"RcsAgentId": agent["RcsAgentId"], "DeletionProtectionEnabled": None})
    status, updated = raw("PinpointSMSVoiceV2.UpdateRcsAgent", body.encode())
    assert (status, updated["DeletionProtectionEnabled"]) == (200, False)
    status, page = raw("PinpointSMSVoiceV2.DescribeRcsAgents", b'{"MaxResults": null}')
    assert status == 200
    assert None not in page["RcsAgents"][0].values()
    status, error = raw("PinpointSMSVoiceV2.DeleteRcsAgent", b'{"RcsAgentId": null}')
    assert status == 400
    expect_error(
        _as_response(error),
        "ValidationException",
        "MISSING_PARAMETER",
        message="RcsAgentId",
        fields={"RcsAgentId": "must not be null"},
    )
