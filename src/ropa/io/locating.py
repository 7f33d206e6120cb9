"""Find the line and column of a path inside a register file.

Parsing keeps no positions (it is the fast path); only when there are problems to report is the
text composed again into YAML nodes, which carry their marks. JSON is composed the same way,
since a JSON document is also YAML; where that fails, problems point at the start of the file.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

import yaml

__all__ = ["Locator"]

_Composer: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Locator:
    """Maps paths in a document's data to (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False
        # Each mapping's entries by key, built on first use: locating many problems in a large file
        # must not scan its long mappings again for each one.
        self._entries: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def _tree(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            collecting = gc.isenabled()
            gc.disable()  # as in parsing: a large file's many new nodes would set off the collector again and again
            try:
                self._root = yaml.compose(self._text, Loader=_Composer)
            except (yaml.YAMLError, RecursionError):
                self._root = None
            finally:
                if collecting:
                    gc.enable()
        return self._root

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The place of `path`, or of the deepest part of it the file has: the key of a mapping entry, the start of a list item."""
        node = self._tree()
        if node is None:
            return 1, 1
        place = node.start_mark
        for part in path:
            if isinstance(node, yaml.MappingNode):
                entry = self._entries_of(node).get(str(part))
                if entry is None:
                    break
                key_node, node = entry
                place = key_node.start_mark
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                place = node.start_mark
            else:
                break
        return place.line + 1, place.column + 1

    def _entries_of(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        entries = self._entries.get(id(node))
        if entries is None:
            entries = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    entries.setdefault(key.value, (key, value))  # the first, as a duplicate key is refused
            self._entries[id(node)] = entries
        return entries
