"""Properties of the order of the law, each checked on at least 500 drawn transfers."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ropa.law import DOMAIN_START, normalise_destination
from ropa.testing._transfer_strategies import (
    HORIZON,
    TransferCase,
    dates,
    eea_destinations,
    mechanism_sets,
    mechanisms,
    third_countries,
    transfers,
)
from ropa.transfers import Assessment, assess

EXAMPLES = 500


def _dates_in(node: Any) -> Iterator[date]:
    if isinstance(node, date):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _dates_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _dates_in(item)


# Every date written in the data file, and the day after each (a last day ends the day before the next).
_WRITTEN = set(_dates_in(yaml.safe_load(resources.files("ropa.law").joinpath("facts.yaml").read_text("utf-8"))))
CHANGES = sorted({day for written in _WRITTEN for day in (written, written + timedelta(days=1))})

# Adequacy windows (first day, last day) per destination, from the reference, not from the data file.
OPEN = (DOMAIN_START, None)
ADEQUACY_WINDOWS: dict[str, tuple[date, date | None]] = {
    **dict.fromkeys(["CH", "CA", "AR", "GG", "IM", "JE", "FO", "AD", "IL", "UY", "NZ"], OPEN),
    "JP": (date(2019, 1, 23), None),
    "GB": (date(2021, 6, 28), date(2031, 12, 27)),
    "KR": (date(2021, 12, 17), None),
    "IO:EPO": (date(2025, 7, 18), None),
    "BR": (date(2026, 1, 28), None),
}
DPF_FROM = date(2023, 7, 10)
PRIVACY_SHIELD_UNTIL = date(2020, 7, 15)
LIMITED_SCOPES = {"CA", "FO", "IL", "UY", "JP", "KR", "BR", "US"}


def verdict(assessment: Assessment) -> Assessment:
    """The assessment without the date asked, to compare verdicts on different days."""
    return dataclasses.replace(assessment, on=DOMAIN_START)


@settings(max_examples=EXAMPLES)
@given(st.data(), dates(), mechanism_sets(), st.booleans(), st.booleans())
def test_a_destination_inside_the_eea_is_lawful_whatever_the_mechanisms(
    data: st.DataObject, on: date, tools: tuple[Any, ...], certified: bool, outside: bool
) -> None:
    destination = data.draw(eea_destinations(on))
    result = assess(destination, on, mechanisms=tools, dpf_certified=certified, outside_adequacy_scope=outside)
    assert result.lawful
    assert result.basis == "intra-eea"
    assert not result.tia_required


@settings(max_examples=EXAMPLES)
@given(eea_destinations(), dates(), mechanism_sets())
def test_the_eea_core_is_inside_on_every_date(destination: str, on: date, tools: tuple[Any, ...]) -> None:
    assert assess(destination, on, mechanisms=tools).basis == "intra-eea"


@settings(max_examples=EXAMPLES)
@given(transfers(), mechanisms())
def test_adding_a_mechanism_never_turns_a_lawful_transfer_unlawful(case: TransferCase, extra: Any) -> None:
    more = dataclasses.replace(case, mechanisms=(*case.mechanisms, extra))
    if case.assess().lawful:
        assert more.assess().lawful


@settings(max_examples=EXAMPLES)
@given(transfers(), st.data())
def test_the_verdict_only_changes_on_dates_written_in_the_legal_data(case: TransferCase, data: st.DataObject) -> None:
    later = [day for day in CHANGES if day > case.on]
    earlier = [day for day in CHANGES if day <= case.on]
    first = max(earlier, default=DOMAIN_START)
    last = later[0] - timedelta(days=1) if later else HORIZON
    other = data.draw(st.dates(min_value=max(first, DOMAIN_START), max_value=max(last, case.on)))
    assert verdict(case.assess()) == verdict(dataclasses.replace(case, on=other).assess())


@settings(max_examples=EXAMPLES)
@given(transfers(), st.randoms(use_true_random=False))
def test_the_order_of_mechanisms_never_matters(case: TransferCase, random: Any) -> None:
    shuffled = list(case.mechanisms) * 2
    random.shuffle(shuffled)
    assert case.assess() == dataclasses.replace(case, mechanisms=tuple(shuffled)).assess()


@settings(max_examples=EXAMPLES)
@given(transfers())
def test_an_unlawful_verdict_always_has_a_reason(case: TransferCase) -> None:
    result = case.assess()
    assert result.lawful == (result.basis != "none")
    if not result.lawful:
        assert result.reasons
        assert all(reason.strip() for reason in result.reasons)
        assert "not lawful" in result.reasons[-1]
        assert result.citation


@settings(max_examples=EXAMPLES)
@given(transfers())
def test_adequacy_is_never_granted_outside_its_decisions_window(case: TransferCase) -> None:
    result = case.assess()
    if result.basis != "adequacy":
        return
    if result.destination == "US":
        dpf = case.dpf_certified and case.on >= DPF_FROM
        shield = "privacy-shield" in case.mechanisms and case.on <= PRIVACY_SHIELD_UNTIL
        assert dpf or shield
        return
    first, last = ADEQUACY_WINDOWS[result.destination]
    assert first <= case.on
    assert last is None or case.on <= last


@settings(max_examples=EXAMPLES)
@given(transfers())
def test_an_importer_outside_a_limited_scope_never_gets_adequacy(case: TransferCase) -> None:
    place = normalise_destination(case.destination)
    if place in LIMITED_SCOPES and case.outside_adequacy_scope:
        assert case.assess().basis != "adequacy"


@settings(max_examples=EXAMPLES)
@given(transfers())
def test_a_dpf_certification_helps_only_in_the_united_states(case: TransferCase) -> None:
    certified = dataclasses.replace(case, dpf_certified=True).assess()
    uncertified = dataclasses.replace(case, dpf_certified=False).assess()
    if certified.destination != "US":
        assert certified == uncertified
    elif uncertified.lawful:
        assert certified.lawful


@settings(max_examples=EXAMPLES)
@given(transfers(destination=third_countries()))
def test_a_tia_is_required_exactly_for_art_46_safeguards(case: TransferCase) -> None:
    result = case.assess()
    assert result.tia_required == (result.basis == "safeguards")
    if result.basis == "derogation":
        assert any("read restrictively" in reason for reason in result.reasons)
