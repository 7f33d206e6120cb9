"""National law applies by the controller's country only; the new findings fire both ways."""

from __future__ import annotations

from datetime import date

from ropa.checks import check
from ropa.io import load_text
from ropa.law.national import national_law
from ropa.model import Register
from ropa.render.workbook_tables import Words, tables
from ropa.transfers import register_transfers

TODAY = date(2026, 11, 25)

BASE = """\
format: 1
languages: [en]
controller: {name: Example, country: COUNTRY, KIND}
data_subjects:
  people: {name: {en: people}}
data_categories:
  contact: {name: {en: contact details}}
  cnp: {name: {en: personal numeric code}, national_id: true}
purposes:
  fraud: {name: {en: preventing fraud}, legal_basis: legitimate-interests, legitimate_interest: {en: preventing fraud}}
recipient_categories:
  authorities: {en: public authorities}
recipients:
  tax:
    name: The tax authority
    category: authorities
    role: public-authority
    locations: [COUNTRY]
security_measures:
  tls: {name: {en: encrypted connections}, point: a}
activities:
  checks:
    name: {en: Fraud checks}
    purposes: [fraud]
    data_subjects: [people]
    data_categories: [contact, cnp]
    recipients: [tax]
    security_measures: [tls]
    retention: [{data: [contact, cnp], period: P1Y}]
"""


def register(country: str = "RO", kind: str = "kind: association", **edits: str) -> Register:
    text = BASE.replace("COUNTRY", country).replace(", KIND", f", {kind}" if kind else "")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    return load_text(text)


def codes(found: Register) -> list[str]:
    return [finding.code for finding in check(found, on=TODAY)]


def romanian_law_cited(found: Register) -> list[str]:
    """Every finding message and workbook cell (both languages' labels) that cites Romanian law."""
    cited = [f.message for f in check(found, on=TODAY) if "190/2018" in f.message]
    words = Words(found, "en", TODAY, register_transfers(found, TODAY))
    for table in tables(words):
        for row in table.cells():
            cited.extend(str(cell) for cell in row if cell is not None and "190/2018" in str(cell))
    return cited


def test_romanian_rules_apply_to_a_romanian_association() -> None:
    found = register()
    assert national_law(found) is not None
    assert {"B302", "N701"} <= set(codes(found))
    assert romanian_law_cited(found)


def test_no_romanian_rule_or_label_for_a_german_or_us_controller() -> None:
    for country in ("DE", "US"):
        found = register(country, "kind: company")
        assert national_law(found) is None
        assert not {"B301", "B302", "C601", "N701"} & set(codes(found))
        assert romanian_law_cited(found) == []
    # Even an association elsewhere is not asked about Romanian public utility.
    assert "B302" not in codes(register("DE", "kind: association"))


def test_a_romanian_company_is_not_asked_about_public_utility() -> None:
    found = register("RO", "kind: company")
    assert "B302" not in codes(found)
    words = Words(found, "en", TODAY, [])
    controller_sheet = next(table for table in tables(words) if table.sheet == "controller")
    assert not any("public utility" in str(row) for row in controller_sheet.cells())
    association = Words(register(), "en", TODAY, [])
    association_sheet = next(table for table in tables(association) if table.sheet == "controller")
    assert any("public utility" in str(row) for row in association_sheet.cells())


def test_a_national_id_for_legitimate_interests_needs_a_dpo_in_romania() -> None:
    assert "N701" in codes(register())
    assert "N701" not in codes(register(**{"kind: association}": "kind: association, dpo: {email: d@example.org}}"}))


def test_a_public_body_needs_a_dpo() -> None:
    assert "C602" in codes(register("DE", "kind: public-body"))
    with_dpo = register("DE", "kind: public-body", **{"kind: public-body}": "kind: public-body, dpo: {email: d@x.de}}"})
    assert "C602" not in codes(with_dpo)


def test_large_scale_core_processing_needs_a_dpo() -> None:
    monitoring = {
        "    recipients: [tax]\n": "    recipients: [tax]\n    core: true\n    large_scale: true\n    systematic_monitoring: true\n"
    }
    assert "C602" in codes(register("DE", "kind: company", **monitoring))
    not_core = {
        "    recipients: [tax]\n": "    recipients: [tax]\n    large_scale: true\n    systematic_monitoring: true\n"
    }
    assert "C602" not in codes(register("DE", "kind: company", **not_core))
    not_large = {"    recipients: [tax]\n": "    recipients: [tax]\n    core: true\n    systematic_monitoring: true\n"}
    assert "C602" not in codes(register("DE", "kind: company", **not_large))
    criminal = {
        "  cnp: {name: {en: personal numeric code}, national_id: true}": "  cnp: {name: {en: records}, criminal: true}",
        "    recipients: [tax]\n": "    recipients: [tax]\n    core: true\n    large_scale: true\n",
    }
    assert "C602" in codes(register("DE", "kind: company", **criminal))


def test_a_controller_outside_the_union_needs_a_representative() -> None:
    assert "C603" in codes(register("US", "kind: company"))
    represented = register(
        "US", "kind: company", **{"kind: company}": "kind: company, representative: {name: Rep, country: IE}}"}
    )
    assert "C603" not in codes(represented)
    assert "C603" not in codes(register("DE", "kind: company"))
    assert "C603" not in codes(register("US", "kind: public-body"))  # Art. 27(2)(b)
    occasional = register(
        "US", "kind: company", **{"    recipients: [tax]\n": "    recipients: [tax]\n    occasional: true\n"}
    )
    assert "C603" not in codes(occasional)  # Art. 27(2)(a)
    outside = register(
        "US", "kind: company", **{"kind: company}": "kind: company, representative: {name: Rep, country: CH}}"}
    )
    assert "C604" in codes(outside)


def test_a_required_dpia_not_done_on_a_running_activity() -> None:
    pending = {"    recipients: [tax]\n": "    recipients: [tax]\n    dpia: {required: true, done: false}\n"}
    assert "D406" in codes(register(**pending))
    done = {
        "    recipients: [tax]\n": "    recipients: [tax]\n    dpia: {required: true, done: true, reference: dpia.pdf}\n"
    }
    assert "D406" not in codes(register(**done))
    not_running = {
        "    recipients: [tax]\n": "    recipients: [tax]\n    created: 2027-01-01\n    dpia: {required: true}\n"
    }
    assert "D406" not in codes(register(**not_running))


def test_a_public_authority_is_not_asked_for_its_legal_entity() -> None:
    assert "P202" not in codes(register())
    as_processor = {"    role: public-authority\n": "    role: processor\n"}
    assert "P202" in codes(register(**as_processor))
    # A recipient that is a public authority in one activity and a processor in another is asked.
    mixed = {"    recipients: [tax]\n": "    recipients: [tax]\n    recipient_roles: {tax: processor}\n"}
    assert {"P201", "P202"} <= set(codes(register(**mixed)))
