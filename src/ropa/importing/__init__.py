"""Bringing an existing register in from a spreadsheet: ropa's own workbook, the ICO template, a DPO's own.

    >>> from ropa.importing import import_register, write_imported
    >>> imported = import_register("record.xlsx")          # doctest: +SKIP
    >>> print(imported.report.to_text())                    # doctest: +SKIP
    >>> write_imported(imported, "register.yaml")           # doctest: +SKIP

Dependency rule: `importing` imports `model`, `law`, `io`, `render` (the layouts ropa writes, so that it
reads back exactly those) and `words`; nothing of ropa imports `importing` but `cli` and `ropa/__init__`.
One concept per module: `reading` (opening a spreadsheet safely), `vocabulary` and `countries` (free
text to ropa's values), `rows` (a row to an activity), `ropa_workbook`, `ico` and `mapping` (the
layouts), `validating`, `problems` (errors and the import report), `importer` (the entry point).
See docs/importing.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from ropa.importing.importer import Imported, import_register, imported_text, write_imported
from ropa.importing.mapping import suggest_mapping as _suggest
from ropa.importing.problems import ImportReport, SpreadsheetError, SpreadsheetProblem, Unmapped
from ropa.importing.reading import open_book

__all__ = [
    "ImportReport",
    "Imported",
    "SpreadsheetError",
    "SpreadsheetProblem",
    "Unmapped",
    "import_register",
    "imported_text",
    "suggest_mapping",
    "write_imported",
]


def suggest_mapping(path: str | os.PathLike[str], *, sheet: str | None = None) -> str:
    """A starting mapping file (YAML text) for the spreadsheet at `path`, from the headings ropa recognises."""
    book = open_book(Path(path))
    try:
        return _suggest(book, sheet_name=sheet)
    finally:
        book.close()
