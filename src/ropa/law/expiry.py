"""Adequacy decisions that will end: for planning a fallback under Art. 46 before they expire."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ropa.law.facts import AdequacyDecision, legal_facts
from ropa.law.places import normalise_destination

__all__ = ["Expiry", "adequacy_ending_between"]


@dataclass(frozen=True)
class Expiry:
    """An adequacy decision that will end: its reference, its last day and the decision itself."""

    reference: str
    until: date
    decision: AdequacyDecision


def adequacy_ending_between(destination: str, start: date, end: date) -> tuple[Expiry, ...]:
    """The GDPR adequacy decisions for `destination` in force on `start` whose last day falls in [start, end].

    For planning: a transfer resting on such a decision needs a fallback under Art. 46 before it expires.
    """
    place = normalise_destination(destination)
    return tuple(
        Expiry(decision.reference, decision.until, decision)
        for decision in legal_facts().decisions_for(place)
        if decision.holds_on(start) and decision.until is not None and start <= decision.until <= end
    )
