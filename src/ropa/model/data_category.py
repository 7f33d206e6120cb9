"""Categories of personal data (Art. 30(1)(c)), with the special ones marked."""

from __future__ import annotations

from ropa.model.base import Boolean, Record, Text
from ropa.model.vocabulary import SpecialCategory

__all__ = ["DataCategory"]


class DataCategory(Record):
    """A category of personal data, such as contact details or financial data."""

    name: Text
    """Name of the category."""
    examples: Text | None = None
    """What it contains, e.g. `name, email address, telephone number`."""
    special: SpecialCategory | None = None
    """The Art. 9(1) special category it belongs to, if any."""
    criminal: Boolean = False
    """True for data relating to criminal convictions and offences (Art. 10)."""
    online_identifiers: Boolean = False
    """True for online identifiers: cookie identifiers, IP addresses, device or advertising identifiers (recital 30);
    without a cookie inventory, `ropa check` then reports it (I908)."""
    national_id: Boolean = False
    """True for a national identification number (in Romania the CNP; Law 190/2018 art. 4)."""
