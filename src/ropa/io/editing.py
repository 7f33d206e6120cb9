"""Edit a register file and keep it as the person wrote it: comments, key order, quoting, flow style and anchors.

    >>> import ropa
    >>> file = ropa.edit("register.yaml")
    >>> file.add("activities", "mentoring", activity)      # validated whole, or refused: nothing written
    >>> file.save()

The file is read in ruamel.yaml's round-trip mode, the change is made to that document, and the document's
text is what is validated (as `ropa.load` validates a file) and what is written: a register is never
written that would not load. Saving an unchanged file writes its bytes back as they were read; a record
added changes only the lines it adds; a record removed removes only its lines (see docs/api.md).
"""

from __future__ import annotations

import io
import os
import typing
from pathlib import Path
from typing import Any

from ropa.io.atomic import write_bytes_atomic, write_text_atomic
from ropa.io.errors import Problem, RegisterError
from ropa.io.loading import SUFFIXES, load, load_text
from ropa.model.base import Record, Text
from ropa.model.register import Register

__all__ = ["COLLECTIONS", "RegisterFile", "edit"]

COLLECTIONS: tuple[str, ...] = tuple(
    name for name, field in Register.model_fields.items() if typing.get_origin(field.annotation) is dict
)
"""The register's collections of records keyed by id (`activities`, `recipients`, `purposes`, …)."""

# How a file may indent its mappings and lists (mapping, sequence, offset): the first that gives the file's
# own text back is the one it is written with; ropa's examples and `ropa init` use the first.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 2, 2))


def edit(path: str | os.PathLike[str]) -> RegisterFile:
    """The YAML register file at `path`, opened for editing (`RegisterFile`); it must load as `ropa.load` loads it."""
    return RegisterFile(path)


class RegisterFile:
    """A YAML register file opened for editing: `register` is what it holds now; `add`, `replace` and
    `remove` change it (each validating the whole register first, and refusing with `RegisterError`,
    located, when the result would not load); `save` writes it back, keeping what the person wrote."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"path must be a path to a register file (str or os.PathLike), got {type(path).__name__}")
        self.path = Path(path)
        if SUFFIXES.get(self.path.suffix.lower()) != "yaml":
            raise ValueError(f"{self.path}: only a YAML register (.yaml, .yml) can be edited in place")
        self.register: Register = load(self.path)
        self._bytes = self.path.read_bytes()
        self._read = self._bytes.decode("utf-8-sig")
        self._text = self._read
        self._yaml, self._document = _round_trip(self._read)

    @property
    def text(self) -> str:
        """The file's text as `save` would write it now."""
        return self._text

    def add(self, collection: str, key: str, record: Record) -> Register:
        """Add `record` under the new id `key` at the end of `collection`; the register it makes, validated."""
        records = self._collection(collection, create=True)
        if key in records:
            raise ValueError(f"{collection}: there is already a record {key!r}; use replace()")
        return self._change(collection, key, _data(record, "record"))

    def replace(self, collection: str, key: str, record: Record) -> Register:
        """Put `record` in place of the record `key` of `collection`, where it stands."""
        self._existing(collection, key)
        return self._change(collection, key, _data(record, "record"))

    def remove(self, collection: str, key: str) -> Register:
        """Remove the record `key` of `collection`; refused when anything still refers to it."""
        self._existing(collection, key)
        return self._change(collection, key, None)

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the file (or `path`) atomically; unchanged, it is written back byte for byte as it was read."""
        target = self.path if path is None else path
        if self._text is self._read:
            write_bytes_atomic(target, self._bytes)
        else:
            write_text_atomic(target, self._text)

    # --- inside -------------------------------------------------------------------------------------

    def _collection(self, collection: str, *, create: bool = False) -> Any:
        if collection not in COLLECTIONS:
            raise ValueError(f"collection must be one of {', '.join(COLLECTIONS)}, got {collection!r}")
        found = self._document.get(collection)
        if found is None and create:
            return {}
        return found if found is not None else {}

    def _existing(self, collection: str, key: str) -> None:
        if key not in self._collection(collection):
            raise KeyError(f"{collection}: no record {key!r}")

    def _change(self, collection: str, key: str, data: Any) -> Register:
        _, document = _round_trip(self._text, self._yaml)
        if data is None:
            del document[collection][key]
        elif collection in document and document[collection] is not None:
            document[collection][key] = data
        else:
            document[collection] = {key: data}
        text = _dumped(self._yaml, document)
        try:
            register = load_text(text, file=os.fspath(self.path), kind="yaml")
        except RegisterError as error:
            what = f"{collection}.{key}"
            note = Problem(os.fspath(self.path), 1, 1, "(edit)", f"nothing changed: the edit of {what} was refused")
            raise RegisterError([*error.problems, note], error.omitted) from None
        self._text, self._document, self.register = text, document, register
        return register


def _data(record: Any, name: str) -> Any:
    if not isinstance(record, Record | Text):
        raise TypeError(f"{name} must be a record of the register (e.g. ropa.Activity), got {type(record).__name__}")
    return _styled(record.model_dump(mode="json", exclude_defaults=True))


# A record added is written in the style of ropa's examples: a mapping or a list of plain values (a text in
# its languages, a list of ids) on one line, in flow style, where it fits; anything else in block style.
_FLOW_WIDTH = 80


def _styled(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        styled: Any = CommentedMap((key, _styled(item)) for key, item in value.items())
        plain = all(isinstance(item, str | int | float | bool) for item in value.values())
        width = sum(len(str(key)) + len(str(item)) + 4 for key, item in value.items())
    elif isinstance(value, list):
        styled = CommentedSeq(_styled(item) for item in value)
        plain = all(isinstance(item, str | int | float | bool) for item in value)
        width = sum(len(str(item)) + 2 for item in value)
    else:
        return value
    if plain and value and width <= _FLOW_WIDTH:
        styled.fa.set_flow_style()
    return styled


def _round_trip(text: str, chosen: Any = None) -> tuple[Any, Any]:
    """The ruamel.yaml round-trip reader and writer that gives `text` back (or `chosen`), and the document."""

    candidates = [chosen] if chosen is not None else [_yaml(*indent) for indent in _INDENTS]
    for yaml in candidates:
        document = yaml.load(text)
        if chosen is not None or _dumped(yaml, document) == text:
            return yaml, document
    yaml = candidates[0]
    return yaml, yaml.load(text)


def _yaml(mapping: int, sequence: int, offset: int) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the person wrote on one
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dumped(yaml: Any, document: Any) -> str:
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()
