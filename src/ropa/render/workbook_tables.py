"""The cells of the Article 30 workbook: the register's facts laid out as tables, in one language.

The words of the cells are `ropa.render.workbook_words`; the controller sheet is `workbook_controller`, the
activity sheets `workbook_activities`; the purposes, recipients, transfers, security and fiche sheets are here.

Pure: no openpyxl here. `tables(words)` gives every sheet as a `Table` (rows × columns of text, dates
or empty cells); `ropa.render.workbook` puts them on paper and into a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ropa.law.importers import art_3_2_caveat
from ropa.law.register_transfers import Exporter, exporter_name, importer_name
from ropa.model import ActivityRole, Purpose, Recipient, SecurityMeasure
from ropa.render import workbook_labels as labels
from ropa.render.workbook_activities import activities_table, processor_table
from ropa.render.workbook_controller import controller_table
from ropa.render.workbook_words import CellValue, Column, Table, Words, lines
from ropa.transfers import RegisterTransfer

# `Words`, `Table`, `Column` and `CellValue` live in `ropa.render.workbook_words`; named here too, as before.
__all__ = ["CellValue", "Column", "Table", "Words", "tables"]


def tables(words: Words) -> list[Table[Any]]:
    """Every sheet of the workbook, in order."""
    from ropa.render.workbook_data import data_table  # it builds on this module's Table

    activities = activities_table(words)
    processor = processor_table(words)
    # No Art. 30(2) sheet for an organisation that acts as processor for no one: an empty record is no record.
    processing = [processor] if processor.rows else []
    return [
        controller_table(words),
        activities,
        *processing,
        _fiches_table(words, [activities, *processing]),
        _purposes_table(words),
        _recipients_table(words),
        _transfers_table(words),
        _security_table(words),
        data_table(words),  # the register, one fact per row, for `ropa import` (render/workbook_data.py)
    ]


_PurposeRow = tuple[str, Purpose]


def _purposes_table(words: Words) -> Table[_PurposeRow]:
    register = words.register

    def activities(key: str) -> str | None:
        return words.activity_names(words.activities_with("purposes", key))

    def recipients(key: str) -> str | None:
        return lines(words.recipients_sharing_for(key))

    columns: list[Column[_PurposeRow]] = [
        Column("id", lambda row: row[0]),
        Column("name", lambda row: words.name(row[1].name)),
        Column("description", lambda row: words.text(row[1].description)),
        Column("legal_basis", lambda row: words.bases(row[1])),
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

    def _entity(recipient: Recipient) -> str | None:
        if recipient.group is None:
            return recipient.legal_entity
        group = f"{words.label(labels.PHRASES['group'])}{recipient.group}"
        return f"{recipient.legal_entity} ({group})" if recipient.legal_entity else group

    def _role(recipient: Recipient) -> str:
        role = words.label(labels.RECIPIENT_ROLES[recipient.role])
        if recipient.engaged_by is None:
            return role
        above = register.recipients[recipient.engaged_by].name
        return f"{role}; {words.label(labels.PHRASES['engaged_by']).format(name=above)}"

    def _activity(recipient: str, key: str) -> str:
        activity = register.activities[key]
        name = words.name(activity.name)
        return (
            f"{name}{words.colon}{words.received(activity, recipient)}" if recipient in activity.disclosures else name
        )

    columns: list[Column[_RecipientRow]] = [
        Column("id", lambda row: row[0]),
        Column("name", lambda row: row[1].name),
        Column("legal_entity", lambda row: _entity(row[1])),
        Column("registration", lambda row: row[1].registration),
        Column("address", lambda row: row[1].address),
        Column("category", lambda row: words.name(register.recipient_categories[row[1].category])),
        Column("role", lambda row: _role(row[1])),
        Column("country", lambda row: words.country(row[1].country) if row[1].country else None),
        Column("locations", lambda row: lines(words.country(place) for place in row[1].locations)),
        Column("contract_date", lambda row: row[1].contract.date if row[1].contract else None),
        Column("contract_reference", lambda row: row[1].contract.reference if row[1].contract else None),
        Column("dpf_certified", lambda row: words.yes_no(row[1].dpf_certified)),
        Column("mechanisms", lambda row: lines(words.label(labels.MECHANISMS[m]) for m in row[1].mechanisms)),
        Column("transfer_impact_assessment", lambda row: row[1].transfer_impact_assessment),
        Column("derogation_safeguards", lambda row: words.text(row[1].derogation_safeguards)),
        Column("arrangement", lambda row: words.text(row[1].arrangement)),
        Column("shared_for", lambda row: words.purpose_names(row[1].shared_for)),
        Column(
            "activities", lambda row: lines(_activity(row[0], key) for key in words.activities_with_recipient(row[0]))
        ),
        Column("contact", lambda row: row[1].contact),
        Column("privacy_policy", lambda row: row[1].privacy_policy),
        Column("sources", lambda row: lines(row[1].sources)),
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
        return words.label(labels.PHRASES[phrase]).format(name=exporter_name(register, item))

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
        Column("mechanisms", lambda item: lines(words.label(labels.MECHANISMS[m]) for m in item.mechanisms)),
        Column("dpf_certified", lambda item: words.yes_no(item.dpf_certified)),
        Column("lawful", lambda item: words.yes_no(item.assessment.lawful)),
        Column("basis", lambda item: words.label(labels.TRANSFER_BASES[item.assessment.basis])),
        Column("citation", lambda item: words.citation(item) or None),
        Column("reasons", lambda item: lines(words.reasons(item))),
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
    record_label, _ = labels.HEADERS["transfers"]["record"]
    # Which record the activity is in: the controller's (Art. 30(1)) or the processor's (Art. 30(2)).
    kind, point = ("processor_record", "30-2") if table.sheet == "processor" else ("controller_record", "30-1")
    fiche: list[_FicheRow] = [
        (key, words.label(record_label), words.label(labels.PHRASES[kind]), words.label(labels.POINTS[point]))
    ]
    for column, value in zip(table.columns[1:], cells[1:], strict=True):
        label, point = labels.HEADERS[table.sheet][column.key]
        fiche.append((key, words.label(label), value, words.label(labels.POINTS[point])))
    return fiche
