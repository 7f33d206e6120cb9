"""The words of the Article 30 workbook's cells, and the shape of its tables.

`Words` turns the register's facts into the text of cells in one language; `Table` and `Column` are a
sheet as rows × columns (`ropa.render.workbook_tables` builds them, `ropa.render.workbook` writes them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import Generic, TypeVar

from ropa.model import Activity, Contact, LegalBasis, Party, Purpose, Register, Representative, Text
from ropa.model.base import duration_parts
from ropa.model.places import country_name
from ropa.model.queries import activities_by_recipient, data_received, purposes_disclosed, recipients_by_purpose
from ropa.render import workbook_labels as labels
from ropa.render.markdown import spacing
from ropa.transfers import RegisterTransfer
from ropa.words import counted

__all__ = ["CellValue", "Column", "Table", "Words", "lines", "unique"]

CellValue = str | date | None
"""What a cell holds: a text, a date, or nothing (an unknown fact)."""

T = TypeVar("T")

_LAID_DOWN = {LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK}
"""The bases whose law the register states (Art. 6(3))."""


@cache
def _joints(lang: str) -> tuple[str, str]:
    colon, marks, _ = spacing(lang)
    return f"{colon}: ", f"{marks}; "


@dataclass(frozen=True)
class Words:
    """The register, the language, the as-of date and the derived transfers: what every cell is made of."""

    register: Register
    lang: str
    on: date
    transfers: list[RegisterTransfer]

    def label(self, label: labels.Label) -> str:
        return label[self.lang]

    @property
    def colon(self) -> str:
        """`: ` between a name and what follows, as the language spaces it (French: `\u00a0: `)."""
        return _joints(self.lang)[0]

    @property
    def semicolon(self) -> str:
        """`; ` between the parts of a cell, as the language spaces it (French: `\u202f; `)."""
        return _joints(self.lang)[1]

    def text(self, text: Text | None) -> str | None:
        return None if text is None else text[self.lang]

    def name(self, text: Text) -> str:
        return text[self.lang]

    def country(self, place: str) -> str:
        return country_name(place, self.lang)

    def yes_no(self, value: bool | None) -> str | None:
        return None if value is None else self.label(labels.YES_NO[value])

    def basis(self, basis: LegalBasis | None) -> str | None:
        """The Art. 6(1) basis in words; none for a purpose pursued only as processor (never invented)."""
        return self.label(labels.LEGAL_BASES[basis]) if basis is not None else None

    def bases(self, purpose: Purpose) -> str | None:
        """Every Art. 6(1) basis of `purpose` in words and, for (c) and (e), the law that lays it down (Art. 6(3))."""
        text = self.semicolon.join(self.label(labels.LEGAL_BASES[basis]) for basis in purpose.legal_bases)
        if text and purpose.law is not None and _LAID_DOWN & set(purpose.legal_bases):
            text += f" ({self.label(labels.PHRASES['laid_down_by'])}{self.name(purpose.law.text)})"
        return text or None

    def citation(self, transfer: RegisterTransfer) -> str:
        """The provisions and acts the transfer's verdict rests on, in the workbook's language."""
        return self._wording(transfer)[0]

    def reasons(self, transfer: RegisterTransfer) -> tuple[str, ...]:
        """Why the verdict is what it is, in the workbook's language."""
        return self._wording(transfer)[1]

    def _wording(self, transfer: RegisterTransfer) -> tuple[str, tuple[str, ...]]:
        # Many transfers share one verdict (`register_transfers` judges each distinct one once):
        # its sentences are written once too.
        found = self._worded.get(id(transfer.assessment))
        if found is None:
            assessment = transfer.assessment
            found = self._worded[id(assessment)] = (assessment.citation_in(self.lang), assessment.reasons_in(self.lang))
        return found

    @cached_property
    def _worded(self) -> dict[int, tuple[str, tuple[str, ...]]]:
        return {}

    def activity_transfers(self, activity: str) -> list[RegisterTransfer]:
        """The transfers of one activity to third countries or international organisations."""
        return self._transfers_by_activity.get(activity, [])

    @cached_property
    def _transfers_by_activity(self) -> dict[str, list[RegisterTransfer]]:
        # Indexed once: looking them up by scanning every transfer for every activity is quadratic.
        index: dict[str, list[RegisterTransfer]] = {}
        for item in self.transfers:
            index.setdefault(item.activity, []).append(item)
        return index

    def activities_with_recipient(self, recipient: str) -> tuple[str, ...]:
        """The activities that disclose data to `recipient`, in register order."""
        return self._activities_by_recipient.get(recipient, ())

    @cached_property
    def _activities_by_recipient(self) -> dict[str, tuple[str, ...]]:
        return activities_by_recipient(self.register)

    def activities_with(self, part: str, key: str) -> list[str]:
        """The activities that name `key` among their `purposes` or `security_measures`, in register order."""
        return self._activities_by_part[part].get(key, [])

    @cached_property
    def _activities_by_part(self) -> dict[str, dict[str, list[str]]]:
        # Indexed once: scanning every activity for every purpose or measure is quadratic.
        index: dict[str, dict[str, list[str]]] = {"purposes": {}, "security_measures": {}}
        for name, activity in self.register.activities.items():
            for part, keys in (("purposes", activity.purposes), ("security_measures", activity.security_measures)):
                for key in dict.fromkeys(keys):
                    index[part].setdefault(key, []).append(name)
        return index

    def recipients_sharing_for(self, purpose: str) -> list[str]:
        """The names of the recipients the data are shared with for `purpose`, in register order."""
        return self._recipients_by_purpose.get(purpose, [])

    @cached_property
    def _recipients_by_purpose(self) -> dict[str, list[str]]:
        found = recipients_by_purpose(self.register)
        return {purpose: [self.register.recipients[key].name for key in keys] for purpose, keys in found.items()}

    def duration(self, value: str) -> str:
        parts = zip(("years", "months", "weeks", "days"), duration_parts(value), strict=True)
        named = [self._quantity(unit, count) for unit, count in parts if count]
        if not named:
            named = [self._quantity("days", 0)]
        words = ", ".join(named[:-1]) + self.label(labels.PHRASES["and"]) + named[-1] if len(named) > 1 else named[0]
        return f"{words} ({value})"

    def _quantity(self, unit: str, count: int) -> str:
        return counted(count, self.lang, "duration", unit)

    def contact_lines(self, contact: Contact | None) -> list[str]:
        if contact is None:
            return []
        fields = labels.CONTACT_FIELDS
        return [
            *([contact.name] if contact.name else []),
            *_prefixed(self.label(fields["address"]), contact.address),
            *_prefixed(self.label(fields["email"]), contact.email),
            *_prefixed(self.label(fields["phone"]), contact.phone),
            *_prefixed(self.label(fields["web"]), contact.web),
            *(
                _prefixed(self.label(fields["country"]), self.country(contact.country))
                if isinstance(contact, Representative)
                else []
            ),
        ]

    def party_lines(self, party: Party) -> list[str]:
        country = self.country(party.country) if party.country else None
        return [*self.contact_lines(party.contact), *_prefixed(self.label(labels.CONTACT_FIELDS["country"]), country)]

    def recipient_line(self, key: str, activity: Activity | None = None) -> str:
        recipient = self.register.recipients[key]
        line = f"{recipient.name} — {self.country(recipient.country)}" if recipient.country else recipient.name
        if activity is not None and key in activity.recipient_roles:
            # The role the recipient has in this activity, where it is not its own (default) role.
            line += f" ({self.label(labels.RECIPIENT_ROLES[activity.recipient_roles[key]])})"
        if activity is not None and key in activity.disclosures:
            line += f": {self.received(activity, key)}"
        return line

    def received(self, activity: Activity, recipient: str) -> str:
        """What `recipient` receives in `activity` and for which purposes, where `disclosures` says."""
        data = ", ".join(self.name(self.register.data_categories[c].name) for c in data_received(activity, recipient))
        text = f"{self.label(labels.PHRASES['receives'])}{data}"
        if activity.disclosures[recipient].purposes is not None:
            purposes = ", ".join(
                self.name(self.register.purposes[p].name) for p in purposes_disclosed(activity, recipient)
            )
            text += f"; {self.label(labels.PHRASES['received_for'])}{purposes}"
        return text

    def activity_names(self, keys: Iterable[str]) -> str | None:
        return lines(self.name(self.register.activities[key].name) for key in keys)

    def purpose_names(self, keys: Iterable[str]) -> str | None:
        return lines(self.name(self.register.purposes[key].name) for key in keys)


def _prefixed(prefix: str, value: str | None) -> list[str]:
    return [f"{prefix}{value}"] if value else []


def lines(items: Iterable[str]) -> str | None:
    """One item per line; None (an empty cell) when there are none."""
    text = "\n".join(items)
    return text or None


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column of a sheet: its key in `workbook_labels.HEADERS` and the value it shows for a row."""

    key: str
    value: Callable[[T], CellValue]


@dataclass(frozen=True)
class Table(Generic[T]):
    """A sheet: one row per item, one column per fact."""

    sheet: str
    """Key of the sheet in `workbook_labels.SHEET_NAMES`."""
    rows: Sequence[T]
    columns: Sequence[Column[T]]
    frozen_columns: int = 0
    """How many columns stay in view when scrolling sideways."""
    paper: str = "A4"
    """Paper size for printing: `A4` or, for the wide sheets, `A3`."""
    widths: dict[str, int] = field(default_factory=dict)
    """Fixed column widths by column key; the others are set from their content."""
    page_breaks: tuple[int, ...] = ()
    """Indexes of the rows that start a new printed page."""

    def cells(self) -> list[list[CellValue]]:
        """Every row's values, in column order (computed once: the activity fiches reuse them)."""
        return self._cells

    @cached_property
    def _cells(self) -> list[list[CellValue]]:
        return [[column.value(row) for column in self.columns] for row in self.rows]
