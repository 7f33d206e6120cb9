"""Find the line and column of a path inside a register file.

Parsing keeps no positions (it is the fast path); only when there are problems to report is the
text composed again into YAML nodes, which carry their marks. JSON is composed the same way,
since a JSON document is also YAML; where that fails, problems point at the start of the file.
"""

from __future__ import annotations

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

    def _tree(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=_Composer)
            except (yaml.YAMLError, RecursionError):
                self._root = None
        return self._root

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The place of `path`, or of the deepest part of it the file has: the key of a mapping entry, the start of a list item."""
        node = self._tree()
        if node is None:
            return 1, 1
        place = node.start_mark
        for part in path:
            if isinstance(node, yaml.MappingNode):
                entry = next(
                    ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None
                )
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
