"""The words of a verdict on a transfer, in every language ropa writes: tables read from the catalogues.

Each reason the rules give has a stable key (`ropa.law.wording.Reason.key`) and, in each catalogue
(`ropa/catalogues/<lang>.po`, context `sentences`), one sentence template. The placeholders are the
reason's parameters, already put into words in that language by `ropa.law.wording`: `{place}` a country
or international organisation, `{day}` a date, `{window}` a period of validity, `{mechanism}` /
`{mechanisms}` transfer tools (their ids in English, their names in words in other languages: `MECHANISMS`), and
`{reference}`, `{references}`, `{article}`, `{condition}`, `{caveat}` texts of the legal facts.

English is exactly the wording ropa has always given (`Assessment.reasons`). Romanian follows the
official Romanian text of Regulation (EU) 2016/679 (`reference/law.md` §3, `reference/romanian-gdpr.md`),
with comma-below ș and ț. Where the official Romanian wording is not confirmed, a sentence names the
provision instead of paraphrasing it (Art. 49(1) second subparagraph: "articolul 49 alineatul (1) al
doilea paragraf", without the unconfirmed adjective for "compelling").

To add a language, see docs/languages.md: one catalogue, which the tests check against en.po.
"""

from __future__ import annotations

from typing import Final

from ropa.words import by_language, languages, table

__all__ = ["ARTICLES", "CITATIONS", "DAY", "LANGUAGES", "MECHANISMS", "MONTHS", "SENTENCES", "WINDOWS"]

LANGUAGES: Final = languages()
"""The languages ropa words its verdicts in (one catalogue each); English is the fallback for any other."""

MONTHS: Final[dict[str, tuple[str, ...]]] = {
    lang: tuple(months[str(number)] for number in range(1, 13))
    for lang, months in by_language("sentences.months").items()
}

DAY: Final[dict[str, str]] = table("sentences.day")["date"]
"""A date in a sentence: "10 July 2023", "10 iulie 2023"."""


def _articles(article: str, names: str) -> tuple[str, tuple[str, ...]]:
    return article, ("",) if names == "*" else tuple(names.split("|"))


ARTICLES: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    lang: _articles(words["article"], words["names"]) for lang, words in by_language("sentences.articles").items()
}
"""How a sentence names the places that take an article ("the United States"): the template (`the {place}`)
and the beginnings of those names (`*`: every name; Romanian names carry their own article, `{place}`)."""

WINDOWS: Final[dict[str, dict[str, str]]] = table("sentences.windows")
"""The period in which a decision or a transfer tool is valid, by which of its ends are known."""

CITATIONS: Final[dict[str, dict[str, str]]] = table("sentences.citations")
"""Citations that are not a fact of the facts file."""

MECHANISMS: Final[dict[str, dict[str, str]]] = table("sentences.mechanisms")
"""A transfer tool as a sentence names it: its id in English (as ropa has always written it), its name in
words elsewhere, so that no register identifier (`scc`) stands in a sentence of another language."""

SENTENCES: Final[dict[str, dict[str, str]]] = table("sentences")
"""One sentence template per reason key, in every language."""
