"""French, shipped (issue 23): a register in `[fr, en]` builds every output with ropa alone, and the French
outputs read as French — no English sentence, no raw identifier, no ISO date in the notice's running text,
French spacing before `: ; ? !` and inside « » — read back through the Markdown parser and openpyxl."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
import yaml
from markdown_it import MarkdownIt

from ropa.errors import CatalogueError
from ropa.io import load, load_text
from ropa.model.vocabulary import LegalBasis, SpecialCondition, TransferMechanism
from ropa.render.markdown import spaced, typeset
from ropa.render.notice import render_notice
from ropa.render.subprocessors import render_subprocessors
from ropa.words import CATALOGUES_VARIABLE, clear_cache, plural_form
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import run_ropa

BELGIAN = EXAMPLES / "belgian-municipality" / "register.yaml"
CATALOGUES = ROOT / "src" / "ropa" / "catalogues"
ON = date(2026, 12, 7)
NO_BREAK, NARROW = "\u00a0", "\u202f"

# Words that occur in almost every English sentence and in no French one.
ENGLISH = re.compile(r"\b(the|and|of|to|is|are|we|our|your|you|with|which|this|that|not|be|by|for|from)\b")
# The identifiers a register is written with: never a word of a French sentence.
IDENTIFIERS = re.compile(
    r"\b(?:intra-eea|"
    + "|".join(
        re.escape(value)
        for value in sorted({*TransferMechanism, *LegalBasis, *SpecialCondition}, key=len, reverse=True)
        if "-" in value or value in {"scc", "bcr"}
    )
    + r")\b"
)
ADDRESS = re.compile(r"<?https?://\S+|\S+@\S+")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A mark that ends a word: what French spacing applies to (`https://`, `10:30` and `a?b` do not).
MARK_AFTER_WORD = re.compile(r"(.)([:;?!])(?=\s|$)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("belgian") / "site"
    done = run_ropa("build", BELGIAN, "-o", out, "--on", ON.isoformat())
    assert done.returncode == 0, done.stderr
    return out


def blocks(markdown: str) -> list[str]:
    """What a reader sees of a Markdown text with front matter: each heading, paragraph and list item."""
    front, body = markdown.split("---\n", 2)[1:]
    assert yaml.safe_load(front)["title"]
    return [
        "".join(child.content or "\n" for child in token.children or [])
        for token in MarkdownIt("commonmark").parse(body)
        if token.type == "inline"
    ]


def english(texts: list[str]) -> list[str]:
    """The texts with an English function word outside their web and e-mail addresses."""
    return [text for text in texts if ENGLISH.search(ADDRESS.sub("", text))]


def french_blocks(out: Path) -> list[str]:
    files = [*sorted(out.glob("notice-*.fr.md")), out / "policy-data-sharing.fr.md"]
    return [block for path in files for block in blocks(path.read_text(encoding="utf-8"))]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(data.strip())


def page_texts(out: Path) -> list[str]:
    parser = _Text()
    parser.feed((out / "record.fr.html").read_text(encoding="utf-8"))
    return parser.texts


def workbook_texts(out: Path) -> list[str]:
    """Every text cell of the French workbook but the register's data sheet (the register's own values)."""
    book = openpyxl.load_workbook(out / "article-30-record.fr.xlsx", read_only=True)
    try:
        return [
            str(value)
            for sheet in book.worksheets[:-1]
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if isinstance(value, str)
        ]
    finally:
        book.close()


def test_french_and_english_build_every_output_with_ropa_alone(built: Path) -> None:
    for lang in ("fr", "en"):
        assert (built / f"article-30-record.{lang}.xlsx").is_file()
        assert (built / f"record.{lang}.html").is_file()
        assert (built / f"policy-data-sharing.{lang}.md").is_file()
        assert len(list(built.glob(f"notice-*.{lang}.md"))) == 8


def test_the_french_notice_and_policy_are_french(built: Path) -> None:
    texts = french_blocks(built)
    assert "Qui est responsable de vos données\u202f?" in texts
    assert english(texts) == []
    assert [text for text in texts if IDENTIFIERS.search(text)] == []
    assert [text for text in texts if ISO_DATE.search(text)] == []
    assert any("25 novembre 2026" in text for text in texts)


def test_the_french_notice_names_the_transfer_tool_in_words(built: Path) -> None:
    texts = french_blocks(built)
    assert any("clauses types de protection des données adoptées par la Commission" in text for text in texts)


def test_the_french_outputs_space_their_punctuation_the_french_way(built: Path) -> None:
    texts = french_blocks(built)
    marks = [(match.group(1), match.group(2)) for text in texts for match in MARK_AFTER_WORD.finditer(text)]
    assert marks, "the notice has colons and question marks"
    wrong = [(before, mark) for before, mark in marks if before != (NO_BREAK if mark == ":" else NARROW)]
    assert wrong == []
    assert [text for text in texts if re.search(" [:;?!]", text)] == []


def test_the_french_page_and_workbook_speak_french_in_ropa_s_own_words(built: Path) -> None:
    page, cells = page_texts(built), workbook_texts(built)
    for texts in (page, cells):
        assert [text for text in texts if IDENTIFIERS.search(text)] == []
    assert f"Légende{NO_BREAK}: le verdict sur le transfert" in page
    # The page's own joints and the register's texts are typeset too (never its style, script or tags).
    unspaced = [
        m.group(0) for text in page for m in MARK_AFTER_WORD.finditer(text) if m.group(1) not in (NO_BREAK, NARROW)
    ]
    assert unspaced == []
    assert any(text.startswith(f"Données{NO_BREAK}: ") for text in page)
    # The workbook's joints too ("Date du registre : …", "purpose : basis"); the register's texts are its facts.
    unspaced = [
        m.group(0) for text in cells for m in MARK_AFTER_WORD.finditer(text) if m.group(1) not in (NO_BREAK, NARROW)
    ]
    assert unspaced == []
    assert f"Droit à l'effacement («{NARROW}droit à l'oubli{NARROW}») — art. 17" in page
    assert (
        "Registre des activités de traitement (article 30 du règlement (UE) 2016/679) — le responsable du traitement"
        in cells
    )
    assert "Délais prévus pour l'effacement des différentes catégories de données" in cells
    assert english(cells) == []


def test_the_french_page_and_workbook_write_no_iso_date_in_running_text(built: Path) -> None:
    running = [text for text in page_texts(built) if " " in text]
    running += [text for text in workbook_texts(built) if " " in text]
    assert [text for text in running if ISO_DATE.search(text)] == []


def test_the_french_page_shows_its_findings_in_french(built: Path) -> None:
    assert english(page_texts(built)) == []


def controller_section(text: str) -> str:
    register = load_text(text, file=str(BELGIAN))
    return next(section.text for section in render_notice(register, "fr", on=ON) if section.name == "01-controller")


@pytest.mark.parametrize(
    ("gender", "wording"),
    [
        ("feminine", "notre déléguée à la protection des données, Claire Dumont,"),
        ("masculine", "notre délégué à la protection des données, Claire Dumont,"),
        ("neutral", "la personne déléguée à la protection des données, Claire Dumont,"),
    ],
)
def test_the_dpo_is_named_in_the_grammatical_gender_the_register_records(gender: str, wording: str) -> None:
    text = BELGIAN.read_text(encoding="utf-8").replace("grammatical_gender: feminine", f"grammatical_gender: {gender}")
    assert wording in controller_section(text)


def test_without_a_recorded_gender_the_dpo_is_named_without_a_guess() -> None:
    text = BELGIAN.read_text(encoding="utf-8").replace("    grammatical_gender: feminine\n", "")
    section = controller_section(text)
    assert "la personne déléguée à la protection des données, Claire Dumont," in section
    assert "notre déléguée" not in section
    assert "notre délégué " not in section


def test_french_spacing_leaves_addresses_times_code_and_front_matter_alone() -> None:
    text = (
        "---\ntitle: Qui nous sommes\n---\n\n"
        "Voir <https://a.example/b?c=1> : mailto:x@a.example, à 10:30 ; `ropa check: a?` «oui» !"
    )
    assert typeset(text, "fr") == (
        "---\ntitle: Qui nous sommes\n---\n\n"
        f"Voir <https://a.example/b?c=1>{NO_BREAK}: mailto:x@a.example, à 10:30{NARROW}; "
        f"`ropa check: a?` «{NARROW}oui{NARROW}»{NARROW}!"
    )
    assert typeset(text, "en") == text
    assert spaced(f"Adresse{NO_BREAK}: x", NO_BREAK, NARROW, NARROW) == f"Adresse{NO_BREAK}: x"


def test_the_belgian_example_names_its_supervisory_authority_in_french() -> None:
    register = load(BELGIAN)
    rights = next(section.text for section in render_notice(register, "fr", on=ON) if section.name == "06-rights")
    assert "Autorité de protection des données" in rights


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("fr", {0: 0, 1: 0, 2: 1, 20: 1, 101: 1}),  # French: zero is singular ("0 jour")
        ("en", {0: 1, 1: 0, 2: 1, 20: 1, 101: 1}),
        ("ro", {0: 1, 1: 0, 2: 1, 19: 1, 20: 2, 100: 2, 101: 1, 120: 2}),  # "20 de zile"
    ],
)
def test_a_counted_word_takes_the_form_its_catalogue_s_plural_forms_choose(lang: str, forms: dict[int, int]) -> None:
    assert {count: plural_form(lang, count) for count in forms} == forms


def test_the_french_transfer_summary_counts_in_french() -> None:
    done = run_ropa("transfers", BELGIAN, "--on", ON.isoformat(), "--lang", "fr")
    assert done.returncode == 0, done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    assert summary == (
        f"1 transfert hors de l'EEE — licites{NO_BREAK}: 1, illicites{NO_BREAK}: 0{NARROW}; "
        "1 nécessite une évaluation de l'impact du transfert."
    )


def test_the_french_diff_is_typeset_the_french_way(tmp_path: Path) -> None:
    changed = tmp_path / "register.yaml"
    changed.write_text(BELGIAN.read_text(encoding="utf-8").replace("period: P5Y", "period: P10Y"), encoding="utf-8")
    done = run_ropa("diff", BELGIAN, changed, "--on", ON.isoformat(), "--lang", "fr")
    assert done.returncode == 0, done.stderr
    assert f"- Modifié{NO_BREAK}: «{NARROW}Demandes des habitants{NARROW}»" in done.stdout
    assert "10 ans" in done.stdout
    assert re.search(" [:;?!]", done.stdout) is None


@pytest.mark.parametrize(
    ("gender", "wording"),
    [
        ("feminine", "Notre représentante dans l'Union est Représentation Exemple (Irlande)"),
        ("masculine", "Notre représentant dans l'Union est Représentation Exemple (Irlande)"),
        (
            None,
            f"Nous avons désigné comme représentant dans l'Union (article 27 du RGPD){NO_BREAK}: Représentation Exemple",
        ),
    ],
)
def test_the_representative_is_named_in_the_recorded_gender_or_without_one(gender: str | None, wording: str) -> None:
    recorded = f", grammatical_gender: {gender}" if gender else ""
    representative = f"  representative: {{name: Représentation Exemple, country: IE{recorded}}}\n"
    text = BELGIAN.read_text(encoding="utf-8").replace("  dpo:\n", representative + "  dpo:\n", 1)
    assert wording in controller_section(text)


def as_processor_too(text: str) -> str:
    """The Belgian example also processing a CPAS's files on its behalf, with its IT provider as sub-processor."""
    text = text.replace(
        "recipient_categories:\n",
        "client_controllers:\n  cpas: {name: CPAS de Saint-Exemple, country: BE}\n\nrecipient_categories:\n",
        1,
    )
    text = text.replace(
        "  newsletter:\n    name: {fr: envoi du bulletin communal",
        "  aid:\n    name: {fr: gestion des dossiers d'aide sociale, en: managing social aid files}\n"
        "  newsletter:\n    name: {fr: envoi du bulletin communal",
        1,
    )
    return text + (
        "  aid-files:\n"
        "    name: {fr: Dossiers d'aide sociale du CPAS, en: The CPAS's social aid files}\n"
        "    role: processor\n    on_behalf_of: [cpas]\n    purposes: [aid]\n    data_subjects: [residents]\n"
        "    data_categories: [identity]\n    recipients: [it-provider]\n"
        "    recipient_roles: {it-provider: sub-processor}\n    security_measures: [access]\n\n"
        "subprocessor_notice: P30D\nhistory:\n  - date: 2026-03-01\n    announced: 2026-01-20\n"
        "    change: {fr: nouveau sous-traitant ultérieur, en: new sub-processor}\n"
        "    subprocessor: {kind: added, recipient: it-provider}\n"
    )


def test_the_french_sub_processor_list_is_french_dated_in_words_and_spaced() -> None:
    register = load_text(as_processor_too(BELGIAN.read_text(encoding="utf-8")), file=str(BELGIAN))
    section = render_subprocessors(register, "fr", on=ON)
    assert section is not None
    texts = blocks(section.text)
    assert texts[0] == "Sous-traitants ultérieurs"
    assert f"Nouveau sous-traitant ultérieur{NO_BREAK}: Informatique Communale Exemple." in section.text
    assert "S'applique à partir du 1 mars 2026. Annoncé le 20 janvier 2026." in section.text
    assert f"Préavis promis aux clients avant qu'un changement s'applique{NO_BREAK}: 30 jours" in section.text
    assert english(texts) == []
    assert [text for text in texts if ISO_DATE.search(text)] == []


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ('"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n', None),
        ("", "no Plural-Forms header"),
        ('"Plural-Forms: nplurals=2; plural=(n >> import os);\\n"\n', "not gettext's"),
    ],
)
def test_a_catalogue_s_plural_forms_header_is_read_or_its_fault_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, header: str, message: str | None
) -> None:
    english = (CATALOGUES / "en.po").read_text(encoding="utf-8")
    (tmp_path / "en.po").write_text(english, encoding="utf-8")
    own = re.sub(r'"Plural-Forms: [^"]*"\n', header.replace("\\", "\\\\"), english, count=1)
    (tmp_path / "zz.po").write_text(own.replace('"Language: en\\n"', '"Language: zz\\n"'), encoding="utf-8")
    monkeypatch.setenv(CATALOGUES_VARIABLE, str(tmp_path))
    clear_cache()
    try:
        if message is None:
            assert [plural_form("zz", count) for count in (0, 1, 2)] == [0, 0, 1]
        else:
            with pytest.raises(CatalogueError, match=f"zz.po: .*{message}"):
                plural_form("zz", 2)
    finally:
        monkeypatch.delenv(CATALOGUES_VARIABLE)
        clear_cache()
