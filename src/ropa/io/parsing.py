"""Turn the bytes of a register file into plain data, safely.

YAML is read with PyYAML's safe loader (libyaml's C parser where present), made strict in
`ropa.io.yaml_loader`: no object is ever constructed from a tag. Two things the YAML default does
are refused, because each loses data without a word: a key written twice (YAML keeps the last one)
and the YAML 1.1 booleans `yes`/`no`/`on`/`off` (so that `NO`, Norway, stays a country code).
Aliases are allowed, but a document that expands beyond `MAX_VALUES` values ("billion laughs") or
nests deeper than `MAX_DEPTH` is refused before anything else reads it, and a large one holding
more than `MAX_NODES` values before it is built.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import yaml

from ropa.io.errors import ParseError
from ropa.io.locating import Places, places_of
from ropa.io.yaml_loader import RECURSIVE_ALIAS, BaseLoader, Loader

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


MAX_NODES = 5_000_000
"""Most values (texts, numbers, lists, mappings) a document may hold: a register of 20,000 activities
holds about 2.3 million. A file that holds more is refused before it is built (see `_prescan`)."""
MAX_ENTRIES = 50_000
"""Most entries of one list or mapping (the loader's bound, `ropa.io.screening.MAX_ITEMS`)."""
PRESCAN_CHARACTERS = 4 * 1024 * 1024
"""Texts longer than this are scanned first: building a document costs about 100 times its length
in memory, so a huge one is refused from a stream of events in constant memory instead."""


def _prescan(text: str) -> None:
    """Refuse, before it is built, a document of more than `MAX_NODES` values, in constant memory.

    libyaml counts the document's events in C (values, and the ends of lists and mappings), at about
    a sixth of the cost of reading them in Python. A document with fewer events than `MAX_NODES`
    holds fewer values, so building it costs no more than a register near that bound; a list or
    mapping over `MAX_ENTRIES` in it is refused, located, once it is read (`ropa.io.screening`).
    Only a document with more events is read event by event, to say where a bound is crossed.
    """
    loader = BaseLoader(text)
    count = getattr(loader, "raw_parse", None)  # libyaml's; PyYAML alone reads every event in Python
    try:
        events = count() if count is not None else MAX_NODES + 1
    finally:
        loader.dispose()
    if events > MAX_NODES:
        _locate_excess(text)


def _locate_excess(text: str) -> None:
    """Refuse a document with a collection over `MAX_ENTRIES` or more than `MAX_NODES` values, where it crosses the bound."""
    open_collections: list[list[int]] = []  # [values seen, values allowed] of each open list or mapping
    nodes = 0
    for event in yaml.parse(text, Loader=BaseLoader):
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
    try:
        if len(text) > PRESCAN_CHARACTERS:
            _prescan(text)
        loader = Loader(text)
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
    if "&" not in text:  # no anchor, so no alias: the document weighs about its own length
        _check_depth(data)
        return
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
            raise ParseError(1, 1, RECURSIVE_ALIAS)
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


def _check_depth(data: Any) -> None:
    """Refuse data nested deeper than `MAX_DEPTH` (data without aliases: a tree, walked once)."""
    pending: list[tuple[Any, int]] = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if value.__class__ is dict:
            children: Any = value.values()
        elif value.__class__ is list:
            children = value
        else:
            continue
        if depth > MAX_DEPTH:
            raise ParseError(1, 1, f"the document is nested too deeply (more than {MAX_DEPTH} levels)")
        pending.extend((child, depth + 1) for child in children)
