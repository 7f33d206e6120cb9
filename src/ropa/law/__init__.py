"""GDPR Chapter V: the legal facts as dated data with citations, and the pure rules on transfers.

The facts live in `facts.yaml` beside this module, a file a DPO can review without reading code.
The verdicts' sentences, in every language ropa speaks, are data too: `sentences.py`, filled in by
`wording.py` (`Assessment.citation_in(lang)`, `Assessment.reasons_in(lang)`).
This package imports only `ropa.model`.
"""

from ropa.law.facts import (
    AdequacyDecision,
    LegalFacts,
    MechanismRule,
    Membership,
    Scope,
    boundary_dates,
    legal_facts,
)
from ropa.law.register_transfers import RegisterTransfer, register_transfers
from ropa.law.rules import (
    ALIASES,
    DOMAIN_START,
    Assessment,
    Basis,
    Expiry,
    adequacy_ending_between,
    assess,
    normalise_destination,
    parse_mechanisms,
)
from ropa.law.wording import LANGUAGES, Localized, Reason

__all__ = [
    "ALIASES",
    "DOMAIN_START",
    "LANGUAGES",
    "AdequacyDecision",
    "Assessment",
    "Basis",
    "Expiry",
    "LegalFacts",
    "Localized",
    "MechanismRule",
    "Membership",
    "Reason",
    "RegisterTransfer",
    "Scope",
    "adequacy_ending_between",
    "assess",
    "boundary_dates",
    "legal_facts",
    "normalise_destination",
    "parse_mechanisms",
    "register_transfers",
]
