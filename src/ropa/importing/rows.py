"""One row per processing activity, whatever the spreadsheet: the cells of a row made into register records.

The ICO layout and a DPO's own mapping both name, for each column, the register field it holds
(`FIELDS`); `Rows.add` makes an activity of a row, with its purposes, data subjects and data
categories, reusing a record that another row names with the same words. A value that cannot be
mapped for certain is reported with its cell (`ImportReport`), never guessed; a value the register
cannot do without (a lawful basis ropa does not know) refuses the import, located.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from openpyxl.utils.datetime import from_excel

from ropa.importing.problems import ImportReport, SpreadsheetProblem
from ropa.importing.reading import Value
from ropa.importing.vocabulary import closest, duration, legal_basis, plain, special_condition, yes_no
from ropa.model import LegalBasis, SpecialCondition

__all__ = ["FIELDS", "Cell", "Rows", "slug", "split", "text_of"]

FIELDS: Final = {
    "id": "the activity's id (kebab-case); made from its name when absent",
    "name": "the activity's name; made from its purposes when absent",
    "function": "the business function (department) that carries it out",
    "description": "what is done",
    "purposes": "its purposes, one per list item",
    "legal_basis": "the Art. 6(1) lawful basis: one for every purpose, or one per purpose in order",
    "legitimate_interest": "the interest pursued, for the purposes resting on legitimate interests",
    "special_condition": "the Art. 9(2) condition for special categories of data",
    "data_subjects": "the categories of data subjects, one per list item",
    "data_categories": "the categories of personal data, one per list item",
    "retention": "how long the data are kept: a duration (`6 years`) or the criteria in words",
    "source": "where the data come from (Art. 14)",
    "automated_decisions": "automated decision-making, profiling (Art. 22)",
    "dpia_required": "whether a DPIA is required (yes/no)",
    "dpia_done": "whether the DPIA is done (yes/no, complete)",
    "dpia_reference": "where the DPIA is",
    "created": "when the activity was recorded (a date)",
    "updated": "when its record was last changed (a date)",
    "ended": "when the activity ended (a date)",
    "report": "not imported: each filled cell is listed in the import report",
}
_TEXTS: Final = ("function", "description", "source", "automated_decisions")
_DATES: Final = ("created", "updated", "ended")
_DONE: Final = frozenset({"complete", "completed", "done", "finished", "finalizat", "finalizata", "termine"})
_NOT_DONE: Final = frozenset({"not started", "in progress", "ongoing", "not complete", "in curs", "en cours"})
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Cell:
    """A filled cell of a row: the field its column holds, where it is, its value and its column's heading."""

    field: str
    where: str
    value: Value
    heading: str = ""


def split(value: Value, separators: str) -> list[str]:
    """A list cell's items: one per line; in a cell of one line, one per any of `separators`.

    List marks (`-`, `•`) and blank items are left out."""
    text = text_of(value)
    pattern = "\n" if "\n" in text else "|".join(re.escape(separator) for separator in separators) or "\n"
    items = [re.sub(r"^\s*(?:[-•*·]\s+)?", "", item).strip() for item in re.split(pattern, text)]
    return [item for item in items if item]


def slug(text: str, taken: Sequence[str] | dict[str, Any] = ()) -> str:
    """A kebab-case id for `text`, not among `taken`."""
    words = plain(text).split()
    base = ""
    for word in words:
        if len(base) + len(word) + 1 > 48:
            break
        base = f"{base}-{word}" if base else word
    base = base or "item"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def text_of(value: Value) -> str:
    """A cell's value as text: a whole number without `.0`, line ends `\\n`, no blanks around."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip() if value is not None else ""


@dataclass
class Rows:
    """The register's records made so far from the rows of one sheet."""

    language: str
    report: ImportReport
    separators: str = ";,"
    left_out: str = "column {heading!r} has no place in a register"
    """Why a cell of a `report` column is not imported (its column's heading filled in)."""
    problems: list[SpreadsheetProblem] = field(default_factory=list)
    activities: dict[str, dict[str, Any]] = field(default_factory=dict)
    purposes: dict[str, dict[str, Any]] = field(default_factory=dict)
    data_subjects: dict[str, dict[str, Any]] = field(default_factory=dict)
    data_categories: dict[str, dict[str, Any]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    """Where each activity came from (its row's first cell), to locate a problem the model finds."""

    def collections(self) -> dict[str, Any]:
        return {
            "data_subjects": self.data_subjects,
            "data_categories": self.data_categories,
            "purposes": self.purposes,
            "activities": self.activities,
        }

    def add(self, cells: Sequence[Cell], where: str) -> None:
        """Make an activity of one row's filled cells (`where` names the row)."""
        by_field: dict[str, Cell] = {}
        for cell in cells:
            if cell.field == "report":
                self.report.leave(cell.where, text_of(cell.value), self.left_out.format(heading=cell.heading))
            elif cell.field in by_field:
                self.report.leave(cell.where, text_of(cell.value), f"a second column for {cell.field}: not used")
            else:
                by_field[cell.field] = cell
        if not by_field:
            return
        activity: dict[str, Any] = {}
        # A purpose is a phrase, often with a comma in it: only a new line or `;` separates purposes.
        purpose_names = split(by_field["purposes"].value, ";") if "purposes" in by_field else []
        bases = self._bases(by_field, purpose_names, where)
        name = text_of(by_field["name"].value) if "name" in by_field else "; ".join(purpose_names)
        name = name or (text_of(by_field["function"].value) if "function" in by_field else "")
        if not name:
            self.problems.append(SpreadsheetProblem(where, "a row with neither a name nor a purpose: give one"))
            return
        activity["name"] = self._local(name)
        if bases is not None:
            activity["purposes"] = self._purposes(by_field, purpose_names or [name], bases)
        for key in _TEXTS:
            if key in by_field and text_of(by_field[key].value):
                activity[key] = self._local(text_of(by_field[key].value))
        for key, collection in (("data_subjects", self.data_subjects), ("data_categories", self.data_categories)):
            if key in by_field:
                items = split(by_field[key].value, self.separators)
                activity[key] = list(dict.fromkeys(self._named(collection, item) for item in items))
        self._condition(by_field, activity)
        self._retention(by_field, activity)
        self._dpia(by_field, activity)
        for key in _DATES:
            if key in by_field:
                self._date(by_field[key], activity, key)
        activity_key = self._key(by_field, name)
        if activity_key is not None:
            self.activities[activity_key] = activity
            self.origins[activity_key] = where

    def _local(self, text: str) -> dict[str, str]:
        return {self.language: text}

    def _key(self, by_field: dict[str, Cell], name: str) -> str | None:
        if "id" not in by_field:
            return slug(name, self.activities)
        key = text_of(by_field["id"].value)
        if not _ID.match(key) or len(key) > 64:
            self.problems.append(SpreadsheetProblem(by_field["id"].where, f"{key!r} is not an id (kebab-case)"))
            return None
        if key in self.activities:
            self.problems.append(SpreadsheetProblem(by_field["id"].where, f"{key!r} is the id of {self.origins[key]}"))
            return None
        return key

    def _bases(self, by_field: dict[str, Cell], purposes: list[str], where: str) -> list[LegalBasis] | None:
        """One basis per purpose; None when the row gives none (its purposes are then left as its name)."""
        cell = by_field.get("legal_basis")
        if cell is None or not text_of(cell.value):
            if purposes:
                self.report.leave(
                    by_field["purposes"].where,
                    text_of(by_field["purposes"].value),
                    "no lawful basis given: the purposes are kept as the activity's name, not as purposes",
                )
            return None
        items = split(cell.value, "\n;")
        found: list[LegalBasis] = []
        for item in items:
            basis = legal_basis(item)
            if basis is None:
                near = closest(item, LegalBasis)
                hint = f": did you mean {near}?" if near else f" (ropa knows {', '.join(LegalBasis)})"
                self.problems.append(SpreadsheetProblem(cell.where, f"{item!r} is not a legal basis ropa knows{hint}"))
                return None
            found.append(basis)
        count = max(len(purposes), 1)
        if len(found) == 1:
            return found * count
        if len(found) != count:
            self.problems.append(
                SpreadsheetProblem(
                    cell.where, f"{len(found)} lawful bases for {count} purposes: give one, or one per purpose in order"
                )
            )
            return None
        return found

    def _purposes(self, by_field: dict[str, Cell], names: list[str], bases: list[LegalBasis]) -> list[str]:
        interest = by_field.get("legitimate_interest")
        interest_text = text_of(interest.value) if interest is not None else ""
        keys = []
        for name, basis in zip(names, bases, strict=True):
            purpose: dict[str, Any] = {"name": self._local(name), "legal_basis": basis.value}
            if basis is LegalBasis.LEGITIMATE_INTERESTS:
                if not interest_text:
                    where = by_field["legal_basis"].where
                    self.problems.append(
                        SpreadsheetProblem(where, f"{name!r} rests on legitimate interests: state the interest pursued")
                    )
                else:
                    purpose["legitimate_interest"] = self._local(interest_text)
            keys.append(self._same_or_new(self.purposes, purpose))
        if interest is not None and interest_text and LegalBasis.LEGITIMATE_INTERESTS not in bases:
            self.report.leave(interest.where, interest_text, "no purpose of this row rests on legitimate interests")
        return list(dict.fromkeys(keys))  # a purpose written twice in a cell is one purpose

    def _named(self, collection: dict[str, dict[str, Any]], name: str) -> str:
        return self._same_or_new(collection, {"name": self._local(name)})

    @staticmethod
    def _same_or_new(collection: dict[str, dict[str, Any]], record: dict[str, Any]) -> str:
        for key, known in collection.items():
            if known == record:
                return key
        key = slug(next(iter(record["name"].values())), collection)
        collection[key] = record
        return key

    def _condition(self, by_field: dict[str, Cell], activity: dict[str, Any]) -> None:
        cell = by_field.get("special_condition")
        if cell is None or not text_of(cell.value):
            return
        condition = special_condition(text_of(cell.value))
        if condition is None:
            near = closest(text_of(cell.value), SpecialCondition)
            hint = f" (did you mean {near}?)" if near else ""
            self.report.leave(
                cell.where, text_of(cell.value), f"not an Art. 9(2) condition ropa knows for certain{hint}"
            )
        else:
            activity["special_condition"] = condition.value

    def _retention(self, by_field: dict[str, Cell], activity: dict[str, Any]) -> None:
        cell = by_field.get("retention")
        if cell is None or not text_of(cell.value):
            return
        if not activity.get("data_categories"):
            self.report.leave(
                cell.where, text_of(cell.value), "a retention period needs the data categories it applies to"
            )
            return
        period = duration(text_of(cell.value))
        rule: dict[str, Any] = {"data": list(activity["data_categories"])}
        rule.update({"period": period} if period else {"criteria": self._local(text_of(cell.value))})
        activity["retention"] = [rule]

    def _dpia(self, by_field: dict[str, Cell], activity: dict[str, Any]) -> None:
        required_cell, done_cell, reference_cell = (
            by_field.get(key) for key in ("dpia_required", "dpia_done", "dpia_reference")
        )
        required = yes_no(required_cell.value) if required_cell is not None else None
        if required_cell is not None and required is None:
            self.report.leave(required_cell.where, text_of(required_cell.value), "not a yes or a no")
        if required is None:
            for cell in (done_cell, reference_cell):
                if cell is not None:
                    self.report.leave(cell.where, text_of(cell.value), "whether a DPIA is required is not given")
            return
        dpia: dict[str, Any] = {"required": required}
        if done_cell is not None:
            words = plain(text_of(done_cell.value))
            done = True if words in _DONE else False if words in _NOT_DONE else yes_no(done_cell.value)
            if done is None:
                self.report.leave(done_cell.where, text_of(done_cell.value), "not a yes, a no or 'complete'")
            else:
                dpia["done"] = done
        if reference_cell is not None:
            dpia["reference"] = text_of(reference_cell.value)
        activity["dpia"] = dpia

    def _date(self, cell: Cell, activity: dict[str, Any], key: str) -> None:
        value = cell.value
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
            value = from_excel(value).date()  # a date stored as its serial number, without a date format
            self.report.notes.append(f"{cell.where}: the number {cell.value} read as the date {value.isoformat()}")
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                self.report.leave(cell.where, value, "not a date (write it YYYY-MM-DD)")
                return
        if isinstance(value, date):
            activity[key] = value.isoformat()
        else:
            self.report.leave(cell.where, text_of(value), "not a date")
