"""The smallest round trip: a modeled error through a real boto3 client."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError


def test_unknown_tagged_resource_is_not_found(client: Any) -> None:
    arn = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123"
    with pytest.raises(ClientError) as caught:
        client.list_tags_for_resource(ResourceArn=arn)
    assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert caught.value.response["ResourceType"] == "pool"
    assert caught.value.response["ResourceId"] == "pool-0123"
