"""Turn the bytes of a register file into plain data, safely.

YAML is read with PyYAML's safe loader (libyaml's C parser where present): no object is ever
constructed from a tag. Two things the YAML default does are refused, because each loses data
without a word: a key written twice (YAML keeps the last one) and the YAML 1.1 booleans
`yes`/`no`/`on`/`off` (so that `NO`, Norway, stays a country code). Aliases are allowed, but a
document that expands beyond `MAX_VALUES` values ("billion laughs") or nests deeper than
`MAX_DEPTH` is refused before anything else reads it.
"""

from __future__ import annotations

import gc
import json
import re
import sys
from dataclasses import dataclass
from typing import Any

import yaml

from ropa.io.locating import Places, places_of

__all__ = [
    "ALIAS_FACTOR",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_NODES",
    "MAX_VALUES",
    "PRESCAN_CHARACTERS",
    "TAB_MESSAGE",
    "ParseError",
    "parse_json",
    "parse_yaml",
]

MAX_BYTES = 64 * 1024 * 1024
"""Largest register file read: 64 MiB, far above a register of 20,000 activities."""
MAX_DEPTH = 64
"""Deepest nesting accepted; a register is about eight levels deep."""
MAX_VALUES = 100_000_000
"""Most values and characters a document may hold once aliases are followed."""
ALIAS_FACTOR = 10
"""How many times its own length a document may weigh once aliases are followed."""


@dataclass(frozen=True)
class ParseError(Exception):
    """A file that is not a well-formed document, with the place (1-based) where reading stopped."""

    line: int
    column: int
    message: str


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_DROPPED_TAGS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")


class _Loader(_BaseLoader):  # type: ignore[valid-type, misc]
    """The safe loader, minus silent key overwrites and YAML 1.1 booleans."""

    duplicates: list[ParseError] | None = None
    """Where duplicate keys are collected instead of refused (the last value is then kept, as YAML does)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # `!!map` on a list or a scalar
            raise yaml.constructor.ConstructorError(None, None, "expected a mapping here", node.start_mark)
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
                ) from None
            if first is not None:
                message = (
                    f"key {key!r} appears twice (first on line {first.start_mark.line + 1}); "
                    "YAML would silently keep only the last one"
                )
                if self.duplicates is None:
                    raise yaml.constructor.ConstructorError(None, None, message, key_node.start_mark)
                mark = key_node.start_mark
                self.duplicates.append(ParseError(mark.line + 1, mark.column + 1, message))
                continue
            seen[key] = key_node
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


# YAML 1.2 booleans only: true/false. `yes`, `no`, `on`, `off` stay strings. Dates stay ISO
# strings too, as in JSON: the model reads them, so a YAML and a JSON register give the same data.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Numbers YAML 1.1 reads in a way the writer rarely means: `0721123456` (a phone number) in base 8,
# `1:20` in base 60. Each is refused with a located message asking for quotes (see `_ambiguous`).
_OCTAL = "tag:ropa:yaml-1.1-octal"
_SEXAGESIMAL = "tag:ropa:yaml-1.1-sexagesimal"
for _tag, _pattern in (
    (_OCTAL, r"^[-+]?0[0-7_]+$"),
    (_SEXAGESIMAL, r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"),
):
    for _first in "-+0123456789":
        _Loader.yaml_implicit_resolvers.setdefault(_first, [])
        _Loader.yaml_implicit_resolvers[_first] = [(_tag, re.compile(_pattern))] + _Loader.yaml_implicit_resolvers[
            _first
        ]

# Only the tags plain data needs, each refusing a text it would otherwise change: YAML's own
# `!!null office@example.org` would silently drop the address, and `!!bool yes` would guess.
# (The `None` entry refuses every other tag; without it PyYAML would build plain data for any tag.)
_PLAIN_TAGS = {None, *(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "seq", "map"))}
_Loader.yaml_constructors = {
    tag: constructor for tag, constructor in _BaseLoader.yaml_constructors.items() if tag in _PLAIN_TAGS
}
_STRICT_SCALARS = {
    "null": re.compile(r"^(?:~|null|Null|NULL|)$"),
    "bool": re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    "int": re.compile(r"^[-+]?(?:0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$"),
    "float": re.compile(
        r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
    ),
}


def _strict(name: str, construct: Any) -> Any:
    """A constructor for `!!name` that refuses a text that is not such a value."""

    def constructor(loader: _Loader, node: yaml.Node) -> Any:
        value = loader.construct_scalar(node)
        if not _STRICT_SCALARS[name].match(value):
            raise yaml.constructor.ConstructorError(
                None, None, f"{value!r} does not fit its tag `!!{name}`", node.start_mark
            )
        return construct(loader, node)

    return constructor


_Loader.add_constructor(
    "tag:yaml.org,2002:null", _strict("null", _BaseLoader.yaml_constructors["tag:yaml.org,2002:null"])
)
_Loader.add_constructor("tag:yaml.org,2002:int", _strict("int", _BaseLoader.yaml_constructors["tag:yaml.org,2002:int"]))
_Loader.add_constructor(
    "tag:yaml.org,2002:float", _strict("float", _BaseLoader.yaml_constructors["tag:yaml.org,2002:float"])
)
_Loader.add_constructor(
    "tag:yaml.org,2002:bool", _strict("bool", lambda loader, node: loader.construct_scalar(node).lower() == "true")
)


def _ambiguous(loader: _Loader, node: yaml.Node) -> Any:
    value = loader.construct_scalar(node)
    if node.tag == _OCTAL:
        number = int(value.replace("_", ""), 8)
        meaning = f"YAML 1.1 reads {value} as a number in base 8 ({number})"
    else:
        meaning = f"YAML 1.1 reads {value} as a number in base 60 (minutes:seconds)"
    raise yaml.constructor.ConstructorError(
        None,
        None,
        f"{meaning}: if it is a text (a phone number, a code, a time), write it in quotes: '{value}'",
        node.start_mark,
    )


_Loader.add_constructor(_OCTAL, _ambiguous)
_Loader.add_constructor(_SEXAGESIMAL, _ambiguous)


MAX_NODES = 5_000_000
"""Most values (texts, numbers, lists, mappings) a document may hold: a register of 20,000 activities
holds about 2.3 million. A file that holds more is refused before it is built (see `_prescan`)."""
MAX_ENTRIES = 50_000
"""Most entries of one list or mapping (the loader's bound, `ropa.io.screening.MAX_ITEMS`)."""
PRESCAN_CHARACTERS = 4 * 1024 * 1024
"""Texts longer than this are scanned first: building a document costs about 100 times its length
in memory, so a huge one is refused from a stream of events in constant memory instead."""


def _prescan(text: str) -> None:
    """Refuse a document with a collection over `MAX_ENTRIES` or more than `MAX_NODES` values, in constant memory."""
    open_collections: list[list[int]] = []  # [values seen, values allowed] of each open list or mapping
    nodes = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionEndEvent):
            open_collections.pop()
            continue
        if not isinstance(event, yaml.ScalarEvent | yaml.AliasEvent | yaml.CollectionStartEvent):
            continue
        nodes += 1
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if open_collections:
            counted = open_collections[-1]
            counted[0] += 1
            if counted[0] > counted[1]:
                raise ParseError(
                    line,
                    column,
                    f"a list or mapping holds more than {MAX_ENTRIES:,} entries here; "
                    f"a register allows at most {MAX_ENTRIES:,} in one place",
                )
        if nodes > MAX_NODES:
            raise ParseError(line, column, f"the document holds more than {MAX_NODES:,} values")
        if isinstance(event, yaml.CollectionStartEvent):
            per_entry = 2 if isinstance(event, yaml.MappingStartEvent) else 1  # a key and a value
            open_collections.append([0, per_entry * MAX_ENTRIES])


def parse_yaml(text: str, *, duplicates: list[ParseError] | None = None, places: list[Places] | None = None) -> Any:
    """The data of one YAML document. Raises `ParseError`.

    With a `duplicates` list, a key written twice is added to it (its last value is kept) instead
    of being refused, so that the caller can report it beside every other problem of the file.
    With a `places` list, where each part of the document begins is added to it (for `Locator`),
    taken from the nodes composed to build the data.
    """
    loader = None
    # libyaml's millions of new, cycle-free objects would set off the cyclic collector again and
    # again while the document is scanned and built: paused, the 10k register parses in well under
    # half the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if len(text) > PRESCAN_CHARACTERS:
            _prescan(text)
        loader = _Loader(text)
        loader.duplicates = duplicates
        node = loader.get_single_node()
        if places is not None and node is not None:
            places.append(places_of(node))
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if _TAB_PROBLEM.search(error.problem or "") and (tab := _tab_near(text, line, column)):
            raise ParseError(*tab, TAB_MESSAGE) from None
        raise ParseError(line, column, _yaml_message(error)) from None
    except yaml.YAMLError as error:
        raise ParseError(1, 1, f"not valid YAML: {error}") from None
    except RecursionError:
        raise ParseError(1, 1, f"the document is nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as error:  # a value no constructor can build, such as a 5,000-digit number
        raise ParseError(1, 1, _value_message(error)) from None
    except (IndexError, KeyError, TypeError, AttributeError) as error:  # PyYAML's constructors, on odd input
        raise ParseError(1, 1, f"not valid YAML: {error}") from None
    finally:
        if loader is not None:
            loader.dispose()
        if collecting:
            gc.enable()
    _check_data(text, data)
    return data


# PyYAML's words for a tab where YAML allows only spaces.
_TAB_PROBLEM = re.compile(r"tab character|cannot start any token")
TAB_MESSAGE = "a tab character: YAML indents with spaces only; replace the tab with spaces"


def _tab_near(text: str, line: int, column: int) -> tuple[int, int] | None:
    """The place (1-based) of the tab in the blank run at `line`, `column`, or None if there is none."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    rest = lines[line - 1][column - 1 :]
    blank = rest[: len(rest) - len(rest.lstrip(" \t"))] or rest[:1]
    return (line, column + blank.index("\t")) if "\t" in blank else None


def parse_json(text: str) -> Any:
    """The data of one JSON document. Raises `ParseError`."""
    try:
        data = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as error:
        raise ParseError(error.lineno, error.colno, f"not valid JSON: {error.msg}") from None
    except _DuplicateKey as error:
        raise ParseError(1, 1, f"key {error.key!r} appears twice in one object") from None
    except RecursionError:
        raise ParseError(1, 1, f"the document is nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as error:  # e.g. a number too long to convert
        raise ParseError(1, 1, _value_message(error)) from None
    _check_data(text, data)
    return data


def _value_message(error: ValueError) -> str:
    if "integer string conversion" in str(error):
        return f"a number is too long to read (more than {sys.get_int_max_str_digits()} digits)"
    return f"a value cannot be read: {error}"


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise _DuplicateKey(key)
        mapping[key] = value
    return mapping


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "not valid YAML"
    if "could not determine a constructor" in problem and "2002:merge" in problem:
        return "a merge key (`<<:`) is not allowed: write the fields out in full, so that none is silently replaced"
    if "could not determine a constructor" in problem:
        tag = problem.split("tag ", 1)[-1]
        return f"the tag {tag} is not allowed: a register holds plain data only"
    if error.context and "found" not in problem:
        return f"{error.context}: {problem}"
    return problem


# An escape that may encode half of a surrogate pair (\ud800-\udfff), in JSON or YAML double quotes.
_SURROGATE_ESCAPE = re.compile(r"\\[uU]0{0,4}[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_data(text: str, data: Any) -> None:
    _check_size(text, data)
    # A lone surrogate is not a character: no file could be written with it. Pairs were already
    # joined by the parser; only a text that escapes one can hold one, so only then is it searched.
    if _SURROGATE_ESCAPE.search(text):
        for value in _strings(data):
            if _SURROGATE.search(value):
                raise ParseError(1, 1, f"the text {value!r} holds an escaped lone surrogate, which is not a character")


def _strings(data: Any) -> Any:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _check_size(text: str, data: Any) -> None:
    """Refuse data that nests too deeply or that aliases blow up.

    A document's weight is its number of values plus the characters of its texts, with aliases
    followed. Without aliases it is below the file's length; YAML anchors that share a few texts
    add a little. Far beyond the file's length, aliases are multiplying the file ("billion
    laughs"): every later step — validation, problems, outputs — would multiply with them.
    """
    weights: dict[int, int] = {}
    in_progress: set[int] = set()

    def weight(value: Any, depth: int) -> int:
        if isinstance(value, str):
            return 1 + len(value)
        if not isinstance(value, dict | list):
            return 1
        if depth > MAX_DEPTH:
            raise ParseError(1, 1, f"the document is nested too deeply (more than {MAX_DEPTH} levels)")
        key = id(value)
        if key in weights:
            return weights[key]
        if key in in_progress:
            raise ParseError(1, 1, "the document refers to itself (a recursive alias)")
        in_progress.add(key)
        children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        total = 1 + sum(weight(child, depth + 1) for child in children)
        in_progress.discard(key)
        weights[key] = total
        return total

    total = weight(data, 0)
    limit = min(MAX_VALUES, ALIAS_FACTOR * len(text) + 100_000)
    if total > limit:
        raise ParseError(
            1,
            1,
            f"aliases expand this {len(text):,}-character document to {total:,} values and characters "
            f"(more than {limit:,}): repeat data with aliases sparingly",
        )
