"""`import_register`: a spreadsheet in, a valid register and the import report out; `write_imported` writes it.

The layout is recognised from the file (ropa's own workbook, the ICO template) or given by a mapping
file (`ropa.importing.mapping`). What the layout made is validated by ropa's own loader; a register
that does not validate is never written: its problems are located back to the rows they came from.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ropa.importing.countries import country_code
from ropa.importing.ico import is_ico, read_ico
from ropa.importing.mapping import read_mapped
from ropa.importing.problems import ImportReport, SpreadsheetError, SpreadsheetProblem
from ropa.importing.reading import Book, open_book
from ropa.importing.ropa_workbook import is_ropa_workbook, is_ropa_workbook_without_data, read_ropa_workbook
from ropa.importing.validating import validated
from ropa.io import dumps, load_text
from ropa.io.atomic import write_text_atomic
from ropa.io.loading import SUFFIXES
from ropa.model import Register

__all__ = ["Imported", "import_register", "write_imported"]


@dataclass(frozen=True)
class Imported:
    """A register read from a spreadsheet, and the report of every cell that is not in it."""

    register: Register
    report: ImportReport


def import_register(
    path: str | os.PathLike[str],
    *,
    mapping: str | os.PathLike[str] | None = None,
    language: str | None = None,
    country: str | None = None,
) -> Imported:
    """Read the register in the spreadsheet at `path` (see docs/importing.md).

    `mapping` names a mapping file for a spreadsheet of the DPO's own shape; `language` is the language
    its texts are written in (default: English, or the workbook's own); `country` the controller's
    country where the layout does not say it (the ICO template). Raises `SpreadsheetError` listing
    every problem, each located as `file!sheet!cell`.
    """
    source = Path(path)
    country = _country(country)
    book = open_book(source)
    try:
        data, origins, report = _read(book, mapping, language, country)
    finally:
        book.close()
    report.notes[:0] = book.notes
    return Imported(validated(data, origins, book.file), report)


def _read(
    book: Book, mapping: str | os.PathLike[str] | None, language: str | None, country: str | None
) -> tuple[dict[str, Any], dict[str, str], ImportReport]:
    if mapping is not None:
        report = ImportReport(book.file, "mapping")
        data, origins = read_mapped(book, Path(mapping), report, language=language, country=country)
        return data, origins, report
    if is_ropa_workbook(book):
        report = ImportReport(book.file, "ropa workbook")
        data, origins = read_ropa_workbook(book, report)
        return data, origins, report
    if is_ico(book):
        report = ImportReport(book.file, "ICO template")
        data, origins = read_ico(book, language=language or "en", country=country, report=report)
        return data, origins, report
    if is_ropa_workbook_without_data(book):
        message = (
            "ropa's workbook without its Register data sheet (deleted, or written before ropa could import): "
            "it cannot be read back whole; write it again with `ropa workbook`"
        )
        raise SpreadsheetError([SpreadsheetProblem(book.file, message)])
    raise SpreadsheetError(
        [
            SpreadsheetProblem(
                book.file,
                "neither ropa's workbook nor the ICO template: describe its columns in a mapping file "
                "(`ropa import --suggest-mapping` writes one to start from)",
            )
        ]
    )


def _country(given: str | None) -> str | None:
    """The controller's country as given: an ISO 3166-1 code, or a country's name (English, Romanian, French)."""
    if given is None or re.fullmatch(r"[A-Z]{2}", given.strip()):
        return given.strip() if given else None
    code = country_code(given)
    if code is None:
        raise SpreadsheetError(
            [SpreadsheetProblem("--country", f"{given!r} is not a country ropa knows (e.g. GB, DE)")]
        )
    return code


def imported_text(imported: Imported, path: str | os.PathLike[str]) -> str:
    """The imported register as the text of `path` (.yaml, .yml or .json), once it reads back equal."""
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise ValueError(f"unknown file type {Path(path).suffix!r}: write .yaml, .yml or .json")
    text = dumps(imported.register, kind=kind)
    if load_text(text, file=os.fspath(path), kind=kind) != imported.register:
        raise ValueError("the register written would not read back as the one imported: nothing written")
    return text


def write_imported(imported: Imported, path: str | os.PathLike[str]) -> None:
    """Write the imported register to `path` (.yaml, .yml or .json), atomically, once read back equal."""
    write_text_atomic(path, imported_text(imported, path))
