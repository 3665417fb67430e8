"""smsmock: an in-process mock of AWS End User Messaging SMS and Voice v2 for boto3 and botocore.

Importing it registers the botocore hook; nothing is answered until a mock is started. The
records and state the handle returns are exported here (``backend()`` returns a
:class:`Backend`, ``advance()`` a :class:`Record`), so user code can name them in type hints.

The import registers the hook and no more: each name below is imported at its first read, and
what answers requests at the first request (:mod:`smsmock.state.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smsmock.engine.hook import install as _install
from smsmock.faces.version import __version__
from smsmock.state.lazy import lazy_attributes

if TYPE_CHECKING:  # imported at first read (below); named here for mypy and import-linter
    from smsmock.faces.mock import SmsVoiceMock, mock_sms_voice
    from smsmock.faces.state_file import StateFileError
    from smsmock.records.bus_events import BusEvent
    from smsmock.records.configuration_sets import EventRecord
    from smsmock.records.deliveries import Delivery
    from smsmock.records.messages import SentMessage
    from smsmock.records.notify import NotifyConfiguration
    from smsmock.records.rcs_agents import CarrierStatus, CountryLaunch
    from smsmock.rules.inbound import InboundMessage
    from smsmock.state.tables import Record
    from smsmock.state.world import Backend

__all__ = [
    "Backend",
    "BusEvent",
    "CarrierStatus",
    "CountryLaunch",
    "Delivery",
    "EventRecord",
    "InboundMessage",
    "NotifyConfiguration",
    "Record",
    "SentMessage",
    "SmsVoiceMock",
    "StateFileError",
    "__version__",
    "mock_sms_voice",
]

__getattr__ = lazy_attributes(
    __name__,
    {
        "CarrierStatus": "smsmock.records.rcs_agents:CarrierStatus",
        "CountryLaunch": "smsmock.records.rcs_agents:CountryLaunch",
        "Delivery": "smsmock.records.deliveries:Delivery",
        "EventRecord": "smsmock.records.configuration_sets:EventRecord",
        "InboundMessage": "smsmock.rules.inbound:InboundMessage",
        "NotifyConfiguration": "smsmock.records.notify:NotifyConfiguration",
        "SentMessage": "smsmock.records.messages:SentMessage",
        "SmsVoiceMock": "smsmock.faces.mock:SmsVoiceMock",
        "StateFileError": "smsmock.faces.state_file:StateFileError",
        "Backend": "smsmock.state.world:Backend",
        "BusEvent": "smsmock.records.bus_events:BusEvent",
        "Record": "smsmock.state.tables:Record",
        "mock_sms_voice": "smsmock.faces.mock:mock_sms_voice",
    },
)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


_install()
