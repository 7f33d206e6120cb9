"""The consistency checks `LegalFacts` runs on load: known places, memberships that do not overlap, every tool once."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from ropa.model.places import INTERNATIONAL_ORGANISATIONS, TERRITORIES, is_country_code
from ropa.model.vocabulary import TransferMechanism

if TYPE_CHECKING:
    from ropa.law.facts import LegalFacts, Membership

__all__ = ["check_mechanisms", "check_memberships", "check_places"]


def _known_place(place: str) -> bool:
    return place in INTERNATIONAL_ORGANISATIONS or place in TERRITORIES or is_country_code(place)


def check_places(facts: LegalFacts) -> None:
    members = [place for membership in facts.memberships for place in membership.places]
    outside = [place for group in facts.not_in_eea for place in group.places]
    parts = [code for part in facts.parts for code in (part.place, part.part_of, part.shares_code)]
    decided = [place for decision in facts.adequacy for place in (decision.place, *decision.not_relied_on_for)]
    named = [*members, *outside, *parts, *decided]
    unknown = sorted({place for place in named if not _known_place(place)})
    if unknown:
        raise ValueError(f"unknown places (not ISO 3166-1 alpha-2 nor a known IO: id): {', '.join(unknown)}")
    both = sorted(set(members) & set(outside))
    if both:
        raise ValueError(f"listed both as EEA members and as not in the EEA: {', '.join(both)}")
    ids = [decision.id for decision in facts.adequacy]
    if len(set(ids)) != len(ids):
        raise ValueError("adequacy decision ids must be unique")


_DATED_STATUSES = ("eea-directive", "withdrawal-transition", "european-territory")
"""Membership statuses whose reasons name their last day."""


def check_memberships(memberships: tuple[Membership, ...]) -> None:
    for membership in memberships:
        if membership.status in _DATED_STATUSES and membership.until is None:
            raise ValueError(f"{', '.join(membership.places)}: a `{membership.status}` period needs its `until`")
    places = {place for membership in memberships for place in membership.places}
    for place in sorted(places):
        periods = sorted(
            (membership for membership in memberships if place in membership.places),
            key=lambda membership: membership.start or date.min,
        )
        for before, after in pairwise(periods):
            if before.until is None or (after.start is not None and after.start <= before.until):
                raise ValueError(f"{place}: membership periods overlap")


def check_mechanisms(facts: LegalFacts) -> None:
    listed = [rule.mechanism for rule in facts.mechanisms]
    missing = [mechanism.value for mechanism in TransferMechanism if mechanism not in listed]
    if missing or len(set(listed)) != len(listed):
        raise ValueError(
            f"every transfer mechanism must be listed exactly once (missing: {', '.join(missing) or 'none'})"
        )
    ids = {decision.id for decision in facts.adequacy}
    for rule in facts.mechanisms:
        if (rule.tier == "adequacy") != (rule.decision is not None):
            raise ValueError(f"{rule.mechanism}: a decision is named exactly for the `adequacy` tier")
        if rule.decision is None:
            continue
        if rule.decision not in ids:
            raise ValueError(f"{rule.mechanism}: unknown decision {rule.decision!r}")
        decision = facts.decision(rule.decision)
        if (rule.start, rule.until) != (decision.start, decision.until) or decision.requires != "declared":
            raise ValueError(f"{rule.mechanism}: its window and scope must be those of decision {decision.id!r}")
