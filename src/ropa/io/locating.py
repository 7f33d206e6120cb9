"""Find the line and column of a path inside a register file.

Where each part of a document begins is kept as `Places`: taken from the YAML nodes the loader
composes anyway (`ropa.io.parsing.parse_yaml` with `places=`), so that locating the findings of
`ropa check` never reads the file a second time. Only the places are kept, not the nodes, which
weigh many times more. Without them (a JSON file, or plain `load`), the text is composed again when
there is something to locate; a JSON document is also YAML, and where that fails, problems point at
the start of the file.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

__all__ = ["Locator", "Places", "places_of"]

_Composer: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LINE: int = 1 << 32
"""A place is one number, `line * _LINE + column` (0-based), lighter than a pair: a file holds at most 64 MiB."""


class _Mapping:
    """A mapping's place and, by key as written, each entry's key place and value."""

    __slots__ = ("entries", "place")

    def __init__(self, place: int) -> None:
        self.place = place
        self.entries: dict[str, tuple[int, _Place]] = {}


class _Sequence:
    """A list's place and its items."""

    __slots__ = ("items", "place")

    def __init__(self, place: int) -> None:
        self.place = place
        self.items: list[_Place] = []


_Place = _Mapping | _Sequence | int
"""A collection, or the place of a scalar."""


class Places:
    """Where each part of one document begins: its root's places, nothing of its values."""

    __slots__ = ("root",)

    def __init__(self, root: _Place) -> None:
        self.root = root


def places_of(root: yaml.Node) -> Places:
    """The places of the document composed as `root` (aliases share their anchor's places, once)."""
    # One pass over every node of a large file: written for speed (no call per node, a loop rather
    # than recursion, as the depth of a document is refused later, not here).
    scalar, mapping, line = yaml.ScalarNode, yaml.MappingNode, _LINE
    seen: dict[int, _Mapping | _Sequence] = {}
    pending: list[tuple[yaml.Node, _Mapping | _Sequence]] = []

    def collection(node: yaml.Node) -> _Mapping | _Sequence:
        found = seen.get(id(node))
        if found is None:
            mark = node.start_mark
            place = mark.line * line + mark.column
            found = seen[id(node)] = _Mapping(place) if type(node) is mapping else _Sequence(place)
            pending.append((node, found))
        return found

    if type(root) is scalar:
        return Places(root.start_mark.line * line + root.start_mark.column)
    top = collection(root)
    while pending:
        node, parent = pending.pop()
        if type(parent) is _Mapping:
            entries = parent.entries
            # Backwards, so that the first of a key written twice is the one kept (it is refused anyway).
            for key, value in reversed(node.value):
                if type(key) is not scalar:
                    continue
                if type(value) is scalar:
                    mark = value.start_mark
                    child: _Place = mark.line * line + mark.column
                else:
                    child = collection(value)
                mark = key.start_mark
                entries[key.value] = (mark.line * line + mark.column, child)
        else:
            items = parent.items  # type: ignore[union-attr]
            for item in node.value:
                if type(item) is scalar:
                    mark = item.start_mark
                    items.append(mark.line * line + mark.column)
                else:
                    items.append(collection(item))
    return Places(top)


class Locator:
    """Maps paths in a document's data to (line, column), both 1-based."""

    def __init__(self, text: str, places: Places | None = None) -> None:
        self._text = text
        self._places = places
        self._composed = places is not None

    def _root(self) -> _Place | None:
        if not self._composed:
            # Marked composed only once the places are there: a thread locating at the same time composes
            # them too (the same places), never reads the places missing.
            try:
                node = yaml.compose(self._text, Loader=_Composer)
                self._places = places_of(node) if node is not None else None
            except (yaml.YAMLError, RecursionError):
                self._places = None
            self._composed = True
        return self._places.root if self._places is not None else None

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The place of `path`, or of the deepest part of it the file has: the key of a mapping entry, the start of a list item."""
        node = self._root()
        if node is None:
            return 1, 1
        place = node if isinstance(node, int) else node.place
        for part in path:
            if isinstance(node, _Mapping):
                entry = node.entries.get(str(part))
                if entry is None:
                    break
                place, node = entry
            elif isinstance(node, _Sequence) and isinstance(part, int) and 0 <= part < len(node.items):
                node = node.items[part]
                place = node if isinstance(node, int) else node.place
            else:
                break
        line, column = divmod(place, _LINE)
        return line + 1, column + 1
