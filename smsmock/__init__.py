"""smsmock: an in-process mock of AWS End User Messaging SMS and Voice v2 for boto3 and botocore.

Importing it registers the botocore hook; nothing is answered until a mock is started.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from smsmock.hook import install as _install
from smsmock.mock import SmsVoiceMock, mock_sms_voice

if TYPE_CHECKING:
    from smsmock.inbound import InboundMessage
    from smsmock.resources.configuration_sets import EventRecord
    from smsmock.resources.messages import SentMessage
    from smsmock.resources.notify import NotifyConfiguration
    from smsmock.resources.rcs_agents import CarrierStatus, CountryLaunch
    from smsmock.state_file import StateFileError

__all__ = [
    "CarrierStatus",
    "CountryLaunch",
    "EventRecord",
    "InboundMessage",
    "NotifyConfiguration",
    "SentMessage",
    "SmsVoiceMock",
    "StateFileError",
    "__version__",
    "mock_sms_voice",
]
__version__ = "0.1.0"

_RECORDS = {
    "CarrierStatus": "smsmock.resources.rcs_agents",
    "CountryLaunch": "smsmock.resources.rcs_agents",
    "EventRecord": "smsmock.resources.configuration_sets",
    "InboundMessage": "smsmock.inbound",
    "NotifyConfiguration": "smsmock.resources.notify",
    "SentMessage": "smsmock.resources.messages",
    "StateFileError": "smsmock.state_file",
}
"""The records the handle returns, and where they live. They are imported on first use: their
modules load the operation families and phonenumbers' data, which ``import smsmock`` (done by
the pytest plugin at every pytest start) should not pay for."""


def __getattr__(name: str) -> Any:
    module = _RECORDS.get(name)
    if module is None:
        raise AttributeError(f"module 'smsmock' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


_install()
