"""The `ropa` command as a user meets it: exit codes, and errors without tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ONEDU
from tests.helpers import MINIMAL_TEXT, run_ropa, unused_language, write


@pytest.mark.parametrize("example", [ONEDU, MINIMAL], ids=["onedu", "minimal"])
def test_validate_accepts_the_examples(example: Path) -> None:
    result = run_ropa("validate", example)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
    assert result.stderr == ""


BROKEN = {
    "unknown-top-level-key": (MINIMAL_TEXT + "colour: red\n", ":4:1: colour: unknown field 'colour'"),
    "yaml-syntax-error": (MINIMAL_TEXT + "languages: [ro\n", ":5:1: (file): "),
    "dangling-reference": (
        MINIMAL_TEXT + "activities:\n  a:\n    name: {ro: A, en: A}\n    purposes: [nowhere]\n",
        ":7:16: activities.a.purposes[0]: unknown purpose 'nowhere'",
    ),
    "unknown-country": (MINIMAL_TEXT.replace("country: RO", "country: ZZ"), ":3:39: controller.country: 'ZZ'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_validate_locates_what_is_wrong_without_a_traceback(tmp_path: Path, case: str) -> None:
    text, expected = BROKEN[case]
    path = write(tmp_path, "register.yaml", text)
    result = run_ropa("validate", path)
    assert result.returncode == 1
    assert f"{path}{expected}" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run_ropa("validate", tmp_path / "absent.yaml")
    assert result.returncode == 1
    assert "cannot be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_is_not_a_register(tmp_path: Path) -> None:
    folder = tmp_path / "register.yaml"
    folder.mkdir()
    result = run_ropa("validate", folder)
    assert result.returncode == 1
    assert "is a folder" in result.stderr


@pytest.mark.parametrize(
    "arguments", [(), ("validate",), ("frobnicate",), ("schema", "extra"), ("transfers", "a", "--on", "2020-13-01")]
)
def test_usage_errors_exit_2(arguments: tuple[str, ...]) -> None:
    result = run_ropa(*arguments)
    assert result.returncode == 2
    assert "usage: ropa" in result.stderr


def test_version() -> None:
    result = run_ropa("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("ropa ")


def test_policy_with_an_organisations_own_templates(tmp_path: Path) -> None:
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "data-sharing.md.j2").write_text(
        "---\ntitle: Partajare\n---\n\n# Parteneri\n{% for group in recipient_groups %}- {{ group.category }}\n{% endfor %}",
        encoding="utf-8",
    )
    result = run_ropa("policy", ONEDU, "--lang", "ro", "--templates", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("---\ntitle: Partajare\n---\n\n# Parteneri\n- firma de contabilitate")


def test_policy_with_a_broken_template_says_why_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "data-sharing.md.j2").write_text("---\ntitle: X\n---\n{{ nope }}\n", encoding="utf-8")
    result = run_ropa("policy", ONEDU, "--templates", tmp_path)
    assert result.returncode == 1
    assert "'nope' is undefined" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run_ropa("policy", ONEDU, "--templates", tmp_path / "absent")
    assert missing.returncode == 1
    assert "expected ro/data-sharing.md.j2" in missing.stderr


def test_policy_to_a_file_and_to_standard_output_agree(tmp_path: Path) -> None:
    result = run_ropa("policy", ONEDU, "--lang", "en", "-o", tmp_path / "policy.md")
    assert result.returncode == 0
    assert result.stdout == f"wrote {tmp_path / 'policy.md'}\n"
    quiet = run_ropa("policy", ONEDU, "--lang", "en", "-o", tmp_path / "quiet.md", "--quiet")
    assert quiet.stdout == ""
    assert (tmp_path / "policy.md").read_text(encoding="utf-8") == run_ropa("policy", ONEDU, "--lang", "en").stdout


def test_an_undeclared_language_is_a_usage_error() -> None:
    result = run_ropa("policy", ONEDU, "--lang", "fr")
    assert result.returncode == 2
    assert "the register is written in ro, en" in result.stderr


def test_transfers_in_romanian() -> None:
    result = run_ropa("transfers", ONEDU, "--on", "2026-11-25", "--lang", "ro", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"citation": "art. 45 alin. (3) din RGPD; Decizia de punere în aplicare (UE) 2023/1795' in result.stdout
    assert run_ropa("transfers", ONEDU, "--lang", unused_language()).returncode == 2


def test_validate_counts_one_activity_in_the_singular(tmp_path: Path) -> None:
    register = tmp_path / "register.yaml"
    assert run_ropa("init", register, "--name", "X", "--country", "DE", "--languages", "en").returncode == 0
    result = run_ropa("validate", register)
    assert result.returncode == 0, result.stderr
    assert "(1 activity, 1 recipient, 1 purpose)" in result.stdout
