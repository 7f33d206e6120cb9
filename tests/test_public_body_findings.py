"""Public authorities under the GDPR itself, in every country (B305, T108; D407, D409 for every controller).

The register is a Belgian municipality (tests/fixtures/public-body/municipality.yaml); read as a private company
doing the same, it gets none of the public-authority findings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ropa.checks import CODES, Finding, check
from ropa.io import load_text
from ropa.model import Register

TODAY = date(2026, 11, 25)
MUNICIPALITY = Path(__file__).parent / "fixtures" / "public-body" / "municipality.yaml"


def municipality(**edits: str) -> Register:
    text = MUNICIPALITY.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    return load_text(text)


def company(**edits: str) -> Register:
    return municipality(**{"kind: public-body": "kind: company"}, **edits)


def found(register: Register, code: str) -> list[Finding]:
    return [finding for finding in check(register, on=TODAY) if finding.code == code]


def test_a_public_authority_relying_on_legitimate_interests_is_told_of_art_6_1_last_subparagraph() -> None:
    (finding,) = found(municipality(), "B305")
    assert finding.where == "purposes.newsletter.legal_basis"
    assert "Art. 6(1), last subparagraph" in finding.message
    assert not found(company(), "B305")


def test_a_public_authority_on_other_bases_has_no_b305() -> None:
    assert not found(municipality(**{"legal_basis: legitimate-interests": "legal_basis: consent"}), "B305")


@pytest.mark.parametrize("derogation", ["derogation-49-1-a", "derogation-49-1-b", "derogation-49-1-c"])
def test_a_public_authority_relying_on_consent_or_a_contract_derogation_gets_art_49_3(derogation: str) -> None:
    edits = {"[derogation-49-1-a]": f"[{derogation}]"}
    (finding,) = found(municipality(**edits), "T108")
    assert finding.where == "recipients.mailer.mechanisms"
    assert "Art. 49(3)" in finding.message
    assert derogation in finding.message
    assert not found(company(**edits), "T108")


def test_other_derogations_and_safeguards_are_not_denied_to_a_public_authority() -> None:
    # Art. 49(3) names points (a)-(c) and the second subparagraph only: (d) important reasons of public interest
    # remains, and an Art. 46 safeguard is no derogation.
    for mechanisms in ("[derogation-49-1-d]", "[scc]"):
        assert not found(municipality(**{"[derogation-49-1-a]": mechanisms}), "T108")


def test_the_municipality_as_processor_is_not_told_of_art_49_3() -> None:
    # As processor the transfer is made on the client controller's behalf, under its powers, not the municipality's.
    edits = {
        "    occasional: true\n": "    occasional: true\n    role: processor\n    on_behalf_of: [region]\n",
        "recipient_categories:": "client_controllers:\n  region: {name: The Region, country: BE}\nrecipient_categories:",
    }
    assert not found(municipality(**edits), "T108")


def test_criminal_offence_data_without_its_law_is_d407_for_a_public_authority_as_for_anyone() -> None:
    # Art. 10 binds every controller: the finding is the same for the municipality and the company.
    for register in (municipality(), company()):
        (finding,) = found(register, "D407")
        assert finding.where == "activities.cctv.criminal_data_law"
    law = "    publicly_accessible_area: true\n"
    with_law = {law: law + "    criminal_data_law: {text: {en: the Belgian camera law}, country: BE}\n"}
    assert not found(municipality(**with_law), "D407")


def test_large_scale_cctv_of_a_public_square_without_a_dpia_decision_is_d409() -> None:
    (finding,) = found(municipality(), "D409")
    assert finding.where == "activities.cctv.dpia"
    assert "Art. 35(3)(c)" in finding.message
    assert "no decision" in finding.message
    # Art. 35(3)(c) binds every controller: a company filming a public square on a large scale needs one too.
    assert found(company(), "D409")


def test_d409_follows_the_dpia_decision_and_the_scale() -> None:
    area = "    publicly_accessible_area: true\n"
    not_required = found(municipality(**{area: area + "    dpia: {required: false}\n"}), "D409")
    assert len(not_required) == 1
    assert "none is required" in not_required[0].message
    assert not found(municipality(**{area: area + "    dpia: {required: true, done: true}\n"}), "D409")
    assert not found(municipality(**{"    large_scale: true\n": ""}), "D409")
    assert not found(municipality(**{area: ""}), "D409")


def test_the_new_codes_are_documented_with_their_article() -> None:
    documented = (Path(__file__).parents[1] / "docs" / "checks.md").read_text(encoding="utf-8")
    for code, article in (("B305", "Art. 6(1)"), ("T108", "Art. 49(3)"), ("D409", "Art. 35(3)(c)")):
        assert code in CODES
        row = next(line for line in documented.splitlines() if line.startswith(f"| `{code}` |"))
        assert article in row
