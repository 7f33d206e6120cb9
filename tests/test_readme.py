"""The README's promises: a two-command Quickstart that CI runs, a tour that runs as written and
writes nothing into the working tree, and shell examples (README.md and docs/cli.md) that each run
from a fresh clone and exit as documented."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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
    assert sorted(path.name for path in tmp_path.iterdir()) == ["examples"]  # nothing written into the tree


# A shell example documents its exit code in a trailing comment, `# exits 1`; without one it exits 0.
_EXITS = re.compile(r"#.*\bexits (\d)\b")
DOCUMENTS = ("README.md", "docs/cli.md")


def shell_examples(document: str) -> list[tuple[str, int, list[str]]]:
    """Each command of the ```sh and ```console blocks of `document` (the Quickstart aside: its own
    test above), with its documented exit code and, for a console block, the output lines it shows."""
    text = (ROOT / document).read_text(encoding="utf-8")
    if document == "README.md":
        text = text.split("## Quickstart", 1)[0] + text.split("## A 60-second tour", 1)[1]
    examples: list[tuple[str, int, list[str]]] = []
    for kind, block in re.findall(r"```(sh|console)\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            if kind == "console" and not line.startswith("$ "):
                if examples and line.strip() and line.strip() != "…":
                    examples[-1][2].append(line)
                continue
            command = line.removeprefix("$ ").strip()
            if command and not command.startswith("#"):
                exits = _EXITS.search(command)
                examples.append((command, int(exits.group(1)) if exits else 0, []))
    return examples


def fresh_clone(folder: Path) -> Path:
    """The files a fresh clone has that the examples read, and a `ropa` command on the PATH."""
    for part in ("examples", "schemas", "docs", "tests/io/data"):
        shutil.copytree(ROOT / part, folder / part)
    shutil.copy(ROOT / "README.md", folder / "README.md")
    bin_folder = folder / ".bin"
    bin_folder.mkdir()
    ropa = bin_folder / "ropa"
    ropa.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ropa "$@"\n', encoding="utf-8")
    ropa.chmod(0o755)
    return bin_folder


def test_the_documents_have_shell_examples() -> None:
    readme, cli = (shell_examples(document) for document in DOCUMENTS)
    assert len(readme) >= 8
    assert len(cli) >= 8
    assert any(code == 1 for _, code, _ in readme)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_shell_example_runs_and_exits_as_documented(tmp_path: Path, document: str) -> None:
    bin_folder = fresh_clone(tmp_path)
    environment = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}
    for command, expected, shown in shell_examples(document):
        result = subprocess.run(
            ["sh", "-c", command], cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
        )
        assert result.returncode == expected, f"{document}: {command}\n{result.stdout}{result.stderr}"
        assert "Traceback" not in result.stderr
        printed = (result.stdout + result.stderr).splitlines()
        for line in shown:
            assert line in printed, f"{document}: {command} does not print {line!r}"
