"""Every text of the facts file a verdict can quote is there in Romanian too, and the loader insists."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ropa.law import legal_facts
from ropa.law.facts import LegalFacts
from tests.law.test_law_facts import RAW, Path, at, raw

CEDILLAS = "şţŞŢ"

# (path of the fact, the English field, its Romanian twin): every text a verdict can cite or quote.
Citable = tuple[Path, str, str]


def _citable() -> list[Citable]:
    found: list[Citable] = []
    for index, _ in enumerate(RAW["memberships"]):
        found.append((("memberships", index), "reference", "reference_ro"))
    for index, decision in enumerate(RAW["adequacy"]):
        path: Path = ("adequacy", index)
        found += [(path, "reference", "reference_ro"), (path, "article", "article_ro")]
        if "caveat" in decision:
            found.append((path, "caveat", "caveat_ro"))
        for number, _ in enumerate(decision["scope"]):
            found.append(((*path, "scope", number), "condition", "condition_ro"))
    for index, rule in enumerate(RAW["mechanisms"]):
        found.append((("mechanisms", index), "reference", "reference_ro"))
        if "conditions" in rule:
            found.append((("mechanisms", index), "conditions", "conditions_ro"))
    return found


CITABLE = _citable()
IDS = [".".join(map(str, (*path, field))) for path, field, _ in CITABLE]


def test_every_kind_of_citable_text_is_listed() -> None:
    assert {field for _, field, _ in CITABLE} == {"reference", "article", "caveat", "condition", "conditions"}
    assert len(CITABLE) > 80


@pytest.mark.parametrize(("path", "english", "romanian"), CITABLE, ids=IDS)
def test_every_citable_text_has_its_romanian_form(path: Path, english: str, romanian: str) -> None:
    fact = at(RAW, path)
    assert romanian in fact, f"{'.'.join(map(str, path))}: no {romanian}"
    texts: list[Any] = fact[romanian] if isinstance(fact[romanian], list) else [fact[romanian]]
    originals: list[Any] = fact[english] if isinstance(fact[english], list) else [fact[english]]
    assert len(texts) == len(originals)
    for text, original in zip(texts, originals, strict=True):
        assert isinstance(text, str)
        assert text.strip()
        assert text != original, f"{path}: {romanian} is the English text"
        assert not any(letter in text for letter in CEDILLAS), f"{path}: cedilla in {text!r}"


def test_one_english_text_has_one_romanian_form_and_the_other_way_round() -> None:
    """A text copied beside the wrong fact shows as two English texts with one Romanian form, or the reverse."""
    pairs: set[tuple[str, str]] = set()
    for path, english, romanian in CITABLE:
        fact = at(RAW, path)
        if isinstance(fact[english], list):
            pairs |= set(zip(fact[english], fact[romanian], strict=True))
        else:
            pairs.add((fact[english], fact[romanian]))
    by_english: dict[str, set[str]] = {}
    by_romanian: dict[str, set[str]] = {}
    for en, ro in pairs:
        by_english.setdefault(en, set()).add(ro)
        by_romanian.setdefault(ro, set()).add(en)
    assert {en: ro for en, ro in by_english.items() if len(ro) > 1} == {}
    assert {ro: en for ro, en in by_romanian.items() if len(en) > 1} == {}


@pytest.mark.parametrize(("path", "english", "romanian"), CITABLE, ids=IDS)
def test_the_loader_refuses_a_citable_fact_without_its_romanian_form(path: Path, english: str, romanian: str) -> None:
    data = raw()
    del at(data, path)[romanian]
    with pytest.raises(ValidationError, match=romanian):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_romanian_conditions_that_do_not_match_the_english_ones() -> None:
    data = raw()
    rule = next(item for item in data["mechanisms"] if item["mechanism"] == "compelling-legitimate-interests")
    rule["conditions_ro"] = rule["conditions_ro"][:-1]
    with pytest.raises(ValidationError, match="conditions_ro"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_a_romanian_caveat_without_the_english_one() -> None:
    data = raw()
    decision = next(item for item in data["adequacy"] if item["id"] == "br")
    decision["caveat_ro"] = "Decizia este contestată."
    with pytest.raises(ValidationError, match="caveat_ro"):
        LegalFacts.model_validate(data)


def test_the_loader_refuses_a_dated_membership_without_its_last_day() -> None:
    data = raw()
    transition = next(item for item in data["memberships"] if item["status"] == "withdrawal-transition")
    del transition["until"]
    with pytest.raises(ValidationError, match="withdrawal-transition"):
        LegalFacts.model_validate(data)


def test_the_romanian_forms_use_the_official_vocabulary() -> None:
    facts = legal_facts()
    assert facts.decision("us-dpf").reference_ro.startswith("Decizia de punere în aplicare (UE) 2023/1795")
    assert facts.decision("ch").reference_ro.startswith("Decizia 2000/518/CE a Comisiei")
    assert facts.decision("us-dpf").article_ro == "art. 45 alin. (3) din RGPD"
    assert facts.decision("ch").article_ro == "art. 45 alin. (9) din RGPD"
    rules = {rule.mechanism.value: rule for rule in facts.mechanisms}
    assert "clauzele contractuale standard" in rules["scc"].reference_ro
    assert "reguli corporatiste obligatorii" in rules["bcr"].reference_ro
    assert rules["compelling-legitimate-interests"].reference_ro == "art. 49 alin. (1) al doilea paragraf din RGPD"
    for rule in facts.mechanisms:
        assert "GDPR" not in rule.reference_ro
        assert "Art. " not in rule.reference_ro


def test_the_models_give_each_text_in_every_language() -> None:
    decision = legal_facts().decision("us-dpf")
    assert decision.reference_text.text("en") == decision.reference
    assert decision.reference_text.text("ro") == decision.reference_ro
    assert decision.caveat_text is not None
    assert decision.caveat_text.text("ro") == decision.caveat_ro
    assert decision.scope[0].condition_text.text("ro") == decision.scope[0].condition_ro
    rule = legal_facts().rule(legal_facts().mechanisms[1].mechanism)
    assert [text.text("ro") for text in rule.conditions_text] == list(rule.conditions_ro)
