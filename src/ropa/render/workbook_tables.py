"""The cells of the Article 30 workbook: the register's facts laid out as tables, in one language.

Pure: no openpyxl here. `tables(words)` gives every sheet as a `Table` (rows × columns of text, dates
or empty cells); `ropa.render.workbook` puts them on paper and into a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Generic, TypeVar

from ropa.law.importers import art_3_2_caveat
from ropa.law.national import national_law
from ropa.law.register_transfers import Exporter, importer_name
from ropa.model import (
    Activity,
    ActivityRole,
    Contact,
    LegalBasis,
    Party,
    Purpose,
    Recipient,
    RecipientRole,
    Register,
    Representative,
    Retention,
    SecurityMeasure,
    Text,
)
from ropa.model.base import duration_parts
from ropa.model.places import country_name
from ropa.render import workbook_labels as labels
from ropa.transfers import RegisterTransfer

__all__ = ["CellValue", "Column", "Table", "Words", "tables"]

CellValue = str | date | None
"""What a cell holds: a text, a date, or nothing (an unknown fact)."""

T = TypeVar("T")


# --- words: the register's facts as the text of cells -----------------------------------------------


@dataclass(frozen=True)
class Words:
    """The register, the language, the as-of date and the derived transfers: what every cell is made of."""

    register: Register
    lang: str
    on: date
    transfers: list[RegisterTransfer]

    def label(self, label: labels.Label) -> str:
        return label[self.lang]

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

    def activities_with_recipient(self, recipient: str) -> list[str]:
        """The activities that disclose data to `recipient`, in register order."""
        return self._activities_by_recipient.get(recipient, [])

    @cached_property
    def _activities_by_recipient(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for key, activity in self.register.activities.items():
            for recipient in dict.fromkeys(activity.recipients):
                index.setdefault(recipient, []).append(key)
        return index

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
        index: dict[str, list[str]] = {}
        for recipient in self.register.recipients.values():
            for purpose in dict.fromkeys(recipient.shared_for):
                index.setdefault(purpose, []).append(recipient.name)
        return index

    def duration(self, value: str) -> str:
        parts = zip(("years", "months", "weeks", "days"), duration_parts(value), strict=True)
        named = [self._quantity(unit, count) for unit, count in parts if count]
        if not named:
            named = [self._quantity("days", 0)]
        words = ", ".join(named[:-1]) + self.label(labels.PHRASES["and"]) + named[-1] if len(named) > 1 else named[0]
        return f"{words} ({value})"

    def _quantity(self, unit: str, count: int) -> str:
        one, several, many = labels.DURATION_UNITS[self.lang][unit]
        if count == 1:
            return f"1 {one}"
        large = count >= 20 and (count % 100 == 0 or count % 100 >= 20)
        return f"{count} {many if large else several}"

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
        return line

    def activity_names(self, keys: Iterable[str]) -> str | None:
        return _lines(self.name(self.register.activities[key].name) for key in keys)

    def purpose_names(self, keys: Iterable[str]) -> str | None:
        return _lines(self.name(self.register.purposes[key].name) for key in keys)


def _prefixed(prefix: str, value: str | None) -> list[str]:
    return [f"{prefix}{value}"] if value else []


def _lines(items: Iterable[str]) -> str | None:
    """One item per line; None (an empty cell) when there are none."""
    text = "\n".join(items)
    return text or None


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- tables -----------------------------------------------------------------------------------------


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


def tables(words: Words) -> list[Table[Any]]:
    """Every sheet of the workbook, in order."""
    from ropa.render.workbook_data import data_table  # it builds on this module's Table

    activities = _activities_table(words)
    processor = _processor_table(words)
    return [
        _controller_table(words),
        activities,
        processor,
        _fiches_table(words, [activities, processor]),
        _purposes_table(words),
        _recipients_table(words),
        _transfers_table(words),
        _security_table(words),
        data_table(words),  # the register, one fact per row, for `ropa import` (render/workbook_data.py)
    ]


# The controller sheet: section, element, value, point.
_Fact = tuple[str, str, CellValue, str]


def _controller_table(words: Words) -> Table[_Fact]:
    columns: list[Column[_Fact]] = [
        Column("section", lambda fact: fact[0]),
        Column("element", lambda fact: fact[1]),
        Column("value", lambda fact: fact[2]),
        Column("point", lambda fact: fact[3]),
    ]
    widths = {"section": 36, "element": 44, "value": 60, "point": 46}
    return Table("controller", _controller_facts(words), columns, frozen_columns=2, widths=widths)


def _controller_facts(words: Words) -> list[_Fact]:
    return [
        *_record_facts(words),
        *_organisation_facts(words),
        *_contact_facts(words, "dpo", words.register.controller.dpo),
        *_contact_facts(words, "representative", words.register.controller.representative),
        *_joint_controller_facts(words),
    ]


def _facts(words: Words, section: str, point: str, elements: Iterable[tuple[str, CellValue]]) -> list[_Fact]:
    section_label = words.label(labels.CONTROLLER_SECTIONS[section])
    point_label = words.label(labels.POINTS[point])
    return [
        (section_label, words.label(labels.CONTROLLER_ELEMENTS[element]), value, point_label)
        for element, value in elements
    ]


def _record_facts(words: Words) -> list[_Fact]:
    language = words.label(labels.LANGUAGE_NAMES[words.lang])
    elements = [("register_date", words.register.updated), ("as_of", words.on), ("language", language)]
    return _facts(words, "record", "extra", elements)


def _organisation_facts(words: Words) -> list[_Fact]:
    controller = words.register.controller
    identity: list[tuple[str, CellValue]] = [
        ("name", controller.name),
        ("legal_form", words.text(controller.legal_form)),
        ("fiscal_code", controller.fiscal_code),
        ("registration", controller.registration),
        ("address", controller.address),
        ("country", words.country(controller.country)),
        ("email", controller.email),
        ("phone", controller.phone),
        ("web", controller.web),
        ("contact_point", controller.contact_point),
    ]
    facts = _facts(words, "controller", "30-1-a-2-a", identity)
    law = national_law(words.register)
    if law is not None and law.asks_public_utility(controller) and "public_utility" in law.labels:
        section = words.label(labels.CONTROLLER_SECTIONS["controller"])
        label = law.labels["public_utility"].text(words.lang)
        facts.append((section, label, words.yes_no(controller.public_utility), words.label(labels.POINTS["extra"])))
    return facts


def _contact_facts(words: Words, section: str, contact: Contact | None) -> list[_Fact]:
    elements: list[tuple[str, CellValue]] = [
        ("person", contact.name if contact else None),
        ("email", contact.email if contact else None),
        ("phone", contact.phone if contact else None),
        ("web", contact.web if contact else None),
        ("address", contact.address if contact else None),
    ]
    if section == "representative":
        # Art. 27(3): the Member State where the representative is established.
        country = contact.country if isinstance(contact, Representative) else None
        elements.append(("country", words.country(country) if country else None))
    return _facts(words, section, "30-1-a-2-a", elements)


def _joint_controller_facts(words: Words) -> list[_Fact]:
    joint = [
        key for key, recipient in words.register.recipients.items() if recipient.role is RecipientRole.JOINT_CONTROLLER
    ]
    if not joint:
        return _facts(words, "joint_controller", "30-1-a", [("name", None)])
    return [fact for key in joint for fact in _one_joint_controller(words, key)]


def _one_joint_controller(words: Words, key: str) -> list[_Fact]:
    recipient = words.register.recipients[key]
    elements: list[tuple[str, CellValue]] = [
        ("name", recipient.name),
        ("legal_entity", recipient.legal_entity),
        ("registration", recipient.registration),
        ("address", recipient.address),
        ("country", words.country(recipient.country) if recipient.country else None),
        ("contact", recipient.contact),
        ("arrangement", words.text(recipient.arrangement)),
        ("activities", words.activity_names(words.activities_with_recipient(key))),
    ]
    return _facts(words, "joint_controller", "30-1-a", elements)


# The activity sheets.
_ActivityRow = tuple[str, Activity]


def _activities_table(words: Words) -> Table[_ActivityRow]:
    rows = [(key, a) for key, a in words.register.activities.items() if a.role is ActivityRole.CONTROLLER]
    activity = _ActivityCells(words)
    columns: list[Column[_ActivityRow]] = [
        Column("id", lambda row: row[0]),
        Column("name", lambda row: words.name(row[1].name)),
        Column("function", lambda row: words.text(row[1].function)),
        Column("description", lambda row: words.text(row[1].description)),
        Column("purposes", lambda row: words.purpose_names(row[1].purposes)),
        Column("legal_bases", lambda row: activity.legal_bases(row[1])),
        Column("legitimate_interests", lambda row: activity.legitimate_interests(row[1])),
        Column("special_conditions", lambda row: activity.special_conditions(row[1])),
        Column("data_subjects", lambda row: activity.data_subjects(row[1])),
        Column("data_categories", lambda row: activity.data_categories(row[1])),
        Column("special_data", lambda row: activity.special_data(row[1])),
        Column("source", lambda row: words.text(row[1].source)),
        Column("recipient_categories", lambda row: activity.recipient_categories(row[1])),
        Column("recipients", lambda row: _lines(words.recipient_line(key, row[1]) for key in row[1].recipients)),
        Column("transfers", lambda row: activity.transfers(row[0])),
        Column("transfer_safeguards", lambda row: activity.transfer_safeguards(row[0])),
        Column("derogation_documentation", lambda row: activity.derogation_documentation(row[0])),
        Column("retention", lambda row: activity.retention(row[1])),
        Column("security_measures", lambda row: activity.security_measures(row[1])),
        Column("locations", lambda row: activity.locations(row[1])),
        Column("automated_decisions", lambda row: words.text(row[1].automated_decisions)),
        Column("dpia_required", lambda row: words.yes_no(row[1].dpia.required) if row[1].dpia else None),
        Column("dpia_done", lambda row: words.yes_no(row[1].dpia.done) if row[1].dpia else None),
        Column("dpia_reference", lambda row: row[1].dpia.reference if row[1].dpia else None),
        Column("occasional", lambda row: words.yes_no(row[1].occasional)),
        Column("created", lambda row: row[1].created),
        Column("updated", lambda row: row[1].updated),
        Column("ended", lambda row: row[1].ended),
    ]
    return Table("activities", rows, columns, frozen_columns=2, paper="A3")


@dataclass(frozen=True)
class _ActivityCells:
    """The cells of an activity row that gather facts from several parts of the register."""

    words: Words

    @property
    def register(self) -> Register:
        return self.words.register

    def _purposes(self, activity: Activity) -> list[Purpose]:
        return [self.register.purposes[key] for key in activity.purposes]

    def _per_purpose(self, activity: Activity, value: Callable[[Purpose], str | None]) -> str | None:
        named = [(self.words.name(purpose.name), value(purpose)) for purpose in self._purposes(activity)]
        return _lines(f"{name}: {text}" for name, text in named if text)

    def legal_bases(self, activity: Activity) -> str | None:
        return self._per_purpose(activity, lambda purpose: self.words.basis(purpose.legal_basis))

    def legitimate_interests(self, activity: Activity) -> str | None:
        return self._per_purpose(activity, lambda purpose: self.words.text(purpose.legitimate_interest))

    def special_conditions(self, activity: Activity) -> str | None:
        if activity.special_condition is not None:
            return self.words.label(labels.SPECIAL_CONDITIONS[activity.special_condition])

        def condition(purpose: Purpose) -> str | None:
            found = purpose.special_condition
            return None if found is None else self.words.label(labels.SPECIAL_CONDITIONS[found])

        return self._per_purpose(activity, condition)

    def data_subjects(self, activity: Activity) -> str | None:
        children = self.words.label(labels.PHRASES["children"])
        subjects = [self.register.data_subjects[key] for key in activity.data_subjects]
        return _lines(f"{self.words.name(subject.name)}{children if subject.children else ''}" for subject in subjects)

    def data_categories(self, activity: Activity) -> str | None:
        categories = [self.register.data_categories[key] for key in activity.data_categories]
        return _lines(
            f"{self.words.name(category.name)} ({self.words.text(category.examples)})"
            if category.examples
            else self.words.name(category.name)
            for category in categories
        )

    def special_data(self, activity: Activity) -> str | None:
        if not activity.data_categories:
            return None
        marks = [mark for key in activity.data_categories for mark in self._special_marks(key)]
        return _lines(marks) or self.words.yes_no(False)

    def _special_marks(self, key: str) -> list[str]:
        category = self.register.data_categories[key]
        name = self.words.name(category.name)
        marks = []
        if category.special is not None:
            special = self.words.label(labels.SPECIAL_CATEGORIES[category.special])
            marks.append(f"{name}: {self.words.label(labels.PHRASES['special'])}{special}")
        if category.criminal:
            marks.append(f"{name}: {self.words.label(labels.PHRASES['criminal'])}")
        if category.national_id:
            law = national_law(self.register)
            national = law.labels.get("national_id") if law is not None else None
            phrase = national.text(self.words.lang) if national else self.words.label(labels.PHRASES["national_id"])
            marks.append(f"{name}: {phrase}")
        return marks

    def recipient_categories(self, activity: Activity) -> str | None:
        keys = _unique(self.register.recipients[key].category for key in activity.recipients)
        return _lines(self.words.name(self.register.recipient_categories[key]) for key in keys)

    def _transfers(self, activity: str, client: str | None) -> list[RegisterTransfer]:
        # On a processor row, the return flow shown is the one to that row's client controller only.
        return [
            item
            for item in self.words.activity_transfers(activity)
            if not item.to_client_controller or item.recipient == client
        ]

    def transfers(self, activity: str, client: str | None = None) -> str | None:
        return _lines(
            _unique(
                f"{self.words.country(item.destination)}: {importer_name(self.register, item)}"
                for item in self._transfers(activity, client)
            )
        )

    def transfer_safeguards(self, activity: str, client: str | None = None) -> str | None:
        return _lines(
            _unique(self._safeguard_line(item) for item in self._transfers(activity, client)),
        )

    def _safeguard_line(self, item: RegisterTransfer) -> str:
        recipient = importer_name(self.register, item)
        basis = self.words.label(labels.TRANSFER_BASES[item.assessment.basis])
        return f"{recipient} — {self.words.country(item.destination)}: {basis}; {self.words.citation(item)}"

    def derogation_documentation(self, activity: str) -> str | None:
        recipients = _unique(
            item.recipient for item in self.words.activity_transfers(activity) if not item.to_client_controller
        )
        documented = [(key, self.register.recipients[key].derogation_safeguards) for key in recipients]
        return _lines(
            f"{self.register.recipients[key].name}: {self.words.text(text)}" for key, text in documented if text
        )

    def retention(self, activity: Activity) -> str | None:
        return _lines(self._retention_line(rule) for rule in activity.retention)

    def _retention_line(self, rule: Retention) -> str:
        names = ", ".join(self.words.name(self.register.data_categories[key].name) for key in rule.data)
        limits = [self.words.duration(rule.period) if rule.period else None, self.words.text(rule.criteria)]
        text = f"{names}: {'; '.join(limit for limit in limits if limit)}"
        if rule.ground is not None:
            text += f" ({self.words.label(labels.PHRASES['required_by'])}{self.words.text(rule.ground)})"
        return text

    def security_measures(self, activity: Activity) -> str | None:
        return _lines(self._measure_line(self.register.security_measures[key]) for key in activity.security_measures)

    def _measure_line(self, measure: SecurityMeasure) -> str:
        text = self.words.name(measure.name)
        if measure.description is not None:
            text += f": {self.words.text(measure.description)}"
        point = self.words.label(labels.PHRASES["art_32_point"]).format(point=measure.point.value)
        return f"{text} [{point}]"

    def locations(self, activity: Activity) -> str | None:
        recipients = [self.register.recipients[key] for key in activity.recipients]
        return _lines(
            f"{recipient.name}: {', '.join(self.words.country(place) for place in recipient.locations)}"
            for recipient in recipients
            if recipient.locations
        )


_ProcessorRow = tuple[str, Activity, str, Party]


def _processor_table(words: Words) -> Table[_ProcessorRow]:
    register = words.register
    rows = [
        (key, activity, client, register.client_controllers[client])
        for key, activity in register.activities.items()
        if activity.role is ActivityRole.PROCESSOR
        for client in activity.on_behalf_of
    ]
    cells = _ActivityCells(words)
    controller = register.controller
    processor = _lines(
        [
            controller.name,
            *words.contact_lines(
                Contact(address=controller.address, email=controller.email, phone=controller.phone, web=controller.web)
            ),
        ]
    )
    columns: list[Column[_ProcessorRow]] = [
        Column("id", lambda row: row[0]),
        Column("name", lambda row: words.name(row[1].name)),
        Column("processor", lambda row: processor),
        Column("controller", lambda row: _lines([row[3].name, *_optional(words.text(row[3].description))])),
        Column("controller_contact", lambda row: _lines(words.party_lines(row[3]))),
        Column("controller_representative", lambda row: _lines(words.contact_lines(row[3].representative))),
        Column("controller_dpo", lambda row: _lines(words.contact_lines(row[3].dpo))),
        Column("description", lambda row: words.text(row[1].description)),
        Column("purposes", lambda row: words.purpose_names(row[1].purposes)),
        Column("data_subjects", lambda row: cells.data_subjects(row[1])),
        Column("data_categories", lambda row: cells.data_categories(row[1])),
        Column("recipients", lambda row: _lines(words.recipient_line(key, row[1]) for key in row[1].recipients)),
        Column("transfers", lambda row: cells.transfers(row[0], row[2])),
        Column("transfer_safeguards", lambda row: cells.transfer_safeguards(row[0], row[2])),
        Column("derogation_documentation", lambda row: cells.derogation_documentation(row[0])),
        Column("security_measures", lambda row: cells.security_measures(row[1])),
        Column("retention", lambda row: cells.retention(row[1])),
        Column("created", lambda row: row[1].created),
        Column("updated", lambda row: row[1].updated),
        Column("ended", lambda row: row[1].ended),
    ]
    return Table("processor", rows, columns, frozen_columns=2, paper="A3")


def _optional(value: str | None) -> list[str]:
    return [value] if value else []


_PurposeRow = tuple[str, Purpose]


def _purposes_table(words: Words) -> Table[_PurposeRow]:
    register = words.register

    def activities(key: str) -> str | None:
        return words.activity_names(words.activities_with("purposes", key))

    def recipients(key: str) -> str | None:
        return _lines(words.recipients_sharing_for(key))

    columns: list[Column[_PurposeRow]] = [
        Column("id", lambda row: row[0]),
        Column("name", lambda row: words.name(row[1].name)),
        Column("description", lambda row: words.text(row[1].description)),
        Column("legal_basis", lambda row: words.basis(row[1].legal_basis)),
        Column("legitimate_interest", lambda row: words.text(row[1].legitimate_interest)),
        Column(
            "special_condition",
            lambda row: (
                words.label(labels.SPECIAL_CONDITIONS[row[1].special_condition]) if row[1].special_condition else None
            ),
        ),
        Column("activities", lambda row: activities(row[0])),
        Column("recipients", lambda row: recipients(row[0])),
    ]
    return Table("purposes", list(register.purposes.items()), columns, frozen_columns=2)


_RecipientRow = tuple[str, Recipient]


def _recipients_table(words: Words) -> Table[_RecipientRow]:
    register = words.register
    columns: list[Column[_RecipientRow]] = [
        Column("id", lambda row: row[0]),
        Column("name", lambda row: row[1].name),
        Column("legal_entity", lambda row: row[1].legal_entity),
        Column("registration", lambda row: row[1].registration),
        Column("address", lambda row: row[1].address),
        Column("category", lambda row: words.name(register.recipient_categories[row[1].category])),
        Column("role", lambda row: words.label(labels.RECIPIENT_ROLES[row[1].role])),
        Column("country", lambda row: words.country(row[1].country) if row[1].country else None),
        Column("locations", lambda row: _lines(words.country(place) for place in row[1].locations)),
        Column("contract_date", lambda row: row[1].contract.date if row[1].contract else None),
        Column("contract_reference", lambda row: row[1].contract.reference if row[1].contract else None),
        Column("dpf_certified", lambda row: words.yes_no(row[1].dpf_certified)),
        Column("mechanisms", lambda row: _lines(words.label(labels.MECHANISMS[m]) for m in row[1].mechanisms)),
        Column("transfer_impact_assessment", lambda row: row[1].transfer_impact_assessment),
        Column("derogation_safeguards", lambda row: words.text(row[1].derogation_safeguards)),
        Column("arrangement", lambda row: words.text(row[1].arrangement)),
        Column("shared_for", lambda row: words.purpose_names(row[1].shared_for)),
        Column("activities", lambda row: words.activity_names(words.activities_with_recipient(row[0]))),
        Column("contact", lambda row: row[1].contact),
        Column("privacy_policy", lambda row: row[1].privacy_policy),
        Column("sources", lambda row: _lines(row[1].sources)),
    ]
    return Table("recipients", list(register.recipients.items()), columns, frozen_columns=2, paper="A3")


def _transfers_table(words: Words) -> Table[RegisterTransfer]:
    register = words.register

    def record(item: RegisterTransfer) -> str:
        processor = register.activities[item.activity].role is ActivityRole.PROCESSOR
        return words.label(labels.PHRASES["processor_record" if processor else "controller_record"])

    def destination(item: RegisterTransfer) -> str:
        return f"{words.country(item.destination)} ({item.destination})"

    def exporter(item: RegisterTransfer) -> str:
        phrase = "exporter_processor" if item.exporter is Exporter.PROCESSOR else "exporter_controller"
        return words.label(labels.PHRASES[phrase]).format(name=register.controller.name)

    def importer_role(item: RegisterTransfer) -> str | None:
        if item.to_client_controller:
            return words.label(labels.PHRASES["client_controller"])
        return words.label(labels.RECIPIENT_ROLES[item.role]) if item.role is not None else None

    def recipient_fact(item: RegisterTransfer) -> Recipient | None:
        return None if item.to_client_controller else register.recipients[item.recipient]

    def caveat(item: RegisterTransfer) -> str | None:
        if not item.importer_subject_to_gdpr:
            return None
        found = art_3_2_caveat()
        return f"{found.text.text(words.lang)} ({found.source.text(words.lang)})"

    columns: list[Column[RegisterTransfer]] = [
        Column("activity", lambda item: words.name(register.activities[item.activity].name)),
        Column("record", record),
        Column("exporter", exporter),
        Column("recipient", lambda item: importer_name(register, item)),
        Column("importer_role", importer_role),
        Column("destination", destination),
        Column("mechanisms", lambda item: _lines(words.label(labels.MECHANISMS[m]) for m in item.mechanisms)),
        Column("dpf_certified", lambda item: words.yes_no(item.dpf_certified)),
        Column("lawful", lambda item: words.yes_no(item.assessment.lawful)),
        Column("basis", lambda item: words.label(labels.TRANSFER_BASES[item.assessment.basis])),
        Column("citation", lambda item: words.citation(item) or None),
        Column("reasons", lambda item: _lines(words.reasons(item))),
        Column("scc_module", lambda item: str(item.scc_module) if item.scc_module is not None else None),
        Column("importer_caveat", caveat),
        Column("tia_required", lambda item: words.yes_no(item.assessment.tia_required)),
        Column("tia_reference", lambda item: _attribute(recipient_fact(item), "transfer_impact_assessment")),
        Column(
            "derogation_documentation",
            lambda item: words.text(_attribute(recipient_fact(item), "derogation_safeguards")),
        ),
    ]
    return Table("transfers", words.transfers, columns, frozen_columns=1, paper="A3")


def _attribute(recipient: Recipient | None, name: str) -> Any:
    return None if recipient is None else getattr(recipient, name)


_MeasureRow = tuple[str, SecurityMeasure]


def _security_table(words: Words) -> Table[_MeasureRow]:
    register = words.register

    def activities(key: str) -> str | None:
        return words.activity_names(words.activities_with("security_measures", key))

    columns: list[Column[_MeasureRow]] = [
        Column("id", lambda row: row[0]),
        Column("name", lambda row: words.name(row[1].name)),
        Column("description", lambda row: words.text(row[1].description)),
        Column("point", lambda row: words.label(labels.SECURITY_POINTS[row[1].point])),
        Column("public", lambda row: words.yes_no(row[1].public)),
        Column("activities", lambda row: activities(row[0])),
    ]
    return Table("security", list(register.security_measures.items()), columns, frozen_columns=2)


# The activity fiches: the rows of the activity sheets turned on their side, each starting a new printed page.
_FicheRow = tuple[str, str, CellValue, str]


def _fiches_table(words: Words, activity_tables: Sequence[Table[Any]]) -> Table[_FicheRow]:
    rows: list[_FicheRow] = []
    starts: list[int] = []
    for table in activity_tables:
        for cells in table.cells():
            starts.append(len(rows))
            rows.extend(_fiche(words, table, cells))
    columns: list[Column[_FicheRow]] = [
        Column("id", lambda row: row[0]),
        Column("element", lambda row: row[1]),
        Column("value", lambda row: row[2]),
        Column("point", lambda row: row[3]),
    ]
    widths = {"id": 16, "element": 36, "value": 84, "point": 44}
    return Table("fiches", rows, columns, frozen_columns=2, widths=widths, page_breaks=tuple(starts[1:]))


def _fiche(words: Words, table: Table[Any], cells: Sequence[CellValue]) -> list[_FicheRow]:
    """One activity row as (id, element, value, point) rows; the id is the row's first cell."""
    key = str(cells[0])
    record_label, record_point = labels.HEADERS["transfers"]["record"]
    kind = "processor_record" if table.sheet == "processor" else "controller_record"
    fiche: list[_FicheRow] = [
        (key, words.label(record_label), words.label(labels.PHRASES[kind]), words.label(labels.POINTS[record_point]))
    ]
    for column, value in zip(table.columns[1:], cells[1:], strict=True):
        label, point = labels.HEADERS[table.sheet][column.key]
        fiche.append((key, words.label(label), value, words.label(labels.POINTS[point])))
    return fiche
