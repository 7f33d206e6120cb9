"""Public hypothesis strategies, for ropa's tests and for other tools that property-test their rules.

from hypothesis import given
from ropa.testing.strategies import registers

@given(registers())
def test_my_rule(register): ...
"""

from ropa.testing._register_strategies import ids, registers, texts
from ropa.testing._transfer_strategies import (
    HORIZON,
    TransferCase,
    dates,
    destinations,
    eea_destinations,
    mechanism_sets,
    mechanisms,
    third_countries,
    transfers,
)

__all__ = [
    "HORIZON",
    "TransferCase",
    "dates",
    "destinations",
    "eea_destinations",
    "ids",
    "mechanism_sets",
    "mechanisms",
    "registers",
    "texts",
    "third_countries",
    "transfers",
]
