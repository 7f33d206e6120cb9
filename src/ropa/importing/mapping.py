"""A DPO's own spreadsheet (or CSV): a mapping file says which column holds which register field.

```yaml
sheet: Processing        # the sheet to read (default: the first; a CSV file has none)
header_row: 1            # the row of column headings
separator: ";"           # what separates a list's items in a cell, besides a new line
language: en             # the language the texts are written in
controller: {name: Example Ltd, country: GB}
columns:                 # heading -> register field (`ropa.importing.rows.FIELDS`), or `report`
  Activity: name
  Lawful basis: legal_basis
```

A column the mapping does not name is reported cell by cell, never dropped silently.
`suggest_mapping` writes a starting mapping from the headings it recognises.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any, Final

import yaml

from ropa.importing.ico import COLUMN_FIELDS
from ropa.importing.problems import ImportReport, SpreadsheetError, SpreadsheetProblem
from ropa.importing.reading import MAX_ROWS, Book, Sheet
from ropa.importing.rows import FIELDS, Cell, Rows
from ropa.importing.vocabulary import plain

__all__ = ["read_mapped", "suggest_mapping"]

_KEYS: Final = ("sheet", "header_row", "separator", "language", "controller", "columns")
MAX_MAPPING_BYTES: Final = 1024 * 1024
_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "id": ("id",),
    "name": ("activity", "processing activity", "name", "activitate", "activitatea", "traitement", "activite"),
    "function": ("business function", "department", "team", "functie", "departament", "service"),
    "description": ("description", "descriere"),
    "purposes": ("purpose", "purposes", "purpose of processing", "scop", "scopuri", "scopul", "finalite", "finalites"),
    "legal_basis": ("lawful basis", "legal basis", "temei juridic", "temeiul juridic", "base legale", "base juridique"),
    "legitimate_interest": ("legitimate interest", "legitimate interests", "interes legitim", "interet legitime"),
    "special_condition": ("article 9 condition", "art 9 condition", "special category condition"),
    "data_subjects": (
        "data subjects",
        "categories of individuals",
        "individuals",
        "persoane vizate",
        "personnes concernees",
    ),
    "data_categories": (
        "personal data",
        "data categories",
        "categories of personal data",
        "categorii de date",
        "date cu caracter personal",
        "categories de donnees",
    ),
    "retention": (
        "retention",
        "retention period",
        "retention schedule",
        "perioada de stocare",
        "duree de conservation",
    ),
    "source": ("source", "sursa", "source of the data"),
    "automated_decisions": ("automated decision making", "profiling", "decizii automate"),
    "dpia_required": ("dpia required",),
    "dpia_done": ("dpia progress", "dpia done"),
    "dpia_reference": ("link to dpia", "dpia reference"),
    "created": ("created", "date created"),
    "updated": ("updated", "last updated", "date updated"),
    "ended": ("ended", "date ended"),
}


def _problem(where: str, message: str) -> SpreadsheetError:
    return SpreadsheetError([SpreadsheetProblem(where, message)])


def _load_mapping(path: Path) -> dict[str, Any]:
    file = path.name
    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise _problem(file, "a mapping file is a few lines: this one is too large")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _problem(file, f"cannot be read: {error.strerror or error}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise _problem(file, f"not a YAML file: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise _problem(file, "a mapping file is a YAML mapping with `columns:` (heading: register field)")
    problems = [
        SpreadsheetProblem(f"{file}: {key}", f"not a mapping key (the keys: {', '.join(_KEYS)})")
        for key in data
        if key not in _KEYS
    ]
    kinds = {"sheet": str, "header_row": int, "separator": str, "language": str, "controller": dict}
    for key, kind in kinds.items():
        if key in data and (not isinstance(data[key], kind) or isinstance(data[key], bool)):
            problems.append(SpreadsheetProblem(f"{file}: {key}", f"{data[key]!r} is not a {kind.__name__}"))
    if isinstance(data.get("header_row"), int) and not 1 <= data["header_row"] <= MAX_ROWS:
        problems.append(SpreadsheetProblem(f"{file}: header_row", f"a row from 1 to {MAX_ROWS:,}"))
    for heading, field in data["columns"].items():
        if field not in FIELDS:
            near = difflib.get_close_matches(str(field), list(FIELDS), n=1)
            hint = f": did you mean {near[0]}?" if near else f" (the fields: {', '.join(FIELDS)})"
            problems.append(
                SpreadsheetProblem(f"{file}: columns.{heading}", f"{field!r} is not a register field{hint}")
            )
    if problems:
        raise SpreadsheetError(problems)
    return data


def read_mapped(
    book: Book, mapping_path: Path, report: ImportReport, *, language: str | None, country: str | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """The register's data from a spreadsheet described by the mapping file at `mapping_path`."""
    mapping = _load_mapping(mapping_path)
    sheet = book.sheet(mapping.get("sheet"))
    header_row = int(mapping.get("header_row", 1))
    headings = {plain(str(value)): column for column, value in sheet.row(header_row).items()}
    fields: dict[int, tuple[str, str]] = {}
    problems = []
    for heading, field in mapping["columns"].items():
        column = headings.get(plain(str(heading)))
        if column is None:
            problems.append(SpreadsheetProblem(sheet.where(header_row, 1), f"no column {heading!r} in the heading row"))
        else:
            fields[column] = (field, str(heading))
    problems += [
        SpreadsheetProblem(f"{book.file}!{sheet.name}!{ranged}", "merged cells among the rows: unmerge them")
        for ranged in sheet.merged
    ]
    if problems:
        raise SpreadsheetError(problems)
    rows = Rows(
        language or str(mapping.get("language", "en")),
        report,
        separators=str(mapping.get("separator", ";")),
        left_out="the mapping file leaves column {heading!r} out (`report`)",
    )
    for index in range(header_row + 1, sheet.last_row + 1):
        cells = []
        for column, value in sorted(sheet.row(index).items()):
            if value is None or not str(value).strip():
                continue
            if column not in fields:
                report.leave(sheet.where(index, column), value, "its column is not in the mapping file")
                continue
            field, heading = fields[column]
            cells.append(Cell(field, sheet.where(index, column), value, heading))
        rows.add(cells, sheet.where(index))
    report.notes += sheet.notes()
    controller = dict(mapping.get("controller") or {})
    if country is not None:
        controller["country"] = country
    if rows.problems:
        raise SpreadsheetError(rows.problems)
    data = {"format": 1, "languages": [rows.language], "controller": controller, **rows.collections()}
    return data, {
        "controller": mapping_path.name,
        **{f"activities.{key}": where for key, where in rows.origins.items()},
    }


def suggest_mapping(book: Book, *, sheet_name: str | None = None) -> str:
    """A starting mapping file (YAML text) for the spreadsheet: the headings ropa recognises, mapped."""
    sheet = book.sheet(sheet_name)
    header_row = _heading_row(sheet)
    lines = [
        "# A mapping for `ropa import --mapping` (docs/importing.md). Check every line; a column left",
        "# as `report` is not imported: each of its filled cells is listed in the import report.",
    ]
    if sheet.name is not None:
        lines.append(f"sheet: {json.dumps(sheet.name, ensure_ascii=False)}")
    lines += [f"header_row: {header_row}", 'separator: ";"', "language: en", "controller:"]
    lines += ["  name: null     # the organisation's name", "  country: null  # its country, ISO 3166-1 (e.g. GB)"]
    lines.append("columns:")
    taken: set[str] = set()
    for _, heading in sorted(sheet.row(header_row).items()):
        field = _recognised(str(heading))
        if field is None or field in taken:
            comment = "not recognised" if field is None else f"{field} is another column's"
            lines.append(f"  {json.dumps(str(heading), ensure_ascii=False)}: report  # {comment}")
            continue
        taken.add(field)
        lines.append(f"  {json.dumps(str(heading), ensure_ascii=False)}: {field}")
    return "\n".join(lines) + "\n"


def _heading_row(sheet: Sheet) -> int:
    """The first row with at least two texts: the headings of a one-row-per-activity table."""
    for row in range(1, min(sheet.last_row, 20) + 1):
        if sum(isinstance(value, str) and bool(value.strip()) for value in sheet.row(row).values()) >= 2:
            return row
    return 1


def _recognised(heading: str) -> str | None:
    words = plain(heading)
    for ico_heading, field in COLUMN_FIELDS.items():
        if words == plain(ico_heading):
            return None if field == "report" else field
    exact = [field for field, synonyms in _SYNONYMS.items() if words in synonyms]
    if exact:
        return exact[0]
    padded = f" {words} "
    contained = [(len(s), field) for field, synonyms in _SYNONYMS.items() for s in synonyms if f" {s} " in padded]
    return max(contained)[1] if contained else None
