"""Fuzzing the loader: whatever it is given, it loads a register or raises `RegisterError`, nothing else.

And what it loads it does not lose: a register that loads can be written back (as UTF-8 YAML and
JSON) and reads back equal. Inputs: any bytes; bytes assembled from YAML's own tokens (tags,
anchors, aliases, directives, indicators), which reach deeper than random bytes do; any JSON-like
value written as JSON and as YAML; and valid registers with one part broken, as text or as data.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ropa.io import RegisterError, dumps, load, load_text
from ropa.model import Register
from ropa.testing.strategies import registers


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ropa-fuzz-") as name:
        yield Path(name)


def outcome(read: Callable[[], Register]) -> Register | RegisterError:
    """The register `read` returns, or the `RegisterError` it raises; any other exception fails the test."""
    refused: RegisterError | None = None
    try:
        register = read()
    except RegisterError as error:
        refused = error
    if refused is not None:
        assert refused.problems
        assert all(problem.line >= 1 and problem.column >= 1 and problem.message for problem in refused.problems)
        assert str(refused)
        return refused
    assert isinstance(register, Register)
    # Nothing is lost: what loaded is written back and reads back the same, in YAML and in JSON.
    for kind in ("yaml", "json"):
        text = dumps(register, kind=kind)
        text.encode("utf-8")  # it can be written to a file
        assert load_text(text, kind=kind) == register
    return register


def load_bytes(folder: Path, content: bytes, suffix: str) -> Register | RegisterError:
    path = folder / f"register{suffix}"
    path.write_bytes(content)
    return outcome(lambda: load(path))


# --- any bytes -----------------------------------------------------------------------------------


@settings(max_examples=300)
@given(content=st.binary(max_size=4000), suffix=st.sampled_from([".yaml", ".yml", ".json"]))
def test_any_bytes_load_or_raise_register_error(folder: Path, content: bytes, suffix: str) -> None:
    load_bytes(folder, content, suffix)


MINIMAL = "format: 1\nlanguages: [ro, en]\ncontroller: {name: Exemplu, country: RO}\n"

# YAML's tokens and ropa's words: assembled at random, they make documents that get past the
# scanner and into the parser, the constructor and the model.
TOKENS = [
    MINIMAL,
    "format: 1\n",
    "languages: [ro, en]\n",
    "languages: [ro]\n",
    "controller: {name: x, country: RO}\n",
    "activities:\n",
    "purposes:\n",
    "recipients:\n",
    "data_subjects:\n",
    "  donations:\n",
    "    name: {ro: a, en: b}\n",
    "    purposes: [payments]\n",
    "  payments: {name: {ro: p, en: p}, legal_basis: contract}\n",
    "\n",
    "\r\n",
    "  ",
    "\t",
    "- ",
    ": ",
    "? ",
    ", ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!int ",
    "!!float ",
    "!!str ",
    "!!bool ",
    "!!null ",
    "!!map ",
    "!!seq ",
    "!!set ",
    "!!omap ",
    "!!pairs ",
    "!!binary ",
    "!!timestamp ",
    "!!merge ",
    "!!python/object/apply:os.getcwd ",
    "!!python/name:os.getcwd ",
    "!local ",
    "!<tag:example.com,2000:x> ",
    "<<: ",
    "<<: *a\n",
    "---\n",
    "--- ",
    "...\n",
    "%YAML 1.2\n",
    "%YAML 1.1\n",
    "%TAG !e! tag:yaml.org,2002:\n",
    "!e!int ",
    "# comment\n",
    "'",
    '"',
    "\\",
    "\\u",
    "\\x",
    "|\n",
    ">-\n",
    "\ufeff",
    "\x00",
    "\x07",
    "\x85",
    "\u2028",
    "\ud7ff",
    "ș",
    "😀",
    "0",
    "1",
    "-1",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "1:30",
    "1e999",
    "-.inf",
    ".nan",
    "9" * 5000,
    "~",
    "null",
    "true",
    "false",
    "yes",
    "NO",
    "2026-02-30",
    "2026-01-15 10:00:00",
    "P10Y",
    "x",
    "ro",
    "en",
    "RO",
    "US",
    "IO:EPO",
    "https://example.org",
]


@settings(max_examples=500)
@given(
    tokens=st.lists(st.sampled_from(TOKENS), max_size=40),
    suffix=st.sampled_from([".yaml", ".json"]),
)
def test_yaml_tokens_in_any_order_load_or_raise_register_error(folder: Path, tokens: list[str], suffix: str) -> None:
    load_bytes(folder, "".join(tokens).encode("utf-8", errors="surrogatepass"), suffix)


@settings(max_examples=300)
@given(text=st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=200))
def test_any_text_given_to_load_text_loads_or_raises_register_error(text: str) -> None:
    # `load_text` takes a `str`, which may hold what no file can: lone surrogates.
    for kind in ("yaml", "json"):
        outcome(lambda: load_text(text, kind=kind))  # noqa: B023 - called at once


# --- any JSON-like value -------------------------------------------------------------------------


class Digits:
    """A JSON number of `count` digits: Python reads at most 4,300 (so a value cannot hold it)."""

    def __init__(self, count: int) -> None:
        self.count = count

    def __repr__(self) -> str:
        return f"Digits({self.count})"


# Text with every kind of character, lone surrogates included (JSON can escape them).
any_text = st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=20)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.builds(Digits, st.integers(min_value=4290, max_value=4400)),  # around Python's 4,300-digit limit
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    st.sampled_from(["ro", "en", "RO", "P10Y", "2026-01-15", "consent", "processor", "scc", "a-b"]),
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(any_text, children, max_size=5),
    max_leaves=25,
)


def json_text(value: Any) -> str:
    """`value` as JSON text (`Digits` as that many nines)."""
    if isinstance(value, Digits):
        return "9" * value.count
    if isinstance(value, bool | int | float | str) or value is None:
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(json_text(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(key)}: {json_text(item)}" for key, item in value.items()) + "}"


FIELDS = [
    "format",
    "languages",
    "updated",
    "controller",
    "client_controllers",
    "data_subjects",
    "data_categories",
    "purposes",
    "recipient_categories",
    "recipients",
    "security_measures",
    "activities",
    "policy",
]


@settings(max_examples=300)
@given(value=json_values, field=st.sampled_from([None, *FIELDS]))
def test_any_json_value_loads_or_raises_register_error(value: Any, field: str | None) -> None:
    # As the whole document, or as one field of an otherwise minimal register.
    if field is None:
        text = json_text(value)
    else:
        base = {"format": 1, "languages": ["ro", "en"], "controller": {"name": "Exemplu", "country": "RO"}}
        text = json_text({**base, field: value})
    outcome(lambda: load_text(text, kind="json"))


yaml_safe_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), yaml_safe_text),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.one_of(yaml_safe_text, st.integers(), st.booleans(), st.none()), children, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300)
@given(value=yaml_values, field=st.sampled_from([None, *FIELDS]), flow=st.booleans(), unicode=st.booleans())
def test_any_yaml_value_loads_or_raises_register_error(
    value: Any, field: str | None, flow: bool, unicode: bool
) -> None:
    data = value if field is None else {"format": 1, "languages": ["ro"], "controller": {"name": "x", "country": "RO"}}
    if field is not None:
        data[field] = value
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode, sort_keys=False)
    outcome(lambda: load_text(text, kind="yaml"))


# --- valid registers, with one part broken -------------------------------------------------------


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside `data`."""
    yield path
    if isinstance(data, dict):
        for key, item in data.items():
            yield from _paths(item, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _paths(item, (*path, index))


def _replace(data: Any, path: tuple[Any, ...], change: Callable[[Any], Any]) -> Any:
    if not path:
        return change(data)
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {key: _replace(item, rest, change) if key == head else item for key, item in data.items()}
    return [_replace(item, rest, change) if index == head else item for index, item in enumerate(data)]


MUTATIONS: dict[str, Callable[[Any, Any], Any]] = {
    "replace": lambda old, new: new,
    "null": lambda old, new: None,
    "wrap-in-a-list": lambda old, new: [old],
    "wrap-in-a-mapping": lambda old, new: {"value": old},
    "empty": lambda old, new: type(old)() if isinstance(old, dict | list | str) else old,
    "add-an-unknown-key": lambda old, new: {**old, "unknown-field": new} if isinstance(old, dict) else new,
    "drop-the-first-key": lambda old, new: dict(list(old.items())[1:]) if isinstance(old, dict) else old,
    "duplicate-the-list": lambda old, new: old + old if isinstance(old, list) else old,
    "as-text": lambda old, new: str(old),
    "as-number": lambda old, new: len(old) if isinstance(old, dict | list | str) else 0,
}


def register_data(register: Register) -> dict[str, Any]:
    data: dict[str, Any] = register.model_dump(mode="json", exclude_defaults=True)
    return {"format": register.format, **data}


@settings(max_examples=300)
@given(
    register=registers(),
    data=st.data(),
    mutation=st.sampled_from(sorted(MUTATIONS)),
    new=json_values,
    kind=st.sampled_from(["yaml", "json"]),
)
def test_a_valid_register_with_one_part_broken_loads_or_raises_register_error(
    register: Register, data: st.DataObject, mutation: str, new: Any, kind: str
) -> None:
    original = register_data(register)
    path = data.draw(st.sampled_from(list(_paths(original))), label="path")
    broken = _replace(original, path, lambda old: MUTATIONS[mutation](old, new))
    if kind == "json":
        text = json_text(broken)
    else:
        try:
            text = yaml.safe_dump(broken, allow_unicode=True, sort_keys=False)
        except yaml.YAMLError:  # a lone surrogate, which YAML cannot write: the JSON run covers it
            text = json_text(broken)
            kind = "json"
    outcome(lambda: load_text(text, kind=kind))


@settings(max_examples=300)
@given(register=registers(), data=st.data())
def test_a_valid_register_with_bytes_changed_loads_or_raises_register_error(
    folder: Path, register: Register, data: st.DataObject
) -> None:
    content = bytearray(dumps(register).encode("utf-8"))
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="changes")):
        position = data.draw(st.integers(min_value=0, max_value=len(content)), label="position")
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]), label="action")
        byte = data.draw(st.integers(min_value=0, max_value=255), label="byte")
        if action == "insert":
            content[position:position] = bytes([byte])
        elif position < len(content):
            content[position : position + 1] = b"" if action == "delete" else bytes([byte])
    load_bytes(folder, bytes(content), ".yaml")


@given(register=registers(), kind=st.sampled_from(["yaml", "json"]))
def test_an_unbroken_register_loads_back_equal(register: Register, kind: str) -> None:
    # The baseline of the mutations above: unmutated, every drawn register loads.
    assert outcome(lambda: load_text(dumps(register, kind=kind), kind=kind)) == register
