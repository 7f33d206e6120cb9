"""Findings: each rule fires when it should, cites the law, and `ropa check` reports it located."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ropa.checks import CODES, Finding, Severity, check
from ropa.io import load_text
from ropa.model import Register
from tests.conftest import ONEDU
from tests.helpers import run_ropa, write

TODAY = date(2026, 11, 25)

BASE = """\
format: 1
languages: [en]
controller: {name: Example Association, email: privacy@example.org, country: RO}
data_subjects:
  donors: {name: {en: donors}}
data_categories:
  contact: {name: {en: contact details}}
purposes:
  mailing: {name: {en: sending the newsletter}, legal_basis: consent, requirement: {en: optional}}
recipient_categories:
  email: {en: email service providers}
recipients:
  mailer:
    name: Mailer
    legal_entity: Mailer Inc.
    category: email
    role: processor
    country: US
    locations: [US]
    contract: {reference: dpa.pdf}
    MECHANISMS
security_measures:
  tls: {name: {en: encrypted connections}, point: a}
activities:
  newsletter:
    name: {en: Newsletter}
    purposes: [mailing]
    data_subjects: [donors]
    data_categories: [contact]
    recipients: [mailer]
    security_measures: [tls]
    retention: [{data: [contact], criteria: {en: until unsubscribed}}]
    source: {en: from the donors themselves}
"""


FULL = "dpf_certified: true\n    mechanisms: [scc]\n    transfer_impact_assessment: tia.pdf"


def register(mechanisms: str = FULL, edits: dict[str, str] | None = None) -> Register:
    """BASE with the recipient's transfer facts and some edits (old text → new text) applied."""
    text = BASE.replace("MECHANISMS", mechanisms)
    for old, new in (edits or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    return load_text(text)


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def test_a_complete_register_has_no_findings() -> None:
    assert check(register(), on=TODAY) == []


def test_every_code_is_documented() -> None:
    documented = (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    for code, (severity, _) in CODES.items():
        assert f"`{code}`" in documented, code
        assert severity in Severity


def test_a_us_recipient_with_neither_dpf_nor_safeguards_is_an_error() -> None:
    (finding,) = [f for f in check(register(mechanisms="dpf_certified: false"), on=TODAY) if f.code == "T101"]
    assert finding.severity is Severity.ERROR
    assert finding.path == ("recipients", "mailer", "locations")
    assert "Art. 44" in finding.message


def test_the_verdict_depends_on_the_date() -> None:
    only_dpf = register(mechanisms="dpf_certified: true")
    assert "T101" not in codes(check(only_dpf, on=TODAY))
    assert "T101" in codes(check(only_dpf, on=date(2023, 7, 9)))  # the day before the DPF applied


def test_dpf_alone_asks_for_a_fallback() -> None:
    assert codes(check(register(mechanisms="dpf_certified: true"), on=TODAY)) == ["T104"]


def test_safeguards_without_a_transfer_impact_assessment() -> None:
    (finding,) = check(register(mechanisms="mechanisms: [scc]"), on=TODAY)
    assert finding.code == "T103"
    assert "EDPB Recommendations 01/2020" in finding.message


def test_a_derogation_for_regular_transfers() -> None:
    findings = check(register(mechanisms="mechanisms: [derogation-49-1-a]"), on=TODAY)
    assert codes(findings) == ["T102"]
    assert "EDPB Guidelines 2/2018" in findings[0].message
    occasional = register(
        mechanisms="mechanisms: [derogation-49-1-a]",
        edits={"    security_measures: [tls]\n": "    security_measures: [tls]\n    occasional: true\n"},
    )
    assert check(occasional, on=TODAY) == []


def test_compelling_legitimate_interests_need_their_documentation() -> None:
    findings = check(register(mechanisms="mechanisms: [compelling-legitimate-interests]"), on=TODAY)
    assert "T105" in codes(findings)
    (finding,) = [f for f in findings if f.code == "T105"]
    assert finding.severity is Severity.ERROR
    assert "Art. 49(6)" in finding.message


def test_a_processor_without_a_contract() -> None:
    findings = check(register(edits={"    contract: {reference: dpa.pdf}\n": ""}), on=TODAY)
    assert codes(findings) == ["P201"]
    assert "Art. 28(3)" in findings[0].message


def test_an_unknown_legal_entity_and_unknown_locations() -> None:
    findings = check(register(edits={"    legal_entity: Mailer Inc.\n": "", "    locations: [US]\n": ""}), on=TODAY)
    assert codes(findings) == ["T107", "P202"]


def test_a_joint_controller_without_its_arrangement() -> None:
    findings = check(register(edits={"role: processor": "role: joint-controller"}), on=TODAY)
    assert codes(findings) == ["P203"]
    assert "Art. 26" in findings[0].message


def test_legitimate_interests_of_a_public_utility_association() -> None:
    text = {
        "legal_basis: consent": "legal_basis: legitimate-interests, legitimate_interest: {en: informing supporters}"
    }
    assert codes(check(register(edits=text), on=TODAY)) == ["B302"]
    public = register(
        edits=text | {"country: RO}": "country: RO, public_utility: true, dpo: {email: dpo@example.org}}"}
    )
    findings = check(public, on=TODAY)
    assert codes(findings) == ["B301"]
    assert "Law 190/2018" in findings[0].message


def test_a_public_utility_association_needs_a_dpo() -> None:
    assert codes(check(register(edits={"country: RO}": "country: RO, public_utility: true}"}), on=TODAY)) == ["C601"]


def test_children_without_a_dpia_decision() -> None:
    children = register(edits={"donors: {name: {en: donors}}": "donors: {name: {en: donors}, children: true}"})
    assert codes(check(children, on=TODAY)) == ["D401"]
    decided = register(
        edits={
            "donors: {name: {en: donors}}": "donors: {name: {en: donors}, children: true}",
            "    security_measures: [tls]\n    retention": "    security_measures: [tls]\n    dpia: {required: false}\n    retention",
        }
    )
    assert check(decided, on=TODAY) == []


def test_a_data_category_without_retention() -> None:
    findings = check(
        register(edits={"    retention: [{data: [contact], criteria: {en: until unsubscribed}}]\n": ""}), on=TODAY
    )
    assert codes(findings) == ["D402"]
    assert "Art. 30(1)(f)" in findings[0].message


def test_an_activity_without_security_measures_or_purposes() -> None:
    findings = check(
        register(
            edits={"    security_measures: [tls]\n    retention": "    retention", "    purposes: [mailing]\n": ""}
        ),
        on=TODAY,
    )
    assert codes(findings) == ["D403", "D404", "U502"]


def test_unused_recipients_and_purposes() -> None:
    findings = check(register(edits={"    recipients: [mailer]\n": "", "    purposes: [mailing]\n": ""}), on=TODAY)
    assert "U501" in codes(findings)
    assert "U502" in codes(findings)


def test_an_ended_activity_is_history_not_a_gap() -> None:
    ended = register(edits={"    security_measures: [tls]\n    retention": "    ended: 2025-01-01\n    retention"})
    assert "D403" not in codes(check(ended, on=TODAY))


def test_every_finding_cites_an_article_or_a_guideline() -> None:
    for finding in check(load_text(ONEDU.read_text(encoding="utf-8")), on=TODAY):
        assert "Art." in finding.message or "EDPB" in finding.message or "Law 190/2018" in finding.message, finding


def test_ropa_check_json_on_the_onedu_register() -> None:
    result = run_ropa("check", ONEDU, "--on", "2026-11-25", "--format", "json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert findings, "the ONedu register has known gaps (see examples/onedu/README.md)"
    lines = ONEDU.read_text(encoding="utf-8").splitlines()
    for finding in findings:
        assert set(finding) >= {"code", "severity", "line", "message"}
        assert finding["code"] in CODES
        assert finding["severity"] in ("error", "warning", "info")
        assert 1 <= finding["line"] <= len(lines)
    # A finding about a recipient points at that recipient's entry in the file.
    about_oblio = next(f for f in findings if f["path"].startswith("recipients.oblio"))
    assert lines[about_oblio["line"] - 1].strip() == "oblio:"


def test_ropa_check_exits_1_on_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "register.yaml", BASE.replace("MECHANISMS", "dpf_certified: false"))
    result = run_ropa("check", path, "--on", "2026-11-25")
    assert result.returncode == 1
    assert "T101 error" in result.stdout
    assert f"{path}:19: T101 error: recipients.mailer.locations" in result.stdout


@pytest.mark.parametrize("on", ["2018-05-24", "2017-01-01"])
def test_a_date_before_the_gdpr_applied_is_a_usage_error(on: str) -> None:
    result = run_ropa("check", ONEDU, "--on", on)
    assert result.returncode == 2
    assert "Art. 99(2)" in result.stderr


def test_an_adequacy_decision_ending_within_a_year() -> None:
    uk = register(mechanisms="", edits={"country: US\n    locations: [US]": "country: GB\n    locations: [GB]"})
    assert check(uk, on=TODAY) == []
    findings = check(uk, on=date(2031, 6, 1))  # the UK decision runs to 27 December 2031 (Decision (EU) 2025/2574)
    assert codes(findings) == ["T106"]
    assert "27 December 2031" in findings[0].message  # a date in words; the ISO date is the parameter
    assert dict(findings[0].params)["until"] == "2031-12-27"


def test_the_onedu_readme_explains_every_finding() -> None:
    readme = (ONEDU.parent / "README.md").read_text(encoding="utf-8")
    findings = check(load_text(ONEDU.read_text(encoding="utf-8")), on=TODAY)
    for code in {finding.code for finding in findings}:
        assert f"(`{code}`" in readme or f"`{code}`" in readme, code
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    assert f"**{errors} errors, {warnings} warnings" in readme


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("email: privacy@example.org, ", "", "I902"),
        (", requirement: {en: optional}", "", "I905"),
        ("    source: {en: from the donors themselves}\n", "", "I906"),
        ("country: RO}", "country: RO, dpo: {name: DPO}}", "I903"),
        ("country: RO}", "country: DE}", "I901"),
    ],
)
def test_each_element_the_notice_cannot_state_is_a_finding(old: str, new: str, code: str) -> None:
    assert codes(check(register(edits={old: new}), on=TODAY)) == [code]


def test_a_representative_without_contact_details_is_a_finding() -> None:
    edits = {"country: RO}": "country: US, representative: {name: Rep Ltd, country: IE}}"}
    assert "I904" in codes(check(register(edits=edits), on=TODAY))
