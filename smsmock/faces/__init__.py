"""Faces: how users switch smsmock on and look inside — the decorator and its handle, the pytest
plugin, the command line, the server and state files. The top layer; see docs/architecture.md.

The pytest plugin reaches the handle and the server as ``faces.mock`` and ``faces.server``,
imported when a fixture first runs, not when pytest starts (:mod:`smsmock.state.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smsmock.state.lazy import lazy_attributes

if TYPE_CHECKING:  # imported at first read (below); named here for mypy and import-linter
    from smsmock.faces import mock as mock
    from smsmock.faces import server as server

__getattr__ = lazy_attributes(
    __name__, {"mock": "smsmock.faces.mock", "server": "smsmock.faces.server"}
)
