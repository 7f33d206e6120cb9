"""The README's promises: a two-command Quickstart that CI runs, and a tour that runs as written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quickstart_commands() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1, "the Quickstart has exactly one fenced block"
    return [line for line in blocks[0].splitlines() if line.strip()]


def test_the_quickstart_is_two_commands() -> None:
    install_and_build, install_and_test = quickstart_commands()
    assert "python3 -m venv" in install_and_build
    assert "ropa build examples/onedu/register.yaml" in install_and_build
    assert "'.[test]'" in install_and_test
    assert install_and_test.endswith("python -m pytest")


def test_ci_runs_the_quickstart_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    _, install_and_test = quickstart_commands()
    run_lines = [line for line in ci.splitlines() if line and not line.startswith("#")]
    assert any(install_and_test.replace("pip install '", "pip install -q '") == line for line in run_lines)
    assert "mypy --strict" in ci
    assert "ruff check" in ci


def test_the_tour_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    tour = re.search(r"## A 60-second tour\n\n```python\n(.*?)```", README, re.DOTALL)
    assert tour is not None
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(tour.group(1), "README.md", "exec"), {})  # our own README, as a reader would run it
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "Mailchimp ['US']"
    assert printed[1].startswith("True adequacy Art. 45(3) GDPR")
    assert printed[2] == "False"
    assert (tmp_path / "record.xlsx").read_bytes()[:2] == b"PK"
