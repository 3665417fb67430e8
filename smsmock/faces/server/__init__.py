"""Server mode: ``smsmock server`` answers any client over HTTP with the in-process wire code.

- :class:`Server` — the HTTP server (in this process: ``with Server() as server``);
- :class:`ServerProcess` — ``smsmock server`` as a child process on a free port;
- :class:`Client` — the control endpoints under ``/_smsmock/`` as Python methods.
"""

from smsmock.faces.server.client import Client, ServerProcess
from smsmock.faces.server.control import ControlError
from smsmock.faces.server.http import Server

__all__ = ["Client", "ControlError", "Server", "ServerProcess"]
