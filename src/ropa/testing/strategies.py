"""Public hypothesis strategies, for ropa's tests and for other tools that property-test their rules.

from hypothesis import given
from ropa.testing.strategies import registers

@given(registers())
def test_my_rule(register): ...
"""

from ropa.testing._register_strategies import ids, registers, texts

__all__ = ["ids", "registers", "texts"]
