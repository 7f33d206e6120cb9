"""Categories of data subjects (Art. 30(1)(c))."""

from __future__ import annotations

from ropa.model.base import Boolean, Record, Text

__all__ = ["DataSubject"]


class DataSubject(Record):
    """A category of data subjects, such as donors or volunteers."""

    name: Text
    """Name of the category, e.g. `{ro: donatori, en: donors}`."""
    children: Boolean = False
    """True when the category includes children (Art. 8, recital 38): they merit specific protection."""
