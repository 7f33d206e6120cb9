"""Transfers derived from a register, judged on a date, and their JSON and text reports."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from ropa.model import Register
from ropa.render.transfers import transfers_to_json, transfers_to_text
from ropa.transfers import RegisterTransfer, assess, register_transfers

DAY = date(2026, 11, 25)


def register(**changes: Any) -> Register:
    data: dict[str, Any] = {
        "format": 1,
        "languages": ["en"],
        "controller": {"name": "Example Association", "country": "RO"},
        "recipient_categories": {"it": {"en": "IT providers"}},
        "recipients": {
            "local-bank": {"name": "Local Bank", "category": "it", "role": "controller", "locations": ["RO", "DE"]},
            "mail": {
                "name": "Mail Co",
                "category": "it",
                "role": "processor",
                "locations": ["IE", "US", "US"],
                "dpf_certified": True,
                "mechanisms": ["scc"],
            },
            "design": {"name": "Design Pty", "category": "it", "role": "processor", "locations": ["AU"]},
            "istanbul": {
                "name": "Istanbul Ltd",
                "category": "it",
                "role": "processor",
                "locations": ["TR"],
                "mechanisms": ["bcr", "scc"],
            },
            "london": {"name": "London Ltd", "category": "it", "role": "processor", "locations": ["GB"]},
        },
        "activities": {
            "newsletter": {"name": {"en": "Newsletter"}, "recipients": ["local-bank", "mail", "design"]},
            "closed": {
                "name": {"en": "Old event"},
                "recipients": ["mail"],
                "created": "2019-01-01",
                "ended": "2020-01-01",
            },
            "future": {"name": {"en": "Next project"}, "recipients": ["design"], "created": "2030-01-01"},
            "travel": {"name": {"en": "Travel"}, "recipients": ["istanbul", "london"]},
        },
    }
    data.update(changes)
    return Register.model_validate(data)


def keys(transfers: list[RegisterTransfer]) -> list[tuple[str, str, str]]:
    return [(item.activity, item.recipient, item.destination) for item in transfers]


def test_every_location_outside_the_eea_of_every_recipient_of_every_current_activity() -> None:
    found = register_transfers(register(), DAY)
    assert keys(found) == [
        ("newsletter", "mail", "US"),
        ("newsletter", "design", "AU"),
        ("travel", "istanbul", "TR"),
        ("travel", "london", "GB"),
    ]


def test_each_transfer_carries_the_recipients_declarations_and_the_verdict() -> None:
    mail, design, istanbul, london = register_transfers(register(), DAY)
    assert (mail.mechanisms, mail.dpf_certified, mail.assessment.basis) == (("scc",), True, "adequacy")
    assert (design.assessment.lawful, design.assessment.basis) == (False, "none")
    assert istanbul.assessment == assess("TR", DAY, mechanisms=["scc", "bcr"])
    assert london.assessment.basis == "adequacy"


def test_activities_are_taken_on_the_date_asked() -> None:
    assert ("closed", "mail", "US") in keys(register_transfers(register(), date(2019, 6, 1)))
    assert ("closed", "mail", "US") in keys(register_transfers(register(), date(2020, 1, 1)))
    assert ("future", "design", "AU") in keys(register_transfers(register(), date(2030, 1, 1)))


def test_a_place_inside_the_eea_on_that_date_is_no_transfer() -> None:
    during_transition = keys(register_transfers(register(), date(2020, 6, 1)))
    assert ("travel", "london", "GB") not in during_transition
    assert ("travel", "istanbul", "TR") in during_transition


def test_the_order_follows_the_register() -> None:
    reordered = register(
        activities={
            "travel": {"name": {"en": "Travel"}, "recipients": ["london", "istanbul"]},
            "newsletter": {"name": {"en": "Newsletter"}, "recipients": ["design", "mail"]},
        }
    )
    assert keys(register_transfers(reordered, DAY)) == [
        ("travel", "london", "GB"),
        ("travel", "istanbul", "TR"),
        ("newsletter", "design", "AU"),
        ("newsletter", "mail", "US"),
    ]


def test_an_empty_register_has_no_transfers() -> None:
    assert register_transfers(register(activities={}), DAY) == []


JSON_KEYS = [
    "activity",
    "recipient",
    "destination",
    "on",
    "mechanisms",
    "dpf_certified",
    "lawful",
    "basis",
    "citation",
    "reasons",
    "tia_required",
    "relied_on",
    "authorisation_required",
    "conditional",
    "fallbacks",
    "exporter",
    "to_client_controller",
    "role",
    "scc_module",
    "importer_subject_to_gdpr",
    "caveats",
]


def test_json_lists_every_transfer_with_its_verdict() -> None:
    found = register_transfers(register(), DAY)
    text = transfers_to_json(found)
    parsed = json.loads(text)
    assert text.endswith("]\n")
    assert [list(item) for item in parsed] == [JSON_KEYS] * len(found)
    istanbul = parsed[2]
    assert istanbul["mechanisms"] == ["bcr", "scc"]
    assert istanbul["relied_on"] == ["scc", "bcr"]
    assert (istanbul["lawful"], istanbul["basis"], istanbul["tia_required"]) == (True, "safeguards", True)
    assert istanbul["on"] == "2026-11-25"
    assert parsed[1]["lawful"] is False
    assert parsed[1]["reasons"] == list(found[1].assessment.reasons)


def test_json_keeps_non_ascii_text_readable() -> None:
    text = transfers_to_json(register_transfers(register(), DAY))
    assert "Türkiye" in text
    assert "\\u" not in text


def test_json_of_no_transfers_is_an_empty_list() -> None:
    assert transfers_to_json([]) == "[]\n"


def test_text_has_one_aligned_row_per_transfer_then_its_reasons() -> None:
    found = register_transfers(register(), DAY)
    lines = transfers_to_text(found).splitlines()
    header = next(line for line in lines if line.startswith("ACTIVITY"))
    rows = [line for line in lines if line.startswith(("newsletter", "travel"))]
    assert len(rows) == len(found)
    for column in ("RECIPIENT", "TO", "VERDICT", "BASIS", "TIA", "CITATION"):
        start = header.index(column)
        assert all(row[start - 2 : start] == "  " and row[start] != " " for row in rows), column
    assert "UNLAWFUL" in rows[1]
    assert "LAWFUL" in rows[0]
    assert "UNLAWFUL" not in rows[0]
    after_design = lines[lines.index(rows[1]) + 1]
    assert after_design.startswith("    - ")


def test_text_reasons_are_wrapped_for_a_terminal() -> None:
    text = transfers_to_text(register_transfers(register(), DAY))
    reasons = [line for line in text.splitlines() if line.startswith("    ")]
    assert reasons
    assert all(len(line) <= 100 for line in reasons)


def test_text_ends_with_a_summary() -> None:
    text = transfers_to_text(register_transfers(register(), DAY))
    assert text.startswith("Transfers outside the EEA on 25 November 2026\n")
    assert text.endswith("4 transfers outside the EEA: 3 lawful, 1 unlawful; 1 needs a transfer impact assessment.\n")


def test_text_says_so_when_there_is_no_transfer() -> None:
    assert transfers_to_text([]) == "No transfers outside the EEA.\n"


@pytest.mark.parametrize("render", [transfers_to_json, transfers_to_text])
def test_reports_are_deterministic(render: Any) -> None:
    assert render(register_transfers(register(), DAY)) == render(register_transfers(register(), DAY))


def test_a_recipient_outside_a_limited_adequacy_decision_is_judged_without_it() -> None:
    def canadian(outside: bool) -> Register:
        recipient = {"name": "Maple", "category": "it", "role": "processor", "locations": ["CA"]}
        return Register.model_validate(
            {
                "format": 1,
                "languages": ["en"],
                "controller": {"name": "X", "country": "RO"},
                "recipient_categories": {"it": {"en": "IT"}},
                "recipients": {"maple": {**recipient, "outside_adequacy_scope": outside}},
                "activities": {"a": {"name": {"en": "A"}, "recipients": ["maple"]}},
            }
        )

    (inside,) = register_transfers(canadian(False), DAY)
    (outside,) = register_transfers(canadian(True), DAY)
    assert inside.assessment.basis == "adequacy"  # Decision 2002/2/EC, for recipients subject to PIPEDA
    assert outside.assessment.basis == "none"
    assert not outside.assessment.lawful


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_left_as_it_was_found(collecting: bool) -> None:
    # register_transfers and the workbook pause the cyclic collector while they run (issue 14).
    import gc

    from ropa.render.workbook import workbook_bytes

    subject = register()
    was = gc.isenabled()
    try:
        gc.enable() if collecting else gc.disable()
        register_transfers(subject, date(2026, 6, 1))
        assert gc.isenabled() is collecting
        workbook_bytes(subject, lang=subject.languages[0], on=date(2026, 6, 1))
        assert gc.isenabled() is collecting
    finally:
        gc.enable() if was else gc.disable()
