"""A worksheet's rows as SpreadsheetML, written straight to a file, exactly as openpyxl writes them.

openpyxl's write-only worksheets turn every cell into an element object and serialise it in pure
Python; at ten thousand activities that is most of the workbook's time. ropa writes the rows of its
sheets itself, as text, in the form openpyxl gives them (`tests/render/test_workbook_rows.py` compares
the two cell by cell), and lets openpyxl write everything around them: the views, the columns, the
print setup, the styles and the rest of the package. `ropa.render.workbook` puts the two together.

A row holds bare texts, already made safe by `cell_text` and never taken for a formula (an inline
string in the default format), and openpyxl cells for everything styled (titles, headings, dates,
texts a spreadsheet would take for a formula).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import IO, Final

from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

__all__ = ["SheetRows", "text_xml"]

_PRESERVE: Final = ' xml:space="preserve"'


def text_xml(text: str) -> str:
    """`text` as the content of an XML element: `&`, `<` and `>` escaped (quotes need no escape there)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _text_cell(coordinate: str, style: str, text: str) -> str:
    if not text:
        return f'<c r="{coordinate}"{style} t="inlineStr" />'
    # openpyxl keeps a text's outer spaces (xml:space) when it has any, unless it is only spaces.
    stripped = text.strip()
    space = _PRESERVE if stripped and stripped != text else ""
    return f'<c r="{coordinate}"{style} t="inlineStr"><is><t{space}>{text_xml(text)}</t></is></c>'


class SheetRows:
    """The `<row>` elements of one worksheet, appended in order to a text file."""

    def __init__(self, file: IO[str], columns: int) -> None:
        self._file = file
        self._letters = [get_column_letter(index) for index in range(1, columns + 1)]

    def append(self, index: int, cells: Sequence[str | Cell], attributes: Mapping[str, str] | None = None) -> None:
        """Row `index`: each item a bare text, or an openpyxl cell when it carries a style or is not a text."""
        extra = "".join(f' {name}="{value}"' for name, value in attributes.items()) if attributes else ""
        if len(cells) > len(self._letters):
            raise ValueError(f"row {index} has {len(cells)} cells, the sheet {len(self._letters)} columns")
        parts = [f'<row r="{index}"{extra}>']
        for letter, cell in zip(self._letters, cells, strict=False):
            if isinstance(cell, str):
                parts.append(_text_cell(f"{letter}{index}", "", cell))
            else:
                parts.append(_cell_xml(f"{letter}{index}", cell))
        parts.append("</row>")
        self._file.write("".join(parts))


def _cell_xml(coordinate: str, cell: Cell) -> str:
    """A styled (or not textual) cell, as openpyxl's own writer gives it; nothing for an empty plain cell."""
    value = cell._value
    styled = cell.has_style
    if value is None and not styled:
        return ""  # openpyxl writes no element for it
    style = f' s="{cell.style_id}"' if styled else ""
    if value is None:
        return f'<c r="{coordinate}"{style} t="{cell.data_type}" />'
    if cell.data_type == "s" and isinstance(value, str):
        return _text_cell(coordinate, style, value)
    if cell.data_type == "d" and isinstance(value, date):
        number = safe_string(to_excel(value, cell.parent.parent.epoch))
        return f'<c r="{coordinate}"{style} t="n"><v>{number}</v></c>'
    raise TypeError(f"a workbook cell holds a text or a date, not {type(value).__name__} ({cell.data_type!r})")
