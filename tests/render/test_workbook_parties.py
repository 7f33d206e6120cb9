"""The workbook holds only the parts of Art. 30 that apply: the Art. 30(2) sheet for an organisation that acts as
processor, the representative for a controller that may need one (Art. 27); each activity's record row cites its
record, Art. 30(1) or 30(2), in the workbook and on the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ropa import write_workbook
from ropa.importing import import_register
from ropa.io import load
from ropa.model import Register
from ropa.render import workbook_labels as labels
from ropa.render.page import page_context, render_page
from ropa.render.workbook_tables import CellValue, Words, tables
from ropa.transfers import register_transfers
from tests.conftest import EXAMPLES
from tests.render.workbook_fixtures.reading import SMALL

ON = date(2026, 11, 25)


def sheets(register: Register, lang: str) -> dict[str, list[list[CellValue]]]:
    words = Words(register, lang, ON, register_transfers(register, ON))
    return {table.sheet: table.cells() for table in tables(words)}


def section_rows(register: Register, lang: str, section: str) -> list[list[CellValue]]:
    name = labels.CONTROLLER_SECTIONS[section][lang]
    return [row for row in sheets(register, lang)["controller"] if row[0] == name]


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_no_processor_sheet_for_an_organisation_that_is_processor_for_no_one(lang: str) -> None:
    clinic = load(EXAMPLES / "clinic" / "register.yaml")
    assert all(activity.role == "controller" for activity in clinic.activities.values())
    assert "processor" not in sheets(clinic, lang)
    assert sheets(load(SMALL), lang)["processor"]


def test_a_workbook_without_the_processor_sheet_imports_back(tmp_path: Path) -> None:
    clinic = load(EXAMPLES / "clinic" / "register.yaml")
    path = tmp_path / "clinic.xlsx"
    write_workbook(clinic, path, lang="ro", on=ON)
    imported = import_register(path)
    assert imported.register == clinic
    assert not [note for note in imported.report.notes if "missing" in note]


def test_representative_rows_only_where_one_may_be_needed() -> None:
    # A Romanian controller names no representative (Art. 27(1) is for controllers outside the Union) …
    for lang in ("en", "ro"):
        assert not section_rows(load(EXAMPLES / "clinic" / "register.yaml"), lang, "representative")
    # … a US one names its own …
    us = load(EXAMPLES / "us-company" / "register.yaml")
    assert us.controller.representative is not None
    rows = section_rows(us, "en", "representative")
    assert rows[0][2] == us.controller.representative.name
    # … and one without a representative keeps the empty rows, the gap C603 reports.
    gap = us.model_copy(update={"controller": us.controller.model_copy(update={"representative": None})})
    assert [row[2] for row in section_rows(gap, "en", "representative")] == [None] * 6


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_each_activity_record_row_cites_its_record_not_the_transfer_points(lang: str) -> None:
    small = load(SMALL)
    record = labels.HEADERS["transfers"]["record"][0][lang]
    expected = {
        labels.PHRASES["controller_record"][lang]: labels.POINTS["30-1"][lang],
        labels.PHRASES["processor_record"][lang]: labels.POINTS["30-2"][lang],
    }
    in_workbook = {str(row[2]): str(row[3]) for row in sheets(small, lang)["fiches"] if row[1] == record}
    assert in_workbook == expected
    cards = page_context(small, lang, ON, ())["activities"]
    on_page = {card.rows[0].value: card.rows[0].point for card in cards}
    assert {card.rows[0].element for card in cards} == {record}
    assert on_page == expected
    page = render_page(small, lang, ON)
    for value, point in expected.items():
        assert f'<th scope="row">{record}</th><td>{value}</td><td class="point">{point}</td>' in page
