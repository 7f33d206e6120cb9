"""A verdict in words, in any language ropa speaks: structured reasons put into sentences.

The rules (`ropa.law.rules`) do not write sentences. They give each reason as a `Reason`: a stable key
and its parameters (places, dates, periods of validity, transfer tool ids, and texts of the legal facts
as `Localized` values carrying every language). The sentence templates are data, in the catalogues
(`ropa.words`, read by `ropa.law.sentences`); this module fills them in. A language ropa has no
catalogue for gets English; a catalogue lacking a message is an error (`ropa.words.MissingWording`).

    >>> from datetime import date
    >>> from ropa.law.wording import Reason, Place, sentence
    >>> sentence(Reason.of("third-country", place=Place("US")), "ro")
    'Statele Unite se află în afara Spațiului Economic European (SEE) la acea dată: se aplică capitolul V din RGPD (art. 44).'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from string import Formatter
from typing import TypeAlias

from ropa.law.sentences import ARTICLES, DAY, LANGUAGES, MECHANISMS, MONTHS, SENTENCES, WINDOWS
from ropa.model.places import country_name
from ropa.words import text

__all__ = [
    "LANGUAGES",
    "Localized",
    "Param",
    "Place",
    "Reason",
    "Window",
    "citation",
    "day",
    "language",
    "placeholders",
    "sentence",
    "words",
]


@dataclass(frozen=True)
class Localized:
    """A text of the legal facts in every language ropa writes: a reference, a condition, a caveat."""

    texts: tuple[tuple[str, str], ...]
    """(language, text) for every language ropa writes."""

    @classmethod
    def of(cls, **texts: str) -> Localized:
        """The same text given per language: `Localized.of(en=…, ro=…)`."""
        return cls(tuple(sorted(texts.items())))

    @classmethod
    def message(cls, context: str, key: str) -> Localized:
        """A message of the catalogues (`ropa.words`) in every language ropa writes."""
        return cls(tuple((lang, text(lang, context, key)) for lang in LANGUAGES))

    def text(self, lang: str) -> str:
        """The text in `lang`; English for a language ropa has no wording for."""
        return dict(self.texts)[language(lang)]


@dataclass(frozen=True)
class Place:
    """A destination as a sentence names it: an ISO 3166-1 alpha-2 code or an `IO:` id."""

    code: str


@dataclass(frozen=True)
class Window:
    """The days a decision or a transfer tool is valid: first and last, either possibly open."""

    start: date | None
    until: date | None


Param: TypeAlias = "str | date | Place | Window | Localized | tuple[Param, ...]"
"""A reason's parameter: a tool id (named in words outside English: `sentences.MECHANISMS`), a date, a place, a period of validity,
a text of the legal facts, or a list of these (written as a comma-separated list)."""


@dataclass(frozen=True)
class Reason:
    """One reason of a verdict: a key of `ropa.law.sentences.SENTENCES` and the values of its placeholders."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, key: str, **params: Param) -> Reason:
        return cls(key, tuple(params.items()))

    def text(self, lang: str) -> str:
        """The reason as a sentence in `lang` (English for a language ropa has no wording for)."""
        return sentence(self, lang)


def language(lang: str) -> str:
    """`lang` if ropa words verdicts in it, else English."""
    return lang if lang in LANGUAGES else "en"


def day(value: date, lang: str) -> str:
    """A date as a sentence gives it: "10 July 2023", "10 iulie 2023"."""
    lang = language(lang)
    return DAY[lang].format(day=value.day, month=MONTHS[lang][value.month - 1], year=value.year)


def _place(code: str, lang: str) -> str:
    name = country_name(code, lang)
    article, names = ARTICLES[lang]
    return article.format(place=name) if name.startswith(names) else name


def _window(window: Window, lang: str) -> str:
    ends = ("from" if window.start else "") + ("-" if window.start and window.until else "")
    ends += "until" if window.until else ""
    template = WINDOWS[ends or "always"][lang]
    start = day(window.start, lang) if window.start else ""
    until = day(window.until, lang) if window.until else ""
    return template.format(start=start, until=until)


def _words(value: Param, lang: str) -> str:
    if isinstance(value, Localized):
        return value.text(lang)
    if isinstance(value, Place):
        return _place(value.code, lang)
    if isinstance(value, Window):
        return _window(value, lang)
    if isinstance(value, date):
        return day(value, lang)
    if isinstance(value, tuple):
        return ", ".join(_words(item, lang) for item in value)
    return MECHANISMS.get(value, {}).get(language(lang), value)


def words(value: Param, lang: str) -> str:
    """A parameter in words in `lang`, as a sentence writes it: a place by its name, a date, tools by name."""
    return _words(value, language(lang))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(reason: Reason, lang: str) -> str:
    """`reason` in words in `lang`, English for a language ropa has no wording for; the first letter capital."""
    lang = language(lang)
    values = {name: _words(value, lang) for name, value in reason.params}
    return _capital(SENTENCES[reason.key][lang].format(**values))


def citation(parts: Iterable[Localized], lang: str) -> str:
    """The provisions and acts a verdict rests on, in `lang`, separated by semicolons."""
    return "; ".join(part.text(lang) for part in parts)


def placeholders(template: str) -> frozenset[str]:
    """The names of a template's placeholders: `{place}`, `{reference}`…"""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)
