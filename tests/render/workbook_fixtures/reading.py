"""Read a workbook back, with openpyxl and with an independent reader (python-calamine)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from ropa.render import workbook_labels as labels
from ropa.render.workbook import FIRST_DATA_ROW, HEADER_ROW

Value = str | date | None
Grid = list[list[Value]]

FIXTURES = Path(__file__).resolve().parent
SMALL = FIXTURES / "small.yaml"
QUESTIONNAIRE_ANSWERS = FIXTURES / "questionnaire_answers.yaml"


def _value(value: object) -> Value:
    """A cell's value as both readers agree on it: text, a date, or None for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        assert value.time() == datetime.min.time(), value
        return value.date()
    if isinstance(value, date | str):
        return value
    raise AssertionError(f"unexpected cell value {value!r}")


def _trimmed(rows: list[list[Value]]) -> Grid:
    while rows and all(value is None for value in rows[-1]):
        rows.pop()
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]


def read_openpyxl(path: Path) -> dict[str, Grid]:
    """Every sheet's cells, read by openpyxl."""
    workbook = openpyxl.load_workbook(path)
    return {
        sheet.title: _trimmed([[_value(cell.value) for cell in row] for row in sheet.iter_rows()]) for sheet in workbook
    }


def read_calamine(path: Path) -> dict[str, Grid]:
    """Every sheet's cells, read by python-calamine (Rust, no code shared with openpyxl)."""
    workbook = CalamineWorkbook.from_path(str(path))
    grids = {}
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        grids[name] = _trimmed([[_value(value) for value in row] for row in rows])
    return grids


def table(grids: dict[str, Grid], sheet: str, lang: str) -> list[dict[str, Value]]:
    """The rows of one sheet as {column key: value}, the columns found by their headings."""
    grid = grids[labels.SHEET_NAMES[sheet][lang]]
    header = grid[HEADER_ROW - 1]
    keys = {}
    for index, heading in enumerate(header):
        assert isinstance(heading, str), heading
        keys[index] = column_key(sheet, heading, lang)
    return [{keys[index]: value for index, value in enumerate(row)} for row in grid[FIRST_DATA_ROW - 1 :]]


def column_key(sheet: str, heading: str, lang: str) -> str:
    """The key of the column whose heading is `heading`: its label, a new line, its point of Art. 30."""
    label, point = heading.split("\n")
    found = [
        key
        for key, (name, point_key) in labels.HEADERS[sheet].items()
        if name[lang] == label and labels.POINTS[point_key][lang] == point
    ]
    assert len(found) == 1, (sheet, heading)
    return found[0]
