"""The generated Romanian section says everything ONedu's live section (the seed) says.

Independent of the goldens: the seed (a byte-identical copy of ONedu's
`src/app/privacy/sections/05-partajaredate.md`, kept in `tests/fixtures/seed/`) and the output are
both read the way the site reads them (gray-matter's front matter split, then CommonMark + GFM),
and compared by what a reader sees: the title, the headings, every list item, every paragraph,
every partner. The output may say more (more partners, more precise places, the grounds for
transfers); it may differ from the seed only by the corrections and precisions listed in
`CHANGES`, each with its reason.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ropa.io import load
from ropa.io.templates import data_sharing_templates
from ropa.render.policy import render_policy

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed" / "05-partajaredate.md"
ONEDU = ROOT / "examples" / "onedu" / "register.yaml"

PARTNERS_INTRO = "Parteneri și terți cu care partajăm informații:"

# Every way the output may differ from the seed, as (seed text, regular expression the output must
# match instead, reason). Kept short: anything else the seed says must be said word for word.
CHANGES: list[tuple[str, str, str]] = [
    (
        "pentru ca noi să putem opera și furniza serviciile menționate în condițiile de utilizare ale "
        "Produselor Asociației ONedu pe care le folisiți",
        re.escape(
            "pentru ca noi să putem opera și furniza serviciile menționate în condițiile de utilizare ale "
            "Produselor Asociației ONedu pe care le folosiți"
        ),
        "typo: 'folisiți' is 'folosiți'",
    ),
    (
        "în conformitate cu legislația aplicabil",
        re.escape("în conformitate cu legislația aplicabilă"),
        "typo: the adjective agrees with 'legislația' (feminine): 'aplicabilă'",
    ),
    (
        "firma de contabilitate și audit: C&C Financial Services SRL, Oblio.eu",
        re.escape("firma de contabilitate și audit și platforma de facturare: C&C Financial Services SRL, Oblio.eu"),
        "precision: Oblio.eu is invoicing software, not an accounting firm (the register names the category so)",
    ),
    (
        "țări în care activează furnizorii noștri de servicii",
        re.escape("țările în care activează următorii furnizori de servicii: ") + r"[^:]+",
        "precision: the countries the register knows are listed by name before this item; "
        "the item now names the providers whose processing location the register does not know",
    ),
    (
        "(ex. Google, Microsoft, etc.)",
        r"\((?:[^()]*, )?Google[^()]*, Microsoft[^()]*\)",
        "precision: the example becomes the full list of partners that process data outside Romania",
    ),
]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """What gray-matter does: `---`, YAML, `---`, then the body."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
    assert match is not None
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data, text[match.end() :]


def normal(text: str) -> str:
    return " ".join(text.split())


def inline_text(token: Token) -> str:
    return normal("".join(child.content if child.type == "text" else " " for child in token.children or []))


class Section:
    """A policy section as a reader sees it."""

    def __init__(self, text: str) -> None:
        front, body = split_front_matter(text)
        self.title = front["title"]
        found = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body)
        self.headings: list[str] = []
        self.paragraphs: list[str] = []  # outside lists
        self.lists: list[list[str]] = []
        self.intros: list[str] = []  # the paragraph just before each list
        depth = 0
        for index, token in enumerate(found):
            if token.type == "heading_open":
                self.headings.append(inline_text(found[index + 1]))
            elif token.type == "bullet_list_open":
                depth += 1
                self.lists.append([])
                self.intros.append(self.paragraphs[-1] if found[index - 1].type == "paragraph_close" else "")
            elif token.type == "bullet_list_close":
                depth -= 1
            elif token.type == "inline" and found[index - 1].type == "paragraph_open":
                (self.lists[-1].append if depth else self.paragraphs.append)(inline_text(token))
            assert token.type != "ordered_list_open"

    def list_after(self, intro: str) -> list[str]:
        """The list that follows the paragraph `intro`."""
        return self.lists[self.intros.index(intro)]


def expected(seed_text: str) -> str:
    """A regular expression for `seed_text` as the output must say it, after the listed changes."""
    pattern = re.escape(normal(seed_text))
    for before, after, _ in CHANGES:
        # whole words only: "legislația aplicabil" must not change inside "legislația aplicabilă"
        pattern = re.sub(re.escape(re.escape(before)) + r"(?!\w)", after.replace("\\", "\\\\"), pattern)
    return pattern


@pytest.fixture(scope="module")
def seed() -> Section:
    return Section(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def output() -> Section:
    # ONedu's own templates, found as its register names them (policy.data_sharing_templates): what
    # `ropa policy examples/onedu/register.yaml` writes.
    register = load(ONEDU)
    return Section(render_policy(register, "ro", templates=data_sharing_templates(ONEDU, register)))


def test_the_seed_is_read_as_the_site_reads_it(seed: Section) -> None:
    # Guards the reading itself: if the parse went wrong, the comparisons below would prove little.
    assert seed.title == "Partajarea datelor"
    assert len(seed.headings) == 4
    assert [len(items) for items in seed.lists] == [9, 7, 4, 2, 3]
    assert len(seed.paragraphs) == 8


def test_title_and_headings(seed: Section, output: Section) -> None:
    assert output.title == seed.title
    assert output.headings == seed.headings


def test_every_list_item_of_the_seed(seed: Section, output: Section) -> None:
    for items in seed.lists:
        # The output list that says the seed list's first item; it must say the rest, in order.
        candidates = [found for found in output.lists if any(re.fullmatch(expected(items[0]), item) for item in found)]
        assert len(candidates) == 1, items[0]
        remaining = iter(candidates[0])
        for item in items:
            assert any(re.fullmatch(expected(item), said) for said in remaining), item


def test_every_paragraph_of_the_seed(seed: Section, output: Section) -> None:
    for paragraph in seed.paragraphs:
        assert any(re.search(expected(paragraph), said) for said in output.paragraphs), paragraph


def test_every_partner_of_the_seed(seed: Section, output: Section) -> None:
    def partners(section: Section) -> list[str]:
        return [name for item in section.list_after(PARTNERS_INTRO) for name in item.split(": ", 1)[1].split(", ")]

    named = partners(seed)
    assert len(named) == 19
    # every one of them, in the seed's order (the register may add partners, in other categories)
    assert [name for name in partners(output) if name in named] == named


def test_every_change_is_needed(seed: Section) -> None:
    # Each allowance applies to something the seed really says, so the list cannot rot.
    said = "\n".join([*seed.paragraphs, *(item for items in seed.lists for item in items)])
    for before, _, reason in CHANGES:
        assert before in said, reason
