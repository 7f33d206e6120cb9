"""`ropa transfers --from D1 --to D2`: each transfer whose verdict changes, when and why, and the law's dates."""

from __future__ import annotations

import json
from datetime import date

from ropa.io import load
from ropa.law.verdict_changes import verdict_changes
from ropa.transfers import register_transfers
from tests.conftest import ONEDU
from tests.helpers import run_ropa


def test_onedu_from_2020_lists_the_privacy_shields_fall_and_the_data_privacy_framework() -> None:
    result = run_ropa("transfers", ONEDU, "--from", "2020-01-01", "--to", "2026-12-07")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    law = out.split("The law's dates for these destinations")[1]
    assert "2020-07-16  US  CJEU, Schrems II, C-311/18: Decision (EU) 2016/1250 invalid" in law
    assert "2023-07-10  US  Implementing Decision (EU) 2023/1795 (EU-U.S. Data Privacy Framework) takes effect" in law
    assert (
        "2023-07-10  “Newsletters” → Mailchimp → United States: lawful (safeguards) → lawful (adequacy)\n"
        "            why: Art. 45(3) GDPR; Implementing Decision (EU) 2023/1795 (EU-U.S. Data Privacy Framework)"
    ) in out


def test_the_json_gives_each_change_with_its_day_and_decision() -> None:
    result = run_ropa("transfers", ONEDU, "--from", "2020-01-01", "--to", "2026-12-07", "--format", "json")
    data = json.loads(result.stdout)
    mailchimp = [c for c in data["verdict_changes"] if c["recipient"] == "mailchimp"]
    assert [(c["date"], c["before"]["basis"], c["after"]["basis"]) for c in mailchimp] == [
        ("2021-06-27", "none", "safeguards"),
        ("2023-07-10", "safeguards", "adequacy"),
    ]
    assert "Implementing Decision (EU) 2023/1795" in mailchimp[1]["after"]["citation"]
    schrems = [item for item in data["law"] if item["date"] == "2020-07-16"]
    assert schrems
    assert schrems[0]["decision"] == "Implementing Decision (EU) 2016/1250 (EU-U.S. Privacy Shield)"


def test_changes_are_found_only_on_the_laws_boundary_dates_and_agree_with_day_by_day_verdicts() -> None:
    register = load(ONEDU)
    changes = verdict_changes(register, date(2023, 7, 1), date(2023, 7, 20))
    assert {change.day for change in changes} == {date(2023, 7, 10)}
    before = {(c.after.activity, c.after.recipient): c.before.assessment.basis for c in changes}
    assert before[("newsletters", "mailchimp")] == "safeguards"
    day_before = {(t.activity, t.recipient): t.assessment.basis for t in register_transfers(register, date(2023, 7, 9))}
    assert all(day_before[key] == basis for key, basis in before.items())
    quiet = verdict_changes(register, date(2023, 7, 11), date(2023, 12, 31))
    assert all(change.day != date(2023, 7, 10) for change in quiet)


def test_a_window_without_a_change_says_so() -> None:
    result = run_ropa("transfers", ONEDU, "--from", "2024-01-01", "--to", "2024-02-01")
    assert result.returncode == 0
    assert "No transfer's verdict changes." in result.stdout


def test_from_without_to_is_a_usage_error() -> None:
    result = run_ropa("transfers", ONEDU, "--from", "2024-01-01")
    assert result.returncode == 2
    assert "give --from and --to" in result.stderr
