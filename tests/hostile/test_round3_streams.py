"""Round three: standard streams that cannot take everything (ASCII only, closed, full) give no traceback,
and the exit code tells the truth about the files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL

ASCII = {"PYTHONIOENCODING": "ascii"}
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


def _ropa(arguments: list[str], environment: dict[str, str], redirect: str = "") -> subprocess.CompletedProcess[bytes]:
    """Run ropa through a shell, so that its standard streams can be closed or redirected."""
    command = " ".join([f'"{sys.executable}" -m ropa', *(f"'{argument}'" for argument in arguments), redirect])
    return subprocess.run(
        ["/bin/sh", "-c", command], capture_output=not redirect, env={**os.environ, **environment}, check=False
    )


@pytest.mark.parametrize("environment", [ASCII, C_LOCALE], ids=["ascii", "c-locale"])
@pytest.mark.parametrize("command", ["policy", "check", "diff", "validate-bad", "build"])
def test_a_stream_that_takes_only_ascii_gets_escapes_not_a_traceback(
    tmp_path: Path, environment: dict[str, str], command: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nlanguages: [en]\ncontroller: {name: Asociația „Exemplu”, country: XX}\n", "utf-8")
    arguments = {
        "policy": ["policy", str(MINIMAL)],
        "check": ["check", str(MINIMAL), "--on", "2026-01-15"],
        "diff": ["diff", str(MINIMAL), str(MINIMAL), "--on", "2026-01-15"],
        "validate-bad": ["validate", str(bad)],
        "build": ["build", str(MINIMAL), "--on", "2026-01-15", "-o", str(tmp_path / "ieșire")],
    }[command]
    result = _ropa(arguments, environment)
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert result.returncode == (1 if command == "validate-bad" else 0), result.stderr
    assert result.stdout.isascii()
    assert result.stderr.isascii()
    if command == "policy":
        assert b"Asocia\\u021bia" in result.stdout


def test_a_closed_standard_output_fails_a_command_whose_output_is_lost(tmp_path: Path) -> None:
    result = _ropa(["policy", str(MINIMAL)], {}, redirect=f">&- 2>'{tmp_path}/err'")
    error = (tmp_path / "err").read_text(encoding="utf-8")
    assert result.returncode == 1, error
    assert error == "ropa: cannot write standard output: Bad file descriptor\n"


def test_a_closed_standard_output_does_not_fail_a_build_that_wrote_its_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _ropa(
        ["build", str(MINIMAL), "--on", "2026-01-15", "-o", str(out)], {}, redirect=f">&- 2>'{tmp_path}/err'"
    )
    assert result.returncode == 0, (tmp_path / "err").read_text(encoding="utf-8")
    assert (tmp_path / "err").read_text(encoding="utf-8") == ""
    assert (out / "record.en.html").is_file()


def test_a_full_standard_output_fails_a_command_whose_output_is_lost(tmp_path: Path) -> None:
    result = _ropa(["policy", str(MINIMAL)], {}, redirect=f">/dev/full 2>'{tmp_path}/err'")
    error = (tmp_path / "err").read_text(encoding="utf-8")
    assert result.returncode == 1, error
    assert error == "ropa: cannot write standard output: No space left on device\n"


@pytest.mark.parametrize("redirect", [">/dev/full", "2>/dev/full", ">/dev/full 2>&1", ">&- 2>&-"])
def test_full_or_closed_streams_do_not_fail_a_build_that_wrote_its_files(tmp_path: Path, redirect: str) -> None:
    out = tmp_path / "out"
    result = _ropa(["build", str(MINIMAL), "--on", "2026-01-15", "-o", str(out)], {}, redirect=redirect)
    assert result.returncode == 0
    assert (out / "article-30-record.en.xlsx").is_file()
    assert (out / "record.ro.html").is_file()


def test_an_error_on_a_full_standard_error_still_exits_1(tmp_path: Path) -> None:
    result = _ropa(["policy", str(MINIMAL), "-o", str(tmp_path / "missing" / "p.md")], {}, redirect="2>/dev/full")
    assert result.returncode == 1
    assert not (tmp_path / "missing").exists()
