"""`ropa diff`: what changed between two registers, in words."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ropa.diff import diff
from ropa.io import load, load_text
from ropa.render.changes import diff_to_json, diff_to_markdown
from tests.conftest import ONEDU
from tests.helpers import run_ropa, write

TODAY = date(2026, 11, 25)


def test_a_register_against_itself_has_no_change() -> None:
    register = load(ONEDU)
    difference = diff(register, register, on=TODAY)
    assert not difference
    assert diff_to_markdown(difference, register, register, lang="en").endswith("No changes.\n")
    assert diff_to_markdown(difference, register, register, lang="ro").endswith("Nicio modificare.\n")


def test_ropa_diff_of_the_onedu_register_against_itself(tmp_path: Path) -> None:
    result = run_ropa("diff", ONEDU, ONEDU, "--on", "2026-11-25", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert all(not data[name][kind] for name in ("activities", "recipients", "purposes") for kind in data[name])
    assert all(not changes for changes in data["transfers"].values())
    assert data["other_changes"] == []


def test_renaming_a_recipient_is_reported(tmp_path: Path) -> None:
    text = ONEDU.read_text(encoding="utf-8")
    renamed = write(tmp_path, "new.yaml", text.replace("name: Netopia Payments", "name: NETOPIA Payments", 1))
    result = run_ropa("diff", ONEDU, renamed, "--lang", "en", "--on", "2026-11-25")
    assert result.returncode == 0
    assert "## Recipients" in result.stdout
    assert "- Changed: “NETOPIA Payments” — Recipient: “Netopia Payments” → “NETOPIA Payments”" in result.stdout


SMALL = """\
format: 1
languages: [ro, en]
controller: {name: X, country: RO}
purposes:
  mailing: {name: {ro: newsletter, en: newsletter}, legal_basis: consent}
recipient_categories:
  email: {ro: e-mail, en: email}
recipients:
  mailer: {name: Mailer, category: email, role: processor, locations: [US], dpf_certified: true}
activities:
  news:
    name: {ro: Știri, en: News}
    purposes: [mailing]
    recipients: [mailer]
"""


def test_added_removed_and_verdict_changes() -> None:
    old = load_text(SMALL)
    new = load_text(
        SMALL.replace("dpf_certified: true}", "dpf_certified: false}")
        .replace(
            "legal_basis: consent}",
            "legal_basis: consent}\n  stats: {name: {ro: statistici, en: statistics}, legal_basis: consent}",
        )
        .replace("    purposes: [mailing]", "    purposes: [mailing, stats]")
    )
    difference = diff(old, new, on=TODAY)
    assert difference.collections["purposes"].added == ("stats",)
    (changed,) = difference.collections["activities"].changed
    assert [f.field for f in changed.fields] == ["purposes"]
    (verdict,) = difference.verdicts_changed
    assert verdict.old.assessment.lawful
    assert not verdict.new.assessment.lawful
    markdown = diff_to_markdown(difference, old, new, lang="ro")
    assert "- Adăugat: „statistici”" in markdown
    assert "- Modificat: „Știri” — Scopurile prelucrării: adăugat „statistici”" in markdown
    assert "Verdict schimbat" in markdown
    assert "nelegal" in markdown
    data = json.loads(diff_to_json(difference))
    assert data["activities"]["changed"]["news"]["purposes"] == {"old": ["mailing"], "new": ["mailing", "stats"]}
    assert data["transfers"]["verdict_changed"][0]["new"]["lawful"] is False


def test_a_removed_activity_removes_its_transfers() -> None:
    old = load_text(SMALL)
    new = load_text(SMALL.split("activities:")[0] + "activities: {}\n")
    difference = diff(old, new, on=TODAY)
    assert difference.collections["activities"].removed == ("news",)
    assert [t.recipient for t in difference.transfers_removed] == ["mailer"]
    assert "Unused" not in diff_to_markdown(difference, old, new, lang="en")


def test_values_are_the_registers_words_not_codes() -> None:
    old = load_text(SMALL)
    new = load_text(
        SMALL.replace(
            "legal_basis: consent}", "legal_basis: legitimate-interests, legitimate_interest: {ro: a, en: a}}"
        )
        .replace("locations: [US], dpf_certified: true}", "locations: [US, CH], country: US, mechanisms: [scc]}")
        .replace("    recipients: [mailer]", "    recipients: [mailer]\n    created: 2026-01-05")
    )
    markdown = diff_to_markdown(diff(old, new, on=TODAY), old, new, lang="ro")
    assert (
        "Temeiul juridic al prelucrării: consimțământul persoanei vizate — art. 6 alin. (1) lit. (a) → interesele"
        in markdown
    )
    assert "Locațiile prelucrării (țări sau organizații internaționale): adăugat Elveția" in markdown
    assert "Țara de stabilire: (necompletat) → Statele Unite" in markdown
    assert (
        "Certificat în Cadrul UE-SUA privind confidențialitatea datelor (Decizia de punere în aplicare (UE) 2023/1795): Da → Nu"
        in markdown
    )
    assert "Data creării înregistrării: (necompletat) → „2026-01-05”" in markdown
    for code in ("True", "False", "legitimate-interests", "consent", "dpf_certified", "locations", "`"):
        assert code not in markdown
