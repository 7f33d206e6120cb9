"""The UK ICO's controller template (`reference/law.md` §2.1) read into a register.

Sheet `Template`; the headings in row 9, found by their words (so a template whose columns were moved
or renamed slightly by a DPO still reads, and a column ropa does not know is reported, cell by cell);
one activity per filled row below. The contact block (rows 1-6) gives the controller, its DPO and its
representative. The template does not say the controller's country: it is given to the import.
"""

from __future__ import annotations

from typing import Any, Final

from ropa.importing.countries import country_code
from ropa.importing.problems import ImportReport, SpreadsheetError, SpreadsheetProblem
from ropa.importing.reading import Book, Sheet, Value
from ropa.importing.rows import Cell, Rows, split, text_of
from ropa.importing.vocabulary import plain
from ropa.render.workbook_ico import CONTACT_FIELDS, CONTACT_PARTIES, HEADER_ROW, HEADINGS, SHEET

__all__ = ["COLUMN_FIELDS", "is_ico", "read_ico"]

COLUMN_FIELDS: Final = dict(
    zip(
        HEADINGS,
        (
            "function",
            "purposes",
            "report",
            "data_subjects",
            "data_categories",
            "report",
            "report",
            "report",
            "report",
            "retention",
            "report",
            "legal_basis",
            "special_condition",
            "legitimate_interest",
            *["report"] * 2,
            "automated_decisions",
            "source",
            *["report"] * 2,
            "dpia_required",
            "dpia_done",
            "dpia_reference",
            *["report"] * 7,
        ),
        strict=True,
    )
)
"""The register field of each of the template's columns; `report` for those a register has no place for."""
_KNOWN: Final = {plain(heading): heading for heading in HEADINGS}
_WHY: Final = {
    "report": "the register has no place for this column; ropa derives it (rights, transfers) or does not keep it",
}


def is_ico(book: Book) -> bool:
    if SHEET not in book.names:
        return False
    row = book.sheet(SHEET).row(HEADER_ROW)
    return sum(plain(str(value)) in _KNOWN for value in row.values()) >= len(HEADINGS) // 2


def read_ico(
    book: Book, *, language: str, country: str | None, report: ImportReport
) -> tuple[dict[str, Any], dict[str, str]]:
    """The register's data from the template: the controller and its activities (not yet validated)."""
    sheet = book.sheet(SHEET)
    problems = [
        SpreadsheetProblem(f"{book.file}!{SHEET}!{ranged}", _MERGED)
        for ranged in sheet.merged
        if _first_row(ranged) > HEADER_ROW
    ]
    columns: dict[int, str] = {}
    for column, heading in sorted(sheet.row(HEADER_ROW).items()):
        known = _KNOWN.get(plain(str(heading)))
        columns[column] = known if known is not None else f"?{heading}"
    rows = Rows(language, report, separators=";,")
    for index in range(HEADER_ROW + 1, sheet.last_row + 1):
        cells = []
        for column, value in sorted(sheet.row(index).items()):
            heading = columns.get(column, "?")
            if heading.startswith("?"):
                report.leave(
                    sheet.where(index, column),
                    value,
                    f"column {heading[1:] or '(no heading)'!r} is not one of the template's",
                )
                continue
            if heading == _COUNTRIES and text_of(value):
                report.leave(sheet.where(index, column), value, _countries(value))
            elif text_of(value):
                cells.append(Cell(COLUMN_FIELDS[heading], sheet.where(index, column), value, heading))
        rows.add(cells, sheet.where(index))
    report.notes += sheet.notes()
    controller = _controller(sheet, country, problems, report)
    problems += rows.problems
    if problems:
        raise SpreadsheetError(problems)
    data = {"format": 1, "languages": [language], "controller": controller, **rows.collections()}
    return data, {f"activities.{key}": where for key, where in rows.origins.items()}


_COUNTRIES: Final = HEADINGS[7]


def _countries(value: Value) -> str:
    """Why the third countries are not imported, with the ISO codes of those named for certain (pycountry)."""
    named = [(item, country_code(item)) for item in split(value, ";,")]
    known = [f"{item} = {code}" for item, code in named if code is not None]
    unknown = [item for item, code in named if code is None]
    parts = [*([", ".join(known)] if known else []), *([f"not one country: {', '.join(unknown)}"] if unknown else [])]
    return "ropa derives transfers from the recipients and the places they process data: record the recipients" + (
        f" ({'; '.join(parts)})" if parts else ""
    )


def _first_row(ranged: str) -> int:
    start = ranged.split(":")[0]
    return int("".join(character for character in start if character.isdigit()))


_MERGED: Final = "merged cells among the activities: unmerge them, so that every row holds its own values"


def _controller(
    sheet: Sheet, country: str | None, problems: list[SpreadsheetProblem], report: ImportReport
) -> dict[str, Any]:
    """The organisation, its DPO and representative from the contact block (rows 1-6)."""
    parties: dict[int, int] = {}
    for row in range(1, HEADER_ROW):
        for column, value in sheet.row(row).items():
            for index, heading in enumerate(CONTACT_PARTIES):
                if plain(str(value)) == plain(heading):
                    parties[index] = column
    for index in range(len(CONTACT_PARTIES)):
        parties.setdefault(index, index + 2)  # the template's own place: columns B to D
    found: list[dict[str, str]] = [{}, {}, {}]
    for row in range(1, HEADER_ROW):
        label = next((field for field in CONTACT_FIELDS if plain(text_of(sheet.value(row, 1))) == plain(field)), None)
        for column, value in sheet.row(row).items():
            if label is not None and column in parties.values() and text_of(value):
                index = next(index for index, place in parties.items() if place == column)
                found[index][_ATTRIBUTES[label]] = text_of(value)
            elif text_of(value) and not _template_words(value):
                report.leave(sheet.where(row, column), value, "not part of the contact block (rows 3 to 6)")
    organisation, dpo, representative = found
    where = sheet.where(3, parties[0])
    if "name" not in organisation:
        problems.append(SpreadsheetProblem(where, "the organisation's name is missing from the contact block"))
    if country is None:
        problems.append(
            SpreadsheetProblem(
                where, "the template does not say the controller's country: give it (--country, e.g. GB)"
            )
        )
    controller: dict[str, Any] = {**organisation, "country": country}
    if dpo:
        controller["dpo"] = dpo
    for key, value in representative.items():
        report.leave(
            sheet.where(3 + _FIELDS_ORDER[key], parties[2]),
            value,
            "a representative needs its country (Art. 27): record it in the register",
        )
    return controller


def _template_words(value: object) -> bool:
    """The template's own words above the table: its party headings and field labels."""
    return plain(str(value)) in {plain(words) for words in (*CONTACT_PARTIES, *CONTACT_FIELDS)}


_ATTRIBUTES: Final = {"Name": "name", "Address": "address", "Email": "email", "Telephone": "phone"}
_FIELDS_ORDER: Final = {"name": 0, "address": 1, "email": 2, "phone": 3}
