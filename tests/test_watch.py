"""`ropa watch`: the register's dates and the law's in a window, as text, JSON and iCalendar (RFC 5545)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import icalendar
import pytest

from ropa.io import load_text
from ropa.render.watch import watch_to_ics
from ropa.watching import watch
from tests.helpers import run_ropa, write

REGISTER = """\
format: 1
languages: [en]
updated: 2026-11-25
review_every: P1Y
controller: {name: Exemplar Ltd, country: IE, web: "https://exemplar.example"}
data_subjects: {customers: {name: {en: customers}}}
data_categories: {contact: {name: {en: contact details}}}
purposes: {service: {name: {en: providing the service}, legal_basis: contract}}
recipient_categories: {hosting: {en: hosting providers}}
recipients:
  london-host:
    name: London Host
    category: hosting
    role: processor
    country: GB
    locations: [GB]
    contract: {date: 2024-02-01, reference: DPA-7, review_due: 2027-02-01}
  us-mail:
    name: US Mail
    category: hosting
    role: processor
    country: US
    locations: [US]
    mechanisms: [scc]
    contract: {date: 2024-02-01, reference: DPA-8}
    transfer_impact_assessment: TIA-3
    transfer_impact_assessment_review_due: 2027-05-10
activities:
  service:
    name: {en: Running the service}
    purposes: [service]
    data_subjects: [customers]
    data_categories: [contact]
    recipients: [london-host, us-mail]
    dpia: {required: true, done: true, reference: DPIA-1, review_due: 2027-03-15}
    reviewed: 2026-04-20
  old-newsletter:
    name: {en: Old newsletter}
    purposes: [service]
    data_subjects: [customers]
    data_categories: [contact]
    retention: [{data: [contact], period: P1Y}]
    created: 2020-01-01
    ended: 2026-06-30
"""
START, UNTIL = date(2026, 12, 7), date(2032, 1, 31)


def _items() -> list[tuple[str, str, str]]:
    return [(i.day.isoformat(), i.kind, i.source) for i in watch(load_text(REGISTER), UNTIL, start=START)]


def test_each_date_of_the_register_and_the_law_is_listed_with_its_source() -> None:
    found = _items()
    assert ("2027-02-01", "contract-review", "recipients.london-host.contract.review_due (DPA-7)") in found
    assert ("2027-03-15", "dpia-review", "activities.service.dpia.review_due (DPIA-1)") in found
    assert ("2027-04-20", "entry-review", "activities.service.reviewed; review_every") in found
    assert ("2027-05-10", "tia-review", "recipients.us-mail.transfer_impact_assessment_review_due (TIA-3)") in found
    assert (
        "2027-06-30",
        "retention-ends",
        "activities.old-newsletter.ended; activities.old-newsletter.retention[0].period",
    ) in found
    [uk_end] = [item for item in found if item[1] == "ends"]
    assert uk_end[0] == "2031-12-27"
    assert uk_end[2].startswith("CELEX 32021D1772")
    [review] = [item for item in found if item[1] == "watch"]
    assert review[0] == "2027-10-09"
    assert "COM(2024) 451" in review[2]
    [pending] = [item for item in found if item[1] == "pending"]
    assert pending[0] == START.isoformat()
    assert "OJ C/2025/6610" in pending[2]
    assert [day for day, _, _ in found] == sorted(day for day, _, _ in found)


def test_nothing_outside_the_window_is_listed() -> None:
    items = watch(load_text(REGISTER), date(2027, 3, 1), start=date(2027, 2, 2))
    assert [(i.day.isoformat(), i.kind) for i in items] == [("2027-02-02", "pending")]


def test_the_calendar_parses_with_one_event_per_item_and_is_deterministic() -> None:
    register = load_text(REGISTER)
    items = watch(register, UNTIL, start=START)
    ics = watch_to_ics(items, register, start=START)
    calendar = icalendar.Calendar.from_ical(ics)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(items) == len(_items())
    assert [event.decoded("DTSTART") for event in events] == [item.day for item in items]
    assert [str(event["SUMMARY"]) for event in events] == [item.what for item in items]
    assert {event.decoded("DTSTAMP").date() for event in events} == {date(2026, 11, 25)}
    assert len({str(event["UID"]) for event in events}) == len(events)
    assert all(line.endswith("\r") or not line for line in ics.split("\n"))  # CRLF
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))
    assert watch_to_ics(watch(load_text(REGISTER), UNTIL, start=START), load_text(REGISTER), start=START) == ics


@pytest.mark.parametrize("kind", ["text", "json", "ics"])
def test_the_command_writes_each_format(tmp_path: Path, kind: str) -> None:
    path = write(tmp_path, "register.yaml", REGISTER)
    result = run_ropa("watch", path, "--from", "2026-12-07", "--until", "2032-01-31", "--format", kind)
    assert result.returncode == 0, result.stderr
    if kind == "json":
        data = json.loads(result.stdout)
        assert data["from"] == "2026-12-07"
        assert len(data["items"]) == len(_items())
    elif kind == "ics":
        assert len(list(icalendar.Calendar.from_ical(result.stdout).walk("VEVENT"))) == len(_items())
    else:
        assert "2031-12-27  ends" in result.stdout
        assert "review of the contract with London Host due (Art. 28(3))" in result.stdout


def test_a_window_that_ends_before_it_starts_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "register.yaml", REGISTER)
    result = run_ropa("watch", path, "--from", "2027-01-01", "--until", "2026-01-01")
    assert result.returncode == 2
    assert "before the window's first day" in result.stderr


def test_the_public_function_stays_a_function_after_use() -> None:
    import ropa

    register = load_text(REGISTER)
    first = ropa.watch(register, UNTIL, start=START)
    assert ropa.watch(register, UNTIL, start=START) == first == watch(register, UNTIL, start=START)
