"""Dates as people write them in each language, through Babel's locale data.

Every date meant for reading (the notice, the page, the workbook's sentences and date cells) is written
here; ISO 8601 stays only where a machine reads the date (the workbook's Register data sheet, JSON,
feeds, iCalendar, the `datetime` attribute of the page's `<time>`).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from babel.core import UnknownLocaleError
from babel.dates import format_date

__all__ = ["spreadsheet_format", "written"]


def written(day: date, lang: str) -> str:
    """`day` as people write it in `lang` (`7 December 2026`, `7 decembrie 2026`), through Babel's locale data;
    ISO 8601 for a language Babel has no data for (a language pack's own, docs/languages.md)."""
    try:
        return format_date(day, format="d MMMM y", locale=lang)
    except UnknownLocaleError:
        return day.isoformat()


_WINDOWS_LOCALES: Final = {"en": 0x0809, "fr": 0x040C, "ro": 0x0418}
"""The locale identifiers of [MS-LCID] a spreadsheet's number format names its month names by."""


def spreadsheet_format(lang: str) -> str:
    """The number format of a date cell written as people write it in `lang` (`[$-418]d mmmm yyyy`: 7 decembrie
    2026 in any spreadsheet program); for a language without a known locale identifier, day, month and year
    with the month in the reader's own language. The cell stays a real date, which ropa's importer reads."""
    locale = _WINDOWS_LOCALES.get(lang)
    return "d mmmm yyyy" if locale is None else f"[$-{locale:X}]d mmmm yyyy"
