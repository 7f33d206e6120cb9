"""The ICO controller template: imported with every unmapped cell reported, and exported in its own layout."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ropa.cli import main
from ropa.importing import SpreadsheetError, import_register
from ropa.io import load
from ropa.model import LegalBasis, Register
from ropa.render.workbook_ico import HEADER_ROW, HEADINGS, SHEET, ico_workbook_bytes
from ropa.testing.strategies import registers
from tests.conftest import EXAMPLES
from tests.importing.ico_sample import REPORTED_COLUMNS, ROWS, UNMAPPED_VALUES, write_sample

ON = date(2026, 3, 1)
FIRST_ROW = HEADER_ROW + 1


def test_the_sample_imports_to_a_valid_register(tmp_path: Path) -> None:
    imported = import_register(write_sample(tmp_path / "ico.xlsx"), country="GB")
    register = imported.register
    assert len(register.activities) == len(ROWS) >= 12
    assert register.controller.name == "Harbourside Dental Practice Ltd"
    assert register.controller.dpo is not None
    assert register.controller.dpo.email == "dpo@harbourside.example"
    treatment = register.activities["providing-dental-treatment"]
    assert treatment.special_condition == "health-or-social-care"
    assert treatment.dpia is not None
    assert (treatment.dpia.required, treatment.dpia.done, treatment.dpia.reference) == (True, True, "DPIA-2023-01")
    assert [register.data_categories[key].name["en"] for key in treatment.data_categories] == [
        "Name",
        "address",
        "date of birth",
        "medical history",
        "dental records",
    ]
    assert treatment.retention[0].period == "P11Y"
    booking = register.activities["appointment-booking-appointment-reminders-by-sms"]
    assert [register.purposes[key].legal_basis for key in booking.purposes] == [LegalBasis.CONTRACT, LegalBasis.CONSENT]
    accounting = register.activities["accounting-and-tax"]
    assert accounting.retention[0].criteria is not None
    assert accounting.retention[0].period is None
    recruitment = register.purposes[register.activities["recruitment"].purposes[0]]
    assert recruitment.legitimate_interest is not None
    assert recruitment.legitimate_interest["en"] == "Choosing the right people for the practice"


def test_the_report_lists_every_cell_not_imported_and_no_other(tmp_path: Path) -> None:
    imported = import_register(write_sample(tmp_path / "ico.xlsx"), country="GB")
    expected = {
        f"ico.xlsx!{SHEET}!{get_column_letter(column)}{HEADER_ROW + 1 + index}"
        for index, row in enumerate(ROWS)
        for column in row
        if column in REPORTED_COLUMNS or (index, column) in UNMAPPED_VALUES
    }
    expected.add(f"ico.xlsx!{SHEET}!A1")  # the template's title: not part of the contact block
    found = [item.where for item in imported.report.unmapped]
    assert sorted(found) == sorted(expected)
    values = {item.where: item.value for item in imported.report.unmapped}
    assert values[f"ico.xlsx!{SHEET}!C{HEADER_ROW + 13}"] == "NHS Resolution, 0300 000 0000"
    assert "See our Schedule 1 policy" in imported.report.to_text()
    assert '"unmapped"' in imported.report.to_json()


def test_the_export_imports_back_equal(tmp_path: Path) -> None:
    first = import_register(write_sample(tmp_path / "ico.xlsx"), country="GB").register
    exported = tmp_path / "exported.xlsx"
    exported.write_bytes(ico_workbook_bytes(first, lang="en", on=ON))
    sheet = load_workbook(exported)[SHEET]
    assert [cell.value for cell in sheet[HEADER_ROW]] == list(HEADINGS)
    assert import_register(exported, country="GB").register == first


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(register=registers(languages=["en"]))
def test_what_the_layout_holds_comes_back(register: Register, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("ico")
    (folder / "one.xlsx").write_bytes(ico_workbook_bytes(register, lang="en", on=ON))
    try:
        held = import_register(folder / "one.xlsx", country=register.controller.country).register
    except SpreadsheetError:
        assume(False)  # a register the template cannot express (e.g. a name of blanks only)
        return
    (folder / "two.xlsx").write_bytes(ico_workbook_bytes(held, lang="en", on=ON))
    assert import_register(folder / "two.xlsx", country=register.controller.country).register == held


def test_an_unknown_lawful_basis_refuses_the_import_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [*ROWS[:3], {**ROWS[3], 12: "Legit. interest"}]
    source = write_sample(tmp_path / "record.xlsx", rows)
    output = tmp_path / "register.yaml"
    assert main(["import", str(source), "--country", "GB", "-o", str(output)]) == 1
    error = capsys.readouterr().err
    assert f"record.xlsx!{SHEET}!L{HEADER_ROW + 4}: 'Legit. interest' is not a legal basis ropa knows" in error
    assert "did you mean legitimate-interests?" in error
    assert "Traceback" not in error
    assert not output.exists()


def test_the_controllers_country_must_be_given(tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetError, match="--country"):
        import_register(write_sample(tmp_path / "ico.xlsx"))


def test_the_command_writes_a_register_and_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_sample(tmp_path / "ico.xlsx")
    output, report = tmp_path / "register.yaml", tmp_path / "report.json"
    assert (
        main(["import", str(source), "--country", "GB", "-o", str(output), "--report", str(report), "--format", "json"])
        == 0
    )
    assert load(output) == import_register(source, country="GB").register
    assert '"where": "ico.xlsx!Template!C' in report.read_text(encoding="utf-8")
    exported = tmp_path / "exported.xlsx"
    assert main(["workbook", str(output), "--layout", "ico", "--on", "2026-03-01", "-o", str(exported)]) == 0
    assert load_workbook(exported).sheetnames == [SHEET]
    capsys.readouterr()
    assert main(["import", str(source), "--country", "GB", "-o", str(tmp_path / "strict.yaml"), "--strict"]) == 1
    assert not (tmp_path / "strict.yaml").exists()


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*/register.yaml")), ids=lambda path: path.parent.name)
def test_every_example_in_the_ico_layout_comes_back_as_the_layout_holds_it(example: Path, tmp_path: Path) -> None:
    register = load(example)
    lang = "en" if "en" in register.languages else register.languages[0]
    (tmp_path / "one.xlsx").write_bytes(ico_workbook_bytes(register, lang=lang, on=ON))
    held = import_register(tmp_path / "one.xlsx", language=lang, country=register.controller.country).register
    own = [key for key, activity in register.activities.items() if activity.role == "controller"]
    assert len(held.activities) == len(own)
    (tmp_path / "two.xlsx").write_bytes(ico_workbook_bytes(held, lang=lang, on=ON))
    assert import_register(tmp_path / "two.xlsx", language=lang, country=register.controller.country).register == held


def test_the_third_countries_are_reported_with_their_codes(tmp_path: Path) -> None:
    imported = import_register(write_sample(tmp_path / "ico.xlsx"), country="Regatul Unit")
    assert imported.register.controller.country == "GB"
    reasons = {item.where: item.reason for item in imported.report.unmapped}
    assert "(USA = US)" in reasons[f"ico.xlsx!{SHEET}!H{FIRST_ROW + 3}"]
    assert "(United States = US)" in reasons[f"ico.xlsx!{SHEET}!H{FIRST_ROW + 9}"]
    assert "not one country: None" in reasons[f"ico.xlsx!{SHEET}!H{FIRST_ROW}"]


def test_a_country_ropa_does_not_know_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetError, match="'Atlantis' is not a country ropa knows"):
        import_register(write_sample(tmp_path / "ico.xlsx"), country="Atlantis")


def test_the_python_example_of_the_docs_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (EXAMPLES.parent / "docs" / "importing.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    write_sample(tmp_path / "record.xlsx")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "docs/importing.md", "exec"), {})  # the documentation's own example
    assert load(tmp_path / "register.yaml") == import_register(tmp_path / "record.xlsx", country="GB").register
