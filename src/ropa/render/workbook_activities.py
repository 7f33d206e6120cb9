"""The activity sheets of the Article 30 workbook: one row per activity, as controller (Art. 30(1)) or processor (Art. 30(2))."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ropa.law.national import national_law
from ropa.law.register_transfers import importer_name
from ropa.model import Activity, ActivityRole, Contact, Party, Purpose, Register, Retention, SecurityMeasure
from ropa.model.queries import categories_of_subject
from ropa.render import workbook_labels as labels
from ropa.render.workbook_words import Column, Table, Words, lines, unique
from ropa.transfers import RegisterTransfer

__all__ = ["activities_table", "processor_table"]

# The activity sheets.
_ActivityRow = tuple[str, Activity]


def activities_table(words: Words) -> Table[_ActivityRow]:
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
        Column("source", lambda row: activity.source(row[1])),
        Column("recipient_categories", lambda row: activity.recipient_categories(row[1])),
        Column("recipients", lambda row: lines(words.recipient_line(key, row[1]) for key in row[1].recipients)),
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
        Column("reviewed", lambda row: row[1].reviewed),  # against the register's `review_every` (D408)
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
        return lines(f"{name}{self.words.colon}{text}" for name, text in named if text)

    def legal_bases(self, activity: Activity) -> str | None:
        return self._per_purpose(activity, self.words.bases)

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
        named = []
        for key in activity.data_subjects:
            subject = self.register.data_subjects[key]
            name = f"{self.words.name(subject.name)}{children if subject.children else ''}"
            if key in activity.subject_data:  # which of the activity's data concern them
                data = categories_of_subject(activity, key)
                name += (
                    self.words.colon
                    + f"{', '.join(self.words.name(self.register.data_categories[c].name) for c in data)}"
                )
            named.append(name)
        return lines(named)

    def source(self, activity: Activity) -> str | None:
        """The activity's `source`, then where each category listed in `data_sources` comes from (Art. 14(2)(f))."""
        found = [self.words.text(activity.source)] if activity.source is not None else []
        for entry in activity.data_sources:
            data = ", ".join(self.words.name(self.register.data_categories[c].name) for c in entry.data)
            found.append(f"{data}{self.words.colon}{self.words.name(entry.source)}")
        return lines(text for text in found if text)

    def data_categories(self, activity: Activity) -> str | None:
        categories = [self.register.data_categories[key] for key in activity.data_categories]
        return lines(
            f"{self.words.name(category.name)} ({self.words.text(category.examples)})"
            if category.examples
            else self.words.name(category.name)
            for category in categories
        )

    def special_data(self, activity: Activity) -> str | None:
        if not activity.data_categories:
            return None
        marks = [mark for key in activity.data_categories for mark in self._special_marks(key)]
        return lines(marks) or self.words.yes_no(False)

    def _special_marks(self, key: str) -> list[str]:
        category = self.register.data_categories[key]
        name = self.words.name(category.name)
        marks = []
        if category.special is not None:
            special = self.words.label(labels.SPECIAL_CATEGORIES[category.special])
            marks.append(f"{name}{self.words.colon}{self.words.label(labels.PHRASES['special'])}{special}")
        if category.criminal:
            marks.append(f"{name}{self.words.colon}{self.words.label(labels.PHRASES['criminal'])}")
        if category.national_id:
            law = national_law(self.register)
            national = law.labels.get("national_id") if law is not None else None
            phrase = national.text(self.words.lang) if national else self.words.label(labels.PHRASES["national_id"])
            marks.append(f"{name}{self.words.colon}{phrase}")
        return marks

    def recipient_categories(self, activity: Activity) -> str | None:
        keys = unique(self.register.recipients[key].category for key in activity.recipients)
        return lines(self.words.name(self.register.recipient_categories[key]) for key in keys)

    def _transfers(self, activity: str, client: str | None) -> list[RegisterTransfer]:
        # On a processor row, the return flow shown is the one to that row's client controller only.
        return [
            item
            for item in self.words.activity_transfers(activity)
            if not item.to_client_controller or item.recipient == client
        ]

    def transfers(self, activity: str, client: str | None = None) -> str | None:
        return lines(
            unique(
                f"{self.words.country(item.destination)}{self.words.colon}{importer_name(self.register, item)}"
                for item in self._transfers(activity, client)
            )
        )

    def transfer_safeguards(self, activity: str, client: str | None = None) -> str | None:
        return lines(
            unique(self._safeguard_line(item) for item in self._transfers(activity, client)),
        )

    def _safeguard_line(self, item: RegisterTransfer) -> str:
        recipient = importer_name(self.register, item)
        basis = self.words.label(labels.TRANSFER_BASES[item.assessment.basis])
        colon, semicolon = self.words.colon, self.words.semicolon
        return (
            f"{recipient} — {self.words.country(item.destination)}{colon}{basis}{semicolon}{self.words.citation(item)}"
        )

    def derogation_documentation(self, activity: str) -> str | None:
        recipients = unique(
            item.recipient for item in self.words.activity_transfers(activity) if not item.to_client_controller
        )
        documented = [(key, self.register.recipients[key].derogation_safeguards) for key in recipients]
        return lines(
            f"{self.register.recipients[key].name}{self.words.colon}{self.words.text(text)}"
            for key, text in documented
            if text
        )

    def retention(self, activity: Activity) -> str | None:
        return lines(self._retention_line(rule) for rule in activity.retention)

    def _retention_line(self, rule: Retention) -> str:
        names = ", ".join(self.words.name(self.register.data_categories[key].name) for key in rule.data)
        limits = [self.words.duration(rule.period) if rule.period else None, self.words.text(rule.criteria)]
        text = f"{names}{self.words.colon}{self.words.semicolon.join(limit for limit in limits if limit)}"
        if rule.ground is not None:
            text += f" ({self.words.label(labels.PHRASES['required_by'])}{self.words.text(rule.ground)})"
        return text

    def security_measures(self, activity: Activity) -> str | None:
        return lines(self._measure_line(self.register.security_measures[key]) for key in activity.security_measures)

    def _measure_line(self, measure: SecurityMeasure) -> str:
        text = self.words.name(measure.name)
        if measure.description is not None:
            text += f"{self.words.colon}{self.words.text(measure.description)}"
        point = self.words.label(labels.PHRASES["art_32_point"]).format(point=measure.point.value)
        return f"{text} [{point}]"

    def locations(self, activity: Activity) -> str | None:
        recipients = [self.register.recipients[key] for key in activity.recipients]
        return lines(
            f"{recipient.name}{self.words.colon}{', '.join(self.words.country(place) for place in recipient.locations)}"
            for recipient in recipients
            if recipient.locations
        )


_ProcessorRow = tuple[str, Activity, str, Party]


def processor_table(words: Words) -> Table[_ProcessorRow]:
    register = words.register
    rows = [
        (key, activity, client, register.client_controllers[client])
        for key, activity in register.activities.items()
        if activity.role is ActivityRole.PROCESSOR
        for client in activity.on_behalf_of
    ]
    cells = _ActivityCells(words)
    controller = register.controller
    processor = lines(
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
        Column("controller", lambda row: lines([row[3].name, *_optional(words.text(row[3].description))])),
        Column("controller_contact", lambda row: lines(words.party_lines(row[3]))),
        Column("controller_representative", lambda row: lines(words.contact_lines(row[3].representative))),
        Column("controller_dpo", lambda row: lines(words.contact_lines(row[3].dpo))),
        Column("description", lambda row: words.text(row[1].description)),
        Column("purposes", lambda row: words.purpose_names(row[1].purposes)),
        Column("data_subjects", lambda row: cells.data_subjects(row[1])),
        Column("data_categories", lambda row: cells.data_categories(row[1])),
        Column("recipients", lambda row: lines(words.recipient_line(key, row[1]) for key in row[1].recipients)),
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
