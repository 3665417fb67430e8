"""Notify configurations beyond their operations: deciding a tier upgrade (AWS reviews it; a test
decides through the handle)."""

from __future__ import annotations

from smsmock.records.notify import (
    NotifyConfiguration,
    notify_configuration,
)
from smsmock.state.world import Backend


def upgrade_tier(backend: Backend, ref: str, approved: bool = True) -> NotifyConfiguration:
    """Decide a tier upgrade (AWS reviews the request; a test decides here): ``ADVANCED``, or
    ``REJECTED`` keeping the ``BASIC`` tier."""
    record = notify_configuration(backend, ref)
    record.tier = "ADVANCED" if approved else record.tier
    record.tier_upgrade_status = "ADVANCED" if approved else "REJECTED"
    return record
