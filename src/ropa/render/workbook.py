"""The Article 30 workbook: the record of processing activities as an .xlsx file for a supervisory authority.

`build_workbook` lays the register out in sheets (pure: the same register, language and date give the
same workbook); `workbook_bytes` serialises it reproducibly; `write_workbook` writes it atomically.
What goes into each cell is decided in `ropa.render.workbook_tables`, the words in
`ropa.render.workbook_labels`; this module puts the cells on screen, on paper and into the file.

Conventions (see `docs/workbook.md`):

- every value from the register is a text cell, never a formula: its cell type is forced to string,
  and a text that starts with `=`, `+`, `-`, `@` or a control character also gets the `quotePrefix` style;
- characters XML cannot hold are replaced by U+FFFD, line ends become `\\n`, ş ţ (cedilla) become ș ț
  (comma below), and a text longer than a cell can hold (32,767 characters) is cut, ending in `…`;
- lists hold one item per line; a date alone in its cell is a real date shown `yyyy-mm-dd`;
- an unknown fact is an empty cell, never a guess;
- no clock: document properties carry the as-of date, every zip entry the time 1980-01-01 00:00.
"""

from __future__ import annotations

import io
import os
import re
import textwrap
import zipfile
from collections.abc import Sequence
from copy import copy
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ropa.io.atomic import write_atomic
from ropa.model import Register
from ropa.render import workbook_labels as labels
from ropa.render.workbook_tables import CellValue, Table, Words, tables
from ropa.transfers import register_transfers

__all__ = [
    "FIRST_DATA_ROW",
    "HEADER_ROW",
    "build_workbook",
    "cell_text",
    "is_formula_like",
    "workbook_bytes",
    "write_workbook",
]

TITLE_ROW: Final = 1
SUBTITLE_ROW: Final = 2
NOTE_ROW: Final = 3
HEADER_ROW: Final = 4
"""The row of column headings on every sheet; rows 1-3 say what the sheet is."""
FIRST_DATA_ROW: Final = 5

MAX_CELL_TEXT: Final = 32_767
MAX_WIDTH: Final = 40
MIN_WIDTH: Final = 8
LINE_HEIGHT: Final = 15.0
CHARACTERS_PER_WIDTH: Final = 1.3
"""Characters of ordinary text that fit in one unit of column width (the width of a "0")."""
MAX_ROW_HEIGHT: Final = 409.0
DATE_FORMAT: Final = "yyyy-mm-dd"
ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)

FORMULA_STARTS: Final = ("=", "+", "-", "@")
_COMMA_BELOW = str.maketrans("şţŞŢ", "șțȘȚ")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill(fill_type="solid", start_color="D9E2F3", end_color="D9E2F3")
_WRAP = Alignment(wrap_text=True, vertical="top")
# Every data cell shares one named style: assigning a named style is cheap, where setting the
# alignment and the border cell by cell makes openpyxl hash style objects for every cell.
_DATA_STYLE = NamedStyle(name="ropa data", alignment=_WRAP, border=_BORDER)


# --- public API -------------------------------------------------------------------------------------


def build_workbook(register: Register, *, lang: str = "ro", on: date) -> Workbook:
    """The Article 30 workbook of `register` in `lang`, with transfers judged on `on`."""
    _check_language(register, lang)
    words = Words(register, lang, on, register_transfers(register, on))
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    workbook.add_named_style(copy(_DATA_STYLE))
    for table in tables(words):
        _write_table(workbook.create_sheet(labels.SHEET_NAMES[table.sheet][lang]), table, words)
    _set_properties(workbook, words)
    return workbook


def workbook_bytes(register: Register, *, lang: str = "ro", on: date) -> bytes:
    """The .xlsx file of `build_workbook`: the same register, language and date give the same bytes."""
    return _reproducible_zip(_save(build_workbook(register, lang=lang, on=on)))


def write_workbook(register: Register, path: str | os.PathLike[str], *, lang: str = "ro", on: date) -> None:
    """Write the Article 30 workbook of `register` to `path` (.xlsx), atomically.

    Raises `ValueError` when `lang` is not one of the register's languages.
    """
    content = workbook_bytes(register, lang=lang, on=on)

    def write(temporary: Path) -> None:
        temporary.write_bytes(content)

    write_atomic(path, write)


def _check_language(register: Register, lang: str) -> None:
    if lang not in register.languages:
        raise ValueError(f"language {lang!r} is not declared by the register ({', '.join(register.languages)})")
    if lang not in labels.LANGUAGES:
        raise ValueError(f"the workbook has no labels in {lang!r} (available: {', '.join(labels.LANGUAGES)})")


# --- cells ------------------------------------------------------------------------------------------


def cell_text(value: str) -> str:
    """`value` as a cell can hold it: line ends `\\n`, no character XML forbids, at most 32,767 characters.

    Romanian s and t with cedilla (ş ţ) become the correct comma-below letters (ș ț).
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n").translate(_COMMA_BELOW)
    text = _NOT_IN_XML.sub("\ufffd", text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def is_formula_like(text: str) -> bool:
    """True for a text a spreadsheet would take for a formula (or a command) if it were typed in."""
    return text.startswith(FORMULA_STARTS) or (text != "" and ord(text[0]) < 0x20)


def _write_value(cell: Cell, value: CellValue) -> None:
    """Put `value` into `cell`: a text stays text (never a formula), a date is a real date."""
    if value is None:
        return
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    text = cell_text(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl takes any text starting with "=" for a formula: undo that
    if is_formula_like(text):
        cell.quotePrefix = True


# --- sheets -----------------------------------------------------------------------------------------


def _write_table(sheet: Worksheet, table: Table[Any], words: Words) -> None:
    _write_titles(sheet, table.sheet, words)
    headers = [_header(table.sheet, column.key, words.lang) for column in table.columns]
    values = table.cells()
    for index, header in enumerate(headers, start=1):
        _write_header(sheet.cell(HEADER_ROW, index), header)
    for row_index, row in enumerate(values, start=FIRST_DATA_ROW):
        for column_index, value in enumerate(row, start=1):
            cell = sheet.cell(row_index, column_index)
            cell.style = _DATA_STYLE.name  # first: the value may add a date format or quotePrefix
            _write_value(cell, value)
    widths = _widths(table, headers, values)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _set_heights(sheet, widths, [headers, *values])
    _set_view(sheet, table, len(values))
    _set_print(sheet, table, words)


def _header(sheet: str, column: str, lang: str) -> str:
    """A column heading: its name, and under it the point of Article 30 it fulfils."""
    label, point = labels.HEADERS[sheet][column]
    return f"{label[lang]}\n{labels.POINTS[point][lang]}"


def _write_titles(sheet: Worksheet, key: str, words: Words) -> None:
    register = words.register
    elements = labels.CONTROLLER_ELEMENTS
    dated = [f"{words.label(elements['register_date'])}: {register.updated.isoformat()}"] if register.updated else []
    subtitle = [register.controller.name, *dated, f"{words.label(elements['as_of'])}: {words.on.isoformat()}"]
    _write_value(sheet.cell(TITLE_ROW, 1), words.label(labels.SHEET_TITLES[key]))
    _write_value(sheet.cell(SUBTITLE_ROW, 1), " · ".join(subtitle))
    _write_value(sheet.cell(NOTE_ROW, 1), words.label(labels.SHEET_NOTES[key]))
    sheet.cell(TITLE_ROW, 1).font = Font(bold=True, size=13)
    sheet.cell(NOTE_ROW, 1).font = Font(italic=True)


def _write_header(cell: Cell, text: str) -> None:
    _write_value(cell, text)
    cell.font = Font(bold=True)
    cell.fill = _HEADER_FILL
    cell.alignment = _WRAP
    cell.border = _BORDER


def _widths(table: Table[Any], headers: Sequence[str], values: Sequence[Sequence[CellValue]]) -> list[int]:
    """Column widths from the content: the longest line, at least the longest word of the heading, capped."""
    widths = []
    for index, (column, header) in enumerate(zip(table.columns, headers, strict=True)):
        if column.key in table.widths:
            widths.append(table.widths[column.key])
            continue
        longest_word = max(len(word) for word in header.split())
        longest_line = max((_longest_line(row[index]) for row in values), default=0)
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, longest_word, longest_line) + 2))
    return widths


def _longest_line(value: CellValue) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return len(DATE_FORMAT)
    return max(len(line) for line in value.split("\n"))


def _set_heights(sheet: Worksheet, widths: Sequence[int], rows: Sequence[Sequence[CellValue]]) -> None:
    """Row heights from the wrapped text, as spreadsheets do not always compute them on opening."""
    for row_index, row in enumerate(rows, start=HEADER_ROW):
        lines = max((_wrapped_lines(value, width) for value, width in zip(row, widths, strict=True)), default=1)
        sheet.row_dimensions[row_index].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * max(lines, 1) + 2)


def _wrapped_lines(value: CellValue, width: int) -> int:
    if value is None or isinstance(value, date):
        return 1
    text = cell_text(value)
    per_line = max(1, int(width * CHARACTERS_PER_WIDTH) - 2)
    # A line that fits is one line: only longer ones need textwrap (the same count, much faster).
    return sum(1 if len(line) <= per_line else max(1, len(textwrap.wrap(line, per_line))) for line in text.split("\n"))


def _set_view(sheet: Worksheet, table: Table[Any], rows: int) -> None:
    last_column = get_column_letter(len(table.columns))
    sheet.freeze_panes = f"{get_column_letter(table.frozen_columns + 1)}{FIRST_DATA_ROW}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{HEADER_ROW + max(rows, 1)}"
    for index in table.page_breaks:
        sheet.row_breaks.append(Break(id=FIRST_DATA_ROW + index - 1))


def _set_print(sheet: Worksheet, table: Table[Any], words: Words) -> None:
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A3 if table.paper == "A3" else sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.75
    margins.header = margins.footer = 0.3
    as_of = f"{words.label(labels.CONTROLLER_ELEMENTS['as_of'])}: {words.on.isoformat()}"
    sheet.oddHeader.left.text = _header_footer_text(words.register.controller.name)
    sheet.oddHeader.right.text = "&A"
    sheet.oddFooter.left.text = _header_footer_text(as_of)
    sheet.oddFooter.right.text = words.label(labels.FOOTER)


def _header_footer_text(text: str) -> str:
    """A text for a printed header or footer, where `&` starts a code."""
    return cell_text(text).replace("&", "&&")


# --- the file: properties and reproducible bytes ----------------------------------------------------


def _set_properties(workbook: Workbook, words: Words) -> None:
    moment = datetime(words.on.year, words.on.month, words.on.day)
    properties = workbook.properties
    properties.creator = "ropa"
    properties.lastModifiedBy = "ropa"
    properties.created = moment
    properties.modified = moment
    properties.title = cell_text(f"{words.label(labels.SHEET_TITLES['controller'])}: {words.register.controller.name}")
    properties.language = words.lang


def _save(workbook: Workbook) -> bytes:
    """The workbook as openpyxl writes it, without the clock `save_workbook` puts into `modified`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()
    return buffer.getvalue()


def _reproducible_zip(content: bytes) -> bytes:
    """The same zip with fixed entry times, attributes and compression, `[Content_Types].xml` first."""
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
        entries = [(name, source.read(name)) for name in names]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, data, compresslevel=6)
    return buffer.getvalue()
