"""Engine: the botocore hook, the JSON 1.0 wire, dispatch, model-driven validation and output
writing. Below the faces, above the operations; see docs/architecture.md.

The wire, and through it dispatch, validation, the handlers and the event timeline, is imported
at the first request (``engine.wire``), not with the hook (:mod:`smsmock.state.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smsmock.state.lazy import lazy_attributes

if TYPE_CHECKING:  # imported at first read (below); named here for mypy and import-linter
    from smsmock.engine import wire as wire

__getattr__ = lazy_attributes(__name__, {"wire": "smsmock.engine.wire"})
