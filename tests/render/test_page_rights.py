"""The page lists the same rights as the notice (issue 22): one decision (`notice_parts.right_codes`) for both,
compared here through what each output says: the notice's list of rights read through the Markdown parser,
the page's list read through the HTML parser, as articles, in every language of every kind of register."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import ropa
from ropa.model import Register
from ropa.render.notice import render_notice
from ropa.render.page import render_page
from tests.conftest import EXAMPLES, ROOT
from tests.render.municipality import municipality, municipality_data

DAY = date(2026, 12, 7)
REGISTERS: dict[str, Path | None] = {
    "clinic": EXAMPLES / "clinic" / "register.yaml",
    "software-company": EXAMPLES / "software-company" / "register.yaml",
    "us-company": EXAMPLES / "us-company" / "register.yaml",
    "onedu": EXAMPLES / "onedu" / "register.yaml",
    "municipality-file": ROOT / "tests" / "fixtures" / "public-body" / "municipality.yaml",
    "municipality": None,  # tests/render/municipality.py: direct marketing, (c) and (e), consent
}
# A right's article where the notice's list names it: "(Article 7(3))", "(articolul 7 alineatul (3))".
CITED = re.compile(r"\((?:Article|articolul) (\d+)(?:\((\d)\)| alineatul \((\d)\))?")


def load(name: str) -> Register:
    path = REGISTERS[name]
    return municipality() if path is None else ropa.load(path)


def cases() -> list[tuple[str, str]]:
    return [(name, lang) for name in REGISTERS for lang in load(name).languages]


def notice_rights(register: Register, lang: str) -> set[str]:
    """The articles of the rights the default notice lists, and 77 where it states the right to complain."""
    section = next(s for s in render_notice(register, lang, on=DAY) if s.name == "06-rights")
    tokens = MarkdownIt("commonmark").parse(section.text)
    found: set[str] = set()
    depth = 0
    for token in tokens:  # the items of the first list: the rights
        if token.type == "bullet_list_open":
            depth += 1
        elif token.type == "bullet_list_close":
            break
        elif depth and token.type == "inline":
            match = CITED.search(token.content)
            assert match is not None, token.content
            paragraph = match.group(2) or match.group(3)
            found.add(f"{match.group(1)}-{paragraph}" if paragraph else match.group(1))
    if re.search(r"\((?:Article|articolul) 77", section.text):
        found.add("77")
    return found


class RightsList(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id") or ""
        if tag == "li" and ident.startswith("right-"):
            self.ids.add(ident.removeprefix("right-"))


def page_rights(register: Register, lang: str) -> set[str]:
    return RightsList(render_page(register, lang, DAY)).ids


@pytest.mark.parametrize(("name", "lang"), cases())
def test_the_page_lists_the_rights_the_notice_lists(name: str, lang: str) -> None:
    register = load(name)
    assert page_rights(register, lang) == notice_rights(register, lang)


def test_what_the_registers_decide_shows_on_the_page() -> None:
    """The comparison above is not empty-handed: the rights differ from register to register, and follow the law."""
    clinic = page_rights(load("clinic"), "en")
    assert {"15", "16", "17", "18", "77"} <= clinic
    assert "22" not in clinic  # no decision within Art. 22(1)
    public = page_rights(load("municipality"), "en")
    assert "21" in public  # (e) is relied on: the right to object (Art. 21(1)); direct marketing too
    assert "7-3" in public  # the newsletter rests on consent
    assert len({frozenset(page_rights(load(name), "en")) for name in REGISTERS}) > 1


def test_a_right_that_does_not_apply_is_not_on_the_page() -> None:
    """Without consent or a contract there is no portability (Art. 20(1)(a)), without (e), (f) or direct
    marketing no objection (Art. 21), without consent no withdrawal (Art. 7(3)), without an Art. 22(1)
    decision no Art. 22."""
    data = municipality_data()
    for purpose in data["purposes"].values():
        purpose.update(legal_basis="legal-obligation", direct_marketing=False)
        purpose.pop("further_legal_bases", None)
    for activity in data["activities"].values():
        activity.pop("automated_decisions", None)
    bare = Register.model_validate(data)
    assert page_rights(bare, "en") == {"15", "16", "17", "18", "77"} == notice_rights(bare, "en")
