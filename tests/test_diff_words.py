"""`ropa diff` in the register's words: labels in the output language, no code, Markdown escaped."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from ropa.diff import diff
from ropa.io import RegisterError, load, load_text
from ropa.model import Activity, Purpose, Recipient, Register
from ropa.model.vocabulary import LegalBasis, RecipientRole, TransferMechanism
from ropa.render.changes import diff_to_markdown
from tests.conftest import EXAMPLES, ONEDU
from tests.helpers import cannot_write, run_ropa, unused_language

EARLIER = EXAMPLES / "onedu" / "history" / "register.earlier.yaml"
TODAY = date(2026, 11, 25)


def _codes() -> set[str]:
    """Every name ropa uses inside: field names of the records, and the values of the vocabularies."""
    fields = {name for model in (Register, Activity, Recipient, Purpose) for name in model.model_fields}
    values = {member.value for vocabulary in (LegalBasis, RecipientRole, TransferMechanism) for member in vocabulary}
    return fields | values | {"adequacy", "safeguards", "derogation", "intra-eea"}


def test_the_romanian_diff_of_two_onedu_versions_has_no_english_field_name_no_boolean_and_no_code() -> None:
    result = run_ropa("diff", EARLIER, ONEDU, "--lang", "ro", "--on", "2026-11-25")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "- Adăugat: „ConvertKit”" in text
    assert (
        "Certificat în Cadrul UE-SUA privind confidențialitatea datelor (Decizia de punere în aplicare (UE) 2023/1795): Nu → Da"
        in text
    )
    assert "→ Statele Unite (legal, garanții adecvate (art. 46 și 47)" in text
    assert "- Data evidenței" in text
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_-]*", text))
    assert not words & {"True", "False", "None"}
    assert not words & _codes(), words & _codes()
    register = load(ONEDU)
    records = [
        record for name in ("activities", "recipients", "purposes") for record in getattr(register, name).values()
    ]
    # An id that is also a word of a Romanian name the diff shows (the purpose "… (newsletter)") is that name.
    shown = [record.name if isinstance(record.name, str) else record.name["ro"] for record in records]
    named = {word for name in shown for word in re.findall(r"[A-Za-z0-9_-]+", name)}
    ids = {key for name in ("activities", "recipients", "purposes") for key in getattr(register, name)} - named
    assert not words & ids
    assert "`" not in text


def test_the_english_diff_reads_in_english() -> None:
    result = run_ropa("diff", EARLIER, ONEDU, "--lang", "en", "--on", "2026-11-25")
    assert "- Changed: “Mailchimp” — Certified under the EU-U.S. Data Privacy Framework" in result.stdout
    assert ": No → Yes" in result.stdout
    assert "- Date of the register" in result.stdout


BASE = """\
format: 1
languages: [en]
controller: {name: X, country: RO}
purposes:
  mailing: {name: {en: newsletter}, legal_basis: consent}
recipient_categories:
  email: {en: email}
recipients:
  mailer: {name: Mailer, category: email, role: processor, locations: [RO]}
activities:
  news:
    name: {en: News}
    purposes: [mailing]
    recipients: [mailer]
"""


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "[x](http://example.com/a)",
        "![i](http://example.com/i.png)",
        "<img src=x onerror=alert(1)>",
        "<http://example.com>",
        "# heading",
    ],
)
def test_register_text_in_a_diff_stays_literal_markdown(hostile: str) -> None:
    old = load_text(BASE)
    quoted = hostile.replace('"', '\\"')
    new = load_text(
        BASE.replace("name: Mailer,", f'name: "{quoted}",')
        .replace("{en: email}", f'{{en: "{quoted}"}}')
        .replace("name: {en: News}", f'name: {{en: "{quoted}"}}')
        + f'  added:\n    name: {{en: "{quoted}"}}\n'
    )
    markdown = diff_to_markdown(diff(old, new, on=TODAY), old, new, lang="en")
    assert markdown.count("\n- ") >= 3
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = {token.type for token in tokens} | {child.type for token in tokens for child in token.children or []}
    assert not kinds & {"html_inline", "html_block", "image"}, kinds
    children = [child for token in tokens for child in token.children or []]
    for index, child in enumerate(children):  # issue 27: a web address is a link, only ever to itself
        if child.type == "link_open":
            assert child.attrGet("href") == children[index + 1].content
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "<script" not in rendered
    assert "<img" not in rendered


def test_the_diff_example_of_the_readme_runs(tmp_path: Path) -> None:
    assert run_ropa("diff", EARLIER, ONEDU, "--lang", "ro", cwd=tmp_path).returncode == 0


def test_a_register_in_a_language_ropa_cannot_write_is_refused_before_any_diff() -> None:
    # A register may declare only the languages ropa writes (docs/languages.md), so a diff is always in them.
    unwritten = unused_language()
    register = BASE.replace("languages: [en]", f"languages: [{unwritten}]").replace("{en:", f"{{{unwritten}:")
    with pytest.raises(RegisterError, match=re.escape(cannot_write(unwritten))):
        load_text(register)


def test_every_field_a_diff_can_name_has_a_label_in_both_languages() -> None:
    from ropa.diff import COLLECTIONS
    from ropa.model.activity import Dpia
    from ropa.model.recipient import ProcessorContract
    from ropa.render.change_words import SUBRECORDS, ChangeWords
    from ropa.render.markdown import escape

    say = {lang: ChangeWords(load_text(BASE), load_text(BASE), lang) for lang in ("ro", "en")}
    paths: list[tuple[str, ...]] = [
        (collection, field)
        for collection, model in (("activities", Activity), ("recipients", Recipient), ("purposes", Purpose))
        for field in model.model_fields
        if (collection, field) not in SUBRECORDS
    ]
    paths += [("(register)", field) for field in Register.model_fields if field not in COLLECTIONS]
    paths += [("activities", "dpia", field) for field in Dpia.model_fields]
    paths += [("recipients", "contract", field) for field in ProcessorContract.model_fields]
    for path in paths:
        for words in say.values():
            assert words.label(*path) != escape(".".join(path[1:])), path  # the fallback: the field's name
