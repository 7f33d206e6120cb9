"""Turn the bytes of a register file into plain data, safely.

YAML is read with PyYAML's safe loader (libyaml's C parser where present): no object is ever
constructed from a tag. Two things the YAML default does are refused, because each loses data
without a word: a key written twice (YAML keeps the last one) and the YAML 1.1 booleans
`yes`/`no`/`on`/`off` (so that `NO`, Norway, stays a country code). Aliases are allowed, but a
document that expands beyond `MAX_VALUES` values ("billion laughs") or nests deeper than
`MAX_DEPTH` is refused before anything else reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_VALUES", "ParseError", "parse_json", "parse_yaml"]

MAX_BYTES = 64 * 1024 * 1024
"""Largest register file read: 64 MiB, far above a register of 20,000 activities."""
MAX_DEPTH = 64
"""Deepest nesting accepted; a register is about eight levels deep."""
MAX_VALUES = 20_000_000
"""Most values a document may expand to once aliases are followed."""


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

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
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
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"key {key!r} appears twice (first on line {first.start_mark.line + 1}); "
                    "YAML would silently keep only the last one",
                    key_node.start_mark,
                )
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
_Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node).lower() == "true")


def parse_yaml(text: str) -> Any:
    """The data of one YAML document. Raises `ParseError`."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ParseError(line, column, _yaml_message(error)) from None
    except yaml.YAMLError as error:
        raise ParseError(1, 1, f"not valid YAML: {error}") from None
    except RecursionError:
        raise ParseError(1, 1, f"the document is nested too deeply (more than {MAX_DEPTH} levels)") from None
    _check_size(data)
    return data


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
    _check_size(data)
    return data


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
    if "could not determine a constructor" in problem:
        tag = problem.split("tag ", 1)[-1]
        return f"the tag {tag} is not allowed: a register holds plain data only"
    if error.context and "found" not in problem:
        return f"{error.context}: {problem}"
    return problem


def _check_size(data: Any) -> None:
    """Refuse data that nests too deeply or, with aliases followed, holds too many values."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(value: Any, depth: int) -> int:
        if not isinstance(value, dict | list):
            return 1
        if depth > MAX_DEPTH:
            raise ParseError(1, 1, f"the document is nested too deeply (more than {MAX_DEPTH} levels)")
        key = id(value)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise ParseError(1, 1, "the document refers to itself (a recursive alias)")
        in_progress.add(key)
        children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        total = 1 + sum(size(child, depth + 1) for child in children)
        in_progress.discard(key)
        sizes[key] = total
        return total

    total = size(data, 0)
    if total > MAX_VALUES:
        raise ParseError(
            1, 1, f"the document expands to {total:,} values (more than {MAX_VALUES:,}); are aliases repeated?"
        )
