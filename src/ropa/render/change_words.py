"""The fields and values of a register diff in the register's words: the workbook's labels, names
for ids, countries and legal bases by name, yes/no for booleans, escaped for Markdown.

Labels come from `workbook_labels`; the few fields the workbook has no column for have their own
labels in the catalogues (context `changes.fields`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ropa.model import Register, country_name
from ropa.render import workbook_labels as labels
from ropa.render.markdown import escape
from ropa.render.workbook_tables import Words
from ropa.words import table
from ropa.words import text as words_text

__all__ = ["ChangeWords"]

_HEADER = labels.HEADERS
_OWN = table("changes.fields")
"""Labels of the fields the workbook has no column for (catalogue context `changes.fields`)."""

# (collection, field) -> the workbook's label for it.
_FIELD_LABELS: dict[tuple[str, ...], labels.Label] = {
    **{("activities", field): label for field, (label, _) in _HEADER["activities"].items()},
    **{("recipients", field): label for field, (label, _) in _HEADER["recipients"].items()},
    **{("purposes", field): label for field, (label, _) in _HEADER["purposes"].items()},
    ("purposes", "requirement"): _OWN["purposes.requirement"],
    ("activities", "role"): _HEADER["transfers"]["record"][0],
    ("activities", "on_behalf_of"): _HEADER["processor"]["controller"][0],
    ("activities", "dpia", "required"): _HEADER["activities"]["dpia_required"][0],
    ("activities", "dpia", "done"): _HEADER["activities"]["dpia_done"][0],
    ("activities", "dpia", "reference"): _HEADER["activities"]["dpia_reference"][0],
    ("recipients", "contract", "date"): _HEADER["recipients"]["contract_date"][0],
    ("recipients", "contract", "reference"): _HEADER["recipients"]["contract_reference"][0],
    ("(register)", "controller"): labels.CONTROLLER_SECTIONS["controller"],
    ("(register)", "languages"): labels.CONTROLLER_ELEMENTS["language"],
    ("(register)", "updated"): labels.CONTROLLER_ELEMENTS["register_date"],
    ("(register)", "cookies"): _OWN["(register).cookies"],
    ("(register)", "history"): _OWN["(register).history"],
    ("(register)", "data_subjects"): _HEADER["activities"]["data_subjects"][0],
    ("(register)", "data_categories"): _HEADER["activities"]["data_categories"][0],
    ("(register)", "recipient_categories"): _HEADER["activities"]["recipient_categories"][0],
    ("(register)", "security_measures"): labels.SHEET_NAMES["security"],
    ("(register)", "client_controllers"): _HEADER["processor"]["controller"][0],
}

# Fields the workbook has no column for.
_LABELS: dict[tuple[str, ...], labels.Label] = {
    ("recipients", "outside_adequacy_scope"): _OWN["recipients.outside_adequacy_scope"],
    ("activities", "recipient_roles"): _OWN["activities.recipient_roles"],
    ("activities", "special_condition"): _HEADER["activities"]["special_conditions"][0],
    ("activities", "large_scale"): _OWN["activities.large_scale"],
    ("activities", "systematic_monitoring"): _OWN["activities.systematic_monitoring"],
    ("activities", "publicly_accessible_area"): _OWN["activities.publicly_accessible_area"],
    ("activities", "core"): _OWN["activities.core"],
    ("recipients", "transfers"): _OWN["recipients.transfers"],
    ("recipients", "subject_to_gdpr"): _HEADER["transfers"]["importer_caveat"][0],
    ("recipients", "scc_legacy_concluded"): _OWN["recipients.scc_legacy_concluded"],
    ("(register)", "format"): _OWN["(register).format"],
    ("(register)", "policy"): _OWN["(register).policy"],
    **{  # issue 21: who gets what, the law behind the bases, internal notes
        tuple(key.split(".")): _OWN[key]
        for key in (
            "activities.subject_data",
            "activities.disclosures",
            "activities.data_sources",
            "activities.criminal_data_law",
            "activities.notes",
            "purposes.further_legal_bases",
            "purposes.law",
            "purposes.notes",
            "recipients.engaged_by",
            "recipients.group",
            "recipients.notes",
            # issue 22: what the notice says only when the register says it
            "activities.collected_from_subject",
            "activities.profiling",
            "purposes.direct_marketing",
            "recipients.tracking",
            "(register).no_cookies",
        )
    },
    # What changes over time (docs/dpo-year.md).
    ("(register)", "review_every"): _OWN["(register).review_every"],
    ("(register)", "subprocessor_notice"): _OWN["(register).subprocessor_notice"],
    ("activities", "dpia", "review_due"): _OWN["activities.dpia.review_due"],
    ("recipients", "contract", "review_due"): _OWN["recipients.contract.review_due"],
    ("recipients", "transfer_impact_assessment_review_due"): _OWN["recipients.transfer_impact_assessment_review_due"],
}

# Fields that hold ids of records, and the collection the ids refer to.
_REFERENCES = {
    ("activities", "purposes"): "purposes",
    ("activities", "data_subjects"): "data_subjects",
    ("activities", "data_categories"): "data_categories",
    ("activities", "recipients"): "recipients",
    ("activities", "security_measures"): "security_measures",
    ("activities", "on_behalf_of"): "client_controllers",
    ("recipients", "shared_for"): "purposes",
    ("recipients", "category"): "recipient_categories",
    ("recipients", "engaged_by"): "recipients",
}
_PLACES = {("recipients", "country"), ("recipients", "locations")}
_VOCABULARIES: dict[tuple[str, str], Mapping[str, labels.Label]] = {
    ("purposes", "legal_basis"): labels.LEGAL_BASES,
    ("purposes", "special_condition"): labels.SPECIAL_CONDITIONS,
    ("recipients", "role"): labels.RECIPIENT_ROLES,
    ("activities", "special_condition"): labels.SPECIAL_CONDITIONS,
    ("recipients", "mechanisms"): labels.MECHANISMS,
    ("activities", "role"): {
        "controller": labels.PHRASES["controller_record"],
        "processor": labels.PHRASES["processor_record"],
    },
}
# Fields that are small records of their own: each of their fields is shown on its own.
SUBRECORDS = {("activities", "dpia"), ("recipients", "contract")}


@dataclass(frozen=True)
class ChangeWords:
    """Words for one diff: the two registers (names come from the one that has the record) and the language."""

    old: Register
    new: Register
    lang: str
    """The language of the register's texts; ropa's own words are in it too if it is ro or en, else in en."""

    @property
    def words(self) -> str:
        return self.lang if self.lang in labels.LANGUAGES else "en"

    def label(self, collection: str, *field: str) -> str:
        key = (collection, *field)
        label = _FIELD_LABELS.get(key) or _LABELS.get(key)
        return escape(label[self.words]) if label else escape(".".join(field))

    def quoted(self, value: str) -> str:
        """Register text, escaped, in the language's quotation marks."""
        return f"{words_text(self.words, 'quotes', 'open')}{escape(value)}{words_text(self.words, 'quotes', 'close')}"

    def record_name(self, collection: str, key: str) -> str:
        for register in (self.new, self.old):
            records: Mapping[str, Any] = getattr(register, collection)
            if key in records:
                record = records[key]
                name = record if collection == "recipient_categories" else record.name
                return name if isinstance(name, str) else str(name[self.lang])
        return key

    def country(self, place: str) -> str:
        return escape(country_name(place, self.lang))

    def value(self, collection: str, field: str, value: Any) -> str:
        """One value of `field` as the register's words (a list item, for a list)."""
        key = (collection, field)
        if isinstance(value, bool):
            return escape(labels.YES_NO[value][self.words])
        if isinstance(value, str) and key in _REFERENCES:
            return self.quoted(self.record_name(_REFERENCES[key], value))
        if isinstance(value, str) and key in _PLACES:
            return self.country(value)
        if isinstance(value, str) and key in _VOCABULARIES:
            vocabulary = _VOCABULARIES[key]
            return escape(vocabulary[value][self.words]) if value in vocabulary else self.quoted(value)
        if isinstance(value, dict) and self.lang in value and isinstance(value[self.lang], str):
            return self.quoted(value[self.lang])
        if isinstance(value, dict) and "data" in value and isinstance(value.get("source"), dict):  # a data source
            categories = ", ".join(self.record_name("data_categories", key) for key in value["data"])
            return self.quoted(f"{categories}: {value['source'].get(self.lang, '')}")
        if isinstance(value, dict) and "data" in value:  # a retention rule
            return self._retention(value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return "; ".join(
                f"{escape(str(name))}: {self.value(collection, str(name), item)}" for name, item in value.items()
            )
        if isinstance(value, list):
            return ", ".join(self.value(collection, field, item) for item in value)
        return self.quoted(str(value))

    def _retention(self, rule: dict[str, Any]) -> str:
        categories = ", ".join(self.record_name("data_categories", key) for key in rule.get("data", []))
        words = Words(self.new, self.words, date.min, [])
        limits = []
        if rule.get("period"):
            limits.append(words.duration(str(rule["period"])))
        for text in (rule.get("criteria"), rule.get("ground")):
            if isinstance(text, dict) and isinstance(text.get(self.lang), str):
                limits.append(text[self.lang])
        return self.quoted(f"{categories}: {'; '.join(limits)}" if limits else categories)
