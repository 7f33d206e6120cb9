"""The controller sheet of the Article 30 workbook: the organisation, its DPO and representative, joint controllers (Art. 30(1)(a))."""

from __future__ import annotations

from collections.abc import Iterable

from ropa.law.national import national_law
from ropa.law.rules import assess
from ropa.model import Contact, RecipientRole, Representative
from ropa.render import workbook_labels as labels
from ropa.render.workbook_words import CellValue, Column, Table, Words

__all__ = ["controller_table"]

# The controller sheet: section, element, value, point.
_Fact = tuple[str, str, CellValue, str]


def controller_table(words: Words) -> Table[_Fact]:
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
        *_representative_facts(words),
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


def _representative_facts(words: Words) -> list[_Fact]:
    # Art. 27(1), 30(1)(a) "where applicable": a controller established in the Union has no representative to
    # name; one outside it keeps the rows, empty where none is recorded (C603 says why).
    representative = words.register.controller.representative
    if representative is None and assess(words.register.controller.country, words.on).basis == "intra-eea":
        return []
    return _contact_facts(words, "representative", representative)


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
