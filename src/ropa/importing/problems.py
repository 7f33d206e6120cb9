"""What an import found: problems that refuse it, and the cells it could not map (the import report).

Every place is `file!sheet!cell` (`record.xlsx!Activities!D14`), as spreadsheets name a cell; a CSV file
has no sheet (`people.csv!D14`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from ropa.errors import RopaError

__all__ = ["ImportReport", "SpreadsheetError", "SpreadsheetProblem", "Unmapped", "place"]


def place(file: str, sheet: str | None, cell: str | None = None) -> str:
    """`file!sheet!cell`; without a sheet (CSV) `file!cell`; without a cell, the sheet (or the file)."""
    return "!".join(part for part in (file, sheet, cell) if part)


@dataclass(frozen=True)
class SpreadsheetProblem:
    """A reason to refuse the import, and where it is."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class SpreadsheetError(RopaError, ValueError):
    """The spreadsheet cannot be imported: `problems` lists every reason found, each located."""

    def __init__(self, problems: Iterable[SpreadsheetProblem]) -> None:
        self.problems: tuple[SpreadsheetProblem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Unmapped:
    """A cell whose value is not in the register written: left for the DPO, with the reason."""

    where: str
    value: str
    reason: str


@dataclass
class ImportReport:
    """Every cell the import could not map into the register, and what it noticed on the way."""

    source: str
    layout: str
    unmapped: list[Unmapped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the DPO should know although no value was lost (formula text read as text, hidden rows read)."""

    def leave(self, where: str, value: object, reason: str) -> None:
        self.unmapped.append(Unmapped(where, "" if value is None else str(value), reason))

    def to_text(self) -> str:
        lines = [f"import report: {self.source} ({self.layout} layout)"]
        lines += [f"note: {note}" for note in self.notes]
        count = len(self.unmapped)
        lines.append(f"{count} cell{'s' if count != 1 else ''} not imported" + (":" if count else ""))
        lines += [f"{item.where}: {item.value!r}: {item.reason}" for item in self.unmapped]
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        data = {
            "source": self.source,
            "layout": self.layout,
            "notes": self.notes,
            "unmapped": [asdict(item) for item in self.unmapped],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
