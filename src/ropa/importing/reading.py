"""Opening a spreadsheet without trusting it: real readers only, bounded before anything is read.

An .xlsx or .xlsm is a zip: its directory is read first and the file is refused when its parts would
unpack to more than `MAX_UNPACKED` bytes or unpack suspiciously far (a zip bomb). Sheets are then read
by openpyxl in read-only mode, row by row, and refused past `MAX_ROWS` rows; formulas are never
evaluated (openpyxl gives their text, and a formula cell is refused), macros are never loaded
(`keep_vba=False`), links to other workbooks are never read (`keep_links=False`). Numbers formatted as
dates come back as dates. A CSV file is read with the csv module, within the same bounds.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from ropa.importing.problems import SpreadsheetError, SpreadsheetProblem, place

__all__ = ["MAX_ROWS", "MAX_UNPACKED", "Book", "Sheet", "Value", "open_book"]

MAX_UNPACKED: Final = 64 * 1024 * 1024
"""Bytes a spreadsheet's parts may unpack to, all together."""
MAX_RATIO: Final = 100
"""How many times its packed size one part may unpack to, once it is over a mebibyte."""
MAX_ROWS: Final = 100_000
MAX_CSV_BYTES: Final = 32 * 1024 * 1024
SPREADSHEETS: Final = (".xlsx", ".xlsm")
TABLES: Final = (".csv",)

_BROKEN: Final = (
    ParseError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    EOFError,
    zlib.error,
    zipfile.BadZipFile,
    OSError,
)
"""What openpyxl raises on a file that is damaged inside (openpyxl checks little of what it reads)."""

Value = str | int | float | bool | date | None
"""What a cell holds once read: a text, a number, a yes/no, a date or nothing."""


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells, by row and column (both from 1), and what is hidden or merged in it."""

    file: str
    name: str | None
    cells: dict[int, dict[int, Value]]
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()
    hidden: bool = False

    def value(self, row: int, column: int) -> Value:
        return self.cells.get(row, {}).get(column)

    def where(self, row: int, column: int | None = None) -> str:
        cell = f"{get_column_letter(column)}{row}" if column is not None else f"{row}:{row}"  # a whole row
        return place(self.file, self.name, cell)

    @property
    def last_row(self) -> int:
        return max(self.cells, default=0)

    def row(self, row: int) -> dict[int, Value]:
        return self.cells.get(row, {})

    def notes(self) -> list[str]:
        """What a reader of the report should know about this sheet: hidden parts are read like the others."""
        found = [f"{place(self.file, self.name)} is a hidden sheet: read like the others"] if self.hidden else []
        found += [f"{self.where(row)}: a hidden row, read like the others" for row in self.hidden_rows]
        found += [
            f"{place(self.file, self.name, column)}: a hidden column, read like the others"
            for column in self.hidden_columns
        ]
        return found


@dataclass
class Book:
    """An opened spreadsheet: its sheets' names, each read when asked for."""

    path: Path
    names: list[str]
    properties_created: date | None = None
    notes: list[str] = field(default_factory=list)
    _workbook: Workbook | None = None
    _read: dict[str, Sheet] = field(default_factory=dict)
    _table: Sheet | None = None

    @property
    def file(self) -> str:
        return self.path.name

    def sheet(self, name: str | None = None) -> Sheet:
        """The sheet called `name` (the first sheet when None); a missing sheet is a located error."""
        if self._table is not None:
            return self._table
        chosen = self.names[0] if name is None else name
        if chosen not in self.names:
            raise SpreadsheetError(
                [SpreadsheetProblem(place(self.file, chosen), f"no such sheet (the sheets: {', '.join(self.names)})")]
            )
        if chosen not in self._read:
            assert self._workbook is not None
            try:
                self._read[chosen] = _read_sheet(self.file, self._workbook[chosen])
            except _BROKEN as error:
                message = f"the sheet cannot be read ({type(error).__name__}: {error})"
                raise SpreadsheetError([SpreadsheetProblem(place(self.file, chosen), message)]) from None
        return self._read[chosen]

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()


def open_book(path: Path) -> Book:
    """Open `path` (.xlsx, .xlsm or .csv) for reading, refusing what cannot be read safely."""
    suffix = path.suffix.lower()
    file = path.name
    if not path.is_file():
        raise _refused(file, "no such file" if not path.exists() else "not a file")
    if suffix in TABLES:
        return Book(path, [""], _table=_read_csv(path))
    if suffix not in SPREADSHEETS:
        known = ", ".join((*SPREADSHEETS, *TABLES))
        raise _refused(file, f"not a spreadsheet ropa reads ({known})")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise _refused(file, f"not a spreadsheet: it cannot be opened as an .xlsx file ({error})") from None
    _check_sizes(file, parts)
    notes = []
    if any(part.filename.lower().endswith("vbaproject.bin") for part in parts):
        notes.append(f"{file}: its macros were not loaded and never run; only its cells were read")
    if any(part.filename.startswith("xl/externalLinks/") for part in parts):
        notes.append(f"{file}: its links to other workbooks were not followed")
    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_vba=False, keep_links=False)
    except (InvalidFileException, *_BROKEN) as error:
        raise _refused(file, f"not a spreadsheet openpyxl can read ({type(error).__name__}: {error})") from None
    created = workbook.properties.created
    return Book(
        path,
        list(workbook.sheetnames),
        created.date() if isinstance(created, datetime) else None,
        notes,
        workbook,
    )


def _refused(file: str, message: str) -> SpreadsheetError:
    return SpreadsheetError([SpreadsheetProblem(file, message)])


def _check_sizes(file: str, parts: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose directory says it unpacks too far (read before any part is unpacked)."""
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED:
        raise _refused(file, f"its parts unpack to {total:,} bytes, more than ropa reads ({MAX_UNPACKED:,}): refused")
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise _refused(
                file,
                f"{part.filename} unpacks {part.file_size // max(part.compress_size, 1):,} times its size "
                "(a zip bomb?): refused",
            )


def _read_sheet(file: str, sheet: Any) -> Sheet:
    assert isinstance(sheet, ReadOnlyWorksheet)
    workbook = sheet.parent
    problems: list[SpreadsheetProblem] = []
    cells: dict[int, dict[int, Value]] = {}
    # openpyxl's own worksheet reader, as its read-only sheets use it, so that the hidden rows and columns
    # and the merged cells it parses on the way are known too (read-only sheets do not keep them).
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=False,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for index, row in _bounded(file, sheet.title, parser.parse()):
            for cell in row:
                value = cell["value"]
                if value is None or value == "":
                    continue
                if cell["data_type"] == "f":
                    where = place(file, sheet.title, f"{get_column_letter(cell['column'])}{index}")
                    problems.append(
                        SpreadsheetProblem(
                            where,
                            f"a formula ({str(value)[:60]}): ropa never evaluates formulas; "
                            "replace it by the value it stands for",
                        )
                    )
                    continue
                cells.setdefault(index, {})[cell["column"]] = _plain(value)
    if problems:
        raise SpreadsheetError(problems)
    hidden_rows = tuple(sorted(int(row) for row, attrs in parser.row_dimensions.items() if _true(attrs.get("hidden"))))
    hidden_columns = tuple(
        f"{attrs.get('min', '?')}-{attrs.get('max', '?')}"
        for attrs in parser.column_dimensions.values()
        if _true(attrs.get("hidden"))
    )
    merged = tuple(str(ranged.ref) for ranged in parser.merged_cells.mergeCell) if parser.merged_cells else ()
    return Sheet(file, sheet.title, cells, hidden_rows, hidden_columns, merged, sheet.sheet_state != "visible")


def _bounded(file: str, name: str, rows: Iterator[tuple[int, list[dict[str, Any]]]]) -> Iterator[tuple[int, Any]]:
    for index, row in rows:
        if index > MAX_ROWS:
            raise _refused(f"{file}!{name}", f"more than {MAX_ROWS:,} rows: refused (ropa reads at most {MAX_ROWS:,})")
        yield index, row


def _true(value: object) -> bool:
    return str(value).lower() in ("1", "true")


def _plain(value: object) -> Value:
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, str | int | float | bool | date):
        return value
    return str(value)  # a time or a duration: its text, never a guess


def _read_csv(path: Path) -> Sheet:
    file = path.name
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise _refused(file, f"{size:,} bytes, more than ropa reads ({MAX_CSV_BYTES:,}): refused")
        data = path.read_bytes()
    except OSError as error:
        raise _refused(file, f"cannot be read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refused(file, f"not UTF-8 text (byte {error.start}): save it as CSV UTF-8") from None
    if "\x00" in text:
        raise _refused(file, "not a CSV file (it holds NUL bytes)")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    cells: dict[int, dict[int, Value]] = {}
    try:
        for index, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
            if index > MAX_ROWS:
                raise _refused(file, f"more than {MAX_ROWS:,} rows: refused (ropa reads at most {MAX_ROWS:,})")
            values = {column: value for column, value in enumerate(row, start=1) if value != ""}
            if values:
                cells[index] = dict(values)
    except csv.Error as error:
        raise _refused(file, f"not a CSV file ropa can read ({error})") from None
    return Sheet(file, None, cells)
