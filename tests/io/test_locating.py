"""Locating from the places kept while loading gives what composing the file again gives, without composing it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ropa.io import load
from ropa.io.loading import load_located
from ropa.io.locating import Locator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*/register.yaml"))

Path_ = tuple[str | int, ...]


def _paths(data: Any, path: Path_ = ()) -> Iterator[Path_]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, str(key)))
        yield (*path, "no-such-key")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))
        yield (*path, len(data))


def _composed_place(root: yaml.Node, path: Path_) -> tuple[int, int]:
    """The place of `path` found in the composed nodes, independently of `ropa.io.locating`."""
    node, mark = root, root.start_mark
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = [
                (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == part
            ]
            if not found:
                break
            key, node = found[0]
            mark = key.start_mark
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.parent.name)
def test_every_path_of_an_example_is_located_as_in_its_composed_nodes(example: Path) -> None:
    text = example.read_text(encoding="utf-8-sig")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None
    _, locator = load_located(example)
    paths = list(_paths(yaml.safe_load(text)))
    assert len(paths) > 10
    for path in paths:
        assert locator.locate(path) == _composed_place(root, path), path


def test_the_places_kept_while_loading_spare_composing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    example = ROOT / "examples" / "onedu" / "register.yaml"
    register, locator = load_located(example)
    assert register == load(example)

    def composing(*arguments: object, **keywords: object) -> None:
        raise AssertionError("the file was composed again")

    monkeypatch.setattr(yaml, "compose", composing)  # the module `ropa.io.locating` composes with
    line, _ = locator.locate(("recipients", "oblio"))
    assert example.read_text(encoding="utf-8").splitlines()[line - 1].strip() == "oblio:"


def test_aliases_and_a_repeated_key_are_located_as_before() -> None:
    text = "a: &shared\n  - x\n  - y\nb: *shared\nc: 1\nc: 2\n"
    expected = Locator(text)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None
    for path in [("b", 1), ("a", 0), ("c",), ("b", 5), ()]:
        assert expected.locate(path) == _composed_place(root, path)
    assert expected.locate(("b", 1)) == (3, 5)
    assert expected.locate(("c",)) == (5, 1)


def test_a_file_that_cannot_be_composed_is_located_at_its_start() -> None:
    assert Locator("a: [1, 2\n").locate(("a", 0)) == (1, 1)
