"""`load(dump(r)) == r`: what ropa writes, it reads back unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from ropa.io import dump, dumps, load, load_text
from ropa.model import Register
from ropa.testing.strategies import registers
from tests.conftest import EXAMPLES


@given(registers())
def test_dump_then_load_gives_the_same_register(register: Register) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("register.yaml", "register.json"):
            path = Path(folder) / name
            dump(register, path)
            assert load(path) == register


@given(registers())
def test_yaml_and_json_say_the_same(register: Register) -> None:
    assert load_text(dumps(register, kind="yaml")) == load_text(dumps(register, kind="json"), kind="json")


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*/register.yaml")), ids=lambda path: path.parent.name)
def test_the_examples_round_trip(example: Path, tmp_path: Path) -> None:
    register = load(example)
    dump(register, tmp_path / "copy.yaml")
    assert load(tmp_path / "copy.yaml") == register


def test_dump_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    register = load_text("format: 1\nlanguages: [en]\ncontroller: {name: X, country: RO}\n")
    with pytest.raises(ValueError, match="unknown file type"):
        dump(register, tmp_path / "register.txt")
    assert not (tmp_path / "register.txt").exists()
