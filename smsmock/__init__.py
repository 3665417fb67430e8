"""smsmock: an in-process mock of AWS End User Messaging SMS and Voice v2 for boto3 and botocore.

Importing it registers the botocore hook; nothing is answered until a mock is started. The
records the handle returns are exported here, so user code can name them in type hints.
"""

from smsmock.engine.hook import install as _install
from smsmock.faces.mock import SmsVoiceMock, mock_sms_voice
from smsmock.faces.state_file import StateFileError
from smsmock.faces.version import __version__
from smsmock.records.bus_events import BusEvent
from smsmock.records.configuration_sets import EventRecord
from smsmock.records.deliveries import Delivery
from smsmock.records.messages import SentMessage
from smsmock.records.notify import NotifyConfiguration
from smsmock.records.rcs_agents import CarrierStatus, CountryLaunch
from smsmock.rules.inbound import InboundMessage

__all__ = [
    "BusEvent",
    "CarrierStatus",
    "CountryLaunch",
    "Delivery",
    "EventRecord",
    "InboundMessage",
    "NotifyConfiguration",
    "SentMessage",
    "SmsVoiceMock",
    "StateFileError",
    "__version__",
    "mock_sms_voice",
]

_install()
