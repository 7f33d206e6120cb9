"""The Romanian outputs of the ONedu register, built and read back: the official words, one name for the DPF.

Art. 13(1)(c) says "temeiul juridic" (never "temeiul legal"); the EU-U.S. Data Privacy Framework has one
Romanian name everywhere, "Cadrul UE-SUA privind confidențialitatea datelor" (the European Parliament's
Romanian text, see facts.yaml). The workbook is read back cell by cell with openpyxl, the policy is rendered,
and `ropa diff` is run as a user runs it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from ropa import write_workbook
from ropa.io import load
from ropa.render.policy import render_policy
from tests.conftest import ONEDU
from tests.helpers import run_ropa

ON = date(2026, 11, 25)
DPF_RO = "Cadrul UE-SUA privind confidențialitatea datelor"

# Every way the framework has been or could be named; an output may use only DPF_RO.
DPF_FORMS = re.compile(
    r"Data Privacy Framework|\bDPF\b|[Cc]adrul(?:ui)? (?:UE|EU)[-–](?:SUA|US|U\.S\.) privind \w+ datelor"
    r"|Cadru(?:l|lui)? (?:UE|EU)[-–]SUA|Cadrul pentru Confidențialitatea Datelor"
)


def workbook_text(path: Path) -> str:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        cells = (
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
        return "\n".join(cells)
    finally:
        workbook.close()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("romanian")
    register = load(ONEDU)
    workbook = folder / "onedu-ro.xlsx"
    write_workbook(register, workbook, lang="ro", on=ON)
    # An earlier version in which Mailchimp was not yet on the DPF List: its verdict changes in the diff.
    text = ONEDU.read_text(encoding="utf-8")
    certified = "dpf_certified: true  # covered entity under Intuit's DPF program"
    assert certified in text
    old = folder / "old.yaml"
    old.write_text(text.replace(certified, "dpf_certified: false"), encoding="utf-8")
    diff = run_ropa("diff", old, ONEDU, "--on", ON.isoformat(), "--lang", "ro")
    assert diff.returncode == 0, diff.stderr
    earlier = ONEDU.parent / "history" / "register.earlier.yaml"
    history = run_ropa("diff", earlier, ONEDU, "--on", ON.isoformat(), "--lang", "ro")
    assert history.returncode == 0, history.stderr
    return {
        "workbook": workbook_text(workbook),
        "policy": render_policy(register, "ro"),
        "diff": diff.stdout,
        "history": history.stdout,
    }


@pytest.mark.parametrize("name", ["workbook", "policy", "diff", "history"])
def test_no_temeiul_legal(outputs: dict[str, str], name: str) -> None:
    assert "temeiul legal" not in outputs[name].lower()


def test_the_workbook_says_temeiul_juridic(outputs: dict[str, str]) -> None:
    assert "temeiul juridic" in outputs["workbook"]


@pytest.mark.parametrize("name", ["workbook", "policy", "diff", "history"])
def test_one_romanian_name_for_the_data_privacy_framework(outputs: dict[str, str], name: str) -> None:
    forms = set(DPF_FORMS.findall(outputs[name]))
    assert forms == {DPF_RO}, forms


def test_the_diff_shows_a_dpf_verdict(outputs: dict[str, str]) -> None:
    assert "Mailchimp" in outputs["diff"]
    assert f"Decizia de punere în aplicare (UE) 2023/1795 ({DPF_RO})" in outputs["diff"]


def test_the_forms_are_recognised() -> None:
    # The pattern must find each earlier form, or the tests above could not fail.
    for form in (
        "EU-U.S. Data Privacy Framework",
        "certificat în cadrul DPF",
        "Cadrul UE-SUA privind protecția datelor",
        "cadrului UE-SUA privind confidențialitatea datelor",
        DPF_RO,
    ):
        assert DPF_FORMS.search(form), form
