"""The regulators' own questions: an inspector finds in the workbook every answer Article 30 requires.

`workbook_fixtures/questionnaire_answers.yaml` says, for every question of the UK ICO, Irish DPC and
French CNIL questionnaires, where the workbook holds its answer or why ropa does not hold it.
docs/workbook.md carries that table; `ROPA_UPDATE_DOCS=1` regenerates it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
import yaml

from ropa import write_workbook
from ropa.io import load
from ropa.model import Register
from ropa.render import workbook_labels as labels
from tests.conftest import ONEDU
from tests.render.workbook_fixtures.questionnaires import (
    ANSWERS_END,
    ANSWERS_START,
    COLUMNS_END,
    COLUMNS_START,
    DOCS,
    TEMPLATES,
    WHEN,
    Question,
    answers_markdown,
    cells,
    columns_markdown,
    fully_answered,
    generated_block,
    questionnaire,
    questions,
    replace_block,
    verdict,
)
from tests.render.workbook_fixtures.reading import QUESTIONNAIRE_ANSWERS, SMALL, Grid, read_calamine

ONEDU_ON = date(2026, 11, 25)
SMALL_ON = date(2025, 6, 1)
POINTS = {"30(1)", "30(1)(a)", "30(1)(b)", "30(1)(c)", "30(1)(d)", "30(1)(e)", "30(1)(f)", "30(1)(g)"}


@pytest.fixture(scope="module")
def onedu() -> Register:
    return load(ONEDU)


@pytest.fixture(scope="module")
def workbooks(onedu: Register, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Grid]]:
    folder = tmp_path_factory.mktemp("questionnaires")
    found = {}
    for name, register, on in (("onedu", onedu, ONEDU_ON), ("small", load(SMALL), SMALL_ON)):
        for lang in ("ro", "en"):
            path = folder / f"{name}-{lang}.xlsx"
            write_workbook(register, path, lang=lang, on=on)
            found[name, lang] = read_calamine(path)
    return found


def _onedu_verdicts(onedu: Register, grids: dict[str, Grid], lang: str) -> dict[str, str]:
    return {question.key: verdict(question, onedu, ONEDU_ON, grids, lang) for question in questions()}


def test_every_question_of_the_three_templates_is_mapped() -> None:
    answers = yaml.safe_load(QUESTIONNAIRE_ANSWERS.read_text(encoding="utf-8"))
    asked = [item["key"] for template in TEMPLATES for item in questionnaire(template)]
    assert len(asked) == 42 + 41 + 38
    assert list(answers) == asked


def test_every_answer_points_at_a_column_or_says_why_there_is_none() -> None:
    for question in questions():
        assert question.coverage in ("full", "partial", "none"), question.key
        assert bool(question.answer) == (question.coverage != "none"), question.key
        if question.coverage != "full":
            assert question.note, question.key
        assert question.art30 is None or question.art30 in POINTS, question.key
        assert question.when is None or question.when in WHEN, question.key
        for reference in question.answer:
            _check_reference(reference)


def _check_reference(reference: str) -> None:
    if reference.startswith("controller@"):
        section, _, element = reference.removeprefix("controller@").partition(".")
        assert section in labels.CONTROLLER_SECTIONS, reference
        assert not element or element in labels.CONTROLLER_ELEMENTS, reference
        return
    sheet, column = reference.split(".")
    assert column in labels.HEADERS[sheet], reference


def _article_30_questions() -> list[Question]:
    return [question for question in questions() if question.art30]


def test_article_30_questions_are_the_ones_of_its_points() -> None:
    by_template = {
        template: [q.key for q in _article_30_questions() if q.key.startswith(template)] for template in TEMPLATES
    }
    assert {template: len(keys) for template, keys in by_template.items()} == {"ico": 14, "dpc": 13, "cnil": 14}
    for question in _article_30_questions():
        assert question.coverage == "full", question.key


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_onedu_workbook_answers_every_question_article_30_requires(
    onedu: Register, workbooks: dict[tuple[str, str], dict[str, Grid]], lang: str
) -> None:
    grids = workbooks["onedu", lang]
    for question in _article_30_questions():
        found = verdict(question, onedu, ONEDU_ON, grids, lang)
        assert found in ("answered", "not applicable"), (question.key, found)
        if found == "not applicable":
            assert question.when is not None
            assert WHEN[question.when][1], question.key


@pytest.mark.parametrize(("name", "lang"), [(n, lang) for n in ("onedu", "small") for lang in ("ro", "en")])
def test_where_the_register_lacks_the_fact_the_answer_stays_empty(
    onedu: Register, workbooks: dict[tuple[str, str], dict[str, Grid]], name: str, lang: str
) -> None:
    register, on = (onedu, ONEDU_ON) if name == "onedu" else (load(SMALL), SMALL_ON)
    grids = workbooks[name, lang]
    for question in questions():
        if question.when is None:
            continue
        holds = WHEN[question.when][0](register, on)
        values = [value for reference in question.answer for value in cells(grids, reference, lang)]
        assert any(value is not None for value in values) == holds, (question.key, question.when)


def test_the_small_register_answers_every_question_the_workbook_can_hold(
    workbooks: dict[tuple[str, str], dict[str, Grid]],
) -> None:
    register = load(SMALL)
    for question in questions():
        found = verdict(question, register, SMALL_ON, workbooks["small", "en"], "en")
        expected = {"full": "answered", "partial": "partly answered", "none": "not held"}[question.coverage]
        if question.when in ("representative", "dpo"):  # the small register has neither
            expected = "not applicable"
        assert found == expected, question.key
    absent = {name for name, (holds, _) in WHEN.items() if not holds(register, SMALL_ON)}
    assert absent == {"representative", "dpo"}


def test_the_onedu_workbook_answers_more_than_fides_does(
    onedu: Register, workbooks: dict[tuple[str, str], dict[str, Grid]]
) -> None:
    verdicts = _onedu_verdicts(onedu, workbooks["onedu", "en"], "en")
    for template in TEMPLATES:
        fides = sum(1 for item in questionnaire(template) if item["expected_coverage"] == "full")
        ours = fully_answered(found for key, found in verdicts.items() if key.startswith(f"{template}_"))
        assert fides == 4
        assert ours > fides, template


def test_the_docs_carry_the_current_tables(onedu: Register, workbooks: dict[tuple[str, str], dict[str, Grid]]) -> None:
    text = DOCS.read_text(encoding="utf-8")
    columns = columns_markdown()
    answers = answers_markdown(_onedu_verdicts(onedu, workbooks["onedu", "en"], "en"))
    if os.environ.get("ROPA_UPDATE_DOCS"):
        text = replace_block(text, COLUMNS_START, COLUMNS_END, columns)
        text = replace_block(text, ANSWERS_START, ANSWERS_END, answers)
        Path(DOCS).write_text(text, encoding="utf-8")
    assert generated_block(text, COLUMNS_START, COLUMNS_END) == columns
    assert generated_block(text, ANSWERS_START, ANSWERS_END) == answers
    romanian = _onedu_verdicts(onedu, workbooks["onedu", "ro"], "ro")
    assert romanian == _onedu_verdicts(onedu, workbooks["onedu", "en"], "en")
