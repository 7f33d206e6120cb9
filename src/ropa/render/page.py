"""The register as one self-contained HTML page: the data map and the record, printable, offline.

The record's facts come from the code that decides the workbook's cells (`workbook_tables.tables`),
in the workbook's words (`workbook_labels`); the map from `page_map`; the page's own words from
`page_labels`. The page is a Jinja2 template with autoescaping on, so every text from the register is
escaped. Its CSS and its one small script are inline, and a Content-Security-Policy forbids every
network request (`default-src 'none'`) and any script but that one (by its hash). See docs/page.md.

The findings are passed in (this module may not import `ropa.checks`): `ropa.render_page` and the CLI
compute them with `ropa.checks.check`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, Final, Protocol

import jinja2
from markupsafe import Markup, escape

from ropa.model import Contact, Register
from ropa.render import page_labels, page_map_parts
from ropa.render import workbook_labels as labels
from ropa.render.dates import written
from ropa.render.markdown import spaced, spacing
from ropa.render.notice_parts import right_codes
from ropa.render.page_map import BOX_HEIGHT, BOX_WIDTH, VERDICT_ORDER, DataMap, data_map
from ropa.render.workbook_tables import CellValue, Table, Words, tables
from ropa.transfers import RegisterTransfer, register_transfers

__all__ = ["Card", "FindingLike", "Row", "page_context", "render_page"]

SEVERITY_ORDER = ("error", "warning", "info")
# The transfers table shows these columns of the workbook's Transfers sheet (the rest: in the workbook).
TRANSFER_COLUMNS = ("activity", "recipient", "destination", "mechanisms", "lawful", "basis", "citation", "tia_required")


class FindingLike(Protocol):
    """What the page shows of a finding of `ropa.checks.check`."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def where(self) -> str: ...
    @property
    def message(self) -> str: ...
    def text(self, lang: str) -> str: ...


@dataclass(frozen=True)
class _Shown:
    """A finding as the page shows it: its message in the page's language."""

    code: str
    where: str
    message: str


@dataclass(frozen=True)
class Row:
    """One fact of a card: its element, its value (None: not in the register) and its point of Art. 30."""

    element: str
    value: str | None
    point: str | None = None


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    rows: tuple[Row, ...]
    caption: str = ""


def _value(value: CellValue, lang: str) -> str | None:
    if isinstance(value, date):
        return written(value, lang)
    return value or None


def _time(day: date, lang: str) -> Markup:
    """`day` as people write it, in a `<time>` whose `datetime` gives it to machines (ISO 8601)."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), written(day, lang))


def _controller_cards(words: Words, table: Table[Any]) -> list[Card]:
    sections: dict[str, list[Row]] = {}
    for section, element, value, point in table.cells():
        sections.setdefault(str(section), []).append(Row(str(element), _value(value, words.lang), str(point)))
    return [Card(f"controller-{index}", title, tuple(rows)) for index, (title, rows) in enumerate(sections.items(), 1)]


def _activity_cards(words: Words, fiches: Table[Any]) -> list[Card]:
    """One card per fiche of the workbook (one per activity, one per activity and client for Art. 30(2))."""
    cells = fiches.cells()
    starts = [0, *fiches.page_breaks, len(cells)]
    seen: dict[str, int] = {}
    cards = []
    for start, end in itertools.pairwise(starts):
        fiche = cells[start:end]
        if not fiche:
            continue
        key = str(fiche[0][0])
        seen[key] = seen.get(key, 0) + 1
        anchor = f"activity-{key}" if seen[key] == 1 else f"activity-{key}-{seen[key]}"
        rows = tuple(Row(str(element), _value(value, words.lang), str(point)) for _, element, value, point in fiche)
        cards.append(Card(anchor, rows[1].value or key, rows))
    return cards


def _recipient_cards(words: Words, table: Table[Any]) -> list[Card]:
    headers = labels.HEADERS[table.sheet]
    cards = []
    for row, cells in zip(table.rows, table.cells(), strict=True):
        facts = tuple(
            Row(
                words.label(headers[column.key][0]),
                _value(value, words.lang),
                words.label(labels.POINTS[headers[column.key][1]]),
            )
            for column, value in zip(table.columns[2:], cells[2:], strict=True)
        )
        cards.append(Card(f"recipient-{row[0]}", str(cells[1]), facts))
    return cards


@dataclass(frozen=True)
class TransferRow:
    id: str
    verdict: str
    cells: tuple[str | None, ...]


def _transfer_rows(words: Words, table: Table[RegisterTransfer]) -> tuple[list[str], list[TransferRow]]:
    headers = labels.HEADERS[table.sheet]
    chosen = [index for index, column in enumerate(table.columns) if column.key in TRANSFER_COLUMNS]
    names = [words.label(headers[table.columns[index].key][0]) for index in chosen]
    rows = [
        TransferRow(
            f"transfer-{item.activity}.{item.recipient}.{item.destination}",
            item.assessment.basis,
            tuple(_value(cells[index], words.lang) for index in chosen),
        )
        for item, cells in zip(table.rows, table.cells(), strict=True)
    ]
    return names, rows


def _findings(words: Words, findings: Iterable[FindingLike]) -> list[tuple[str, str, list[_Shown]]]:
    grouped: dict[str, list[_Shown]] = {severity: [] for severity in SEVERITY_ORDER}
    for finding in findings:
        grouped[str(finding.severity)].append(_Shown(finding.code, finding.where, finding.text(words.lang)))
    return [
        (severity, words.label(page_labels.SEVERITIES[severity]), items) for severity, items in grouped.items() if items
    ]


def _contacts(words: Words) -> list[tuple[str, list[str]]]:
    """Who data subjects turn to, from the register: the controller and its DPO, where recorded."""
    controller = words.register.controller
    lines = words.contact_lines(
        Contact(name=controller.name, address=controller.address, email=controller.email, phone=controller.phone)
    )
    if controller.contact_point:
        lines.append(words.label(page_labels.PAGE["contact_point"]) + controller.contact_point)
    elif controller.web:
        lines.extend(words.contact_lines(Contact(web=controller.web)))
    contacts = [(words.label(page_labels.PAGE["controller_contact"]), lines)]
    if controller.dpo is not None:
        contacts.append((words.label(page_labels.PAGE["dpo"]), words.contact_lines(controller.dpo)))
    return contacts


_RIGHT_ARTICLES: Final = {
    "access": "15",
    "rectification": "16",
    "erasure": "17",
    "restriction": "18",
    "portability": "20",
    "object": "21",
    "object-direct-marketing": "21",
    "withdraw-consent": "7-3",
    "automated-decisions": "22",
}
"""The page's entry (its article) for each right of `notice_parts.right_codes`; the complaint (Art. 77) always."""


def _rights(register: Register, lang: str) -> list[tuple[str, str]]:
    """The rights that apply, decided as for the notice (`notice_parts.right_codes`), in the page's order."""
    applying = {_RIGHT_ARTICLES[code] for code in right_codes(register)} | {"77"}
    return [(f"right-{key}", label[lang]) for key, label in page_labels.RIGHTS if key in applying]


@cache
def _resource(name: str) -> str:
    return files("ropa.render").joinpath("templates", "page", name).read_text(encoding="utf-8")


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.from_string(_resource("page.html.j2"))


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def page_context(register: Register, lang: str, on: date, findings: Sequence[FindingLike]) -> dict[str, Any]:
    """Everything the page template shows, worked out from the register (every string still raw)."""
    if lang not in register.languages:
        raise ValueError(f"the register is not written in {lang!r}: it declares {', '.join(register.languages)}")
    words = Words(register, lang, on, register_transfers(register, on))
    sheets = {table.sheet: table for table in tables(words)}
    page = {key: label[lang] for key, label in page_labels.PAGE.items()}
    transfer_headings, transfer_rows = _transfer_rows(words, sheets["transfers"])
    updated = _time(register.updated, lang) if register.updated else page["undated"]
    script = _resource("page.js")
    the_map: DataMap = data_map(words)
    return {
        "lang": lang,
        "page": page,
        "title": page["title"].format(controller=register.controller.name),
        "subtitle": escape(page["subtitle"]).format(on=_time(on, lang), updated=updated),
        "flows_caption": escape(page["flows_caption_grouped" if the_map.grouped else "flows_caption"]).format(
            on=_time(on, lang)
        ),
        "map_grouped": page["map_grouped"].format(
            activities=len(register.activities), recipients=len(register.recipients)
        ),
        "map_table": page["map_table"].format(
            categories=the_map.counts[0], places=the_map.counts[1], most=page_map_parts.MAP_ROWS
        ),
        "footer": page["footer"],
        "style": _resource("page.css"),
        "script": script,
        "script_hash": _script_hash(script),
        "map": the_map,
        "box": {"width": BOX_WIDTH, "height": BOX_HEIGHT},
        "verdicts": [(key, page_labels.VERDICTS[key][lang]) for key in VERDICT_ORDER],
        "verdict_names": {key: label[lang] for key, label in page_labels.VERDICTS.items()},
        "controller": _controller_cards(words, sheets["controller"]),
        "activities": _activity_cards(words, sheets["fiches"]),
        "recipients": _recipient_cards(words, sheets["recipients"]),
        "transfer_headings": transfer_headings,
        "transfers": transfer_rows,
        "findings": _findings(words, findings),
        "contacts": _contacts(words),
        "rights": _rights(register, lang),
        "sheet_titles": {key: label[lang] for key, label in labels.SHEET_TITLES.items()},
    }


def render_page(register: Register, lang: str, on: date, findings: Sequence[FindingLike] = ()) -> str:
    """The page of `register` in `lang`, with transfers judged on `on` and the given findings listed."""
    return _typeset(_template().render(page_context(register, lang, on, findings)), lang)


_TAG = re.compile(r"(<[^>]*>)")
_RAW_TEXT = re.compile(r"<(style|script)\b", re.IGNORECASE)


def _typeset(document: str, lang: str) -> str:
    """The page's text with the spaces `lang`'s catalogue puts before `: ; ? !` and inside « » (French), and
    nothing else changed: never a tag, an attribute, the style or the script (`ropa.render.markdown.spaced`)."""
    spaces = spacing(lang)
    if not any(spaces):
        return document
    parts = _TAG.split(document)
    inside: str | None = None  # the raw-text element (style, script) the text is in
    for index, part in enumerate(parts):
        if index % 2:
            opened = _RAW_TEXT.match(part)
            if opened:
                inside = opened.group(1).lower()
            elif inside and part.lower() == f"</{inside}>":
                inside = None
        elif part and inside is None:
            parts[index] = html.escape(spaced(html.unescape(part), *spaces), quote=False)
    return "".join(parts)
