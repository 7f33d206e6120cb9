"""`ropa transfers` in Romanian and English: the JSON and text reports in the language asked."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from ropa.io import load
from ropa.render.dates import written
from ropa.render.transfers import transfers_to_json, transfers_to_text
from ropa.transfers import RegisterTransfer, register_transfers
from ropa.words import languages
from tests.conftest import ONEDU
from tests.helpers import unused_language

DAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def found() -> list[RegisterTransfer]:
    transfers = register_transfers(load(ONEDU), DAY)
    assert len(transfers) >= 20
    return transfers


def test_english_is_the_default(found: list[RegisterTransfer]) -> None:
    assert transfers_to_json(found) == transfers_to_json(found, lang="en")
    assert transfers_to_text(found) == transfers_to_text(found, lang="en")
    assert transfers_to_text([]) == transfers_to_text([], lang="en") == "No transfers outside the EEA.\n"


@pytest.mark.parametrize("lang", [unused_language(), "", "RO"])
def test_a_language_ropa_does_not_speak_is_an_error_not_english(found: list[RegisterTransfer], lang: str) -> None:
    # Issue 24: an unknown language is an error naming the argument, never English given silently.
    with pytest.raises(ValueError, match=r"^lang: .* is not a language ropa writes"):
        transfers_to_json(found, lang=lang)
    with pytest.raises(ValueError, match=r"^lang: .* is not a language ropa writes"):
        transfers_to_text(found, lang=lang)


def test_json_in_romanian_changes_only_the_citation_and_the_reasons(found: list[RegisterTransfer]) -> None:
    english = json.loads(transfers_to_json(found))
    romanian = json.loads(transfers_to_json(found, lang="ro"))
    assert [list(item) for item in romanian] == [list(item) for item in english]
    for en, ro, transfer in zip(english, romanian, found, strict=True):
        assert {key: value for key, value in ro.items() if key not in ("citation", "reasons")} == {
            key: value for key, value in en.items() if key not in ("citation", "reasons")
        }
        assert ro["citation"] == transfer.assessment.citation_in("ro") != en["citation"]
        assert ro["reasons"] == list(transfer.assessment.reasons_in("ro"))
        assert len(ro["reasons"]) == len(en["reasons"])
    dpf = next(item for item in romanian if item["basis"] == "adequacy")
    assert dpf["citation"].startswith("art. 45 alin. (3) din RGPD; Decizia de punere în aplicare (UE) 2023/1795")


def test_json_in_romanian_keeps_the_diacritics_readable(found: list[RegisterTransfer]) -> None:
    text = transfers_to_json(found, lang="ro")
    assert "Spațiului Economic European" in text
    assert "\\u" not in text


def test_text_in_romanian(found: list[RegisterTransfer]) -> None:
    text = transfers_to_text(found, lang="ro")
    lines = text.splitlines()
    assert lines[0] == "Transferuri în afara SEE la data de 25 noiembrie 2026"
    header = lines[2]
    assert header.split() == ["ACTIVITATE", "EXPORTATOR", "DESTINATAR", "CĂTRE", "VERDICT", "TEMEI", "TIA", "TRIMITERE"]
    rows = [line for line in lines if line and not line.startswith(" ") and line not in (lines[0], header)][:-1]
    assert len(rows) == len(found)
    for column in ("DESTINATAR", "CĂTRE", "VERDICT", "TEMEI", "TIA", "TRIMITERE"):
        start = header.index(column)
        assert all(row[start - 2 : start] == "  " and row[start] != " " for row in rows), column
    assert all(" LEGAL " in row for row in rows)
    assert "necesară" in text
    assert "    - Statele Unite se află în afara Spațiului Economic European (SEE)" in text
    assert all(len(line) <= 100 for line in lines if line.startswith("    "))
    assert lines[-1] == (
        "25 de transferuri în afara SEE — legale: 25, nelegale: 0; necesită evaluarea impactului transferului (TIA): 10."
    )
    assert "Art. " not in text
    assert "GDPR" not in text


def test_text_in_romanian_of_one_unlawful_transfer(found: list[RegisterTransfer]) -> None:
    from ropa.transfers import assess

    unlawful = RegisterTransfer("donations", "mailer", "US", (), False, assess("US", DAY))
    text = transfers_to_text([unlawful], lang="ro")
    assert "NELEGAL" in text
    assert text.endswith(
        "1 transfer în afara SEE — legale: 0, nelegale: 1; necesită evaluarea impactului transferului (TIA): 0.\n"
    )
    assert transfers_to_text([], lang="ro") == "Niciun transfer în afara SEE.\n"


@pytest.mark.parametrize("lang", languages())
def test_the_table_gives_bases_in_words_and_dates_as_people_write_them(
    found: list[RegisterTransfer], lang: str
) -> None:
    # Issue 23: a basis is a word of the language, never the engine's identifier; a date is written in words.
    table = transfers_to_text(found, lang=lang)
    title = table.splitlines()[0]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", title), title
    assert written(DAY, lang) in title
    rows = [line for line in table.splitlines()[3:] if line and not line.startswith(" ")]
    assert rows
    identifiers = {"intra-eea", "adequacy", "safeguards", "derogation", "none"}
    for row in rows:
        cells = re.split(r"\s{2,}", row)  # the columns are separated by two spaces or more
        assert not identifiers & set(cells), row
