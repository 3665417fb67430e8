"""The destination simulator phone numbers AWS documents, and what a message to one of them does.

Source: User Guide, *Simulator phone numbers* (``test-phone-numbers.html``), "Destination simulator
phone numbers": for each country or region, one number "that generate[s] message success events"
and one that generates "message failure events". The table ships as
``smsmock/data/simulator_numbers.json``, with its source.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

SUCCESS_FATE = "DELIVERED"
"""What a message to a success number produces: the default fate, the documented success events
(``TEXT_SUCCESSFUL`` then ``TEXT_DELIVERED``)."""

FAILURE_FATE = "UNREACHABLE"
"""What a message to a failure number produces. The page does not say which failure event type
the simulator sends; smsmock chooses ``…_UNREACHABLE`` ("the recipient's device is unavailable"),
a documented failure type of both SMS and MMS (*Event types for SMS, MMS, and voice*)."""


@dataclass(frozen=True)
class SimulatorDestination:
    """A destination simulator number: its country and whether it succeeds or fails."""

    phone_number: str
    iso_country_code: str
    country: str
    succeeds: bool

    @property
    def fate(self) -> str:
        return SUCCESS_FATE if self.succeeds else FAILURE_FATE


@functools.cache
def simulator_destinations() -> dict[str, SimulatorDestination]:
    """Every destination simulator number (E.164) → what it is, from the shipped table."""
    text = resources.files("smsmock").joinpath("data/simulator_numbers.json").read_text("utf-8")
    found: dict[str, SimulatorDestination] = {}
    for row in json.loads(text)["DestinationSimulatorNumbers"]:
        for column, succeeds in (("Success", True), ("Failure", False)):
            number = row[column]
            found[number] = SimulatorDestination(
                number, row["IsoCountryCode"], row["Country"], succeeds
            )
    return found


def simulator_destination(phone_number: str) -> SimulatorDestination | None:
    """The destination simulator number ``phone_number`` (E.164) is, or ``None``."""
    return simulator_destinations().get(phone_number)
