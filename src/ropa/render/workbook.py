"""The Article 30 workbook: the record of processing activities as an .xlsx file for a supervisory authority.

`workbook_bytes` streams the register, sheet by sheet and row by row, into the bytes of an .xlsx file
(`ropa.write_workbook` writes them to a path or a stream) and `build_workbook` gives the same workbook read back as an
`openpyxl.Workbook`. The same register, language and date give the same bytes. What goes into each
cell is decided in `ropa.render.workbook_tables`, the words in `ropa.render.workbook_labels`, the
printed page groups in `ropa.render.workbook_paper`; this module puts the cells on screen, on paper
and into the file: openpyxl's write-only worksheets write each sheet's frame (views, columns, print
setup) and the styles, `ropa.render.workbook_rows` the rows, `ropa.render.workbook_zip` the zip.

Conventions (see `docs/workbook.md`):

- every value from the register is a text cell, never a formula: its cell type is forced to string,
  and a text that starts with `=`, `+`, `-`, `@` or a control character also gets the `quotePrefix` style;
- characters XML cannot hold are replaced by U+FFFD, line ends become `\\n`, ş ţ (cedilla) become ș ț
  (comma below), and a text longer than a cell can hold (32,767 characters) is cut, ending in `…`;
- lists hold one item per line; a date alone in its cell is a real date shown `yyyy-mm-dd`;
- an unknown fact is an empty cell, never a guess;
- no clock: document properties carry the as-of date, every zip entry the time 1980-01-01 00:00;
- every style names its font (Arial, which LibreOffice prints with the metric-compatible Liberation Sans).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import IO, Any, Final

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.named_styles import NamedStyleList
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ropa.model import Register
from ropa.render import workbook_labels as labels
from ropa.render.dates import spreadsheet_format, written
from ropa.render.workbook_paper import BODY_FONT_SIZE, column_groups
from ropa.render.workbook_rows import SheetRows
from ropa.render.workbook_tables import CellValue, Table, Words, tables
from ropa.render.workbook_zip import ReproducibleZip
from ropa.transfers import register_transfers

__all__ = [
    "FIRST_DATA_ROW",
    "HEADER_ROW",
    "build_workbook",
    "cell_text",
    "is_formula_like",
    "workbook_bytes",
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
LINE_HEIGHT: Final = 13.0
"""Points per line of Arial 10, with the spacing spreadsheets put between lines."""
CHARACTERS_PER_WIDTH: Final = 1.1
"""Characters of ordinary text that fit in one unit of column width (the width of a "0")."""
MAX_ROW_HEIGHT: Final = 409.0
DATE_WIDTH: Final = len("30 septembrie 2026")
"""The room a date cell takes, written as people write it (`dates.spreadsheet_format`)."""
FONT_NAME: Final = "Arial"

FORMULA_STARTS: Final = ("=", "+", "-", "@")
_COMMA_BELOW: Final = tuple(zip("şţŞŢ", "șțȘȚ", strict=True))
_TO_CHANGE = re.compile("[\rşţŞŢ\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill(fill_type="solid", start_color="D9E2F3", end_color="D9E2F3")
_WRAP = Alignment(wrap_text=True, vertical="top")
_BODY = Font(name=FONT_NAME, size=BODY_FONT_SIZE, family=2)
# One named style per kind of cell. A data cell is written as a bare value, in the workbook's default
# format (cellXfs 0, the "Normal" style): that format is made the data style, so that streaming a
# large table costs no more than writing its values.
_STYLES: Final = (
    NamedStyle(name="ropa title", font=Font(name=FONT_NAME, size=13, bold=True, family=2)),
    NamedStyle(name="ropa subtitle", font=_BODY),
    NamedStyle(name="ropa note", font=Font(name=FONT_NAME, size=BODY_FONT_SIZE, italic=True, family=2)),
    NamedStyle(
        name="ropa header",
        font=Font(name=FONT_NAME, size=BODY_FONT_SIZE, bold=True, family=2),
        fill=_HEADER_FILL,
        border=_BORDER,
        alignment=_WRAP,
    ),
)
_TITLE_STYLES: Final = {TITLE_ROW: "ropa title", SUBTITLE_ROW: "ropa subtitle", NOTE_ROW: "ropa note"}


# --- public API -------------------------------------------------------------------------------------


def workbook_bytes(register: Register, *, lang: str, on: date) -> bytes:
    """The Article 30 workbook of `register` (.xlsx): the same register, language and date give the same bytes.

    Raises `ValueError` when `lang` is not one of the register's languages.
    """
    _check_language(register, lang)
    buffer = io.BytesIO()
    _write(register, lang, on, buffer)
    return buffer.getvalue()


def build_workbook(register: Register, *, lang: str, on: date) -> Workbook:
    """The Article 30 workbook of `register` in `lang`, with transfers judged on `on`, as openpyxl reads it back."""
    return load_workbook(io.BytesIO(workbook_bytes(register, lang=lang, on=on)))


def _check_language(register: Register, lang: str) -> None:
    if lang not in register.languages:
        raise ValueError(f"language {lang!r} is not declared by the register ({', '.join(register.languages)})")
    if lang not in labels.LANGUAGES:
        raise ValueError(f"the workbook has no labels in {lang!r} (available: {', '.join(labels.LANGUAGES)})")


def _write(register: Register, lang: str, on: date, file: IO[bytes]) -> None:
    words = Words(register, lang, on, register_transfers(register, on))
    workbook = _new_workbook(lang)
    with ReproducibleZip(file) as archive:
        remaining = tables(words)
        while remaining:
            table = remaining.pop(0)  # let each table's cells go once its sheet is written
            sheet = workbook.create_sheet(labels.SHEET_NAMES[table.sheet][lang])
            assert isinstance(sheet, WriteOnlyWorksheet)
            with archive.rows_of_sheet(len(workbook.worksheets)) as rows:
                _write_table(sheet, table, words, SheetRows(rows, len(table.columns)))
        _set_properties(workbook, words)
        ExcelWriter(workbook, archive).write_data()
        archive.check_rows_placed()


def _new_workbook(lang: str) -> Workbook:
    workbook = Workbook(write_only=True)
    # openpyxl has no public way to change the default format: its first font, its first cell format
    # (alignment 1, the wrapped one) and the "Normal" style are set here, before any other style.
    workbook._fonts = IndexedList([_BODY])
    workbook._alignments = IndexedList([Alignment(), _WRAP])
    default = StyleArray()
    default.alignmentId = 1
    workbook._cell_styles = IndexedList([default])
    workbook._named_styles = NamedStyleList()
    workbook.add_named_style(NamedStyle(name="Normal", font=_BODY, alignment=_WRAP, builtinId=0))
    date_style = NamedStyle(name="ropa date", font=_BODY, alignment=_WRAP, number_format=spreadsheet_format(lang))
    for style in (*_STYLES, date_style):
        workbook.add_named_style(NamedStyle(**{key: getattr(style, key) for key in _STYLE_PARTS}, name=style.name))
    return workbook


_STYLE_PARTS: Final = ("font", "fill", "border", "alignment", "number_format")


# --- cells ------------------------------------------------------------------------------------------


def cell_text(value: str) -> str:
    """`value` as a cell can hold it: line ends `\\n`, no character XML forbids, at most 32,767 characters.

    Romanian s and t with cedilla (ş ţ) become the correct comma-below letters (ș ț).
    """
    text = value
    if _TO_CHANGE.search(text) is not None:  # most texts need nothing: one search tells
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        for cedilla, comma in _COMMA_BELOW:
            text = text.replace(cedilla, comma)
        text = _NOT_IN_XML.sub("\ufffd", text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def is_formula_like(text: str) -> bool:
    """True for a text a spreadsheet would take for a formula (or a command) if it were typed in."""
    return text.startswith(FORMULA_STARTS) or (text != "" and ord(text[0]) < 0x20)


def _styled(sheet: WriteOnlyWorksheet, value: CellValue, style: str = "Normal") -> Cell:
    """A cell of `sheet` holding `value` in `style`: a text stays text (never a formula), a date is a real date."""
    cell = Cell(sheet, row=1, column=1)  # placed when its row is appended
    if isinstance(value, date):
        cell.value = value
        cell.style = "ropa date"  # its number format writes the date as people write it in the workbook's language
        return cell
    cell.style = style
    if value:
        cell.value = value
        cell.data_type = "s"  # openpyxl takes any text starting with "=" for a formula: undo that
        cell.quotePrefix = is_formula_like(value)
    return cell


def _data_row(
    sheet: WriteOnlyWorksheet, values: Sequence[CellValue], per_line: Sequence[int], empty: Cell
) -> tuple[list[Any], int]:
    """The cells of one data row, and how many lines its tallest cell takes.

    A text is written bare, in the default (data) format; a date and a text a spreadsheet would take
    for a formula and an empty cell are styled cells.
    """
    cells: list[Any] = []
    append = cells.append
    lines = 1
    for value, room in zip(values, per_line, strict=True):
        if value.__class__ is str and value:
            text = cell_text(value)
            append(_styled(sheet, text) if text[0] in _FORMULA_FIRST else text)
            if len(text) > room or "\n" in text:
                lines = max(lines, _line_count(text, room))
        elif isinstance(value, date):
            append(_styled(sheet, value))
        else:
            append(empty)  # written at once, so one cell object serves every empty cell
    return cells, lines


_FORMULA_FIRST: Final = frozenset(FORMULA_STARTS) | frozenset(map(chr, range(0x20)))
"""The first characters of a text `is_formula_like` (a one-character start: a set lookup per cell)."""


# --- sheets -----------------------------------------------------------------------------------------


def _write_table(sheet: WriteOnlyWorksheet, table: Table[Any], words: Words, rows: SheetRows) -> None:
    headers = [cell_text(_header(table.sheet, column.key, words.lang)) for column in table.columns]
    values = table.cells()
    widths = _widths(table, headers, values)
    for index, width in enumerate(widths, start=1):
        column = sheet.column_dimensions[get_column_letter(index)]
        column.width = width
        column.font, column.alignment = _BODY, _WRAP  # the default format, as on the cells
    _set_view(sheet, table, len(values))
    _set_print(sheet, table, words, widths, len(values))
    # The sheet's extent, written before its rows (the writer asks for it, if the sheet can tell, when the
    # first row goes out): readers pad every row to it, as they do for a workbook written in one piece.
    extent = f"A{TITLE_ROW}:{get_column_letter(len(table.columns))}{HEADER_ROW + len(values)}"
    setattr(sheet, "calculate_dimension", lambda: extent)  # noqa: B010 - a write-only sheet has no such method
    for row_index, title in enumerate(_title_rows(table.sheet, words), start=TITLE_ROW):
        rows.append(row_index, [_styled(sheet, cell_text(title), _TITLE_STYLES[row_index])])
    per_line = [max(1, int(width * CHARACTERS_PER_WIDTH) - 4) for width in widths]
    heights = _Heights(sheet)
    lines = max(_line_count(header, room) for header, room in zip(headers, per_line, strict=True))
    rows.append(HEADER_ROW, [_styled(sheet, header, "ropa header") for header in headers], heights[lines])
    empty = _styled(sheet, None)
    for row_index, row in enumerate(values, start=FIRST_DATA_ROW):
        cells, lines = _data_row(sheet, row, per_line, empty)
        rows.append(row_index, cells, heights[lines])


class _Heights(dict[int, dict[str, str]]):
    """A row's height, as the attributes of its `<row>`, by the lines its tallest cell takes.

    Spreadsheets do not always compute heights on opening, so every row states its own.
    """

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        super().__init__()
        self._sheet = sheet

    def __missing__(self, lines: int) -> dict[str, str]:
        height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 3)
        attributes = self[lines] = dict(RowDimension(self._sheet, ht=height))
        return attributes


def _header(sheet: str, column: str, lang: str) -> str:
    """A column heading: its name, and under it the point of Article 30 it fulfils."""
    label, point = labels.HEADERS[sheet][column]
    return f"{label[lang]}\n{labels.POINTS[point][lang]}"


def _title_rows(key: str, words: Words) -> list[str]:
    register = words.register
    elements = labels.CONTROLLER_ELEMENTS
    updated = register.updated
    dated = [f"{words.label(elements['register_date'])}{words.colon}{written(updated, words.lang)}"] if updated else []
    subtitle = [
        register.controller.name,
        *dated,
        f"{words.label(elements['as_of'])}{words.colon}{written(words.on, words.lang)}",
    ]
    return [words.label(labels.SHEET_TITLES[key]), " · ".join(subtitle), words.label(labels.SHEET_NOTES[key])]


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
        return DATE_WIDTH
    if "\n" not in value:
        return len(value)
    return max(len(line) for line in value.split("\n"))


def _line_count(text: str, per_line: int) -> int:
    """How many lines `text` takes in a column holding `per_line` characters, from the length of each line.

    A line wraps at spaces, so a little of each printed line stays empty: `per_line` is counted
    generously short, as a row too low would hide text on paper.
    """
    if "\n" not in text:
        return 1 + (len(text) - 1) // per_line if text else 1
    return sum(1 + (len(line) - 1) // per_line if line else 1 for line in text.split("\n"))


def _set_view(sheet: WriteOnlyWorksheet, table: Table[Any], rows: int) -> None:
    last_column = get_column_letter(len(table.columns))
    sheet.freeze_panes = f"{get_column_letter(table.frozen_columns + 1)}{FIRST_DATA_ROW}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{HEADER_ROW + max(rows, 1)}"
    # Assigned at once: appending one by one validates the whole list each time.
    sheet.row_breaks = RowBreak(brk=[Break(id=FIRST_DATA_ROW + index - 1) for index in table.page_breaks])


def _set_print(sheet: WriteOnlyWorksheet, table: Table[Any], words: Words, widths: Sequence[int], rows: int) -> None:
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = Worksheet.PAPERSIZE_A3 if table.paper == "A3" else Worksheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.gridLines = True  # data cells have no borders of their own: the grid draws the table
    groups = column_groups(widths, table.frozen_columns, table.paper)
    if len(groups) > 1:
        # Each group of columns is a print range of its own, fitted to the page width on its own,
        # with the identifying columns repeated at its left.
        last_row = HEADER_ROW + max(rows, 1)
        sheet.print_title_cols = f"A:{get_column_letter(max(table.frozen_columns, 1))}"
        sheet.print_area = [
            f"{get_column_letter(group[0] + 1)}{TITLE_ROW}:{get_column_letter(group[-1] + 1)}{last_row}"
            for group in groups
        ]
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.75
    margins.header = margins.footer = 0.3
    as_of = f"{words.label(labels.CONTROLLER_ELEMENTS['as_of'])}{words.colon}{written(words.on, words.lang)}"
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
