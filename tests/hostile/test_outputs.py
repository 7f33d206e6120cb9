"""`-o` that points at the register itself, a device, a FIFO or a link to one is refused, nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import MINIMAL
from tests.helpers import run_ropa

COMMANDS = {
    "policy": ["policy", "{register}", "-o", "{target}"],
    "workbook": ["workbook", "{register}", "--on", "2026-01-15", "-o", "{target}"],
    "build": ["build", "{register}", "--on", "2026-01-15", "-o", "{target}"],
}


def _target(tmp_path: Path, register: Path, kind: str) -> Path:
    if kind == "the-register":
        return register
    if kind == "a-link-to-the-register":
        (tmp_path / "link.yaml").symlink_to(register)
        return tmp_path / "link.yaml"
    if kind == "a-device":
        return Path("/dev/null")
    if kind == "a-link-to-a-device":
        (tmp_path / "device").symlink_to("/dev/null")
        return tmp_path / "device"
    os.mkfifo(tmp_path / "fifo")
    if kind == "a-fifo":
        return tmp_path / "fifo"
    (tmp_path / "fifo-link").symlink_to(tmp_path / "fifo")
    return tmp_path / "fifo-link"


KINDS = ["the-register", "a-link-to-the-register", "a-device", "a-link-to-a-device", "a-fifo", "a-link-to-a-fifo"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_that_is_not_a_place_for_a_file_is_refused(tmp_path: Path, command: str, kind: str) -> None:
    register = tmp_path / "register.yaml"
    shutil.copy(MINIMAL, register)
    before = register.read_bytes()
    target = _target(tmp_path, register, kind)
    arguments = [part.format(register=register, target=target) for part in COMMANDS[command]]
    result = run_ropa(*arguments)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"ropa: cannot write {target}: ")
    assert register.read_bytes() == before
    assert Path("/dev/null").is_char_device()
    assert {path.name for path in tmp_path.iterdir()} <= {"register.yaml", "link.yaml", "device", "fifo", "fifo-link"}


@pytest.mark.parametrize("kind", ["a-fifo", "a-link-to-a-fifo", "a-link-to-a-device"])
def test_a_special_file_at_an_output_name_in_the_build_folder_is_refused(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "policy-data-sharing.ro.md"
    if kind == "a-fifo":
        os.mkfifo(target)
    else:
        os.mkfifo(tmp_path / "fifo")
        target.symlink_to(tmp_path / "fifo" if kind == "a-link-to-a-fifo" else Path("/dev/null"))
    result = run_ropa("build", MINIMAL, "--on", "2026-01-15", "-o", out)
    assert result.returncode == 1
    assert f"ropa: cannot write {target}: is a device, a pipe" in result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["policy-data-sharing.ro.md"]
