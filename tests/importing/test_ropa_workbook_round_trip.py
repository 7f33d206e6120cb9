"""ropa's own workbook comes back as the register it was written from, and a DPO's edit as that change."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ropa import write_workbook
from ropa.diff import Change, FieldChange, diff
from ropa.importing import SpreadsheetError, import_register, write_imported
from ropa.io import dumps, load, load_text
from ropa.model import ActivityRole, Register
from ropa.render import workbook_labels as labels
from ropa.render.workbook import FIRST_DATA_ROW
from ropa.testing.strategies import registers
from tests.conftest import EXAMPLES

ON = date(2026, 3, 1)
EXAMPLE_REGISTERS = sorted(EXAMPLES.glob("*/register.yaml"))
FEW = settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def as_written(register: Register) -> Register:
    """`register` as a workbook holds it: s and t with cedilla become the comma-below letters, and internal
    notes, never published, are not there (docs/importing.md)."""
    data = json.loads(dumps(register, kind="json"))
    for key in ("activities", "purposes", "recipients"):
        for record in data.get(key, {}).values():
            record.pop("notes", None)
            for rule in record.get("retention", []) if key == "activities" else []:
                rule.pop("notes", None)
    text = json.dumps(data, ensure_ascii=False)
    for cedilla, comma in zip("şţŞŢ", "șțȘȚ", strict=True):
        text = text.replace(cedilla, comma)
    return load_text(text, kind="json")


def round_trip(register: Register, lang: str, folder: Path) -> Register:
    path = folder / f"record.{lang}.xlsx"
    write_workbook(register, path, lang=lang, on=ON)
    imported = import_register(path)
    assert imported.report.unmapped == []
    return imported.register


@pytest.mark.parametrize("example", EXAMPLE_REGISTERS, ids=lambda path: path.parent.name)
def test_every_example_comes_back_equal_in_each_of_its_languages(example: Path, tmp_path: Path) -> None:
    register = load(example)
    for lang in register.languages:
        assert round_trip(register, lang, tmp_path) == as_written(register), lang


@FEW
@given(register=registers(languages=["ro", "en"]), lang=st.sampled_from(["ro", "en"]))
def test_a_generated_register_comes_back_equal(
    register: Register, lang: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert round_trip(register, lang, tmp_path_factory.mktemp("wb")) == as_written(register)


def _controller_activity(register: Register) -> str | None:
    return next((key for key, a in register.activities.items() if a.role is ActivityRole.CONTROLLER), None)


def _edit(path: Path, sheet_key: str, lang: str, record: str, column_key: str, value: object) -> str:
    """Set the cell of `record` in the column `column_key` of a sheet of ropa's workbook, as a DPO would in Excel."""
    workbook = load_workbook(path)
    sheet = workbook[labels.SHEET_NAMES[sheet_key][lang]]
    heading = labels.HEADERS[sheet_key][column_key][0][lang]
    column = next(cell.column for cell in sheet[4] if str(cell.value).split("\n")[0] == heading)
    row = next(row for row in range(FIRST_DATA_ROW, sheet.max_row + 1) if sheet.cell(row, 1).value == record)
    sheet.cell(row, column).value = value
    workbook.save(path)
    return str(sheet.cell(row, column).coordinate)


@FEW
@given(
    register=registers(languages=["en", "ro"]),
    lang=st.sampled_from(["ro", "en"]),
    name=st.text("abcdefgh ", min_size=1, max_size=12).map(lambda s: f"Renamed {s.strip()}"),
)
def test_an_edited_name_shows_up_as_exactly_that_change(
    register: Register, lang: str, name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    key = _controller_activity(register)
    if key is None:
        return
    path = tmp_path_factory.mktemp("edit") / "record.xlsx"
    write_workbook(register, path, lang=lang, on=ON)
    _edit(path, "activities", lang, key, "name", name)
    before = as_written(register)
    after = import_register(path).register
    found = diff(before, after, on=ON)
    old_name = before.activities[key].name
    expected = Change(key, (FieldChange("name", dict(old_name.root), {**old_name.root, lang: name}),))
    assert found.collections["activities"].changed == (expected,)
    assert not found.collections["activities"].added
    assert not found.collections["activities"].removed
    assert not found.collections["purposes"]
    assert not found.collections["recipients"]
    assert found.other_changes == ()


def test_an_edited_lawful_basis_and_date_come_back(tmp_path: Path) -> None:
    register = load(EXAMPLES / "onedu" / "register.yaml")
    purpose = next(iter(register.purposes))
    activity = _controller_activity(register)
    assert activity is not None
    path = tmp_path / "record.xlsx"
    write_workbook(register, path, lang="ro", on=ON)
    _edit(path, "purposes", "ro", purpose, "legal_basis", labels.LEGAL_BASES["consent"]["ro"])
    _edit(path, "activities", "ro", activity, "updated", date(2026, 2, 2))
    after = import_register(path).register
    assert after.purposes[purpose].legal_basis == "consent"
    assert after.activities[activity].updated == date(2026, 2, 2)
    changed = diff(register, after, on=ON).collections
    assert [change.id for change in changed["purposes"].changed] == [purpose]
    assert [change.id for change in changed["activities"].changed] == [activity]


def test_an_edit_ropa_cannot_read_back_is_refused_where_it_is(tmp_path: Path) -> None:
    register = load(EXAMPLES / "onedu" / "register.yaml")
    activity = _controller_activity(register)
    assert activity is not None
    path = tmp_path / "record.xlsx"
    write_workbook(register, path, lang="en", on=ON)
    cell = _edit(path, "activities", "en", activity, "recipients", "Someone else")
    with pytest.raises(SpreadsheetError) as raised:
        import_register(path)
    [problem] = raised.value.problems
    assert problem.where == f"record.xlsx!{labels.SHEET_NAMES['activities']['en']}!{cell}"
    assert "cannot read an edit of it back" in problem.message


def test_a_column_added_by_the_dpo_is_reported_cell_by_cell(tmp_path: Path) -> None:
    register = load(EXAMPLES / "clinic" / "register.yaml")
    path = tmp_path / "record.xlsx"
    write_workbook(register, path, lang="en", on=ON)
    workbook = load_workbook(path)
    sheet = workbook[labels.SHEET_NAMES["purposes"]["en"]]
    column = sheet.max_column + 1
    sheet.cell(4, column).value = "Reviewed by"
    sheet.cell(5, column).value = "Ana"
    workbook.save(path)
    imported = import_register(path)
    assert imported.register == register
    [unmapped] = imported.report.unmapped
    assert (unmapped.where, unmapped.value) == (f"record.xlsx!Purposes!{sheet.cell(5, column).coordinate}", "Ana")
    output = tmp_path / "register.yaml"
    write_imported(imported, output)
    assert load(output) == register


def test_a_workbook_without_its_register_data_sheet_says_so(tmp_path: Path) -> None:
    path = tmp_path / "record.xlsx"
    write_workbook(load(EXAMPLES / "minimal" / "register.yaml"), path, lang="en", on=ON)
    workbook = load_workbook(path)
    del workbook[labels.SHEET_NAMES["data"]["en"]]
    workbook.save(path)
    with pytest.raises(SpreadsheetError, match="without its Register data sheet"):
        import_register(path)


def test_merged_cells_in_the_register_data_sheet_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "record.xlsx"
    write_workbook(load(EXAMPLES / "clinic" / "register.yaml"), path, lang="en", on=ON)
    workbook = load_workbook(path)
    workbook[labels.SHEET_NAMES["data"]["en"]].merge_cells("C8:C9")
    workbook.save(path)
    with pytest.raises(SpreadsheetError) as raised:
        import_register(path)
    assert [problem.where for problem in raised.value.problems] == ["record.xlsx!Register data!C8:C9"]
