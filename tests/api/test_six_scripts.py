"""The six scripts of docs/api.md ("Using ropa from Python"), as another tool would write them: public names only."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

from hypothesis import given

import ropa

ONEDU = Path(__file__).parents[2] / "examples" / "onedu" / "register.yaml"
ON = date(2026, 11, 25)


def test_list_transfers_outside_the_eea_with_verdicts() -> None:
    register = ropa.load(ONEDU)
    rows = [
        (t.activity, t.recipient, t.destination, t.assessment.basis, t.assessment.citation_in("ro"))
        for t in ropa.register_transfers(register, ON)
    ]
    assert rows, "ONedu transfers data outside the EEA"
    assert all(destination not in ("RO", "IE", "DE") for _, _, destination, _, _ in rows)
    google = [row for row in rows if row[1] == "google-workspace" and row[2] == "US"]
    assert google
    assert all(row[3] == "adequacy" for row in google)
    assert all(row[4] for row in rows)  # every verdict cites the law, in Romanian too


def test_which_activities_send_what_to_google() -> None:
    register = ropa.load(ONEDU)
    google = {key for key, recipient in register.recipients.items() if "Google" in recipient.name}
    sent = {
        key: sorted(activity.data_categories)
        for key, activity in register.activities.items()
        if google & set(activity.recipients)
    }
    assert {"google-workspace", "google-ads"} <= google
    assert sent
    assert all(categories for categories in sent.values())
    assert "online-advertising" in sent


def test_add_an_activity_in_code_and_save(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    shutil.copy(ONEDU, path)
    before = path.read_text(encoding="utf-8")
    file = ropa.edit(path)
    mentoring = ropa.Activity(
        name=ropa.Text.of(ro="Mentorat", en="Mentoring"),
        purposes=list(file.register.activities["volunteers"].purposes),
        data_subjects=list(file.register.activities["volunteers"].data_subjects),
    )
    file.add("activities", "mentoring", mentoring)
    file.save()
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before.split("\nactivities:\n")[0])  # all that comes before is as it was
    assert ropa.load(path).activities["mentoring"] == mentoring
    assert after.count("#") == before.count("#")  # not one comment lost


def test_render_notice_and_workbook_in_memory_for_a_web_service() -> None:
    register = ropa.load(ONEDU)
    sections = ropa.render_notice(register, "ro", on=ON)
    workbook = ropa.render_workbook(register, "ro", on=ON)
    assert sections
    assert all(section.text.startswith("---\ntitle: ") for section in sections)
    assert zipfile.ZipFile(io.BytesIO(workbook)).testzip() is None
    assert workbook == ropa.render_workbook(register, "ro", on=ON)  # same register and date, same bytes
    stream = io.BytesIO()
    ropa.write_workbook(register, stream, "ro", on=ON)
    assert stream.getvalue() == workbook


def test_findings_to_json_for_another_tool() -> None:
    register = ropa.load(ONEDU)
    report = json.loads(ropa.findings_to_json(ropa.check(register, on=ON, ignore=["I9"])))
    assert report
    assert not any(item["code"].startswith("I9") for item in report)
    first = report[0]
    assert set(first) == {"code", "severity", "file", "line", "column", "path", "key", "params", "message"}
    assert first["file"] == str(ONEDU)
    assert first["line"] > 1
    assert first["column"] >= 1


@given(ropa.strategies.registers())
def test_property_test_with_ropas_strategies(register: ropa.Register) -> None:
    for transfer in ropa.register_transfers(register, ON):
        assert transfer.assessment.on == ON
        assert transfer.assessment.basis != "intra-eea"
