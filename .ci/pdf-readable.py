"""Measure a workbook's PDF, as LibreOffice printed it: body text >= 7 pt, no column cut off.

    python .ci/pdf-readable.py BOOK.xlsx BOOK.pdf [--min-size 7]

Each page is matched to its sheet by the sheet name LibreOffice prints in the page header (`&A`).
A page fails when any character of its body (below the page header, above the footer) is smaller
than --min-size points. A sheet fails when it is not printed, or when one of its column headings is
not on the paper (fewer than 80 % of its words appear within the edges of its pages: a column cut
off; a narrow column may break a long word, hence not all). Prints one line per sheet;
exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import openpyxl
import pdfplumber

HEADER_ROW = 4


def _headings(book: Path) -> dict[str, list[str]]:
    workbook = openpyxl.load_workbook(book, read_only=True)
    try:
        return {
            sheet.title: [
                str(cell.value or "") for cell in next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW))
            ]
            for sheet in workbook.worksheets
        }
    finally:
        workbook.close()


def _printed(label: str, words: set[str]) -> bool:
    """Whether a column heading is on the paper: nearly all its words (a narrow column may break one)."""
    tokens = _tokens(label)
    return sum(token in words for token in tokens) >= 0.8 * len(tokens)


def _tokens(text: str) -> list[str]:
    """The words of a text without punctuation: a line may break after a hyphen or a slash."""
    return re.findall(r"\w+", text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("book", type=Path)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--min-size", type=float, default=7.0)
    arguments = parser.parse_args()
    headings = _headings(arguments.book)
    words: dict[str, set[str]] = defaultdict(set)
    smallest: dict[str, float] = {}
    pages: dict[str, int] = defaultdict(int)
    failures: list[str] = []
    blank: list[int] = []
    with pdfplumber.open(arguments.pdf) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            if not page.chars and not page.rects and not page.images:
                # LibreOffice sometimes ends a sheet with a wholly empty page (no header, no footer, nothing
                # drawn): nothing on it to read, so it is counted apart rather than as a page of a sheet.
                blank.append(number)
                continue
            page_words = page.extract_words(x_tolerance=1.5)  # the words of two cells side by side stay apart
            top = [word for word in page_words if word["bottom"] < 50]
            header = " ".join(
                word["text"] for word in sorted(top, key=lambda word: word["x0"]) if word["x0"] > page.width / 2
            )
            sheet = next((title for title in headings if header.endswith(title)), None)
            if sheet is None:
                failures.append(f"page {number}: no sheet name in its header ({header!r})")
                continue
            pages[sheet] += 1
            body = [
                char
                for char in page.chars
                if char["text"].strip() and char["top"] >= 50 and char["bottom"] <= page.height - 40
            ]
            if body:
                size = min(char["size"] for char in body)
                smallest[sheet] = min(size, smallest.get(sheet, size))
                if size < arguments.min_size - 0.05:
                    failures.append(
                        f"page {number} ({sheet}): body text at {size:.1f} pt, under {arguments.min_size} pt"
                    )
            # Only what lies on the paper counts: LibreOffice keeps clipped text in the PDF.
            on_paper = (word["text"] for word in page_words if word["x0"] >= 0 and word["x1"] <= page.width)
            words[sheet].update(token for text in on_paper for token in _tokens(text))
    for sheet, columns in headings.items():
        missing = [heading.split("\n")[0] for heading in columns if not _printed(heading.split("\n")[0], words[sheet])]
        if not pages[sheet]:
            failures.append(f"{sheet}: not printed")
        elif missing:
            failures.append(f"{sheet}: columns cut off: {missing}")
        size = smallest.get(sheet)
        print(f"  {sheet}: {pages[sheet]} pages, {len(columns)} columns, smallest body text {size or 0:.1f} pt")
    if blank:
        print(f"  wholly empty pages (nothing printed on them): {', '.join(map(str, blank))}")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
