"""Round three: a name with a line break or a control character is escaped in every message ropa prints."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import MINIMAL
from tests.helpers import run_ropa

NAME = "a\nwrote \x1b[2Jb\r"
SHOWN = "a\\nwrote \\x1b[2Jb\\r"


def _lines(text: str) -> list[str]:
    assert "\x1b" not in text
    assert "\r" not in text
    return text.split("\n")[:-1]


def test_init_escapes_the_names_in_its_wrote_and_next_lines(tmp_path: Path) -> None:
    (tmp_path / NAME).mkdir()
    register = f"{NAME}/r.yaml"
    result = run_ropa("init", "--name", "Asociația", "--country", "RO", "--languages", "en", register, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _lines(result.stdout) == [
        f"wrote {SHOWN}/r.yaml",
        f"wrote {SHOWN}/register.schema.json",
        f"next: replace the EXAMPLE records, then `ropa check {SHOWN}/r.yaml` lists what to fill in",
    ]


def test_build_escapes_the_folder_and_register_names(tmp_path: Path) -> None:
    register = tmp_path / f"{NAME}.yaml"
    shutil.copy(MINIMAL, register)
    out = tmp_path / NAME
    result = run_ropa("build", register, "--on", "2026-01-15", "-o", out)
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stdout)
    assert all(line.startswith(f"wrote {tmp_path}/{SHOWN}/") for line in lines[:-1]), lines
    assert lines[-1].startswith(f"{tmp_path}/{SHOWN}.yaml: ")


def test_an_error_names_the_path_escaped_on_one_line(tmp_path: Path) -> None:
    target = tmp_path / NAME / "policy.md"
    result = run_ropa("policy", MINIMAL, "-o", target)
    assert result.returncode == 1
    assert _lines(result.stderr) == [f"ropa: cannot write {tmp_path}/{SHOWN}/policy.md: No such file or directory"]


def test_a_register_problem_names_the_file_escaped(tmp_path: Path) -> None:
    register = tmp_path / f"{NAME}.yaml"
    register.write_text("format: 1\nlanguages: [en]\n", encoding="utf-8")
    for command in ("validate", "check"):
        result = run_ropa(command, register)
        assert result.returncode == 1
        assert all(line.startswith((f"{tmp_path}/{SHOWN}.yaml:", "ropa: ")) for line in _lines(result.stderr))


def test_init_escapes_the_name_of_a_file_that_exists(tmp_path: Path) -> None:
    (tmp_path / f"{NAME}.yaml").write_text("", encoding="utf-8")
    result = run_ropa("init", "--name", "A", "--country", "RO", "--languages", "en", f"{NAME}.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert len(_lines(result.stderr)) == 1
    assert result.stderr.startswith(f"ropa: {SHOWN}.yaml already exists")


def test_a_template_named_with_a_line_break_is_named_escaped_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "templates" / "en").mkdir(parents=True)
    (tmp_path / "templates" / "en" / f"{NAME}.md.j2").write_text("{{ broken\n", encoding="utf-8")
    register = tmp_path / "register.yaml"
    register.write_text(MINIMAL.read_text(encoding="utf-8").replace("[ro, en]", "[en]"), encoding="utf-8")
    result = run_ropa("notice", register, "-o", tmp_path / "out", "--templates", tmp_path / "templates")
    assert result.returncode == 1
    [line] = _lines(result.stderr)
    assert line.startswith("ropa: the notice templates cannot be used: ")
    assert SHOWN in line
    assert not (tmp_path / "out").exists()
