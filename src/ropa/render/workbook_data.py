"""The workbook's "Register data" sheet: every fact of the register, one per row, so that it comes back.

The other sheets say the register the way a supervisory authority reads it, in one language, many facts
to a cell. This sheet says it the way ropa reads it back (`ropa import`): each row a place in the register
(`activities.donations.name.en`, `activities.donations.purposes[0]`, as ropa's errors name places), the
kind of value there, and the value. Fields left at their defaults are left out, as `ropa.io.dump` does.

Kinds: `text` (the kind cell left empty: most facts are texts), `number`, `boolean` (`true`/`false`),
`null`, and `list` or `map` for an empty one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from ropa.model import Register
from ropa.model.consistency import Path, format_path
from ropa.render.workbook_tables import Column, Table, Words

__all__ = ["KINDS", "data_table", "register_facts"]

KINDS: Final = ("text", "number", "boolean", "null", "list", "map")

Fact = tuple[str, str, str]
"""(place in the register, kind, value as text)."""


def register_facts(register: Register) -> list[Fact]:
    """Every fact of `register` (its fields at their defaults left out), in the register's order; internal
    `notes` left out too, as from every output ropa writes (docs/register-format.md)."""
    data: dict[str, Any] = register.model_dump(mode="json", exclude_defaults=True)
    for key in ("activities", "purposes", "recipients"):
        for record in data.get(key, {}).values():
            record.pop("notes", None)
            for rule in record.get("retention", []) if key == "activities" else []:
                rule.pop("notes", None)
    return list(_facts({"format": register.format, **data}, ()))


def _facts(value: Any, path: Path) -> Iterator[Fact]:
    if isinstance(value, dict):
        if not value:
            yield format_path(path), "map", ""
        for key, item in value.items():
            if any(character in key for character in ".[]"):  # ids, languages and places never hold these
                raise ValueError(f"{format_path(path)}: the key {key!r} cannot be written as a place")
            yield from _facts(item, (*path, key))
    elif isinstance(value, list):
        if not value:
            yield format_path(path), "list", ""
        for index, item in enumerate(value):
            yield from _facts(item, (*path, index))
    elif isinstance(value, bool):
        yield format_path(path), "boolean", "true" if value else "false"
    elif isinstance(value, int | float):
        yield format_path(path), "number", repr(value)
    elif value is None:
        yield format_path(path), "null", ""
    else:
        yield format_path(path), "text", str(value)


def data_table(words: Words) -> Table[Fact]:
    columns: list[Column[Fact]] = [
        Column("path", lambda fact: fact[0]),
        Column("kind", lambda fact: None if fact[1] == "text" else fact[1]),  # most facts are texts: left empty
        Column("value", lambda fact: fact[2] or None),
    ]
    widths = {"path": 48, "kind": 10, "value": 80}
    return Table("data", register_facts(words.register), columns, frozen_columns=1, widths=widths)
