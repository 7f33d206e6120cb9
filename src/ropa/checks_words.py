"""Findings in words, in any language ropa writes: a finding's key and parameters put into a catalogue's sentence.

Each finding is a message of the catalogues (`ropa.words`), context `findings`, keyed by its code or by
`code.variant` (`I901.regional`), with `{name}` placeholders; its title is context `findings.titles`. The
parameters are language-neutral, so another tool can word them too: ids and names from the register, ISO
3166-1 codes (`country`, `destination`), ISO dates, ISO 8601 durations (`period`), transfer tool ids
(`mechanisms`, comma-separated), references of the legal facts (`decision`, their English text) and counts.
Here they become words in the language: a place by its name, a date as the verdicts give it, a period in
units, a transfer tool by its name. The reasons of a transfer
verdict (T101) are the verdict's own sentences (`ropa.law.wording`), in the same language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeAlias

from ropa.law.wording import Place, Reason, day, sentence, words
from ropa.model.base import duration_parts
from ropa.words import counted, text

__all__ = ["FindingParams", "finding_text", "params", "title"]

FindingParams: TypeAlias = tuple[tuple[str, str | int], ...]
"""A finding's parameters: (name, value) pairs, each value a language-neutral text or a count."""

_PLACES = frozenset({"country", "destination"})
_DATES = frozenset({"on", "until", "applies", "announced", "earliest", "reviewed", "due"})
_UNITS = ("years", "months", "weeks", "days")


def params(**values: str | int | date) -> FindingParams:
    """A finding's parameters as given: dates become ISO dates, everything else stays as it is."""
    return tuple((name, value.isoformat() if isinstance(value, date) else value) for name, value in values.items())


def finding_text(key: str, given: Iterable[tuple[str, str | int]], lang: str, reasons: Iterable[Reason] = ()) -> str:
    """The message `key` of context `findings` in `lang`, its parameters in words; `reasons` fill `{reasons}`.

    A message the catalogue lacks is `ropa.words.MissingWording`, naming the catalogue, the context and the key."""
    values = {name: _words(name, value, lang) for name, value in given}
    said = [sentence(reason, lang) for reason in reasons]
    if said:
        values["reasons"] = " ".join(said)
    return text(lang, "findings", key).format(**values)


def title(code: str, lang: str) -> str:
    """The title of the finding `code` (`CODES`) in `lang`."""
    return text(lang, "findings.titles", code)


def _words(name: str, value: str | int, lang: str) -> str:
    if isinstance(value, int):
        return str(value)
    if name in _PLACES:
        return words(Place(value), lang)
    if name in _DATES:
        return day(date.fromisoformat(value), lang)
    if name == "period":
        parts = [(unit, count) for unit, count in zip(_UNITS, duration_parts(value), strict=True) if count]
        return ", ".join(counted(count, lang, "duration", unit) for unit, count in parts or [("days", 0)])
    if name == "mechanisms":
        return words(tuple(value.split(",")), lang)
    if name == "decision":  # a reference of the legal facts: its English text keys its message (context `facts`)
        return text(lang, "facts", value)
    return value
