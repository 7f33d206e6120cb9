"""Hostile spreadsheets: each a clear located error, exit 1, no traceback, nothing written (or read as data, said)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ropa.cli import main
from ropa.importing import import_register
from ropa.importing.reading import MAX_ROWS
from ropa.render.workbook_ico import HEADER_ROW, SHEET
from tests.importing.ico_sample import ROWS, write_sample

FIRST = HEADER_ROW + 1


def refused(tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """Run `ropa import` on `source`; check exit 1, no traceback, nothing written; give what it said."""
    output = tmp_path / "register.yaml"
    capsys.readouterr()
    assert main(["import", str(source), "--country", "GB", "-o", str(output), *extra]) == 1
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out
    assert not output.exists()
    assert "nothing written" in said.err
    return said.err


def edited(tmp_path: Path, name: str, change: Callable[[Workbook], None]) -> Path:
    path = write_sample(tmp_path / name)
    workbook = load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def test_a_formula_is_never_evaluated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def formula(workbook: Workbook) -> None:
        workbook[SHEET].cell(FIRST + 2, 10).value = "=SUM(1,2)"

    said = refused(tmp_path, edited(tmp_path, "record.xlsx", formula), capsys)
    assert f"record.xlsx!{SHEET}!J{FIRST + 2}: a formula (=SUM(1,2)): ropa never evaluates formulas" in said


def test_a_link_to_another_workbook_is_never_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def linked(workbook: Workbook) -> None:
        workbook[SHEET].cell(FIRST, 2).value = "='[secrets.xlsx]Sheet1'!A1"

    said = refused(tmp_path, edited(tmp_path, "record.xlsx", linked), capsys)
    assert f"record.xlsx!{SHEET}!B{FIRST}: a formula (='[secrets.xlsx]Sheet1'!A1)" in said


def test_macros_are_never_run_the_cells_are_read_as_data(tmp_path: Path) -> None:
    source = write_sample(tmp_path / "record.xlsx")
    macro = tmp_path / "record.xlsm"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(macro, "w") as copy:
        for item in original.infolist():
            copy.writestr(item, original.read(item))
        copy.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "AutoOpen"\x00' * 8)
    imported = import_register(macro, country="GB")
    assert len(imported.register.activities) == len(ROWS)
    assert "record.xlsm: its macros were not loaded and never run; only its cells were read" in imported.report.notes


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 * 1024 * 1024))
    assert "bomb.xlsx: xl/worksheets/sheet1.xml unpacks" in refused(tmp_path, bomb, capsys)


def test_parts_too_large_in_all_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    large = tmp_path / "large.xlsx"
    with zipfile.ZipFile(large, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(5):
            archive.writestr(f"xl/media/image{number}.bin", bytes(range(256)) * (64 * 1024))  # 16 MiB each
    assert "large.xlsx: its parts unpack to 83,886,080 bytes" in refused(tmp_path, large, capsys)


def test_a_million_rows_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def far(workbook: Workbook) -> None:
        workbook[SHEET].cell(1_000_000, 1).value = "the last row"

    said = refused(tmp_path, edited(tmp_path, "rows.xlsx", far), capsys)
    assert f"rows.xlsx!{SHEET}: more than {MAX_ROWS:,} rows: refused" in said


def test_merged_cells_among_the_rows_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def merged(workbook: Workbook) -> None:
        workbook[SHEET].merge_cells(f"A{FIRST}:A{FIRST + 2}")

    said = refused(tmp_path, edited(tmp_path, "merged.xlsx", merged), capsys)
    assert f"merged.xlsx!{SHEET}!A{FIRST}:A{FIRST + 2}: merged cells among the activities" in said


def test_hidden_rows_are_read_and_noted(tmp_path: Path) -> None:
    def hidden(workbook: Workbook) -> None:
        workbook[SHEET].row_dimensions[FIRST + 1].hidden = True

    imported = import_register(edited(tmp_path, "hidden.xlsx", hidden), country="GB")
    assert len(imported.register.activities) == len(ROWS)
    assert f"hidden.xlsx!{SHEET}!{FIRST + 1}:{FIRST + 1}: a hidden row, read like the others" in imported.report.notes


def test_dates_stored_as_serial_numbers_are_read_as_dates(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Activity", "Lawful basis", "Created", "Updated"])
    sheet.append(["Payroll", "Legal obligation", 45292, date(2025, 2, 3)])  # 45292: 2024-01-01
    source = tmp_path / "dates.xlsx"
    workbook.save(source)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "controller: {name: X, country: IE}\ncolumns: {Activity: name, Lawful basis: legal_basis, "
        "Created: created, Updated: updated}\n",
        encoding="utf-8",
    )
    imported = import_register(source, mapping=mapping)
    activity = imported.register.activities["payroll"]
    assert (activity.created, activity.updated) == (date(2024, 1, 1), date(2025, 2, 3))
    assert "dates.xlsx!Sheet!C2: the number 45292 read as the date 2024-01-01" in imported.report.notes


def test_a_file_that_is_not_a_spreadsheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "record.xlsx"
    fake.write_text("name,purpose\n", encoding="utf-8")
    assert "record.xlsx: not a spreadsheet: it cannot be opened as an .xlsx file" in refused(tmp_path, fake, capsys)
    other = tmp_path / "record.pdf"
    other.write_bytes(b"%PDF-1.7")
    assert "record.pdf: not a spreadsheet ropa reads" in refused(tmp_path, other, capsys)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(archive, "w") as file:
        file.writestr("photo.jpg", b"\xff\xd8")
    assert "photos.xlsx: not a spreadsheet openpyxl can read" in refused(tmp_path, archive, capsys)


def test_a_missing_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("sheet: Register\ncolumns: {Activity: name}\n", encoding="utf-8")
    said = refused(tmp_path, write_sample(tmp_path / "record.xlsx"), capsys, "--mapping", str(mapping))
    assert "record.xlsx!Register: no such sheet (the sheets: Template, Notes)" in said


def test_a_layout_ropa_does_not_know(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = Workbook()
    source = tmp_path / "own.xlsx"
    workbook.save(source)
    assert "own.xlsx: neither ropa's workbook nor the ICO template" in refused(tmp_path, source, capsys)


def test_a_workbook_damaged_inside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_sample(tmp_path / "sample.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(damaged, "w") as copy:
        for item in original.infolist():
            data = original.read(item)
            copy.writestr(item, data[: len(data) // 2] if item.filename.endswith("sheet1.xml") else data)  # cut short
    assert f"damaged.xlsx!{SHEET}: the sheet cannot be read (ParseError" in refused(tmp_path, damaged, capsys)
    not_xml = tmp_path / "not-xml.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(not_xml, "w") as copy:
        for item in original.infolist():
            copy.writestr(item, b"\x00garbage" if item.filename == "xl/workbook.xml" else original.read(item))
    assert "not-xml.xlsx: not a spreadsheet openpyxl can read" in refused(tmp_path, not_xml, capsys)


def test_a_file_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "missing.xlsx: no such file" in refused(tmp_path, tmp_path / "missing.xlsx", capsys)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert "folder.csv: not a file" in refused(tmp_path, folder, capsys)
