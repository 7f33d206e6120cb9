"""Who gets what (issue 21), in the notice: each subject is told exactly its own data and sources, in both
languages, read through a Markdown parser; controller and processor stay apart; retention shows both limits."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from ropa.model import Register
from ropa.render.notice import render_notice
from ropa.render.policy import render_policy
from tests.grain_register import DAY, GRAIN, grain

NAMES = {
    "en": {
        "identity": "identity data",
        "contact": "contact details",
        "health": "health form",
        "allergies": "allergies",
        "photos": "photographs",
        "pupils": "pupils",
        "parents": "parents",
        "doctor": "from the family doctor",
        "from-parents": "from the parents",
    },
    "ro": {
        "identity": "date de identificare",
        "contact": "date de contact",
        "health": "fișa medicală",
        "allergies": "alergii",
        "photos": "fotografii",
        "pupils": "elevi",
        "parents": "părinți",
        "doctor": "de la medicul de familie",
        "from-parents": "de la părinți",
    },
}


def section(register: Register, lang: str, name: str) -> str:
    return next(s.text for s in render_notice(register, lang, on=DAY) if s.name == name)


def lists_under_headings(markdown: str) -> dict[str, list[list[str]]]:
    """For each level-2 heading, the items of each bullet list under it, as the parser reads them."""
    found: dict[str, list[list[str]]] = {}
    heading: str | None = None
    body = markdown.split("\n---\n", 1)[1]  # after the front matter
    tokens = MarkdownIt("commonmark").parse(body)
    items: list[str] | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            heading = tokens[index + 1].content
            found[heading] = []
        elif token.type == "bullet_list_open" and heading is not None:
            items = []
            found[heading].append(items)
        elif token.type == "inline" and items is not None and tokens[index - 1].type == "paragraph_open":
            if tokens[index - 2].type == "list_item_open":
                items.append(token.content)
        elif token.type == "bullet_list_close":
            items = None
    return found


def told(register: Register, lang: str) -> dict[str, tuple[list[str], list[str]]]:
    """(data, sources) each subject is told, as the parser reads the data section."""
    parsed = lists_under_headings(section(register, lang, "02-data"))
    return {heading: (lists[0], lists[-1]) for heading, lists in parsed.items()}


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_each_subject_is_told_exactly_its_own_data_and_sources(lang: str) -> None:
    n = NAMES[lang]
    subjects = told(grain(), lang)
    assert subjects[n["pupils"]] == ([n["identity"], n["health"], n["allergies"]], [n["doctor"], n["from-parents"]])
    assert subjects[n["parents"]] == ([n["identity"], n["contact"]], [n["from-parents"]])


@pytest.mark.parametrize("lang", ["en", "ro"])
@pytest.mark.parametrize(("subject", "other"), [("pupils", "parents"), ("parents", "pupils")])
def test_a_category_added_to_one_subject_shows_there_and_nowhere_else(lang: str, subject: str, other: str) -> None:
    n = NAMES[lang]
    before = told(grain(), lang)
    line = {"pupils": "      pupils: [identity, health, allergies]", "parents": "      parents: [identity, contact]"}[
        subject
    ]
    register = grain(
        GRAIN,
        (
            "data_categories: [identity, contact, health, allergies]",
            "data_categories: [identity, contact, health, allergies, photos]",
        ),
        (line, line.replace("]", ", photos]")),
    )
    after = told(register, lang)
    assert after[n[subject]][0] == [*before[n[subject]][0], n["photos"]]
    assert after[n[other]] == before[n[other]]
    assert n["photos"] not in section(register, lang, "02-data").split(f"## {n[subject]}")[0]


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_without_the_grain_every_subject_is_told_every_category(lang: str) -> None:
    n = NAMES[lang]
    register = grain(
        GRAIN,
        ("    subject_data:\n      pupils: [identity, health, allergies]\n      parents: [identity, contact]\n", ""),
    )
    everything = [n["identity"], n["contact"], n["health"], n["allergies"]]
    assert told(register, lang)[n["parents"]][0] == everything


def test_two_health_categories_name_the_special_category_once() -> None:
    text = section(grain(), "en", "02-data")
    assert "special categories of personal data: data concerning health." in text
    assert "data concerning health, data concerning health" not in text


def test_a_processor_purpose_in_shared_for_stays_out_of_the_organisations_own_sections() -> None:
    # cloud-host is processor for the controller activity and sub-processor for the processor one; its
    # shared_for names both activities' purposes.
    register = grain()
    for lang, processor_purpose in (("en", "hosting for clients"), ("ro", "găzduirea pentru clienți")):
        published = [s.text for s in render_notice(register, lang, on=DAY)] + [render_policy(register, lang)]
        assert not [text for text in published if processor_purpose in text]
    assert "- schooling" in render_policy(register, "en")


def test_the_data_sharing_section_says_what_each_recipient_receives() -> None:
    for lang, line in (
        ("en", "- Trip Insurer: identity data (for: school trips)"),
        ("ro", "- Trip Insurer: date de identificare (în scopul: excursii școlare)"),
    ):
        text = render_policy(grain(), lang)
        assert line in text.splitlines()
        assert "Cloud Host:" not in text  # receives everything: no line claims a part


def test_retention_with_period_and_criteria_shows_both_and_the_law_behind_the_basis() -> None:
    assert "- identity data (Schooling): 5 years; then until graduation" in section(grain(), "en", "05-retention")
    assert "- date de identificare (Școlarizarea): 5 ani; apoi până la absolvire" in section(
        grain(), "ro", "05-retention"
    )
    purposes = section(grain(), "en", "03-purposes")
    assert "- The basis is laid down by: Education Law 198/2023" in purposes
    assert "Art. 6(1)(c); performance of a task in the public interest" in purposes
