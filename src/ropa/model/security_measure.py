"""Technical and organisational security measures (Art. 30(1)(g), Art. 32(1))."""

from __future__ import annotations

from ropa.model.base import Boolean, Record, Text
from ropa.model.vocabulary import SecurityPoint

__all__ = ["SecurityMeasure"]


class SecurityMeasure(Record):
    """A technical or organisational measure, and the point of Art. 32(1) it serves."""

    name: Text
    """The measure in a few words."""
    description: Text | None = None
    """A general description (Art. 30(1)(g) asks for no more)."""
    point: SecurityPoint
    """The point of Art. 32(1) it serves: `a` encryption and pseudonymisation, `b` confidentiality, integrity, availability and resilience, `c` restoring access after an incident, `d` regular testing."""
    public: Boolean = False
    """True when the measure may be named in the public policy."""
