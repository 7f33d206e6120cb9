"""Dates as people write them, in the page and the workbook (issue 22): "7 decembrie 2026", never 2026-12-07,
wherever a person reads; ISO 8601 only where a machine reads (the Register data sheet, `<time datetime>`)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import pytest

import ropa
from ropa.law import wording
from ropa.render import workbook_labels as labels
from ropa.render.dates import spreadsheet_format, written
from ropa.render.page import render_page
from ropa.render.workbook import build_workbook
from ropa.words import languages
from tests.conftest import EXAMPLES

DAY = date(2026, 12, 7)
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
IN_WORDS = {"ro": "7 decembrie 2026", "en": "7 December 2026"}
CASES = [("clinic", "ro"), ("clinic", "en"), ("onedu", "ro"), ("onedu", "en"), ("us-company", "en")]


class Reading(HTMLParser):
    """The text a person reads on the page (not the script, the style, nor any attribute), and every
    `datetime` attribute."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.machine: list[str] = []
        self._hidden = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")
        self.machine += [value or "" for name, value in attrs if name == "datetime"]

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def test_written_in_each_language_and_iso_for_a_language_babel_does_not_know() -> None:
    assert written(DAY, "ro") == "7 decembrie 2026"
    assert written(DAY, "en") == "7 December 2026"
    assert written(date(2025, 3, 1), "ro") == "1 martie 2025"
    assert written(DAY, "qq") == "2026-12-07"


def test_a_date_cell_names_the_language_its_month_is_written_in() -> None:
    assert spreadsheet_format("ro") == "[$-418]d mmmm yyyy"
    assert spreadsheet_format("en") == "[$-809]d mmmm yyyy"
    assert spreadsheet_format("qq") == "d mmmm yyyy"  # day, month, year; the month in the reader's language


@pytest.mark.parametrize(("example", "lang"), CASES)
def test_the_page_writes_its_dates_in_words_and_gives_machines_iso(example: str, lang: str) -> None:
    register = ropa.load(EXAMPLES / example / "register.yaml")
    page = Reading(render_page(register, lang, DAY))
    text = " ".join(page.text)
    assert ISO.findall(text) == []
    assert IN_WORDS[lang] in text
    assert "2026-12-07" in page.machine  # the as-of date in <time datetime=…>
    if register.updated is not None:
        assert written(register.updated, lang) in text
        assert register.updated.isoformat() in page.machine


@pytest.mark.parametrize(("example", "lang"), CASES)
def test_the_workbook_writes_its_dates_in_words_and_keeps_them_dates(example: str, lang: str) -> None:
    register = ropa.load(EXAMPLES / example / "register.yaml")
    book = build_workbook(register, lang=lang, on=DAY)
    data = labels.SHEET_NAMES["data"][lang]
    texts: list[str] = []
    formats: set[str] = set()
    dates = 0
    for sheet in book.worksheets:
        if sheet.title == data:
            continue
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                elif isinstance(cell.value, datetime):
                    dates += 1
                    formats.add(cell.number_format)
        assert ISO.findall(sheet.oddFooter.left.text or "") == []
    assert [text for text in texts if ISO.search(text)] == []
    assert any(IN_WORDS[lang] in text for text in texts)  # the sheets' subtitles: "as of 7 decembrie 2026"
    assert dates > 0
    assert formats == {spreadsheet_format(lang)}  # real dates, shown as "7 decembrie 2026"


def test_the_register_data_sheet_keeps_iso_for_the_importer() -> None:
    register = ropa.load(EXAMPLES / "clinic" / "register.yaml")
    book = build_workbook(register, lang="ro", on=DAY)
    values = [str(cell.value) for row in book[labels.SHEET_NAMES["data"]["ro"]].iter_rows() for cell in row]
    assert register.updated is not None
    assert register.updated.isoformat() in values


@pytest.mark.parametrize("lang", languages())
def test_babel_and_the_catalogue_write_a_date_alike(lang: str) -> None:
    # The notice, page and workbook (Babel) and the verdicts and findings (the catalogue) write one date one way.
    days = [date(2026, 1, 1) + timedelta(days=offset) for offset in range(0, 366, 7)]
    assert [written(day, lang) for day in days] == [wording.day(day, lang) for day in days]
