"""Round three: `ropa init` refuses what the register would refuse, with the same message, and never
writes a register it cannot load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ropa.io import RegisterError, load_text
from tests.helpers import run_ropa

NAMES = {
    "escape": "Asociația\x1b[31m Roșie",
    "right-to-left-override": "Asociația \u202eONedu",
    "byte-order-mark": "\ufeffAsociația ONedu",
    "next-line": "Asociația\u0085ONedu",
    "line-separator": "Asociația\u2028ONedu",
    "too-long": "a" * 100_001,
}


def _refusal(name: str) -> str:
    """What loading a register naming its controller `name` says (the message `init` must repeat)."""
    quoted = json.dumps(name)  # escapes every control and non-ASCII character: valid in YAML as in JSON
    text = f"format: 1\nlanguages: [en]\ncontroller:\n  name: {quoted}\n  country: RO\n"
    with pytest.raises(RegisterError) as raised:
        load_text(text, file="r.yaml")
    [problem] = raised.value.problems
    return problem.message


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_init_refuses_a_name_the_register_would_refuse_with_the_same_message(tmp_path: Path, kind: str) -> None:
    name = NAMES[kind]
    result = run_ropa("init", "--name", name, "--country", "RO", "--languages", "en", "r.yaml", cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert "controller.name: " + _refusal(name) in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("file", ["r.txt", "r.json", "r"])
def test_init_refuses_a_file_name_a_register_cannot_have(tmp_path: Path, file: str) -> None:
    result = run_ropa("init", "--name", "Asociația ONedu", "--country", "RO", "--languages", "en", file, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stdout
    assert "Traceback" not in result.stderr
    assert file in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_register_init_writes_loads(tmp_path: Path) -> None:
    result = run_ropa("init", "--name", 'A "quoted" name: #1', "--country", "RO", "--languages", "ro,en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert run_ropa("validate", tmp_path / "register.yaml").returncode == 0
