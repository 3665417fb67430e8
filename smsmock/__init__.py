"""smsmock: an in-process mock of AWS End User Messaging SMS and Voice v2 for boto3 and botocore.

Importing it registers the botocore hook; nothing is answered until a mock is started. The
records and state the handle returns are exported here (``backend()`` returns a
:class:`Backend`, ``advance()`` a :class:`Record`), so user code can name them in type hints.
"""

from smsmock.engine.hook import install as _install
from smsmock.faces.mock import SmsVoiceMock, mock_sms_voice
from smsmock.faces.state_file import StateFileError
from smsmock.faces.version import __version__
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

_install()
