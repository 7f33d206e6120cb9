"""The regulators' questionnaires, where the workbook answers each question, and the generated docs tables."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ropa.model import RecipientRole, Register
from ropa.render import workbook_labels as labels
from ropa.transfers import register_transfers
from tests.conftest import ROOT
from tests.render.workbook_fixtures.reading import QUESTIONNAIRE_ANSWERS, Grid, Value, table

QUESTIONNAIRES = Path(__file__).resolve().parent / "questionnaires"
TEMPLATES = {"ico": "UK ICO", "dpc": "Irish DPC", "cnil": "French CNIL"}
DOCS = ROOT / "docs" / "workbook.md"

COLUMNS_START = "<!-- generated: workbook columns -->"
COLUMNS_END = "<!-- end of generated workbook columns -->"
ANSWERS_START = "<!-- generated: questionnaire answers -->"
ANSWERS_END = "<!-- end of generated questionnaire answers -->"

# The register facts a question depends on: (does the register hold it?, is its absence "not applicable"?).
# Art. 30 says "where applicable" of joint controllers, the representative, the DPO and transfers: when the
# register has none, the empty cell is the answer. For the other facts an empty cell means the register is
# silent, and the question stays unanswered.
Predicate = Callable[[Register, date], bool]
WHEN: dict[str, tuple[Predicate, bool]] = {
    "joint-controllers": (
        lambda r, on: any(x.role is RecipientRole.JOINT_CONTROLLER for x in r.recipients.values()),
        True,
    ),
    "representative": (lambda r, on: r.controller.representative is not None, True),
    "dpo": (lambda r, on: r.controller.dpo is not None, True),
    "transfers": (lambda r, on: bool(register_transfers(r, on)), True),
    "legitimate-interests": (lambda r, on: any(p.legitimate_interest for p in r.purposes.values()), True),
    "special-data": (lambda r, on: any(c.special for c in r.data_categories.values()), True),
    "automated-decisions": (lambda r, on: any(a.automated_decisions for a in r.activities.values()), False),
    "dpia": (lambda r, on: any(a.dpia for a in r.activities.values()), False),
    "processor-contracts": (lambda r, on: any(x.contract for x in r.recipients.values()), False),
    "history": (lambda r, on: any(a.created or a.updated for a in r.activities.values()), False),
    "tia": (lambda r, on: any(x.transfer_impact_assessment for x in r.recipients.values()), False),
}


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    required: bool
    answer: tuple[str, ...]
    coverage: str
    art30: str | None
    when: str | None
    note: str | None


def questionnaire(template: str) -> list[dict[str, Any]]:
    """The questions of one template, as Fides ships them."""
    questions: list[dict[str, Any]] = json.loads((QUESTIONNAIRES / f"{template}.json").read_text(encoding="utf-8"))
    return questions


def questions() -> list[Question]:
    """Every question of the three templates, with where the workbook answers it."""
    answers: dict[str, dict[str, Any]] = yaml.safe_load(QUESTIONNAIRE_ANSWERS.read_text(encoding="utf-8"))
    found = []
    for template in TEMPLATES:
        for item in questionnaire(template):
            answer = answers[item["key"]]
            found.append(
                Question(
                    key=item["key"],
                    text=item["text"],
                    required=item["required"],
                    answer=tuple(answer["answer"]),
                    coverage=answer["coverage"],
                    art30=answer.get("art30"),
                    when=answer.get("when"),
                    note=answer.get("note"),
                )
            )
    return found


def cells(grids: dict[str, Grid], reference: str, lang: str) -> list[Value]:
    """The cells a reference points at: `sheet.column`, or `controller@section[.element]`."""
    if reference.startswith("controller@"):
        section, _, element = reference.removeprefix("controller@").partition(".")
        sheet = grids[labels.SHEET_NAMES["controller"][lang]]
        section_label = labels.CONTROLLER_SECTIONS[section][lang]
        element_label = labels.CONTROLLER_ELEMENTS[element][lang] if element else None
        return [row[2] for row in sheet[4:] if row[0] == section_label and element_label in (None, row[1])]
    sheet_key, column = reference.split(".")
    return [row[column] for row in table(grids, sheet_key, lang)]


def verdict(question: Question, register: Register, on: date, grids: dict[str, Grid], lang: str) -> str:
    """How the workbook of `register` answers `question`: answered, partly, not applicable, silent, not held."""
    if question.coverage == "none":
        return "not held"
    filled = any(value is not None for reference in question.answer for value in cells(grids, reference, lang))
    if filled:
        return "answered" if question.coverage == "full" else "partly answered"
    if question.when is not None:
        holds, absence_is_an_answer = WHEN[question.when]
        if not holds(register, on) and absence_is_an_answer:
            return "not applicable"
    return "register silent"


def fully_answered(verdicts: Iterable[str]) -> int:
    return sum(1 for item in verdicts if item in ("answered", "not applicable"))


# --- the generated parts of docs/workbook.md -------------------------------------------------------------


def columns_markdown() -> str:
    """Every sheet and column of the workbook, in English and Romanian, with its point of Article 30."""
    parts = [COLUMNS_START, ""]
    for sheet, columns in labels.HEADERS.items():
        names = labels.SHEET_NAMES[sheet]
        parts += [f"#### {names['en']} — «{names['ro']}»", "", f"{labels.SHEET_TITLES[sheet]['en']}.", ""]
        parts += ["| Column | Romanian heading | Article 30 |", "| --- | --- | --- |"]
        for label, point in columns.values():
            parts.append(f"| {label['en']} | {label['ro']} | {labels.POINTS[point]['en']} |")
        parts.append("")
    parts.append(COLUMNS_END)
    return "\n".join(parts)


def where(reference: str) -> str:
    """A reference in words: the sheet and the column (or rows) in English."""
    if reference.startswith("controller@"):
        section, _, element = reference.removeprefix("controller@").partition(".")
        rows = labels.CONTROLLER_SECTIONS[section]["en"]
        rows += f": {labels.CONTROLLER_ELEMENTS[element]['en']}" if element else " (its rows)"
        return f"{labels.SHEET_NAMES['controller']['en']} › {rows}"
    sheet, column = reference.split(".")
    return f"{labels.SHEET_NAMES[sheet]['en']} › {labels.HEADERS[sheet][column][0]['en']}"


def answers_markdown(onedu_verdicts: dict[str, str]) -> str:
    """The questionnaire table: each question, where its answer is, and how the ONedu workbook answers it."""
    parts = [ANSWERS_START, ""]
    all_questions = questions()
    for template, title in TEMPLATES.items():
        asked = [question for question in all_questions if question.key.startswith(f"{template}_")]
        verdicts = [onedu_verdicts[question.key] for question in asked]
        article_30 = [question for question in asked if question.art30]
        parts += [
            f"#### {title} ({len(asked)} questions)",
            "",
            f"The ONedu workbook fully answers **{fully_answered(verdicts)}** of {len(asked)} questions "
            f"(Fides: 4), among them **{fully_answered(onedu_verdicts[q.key] for q in article_30)}** "
            f"of the {len(article_30)} that Article 30 requires; it partly answers "
            f"{verdicts.count('partly answered')}; for {verdicts.count('register silent')} the ONedu register "
            f"holds no fact yet; {verdicts.count('not held')} are outside the register.",
            "",
            "| Key | Question | Required by the template | Article 30 | Where in the workbook | ONedu |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for question in asked:
            places = [where(reference) for reference in question.answer]
            places += [f"*{question.note}*"] if question.note else []
            place = "<br>".join(places) or "—"
            required = "yes" if question.required else "no"
            point = question.art30 or "—"
            parts.append(
                f"| `{question.key}` | {question.text} | {required} | {point} | {place} | {onedu_verdicts[question.key]} |"
            )
        parts.append("")
    parts.append(ANSWERS_END)
    return "\n".join(parts)


def generated_block(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end) + len(end)]


def replace_block(text: str, start: str, end: str, block: str) -> str:
    return text[: text.index(start)] + block + text[text.index(end) + len(end) :]
