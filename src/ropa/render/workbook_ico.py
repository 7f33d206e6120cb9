"""The register in the layout of the UK ICO's "Documentation template for controllers" (.xlsx).

Sheet `Template`: the contact block (rows 1-6: the organisation, its DPO, its representative, each with
name, address, email and telephone), the 30 headings in row 9, one row per activity of the organisation's
own (Art. 30(1)) from row 10 (`reference/law.md` §2.1). The headings are the ICO's own, verbatim and in
English whatever the register's language, so that a reader trained on the template recognises them;
the cells are in the language asked for. Columns ropa has nothing for stay empty. The same register,
language and date give the same bytes; no cell is ever a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date, datetime
from typing import Final

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from ropa.model import Activity, ActivityRole, Contact, RecipientRole, Register
from ropa.model.base import duration_parts
from ropa.model.places import country_name
from ropa.render import workbook_labels as labels
from ropa.render.workbook import cell_text, is_formula_like
from ropa.render.workbook_zip import ReproducibleZip
from ropa.words import counted

__all__ = [
    "CONTACT_FIELDS",
    "CONTACT_PARTIES",
    "HEADER_ROW",
    "HEADINGS",
    "SHEET",
    "ico_workbook_bytes",
]

SHEET: Final = "Template"
HEADER_ROW: Final = 9
HEADINGS: Final = (
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller (if applicable)",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Names of third countries or international organisations that personal data are transferred to (if applicable)",
    "Safeguards for exceptional transfers of personal data to third countries or international organisations "
    "(if applicable)",
    "Retention schedule (if possible)",
    "General description of technical and organisational security measures (if possible)",
    "Article 6 lawful basis for processing personal data",
    "Article 9 condition for processing special category data",
    "Legitimate interests for the processing (if applicable)",
    "Link to record of legitimate interests assessment (if applicable)",
    "Rights available to individuals",
    "Existence of automated decision-making, including profiling (if applicable)",
    "The source of the personal data (if applicable)",
    "Link to record of consent",
    "Location of personal data",
    "Data Protection Impact Assessment required?",
    "Data Protection Impact Assessment progress",
    "Link to Data Protection Impact Assessment",
    "Has a personal data breach occurred?",
    "Link to record of personal data breach",
    "Data Protection Act 2018 Schedule 1 Condition for processing",
    "GDPR Article 6 lawful basis for processing",
    "Link to retention and erasure policy document",
    "Is personal data retained and erased in accordance with the policy document?",
    "Reasons for not adhering to policy document (if applicable)",
)
"""The ICO's headings, columns A to AD (`reference/law.md` §2.1)."""
CONTACT_PARTIES: Final = (
    "Name and contact details",
    "Data Protection Officer (if applicable)",
    "Representative (if applicable)",
)
"""The contact block's headings, in row 2, columns B to D."""
CONTACT_FIELDS: Final = ("Name", "Address", "Email", "Telephone")
"""The contact block's rows 3 to 6, named in column A."""


def ico_workbook_bytes(register: Register, *, lang: str, on: date) -> bytes:
    """`register` in the ICO template's layout, as an .xlsx file: the same register, language and date give the same bytes."""
    if lang not in register.languages or lang not in labels.LANGUAGES:
        raise ValueError(f"language {lang!r} is not one the register and the workbook are written in")
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    cells = _Cells(register, lang)
    for column, heading in enumerate(CONTACT_PARTIES, start=2):
        _put(sheet.cell(2, column), heading)
    controller = register.controller
    parties = [
        Contact(name=controller.name, address=controller.address, email=controller.email, phone=controller.phone),
        controller.dpo,
        controller.representative,
    ]
    for row, name in enumerate(CONTACT_FIELDS, start=3):
        _put(sheet.cell(row, 1), name)
        for column, party in enumerate(parties, start=2):
            if party is not None:
                _put(sheet.cell(row, column), getattr(party, _CONTACT_ATTRIBUTES[name]))
    for column, heading in enumerate(HEADINGS, start=1):
        _put(sheet.cell(HEADER_ROW, column), heading)
    own = [activity for activity in register.activities.values() if activity.role is ActivityRole.CONTROLLER]
    for row, activity in enumerate(own, start=HEADER_ROW + 1):
        for column, value in enumerate(cells.row(activity), start=1):
            _put(sheet.cell(row, column), value)
    moment = datetime(on.year, on.month, on.day)
    workbook.properties.created = workbook.properties.modified = moment
    workbook.properties.creator = workbook.properties.lastModifiedBy = "ropa"
    buffer = io.BytesIO()
    with ReproducibleZip(buffer) as archive:
        ExcelWriter(workbook, archive).write_data()
    return buffer.getvalue()


_CONTACT_ATTRIBUTES: Final = {"Name": "name", "Address": "address", "Email": "email", "Telephone": "phone"}


def _put(cell: object, value: str | None) -> None:
    if not value:
        return
    text = cell_text(value)
    setattr(cell, "value", text)  # noqa: B010 - a text, never a formula
    setattr(cell, "data_type", "s")  # noqa: B010
    if is_formula_like(text):
        setattr(cell, "quotePrefix", True)  # noqa: B010


def _lines(items: Iterable[str | None]) -> str | None:
    return "\n".join(item for item in items if item) or None


class _Cells:
    """The 30 cells of one activity's row."""

    def __init__(self, register: Register, lang: str) -> None:
        self.register, self.lang = register, lang

    def row(self, activity: Activity) -> list[str | None]:
        register, lang = self.register, self.lang
        purposes = [register.purposes[key] for key in activity.purposes]
        recipients = [register.recipients[key] for key in activity.recipients]
        bases = [labels.LEGAL_BASES[p.legal_basis][lang] for p in purposes if p.legal_basis]
        bases = bases[:1] if len(set(bases)) == 1 else bases  # one for all, or one per purpose in order
        conditions = [activity.special_condition] if activity.special_condition else []
        conditions += [p.special_condition for p in purposes if p.special_condition]
        interests = [p.legitimate_interest[lang] for p in purposes if p.legitimate_interest is not None]
        places = [place for recipient in recipients for place in recipient.locations]
        row: list[str | None] = [None] * len(HEADINGS)
        row[0] = activity.function[lang] if activity.function else None
        row[1] = _lines(p.name[lang] for p in purposes) if purposes else activity.name[lang]
        row[2] = _lines(r.name for r in recipients if r.role is RecipientRole.JOINT_CONTROLLER)
        row[3] = _lines(register.data_subjects[key].name[lang] for key in activity.data_subjects)
        row[4] = _lines(register.data_categories[key].name[lang] for key in activity.data_categories)
        row[5] = _lines(dict.fromkeys(register.recipient_categories[r.category][lang] for r in recipients))
        row[6] = _lines(f"{r.name}: {r.contract.reference}" for r in recipients if r.contract and r.contract.reference)
        row[7] = _lines(dict.fromkeys(country_name(place, lang) for place in places))
        row[9] = self._retention(activity)
        row[10] = _lines(register.security_measures[key].name[lang] for key in activity.security_measures)
        row[11] = _lines(bases)
        row[12] = _lines(dict.fromkeys(labels.SPECIAL_CONDITIONS[c][lang] for c in conditions))
        row[13] = _lines(dict.fromkeys(interests))
        row[16] = activity.automated_decisions[lang] if activity.automated_decisions else None
        row[17] = activity.source[lang] if activity.source else None
        if activity.dpia is not None:
            row[20] = labels.YES_NO[activity.dpia.required][lang]
            row[21] = labels.YES_NO[activity.dpia.done][lang]
            row[22] = activity.dpia.reference
        return row

    def _retention(self, activity: Activity) -> str | None:
        lines = []
        for rule in activity.retention:
            limit = _duration(rule.period, self.lang) if rule.period else None
            text = "; ".join(part for part in (limit, rule.criteria[self.lang] if rule.criteria else None) if part)
            if len(activity.retention) > 1 or rule.data != activity.data_categories:
                names = ", ".join(self.register.data_categories[key].name[self.lang] for key in rule.data)
                text = f"{names}: {text}"
            lines.append(text)
        return _lines(lines)


def _duration(period: str, lang: str) -> str:
    """`6 years`, `1 year, 6 months`: the period in words, as people write it in a schedule."""
    parts = zip(("years", "months", "weeks", "days"), duration_parts(period), strict=True)
    words = []
    for unit, count in parts:
        if count:
            words.append(counted(count, lang, "duration", unit))
    return " ".join(words) or period
