"""Every problem in one run: the five-mistake file of issue 16, fixed in at most two runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ropa.io import RegisterError, load_text
from tests.helpers import run_ropa

FIVE_MISTAKES = Path(__file__).resolve().parent / "data" / "five-mistakes.yaml"

# What the second run must report (the tab stops the first): line, column, path and a fragment.
AFTER_THE_TAB = [
    (9, 3, "purposes.newsletter.legal_basis", "a purpose of the organisation's own activities needs its lawful basis"),
    (21, 5, "recipients.mailer.name", "key 'name' appears twice (first on line 18)"),
    (22, 5, "recipients.mailer.country", "'USA' is not an ISO 3166-1 alpha-2 country code"),
    (29, 16, "activities.members.purposes[0]", "unknown purpose 'membrship'; did you mean 'membership'?"),
]


def _without_the_tab(text: str) -> str:
    return text.replace("\n\tlegal_basis: contract", "\n    legal_basis: contract")


def _all_fixed(text: str) -> str:
    text = _without_the_tab(text)
    text = text.replace(
        "    name: {en: sending the newsletter}\n", "    name: {en: sending the newsletter}\n    legal_basis: consent\n"
    )
    text = text.replace("    name: Mailer Inc.\n", "")
    return text.replace("country: USA", "country: US").replace("[membrship]", "[membership]")


def _problems(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(RegisterError) as raised:
        load_text(text, file="five.yaml")
    return [(p.line, p.column, p.path, p.message) for p in raised.value.problems]


def test_the_first_run_says_there_is_a_tab_and_where() -> None:
    [(line, column, _, message)] = _problems(FIVE_MISTAKES.read_text(encoding="utf-8"))
    assert (line, column) == (13, 1)
    assert "a tab character" in message
    assert "YAML indents with spaces only" in message


def test_without_the_tab_one_run_reports_the_four_other_mistakes_each_located() -> None:
    found = _problems(_without_the_tab(FIVE_MISTAKES.read_text(encoding="utf-8")))
    assert len(found) == len(AFTER_THE_TAB)
    for (line, column, path, message), expected in zip(found, AFTER_THE_TAB, strict=True):
        assert (line, column, path) == expected[:3]
        assert expected[3] in message


def test_two_runs_of_ropa_validate_are_enough_to_fix_the_five_mistakes(tmp_path: Path) -> None:
    register = tmp_path / "register.yaml"
    register.write_text(FIVE_MISTAKES.read_text(encoding="utf-8"), encoding="utf-8")
    first = run_ropa("validate", register)
    assert first.returncode == 1
    assert f"{register}:13:1: (file): a tab character" in first.stderr
    assert "1 problem found" in first.stderr

    register.write_text(_without_the_tab(register.read_text(encoding="utf-8")), encoding="utf-8")
    second = run_ropa("validate", register)
    assert second.returncode == 1
    for line, column, path, fragment in AFTER_THE_TAB:
        assert f"{register}:{line}:{column}: {path}: " in second.stderr
        assert fragment in second.stderr
    assert "4 problems found" in second.stderr

    register.write_text(_all_fixed(register.read_text(encoding="utf-8")), encoding="utf-8")
    third = run_ropa("validate", register)
    assert third.returncode == 0, third.stderr
    assert "valid" in third.stdout


def test_a_reference_to_a_record_set_aside_is_not_a_false_alarm() -> None:
    text = _without_the_tab(FIVE_MISTAKES.read_text(encoding="utf-8"))
    # `newsletter` (the purpose) is set aside for its missing basis; `activities.newsletter` refers to it.
    assert not [p for p in _problems(text) if "unknown purpose 'newsletter'" in p[3]]
    # The recipient keeps its record without its wrong country: references to it are not reported.
    assert not [p for p in _problems(text) if "unknown recipient" in p[3]]


def test_a_reference_typo_is_reported_beside_a_problem_in_the_controller() -> None:
    text = _all_fixed(FIVE_MISTAKES.read_text(encoding="utf-8"))
    text = text.replace("  country: DE\n", "  country: DE\n  colour: blue\n").replace("[membership]", "[membrship]")
    messages = [p[3] for p in _problems(text)]
    assert any("unknown field 'colour'" in message for message in messages)
    assert any("unknown purpose 'membrship'" in message for message in messages)


def test_every_tab_that_indents_is_reported_in_one_run() -> None:
    text = "format: 1\nlanguages: [en]\ncontroller:\n\tname: X\n\tcountry: DE\npurposes:\n  a:\n\t\tname: {en: a}\n"
    found = _problems(text)
    assert [(line, column) for line, column, _, _ in found] == [(4, 1), (5, 1), (8, 1), (8, 2)]
    assert all("a tab character" in message for _, _, _, message in found)


def test_after_the_tabs_a_syntax_error_that_may_come_from_reading_them_is_not_reported() -> None:
    found = _problems("format: 1\ncontroller:\n\tname: X\n  country: [DE\n")
    assert [(line, column) for line, column, _, _ in found] == [(3, 1)]
