"""Every column of the workbook says which point of Article 30 it fulfils, in the GDPR's own words."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from ropa.io import load
from ropa.render import workbook_labels as labels
from ropa.render.workbook import HEADER_ROW, build_workbook
from ropa.render.workbook_tables import Words
from tests.render.workbook_fixtures.reading import SMALL

ON = date(2025, 6, 1)

# Each element of Art. 30(1)(a)-(g) and 30(2)(a)-(d): the sheet and the heading of a column that holds it.
ELEMENTS: dict[str, list[tuple[str, str]]] = {
    "ro": [
        ("Operatorul", "Conținutul\nart. 30 alin. (1) lit. (a) și alin. (2) lit. (a)"),
        ("Activități art. 30(1)", "Scopurile prelucrării\nart. 30 alin. (1) lit. (b)"),
        ("Activități art. 30(1)", "Categoriile de persoane vizate\nart. 30 alin. (1) lit. (c)"),
        ("Activități art. 30(1)", "Categoriile de date cu caracter personal\nart. 30 alin. (1) lit. (c)"),
        (
            "Activități art. 30(1)",
            "Categoriile de destinatari cărora le-au fost sau le vor fi divulgate datele\nart. 30 alin. (1) lit. (d)",
        ),
        (
            "Activități art. 30(1)",
            "Transferurile către o țară terță sau o organizație internațională (identificarea acesteia)"
            "\nart. 30 alin. (1) lit. (e)",
        ),
        (
            "Activități art. 30(1)",
            "Documentația care dovedește existența unor garanții adecvate (art. 49 alin. (1) al doilea paragraf)"
            "\nart. 30 alin. (1) lit. (e)",
        ),
        (
            "Activități art. 30(1)",
            "Termenele-limită preconizate pentru ștergerea diferitelor categorii de date\nart. 30 alin. (1) lit. (f)",
        ),
        (
            "Activități art. 30(1)",
            "Descrierea generală a măsurilor tehnice și organizatorice de securitate (art. 32 alin. (1))"
            "\nart. 30 alin. (1) lit. (g)",
        ),
        (
            "Persoană împuternicită 30(2)",
            "Numele și datele de contact ale persoanei împuternicite de operator\nart. 30 alin. (2) lit. (a)",
        ),
        (
            "Persoană împuternicită 30(2)",
            "Operatorul în numele căruia acționează persoana împuternicită\nart. 30 alin. (2) lit. (a)",
        ),
        ("Persoană împuternicită 30(2)", "Datele de contact ale operatorului\nart. 30 alin. (2) lit. (a)"),
        ("Persoană împuternicită 30(2)", "Reprezentantul operatorului\nart. 30 alin. (2) lit. (a)"),
        (
            "Persoană împuternicită 30(2)",
            "Responsabilul cu protecția datelor al operatorului\nart. 30 alin. (2) lit. (a)",
        ),
        (
            "Persoană împuternicită 30(2)",
            "Categoriile de activități de prelucrare desfășurate în numele operatorului\nart. 30 alin. (2) lit. (b)",
        ),
        (
            "Persoană împuternicită 30(2)",
            "Transferurile către o țară terță sau o organizație internațională (identificarea acesteia)"
            "\nart. 30 alin. (2) lit. (c)",
        ),
        (
            "Persoană împuternicită 30(2)",
            "Documentația care dovedește existența unor garanții adecvate (art. 49 alin. (1) al doilea paragraf)"
            "\nart. 30 alin. (2) lit. (c)",
        ),
        (
            "Persoană împuternicită 30(2)",
            "Descrierea generală a măsurilor tehnice și organizatorice de securitate (art. 32 alin. (1))"
            "\nart. 30 alin. (2) lit. (d)",
        ),
    ],
    "en": [
        ("Controller", "Value\nArt. 30(1)(a) and 30(2)(a)"),
        ("Activities Art. 30(1)", "Purposes of the processing\nArt. 30(1)(b)"),
        ("Activities Art. 30(1)", "Categories of data subjects\nArt. 30(1)(c)"),
        ("Activities Art. 30(1)", "Categories of personal data\nArt. 30(1)(c)"),
        (
            "Activities Art. 30(1)",
            "Categories of recipients to whom the data have been or will be disclosed\nArt. 30(1)(d)",
        ),
        (
            "Activities Art. 30(1)",
            "Transfers to a third country or an international organisation (its identification)\nArt. 30(1)(e)",
        ),
        (
            "Activities Art. 30(1)",
            "Documentation of suitable safeguards (Art. 49(1) second subparagraph)\nArt. 30(1)(e)",
        ),
        (
            "Activities Art. 30(1)",
            "Envisaged time limits for erasure of the different categories of data\nArt. 30(1)(f)",
        ),
        (
            "Activities Art. 30(1)",
            "General description of the technical and organisational security measures (Art. 32(1))\nArt. 30(1)(g)",
        ),
        ("Processor Art. 30(2)", "Name and contact details of the processor\nArt. 30(2)(a)"),
        ("Processor Art. 30(2)", "Controller on behalf of which the processor is acting\nArt. 30(2)(a)"),
        ("Processor Art. 30(2)", "Contact details of the controller\nArt. 30(2)(a)"),
        ("Processor Art. 30(2)", "The controller's representative\nArt. 30(2)(a)"),
        ("Processor Art. 30(2)", "The controller's data protection officer\nArt. 30(2)(a)"),
        ("Processor Art. 30(2)", "Categories of processing carried out on behalf of the controller\nArt. 30(2)(b)"),
        (
            "Processor Art. 30(2)",
            "Transfers to a third country or an international organisation (its identification)\nArt. 30(2)(c)",
        ),
        (
            "Processor Art. 30(2)",
            "Documentation of suitable safeguards (Art. 49(1) second subparagraph)\nArt. 30(2)(c)",
        ),
        (
            "Processor Art. 30(2)",
            "General description of the technical and organisational security measures (Art. 32(1))\nArt. 30(2)(d)",
        ),
    ],
}

# The controller sheet names each party of Art. 30(1)(a) in its own section; the representative only "where
# applicable": the small register's controller is Romanian (tests/render/test_workbook_parties.py has the others).
SECTIONS = {
    "ro": ["Operatorul", "Operator asociat", "Responsabilul cu protecția datelor"],
    "en": ["Controller", "Joint controller", "Data protection officer"],
}


@pytest.fixture(scope="module")
def workbooks() -> dict[str, Workbook]:
    register = load(SMALL)
    return {lang: build_workbook(register, lang=lang, on=ON) for lang in ("ro", "en")}


def _headings(workbook: Workbook, sheet: str) -> list[str]:
    return [str(cell.value) for cell in workbook[sheet][HEADER_ROW]]


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_each_element_of_article_30_has_its_column(workbooks: dict[str, Workbook], lang: str) -> None:
    for sheet, heading in ELEMENTS[lang]:
        assert heading in _headings(workbooks[lang], sheet), (sheet, heading)
    sections = {cell.value for cell in workbooks[lang][ELEMENTS[lang][0][0]]["A"]}
    assert set(SECTIONS[lang]) <= sections


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_every_heading_says_which_point_it_fulfils(workbooks: dict[str, Workbook], lang: str) -> None:
    points = {point[lang] for point in labels.POINTS.values()}
    for sheet in workbooks[lang]:
        for heading in _headings(workbooks[lang], sheet.title):
            label, point = heading.split("\n")
            assert label, heading
            assert point in points, heading
            assert "30" in point, heading


def test_the_labels_speak_both_languages_and_cover_every_vocabulary() -> None:
    from ropa.model import (
        LegalBasis,
        RecipientRole,
        SecurityPoint,
        SpecialCategory,
        SpecialCondition,
        TransferMechanism,
    )

    vocabularies = [
        (labels.LEGAL_BASES, LegalBasis),
        (labels.SPECIAL_CONDITIONS, SpecialCondition),
        (labels.SPECIAL_CATEGORIES, SpecialCategory),
        (labels.RECIPIENT_ROLES, RecipientRole),
        (labels.SECURITY_POINTS, SecurityPoint),
        (labels.MECHANISMS, TransferMechanism),
    ]
    for table, vocabulary in vocabularies:
        assert set(table) == {member.value for member in vocabulary}, vocabulary
    assert set(labels.TRANSFER_BASES) == {"intra-eea", "adequacy", "safeguards", "derogation", "none"}
    every_label = [
        *labels.SHEET_NAMES.values(),
        *labels.SHEET_TITLES.values(),
        *labels.SHEET_NOTES.values(),
        *labels.POINTS.values(),
        *(label for columns in labels.HEADERS.values() for label, _ in columns.values()),
        *labels.CONTROLLER_SECTIONS.values(),
        *labels.CONTROLLER_ELEMENTS.values(),
        *labels.PHRASES.values(),
        *(label for table, _ in vocabularies for label in table.values()),
    ]
    for label in every_label:
        assert set(label) == set(labels.LANGUAGES), label
        assert not set(label["ro"]) & set("şţŞŢ"), label
    assert {
        len(name) <= 31 for lang in labels.LANGUAGES for name in (n[lang] for n in labels.SHEET_NAMES.values())
    } == {True}


def test_each_legal_basis_names_its_point_of_article_6() -> None:
    for basis, label in labels.LEGAL_BASES.items():
        point = "abcdef"[list(labels.LEGAL_BASES).index(basis)]
        assert label["ro"].endswith(f"art. 6 alin. (1) lit. ({point})")
        assert label["en"].endswith(f"Art. 6(1)({point})")
    for index, label in enumerate(labels.SPECIAL_CONDITIONS.values()):
        assert label["ro"].endswith(f"art. 9 alin. (2) lit. ({'abcdefghij'[index]})")
        assert label["en"].endswith(f"Art. 9(2)({'abcdefghij'[index]})")


@pytest.mark.parametrize(
    ("period", "ro", "en"),
    [
        ("P1Y", "1 an (P1Y)", "1 year (P1Y)"),
        ("P2Y", "2 ani (P2Y)", "2 years (P2Y)"),
        ("P19D", "19 zile (P19D)", "19 days (P19D)"),
        ("P20D", "20 de zile (P20D)", "20 days (P20D)"),
        ("P101Y", "101 ani (P101Y)", "101 years (P101Y)"),
        ("P120M", "120 de luni (P120M)", "120 months (P120M)"),
        ("P1W", "1 săptămână (P1W)", "1 week (P1W)"),
        ("P1Y2M3D", "1 an, 2 luni și 3 zile (P1Y2M3D)", "1 year, 2 months and 3 days (P1Y2M3D)"),
        ("P0D", "0 zile (P0D)", "0 days (P0D)"),
    ],
)
def test_retention_periods_are_written_out(period: str, ro: str, en: str) -> None:
    register = load(SMALL)
    assert Words(register, "ro", ON, []).duration(period) == ro
    assert Words(register, "en", ON, []).duration(period) == en
