"""The workbook file: safe (no formula from the register), reproducible, readable on screen and on paper."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from ropa import write_workbook
from ropa.io import load
from ropa.model import Register
from ropa.render import workbook_labels as labels
from ropa.render.workbook import FIRST_DATA_ROW, HEADER_ROW, workbook_bytes
from tests.conftest import ONEDU
from tests.helpers import cannot_write, unused_language
from tests.render.workbook_fixtures.reading import SMALL, read_calamine

ON = date(2025, 6, 1)

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "\t=x", "=1+1", "-2+3", "=cmd|' /C calc'!A0"]


def _small_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SMALL.read_text(encoding="utf-8"))
    return data


def _hostile_register() -> Register:
    """The small register, with recipients named as formulas and texts holding characters XML forbids."""
    data = _small_data()
    recipients = data["recipients"]
    template = recipients["stranger"]
    for index, payload in enumerate(PAYLOADS):
        recipients[f"hostile-{index}"] = {**template, "name": payload, "legal_entity": payload}
    data["activities"]["members"]["recipients"] += [f"hostile-{index}" for index in range(len(PAYLOADS))]
    recipients["stranger"]["name"] = "bell\x07 and null\x00 and cr\r\nlf"
    data["controller"]["name"] = "=A1 & Co\x0b"
    return Register.model_validate(data)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.xlsx"
    write_workbook(_hostile_register(), path, lang="ro", on=ON)
    return path


# --- safety -----------------------------------------------------------------------------------------------


def test_no_cell_is_a_formula(hostile: Path) -> None:
    with zipfile.ZipFile(hostile) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            xml = archive.read(name).decode("utf-8")
            assert not re.search(r"<(\w+:)?f[ >/]", xml), name


def test_register_text_that_looks_like_a_formula_stays_text(hostile: Path) -> None:
    sheet = openpyxl.load_workbook(hostile)[labels.SHEET_NAMES["recipients"]["ro"]]
    cells = {cell.value: cell for cell in sheet["B"][FIRST_DATA_ROW - 1 :]}
    for payload in PAYLOADS:
        cell = cells[payload]
        assert cell.data_type == "s", payload
        assert cell.quotePrefix, payload
    ordinary = cells["Poșta Cloud"]
    assert ordinary.data_type == "s"
    assert not ordinary.quotePrefix
    names = {row[1] for row in read_calamine(hostile)[sheet.title][FIRST_DATA_ROW - 1 :]}
    assert set(PAYLOADS) <= names


def test_characters_xml_cannot_hold_become_replacement_characters(hostile: Path) -> None:
    grids = read_calamine(hostile)
    names = {row[1] for row in grids[labels.SHEET_NAMES["recipients"]["ro"]][FIRST_DATA_ROW - 1 :]}
    assert "bell\ufffd and null\ufffd and cr\nlf" in names
    controller = grids[labels.SHEET_NAMES["controller"]["ro"]]
    assert ["Operatorul", "Denumirea", "=A1 & Co\ufffd"] in [row[:3] for row in controller]
    assert controller[1][0] == "=A1 & Co\ufffd · Data evidenței: 1 martie 2025 · Situația la data de: 1 iunie 2025"


def test_the_print_header_escapes_the_controller_name(hostile: Path) -> None:
    sheet = openpyxl.load_workbook(hostile).worksheets[0]
    assert sheet.oddHeader.left.text == "=A1 && Co\ufffd"


def test_no_cell_holds_a_hyperlink(tmp_path: Path) -> None:
    path = tmp_path / "onedu.xlsx"
    write_workbook(load(ONEDU), path, lang="ro", on=ON)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            assert "hyperlink" not in archive.read(name).decode("utf-8", errors="replace").lower(), name
    for sheet in openpyxl.load_workbook(path):
        assert all(cell.hyperlink is None for row in sheet.iter_rows() for cell in row)


# --- reproducibility --------------------------------------------------------------------------------------

_SCRIPT = """
import sys
from datetime import date
from ropa.io import load
from ropa import write_workbook
write_workbook(load(sys.argv[1]), sys.argv[2], lang=sys.argv[3], on=date(2025, 6, 1))
"""


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_two_runs_give_the_same_bytes(tmp_path: Path, lang: str) -> None:
    register = load(ONEDU)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    write_workbook(register, first, lang=lang, on=ON)
    write_workbook(load(ONEDU), second, lang=lang, on=ON)
    assert first.read_bytes() == second.read_bytes()
    assert workbook_bytes(register, lang=lang, on=ON) == first.read_bytes()


def test_another_process_gives_the_same_bytes(tmp_path: Path) -> None:
    here = tmp_path / "here.xlsx"
    there = tmp_path / "there.xlsx"
    write_workbook(load(ONEDU), here, lang="ro", on=ON)
    subprocess.run([sys.executable, "-c", _SCRIPT, str(ONEDU), str(there), "ro"], check=True, timeout=120)
    assert here.read_bytes() == there.read_bytes()


def test_the_file_holds_no_clock() -> None:
    content = workbook_bytes(load(SMALL), lang="en", on=ON)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z?", core) == ["2025-06-01T00:00:00Z", "2025-06-01T00:00:00Z"]
    properties = openpyxl.load_workbook(io.BytesIO(content)).properties
    assert (properties.creator, properties.language) == ("ropa", "en")


def test_the_as_of_date_is_the_only_date_that_changes_the_file() -> None:
    register = load(SMALL)
    assert workbook_bytes(register, lang="ro", on=ON) != workbook_bytes(register, lang="ro", on=date(2025, 6, 2))


# --- screen and paper -------------------------------------------------------------------------------------


def test_every_sheet_reads_on_screen_and_prints_on_paper(tmp_path: Path) -> None:
    path = tmp_path / "onedu.xlsx"
    write_workbook(load(ONEDU), path, lang="ro", on=ON)
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook:
        assert str(sheet.freeze_panes).endswith(str(FIRST_DATA_ROW)), sheet.title
        assert str(sheet.auto_filter.ref).startswith(f"A{HEADER_ROW}:"), sheet.title
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", sheet.title
        setup = sheet.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.oddFooter.right.text == "Pagina &P din &N"
        assert sheet.oddHeader.right.text == "&A"
        assert sheet.oddHeader.left.text == "Asociația ONedu"
        assert sheet.oddFooter.left.text == "Situația la data de: 1 iunie 2025"
        header = sheet[HEADER_ROW]
        assert all(cell.font.bold and cell.alignment.wrap_text for cell in header), sheet.title
        for row in sheet.iter_rows(min_row=FIRST_DATA_ROW):
            assert all(cell.alignment.wrap_text and cell.alignment.vertical == "top" for cell in row)
        for index in range(1, len(header) + 1):
            width = sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width
            assert 8 <= width <= 90, (sheet.title, index)
        assert all(sheet.row_dimensions[row].height for row in range(HEADER_ROW, sheet.max_row + 1))


def test_each_activity_sheet_starts_a_printed_page(tmp_path: Path) -> None:
    register = load(SMALL)
    path = tmp_path / "small.xlsx"
    write_workbook(register, path, lang="en", on=ON)
    sheet = openpyxl.load_workbook(path)[labels.SHEET_NAMES["fiches"]["en"]]
    firsts = [
        row
        for row in range(FIRST_DATA_ROW, sheet.max_row + 1)
        if sheet.cell(row, 2).value == labels.HEADERS["transfers"]["record"][0]["en"]
    ]
    assert len(firsts) == 3
    assert [page_break.id + 1 for page_break in sheet.row_breaks.brk] == firsts[1:]


# --- languages and failures -------------------------------------------------------------------------------


def test_a_language_the_register_does_not_declare_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'fr' is not declared"):
        write_workbook(load(SMALL), tmp_path / "fr.xlsx", lang="fr", on=ON)
    data = _small_data()
    unwritten = unused_language()
    data["languages"] = ["ro", "en", unwritten]
    with pytest.raises(ValueError, match=re.escape(cannot_write(unwritten))):
        _with_unwritten(data, unwritten)
    assert not list(tmp_path.iterdir())


def _with_unwritten(data: dict[str, Any], unwritten: str) -> Register:
    def add(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"ro", "en"}:
                return {**value, unwritten: value["en"]}
            return {key: add(item) for key, item in value.items()}
        if isinstance(value, list):
            return [add(item) for item in value]
        return value

    return Register.model_validate(add(data))


def test_a_workbook_that_cannot_be_built_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    write_workbook(load(SMALL), path, lang="ro", on=ON)
    before = path.read_bytes()
    with pytest.raises(ValueError, match="not declared"):
        write_workbook(load(SMALL), path, lang="fr", on=ON)
    assert path.read_bytes() == before
    assert [item.name for item in tmp_path.iterdir()] == ["register.xlsx"]
