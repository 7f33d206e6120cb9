"""The words of the HTML page (data map and record): tables read from the catalogues (`ropa.words`).

The words of the record's cells are the workbook's (`ropa.render.workbook_labels`); these tables hold
only what the page adds: its headings, the map's legend and notes (catalogue contexts `page`, `page.*`).
"""

from __future__ import annotations

from typing import Final

from ropa.render.workbook_labels import Label
from ropa.words import table

__all__ = ["PAGE", "RIGHTS", "SEVERITIES", "UNKNOWN_PLACES", "VERDICTS"]

PAGE: Final[dict[str, Label]] = table("page")
VERDICTS: Final[dict[str, Label]] = table("page.verdicts")
UNKNOWN_PLACES: Final[Label] = table("page.unknown_places")["name"]
SEVERITIES: Final[dict[str, Label]] = table("page.severities")

RIGHTS: Final[tuple[tuple[str, Label], ...]] = tuple(table("page.rights").items())
"""The data subject's rights the notice must mention (Art. 13(2)(b)-(d), 14(2)(c)-(e)), in order; Romanian
gives the official article titles (reference/notice.md §3.1, from the EUR-Lex Romanian table of contents)."""
