"""PyYAML's safe loader, made strict for registers, and quick at building their plain data.

No object is ever constructed from a tag: only the tags plain data needs are known, each refusing
a text it would change. A key written twice is refused (or collected, for the caller to report),
YAML 1.1's booleans `yes`/`no`/`on`/`off` stay texts (`NO`, Norway, stays a country code), and
numbers YAML 1.1 reads in base 8 or 60 are refused with a request for quotes.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from ropa.io.errors import ParseError

__all__ = ["RECURSIVE_ALIAS", "BaseLoader", "Loader"]

BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_DROPPED_TAGS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")


class Loader(BaseLoader):  # type: ignore[valid-type, misc]
    """The safe loader, minus silent key overwrites and YAML 1.1 booleans."""

    duplicates: list[ParseError] | None = None
    """Where duplicate keys are collected instead of refused (the last value is then kept, as YAML does)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # `!!map` on a list or a scalar
            raise yaml.constructor.ConstructorError(None, None, "expected a mapping here", node.start_mark)
        self._check_keys(node, [self.construct_object(key_node, deep=True) for key_node, _ in node.value])
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping

    def _check_keys(self, node: yaml.MappingNode, keys: list[Any]) -> None:
        """Refuse a key that is a list or mapping; refuse a key written twice, or collect it in `duplicates`."""
        seen: dict[Any, yaml.Node] = {}
        for key, (key_node, _) in zip(keys, node.value, strict=True):
            try:
                first = seen.get(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
                ) from None
            if first is None:
                seen[key] = key_node
                continue
            message = (
                f"key {key!r} appears twice (first on line {first.start_mark.line + 1}); "
                "YAML would silently keep only the last one"
            )
            if self.duplicates is None:
                raise yaml.constructor.ConstructorError(None, None, message, key_node.start_mark)
            self.duplicates.append(ParseError(key_node.start_mark.line + 1, key_node.start_mark.column + 1, message))

    _by_first: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}
    """The implicit resolvers to try for a plain text, by its first character (set once they are all added)."""
    _anywhere: ClassVar[list[tuple[str, re.Pattern[str]]]] = []
    """Those for a text whose first character has none of its own."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        # PyYAML's `resolve`, for a loader with no path resolvers, without building a list for every
        # value: libyaml asks once for every value of the document.
        if kind is yaml.ScalarNode:
            if implicit[0] and value is not None:
                for tag, pattern in self._by_first.get(value[:1], self._anywhere):
                    if pattern.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def construct_document(self, node: yaml.Node) -> Any:
        # PyYAML builds every value through one generic path, made for tags and recursion; a register
        # is texts, lists and mappings, built here directly. Every other value, tag and merge key
        # (`<<`) takes the generic path, so the data and the problems found are the same.
        try:
            return self._build(node)
        finally:
            self.constructed_objects: dict[yaml.Node, Any] = {}
            self.recursive_objects: dict[yaml.Node, None] = {}

    def _build(self, node: yaml.Node) -> Any:
        kind = node.__class__
        if kind is yaml.ScalarNode:
            return node.value if node.tag == _STR else self.construct_object(node, deep=True)
        built = self.constructed_objects.get(node)  # a node met again through an alias
        if built is not None:
            return built
        if node in self.recursive_objects:
            raise ParseError(1, 1, RECURSIVE_ALIAS)  # as `ropa.io.parsing` says of one PyYAML builds
        if kind is yaml.SequenceNode and node.tag == _SEQ:
            self.recursive_objects[node] = None
            value: Any = [self._build(child) for child in node.value]
        elif (
            isinstance(node, yaml.MappingNode) and node.tag == _MAP and all(key.tag != _MERGE for key, _ in node.value)
        ):
            self.recursive_objects[node] = None
            value = self._build_mapping(node)
        else:
            return self.construct_object(node, deep=True)
        del self.recursive_objects[node]
        self.constructed_objects[node] = value
        return value

    def _build_mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        """As `construct_mapping`: every key first (keys written twice found), then the values, the last one kept."""
        keys = [self._build(key_node) for key_node, _ in node.value]
        self._check_keys(node, keys)
        return {key: self._build(value_node) for key, (_, value_node) in zip(keys, node.value, strict=True)}


RECURSIVE_ALIAS = "the document refers to itself (a recursive alias)"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"


# YAML 1.2 booleans only: true/false. `yes`, `no`, `on`, `off` stay strings. Dates stay ISO
# strings too, as in JSON: the model reads them, so a YAML and a JSON register give the same data.
Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in BaseLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
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
        Loader.yaml_implicit_resolvers.setdefault(_first, [])
        Loader.yaml_implicit_resolvers[_first] = [(_tag, re.compile(_pattern))] + Loader.yaml_implicit_resolvers[_first]

# Only the tags plain data needs, each refusing a text it would otherwise change: YAML's own
# `!!null office@example.org` would silently drop the address, and `!!bool yes` would guess.
# (The `None` entry refuses every other tag; without it PyYAML would build plain data for any tag.)
_PLAIN_TAGS = {None, *(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "seq", "map"))}
Loader.yaml_constructors = {
    tag: constructor for tag, constructor in BaseLoader.yaml_constructors.items() if tag in _PLAIN_TAGS
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

    def constructor(loader: Loader, node: yaml.Node) -> Any:
        value = loader.construct_scalar(node)
        if not _STRICT_SCALARS[name].match(value):
            raise yaml.constructor.ConstructorError(
                None, None, f"{value!r} does not fit its tag `!!{name}`", node.start_mark
            )
        return construct(loader, node)

    return constructor


Loader.add_constructor(
    "tag:yaml.org,2002:null", _strict("null", BaseLoader.yaml_constructors["tag:yaml.org,2002:null"])
)
Loader.add_constructor("tag:yaml.org,2002:int", _strict("int", BaseLoader.yaml_constructors["tag:yaml.org,2002:int"]))
Loader.add_constructor(
    "tag:yaml.org,2002:float", _strict("float", BaseLoader.yaml_constructors["tag:yaml.org,2002:float"])
)
Loader.add_constructor(
    "tag:yaml.org,2002:bool", _strict("bool", lambda loader, node: loader.construct_scalar(node).lower() == "true")
)


def _ambiguous(loader: Loader, node: yaml.Node) -> Any:
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


Loader.add_constructor(_OCTAL, _ambiguous)
Loader.add_constructor(_SEXAGESIMAL, _ambiguous)


def _set_resolvers() -> None:
    # As PyYAML tries them: the resolvers of the first character (of "" for an empty text), then
    # those for any character.
    assert not Loader.yaml_path_resolvers, "`Loader.resolve` knows no path resolvers"
    resolvers = Loader.yaml_implicit_resolvers
    Loader._anywhere = list(resolvers.get(None, []))
    Loader._by_first = {first: [*found, *Loader._anywhere] for first, found in resolvers.items() if first is not None}


_set_resolvers()
