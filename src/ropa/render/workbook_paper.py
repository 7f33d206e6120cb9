"""The Article 30 workbook on paper: which columns print together, so that the text stays readable.

A sheet prints one page wide at a scale chosen by the spreadsheet (`fitToWidth` 1). A table wider than
a page would shrink until its text is unreadable, so a wide table is printed in groups of columns:
each group is one print range, scaled to the page width on its own, with the sheet's identifying
columns and its header row repeated on every page (print titles). Pure: no openpyxl here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

__all__ = ["BODY_FONT_SIZE", "MIN_PRINTED_SIZE", "column_groups", "printable_width"]

BODY_FONT_SIZE: Final = 10.0
"""The size of the text of cells, in points."""
MIN_PRINTED_SIZE: Final = 7.0
"""The smallest size the body text may print at, in points."""
SCALE_MARGIN: Final = 1.08
"""Headroom over the smallest scale: spreadsheets round widths and scales their own way."""
POINTS_PER_WIDTH: Final = 5.65
"""Points of paper one unit of column width takes at 100 % (the width of a "0" plus padding),
as LibreOffice prints the workbook's Arial 10 (measured from its PDF)."""
SIDE_MARGIN: Final = 0.4
"""Left and right page margins, in inches."""
PAPER_POINTS: Final = {"A4": (841.89, 595.28), "A3": (1190.55, 841.89)}
"""Landscape width and height of each paper size, in points."""


def printable_width(paper: str) -> float:
    """The width of a landscape page of `paper` between its margins, in units of column width at the smallest scale."""
    points = PAPER_POINTS[paper][0] - 2 * 72 * SIDE_MARGIN
    smallest_scale = MIN_PRINTED_SIZE / BODY_FONT_SIZE * SCALE_MARGIN
    return points / (smallest_scale * POINTS_PER_WIDTH)


def column_groups(widths: Sequence[float], repeated: int, paper: str) -> list[range]:
    """The columns (0-based) each printed page group holds, left to right; one group when the table fits.

    The first `repeated` columns are printed again at the left of every later group, so they count
    against every group's width. A column wider than a whole page still gets a group of its own.
    """
    budget = printable_width(paper)
    fixed = sum(widths[:repeated])
    groups: list[range] = []
    start, used = 0, 0.0
    for index, width in enumerate(widths):
        room = budget if start == 0 else budget - fixed
        if index > start and used + width > room:
            groups.append(range(start, index))
            start, used = index, 0.0
        used += width
    groups.append(range(start, len(widths)))
    return groups
