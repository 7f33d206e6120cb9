"""A DPO's own spreadsheet, through a mapping file: the worked example of docs/importing.md, run as written."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from ropa.cli import main
from ropa.importing import SpreadsheetError, import_register, suggest_mapping
from ropa.io import load
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "importing.md").read_text(encoding="utf-8")
EXAMPLE = DOC.split("### A worked example", 1)[1].split("## The import report", 1)[0]


def documented_table() -> list[list[str]]:
    lines = [line for line in EXAMPLE.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", EXAMPLE, re.DOTALL)


def documented_edits() -> list[tuple[str, str]]:
    return re.findall(r"^- `(.+?)` → `(.+?)`$", EXAMPLE, re.MULTILINE)


def club_workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Processing"
    sheet.append(["Riverside Rowing Club: record of processing"])
    for row in documented_table():
        sheet.append([cell or None for cell in row])
    workbook.save(path)
    return path


def test_the_suggestion_is_the_documented_one(tmp_path: Path) -> None:
    [suggested] = yaml_blocks()
    assert suggest_mapping(club_workbook(tmp_path / "club.xlsx")) == suggested


def test_the_documented_edits_make_a_mapping_that_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = club_workbook(tmp_path / "club.xlsx")
    mapping = tmp_path / "mapping.yaml"
    assert main(["import", str(source), "--suggest-mapping", "-o", str(mapping)]) == 0
    text = mapping.read_text(encoding="utf-8")
    edits = documented_edits()
    assert len(edits) == 6
    for before, after in edits:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    mapping.write_text(text, encoding="utf-8")
    output = tmp_path / "register.yaml"
    capsys.readouterr()
    assert main(["import", str(source), "--mapping", str(mapping), "-o", str(output)]) == 0
    printed = capsys.readouterr().out
    assert "club.xlsx!Processing!H3: 'reviewed 2025': the mapping file leaves column 'Comments' out" in printed
    register = load(output)
    assert register.controller.name == "Riverside Rowing Club"
    assert list(register.activities) == ["membership", "safeguarding", "newsletter"]
    safeguarding = register.activities["safeguarding"]
    assert safeguarding.function is not None
    assert safeguarding.function["en"] == "Welfare officer"
    assert safeguarding.retention[0].period == "P25Y"
    assert [register.data_subjects[key].name["en"] for key in register.activities["membership"].data_subjects] == [
        "Members",
        "parents of junior members",
    ]
    assert register.purposes[safeguarding.purposes[0]].legal_basis == "legal-obligation"
    assert register.activities["newsletter"].retention[0].criteria is not None


def test_a_csv_file_imports_with_the_same_mapping(tmp_path: Path) -> None:
    source = tmp_path / "club.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([["Riverside Rowing Club"], *documented_table()])
    mapping = yaml.safe_load(suggest_mapping(club_workbook(tmp_path / "club.xlsx")))
    for _, after in documented_edits():
        key, _, value = after.partition(": ")
        if key.startswith('"'):
            mapping["columns"][key.strip('"')] = value
        else:
            mapping["controller"][key] = value
    del mapping["sheet"]
    (tmp_path / "mapping.yaml").write_text(yaml.safe_dump(mapping), encoding="utf-8")
    imported = import_register(source, mapping=tmp_path / "mapping.yaml")
    assert list(imported.register.activities) == ["membership", "safeguarding", "newsletter"]
    assert [item.where for item in imported.report.unmapped] == ["club.csv!H3"]


def test_a_field_that_is_not_one_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("header_row: 2\ncolumns:\n  Activity: nmae\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="did you mean name"):
        import_register(club_workbook(tmp_path / "club.xlsx"), mapping=mapping)


def test_a_heading_the_sheet_lacks_is_refused(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "header_row: 2\ncontroller: {name: X, country: IE}\ncolumns:\n  Actvity: name\n", encoding="utf-8"
    )
    with pytest.raises(SpreadsheetError) as raised:
        import_register(club_workbook(tmp_path / "club.xlsx"), mapping=mapping)
    assert [problem.where for problem in raised.value.problems] == ["club.xlsx!Processing!A2"]


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("header_row: two", "mapping.yaml: header_row"),
        ("header_row: 0", "mapping.yaml: header_row"),
        ("sheet: [1]", "mapping.yaml: sheet"),
    ],
)
def test_a_mapping_value_of_the_wrong_kind_is_refused(tmp_path: Path, line: str, where: str) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(f"{line}\ncolumns: {{Activity: name}}\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError) as raised:
        import_register(club_workbook(tmp_path / "club.xlsx"), mapping=mapping)
    assert [problem.where for problem in raised.value.problems] == [where]
