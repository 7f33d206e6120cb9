"""Hypothesis strategies for international transfers: destinations, dates, tools and whole cases.

They draw from ropa's own legal facts, so the dates on which the law changes (and the day before
each) come up often, and so do the places the facts name (EEA members, adequate countries,
look-alikes such as CH, GI or FO). Use them to property-test a rule built on `ropa.transfers.assess`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import pycountry
from hypothesis import strategies as st

from ropa.law import ALIASES, DOMAIN_START, Assessment, assess, boundary_dates, legal_facts
from ropa.model.places import INTERNATIONAL_ORGANISATIONS
from ropa.model.vocabulary import TransferMechanism

__all__ = [
    "HORIZON",
    "TransferCase",
    "dates",
    "destinations",
    "eea_destinations",
    "mechanism_sets",
    "mechanisms",
    "third_countries",
    "transfers",
]

HORIZON = date(2035, 12, 31)
"""The last day `dates()` draws by default: a few years past the last change the facts know of."""

# Common destinations with no adequacy decision, so that "none" and the safeguards come up often.
_PLAIN_THIRD_COUNTRIES = ("AU", "CN", "IN", "RU", "SG", "TR", "UA", "ZA")


@dataclass(frozen=True)
class TransferCase:
    """The arguments of one call of `ropa.transfers.assess`, as a value hypothesis can draw and shrink."""

    destination: str
    on: date
    mechanisms: tuple[TransferMechanism, ...] = ()
    dpf_certified: bool = False
    outside_adequacy_scope: bool = False

    def assess(self) -> Assessment:
        """The verdict on this transfer."""
        return assess(
            self.destination,
            self.on,
            mechanisms=self.mechanisms,
            dpf_certified=self.dpf_certified,
            outside_adequacy_scope=self.outside_adequacy_scope,
        )


@cache
def _iso_codes() -> tuple[str, ...]:
    return tuple(sorted(country.alpha_2 for country in pycountry.countries))


@cache
def _named_places() -> tuple[str, ...]:
    facts = legal_facts()
    named = {place for membership in facts.memberships for place in membership.places}
    named |= {place for group in facts.not_in_eea for place in group.places}
    named |= {decision.place for decision in facts.adequacy}
    return tuple(sorted(named | set(_PLAIN_THIRD_COUNTRIES) | set(INTERNATIONAL_ORGANISATIONS)))


def _sample_days() -> tuple[date, ...]:
    """The first day of each stretch of time over which the facts do not change."""
    return boundary_dates()


def _inside_on(day: date) -> frozenset[str]:
    return frozenset(
        place for membership in legal_facts().memberships if membership.holds_on(day) for place in membership.places
    )


def _with_aliases(places: frozenset[str]) -> tuple[str, ...]:
    aliases = {alias for alias, code in ALIASES.items() if code in places}
    return tuple(sorted(places | aliases))


def destinations() -> st.SearchStrategy[str]:
    """Any destination `assess` accepts: ISO 3166-1 alpha-2 codes, the `EL`/`UK` aliases, `IO:` ids.

    Places the legal facts name are drawn more often than the rest of the world.
    """
    everything = (*_iso_codes(), *ALIASES, *INTERNATIONAL_ORGANISATIONS)
    return st.one_of(st.sampled_from(_named_places() + tuple(ALIASES)), st.sampled_from(everything))


def eea_destinations(on: date | None = None) -> st.SearchStrategy[str]:
    """Destinations inside the EEA on `on`, or, without a date, on every day from 25 May 2018 on."""
    if on is not None:
        return st.sampled_from(_with_aliases(_inside_on(on)))
    always = frozenset.intersection(*(_inside_on(day) for day in _sample_days()))
    return st.sampled_from(_with_aliases(always))


def third_countries(on: date | None = None) -> st.SearchStrategy[str]:
    """Countries (ISO codes) outside the EEA on `on`, or, without a date, on every day from 25 May 2018 on."""
    inside = _inside_on(on) if on is not None else frozenset.union(*(_inside_on(day) for day in _sample_days()))
    named = tuple(
        place for place in _named_places() if place not in inside and place not in INTERNATIONAL_ORGANISATIONS
    )
    rest = tuple(place for place in _iso_codes() if place not in inside)
    return st.one_of(st.sampled_from(named), st.sampled_from(rest))


def dates(min_value: date = DOMAIN_START, max_value: date = HORIZON) -> st.SearchStrategy[date]:
    """Dates in [min_value, max_value]; the days the law changes, and the day before each, come up often."""
    if min_value < DOMAIN_START:
        raise ValueError(f"ropa judges transfers from {DOMAIN_START.isoformat()} on")
    edges = sorted(
        {
            day
            for boundary in boundary_dates()
            for day in (boundary - timedelta(days=1), boundary)
            if min_value <= day <= max_value
        }
    )
    anywhere = st.dates(min_value=min_value, max_value=max_value)
    return st.one_of(st.sampled_from(edges), anywhere) if edges else anywhere


def mechanisms() -> st.SearchStrategy[TransferMechanism]:
    """Any transfer tool of the register's vocabulary, invalidated ones included."""
    return st.sampled_from(list(TransferMechanism))


def mechanism_sets(max_size: int = 4) -> st.SearchStrategy[tuple[TransferMechanism, ...]]:
    """Distinct transfer tools, in a drawn order (possibly none)."""
    return st.lists(mechanisms(), unique=True, max_size=max_size).map(tuple)


def transfers(
    destination: st.SearchStrategy[str] | None = None,
    on: st.SearchStrategy[date] | None = None,
    tools: st.SearchStrategy[tuple[TransferMechanism, ...]] | None = None,
) -> st.SearchStrategy[TransferCase]:
    """Whole transfers to assess; each part can be narrowed by passing its own strategy."""
    return st.builds(
        TransferCase,
        destination=destination if destination is not None else destinations(),
        on=on if on is not None else dates(),
        mechanisms=tools if tools is not None else mechanism_sets(),
        dpf_certified=st.booleans(),
        outside_adequacy_scope=st.booleans(),
    )
