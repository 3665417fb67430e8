"""Small helpers the test files share."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError


def refused(call: Any, **kwargs: Any) -> dict[str, Any]:
    """The ``ClientError.response`` of a call that must fail."""
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    response: dict[str, Any] = caught.value.response
    return response


def record_events(client: Any, name: str = "cs") -> str:
    """A configuration set ``name`` whose event destination (SNS) takes every event type, so
    that the handle's ``events(name)`` shows each event a message sent with it produces."""
    client.create_configuration_set(ConfigurationSetName=name)
    client.create_event_destination(
        ConfigurationSetName=name,
        EventDestinationName="all",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"},
    )
    return name


def send_text(client: Any, origination: str, destination: str, body: str = "Hello") -> str:
    """Send a text with the configuration set of :func:`record_events`; its message id."""
    message_id: str = client.send_text_message(
        DestinationPhoneNumber=destination,
        OriginationIdentity=origination,
        MessageBody=body,
        ConfigurationSetName="cs",
    )["MessageId"]
    return message_id
