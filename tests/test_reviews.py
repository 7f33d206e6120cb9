"""Reviews: an activity's `reviewed` date and the register's `review_every` cadence give D408 when past due."""

from __future__ import annotations

from datetime import date

import pytest

from ropa.checks import check
from ropa.io import load_text
from tests.conftest import EXAMPLES

COMPANY = (EXAMPLES / "software-company" / "register.yaml").read_text(encoding="utf-8")


def _d407(text: str, on: date) -> list[tuple[str, str]]:
    return [(f.where, f.message) for f in check(load_text(text), on=on) if f.code == "D408"]


@pytest.mark.parametrize(("on", "due"), [(date(2027, 1, 15), False), (date(2027, 1, 16), True)])
def test_an_entry_is_past_due_the_day_after_its_cadence_runs_out(on: date, due: bool) -> None:
    found = [where for where, _ in _d407(COMPANY, on) if where.startswith("activities.business-travel")]
    assert found == (["activities.business-travel.reviewed"] if due else [])


def test_the_message_gives_the_dates_and_the_article() -> None:
    [(_, message)] = [m for m in _d407(COMPANY, date(2027, 1, 20)) if m[0].startswith("activities.business-travel")]
    assert "last reviewed on 15 January 2026" in message
    assert "(1 year) it was due for review on 15 January 2027" in message
    assert "Art. 24(1)" in message


def test_without_a_cadence_there_is_no_review_finding() -> None:
    assert _d407(COMPANY.replace("review_every: P1Y\n", ""), date(2030, 1, 1)) == []


def test_an_entry_with_no_date_at_all_is_reported_when_a_cadence_is_set() -> None:
    text = COMPANY.replace("    reviewed: 2026-01-15\n", "")
    assert ("activities.business-travel", _never()) in _d407(text, date(2026, 12, 7))


def test_an_ended_activity_is_not_asked_for_review() -> None:
    text = COMPANY.replace("    reviewed: 2026-01-15\n", "    reviewed: 2026-01-15\n    ended: 2026-06-30\n")
    assert not [m for m in _d407(text, date(2027, 6, 1)) if m[0].startswith("activities.business-travel")]


def _never() -> str:
    return (
        "the register sets a review cadence (1 year) but no date of review, change or creation is recorded for this "
        "entry (Art. 24(1) GDPR)"
    )
