"""Server mode's public names, kept where users import them from (``from smsmock.server import
Client``); they live in :mod:`smsmock.faces.server`."""

from smsmock.faces.server import Client, ControlError, Server, ServerProcess

__all__ = ["Client", "ControlError", "Server", "ServerProcess"]
