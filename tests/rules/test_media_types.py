"""SendMediaMessage's media file types (the user guide's "MMS file types"), through boto3."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from smsmock import SmsVoiceMock
from tests.helpers import expect_error, toll_free_number

US_DEST = "+12065550100"


@pytest.fixture
def mms_number(client: Any) -> str:
    number: str = toll_free_number(client, ("SMS", "MMS"))["PhoneNumberId"]
    return number


def send(client: Any, number: str, *urls: str) -> dict[str, Any]:
    response: dict[str, Any] = client.send_media_message(
        DestinationPhoneNumber=US_DEST, OriginationIdentity=number, MediaUrls=list(urls)
    )
    return response


@pytest.mark.parametrize(
    "key",
    [
        "cat.png",
        "cat.JPG",
        "clip.mp4",
        "song.mp3",
        "card.vcf",
        "menu.pdf",
        "a/b/noextension",
        "v1.2/photo.png",
        "clips/wav",  # no extension: "wav" is the name, not its type
    ],
)
def test_supported_or_unknowable_types_are_sent(
    client: Any, sms_voice: SmsVoiceMock, mms_number: str, key: str
) -> None:
    send(client, mms_number, f"s3://media-bucket/{key}")
    assert sms_voice.sent_messages[-1].media_urls == (f"s3://media-bucket/{key}",)


@pytest.mark.parametrize(
    ("key", "mime"),
    [
        ("notes.txt", "text/plain"),
        ("photo.bmp", "image/bmp"),
        ("tune.wav", "audio/wav"),
        ("report.final.txt", "text/plain"),  # the type is the last extension
    ],
)
def test_an_unsupported_type_is_refused(
    client: Any, sms_voice: SmsVoiceMock, mms_number: str, key: str, mime: str
) -> None:
    with pytest.raises(ClientError) as caught:
        send(client, mms_number, f"s3://media-bucket/{key}")
    expect_error(
        caught,
        "ValidationException",
        "MEDIA_TYPE_NOT_SUPPORTED",
        message=f"s3://media-bucket/{key}",
        fields={"MediaUrls[0]": mime},
    )
    assert list(sms_voice.sent_messages) == []
