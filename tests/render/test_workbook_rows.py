"""ropa's rows are the rows openpyxl itself would write for the same cells, byte for byte."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.dimensions import RowDimension

from ropa.model.base import EARLIEST_DATE, LATEST_DATE
from ropa.render.workbook import cell_text, is_formula_like
from ropa.render.workbook_rows import SheetRows, text_xml
from ropa.render.workbook_zip import ReproducibleZip

# What a row of ropa's holds: a bare text (never one a spreadsheet takes for a formula), or a cell:
# a styled text (any, formula-like included), a date, an empty cell with or without a style.
_TEXT = st.text(max_size=60).map(cell_text)
_ITEM = st.one_of(
    _TEXT.filter(lambda text: not is_formula_like(text)).map(lambda text: ("bare", text)),
    st.tuples(st.just("styled"), _TEXT),
    st.tuples(st.just("date"), st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE)),
    st.tuples(st.just("empty"), st.booleans()),
)
_ROW = st.tuples(st.lists(_ITEM, min_size=1, max_size=6), st.sampled_from([None, 1, 2, 5, 40]))


def _cell(sheet: Any, kind: str, value: Any) -> str | Cell:
    if kind == "bare":
        return str(value)
    cell = Cell(sheet, row=1, column=1)
    if kind == "styled":
        cell.value = value
        cell.data_type = "s"
        cell.font = Font(name="Arial", bold=True)
        cell.quotePrefix = is_formula_like(value)
    elif kind == "date":
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    elif value:  # an empty cell with a style of its own
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _attributes(sheet: Any, lines: int | None) -> dict[str, str]:
    return {} if lines is None else dict(RowDimension(sheet, ht=13.0 * lines + 3))


def _sheet_data(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    return xml[xml.index("<sheetData>") + len("<sheetData>") : xml.index("</sheetData>")]


def _openpyxl_rows(rows: list[tuple[list[tuple[str, Any]], int | None]]) -> str:
    """The rows as openpyxl's write-only worksheet writes them, through its own cell writer."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("rows")
    for index, (items, lines) in enumerate(rows, start=1):
        if lines is not None:
            sheet.row_dimensions[index] = _attributes(sheet, lines)
        sheet.append([_cell(sheet, kind, value) for kind, value in items])
    content = io.BytesIO()
    workbook.save(content)
    return _sheet_data(content.getvalue())


def _ropa_rows(rows: list[tuple[list[tuple[str, Any]], int | None]]) -> str:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("rows")
    written = io.StringIO()
    sheet_rows = SheetRows(written, 6)
    for index, (items, lines) in enumerate(rows, start=1):
        sheet_rows.append(index, [_cell(sheet, kind, value) for kind, value in items], _attributes(sheet, lines))
    return written.getvalue()


@given(st.lists(_ROW, min_size=1, max_size=5))
def test_rows_are_what_openpyxl_writes(rows: list[tuple[list[tuple[str, Any]], int | None]]) -> None:
    assert _ropa_rows(rows) == _openpyxl_rows(rows)


def test_the_awkward_texts_are_what_openpyxl_writes() -> None:
    texts = [" lead", "trail ", " ", "", "a & <b> \"q\" 'r'", "line\nnext", "\n", "]]>", "ș ț", "\ufffd", "&amp;"]
    rows: list[tuple[list[tuple[str, Any]], int | None]] = [([("bare", text), ("styled", text)], 2) for text in texts]
    rows.append(([("date", date(1900, 3, 1)), ("date", date(2999, 12, 31)), ("empty", True), ("empty", False)], None))
    assert _ropa_rows(rows) == _openpyxl_rows(rows)


def test_text_xml_escapes_what_element_content_must() -> None:
    assert text_xml("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d \" e ' f"


def test_a_row_longer_than_the_sheet_is_refused() -> None:
    with pytest.raises(ValueError, match="row 5 has 3 cells, the sheet 2 columns"):
        SheetRows(io.StringIO(), 2).append(5, ["a", "b", "c"])


def test_a_cell_neither_text_nor_date_is_refused() -> None:
    sheet = Workbook(write_only=True).create_sheet("rows")
    cell = Cell(sheet, row=1, column=1, value=3)
    with pytest.raises(TypeError, match="a text or a date, not int"):
        SheetRows(io.StringIO(), 1).append(1, [cell])


def test_rows_without_a_worksheet_to_go_into_are_an_error_not_dropped() -> None:
    with ReproducibleZip(io.BytesIO()) as archive:
        with archive.rows_of_sheet(1) as rows:
            rows.write('<row r="1"></row>')
        with pytest.raises(RuntimeError, match=r"no worksheet for the rows of xl/worksheets/sheet1\.xml"):
            archive.check_rows_placed()
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData></sheetData></worksheet>")
        archive.check_rows_placed()
