"""Every text of the facts files a verdict can quote has its words in every catalogue, Romanian included.

The facts files state each citable text in English, as the fact it is; its words in each language are the
catalogues' messages of context `facts`, keyed by that English text (`ropa.words`, docs/languages.md).
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ropa.law import legal_facts
from ropa.law.facts import LegalFacts
from ropa.law.importers import art_3_2_caveat
from ropa.words import MissingWording, languages, messages, text
from tests.law.test_law_facts import RAW, Path, at, raw

CEDILLAS = "şţŞŢ"

# (path of the fact, the field): every text a verdict can cite or quote.
Citable = tuple[Path, str]


def _citable() -> list[Citable]:
    found: list[Citable] = []
    for index, _ in enumerate(RAW["memberships"]):
        found.append((("memberships", index), "reference"))
    for index, _ in enumerate(RAW["parts"]):
        found += [(("parts", index), "reference"), (("parts", index), "assumed")]
    for index, decision in enumerate(RAW["adequacy"]):
        path: Path = ("adequacy", index)
        found += [(path, "reference"), (path, "article")]
        if "caveat" in decision:
            found.append((path, "caveat"))
        for number, _ in enumerate(decision["scope"]):
            found.append(((*path, "scope", number), "condition"))
    for index, rule in enumerate(RAW["mechanisms"]):
        found.append((("mechanisms", index), "reference"))
        for field in ("conditions", "old_contracts_conditions"):
            if field in rule:
                found.append((("mechanisms", index), field))
    return found


CITABLE = _citable()
IDS = [".".join(map(str, (*path, field))) for path, field in CITABLE]


def _texts(path: Path, field: str) -> list[str]:
    value = at(RAW, path)[field]
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _every_citable_text() -> set[str]:
    caveat = art_3_2_caveat()
    return {text for path, field in CITABLE for text in _texts(path, field)} | {caveat.caveat, caveat.reference}


def test_every_kind_of_citable_text_is_listed() -> None:
    kinds = {field for _, field in CITABLE}
    assert kinds == {"reference", "article", "caveat", "condition", "conditions", "old_contracts_conditions", "assumed"}
    assert len(CITABLE) > 80


@pytest.mark.parametrize(("path", "field"), CITABLE, ids=IDS)
def test_every_citable_text_has_its_words_in_every_language(path: Path, field: str) -> None:
    for english in _texts(path, field):
        assert text("en", "facts", english) == english
        romanian = text("ro", "facts", english)
        assert romanian.strip()
        assert romanian != english, f"{path}: the Romanian words are the English text"
        assert not any(letter in romanian for letter in CEDILLAS), f"{path}: cedilla in {romanian!r}"
        assert all(text(lang, "facts", english).strip() for lang in languages())


def test_every_message_of_the_facts_is_a_text_of_the_facts_files() -> None:
    keys = {key for context, key in messages("en") if context == "facts"}
    assert keys == _every_citable_text()


def test_one_english_text_has_one_romanian_form_and_the_other_way_round() -> None:
    """A text copied beside the wrong fact shows as two English texts with one Romanian form."""
    by_romanian: dict[str, set[str]] = {}
    for english in _every_citable_text():
        by_romanian.setdefault(text("ro", "facts", english), set()).add(english)
    assert {ro: en for ro, en in by_romanian.items() if len(en) > 1} == {}


def test_a_changed_fact_without_its_words_is_a_missing_message_naming_it() -> None:
    data = raw()
    decision = next(item for item in data["adequacy"] if item["id"] == "ch")
    decision["reference"] = "A reference no catalogue has"
    facts = LegalFacts.model_validate(data)
    with pytest.raises(MissingWording, match="no message 'A reference no catalogue has' in context 'facts'"):
        facts.decision("ch").reference_text.text("ro")


def test_the_loader_refuses_a_dated_membership_without_its_last_day() -> None:
    data = raw()
    transition = next(item for item in data["memberships"] if item["status"] == "withdrawal-transition")
    del transition["until"]
    with pytest.raises(ValidationError, match="withdrawal-transition"):
        LegalFacts.model_validate(data)


def test_the_romanian_forms_use_the_official_vocabulary() -> None:
    facts = legal_facts()
    assert facts.decision("us-dpf").reference_text.text("ro").startswith("Decizia de punere în aplicare (UE) 2023/1795")
    assert facts.decision("ch").reference_text.text("ro").startswith("Decizia 2000/518/CE a Comisiei")
    assert facts.decision("us-dpf").article_text.text("ro") == "art. 45 alin. (3) din RGPD"
    assert facts.decision("ch").article_text.text("ro") == "art. 45 alin. (9) din RGPD"
    rules = {rule.mechanism.value: rule for rule in facts.mechanisms}
    assert "clauzele contractuale standard" in rules["scc"].reference_text.text("ro")
    assert "reguli corporatiste obligatorii" in rules["bcr"].reference_text.text("ro")
    assert (
        rules["compelling-legitimate-interests"].reference_text.text("ro")
        == "art. 49 alin. (1) al doilea paragraf din RGPD"
    )
    for rule in facts.mechanisms:
        assert "GDPR" not in rule.reference_text.text("ro")
        assert "Art. " not in rule.reference_text.text("ro")


def test_the_models_give_each_text_in_every_language() -> None:
    decision = legal_facts().decision("us-dpf")
    assert decision.reference_text.text("en") == decision.reference
    assert decision.reference_text.text("ro") == text("ro", "facts", decision.reference)
    assert decision.caveat_text is not None
    assert decision.caveat is not None
    assert decision.caveat_text.text("ro") == text("ro", "facts", decision.caveat)
    scope = decision.scope[0]
    assert scope.condition_text.text("ro") == text("ro", "facts", scope.condition)
    rule = next(rule for rule in legal_facts().mechanisms if rule.mechanism.value == "compelling-legitimate-interests")
    assert rule.conditions
    assert [words.text("ro") for words in rule.conditions_text] == [text("ro", "facts", c) for c in rule.conditions]
