"""Round three: `ropa page -o` goes through the one output check every command's file goes through."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from ropa.io.atomic import write_atomic
from tests.conftest import MINIMAL
from tests.helpers import run_ropa
from tests.hostile.test_outputs import _target as earlier_target

PAGE = ["page", "{register}", "--on", "2026-01-15", "-o", "{target}"]
KINDS = ["the-register", "a-link-to-the-register", "a-device", "a-link-to-a-device", "a-fifo", "a-socket"]


def _target(folder: Path, register: Path, kind: str) -> Path:
    if kind != "a-socket":
        return earlier_target(folder, register, kind)
    server = socket.socket(socket.AF_UNIX)
    server.bind("sock")  # relative: a socket's path is limited to 108 bytes
    server.close()
    return folder / "sock"


@pytest.mark.parametrize("command", ["page", "policy", "workbook"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_output_that_is_not_a_place_for_a_file_is_refused_by_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, kind: str
) -> None:
    monkeypatch.chdir(tmp_path)
    register = tmp_path / "register.yaml"
    shutil.copy(MINIMAL, register)
    before = register.read_bytes()
    target = _target(tmp_path, register, kind)
    mode = os.lstat(target).st_mode
    result = run_ropa(command, register, "-o", target)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"ropa: cannot write {target}: "), result.stderr
    assert register.read_bytes() == before
    assert os.lstat(target).st_mode == mode
    assert Path("/dev/null").is_char_device()
    assert {path.name for path in tmp_path.iterdir()} <= {"register.yaml", "link.yaml", "device", "fifo", "sock"}


def test_page_says_what_it_wrote_as_every_command_does(tmp_path: Path) -> None:
    target = tmp_path / "record.html"
    result = run_ropa("page", MINIMAL, "--on", "2026-01-15", "-o", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_one_path_every_file_is_written_through_refuses_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")

    def write(temporary: Path) -> None:
        temporary.write_bytes(b"x")

    with pytest.raises(OSError, match="not a regular file") as raised:
        write_atomic(tmp_path / "fifo", write)
    assert raised.value.filename == str(tmp_path / "fifo")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fifo"]
