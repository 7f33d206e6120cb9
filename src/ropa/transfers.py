"""Date-aware verdicts on international transfers (GDPR Chapter V): the public façade of `ropa.law`.

    >>> from datetime import date
    >>> from ropa.transfers import assess
    >>> assess("US", date(2024, 1, 1), dpf_certified=True).basis
    'adequacy'

See docs/transfers.md for the rules in words, with the articles and decisions they rest on.
"""

from ropa.law.register_transfers import RegisterTransfer, register_transfers
from ropa.law.rules import Assessment, Basis, assess

__all__ = ["Assessment", "Basis", "RegisterTransfer", "assess", "register_transfers"]
