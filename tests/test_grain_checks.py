"""The findings of issue 21: the law behind (c)/(e) (B303, B304), Art. 10's authorising law (D407), and a
published text that reads like an unfinished note (I907)."""

from __future__ import annotations

import pytest

from ropa.checks import CODES, Severity, check
from ropa.model.consistency import format_path
from tests.conftest import ROOT
from tests.grain_register import DAY, GRAIN, grain


def found(*edits: tuple[str, str]) -> list[tuple[str, str]]:
    return [(f.code, format_path(f.path)) for f in check(grain(GRAIN, *edits), on=DAY) if f.code in NEW]


NEW = ("B303", "B304", "D407", "I907")


def test_the_grain_register_has_none_of_them() -> None:
    assert found() == []


def test_a_legal_obligation_without_its_law() -> None:
    law = "    law: {text: {ro: Legea educației nr. 198/2023, en: Education Law 198/2023}, country: RO}\n"
    assert found((law, "")) == [("B303", "purposes.schooling.law")]


def test_a_third_countrys_law_is_no_legal_obligation_but_an_eea_states_is() -> None:
    assert found(("Education Law 198/2023}, country: RO}", "Education Law 198/2023}, country: US}")) == [
        ("B304", "purposes.schooling.law.country")
    ]
    assert found(("Education Law 198/2023}, country: RO}", "Education Law 198/2023}, country: EU}")) == []
    assert found(("Education Law 198/2023}, country: RO}", "Education Law 198/2023}, country: NO}")) == []
    assert CODES["B304"][0] is Severity.ERROR


def test_a_processor_purpose_needs_no_law_of_the_organisation() -> None:
    edits = (
        "    name: {ro: găzduirea pentru clienți, en: hosting for clients}\n",
        "    name: {ro: găzduirea pentru clienți, en: hosting for clients}\n    legal_basis: public-task\n",
    )
    assert found(edits) == []


CRIMINAL = (
    "  bank: {name: {ro: date bancare, en: bank details}}",
    "  bank: {name: {ro: cazier, en: criminal record}, criminal: true}",
)
IN_SCHOOL = (
    "data_categories: [identity, contact, health, allergies]",
    "data_categories: [identity, contact, health, allergies, bank]",
)


def test_criminal_offence_data_without_its_authorising_law() -> None:
    assert found(CRIMINAL, IN_SCHOOL) == [("D407", "activities.school.criminal_data_law")]
    authorised = (
        "    notes: exact provision",
        "    criminal_data_law: {text: {ro: Legea X, en: Law X}, country: RO}\n    notes: exact provision",
    )
    assert found(CRIMINAL, IN_SCHOOL, authorised) == []
    foreign = (authorised[0], authorised[1].replace("country: RO", "country: US"))
    assert found(CRIMINAL, IN_SCHOOL, foreign) == [("B304", "activities.school.criminal_data_law.country")]


@pytest.mark.parametrize(
    "note", ["exact provision to be confirmed", "TODO", "de confirmat", "Legea ?? art. 5", "[?]", "TBD: the period"]
)
def test_a_published_text_that_reads_like_a_note(note: str) -> None:
    edit = ("source: {ro: de la părinți, en: from the parents}", f"source: {{ro: de la părinți, en: '{note}'}}")
    assert found(edit) == [("I907", "activities.school.source.en")]


def test_the_same_words_in_notes_are_no_finding() -> None:
    # The grain register's `notes` say "to be confirmed": never published, never a finding.
    assert "to be confirmed" in GRAIN
    assert found() == []


def test_every_new_code_is_documented() -> None:
    checks = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for code in NEW:
        assert f"| `{code}` | {CODES[code][0].value} | {CODES[code][1]} |" in checks
