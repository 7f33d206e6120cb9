"""The command line a tool in pre-commit and CI needs: --quiet, --verbose, --fail-on, order, counts, colour."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ropa import cli
from tests.conftest import MINIMAL, ONEDU
from tests.helpers import run_ropa

ON = ("--on", "2026-11-25")


def test_fail_on_warning_fails_on_onedu_and_the_default_does_not() -> None:
    default = run_ropa("check", ONEDU, *ON)
    assert default.returncode == 0, default.stdout
    assert run_ropa("check", ONEDU, *ON, "--fail-on", "error").returncode == 0
    strict = run_ropa("check", ONEDU, *ON, "--fail-on", "warning")
    assert strict.returncode == 1
    assert strict.stdout == default.stdout


def test_findings_are_sorted_by_severity_then_line() -> None:
    lines = run_ropa("check", ONEDU, *ON).stdout.splitlines()[:-1]
    order = {"error": 0, "warning": 1, "info": 2}
    keys = [(order[line.split(" ")[2].rstrip(":")], int(line.split(":")[1])) for line in lines]
    assert keys == sorted(keys)
    assert {key[0] for key in keys} == {1, 2}


def test_one_way_of_counting_everywhere(tmp_path: Path) -> None:
    check = run_ropa("check", ONEDU, *ON)
    assert check.stdout.splitlines()[-1] == f"{ONEDU}: 0 errors, 78 warnings, 1 info"
    build = run_ropa("build", ONEDU, *ON, "-o", tmp_path / "out")
    assert "findings: 0 errors, 78 warnings, 1 info (see `ropa check`)" in build.stdout


def test_quiet_says_only_what_is_wrong(tmp_path: Path) -> None:
    assert run_ropa("validate", MINIMAL, "--quiet").stdout == ""
    assert run_ropa("-q", "validate", MINIMAL).stdout == ""
    build = run_ropa("build", MINIMAL, *ON, "-o", tmp_path / "out", "-q")
    assert (build.returncode, build.stdout) == (0, "")
    assert (tmp_path / "out" / "policy-data-sharing.ro.md").is_file()
    check = run_ropa("check", ONEDU, *ON, "-q")
    assert check.stdout.count("\n") == 79  # the findings, without the count
    assert "78 warnings" not in check.stdout


def test_verbose_says_what_ropa_does_on_standard_error() -> None:
    result = run_ropa("check", MINIMAL, *ON, "--verbose")
    assert result.returncode == 0
    assert result.stderr.splitlines() == ["ropa: the law is applied on 2026-11-25", f"ropa: checking {MINIMAL}"]
    assert run_ropa("check", MINIMAL, *ON, "-q", "-v").returncode == 2


def test_every_writing_command_says_what_it_wrote(tmp_path: Path) -> None:
    workbook = run_ropa("workbook", MINIMAL, *ON, "-o", tmp_path / "record.xlsx")
    assert workbook.stdout == f"wrote {tmp_path / 'record.xlsx'}\n"
    build = run_ropa("build", MINIMAL, *ON, "-o", tmp_path / "out")
    assert f"wrote {tmp_path / 'out' / 'article-30-record.en.xlsx'}\n" in build.stdout


@pytest.mark.parametrize("command", ["check", "validate", "build", "diff", "init"])
def test_an_unknown_option_shows_the_usage_of_its_command(command: str) -> None:
    result = run_ropa(command, "--frobnicate")
    assert result.returncode == 2
    assert f"usage: ropa {command} " in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert cli.main(["check", str(ONEDU), *ON]) == 0
    assert "\033[33mwarning\033[0m" in terminal.getvalue()

    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Terminal()
    monkeypatch.setattr("sys.stdout", plain)
    assert cli.main(["check", str(ONEDU), *ON]) == 0
    assert "\033[" not in plain.getvalue()
    # Not a terminal (a pipe, a file): no colour either.
    assert "\033[" not in run_ropa("check", ONEDU, *ON).stdout
