"""The legal data file: every fact cited, notes where evidence is weak, and the facts the reference gives."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from ropa.law import DOMAIN_START, assess, boundary_dates, legal_facts
from ropa.law.facts import LegalFacts, load_facts
from ropa.model.vocabulary import TransferMechanism

FACTS_TEXT = resources.files("ropa.law").joinpath("facts.yaml").read_text(encoding="utf-8")

# From the reference, section 1: the EU27 and the three EEA EFTA States.
EU27 = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"}
EU27 |= {"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
EEA_EFTA = {"IS", "LI", "NO"}
TODAY = date(2026, 11, 25)  # the reference's "status as of"

Path = tuple[str | int, ...]


RAW: dict[str, Any] = yaml.safe_load(FACTS_TEXT)


def raw() -> dict[str, Any]:
    """A fresh copy of the file as parsed YAML, to change in a test."""
    return copy.deepcopy(RAW)


def facts_in(node: Any, path: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every mapping below the top level of the file: each one is a fact."""
    if isinstance(node, dict):
        if path:
            yield path, node
        for key, value in node.items():
            yield from facts_in(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from facts_in(item, (*path, index))


ALL_FACTS = list(facts_in(RAW))


def at(data: dict[str, Any], path: Path) -> dict[str, Any]:
    node: Any = data
    for part in path:
        node = node[part]
    assert isinstance(node, dict)
    return node


def test_the_file_holds_many_facts() -> None:
    assert len(ALL_FACTS) > 60


@pytest.mark.parametrize(("path", "fact"), ALL_FACTS, ids=[".".join(map(str, path)) for path, _ in ALL_FACTS])
def test_every_fact_has_a_citation(path: Path, fact: dict[str, Any]) -> None:
    citation = fact.get("citation")
    assert isinstance(citation, str), f"{path}: no citation"
    assert citation.strip(), f"{path}: empty citation"


@pytest.mark.parametrize(("path", "fact"), ALL_FACTS, ids=[".".join(map(str, path)) for path, _ in ALL_FACTS])
def test_weak_evidence_carries_a_note(path: Path, fact: dict[str, Any]) -> None:
    evidence = str(fact.get("evidence", "")).strip()
    assert evidence, f"{path}: no evidence mark"
    if evidence != "V":
        assert str(fact.get("note", "")).strip(), f"{path}: evidence {evidence!r} needs a note"


@pytest.mark.parametrize("path", [path for path, _ in ALL_FACTS], ids=[".".join(map(str, p)) for p, _ in ALL_FACTS])
def test_the_loader_refuses_a_fact_without_citation(path: Path) -> None:
    data = raw()
    del at(data, path)["citation"]
    with pytest.raises(ValidationError, match="citation"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_an_empty_citation() -> None:
    data = raw()
    data["adequacy"][0]["citation"] = "   "
    with pytest.raises(ValidationError, match="citation"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_weak_evidence_without_a_note() -> None:
    data = raw()
    decision = next(item for item in data["adequacy"] if item["id"] == "br")
    del decision["note"]
    with pytest.raises(ValidationError, match="note"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_unknown_places() -> None:
    data = raw()
    data["memberships"][0]["places"].append("XX")
    with pytest.raises(ValidationError, match="XX"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_norway_read_as_false() -> None:
    text = FACTS_TEXT.replace('[IS, LI, "NO"]', "[IS, LI, NO]")
    assert text != FACTS_TEXT
    with pytest.raises(ValidationError):
        load_facts(text)


def test_the_loader_refuses_overlapping_memberships() -> None:
    data = raw()
    transition = next(item for item in data["memberships"] if item["status"] == "withdrawal-transition")
    transition["from"] = date(2020, 1, 31)
    with pytest.raises(ValidationError, match="overlap"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_a_gap_in_a_decisions_scope() -> None:
    data = raw()
    gb = next(item for item in data["adequacy"] if item["id"] == "gb")
    gb["scope"][1]["from"] = date(2025, 12, 24)
    with pytest.raises(ValidationError, match="scope"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_a_missing_mechanism() -> None:
    data = raw()
    data["mechanisms"] = [item for item in data["mechanisms"] if item["mechanism"] != "bcr"]
    with pytest.raises(ValidationError, match="bcr"):
        LegalFacts.model_validate(data)


def test_every_mechanism_of_the_vocabulary_has_a_validity_window_once() -> None:
    listed = [rule.mechanism for rule in legal_facts().mechanisms]
    assert sorted(listed) == sorted(TransferMechanism)


def test_the_domain_starts_when_the_gdpr_applies() -> None:
    assert DOMAIN_START == legal_facts().domain.start == date(2018, 5, 25)
    assert boundary_dates()[0] == DOMAIN_START


def test_the_facts_are_stated_as_of_the_reference_date() -> None:
    assert legal_facts().as_of == TODAY


def members_on(day: date, status: str) -> set[str]:
    return {
        place
        for membership in legal_facts().memberships
        if membership.status == status and membership.holds_on(day)
        for place in membership.places
    }


def test_the_eu_has_27_members_today_and_28_before_brexit() -> None:
    assert len(EU27) == 27
    assert members_on(TODAY, "member-state") == EU27
    assert members_on(date(2020, 1, 31), "member-state") == EU27 | {"GB"}
    assert members_on(date(2020, 2, 1), "member-state") == EU27


def test_iceland_liechtenstein_and_norway_apply_the_gdpr_from_20_july_2018() -> None:
    assert members_on(date(2018, 7, 20), "eea-efta") == EEA_EFTA
    assert members_on(date(2018, 7, 19), "eea-efta") == set()
    assert members_on(date(2018, 7, 19), "eea-directive") == EEA_EFTA


@pytest.mark.parametrize("place", ["CH", "FO", "GL", "SJ"])
def test_look_alikes_are_never_inside_the_eea(place: str) -> None:
    for day in boundary_dates():
        assert assess(place, day).basis != "intra-eea", day


def decision(id: str) -> Any:
    return next(item for item in legal_facts().adequacy if item.id == id)


@pytest.mark.parametrize(
    ("id", "place", "number"),
    [
        ("ch", "CH", "2000/518/EC"),
        ("ca", "CA", "2002/2/EC"),
        ("ar", "AR", "2003/490/EC"),
        ("gg", "GG", "2003/821/EC"),
        ("im", "IM", "2004/411/EC"),
        ("je", "JE", "2008/393/EC"),
        ("fo", "FO", "2010/146/EU"),
        ("ad", "AD", "2010/625/EU"),
        ("il", "IL", "2011/61/EU"),
        ("uy", "UY", "2012/484/EU"),
        ("nz", "NZ", "2013/65/EU"),
        ("jp", "JP", "2019/419"),
        ("gb", "GB", "2021/1772"),
        ("gb-led", "GB", "2021/1773"),
        ("kr", "KR", "2022/254"),
        ("us-dpf", "US", "2023/1795"),
        ("epo", "IO:EPO", "2025/1382"),
        ("br", "BR", "2026/179"),
        ("us-ps", "US", "2016/1250"),
        ("us-sh", "US", "2000/520/EC"),
    ],
)
def test_every_adequacy_decision_of_the_reference_is_there(id: str, place: str, number: str) -> None:
    found = decision(id)
    assert found.place == place
    assert number in found.reference


def test_the_uk_decision_was_renewed_to_27_december_2031() -> None:
    gb = decision("gb")
    assert (gb.start, gb.until) == (date(2021, 6, 28), date(2031, 12, 27))
    assert "2025/1226" in gb.reference
    assert "2025/2574" in gb.reference
    assert [scope.limited for scope in gb.scope] == [True, False]
    assert "immigration" in gb.scope[0].condition


def test_limited_scopes_say_what_they_cover() -> None:
    assert "PIPEDA" in decision("ca").scope[0].condition
    assert "APPI" in decision("jp").scope[0].condition
    korea = decision("kr").scope[0].condition
    assert all(word in korea for word in ("religious", "political parties", "Credit Information Act"))
    assert "LGPD" in decision("br").scope[0].condition
    assert decision("us-dpf").requires == "dpf-certified"


def test_the_dpf_notes_the_pending_appeal() -> None:
    assert "C-703/25 P" in (decision("us-dpf").note or "")


def test_the_led_decision_is_never_a_gdpr_basis() -> None:
    assert decision("gb-led").regime == "led"
    assert decision("gb-led") not in legal_facts().decisions_for("GB")


def test_the_data_file_ships_inside_the_package() -> None:
    assert resources.files("ropa.law").joinpath("facts.yaml").is_file()
