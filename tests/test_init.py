"""`ropa init`: a new register that validates at once, from flags or from answers in a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from ropa.io import load
from tests.helpers import cannot_write, run_ropa, unused_language


def test_init_writes_a_register_that_validates_and_checks_clean(tmp_path: Path) -> None:
    result = run_ropa("init", "--name", "X", "--country", "DE", "--languages", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["wrote register.yaml", "wrote register.schema.json"]
    register = tmp_path / "register.yaml"
    text = register.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=register.schema.json\n")
    assert text.count("# EXAMPLE: replace") == 7  # one of each kind of record
    assert load(register).controller.name == "X"

    validate = run_ropa("validate", register)
    assert validate.returncode == 0, validate.stderr
    check = run_ropa("check", register, "--on", "2026-11-25")
    assert check.returncode == 0, check.stdout
    # The findings say what to fill in: the processor's entity, contract and locations, the retention.
    # And what the privacy notice cannot state yet (issue 10): contact details, Art. 13(2)(e), the source.
    for code in ("P201", "P202", "T107", "D402", "I902", "I905", "I906"):
        assert f" {code} warning: " in check.stdout
    assert check.stdout.endswith("register.yaml: 0 errors, 7 warnings, 1 info\n")  # I901: no verified DE authority
    assert '"$schema"' in (tmp_path / "register.schema.json").read_text(encoding="utf-8")


def test_init_never_overwrites_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "mine.yaml"
    existing.write_text("format: 1\n", encoding="utf-8")
    result = run_ropa("init", existing, "--name", "X", "--country", "DE", "--languages", "en")
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert existing.read_text(encoding="utf-8") == "format: 1\n"


def test_a_language_ropa_cannot_write_is_refused_by_init(tmp_path: Path) -> None:
    unwritten = unused_language()
    result = run_ropa(
        "init", "r.yaml", "--name", "X", "--country", "DE", "--languages", f"en,{unwritten}", cwd=tmp_path
    )
    assert result.returncode == 2
    assert cannot_write(unwritten) in result.stderr
    assert not (tmp_path / "r.yaml").exists()


@pytest.mark.parametrize("languages", ["ro,en", "en"])
def test_every_language_gets_a_text(tmp_path: Path, languages: str) -> None:
    name = "Asociația „Prietenii”: #1"
    result = run_ropa("init", "r.yaml", "--name", name, "--country", "RO", "--languages", languages, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    register = load(tmp_path / "r.yaml")
    assert register.controller.name == name
    assert register.languages == languages.split(",")
    assert run_ropa("check", tmp_path / "r.yaml", "--on", "2026-11-25").returncode == 0


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (("--country", "USA", "--languages", "en"), "'USA' is not an ISO 3166-1 alpha-2 country code"),
        (("--country", "DE", "--languages", "english"), "'english' is not an ISO 639-1 language code"),
        (("--country", "DE"), "give --languages (or run `ropa init` in a terminal to be asked)"),
    ],
)
def test_wrong_or_missing_answers_are_usage_errors_and_nothing_is_written(
    tmp_path: Path, flags: tuple[str, ...], message: str
) -> None:
    result = run_ropa("init", "--name", "X", *flags, cwd=tmp_path)
    assert result.returncode == 2
    assert "usage: ropa init" in result.stderr
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_init_asks_in_a_terminal_for_what_the_flags_do_not_give(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "ropa", "init", "--languages", "en"],
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            text=True,
        )
        os.write(controller, b"Example Association\nde\n")
        stdout, stderr = child.communicate(timeout=60)
    finally:
        os.close(controller)
        os.close(terminal)
    assert child.returncode == 0, stderr
    assert "The organisation's name: " in stdout
    assert "Its country" in stdout
    register = load(tmp_path / "register.yaml")
    assert (register.controller.name, register.controller.country, register.languages) == (
        "Example Association",
        "DE",
        ["en"],
    )
