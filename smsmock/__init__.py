"""smsmock: an in-process mock of AWS End User Messaging SMS and Voice v2 for boto3 and botocore.

Importing it registers the botocore hook; nothing is answered until a mock is started.
"""

from smsmock.engine.hook import install as _install
from smsmock.faces.mock import SmsVoiceMock, mock_sms_voice
from smsmock.faces.version import __version__

__all__ = ["SmsVoiceMock", "__version__", "mock_sms_voice"]

_install()
