"""ropa's own Article 30 workbook, read back: the register it was written from, with the DPO's edits.

The "Register data" sheet (`ropa.render.workbook_data`) gives the register, every fact in every
language. The other sheets are then compared with what ropa would write for that register: a cell
that holds one fact of the register in the workbook's language (`EDITABLE`: a name, a description,
a date, a yes/no, a lawful basis…) and differs is the DPO's edit, and becomes that change; a cell that
ropa composes from several facts (a list of recipients, a transfer's verdict) cannot be read back for
certain, so an edit there refuses the import, naming the cell and where to make the change instead.
Sheets and columns are found by their headings in every language ropa writes, not by their place; a
column ropa does not write is reported cell by cell; a sheet deleted is noted, not an edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from ropa.importing.problems import ImportReport, SpreadsheetError, SpreadsheetProblem
from ropa.importing.reading import Book, Sheet, Value
from ropa.importing.validating import validated
from ropa.model import Register
from ropa.render import workbook_labels as labels
from ropa.render.workbook import FIRST_DATA_ROW, HEADER_ROW, cell_text
from ropa.render.workbook_tables import CellValue, Table, Words, tables
from ropa.transfers import register_transfers

__all__ = ["EDITABLE", "is_ropa_workbook", "is_ropa_workbook_without_data", "read_ropa_workbook"]

EDITABLE: Final[dict[tuple[str, str], tuple[str, str, str]]] = {
    **{
        (sheet, column): ("activities", column, kind)
        for sheet in ("activities", "processor")
        for column, kind in (
            ("name", "text"),
            ("function", "text"),
            ("description", "text"),
            ("source", "text"),
            ("automated_decisions", "text"),
            ("occasional", "yes_no"),
            ("created", "date"),
            ("updated", "date"),
            ("ended", "date"),
        )
    },
    **{
        ("purposes", column): ("purposes", column, kind)
        for column, kind in (
            ("name", "text"),
            ("description", "text"),
            ("legitimate_interest", "text"),
            ("legal_basis", "legal_basis"),
        )
    },
    **{
        ("recipients", column): ("recipients", column, kind)
        for column, kind in (
            ("name", "plain"),
            ("legal_entity", "plain"),
            ("registration", "plain"),
            ("address", "plain"),
            ("contact", "plain"),
            ("privacy_policy", "plain"),
            ("transfer_impact_assessment", "plain"),
            ("dpf_certified", "yes_no"),
            ("arrangement", "text"),
            ("derogation_safeguards", "text"),
        )
    },
    **{
        ("security", column): ("security_measures", column, kind)
        for column, kind in (("name", "text"), ("description", "text"), ("public", "yes_no"), ("point", "point"))
    },
}
"""(sheet, column) -> (collection, field, kind): the cells that hold one fact each, read back as edits."""
_DATA_SHEETS: Final = {
    names[lang]: lang for key, names in labels.SHEET_NAMES.items() if key == "data" for lang in names
}
_PLACE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def is_ropa_workbook(book: Book) -> bool:
    return any(name in _DATA_SHEETS for name in book.names)


def is_ropa_workbook_without_data(book: Book) -> bool:
    """A workbook with ropa's activity sheet but not its Register data sheet."""
    return not is_ropa_workbook(book) and any(name in labels.SHEET_NAMES["activities"].values() for name in book.names)


def _heading(text: Value) -> str:
    return str(text).split("\n")[0].strip() if text is not None else ""


def _columns(sheet: Sheet, table: str) -> dict[int, str | None]:
    """Each column of `sheet`'s heading row: the key of the column ropa writes there, or None."""
    known = {label[lang]: key for key, (label, _) in labels.HEADERS[table].items() for lang in label}
    return {column: known.get(_heading(value)) for column, value in sheet.row(HEADER_ROW).items()}


def read_ropa_workbook(book: Book, report: ImportReport) -> tuple[dict[str, Any], dict[str, str]]:
    """The register's data (every fact, with the edits made in the other sheets) and each fact's cell."""
    name = next(name for name in book.names if name in _DATA_SHEETS)
    lang = _DATA_SHEETS[name]
    data, origins = _read_data(book.sheet(name))
    register = validated(data, origins, book.file)
    if lang not in register.languages:
        raise SpreadsheetError(
            [SpreadsheetProblem(book.file, f"a workbook in {lang}, of a register not written in it")]
        )
    edits = _Edits(book, register, lang, data, origins, report)
    edits.read(book.properties_created or _as_of(book, lang))
    if edits.problems:
        raise SpreadsheetError(edits.problems)
    report.notes += [note for sheet in book.names for note in book.sheet(sheet).notes()]
    return data, origins


def _unmerged(sheet: Sheet) -> None:
    """ropa merges no cell: a merged range among the rows has lost the values of all but its first cell."""
    problems = [
        SpreadsheetProblem(f"{sheet.file}!{sheet.name}!{ranged}", "merged cells: unmerge them and give each its value")
        for ranged in sheet.merged
        if int(re.sub(r"[A-Z]", "", ranged.split(":")[-1])) >= FIRST_DATA_ROW
    ]
    if problems:
        raise SpreadsheetError(problems)


def _read_data(sheet: Sheet) -> tuple[dict[str, Any], dict[str, str]]:
    _unmerged(sheet)
    columns = {key: column for column, key in _columns(sheet, "data").items() if key is not None}
    missing = [key for key in ("path", "kind", "value") if key not in columns]
    if missing:
        message = f"the headings of {', '.join(missing)} are missing: this sheet cannot be read back"
        raise SpreadsheetError([SpreadsheetProblem(sheet.where(HEADER_ROW), message)])
    data: dict[str, Any] = {}
    origins: dict[str, str] = {}
    problems: list[SpreadsheetProblem] = []
    for row in range(FIRST_DATA_ROW, sheet.last_row + 1):
        place, kind, value = (sheet.value(row, columns[key]) for key in ("path", "kind", "value"))
        if place is None and kind is None and value is None:
            continue
        where = sheet.where(row, columns["value"])
        try:
            _put(data, _place(str(place or "")), _value(str(kind or ""), value))
        except ValueError as error:
            problems.append(SpreadsheetProblem(where, str(error)))
            continue
        origins[str(place)] = where
    if problems:
        raise SpreadsheetError(problems)
    return data, origins


def _place(text: str) -> list[str | int]:
    parts: list[str | int] = []
    position = 0
    for match in _PLACE.finditer(text):
        if match.start() != position + (1 if position and text[position] == "." else 0):
            break
        parts.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    if not parts or position != len(text):
        raise ValueError(f"{text!r} is not a place in the register (e.g. activities.donations.name.en)")
    return parts


def _value(kind: str, value: Value) -> Any:
    if kind in ("", "text"):  # the kind of a text is written as an empty cell
        return _text(value) or ""
    if kind == "number" and _text(value) and re.fullmatch(r"-?\d+", _text(value) or ""):
        return int(_text(value) or "")
    if kind == "boolean" and _text(value) in ("true", "false"):
        return _text(value) == "true"
    empty: dict[str, Any] = {"null": None, "list": [], "map": {}}
    if kind in empty and not _text(value):
        return empty[kind]
    raise ValueError(
        f"{_text(value)!r} is not a value of kind {kind!r} (the kinds: text, number, boolean, null, list, map)"
    )


def _put(data: dict[str, Any], parts: list[str | int], value: Any) -> None:
    here: Any = data
    for part, following in zip(parts, [*parts[1:], None], strict=True):
        empty: Any = value if following is None else [] if isinstance(following, int) else {}
        if isinstance(part, int):
            if not isinstance(here, list) or part > len(here):
                raise ValueError("a list item out of order: write a list's items from [0], one after the other")
            if part == len(here):
                here.append(empty)
            elif following is None:
                raise ValueError("written twice")
        else:
            if not isinstance(here, dict):
                raise ValueError("a place inside a list item that is not a record")
            if part in here and following is None:
                raise ValueError("written twice")
            here.setdefault(part, empty)
        here = here[part]


def _text(value: Value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_of(book: Book, lang: str) -> date | None:
    """The workbook's as-of date, from its controller sheet (when its document properties lost it)."""
    name = labels.SHEET_NAMES["controller"][lang]
    if name not in book.names:
        return None
    element = labels.CONTROLLER_ELEMENTS["as_of"][lang]
    sheet = book.sheet(name)
    for row in sheet.cells.values():
        if element in row.values():
            found = [value for value in row.values() if isinstance(value, date)]
            return found[0] if found else None
    return None


def _same(written: Value, expected: CellValue) -> bool:
    if isinstance(written, datetime):
        written = written.date()
    if isinstance(expected, date) or isinstance(written, date):
        return written == expected
    return (_text(written) or None) == (cell_text(expected) if expected else None)


@dataclass
class _Edits:
    """The cells of the other sheets compared with what ropa writes for the register; the edits applied to `data`."""

    book: Book
    register: Register
    lang: str
    data: dict[str, Any]
    origins: dict[str, str]
    report: ImportReport
    problems: list[SpreadsheetProblem] = field(default_factory=list)
    _made: dict[tuple[str, str, str], tuple[Value, str]] = field(default_factory=dict)

    def read(self, on: date | None) -> None:
        if on is None:
            self.report.notes.append(f"{self.book.file}: its date is lost: only the Register data sheet was read")
            return
        words = Words(self.register, self.lang, on, register_transfers(self.register, on))
        for table in tables(words):
            if table.sheet == "data":
                continue
            name = labels.SHEET_NAMES[table.sheet][self.lang]
            if name not in self.book.names:
                self.report.notes.append(f"{self.book.file}!{name}: the sheet is missing; nothing of it read")
                continue
            self._compare(self.book.sheet(name), table)

    def _compare(self, sheet: Sheet, table: Table[Any]) -> None:
        _unmerged(sheet)
        columns = _columns(sheet, table.sheet)
        keys = [column.key for column in table.columns]
        expected = table.cells()
        keyed = keys[0] == "id"
        written = [row for row in range(FIRST_DATA_ROW, sheet.last_row + 1) if sheet.row(row)]
        id_column = next((column for column, key in columns.items() if key == "id"), None)
        pairs: list[tuple[int | None, list[CellValue] | None]] = []
        if keyed and id_column is not None:
            waiting: dict[str, list[list[CellValue]]] = {}
            for ordered in expected:
                waiting.setdefault(str(ordered[0]), []).append(ordered)
            for number in written:
                queue = waiting.get(_text(sheet.value(number, id_column)) or "", [])
                pairs.append((number, queue.pop(0) if queue else None))
            pairs += [(None, left) for queue in waiting.values() for left in queue]
        else:
            pairs = [(number, expected[i] if i < len(expected) else None) for i, number in enumerate(written)]
            pairs += [(None, left) for left in expected[len(written) :]]
        for row, cells in pairs:
            if row is None:
                where = sheet.where(FIRST_DATA_ROW + len(written))
                self._refuse(
                    where,
                    f"the row of {cells[0] if cells else '?'} is missing: remove a record in the Register data sheet",
                )
            elif cells is None:
                self._refuse(sheet.where(row), "a row ropa did not write: add a record in the Register data sheet")
            else:
                self._row(sheet, table.sheet, row, columns, dict(zip(keys, cells, strict=True)), keyed)

    def _row(
        self,
        sheet: Sheet,
        table: str,
        row: int,
        columns: dict[int, str | None],
        cells: dict[str, CellValue],
        keyed: bool,
    ) -> None:
        for column, key in columns.items():
            value = sheet.value(row, column)
            if key is None:
                if value is not None:
                    heading = _heading(sheet.value(HEADER_ROW, column))
                    self.report.leave(sheet.where(row, column), value, f"column {heading!r} is not one ropa writes")
            elif not _same(value, cells[key]):
                record = str(cells["id"]) if keyed else None
                self._edit(table, key, record, value, sheet.where(row, column))

    def _refuse(self, where: str, message: str) -> None:
        self.problems.append(SpreadsheetProblem(where, message))

    def _edit(self, table: str, key: str, record: str | None, value: Value, where: str) -> None:
        editable = EDITABLE.get((table, key))
        if editable is None or record is None:
            self._refuse(
                where,
                "ropa writes this cell from other facts of the register, so it cannot read an edit of it back: "
                "make the change in the cells that hold those facts, or in the Register data sheet",
            )
            return
        collection, name, kind = editable
        made = self._made.setdefault((collection, record, name), (value, where))
        if made != (value, where):
            if made[0] != value:
                self._refuse(where, f"edited differently in {made[1]}")
            return
        target: dict[str, Any] = self.data[collection][record]
        try:
            converted = self._converted(kind, value, target.get(name))
        except ValueError as error:
            self._refuse(where, str(error))
            return
        if converted is None:
            target.pop(name, None)
        else:
            target[name] = converted
        self.origins[f"{collection}.{record}.{name}"] = where

    def _converted(self, kind: str, value: Value, old: Any) -> Any:
        text = _text(value)
        if not text:
            return None
        if kind == "text":
            return {**(old if isinstance(old, dict) else {}), self.lang: text}
        if kind == "plain":
            return text
        if kind == "date":
            try:
                return date.fromisoformat(text[:10]).isoformat()
            except ValueError:
                raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None
        vocabularies: dict[str, dict[str, Any]] = {
            "yes_no": {label[self.lang]: key for key, label in labels.YES_NO.items()},
            "legal_basis": {label[self.lang]: str(key) for key, label in labels.LEGAL_BASES.items()},
            "point": {label[self.lang]: str(key) for key, label in labels.SECURITY_POINTS.items()},
        }
        vocabulary = {cell_text(label): key for label, key in vocabularies[kind].items()}
        if text not in vocabulary:
            raise ValueError(f"{text!r} is not one of: {'; '.join(vocabulary)}")
        return vocabulary[text]
