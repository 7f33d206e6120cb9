"""Bounds and terminal safety: every collection, text and date has a bound; what ropa prints is escaped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ropa.io import RegisterError, load_text
from ropa.io.screening import MAX_ITEMS
from tests.conftest import MINIMAL, ONEDU
from tests.helpers import MINIMAL_TEXT, run_ropa

COMMANDS_WITH_ON = {
    "check": ["check", "{register}", "--on", "{on}"],
    "transfers": ["transfers", "{register}", "--on", "{on}"],
    "workbook": ["workbook", "{register}", "--on", "{on}", "-o", "{out}/record.xlsx"],
    "diff": ["diff", "{register}", "{register}", "--on", "{on}"],
    "build": ["build", "{register}", "--on", "{on}", "-o", "{out}/site"],
}


@pytest.mark.parametrize("on", ["9999-12-31", "3000-01-01"])
@pytest.mark.parametrize("command", sorted(COMMANDS_WITH_ON))
def test_a_date_beyond_the_bound_is_a_usage_error_not_a_crash(tmp_path: Path, command: str, on: str) -> None:
    arguments = [part.format(register=ONEDU, on=on, out=tmp_path) for part in COMMANDS_WITH_ON[command]]
    result = run_ropa(*arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "the latest date ropa applies the law on is 2999-12-31" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_latest_date_works_in_every_command(tmp_path: Path) -> None:
    for command in sorted(COMMANDS_WITH_ON):
        arguments = [part.format(register=ONEDU, on="2999-12-31", out=tmp_path) for part in COMMANDS_WITH_ON[command]]
        result = run_ropa(*arguments)
        assert result.returncode in (0, 1), (command, result.stderr)
        assert "Traceback" not in result.stderr, command


def test_a_5000_digit_duration_is_refused_by_every_command(tmp_path: Path) -> None:
    register = tmp_path / "register.yaml"
    register.write_text(
        MINIMAL_TEXT
        + "data_categories: {contact: {name: {ro: un text, en: a text}}}\n"
        + "activities:\n  a: {name: {ro: un text, en: a text}, data_categories: [contact], "
        + f"retention: [{{data: [contact], period: P{'9' * 5000}Y}}]}}\n",
        encoding="utf-8",
    )
    runs: list[list[str | Path]] = [
        ["workbook", register, "--on", "2026-01-15", "-o", tmp_path / "r.xlsx"],
        ["build", register, "-o", tmp_path / "site"],
    ]
    for arguments in runs:
        result = run_ropa(*arguments)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "at most 5 to a number" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["register.yaml"]


def test_a_collection_beyond_the_bound_is_one_located_problem() -> None:
    activities = "".join(f"  a{index}: {{}}\n" for index in range(MAX_ITEMS + 1))
    with pytest.raises(RegisterError) as raised:
        load_text(MINIMAL_TEXT + "activities:\n" + activities)
    assert [str(problem) for problem in raised.value.problems] == [
        f"<register>:4:1: activities: holds {MAX_ITEMS + 1:,} entries; a register allows at most {MAX_ITEMS:,} in one place"
    ]


def test_a_list_beyond_the_bound_is_one_located_problem() -> None:
    with pytest.raises(RegisterError, match=f"languages: holds {MAX_ITEMS + 1:,} items"):
        load_text(MINIMAL_TEXT.replace("languages: [ro, en]", f"languages: [{', '.join(['ro'] * (MAX_ITEMS + 1))}]"))


def test_many_wrong_values_print_a_hundred_problems_and_the_count(tmp_path: Path) -> None:
    register = tmp_path / "register.yaml"
    subjects = "".join(f"  s{index}: {{name: {{ro: a, en: b}}, children: maybe}}\n" for index in range(5_000))
    register.write_text(MINIMAL_TEXT + "data_subjects:\n" + subjects, encoding="utf-8")
    result = run_ropa("validate", register)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 103
    assert lines[-3] == f"{register}: … and 900 more problems, not shown"
    assert lines[-2] == "… and 4,000 more problems, not listed (a load lists the first 1,000)"
    assert lines[-1] == "ropa: 5,000 problems found"


def test_problems_and_file_names_are_escaped_for_the_terminal(tmp_path: Path) -> None:
    register = tmp_path / "evil\x1b[2J\u202ename.yaml"
    shutil.copy(MINIMAL, register)
    with register.open("a", encoding="utf-8") as file:
        file.write('activities:\n  "a\\u202eb": {}\n')
    result = run_ropa("validate", register)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    assert "\u202e" not in result.stderr
    assert "evil\\x1b[2J\\u202ename.yaml" in result.stderr
    missing = run_ropa("check", tmp_path / "gone\x07.yaml")
    assert "\x07" not in missing.stderr
    assert "gone\\x07.yaml" in missing.stderr


def test_a_million_activities_are_refused_fast_in_bounded_memory(tmp_path: Path) -> None:
    from tests.hostile.test_hostile import MEBIBYTES, _assert_bounded, _bounded

    path = tmp_path / "million.yaml"
    with path.open("w", encoding="utf-8") as file:
        file.write(MINIMAL_TEXT + "activities:\n")
        for index in range(1_000_000):
            file.write(f"  a{index}: {{name: {{ro: x, en: y}}}}\n")
    assert path.stat().st_size > 30_000_000
    outcome = _bounded(path)
    assert outcome.outcome == "RegisterError"
    assert f"a register allows at most {MAX_ITEMS:,} in one place" in outcome.message
    assert outcome.problems == 1
    _assert_bounded(outcome)
    assert outcome.mebibytes < MEBIBYTES
