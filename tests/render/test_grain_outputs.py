"""Who gets what (issue 21), in the workbook (read back with python-calamine, an independent reader), the page's
map data, the sub-processor list and the transfers; and internal notes reach no published file."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from python_calamine import CalamineWorkbook

from ropa.law.register_transfers import Exporter
from ropa.render.page_map import data_map
from ropa.render.subprocessors import render_subprocessors
from ropa.render.workbook import workbook_bytes
from ropa.render.workbook_tables import Words
from ropa.transfers import register_transfers
from tests.conftest import EXAMPLES
from tests.grain_register import DAY, GRAIN, grain
from tests.helpers import run_ropa, write


def sheet(tmp_path: Path, name: str, lang: str = "en") -> list[dict[str, Any]]:
    """The rows of a sheet as {header's first line: cell}, read by python-calamine."""
    path = tmp_path / f"record.{lang}.xlsx"
    path.write_bytes(workbook_bytes(grain(), lang=lang, on=DAY))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    header = next(index for index, row in enumerate(rows) if str(row[0]).startswith("ID\n"))
    names = [str(cell).split("\n")[0] for cell in rows[header]]
    return [dict(zip(names, row, strict=True)) for row in rows[header + 1 :]]


def test_the_workbooks_activity_row_says_who_gets_what(tmp_path: Path) -> None:
    school = next(row for row in sheet(tmp_path, "Activities Art. 30(1)") if row["ID"] == "school")
    assert school["Categories of data subjects"].split("\n") == [
        "pupils (includes children): identity data, health form, allergies",
        "parents: identity data, contact details",
    ]
    assert school["Recipients, including recipients in third countries or international organisations"].split("\n") == [
        "Cloud Host — Ireland",
        "Trip Insurer — Romania: receives identity data; for school trips",
    ]
    assert school["Source of the personal data"].split("\n") == [
        "from the parents",
        "health form: from the family doctor",
    ]
    assert "(laid down by Education Law 198/2023)" in school["Lawful basis of the processing"]


def test_the_workbooks_recipient_sheet_shows_only_what_each_receives(tmp_path: Path) -> None:
    rows = {row["ID"]: row for row in sheet(tmp_path, "Recipients")}
    activities = "Processing activities in which it receives data"
    column = next(name for name in rows["insurer"] if name.startswith("Processing activities") or name == activities)
    assert rows["insurer"][column] == "Schooling: receives identity data; for school trips"
    assert rows["cloud-host"][column].split("\n") == ["Schooling", "Hosting for other schools"]
    assert rows["cloud-host"]["Recipient"] == "Cloud Host"
    assert rows["cloud-host"]["Legal entity"] == "group: Example Group"
    assert rows["mail-relay"]["Role of the recipient"] == "sub-processor (Art. 28(4)); engaged by Cloud Host"


def test_the_workbook_in_romanian_too(tmp_path: Path) -> None:
    rows = {row["ID"]: row for row in sheet(tmp_path, "Destinatari", "ro")}
    assert any(
        cell == "Școlarizarea: primește date de identificare; în scopul excursii școlare"
        for cell in rows["insurer"].values()
    )


def test_the_maps_links_carry_only_the_data_that_travel_on_them() -> None:
    register = grain()
    found = data_map(Words(register, "en", DAY, register_transfers(register, DAY)))
    insurer = next(link for link in found.links if link.kind == "disclosure" and link.target == "insurer")
    cloud = next(
        link
        for link in found.links
        if link.kind == "disclosure" and (link.source, link.target) == ("school", "cloud-host")
    )
    assert "Data: identity data" in insurer.details
    assert "Purposes: school trips" in insurer.details
    assert "Data: identity data, contact details, health form, allergies" in cloud.details
    rows = [flow.cells for flow in found.flows if flow.cells[1] == "Trip Insurer"]
    assert rows
    assert all(cells[3] == "identity data" for cells in rows)


def test_a_sub_processor_follows_its_processor_and_is_exported_to_by_it(tmp_path: Path) -> None:
    register = grain()
    listed = render_subprocessors(register, "en", on=DAY)
    assert listed is not None
    text = listed.text
    assert text.index("## Cloud Host") < text.index("## Mail Relay")
    assert "- Engaged by: Cloud Host (a sub-processor)" in text.split("## Mail Relay")[1]
    ro = render_subprocessors(register, "ro", on=DAY)
    assert ro is not None
    assert "- Recrutată de: Cloud Host" in ro.text
    to_relay = [t for t in register_transfers(register, DAY) if t.recipient == "mail-relay"]
    # both the controller and the processor activity send data to Cloud Host, which passes them on
    assert {t.activity for t in to_relay} == {"school", "hosting"}
    for transfer in to_relay:
        assert (transfer.via, transfer.exporter, transfer.scc_module) == ("cloud-host", Exporter.PROCESSOR, 3)
    path = tmp_path / "record.en.xlsx"
    path.write_bytes(workbook_bytes(register, lang="en", on=DAY))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Transfers").to_python()
    relayed = [row for row in rows if "Mail Relay" in row]
    assert len(relayed) == 2
    assert all("Cloud Host, as processor" in row for row in relayed)


NOTE = "internal-note-xq7"


def _with_notes(data: dict[str, Any]) -> None:
    for collection in ("activities", "purposes", "recipients"):
        for entry in (data.get(collection) or {}).values():
            entry["notes"] = NOTE
    for activity in (data.get("activities") or {}).values():
        for rule in activity.get("retention") or []:
            rule["notes"] = NOTE


def _published_text(folder: Path) -> str:
    texts: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                texts.extend(book.read(name).decode("utf-8") for name in book.namelist())
        elif path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if (p / "register.yaml").is_file()))
def test_an_internal_note_reaches_no_published_file(example: str, tmp_path: Path) -> None:
    folder = tmp_path / example
    shutil.copytree(EXAMPLES / example, folder)
    data = yaml.safe_load((folder / "register.yaml").read_text(encoding="utf-8"))
    _with_notes(data)
    (folder / "register.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = run_ropa("build", folder / "register.yaml", "-o", tmp_path / "out", "--on", DAY.isoformat())
    assert done.returncode == 0, done.stderr
    published = _published_text(tmp_path / "out")
    assert "Art. 30" in published  # the outputs were read
    assert NOTE not in published


def test_the_grain_registers_notes_reach_no_published_file(tmp_path: Path) -> None:
    path = write(tmp_path, "register.yaml", GRAIN.replace("exact provision to be confirmed", NOTE))
    done = run_ropa("build", path, "-o", tmp_path / "out", "--on", DAY.isoformat())
    assert done.returncode == 0, done.stderr
    published = _published_text(tmp_path / "out")
    assert "Trip Insurer" in published
    assert NOTE not in published
    assert "to be confirmed" not in published
