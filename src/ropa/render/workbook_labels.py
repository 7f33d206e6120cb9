"""The words of the Article 30 workbook: tables read from the catalogues (`ropa/catalogues/<lang>.po`).

Labels that cite a country's own law live with that law (`ropa.law.national`), used only for its controllers.

Each table is one catalogue context (`workbook.sheet_names`, `workbook.headers`…); each label maps every
language ropa writes to its text. The wording is curated in the catalogues: Romanian follows the official
Romanian text of Regulation (EU) 2016/679 (Art. 6, 9, 26-32, 45-49; `reference/law.md` §3,
`reference/romanian-gdpr.md`), written with comma-below ș and ț; where the official wording is not confirmed,
the label names the provision instead of paraphrasing it (e.g. Art. 49(1) second subparagraph).
"""

from __future__ import annotations

from typing import Final

from ropa.words import languages, table, text

__all__ = [
    "CONTACT_FIELDS",
    "CONTROLLER_ELEMENTS",
    "CONTROLLER_SECTIONS",
    "FOOTER",
    "HEADERS",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "LEGAL_BASES",
    "MECHANISMS",
    "PHRASES",
    "POINTS",
    "RECIPIENT_ROLES",
    "SECURITY_POINTS",
    "SHEET_NAMES",
    "SHEET_NOTES",
    "SHEET_TITLES",
    "SPECIAL_CATEGORIES",
    "SPECIAL_CONDITIONS",
    "TRANSFER_BASES",
    "YES_NO",
    "Label",
]

Label = dict[str, str]
"""A text in every language the workbook speaks: `{"en": …, "ro": …}`."""

LANGUAGES: Final = languages()

SHEET_NAMES: Final[dict[str, Label]] = table("workbook.sheet_names")
SHEET_TITLES: Final[dict[str, Label]] = table("workbook.sheet_titles")
SHEET_NOTES: Final[dict[str, Label]] = table("workbook.sheet_notes")
FOOTER: Final[Label] = table("workbook.footer")["page"]

POINTS: Final[dict[str, Label]] = table("workbook.points")
"""The points of Article 30 (and, for the extra columns, where they come from)."""

# Column headings: sheet -> column -> the key in POINTS of the point of Art. 30 the column fulfils.
_COLUMN_POINTS: Final[dict[str, dict[str, str]]] = {
    "controller": {
        "section": "30-1-a-2-a",
        "element": "30-1-a-2-a",
        "value": "30-1-a-2-a",
        "point": "30-1-a-2-a",
    },
    "activities": {
        "id": "extra-id",
        "name": "30-1",
        "function": "extra-ico",
        "description": "extra-ico",
        "purposes": "30-1-b",
        "legal_bases": "extra-art6",
        "legitimate_interests": "extra-art6f",
        "special_conditions": "extra-art9",
        "data_subjects": "30-1-c",
        "data_categories": "30-1-c",
        "special_data": "extra-art9",
        "source": "extra-art14",
        "recipient_categories": "30-1-d",
        "recipients": "30-1-d",
        "transfers": "30-1-e",
        "transfer_safeguards": "30-1-e",
        "derogation_documentation": "30-1-e",
        "retention": "30-1-f",
        "security_measures": "30-1-g",
        "locations": "extra-location",
        "automated_decisions": "extra-art22",
        "dpia_required": "extra-art35",
        "dpia_done": "extra-art35",
        "dpia_reference": "extra-art35",
        "occasional": "30-5",
        "created": "extra-history",
        "updated": "extra-history",
        "ended": "extra-history",
        "reviewed": "extra-history",
    },
    "processor": {
        "id": "extra-id",
        "name": "30-2-b",
        "processor": "30-2-a",
        "controller": "30-2-a",
        "controller_contact": "30-2-a",
        "controller_representative": "30-2-a",
        "controller_dpo": "30-2-a",
        "description": "30-2-b",
        "purposes": "extra",
        "data_subjects": "extra",
        "data_categories": "extra",
        "recipients": "extra-art28",
        "transfers": "30-2-c",
        "transfer_safeguards": "30-2-c",
        "derogation_documentation": "30-2-c",
        "security_measures": "30-2-d",
        "retention": "extra",
        "created": "extra-history",
        "updated": "extra-history",
        "ended": "extra-history",
    },
    "fiches": {
        "id": "extra-id",
        "element": "30-1-2",
        "value": "30-1-2",
        "point": "30-1-2",
    },
    "purposes": {
        "id": "extra-id",
        "name": "30-1-b",
        "description": "30-1-b",
        "legal_basis": "extra-art6",
        "legitimate_interest": "extra-art6f",
        "special_condition": "extra-art9",
        "activities": "extra-link",
        "recipients": "30-1-d",
    },
    "recipients": {
        "id": "extra-id",
        "name": "30-1-d",
        "legal_entity": "30-1-d",
        "registration": "30-1-d",
        "address": "30-1-d",
        "category": "30-1-d",
        "role": "extra-art28",
        "country": "30-1-d",
        "locations": "30-1-d-e",
        "contract_date": "extra-art28",
        "contract_reference": "extra-art28",
        "dpf_certified": "extra-chapter-v",
        "mechanisms": "30-1-e",
        "transfer_impact_assessment": "extra-chapter-v",
        "derogation_safeguards": "30-1-e",
        "arrangement": "30-1-a",
        "shared_for": "30-1-b",
        "activities": "extra-link",
        "contact": "extra",
        "privacy_policy": "extra",
        "sources": "extra",
    },
    "transfers": {
        "activity": "30-1-e-2-c",
        "record": "30-1-e-2-c",
        "exporter": "extra-chapter-v",
        "recipient": "30-1-e-2-c",
        "importer_role": "extra-chapter-v",
        "destination": "30-1-e-2-c",
        "mechanisms": "30-1-e-2-c",
        "dpf_certified": "extra-chapter-v",
        "lawful": "extra-chapter-v",
        "basis": "extra-chapter-v",
        "citation": "extra-chapter-v",
        "reasons": "extra-chapter-v",
        "scc_module": "extra-chapter-v",
        "importer_caveat": "extra-chapter-v",
        "tia_required": "extra-chapter-v",
        "tia_reference": "extra-chapter-v",
        "derogation_documentation": "30-1-e-2-c",
    },
    "security": {
        "id": "extra-id",
        "name": "30-1-g-2-d",
        "description": "30-1-g-2-d",
        "point": "30-1-g-2-d",
        "public": "extra",
        "activities": "extra-link",
    },
    "data": {"path": "extra", "kind": "extra", "value": "extra"},
}

_HEADINGS: Final = table("workbook.headers")

HEADERS: Final[dict[str, dict[str, tuple[Label, str]]]] = {
    sheet: {column: (_HEADINGS[f"{sheet}.{column}"], point) for column, point in columns.items()}
    for sheet, columns in _COLUMN_POINTS.items()
}
"""Column headings: sheet -> column -> (label, point)."""

CONTROLLER_SECTIONS: Final[dict[str, Label]] = table("workbook.controller_sections")
CONTROLLER_ELEMENTS: Final[dict[str, Label]] = table("workbook.controller_elements")

LANGUAGE_NAMES: Final[dict[str, Label]] = {lang: {lang: text(lang, "language", "name")} for lang in LANGUAGES}
"""Each language's name in itself (the workbook names the language it is written in)."""

CONTACT_FIELDS: Final[dict[str, Label]] = table("workbook.contact_fields")

# --- the closed vocabularies ------------------------------------------------------------------------

_YES_NO: Final = table("workbook.yes_no")
YES_NO: Final[dict[bool, Label]] = {True: _YES_NO["yes"], False: _YES_NO["no"]}

LEGAL_BASES: Final[dict[str, Label]] = table("workbook.legal_bases")
SPECIAL_CONDITIONS: Final[dict[str, Label]] = table("workbook.special_conditions")
SPECIAL_CATEGORIES: Final[dict[str, Label]] = table("workbook.special_categories")
RECIPIENT_ROLES: Final[dict[str, Label]] = table("workbook.recipient_roles")
SECURITY_POINTS: Final[dict[str, Label]] = table("workbook.security_points")
TRANSFER_BASES: Final[dict[str, Label]] = table("workbook.transfer_bases")
MECHANISMS: Final[dict[str, Label]] = table("workbook.mechanisms")
PHRASES: Final[dict[str, Label]] = table("workbook.phrases")
