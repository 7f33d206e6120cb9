"""The loader's quick paths give what the slow ones give: the same data, and the same problems.

Each quick path (issue 14) is compared with the path it replaces, kept here as the reference:

- the direct build of texts, lists and mappings, with PyYAML's generic constructor;
- the tags of plain values found from a table by first character, with PyYAML's resolver;
- the screening of clean data in one search, with the walk that locates every problem;
- the depth check of a document without anchors, with the weight of every value;
- the count of events libyaml makes in C, with the scan of every event in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from ropa.io import parsing, yaml_loader
from ropa.io.parsing import ParseError, parse_yaml
from ropa.io.screening import MAX_SCREENED_PROBLEMS, _walk, screen
from tests.conftest import EXAMPLES
from tests.hostile.test_fuzz import TOKENS

CORPUS = Path(__file__).parent.parent / "hostile" / "corpus"


def _outcome(text: str) -> tuple[str, Any, list[ParseError]]:
    duplicates: list[ParseError] = []
    try:
        return "data", parse_yaml(text, duplicates=duplicates), duplicates
    except ParseError as error:
        return "error", error, duplicates


def _generic_outcome(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Any, list[ParseError]]:
    """The outcome with PyYAML's generic constructor, as before the direct build."""
    with monkeypatch.context() as patch:
        patch.setattr(yaml_loader.Loader, "construct_document", yaml.constructor.BaseConstructor.construct_document)
        return _outcome(text)


def _yaml_files() -> Iterator[Path]:
    yield from sorted(CORPUS.glob("*.yaml"))
    yield from sorted(EXAMPLES.glob("*/register.yaml"))


@pytest.mark.parametrize("path", list(_yaml_files()), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_direct_build_gives_what_the_generic_constructor_gives(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert _outcome(text) == _generic_outcome(text, monkeypatch)


# Anchors, aliases, merge keys, tags and keys written twice, in any order, beside plain data.
_PIECES = [
    *TOKENS,
    "a: &x [1, 2]\nb: *x\n",
    "a: &m {k: v}\nb: {<<: *m, j: w}\n",
    "a: &r [*r]\n",
    "a: {k: 1, k: 2}\n",
    "- &s text\n- *s\n",
    "a: !!str 012\n",
    "a: !!map [1]\n",
    "a: !!seq {k: v}\n",
    "{[1]: x}\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_any_yaml_builds_as_the_generic_constructor_builds_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _outcome(text) == _generic_outcome(text, monkeypatch)


_PLAIN = st.text(st.sampled_from(list("0123456789+-._:eExXoObB~nNuUlLtTrRfFaAsSyY ")), max_size=8)


@given(
    kind=st.sampled_from([yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode]),
    value=_PLAIN,
    implicit=st.tuples(st.booleans(), st.booleans()),
)
def test_a_value_is_given_the_tag_pyyaml_would_give_it(
    kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]
) -> None:
    loader = yaml_loader.Loader("")
    try:
        given_value = value if kind is yaml.ScalarNode else None
        expected = yaml.resolver.BaseResolver.resolve(loader, kind, given_value, implicit)  # type: ignore[no-untyped-call]
        assert loader.resolve(kind, given_value, implicit) == expected
    finally:
        loader.dispose()


# --- screening: one search for clean data, the walk for anything to report ------------------------------

_CHARACTERS = st.sampled_from(["a", " ", "\n", "ș", "\u200d", "\u200c", "\u202e", "\x1b", "\u2028", "\ufeff", "\t"])
_TEXTS = st.text(_CHARACTERS, max_size=6)
_DATA = st.recursive(
    _TEXTS | st.integers() | st.none(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_TEXTS, children, max_size=4),
    max_leaves=20,
)


@given(_DATA)
def test_screening_finds_what_the_walk_finds(data: Any) -> None:
    walked = []
    for found in _walk(data, ()):
        walked.append(found)
        if len(walked) >= MAX_SCREENED_PROBLEMS:
            break
    assert screen(data)[0] == walked


def test_a_joiner_between_letters_is_kept_and_one_at_the_end_is_found() -> None:
    assert screen({"name": "می\u200cخواهم"}) == ([], False)
    problems, over = screen({"name": "text\u200d"})
    assert [path for path, _ in problems] == [("name",)]
    assert not over


# --- depth: a document without anchors, checked without weighing it --------------------------------------


@pytest.mark.parametrize("anchor", ["", "x: &a [1]\ny: *a\n"])
def test_nesting_beyond_the_bound_is_refused_with_or_without_anchors(anchor: str) -> None:
    deepest = "[" * (parsing.MAX_DEPTH + 1) + "]" * (parsing.MAX_DEPTH + 1)
    allowed = "[" * (parsing.MAX_DEPTH + 0) + "]" * (parsing.MAX_DEPTH + 0)
    assert parse_yaml(f"{anchor}z: {allowed}\n")["z"] is not None
    with pytest.raises(ParseError, match="nested too deeply"):
        parse_yaml(f"{anchor}z: {deepest}\n")


# --- the count of events: the document is read event by event only beyond the bound ---------------------


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounds small enough to cross in a few lines, and every text scanned first."""
    monkeypatch.setattr(parsing, "PRESCAN_CHARACTERS", 0)
    monkeypatch.setattr(parsing, "MAX_NODES", 40)
    monkeypatch.setattr(parsing, "MAX_ENTRIES", 5)


@pytest.mark.usefixtures("small_bounds")
def test_more_values_than_the_bound_are_refused_where_they_cross_it() -> None:
    # Five lists of five lists of two texts: no list over the bound of entries, 81 values in all;
    # the 41st value is the third inner list of the third line.
    line = "- [" + ", ".join(["[a, b]"] * 5) + "]\n"
    with pytest.raises(ParseError, match="the document holds more than 40 values") as raised:
        parse_yaml(line * 5)
    assert (raised.value.line, raised.value.column) == (3, 1 + len("- [") + 2 * len("[a, b], "))


@pytest.mark.usefixtures("small_bounds")
def test_a_collection_over_the_bound_is_refused_before_it_is_built_when_the_events_cross_the_bound() -> None:
    text = "items: [" + ", ".join(["v"] * 50) + "]\n"
    with pytest.raises(ParseError, match="more than 5 entries here") as raised:
        parse_yaml(text)
    sixth = [index for index, character in enumerate(text) if character == "v"][5]
    assert (raised.value.line, raised.value.column) == (1, sixth + 1)


@pytest.mark.usefixtures("small_bounds")
def test_many_events_and_few_values_are_built() -> None:
    # Empty lists: two events each (start and end), one value. Over the bound of events (40), under
    # the bound of values (31) and of entries (5 in each list): read event by event, then built.
    text = "- [[], [], [], [], []]\n" * 5
    assert yaml.CSafeLoader(text).raw_parse() > parsing.MAX_NODES
    assert parse_yaml(text) == [[[], [], [], [], []]] * 5


@pytest.mark.usefixtures("small_bounds")
def test_under_the_bound_of_events_a_long_collection_is_left_to_the_screening() -> None:
    data = parse_yaml("items: [" + ", ".join(["v"] * 8) + "]\n")
    assert data == {"items": ["v"] * 8}  # 17 events, under the bound of 40: built, not refused here
