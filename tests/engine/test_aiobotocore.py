"""aiobotocore clients inside ``mock_sms_voice``: answered in-process by the same hook.

The tests run their coroutines with ``asyncio.run``, so no async pytest plugin is needed.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock, mock_sms_voice
from tests.helpers import count_hmacs, expect_error, no_credentials, record_requests

aiobotocore_session = pytest.importorskip("aiobotocore.session")

SERVICE = "pinpoint-sms-voice-v2"


async def _round_trip(region: str) -> dict[str, Any]:
    session = aiobotocore_session.get_session()
    async with session.create_client(SERVICE, region_name=region) as client:
        made = await client.create_opt_out_list(
            OptOutListName="async", Tags=[{"Key": "k", "Value": "v"}]
        )
        listed = await client.describe_opt_out_lists()
        tags = await client.list_tags_for_resource(ResourceArn=made["OptOutListArn"])
        with pytest.raises(ClientError) as caught:
            await client.delete_opt_out_list(OptOutListName="Default")
        return {
            "made": made,
            "names": [x["OptOutListName"] for x in listed["OptOutLists"]],
            "tags": tags["Tags"],
            "error": caught.value.response,
        }


def test_a_decorated_coroutine_is_answered_in_process() -> None:
    @mock_sms_voice
    async def scenario() -> dict[str, Any]:
        return await _round_trip("eu-west-1")

    seen = asyncio.run(scenario())

    assert seen["made"]["OptOutListArn"].startswith("arn:aws:sms-voice:eu-west-1:")
    assert seen["names"] == ["Default", "async"]
    assert seen["tags"] == [{"Key": "k", "Value": "v"}]
    expect_error(
        seen["error"],
        "ConflictException",
        "RESOURCE_DELETION_NOT_ALLOWED",
        message="Default",
        resource_type="opt-out-list",
        resource_id="Default",
    )


def test_async_and_sync_clients_share_the_state(client: Any, sms_voice: SmsVoiceMock) -> None:
    asyncio.run(_round_trip("us-east-1"))

    names = [x["OptOutListName"] for x in client.describe_opt_out_lists()["OptOutLists"]]

    assert names == ["Default", "async"]


def test_not_found_errors_reach_async_clients(sms_voice: SmsVoiceMock) -> None:
    async def scenario() -> Any:
        session = aiobotocore_session.get_session()
        async with session.create_client(SERVICE, region_name="us-east-1") as client:
            with pytest.raises(ClientError) as caught:
                await client.describe_opted_out_numbers(OptOutListName="missing")
            return caught.value.response

    response = asyncio.run(scenario())

    expect_error(
        response,
        "ResourceNotFoundException",
        message="missing",
        resource_type="opt-out-list",
        resource_id="missing",
    )


def test_a_client_without_credentials_is_lent_fake_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    no_credentials(monkeypatch)

    async def scenario() -> list[Any]:
        session = aiobotocore_session.get_session()
        async with session.create_client(SERVICE, region_name="us-east-1") as client:
            assert client._request_signer._credentials is None
            with mock_sms_voice():
                answer = await client.describe_pools()
        return list(answer["Pools"])

    assert asyncio.run(scenario()) == []


def test_async_requests_carry_the_placeholder_signature(
    sms_voice: SmsVoiceMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sms_voice.map_access_key("AKIDASYNC", "444455556666")
    hmacs = count_hmacs(monkeypatch)
    fired: list[str] = []

    async def scenario() -> tuple[dict[str, Any], list[dict[str, str]]]:
        session = aiobotocore_session.get_session()
        async with session.create_client(
            SERVICE,
            region_name="ap-northeast-1",
            aws_access_key_id="AKIDASYNC",
            aws_secret_access_key="secret",
        ) as client:
            for event in ("choose-signer", "before-sign", "before-send"):
                client.meta.events.register(
                    f"{event}.{SERVICE}", lambda event=event, **kwargs: fired.append(event)
                )
            sent = record_requests(client)
            made = await client.create_opt_out_list(OptOutListName="async")
        return made, sent

    made, sent = asyncio.run(scenario())

    arn = "arn:aws:sms-voice:ap-northeast-1:444455556666:opt-out-list/async"
    assert made["OptOutListArn"] == arn
    assert hmacs == []
    assert fired == ["choose-signer", "before-sign", "before-send"]
    credential, signed_headers, signature = sent[0]["Authorization"].split(", ")
    assert credential.startswith("AWS4-HMAC-SHA256 Credential=AKIDASYNC/")
    assert credential.endswith("/ap-northeast-1/sms-voice/aws4_request")
    assert signed_headers == "SignedHeaders=content-type;host;x-amz-date;x-amz-target"
    assert signature == "Signature=" + "0" * 64
