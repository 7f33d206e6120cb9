"""Every day on which the legal data changes a verdict, pinned from the reference: the day before and the day of."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from ropa.law import assess, boundary_dates
from ropa.law.rules import Assessment
from ropa.model.vocabulary import TransferMechanism as M


@dataclass(frozen=True)
class Edge:
    """On `day` the verdict for the transfer goes from `before` to `after` (basis names)."""

    name: str
    day: date
    destination: str
    before: str
    after: str
    mechanisms: tuple[M, ...] = ()
    dpf_certified: bool = False
    outside_adequacy_scope: bool = False
    before_says: str = ""
    after_says: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def on(self, day: date) -> Assessment:
        return assess(
            self.destination,
            day,
            mechanisms=self.mechanisms,
            dpf_certified=self.dpf_certified,
            outside_adequacy_scope=self.outside_adequacy_scope,
        )


# Dates are literals from the reference (reference/transfers.md), not read from the data file.
EDGES = [
    Edge(
        "EEA EFTA: GDPR incorporated",
        date(2018, 7, 20),
        "NO",
        "intra-eea",
        "intra-eea",
        before_says="95/46/EC",
        after_says="154/2018",
    ),
    Edge("Japan adequacy", date(2019, 1, 23), "JP", "none", "adequacy", after_says="2019/419"),
    Edge(
        "UK leaves the EU, transition",
        date(2020, 2, 1),
        "GB",
        "intra-eea",
        "intra-eea",
        before_says="Member State",
        after_says="transition",
    ),
    Edge(
        "Privacy Shield falls",
        date(2020, 7, 16),
        "US",
        "adequacy",
        "none",
        (M.PRIVACY_SHIELD,),
        before_says="2016/1250",
    ),
    Edge(
        "UK transition ends, TCA bridge",
        date(2021, 1, 1),
        "GB",
        "intra-eea",
        "intra-eea",
        before_says="transition",
        after_says="Trade and Cooperation",
    ),
    Edge("2021 SCCs usable", date(2021, 6, 27), "IN", "none", "safeguards", (M.SCC,), after_says="2021/914"),
    Edge(
        "UK bridge ends, adequacy",
        date(2021, 6, 28),
        "GB",
        "intra-eea",
        "adequacy",
        before_says="Trade and Cooperation",
        after_says="2021/1772",
    ),
    Edge(
        "old SCCs: no new contracts",
        date(2021, 9, 27),
        "IN",
        "safeguards",
        "safeguards",
        (M.SCC_LEGACY,),
        after_says="no new contract",
    ),
    Edge("Korea adequacy", date(2021, 12, 17), "KR", "none", "adequacy", after_says="2022/254"),
    Edge("old SCCs invalid", date(2022, 12, 27), "IN", "safeguards", "none", (M.SCC_LEGACY,)),
    Edge("DPF adequacy", date(2023, 7, 10), "US", "none", "adequacy", dpf_certified=True, after_says="2023/1795"),
    Edge(
        "EPO adopted, date of effect unverified",
        date(2025, 7, 15),
        "IO:EPO",
        "none",
        "none",
        before_says="not in force",
        after_says="may already be covered",
    ),
    Edge("EPO adequacy", date(2025, 7, 18), "IO:EPO", "none", "adequacy", after_says="2025/1382"),
    Edge(
        "UK immigration carve-out removed",
        date(2025, 12, 23),
        "GB",
        "none",
        "adequacy",
        outside_adequacy_scope=True,
        before_says="immigration",
    ),
    Edge(
        "Brazil adopted, date of effect unverified",
        date(2026, 1, 26),
        "BR",
        "none",
        "none",
        before_says="not in force",
        after_says="may already be covered",
    ),
    Edge(
        "Brazil adequacy",
        date(2026, 1, 28),
        "BR",
        "none",
        "adequacy",
        before_says="may already be covered",
        after_says="2026/179",
    ),
    Edge("UK adequacy expires", date(2031, 12, 28), "GB", "adequacy", "none", before_says="2021/1772"),
]

# Days on which the reference records an act, but the verdict does not change (no gap in the UK decision).
STEADY = [
    ("GB", date(2025, 6, 28)),  # 2021/1772's first sunset, extended beforehand by 2025/1226
    ("GB", date(2025, 12, 28)),  # 2025/1226's sunset, renewed beforehand by 2025/2574
    ("US", date(2025, 9, 4)),  # Latombe (T-553/23) dismissed on 3 September 2025
]


def text(verdict: Assessment) -> str:
    return " ".join((verdict.citation, *verdict.reasons))


@pytest.mark.parametrize("edge", EDGES, ids=[edge.name for edge in EDGES])
def test_the_verdict_changes_on_the_pinned_day(edge: Edge) -> None:
    before, after = edge.on(edge.day - timedelta(days=1)), edge.on(edge.day)
    assert before.basis == edge.before
    assert after.basis == edge.after
    assert before.lawful == (edge.before != "none")
    assert after.lawful == (edge.after != "none")
    assert edge.before_says in text(before)
    assert edge.after_says in text(after)
    assert before != after


@pytest.mark.parametrize(("destination", "day"), STEADY)
def test_the_verdict_holds_across_acts_that_changed_nothing(destination: str, day: date) -> None:
    before = assess(destination, day - timedelta(days=1), dpf_certified=True)
    after = assess(destination, day, dpf_certified=True)
    assert before.basis == after.basis == "adequacy"
    assert before.reasons == after.reasons


def test_the_domain_starts_on_25_may_2018() -> None:
    with pytest.raises(ValueError, match="25 May 2018"):
        assess("RO", date(2018, 5, 24))
    assert assess("RO", date(2018, 5, 25)).basis == "intra-eea"


def test_the_uk_was_a_member_state_until_31_january_2020() -> None:
    assert "Member State of the European Union" in assess("GB", date(2020, 1, 31)).reasons[0]


def test_the_uk_transition_ran_to_31_december_2020_and_the_bridge_to_27_june_2021() -> None:
    assert "transition" in assess("GB", date(2020, 12, 31)).reasons[0]
    bridge = assess("GB", date(2021, 6, 27))
    assert bridge.basis == "intra-eea"
    assert "FINPROV.10A" in bridge.citation


def test_the_uk_adequacy_holds_on_its_last_day() -> None:
    assert assess("GB", date(2031, 12, 27)).basis == "adequacy"


def test_privacy_shield_holds_on_its_last_day() -> None:
    assert assess("US", date(2020, 7, 15), mechanisms=["privacy-shield"]).basis == "adequacy"


def test_old_sccs_hold_on_26_december_2022() -> None:
    assert assess("IN", date(2022, 12, 26), mechanisms=["scc-legacy"]).basis == "safeguards"


def test_safe_harbour_is_never_valid() -> None:
    for day in boundary_dates():
        assert assess("US", day, mechanisms=["safe-harbor"]).basis == "none"


def test_every_change_in_the_data_is_pinned_here() -> None:
    pinned = {date(2018, 5, 25)} | {edge.day for edge in EDGES}
    assert set(boundary_dates()) == pinned
