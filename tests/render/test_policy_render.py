"""The public policy renderer: goldens, the shape the site consumes, escaping, languages, templates.

Goldens are compared byte for byte. After a deliberate change to the templates or the examples,
regenerate them with `ROPA_UPDATE_GOLDENS=1 pytest tests/render`, then read the diff before committing.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ropa import words
from ropa.io import load
from ropa.io.templates import data_sharing_templates
from ropa.model import Register, TransferMechanism
from ropa.render.markdown import escape, yaml_string
from ropa.render.policy import (
    _GROUND_LABELS,
    PolicyContext,
    PolicyTemplateError,
    policy_context,
    render_policy,
)
from ropa.testing.strategies import registers
from tests.helpers import cannot_write, unused_language

ROOT = Path(__file__).resolve().parents[2]
ONEDU = ROOT / "examples" / "onedu" / "register.yaml"
SAMPLE = Path(__file__).parent / "data" / "sample.yaml"
GOLDEN = ROOT / "tests" / "golden" / "policy"

# ropa's neutral default templates
HEADINGS = {
    "ro": [
        "Cine primește datele dvs. cu caracter personal?",
        "Unde sunt prelucrate datele dvs. cu caracter personal?",
        "Cum sunt protejate datele dvs. cu caracter personal?",
        "Cum răspundem solicitărilor legale?",
    ],
    "en": [
        "Who receives your personal data?",
        "Where is your personal data processed?",
        "How is your personal data protected?",
        "How do we answer legal requests?",
    ],
}
TITLES = {"ro": "Transmiterea datelor", "en": "Data sharing"}
# ONedu's own templates (its register's policy.data_sharing_templates)
ONEDU_TEMPLATES = ROOT / "examples" / "onedu" / "policy-templates"
ONEDU_HEADINGS = {
    "ro": [
        "Cum partajăm informații?",
        "Unde sunt partajate informațiile?",
        "Cum protejăm informațiile?",
        "Cum răspundem solicitărilor juridice, cum respectăm legislația aplicabilă?",
    ],
    "en": [
        "How do we share information?",
        "Where is information shared?",
        "How do we protect information?",
        "How do we respond to legal requests and comply with applicable law?",
    ],
}
ONEDU_TITLES = {"ro": "Partajarea datelor", "en": "Data sharing"}
CEDILLAS = "\u015f\u0163\u015e\u0162"  # ş ţ Ş Ţ


# --- Reading the output as the site does: gray-matter, then CommonMark + GFM ------------------------


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """gray-matter's split: a first line `---`, the YAML, a line `---`, then the body."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
    assert match, "no front matter"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data, text[match.end() :]


def parser() -> MarkdownIt:
    # html enabled so that any raw HTML would show up as html_inline / html_block tokens.
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def tokens(text: str) -> list[Token]:
    return parser().parse(split_front_matter(text)[1])


def headings(text: str) -> list[tuple[str, str]]:
    found = tokens(text)
    return [(token.tag, found[index + 1].content) for index, token in enumerate(found) if token.type == "heading_open"]


def list_items(text: str) -> list[str]:
    """The text of every list item's paragraph, as it renders (escapes resolved)."""
    found = tokens(text)
    items = []
    for index, token in enumerate(found):
        if token.type == "list_item_open":
            inline = found[index + 2]
            assert inline.type == "inline"
            items.append(plain(inline))
    return items


def plain(inline: Token) -> str:
    """The text of an inline token; fails if it holds anything but text (emphasis, code, HTML) or a link
    other than a web address linked to itself (issue 27: a web address in register text is a link)."""
    children = inline.children or []
    kinds = {child.type for child in children}
    assert kinds <= {"text", "link_open", "link_close"}, f"markup in {inline.content!r}: {kinds}"
    for index, child in enumerate(children):
        if child.type == "link_open":
            text = children[index + 1].content
            assert child.attrGet("href") in (text, f"http://{text}"), f"a link in {inline.content!r}"
    return "".join(child.content for child in children if child.type == "text")


def all_tokens(found: list[Token]) -> list[Token]:
    return [nested for token in found for nested in (token, *(token.children or []))]


def register_from(data: dict[str, Any]) -> Register:
    return Register.model_validate(data)


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": 1,
        "languages": ["ro", "en"],
        "controller": {"name": "Asociația Test", "country": "RO"},
        "purposes": {"pay": {"name": {"ro": "plăți", "en": "payments"}, "legal_basis": "contract"}},
        "recipient_categories": {"cat": {"ro": "categorie", "en": "category"}},
        "recipients": {},
    }
    data.update(changes)
    return data


def with_recipients(*names: str, **changes: Any) -> Register:
    recipients = {
        f"r{index}": {"name": name, "category": "cat", "role": "processor", "locations": ["RO"], "shared_for": ["pay"]}
        for index, name in enumerate(names)
    }
    return register_from(minimal(recipients=recipients, **changes))


def rendered(name: str, lang: str) -> str:
    """The section of an example: ONedu's with its own templates, as its register names them; the sample's with ropa's."""
    if name == "onedu":
        register = load(ONEDU)
        return render_policy(register, lang, templates=data_sharing_templates(ONEDU, register))
    return render_policy(load(SAMPLE), lang)


@pytest.fixture(scope="module")
def sample() -> Register:
    return load(SAMPLE)


@pytest.fixture(scope="module")
def onedu() -> Register:
    return load(ONEDU)


# --- Goldens ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ro", "en"])
@pytest.mark.parametrize("name", ["onedu", "sample"])
def test_golden(name: str, lang: str) -> None:
    text = rendered(name, lang)
    golden = GOLDEN / f"{name}.{lang}.md"
    if os.environ.get("ROPA_UPDATE_GOLDENS"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes()


# --- The shape the site consumes ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ro", "en"])
@pytest.mark.parametrize("name", ["onedu", "sample"])
def test_shape(name: str, lang: str) -> None:
    text = rendered(name, lang)
    front, body = split_front_matter(text)
    assert front == {"title": (ONEDU_TITLES if name == "onedu" else TITLES)[lang]}
    assert headings(text) == [("h1", heading) for heading in (ONEDU_HEADINGS if name == "onedu" else HEADINGS)[lang]]
    found = tokens(text)
    types = {token.type for token in all_tokens(found)}
    assert "bullet_list_open" in types
    assert not types & {"ordered_list_open", "html_block", "html_inline", "code_block", "fence", "table_open"}
    assert body.startswith("\n# ")  # a blank line after the front matter, as the site's sections have


@pytest.mark.parametrize("name", ["onedu", "sample"])
def test_english_has_the_structure_of_romanian(name: str) -> None:
    ro, en = rendered(name, "ro"), rendered(name, "en")
    assert len(headings(ro)) == len(headings(en)) == 4
    assert len(list_items(ro)) == len(list_items(en))
    shape = [token.type for token in tokens(ro) if token.type != "inline"]
    assert shape == [token.type for token in tokens(en) if token.type != "inline"]


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_text_conventions(sample: Register, lang: str) -> None:
    text = render_policy(sample, lang)
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert "\r" not in text
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert "\n\n\n" not in text
    assert render_policy(sample, lang) == text  # deterministic


def test_sections_follow_the_register(sample: Register) -> None:
    items = list_items(render_policy(sample, "ro"))
    # one bullet per category that has recipients, in category order, recipients in register order
    assert items[:2] == [
        "furnizorii de servicii de plată: Plăți SRL, Necunoscut SRL",
        "furnizorii de servicii de e-mail: Poștă Inc., Scrisori Ltd, Regat Ltd, Consimțământ Pty, Fără Temei Co",
    ]
    # sharing purposes: those some recipient is shared for, in the order of `purposes`, by name
    assert items[2:4] == ["facilitarea plăților", "furnizarea de asistență"]
    # places: the controller's country, then the recipients' locations, first seen first
    assert items[4:12] == [
        "România",
        "Irlanda",
        "Statele Unite",
        "India",
        "Regatul Unit",
        "Australia",
        "China",
        "țări încă neînregistrate în registrul nostru, pentru: Necunoscut SRL",
    ]
    # transfer reasons: description where present, else name
    assert items[12:14] == ["pentru a putea opera serviciile", "obligații legale"]
    grounds = items[14:19]
    assert [item.split(":")[0] for item in grounds] == ["Statele Unite", "India", "Regatul Unit", "Australia", "China"]
    assert "Cadrul UE-SUA privind confidențialitatea datelor (Poștă Inc.)" in grounds[0]
    assert "clauzele standard de protecție a datelor adoptate de Comisie (Scrisori Ltd)" in grounds[0]
    assert "nu este încă precizat în registrul nostru (Fără Temei Co)" in grounds[0]
    assert "49" not in grounds[1]  # safeguards exist: the derogation Scrisori Ltd also declares is not its ground
    assert (
        grounds[2] == "Regatul Unit: decizia Comisiei privind caracterul adecvat al nivelului de protecție (Regat Ltd)"
    )
    assert "articolului 49 alineatul (1) litera (a)" in grounds[3]
    # public security measures only; legal requests: the activity's purposes
    assert items[19:] == ["criptarea datelor", "obligații legale", "pentru a putea opera serviciile"]
    text = render_policy(sample, "ro")
    assert "o măsură internă" not in text
    assert "un scop fără destinatari" not in text
    assert "o categorie fără destinatari" not in text
    assert "Ne puteți cere o copie a garanțiilor adecvate" in text
    assert (
        "în afara țării operatorului (România): Poștă Inc., Scrisori Ltd, Regat Ltd, Consimțământ Pty, Fără Temei Co."
        in text
    )
    assert "Asociației Exemplu" not in text  # the default templates need no possessive
    assert "în legătură cu Produsele Asociației Exemplu." in render_policy(sample, "ro", templates=ONEDU_TEMPLATES)


def test_a_controller_in_a_third_country_states_its_own_countrys_transfers() -> None:
    # Art. 3(2): a US controller still transfers what it got from the Union; its own country is not dropped.
    register = register_from(
        minimal(
            controller={"name": "X Inc.", "country": "US"},
            recipients={
                "a": {"name": "A", "category": "cat", "role": "processor", "locations": ["US"], "mechanisms": ["scc"]}
            },
        )
    )
    assert "Statele Unite: clauzele standard de protecție a datelor adoptate de Comisie (A)" in list_items(
        render_policy(register, "ro")
    )
    assert "United States: standard contractual clauses adopted by the Commission (A)" in list_items(
        render_policy(register, "en")
    )


def test_without_any_third_country_the_section_says_so_unless_a_location_is_unknown() -> None:
    inside = with_recipients("A")
    assert "We do not transfer personal data to countries outside the European Economic Area." in render_policy(
        inside, "en"
    )
    unknown = register_from(minimal(recipients={"a": {"name": "A", "category": "cat", "role": "processor"}}))
    text = render_policy(unknown, "en")
    assert "We do not transfer" not in text
    assert "countries not yet recorded in our register, for: A" in list_items(text)


def test_possessive_is_optional_in_onedus_templates() -> None:
    register = register_from(
        minimal(
            recipients={
                "a": {"name": "A", "category": "cat", "role": "processor", "locations": ["US"], "mechanisms": ["scc"]}
            }
        )
    )
    ro, en = (render_policy(register, lang, templates=ONEDU_TEMPLATES) for lang in ("ro", "en"))
    assert "în legătură cu Produsele noastre." in ro
    assert "distribuite cu parteneri din alte țări" in ro
    assert "in connection with our Products." in en
    assert "None" not in ro + en


def test_an_empty_register_has_three_headings_and_promises_nothing_on_legal_requests() -> None:
    register = register_from(minimal(recipients={}, recipient_categories={}, purposes={}))
    for lang in ("ro", "en"):
        text = render_policy(register, lang)
        assert [heading for _, heading in headings(text)] == HEADINGS[lang][:3]
        assert "legal" not in text.lower()
        assert list_items(text) == ["România" if lang == "ro" else "Romania"]
        assert "Nu transmitem" in text if lang == "ro" else "We do not disclose" in text


# --- Escaping ---------------------------------------------------------------------------------------

NASTY = [
    "<script>*x*</script>",
    "a_b*c*",
    "[x](http://e)",
    "# not a heading",
    "1. not a list",
    "2) nor this",
    "- nor this",
    "back\\slash\\",
    "a | b | c",
    "`code`",
    "~~struck~~",
    "&amp; &copy; &#65;",
    "<b>bold</b>",
    "![img](x.png)",
    "www.example.com",
    "https://example.com",
    "me@example.com",
    "{{ name }} {% raw %}",
    "> quote",
    "***",
    "  leading and trailing  ",
]


@pytest.mark.parametrize("name", NASTY)
def test_register_text_renders_literally(name: str) -> None:
    register = with_recipients(name, name)
    for lang in ("ro", "en"):
        text = render_policy(register, lang)
        items = list_items(text)
        category = "categorie" if lang == "ro" else "category"
        expected = " ".join(name.split())
        assert f"{category}: {expected}, {expected}" in items
        assert "{{" not in text
        assert "{%" not in text


@pytest.mark.parametrize("name", NASTY)
def test_register_text_renders_literally_at_the_start_of_a_block(name: str) -> None:
    # The controller's name starts a paragraph; a category name starts a list item.
    register = register_from(
        minimal(
            controller={"name": name, "country": "RO"},
            recipient_categories={"cat": {"ro": name, "en": name}},
            recipients={"a": {"name": "A", "category": "cat", "role": "processor"}},
        )
    )
    expected = " ".join(name.split())
    text = render_policy(register, "en")
    found = tokens(text)
    paragraphs = [plain(found[index + 1]) for index, token in enumerate(found) if token.type == "paragraph_open"]
    assert any(
        paragraph.startswith(f"{expected} applies appropriate technical and organisational measures")
        for paragraph in paragraphs
    )
    assert f"{expected}: A" in list_items(text)


def test_script_is_never_html() -> None:
    text = render_policy(with_recipients("<script>*x*</script>"), "ro")
    html = parser().render(split_front_matter(text)[1])
    assert "&lt;script&gt;*x*&lt;/script&gt;" in html
    assert "<script>" not in html
    assert "<em>" not in html
    assert not {"html_inline", "html_block"} & {token.type for token in all_tokens(tokens(text))}


def test_newlines_in_register_text_are_collapsed() -> None:
    text = render_policy(with_recipients("two\nlines", "tab\there", "para\n\n- graph"), "en")
    assert "category: two lines, tab here, para - graph" in list_items(text)


@given(st.text(st.characters(codec="utf-8"), max_size=30))
def test_any_text_escapes_to_itself(text: str) -> None:
    printable = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    expected = " ".join(printable.split())
    for before in ("- ", "- x: ", "", "x "):
        found = parser().parse(before + escape(text) + "\n")
        wanted = (before.removeprefix("- ") + expected).strip()
        inlines = [token for token in found if token.type == "inline"]
        assert (plain(inlines[0]) if inlines else "") == wanted
        kinds = {token.type for token in found}
        assert not kinds & {"html_block", "heading_open", "ordered_list_open", "code_block", "blockquote_open", "hr"}


@pytest.mark.parametrize(
    "title", ["Partajarea datelor", "Data: sharing", "yes", "- x", "#1", "a 'b' \"c\"", "x\u2028y"]
)
def test_yaml_string_reads_back(title: str) -> None:
    assert yaml.safe_load(f"title: {yaml_string(title)}\n") == {"title": title}


# --- Romanian: comma-below only ---------------------------------------------------------------------


def test_romanian_uses_comma_below_only(sample: Register, onedu: Register) -> None:
    for register in (sample, onedu):
        assert not set(CEDILLAS) & set(render_policy(register, "ro"))


def test_romanian_normalises_cedillas_from_the_data() -> None:
    cedilla = "Şcoala Ţării şi ţara s\u0327i t\u0327"
    register = with_recipients(cedilla, controller={"name": "Asociaţia Ştiinţă", "country": "RO"})
    ro = render_policy(register, "ro")
    assert not set(CEDILLAS) & set(ro)
    assert "\u0327" not in ro
    assert "categorie: Școala Țării și țara și ț" in list_items(ro)
    assert "Asociația Știință aplică" in ro
    assert cedilla in render_policy(register, "en")  # other languages keep the data as it is


def test_comma_below_changes_nothing_else() -> None:
    # No Unicode normalisation: it would fold an escaped ">" and a combining slash into "≯".
    ro = render_policy(with_recipients("s\u0327 >\u0338"), "ro")
    assert "categorie: ș >\u0338" in list_items(ro)


# --- Languages and templates ------------------------------------------------------------------------


def test_an_undeclared_language_is_an_error() -> None:
    register = with_recipients(
        "A",
        languages=["ro"],
        purposes={"pay": {"name": {"ro": "plăți"}, "legal_basis": "contract"}},
        recipient_categories={"cat": {"ro": "categorie"}},
    )
    with pytest.raises(ValueError, match="'en' is not declared"):
        render_policy(register, "en")
    assert render_policy(register, "ro").startswith("---\ntitle: Transmiterea datelor\n---\n")


def test_a_language_ropa_cannot_write_is_refused_before_any_template_is_looked_for() -> None:
    # A register may only declare languages every output speaks (docs/languages.md).
    unwritten = unused_language()
    with pytest.raises(ValueError, match=rf"languages\.2\n.*{re.escape(cannot_write(unwritten))}"):
        register_from(minimal(languages=["ro", "en", unwritten], purposes={}, recipient_categories={}))


def write_template(folder: Path, lang: str, text: str) -> Path:
    (folder / lang).mkdir(parents=True, exist_ok=True)
    (folder / lang / "data-sharing.md.j2").write_text(text, encoding="utf-8")
    return folder


def test_a_template_folder_overrides_the_defaults(tmp_path: Path, sample: Register) -> None:
    templates = write_template(
        tmp_path,
        "ro",
        "---\ntitle: {{ 'Date: cu cine le partajăm' | yaml_string }}\n---\n\n"
        "# {{ controller.name }}\n"
        "{% for group in recipient_groups %}\n- {{ group.category }} ({{ group.recipients | length }})\n{% endfor %}\n"
        "Ţara: {{ controller.country }}   \n\n\n\nSfârşit\n",
    )
    text = render_policy(sample, "ro", templates=templates)
    assert split_front_matter(text)[0] == {"title": "Date: cu cine le partajăm"}
    assert text.endswith(
        "---\n\n# Asociația Exemplu\n- furnizorii de servicii de plată (2)\n"
        "- furnizorii de servicii de e-mail (5)\nȚara: România\n\nSfârșit\n"
    )
    with pytest.raises(FileNotFoundError, match="no policy template for language 'en'"):
        render_policy(sample, "en", templates=templates)


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("---\ntitle: x\n---\n{{ no_such_variable }}\n", "no_such_variable"),
        ("---\ntitle: x\n---\n{{ controller.nickname }}\n", "nickname"),
        ("---\ntitle: x\n---\n{% for %}\n", "line 4"),
        ("# no front matter\n", "front matter"),
        ("---\ntitle: a: b\n---\n", "not valid YAML"),
        ("---\nname: x\n---\n", "title"),
        ("---\ntitle: x\n---\n{% include 'missing.j2' %}\n", "missing.j2"),
    ],
)
def test_a_broken_template_is_a_clear_error(tmp_path: Path, sample: Register, template: str, message: str) -> None:
    templates = write_template(tmp_path, "ro", template)
    with pytest.raises(PolicyTemplateError, match=message):
        render_policy(sample, "ro", templates=templates)


def test_every_transfer_ground_has_a_label_in_every_language() -> None:
    codes = {"adequacy", "adequacy-dpf", "none", *(mechanism.value for mechanism in TransferMechanism)}
    assert set(_GROUND_LABELS) == codes
    assert all(set(labels) == set(words.languages()) for labels in _GROUND_LABELS.values())


def test_the_context_holds_escaped_text_only() -> None:
    context = policy_context(with_recipients("<b>*A*</b>"), "en")
    assert isinstance(context, PolicyContext)
    assert context.recipient_groups[0].recipients == ("\\<b\\>\\*A\\*\\</b\\>",)


# --- Any valid register -----------------------------------------------------------------------------

LEFTOVERS = ("{{", "{%", "}}", "%}", "None", "Undefined")


@st.composite
def registers_with_policy(draw: Any) -> Register:
    languages = draw(st.sampled_from([["ro", "en"], ["en", "ro"], ["ro"], ["en"]]))
    register: Register = draw(registers(languages=languages))
    purposes, activities = list(register.purposes), list(register.activities)
    policy: dict[str, Any] = {
        "transfer_reasons": draw(st.lists(st.sampled_from(purposes), unique=True, max_size=3)) if purposes else [],
        "legal_requests": draw(st.none() | st.sampled_from(activities)) if activities else None,
    }
    if draw(st.booleans()):
        policy["possessive"] = {language: draw(st.text(min_size=1, max_size=12)) for language in languages}
    data = register.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return Register.model_validate({**data, "policy": policy})


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (*strings(key), *strings(item))]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


@settings(max_examples=200)
@given(registers_with_policy())
def test_any_valid_register_renders(register: Register) -> None:
    data = "\n".join(strings(register.model_dump(mode="json")))
    for lang in register.languages:
        text = render_policy(register, lang)
        front, _ = split_front_matter(text)
        assert front["title"] == TITLES[lang]
        answering = register.policy.legal_requests
        stated = answering is not None and bool(register.activities[answering].purposes)
        expected = HEADINGS[lang] if stated else HEADINGS[lang][:3]  # no promise the register does not record
        assert [heading for _, heading in headings(text)] == expected
        for leftover in LEFTOVERS:
            assert leftover not in text or leftover in data, leftover
        assert not {"html_inline", "html_block"} & {token.type for token in all_tokens(tokens(text))}
        assert text.endswith("\n")
        assert not text.endswith("\n\n")
        assert "\r" not in text
        if lang == "ro":
            assert not set(CEDILLAS) & set(text)


def _grounds_on(updated: str, mechanisms: list[str]) -> list[tuple[str, str]]:
    from ropa.render.policy import policy_context

    register = Register.model_validate(
        {
            "format": 1,
            "languages": ["en"],
            "updated": updated,
            "controller": {"name": "X", "country": "RO"},
            "recipient_categories": {"it": {"en": "IT"}},
            "recipients": {"m": {"name": "M", "category": "it", "role": "processor", "locations": ["US", "DE"]}}
            | {
                "n": {"name": "N", "category": "it", "role": "processor", "locations": ["IN"], "mechanisms": mechanisms}
            },
        }
    )
    return [
        (country.code, ground.code)
        for country in policy_context(register, "en").third_countries
        for ground in country.grounds
    ]


def test_the_policy_names_the_ground_the_transfer_rules_give_on_the_register_date() -> None:
    # The old SCCs were valid until 26 December 2022 (Implementing Decision (EU) 2021/914, Art. 4).
    assert _grounds_on("2022-12-26", ["scc-legacy"]) == [("US", "none"), ("IN", "scc-legacy")]
    assert _grounds_on("2022-12-27", ["scc-legacy"]) == [("US", "none"), ("IN", "none")]
    assert _grounds_on("2022-12-27", ["scc-legacy", "scc"]) == [("US", "none"), ("IN", "scc")]
