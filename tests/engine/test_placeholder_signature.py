"""Requests the mock answers carry a placeholder SigV4 signature: botocore's headers without the
signature's arithmetic. Everything else a user can see stays (credentials, the account an access
key picks, the region, the signing events); other services, requests without a mock and server
mode are signed for real."""

from __future__ import annotations

import re
from typing import Any

import boto3
import botocore
import pytest
from botocore.awsrequest import AWSResponse
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock, mock_sms_voice
from smsmock.engine.environment import FAKE_ACCESS_KEY_ID
from smsmock.engine.hook import EVENT, before_send
from smsmock.faces.server import Client
from tests.helpers import count_hmacs, no_credentials, record_requests

SERVICE = "pinpoint-sms-voice-v2"
PLACEHOLDER = "0" * 64
AUTHORIZATION = re.compile(
    r"AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/"
    r"(?P<service>[^/]+)/aws4_request, SignedHeaders=(?P<signed>[a-z0-9;-]+), "
    r"Signature=(?P<signature>[0-9a-f]{64})"
)


def authorization(headers: dict[str, str]) -> dict[str, str]:
    """The parts of a SigV4 ``Authorization`` header; its date is the request's ``X-Amz-Date``."""
    match = AUTHORIZATION.fullmatch(headers["Authorization"])
    assert match is not None, headers["Authorization"]
    assert match["date"] == headers["X-Amz-Date"][:8]
    return match.groupdict()


def real_signature(headers: dict[str, str]) -> str:
    """The signature of a request signed for real: 64 hex digits, not the placeholder."""
    signature = authorization(headers)["signature"]
    assert signature != PLACEHOLDER
    return signature


def answer_with(client: Any, body: bytes) -> None:
    """Answer ``client``'s requests with ``body`` when no mock does (nothing leaves the test)."""

    def canned(request: Any, **kwargs: Any) -> AWSResponse:
        response = AWSResponse(request.url, 200, {}, None)
        response._content = body
        return response

    client.meta.events.register("before-send", canned)


def client_in(region: str, access_key_id: str = "AKIDEXAMPLE", **kwargs: Any) -> Any:
    return boto3.client(
        SERVICE,
        region_name=region,
        aws_access_key_id=access_key_id,
        aws_secret_access_key="secret",
        **kwargs,
    )


def test_answered_requests_compute_no_hmac(
    sms_voice: SmsVoiceMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    hmacs = count_hmacs(monkeypatch)
    client = client_in("us-east-1")
    sent = record_requests(client)

    client.describe_opt_out_lists()
    client.create_opt_out_list(OptOutListName="mine")
    with pytest.raises(ClientError):
        client.delete_opt_out_list(OptOutListName="missing")

    assert hmacs == []
    assert [authorization(headers)["signature"] for headers in sent] == [PLACEHOLDER] * 3


def test_a_client_the_hook_does_not_reach_computes_no_hmac_either(
    sms_voice: SmsVoiceMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A session without the hook stands for one made before ``import smsmock``: its requests
    # are answered at botocore's transport (the transport guard).
    session = boto3.session.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
    session._session.unregister(EVENT, before_send)
    client = session.client(SERVICE, region_name="ap-south-1")
    hmacs = count_hmacs(monkeypatch)

    lists = client.describe_opt_out_lists()["OptOutLists"]

    assert hmacs == []
    assert lists[0]["OptOutListArn"].startswith("arn:aws:sms-voice:ap-south-1:")


def test_the_headers_are_botocores_but_the_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    client = client_in("eu-west-2", aws_session_token="session-token")
    sent = record_requests(client)
    with mock_sms_voice():
        client.describe_opt_out_lists()
    answer_with(client, b'{"OptOutLists": []}')
    hmacs = count_hmacs(monkeypatch)
    client.describe_opt_out_lists()

    mocked, signed = sent
    assert authorization(mocked)["signature"] == PLACEHOLDER
    real_signature(signed)
    assert len(hmacs) == 5  # four derived keys and the signature itself
    for headers in (mocked, signed):
        assert headers["X-Amz-Security-Token"] == "session-token"
        parts = authorization(headers)
        assert (parts["key"], parts["region"], parts["service"]) == (
            "AKIDEXAMPLE",
            "eu-west-2",
            "sms-voice",
        )
        signed_headers = "content-type;host;x-amz-date;x-amz-security-token;x-amz-target"
        assert parts["signed"] == signed_headers
    assert set(mocked) == set(signed)


@pytest.mark.parametrize(
    "access_key_id,account",
    [
        ("AKIDMAPPED", "555555555555"),  # map_access_key
        ("210987654321", "210987654321"),  # a 12-digit key is its own account
        ("AKIDUNKNOWN", "111122223333"),  # any other key: the default account
    ],
)
def test_the_access_key_still_picks_the_account_and_the_client_the_region(
    sms_voice: SmsVoiceMock, monkeypatch: pytest.MonkeyPatch, access_key_id: str, account: str
) -> None:
    sms_voice.map_access_key("AKIDMAPPED", "555555555555")
    sms_voice.set_default_account("111122223333")
    hmacs = count_hmacs(monkeypatch)

    made = client_in("ca-central-1", access_key_id).create_opt_out_list(OptOutListName="mine")

    assert made["OptOutListArn"] == f"arn:aws:sms-voice:ca-central-1:{account}:opt-out-list/mine"
    assert hmacs == []


def test_refreshed_credentials_are_still_resolved(sms_voice: SmsVoiceMock) -> None:
    # botocore freezes a client's credentials for each request; refreshable ones are refreshed
    # there. The placeholder is written from what botocore resolved, as a signature would be.
    client = client_in("us-east-1")
    sent = record_requests(client)
    resolved: list[str] = []

    class Rotating(Credentials):  # type: ignore[misc]
        def get_frozen_credentials(self) -> Any:
            resolved.append(f"AKIDROTATED{len(resolved)}")
            return Credentials(resolved[-1], "secret").get_frozen_credentials()

    client._request_signer._credentials = Rotating("AKIDEXAMPLE", "secret")
    client.describe_opt_out_lists()
    client.describe_opt_out_lists()

    assert [authorization(headers)["key"] for headers in sent] == resolved
    assert resolved == ["AKIDROTATED0", "AKIDROTATED1"]


def test_a_client_without_credentials_signs_with_the_lent_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_credentials(monkeypatch)
    client = boto3.session.Session().client(SERVICE, region_name="eu-central-1")
    sent = record_requests(client)
    assert client._request_signer._credentials is None

    with mock_sms_voice():
        client.describe_pools()

    parts = authorization(sent[0])
    assert (parts["key"], parts["region"], parts["signature"]) == (
        FAKE_ACCESS_KEY_ID,
        "eu-central-1",
        PLACEHOLDER,
    )


def test_the_signing_events_fire_in_order_and_before_sign_still_counts(
    sms_voice: SmsVoiceMock,
) -> None:
    client = client_in("us-east-1")
    fired: list[str] = []

    def add_header(request: Any, **kwargs: Any) -> None:
        fired.append("before-sign")
        request.headers["X-Trace"] = "mine"

    client.meta.events.register(f"choose-signer.{SERVICE}", lambda **kw: fired.append("choose"))
    client.meta.events.register(f"before-sign.{SERVICE}", add_header)
    client.meta.events.register(f"before-send.{SERVICE}", lambda **kw: fired.append("send"))
    sent = record_requests(client)

    client.describe_opt_out_lists()

    assert fired == ["choose", "before-sign", "send"]
    assert "x-trace" in authorization(sent[0])["signed"].split(";")


def test_a_signature_version_chosen_by_a_handler_is_kept(sms_voice: SmsVoiceMock) -> None:
    client = client_in("sa-east-1")
    client.meta.events.register(f"choose-signer.{SERVICE}", lambda **kw: botocore.UNSIGNED)
    sent = record_requests(client)

    lists = client.describe_opt_out_lists()["OptOutLists"]

    assert "Authorization" not in sent[0]
    # Unsigned, the region is read from the host name (see docs/wire.md).
    assert lists[0]["OptOutListArn"].startswith("arn:aws:sms-voice:sa-east-1:")


def test_presigned_urls_are_signed_for_real(sms_voice: SmsVoiceMock) -> None:
    url = client_in("us-east-1").generate_presigned_url("describe_pools")

    match = re.search(r"X-Amz-Signature=([0-9a-f]{64})", url)
    assert match is not None
    assert match.group(1) != PLACEHOLDER


def test_moto_in_the_same_test_is_signed_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    moto = pytest.importorskip("moto")
    with moto.mock_aws(), mock_sms_voice():
        sns = boto3.client("sns", region_name="us-east-1")
        sms = boto3.client(SERVICE, region_name="us-east-1")
        sent_to_sns, sent_to_sms = record_requests(sns), record_requests(sms)
        hmacs = count_hmacs(monkeypatch)
        topic = sns.create_topic(Name="receipts")["TopicArn"]
        for_sns = len(hmacs)
        sms.describe_opt_out_lists()
        for_sms = len(hmacs) - for_sns
        sns.get_topic_attributes(TopicArn=topic)

    assert (for_sns, for_sms, len(hmacs)) == (5, 0, 10)
    assert [authorization(headers)["service"] for headers in sent_to_sns] == ["sns", "sns"]
    for headers in sent_to_sns:
        real_signature(headers)
    assert authorization(sent_to_sms[0])["signature"] == PLACEHOLDER


def test_without_a_mock_requests_are_signed_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    client = client_in("us-west-2")
    answer_with(client, b'{"Pools": []}')
    sent = record_requests(client)
    with mock_sms_voice():
        pass
    hmacs = count_hmacs(monkeypatch)

    client.describe_pools()

    real_signature(sent[0])
    assert len(hmacs) == 5


def test_server_mode_requests_are_signed_for_real(
    sms_voice_server: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = sms_voice_server.boto3_client("eu-west-1")
    sent = record_requests(client)
    hmacs = count_hmacs(monkeypatch)

    lists = client.describe_opt_out_lists()["OptOutLists"]

    real_signature(sent[0])
    assert len(hmacs) == 5
    assert lists[0]["OptOutListArn"].startswith("arn:aws:sms-voice:eu-west-1:")
