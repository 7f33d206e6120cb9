"""The law's own dates for some places: adequacy decisions taking effect or ending, their dated events
(judgments, reviews, amendments), the dates to watch (reviews due) and the cases pending, each with its source
as `facts.yaml` gives it. For `ropa watch` and `ropa transfers --from --to`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ropa.law.facts import AdequacyDecision, legal_facts
from ropa.law.places import normalise_destination

__all__ = ["LawDate", "law_dates"]


@dataclass(frozen=True)
class LawDate:
    """A date of the law for a place: `kind` is `in-force`, `ends`, `event`, `watch` or `pending`."""

    day: date | None
    """None for a pending case, which has no date yet."""
    kind: str
    place: str
    reference: str
    """The decision it concerns."""
    what: str
    """What happens, in the facts' words (English)."""
    source: str
    """The citation the facts give, with its evidence mark."""


def law_dates(places: Iterable[str], start: date, end: date) -> tuple[LawDate, ...]:
    """Every date of the law for `places` from `start` to `end` (both included), in date order; then the
    cases pending on a decision in force at some point of the window."""
    found: list[LawDate] = []
    for place in sorted({normalise_destination(place) for place in places}):
        for decision in legal_facts().decisions_for(place):
            found.extend(_dates_of(decision, place, start, end))
    dated = sorted((item for item in found if item.day is not None), key=lambda item: (item.day, item.place))
    return (*dated, *(item for item in found if item.day is None))


def _dates_of(decision: AdequacyDecision, place: str, start: date, end: date) -> list[LawDate]:
    def at(day: date | None, kind: str, what: str, citation: str, evidence: str) -> LawDate:
        return LawDate(day, kind, place, decision.reference, what, f"{citation} [{evidence}]")

    within = [event for event in decision.events if start <= event.day <= end]
    found = [at(event.day, "event", f"{event.act}: {event.effect}", event.citation, event.evidence) for event in within]
    if decision.start is not None and start <= decision.start <= end and all(e.day != decision.start for e in within):
        found.append(
            at(decision.start, "in-force", f"{decision.reference} takes effect", decision.citation, decision.evidence)
        )
    if decision.until is not None and start <= decision.until <= end:
        ended_by_a_judgment = any(e.day == decision.until + timedelta(days=1) for e in decision.events)
        what = f"last day {decision.reference} applies" + ("" if ended_by_a_judgment else ", unless extended")
        found.append(at(decision.until, "ends", what, decision.citation, decision.evidence))
    in_force = (decision.start is None or decision.start <= end) and (decision.until is None or start <= decision.until)
    for item in decision.watch:
        if item.day is None and in_force:
            found.append(at(None, "pending", item.what, item.citation, item.evidence))
        elif item.day is not None and start <= item.day <= end:
            found.append(at(item.day, "watch", item.what, item.citation, item.evidence))
    return found
