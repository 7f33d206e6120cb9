"""`texts_in` finds every text of a register, looking only into the fields whose type can hold one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from benchmarks.generate import make_register
from ropa.io import load
from ropa.model import Register, Text
from ropa.model.base import texts_in
from tests.conftest import EXAMPLES


def _every_text(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    """The reference: every field of every model looked into, whatever its type."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _every_text(getattr(value, name), (*path, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _every_text(item, (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _every_text(item, (*path, index))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*/register.yaml")), ids=lambda path: path.parent.name)
def test_every_text_of_each_example_is_found(path: Path) -> None:
    register = load(path)
    assert list(texts_in(register)) == list(_every_text(register))


def test_every_text_of_a_generated_register_is_found() -> None:
    register = Register.model_validate(make_register(200))
    found = list(texts_in(register))
    assert found == list(_every_text(register))
    assert len(found) > 1_000  # names, descriptions, retention rules: texts in many kinds of record
