"""Free text as people write it, mapped to ropa's vocabulary only where the mapping is certain.

Each function gives the value, or None when the text does not say it for certain (the caller reports
the cell). Texts are compared without case, accents or punctuation; English, Romanian and French are
recognised. A lawful basis or an Art. 9(2) condition is recognised by its article (`6(1)(f)`,
`art. 6 alin. (1) lit. (f)`) or by the words of the law; a text naming two bases is not one basis.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Final

from ropa.model import LegalBasis, SpecialCondition

__all__ = ["closest", "duration", "legal_basis", "plain", "special_condition", "yes_no"]


def plain(text: str) -> str:
    """`text` without case, accents or punctuation, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(character for character in decomposed if not unicodedata.combining(character))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", letters).split())


_BASES: Final[dict[LegalBasis, tuple[str, ...]]] = {
    LegalBasis.CONSENT: ("consent", "consimtamant", "consimtamantul", "consentement"),
    LegalBasis.CONTRACT: ("contract", "contractual", "contractual necessity", "contrat", "contractuel"),
    LegalBasis.LEGAL_OBLIGATION: (
        "legal obligation",
        "legal requirement",
        "statutory obligation",
        "obligatie legala",
        "obligatii legale",
        "obligation legale",
    ),
    LegalBasis.VITAL_INTERESTS: ("vital interests", "vital interest", "intereselor vitale", "interets vitaux"),
    LegalBasis.PUBLIC_TASK: (
        "public task",
        "public interest",
        "official authority",
        "interes public",
        "mission d interet public",
        "interet public",
    ),
    LegalBasis.LEGITIMATE_INTERESTS: (
        "legitimate interests",
        "legitimate interest",
        "interes legitim",
        "interese legitime",
        "interesele legitime",
        "interet legitime",
        "interets legitimes",
    ),
}
_BASIS_LETTERS: Final = dict(zip("abcdef", LegalBasis, strict=True))
_CONDITION_LETTERS: Final = dict(zip("abcdefghij", SpecialCondition, strict=True))
_CONDITIONS: Final[dict[SpecialCondition, tuple[str, ...]]] = {
    SpecialCondition.EXPLICIT_CONSENT: ("explicit consent", "consimtamant explicit", "consentement explicite"),
    SpecialCondition.EMPLOYMENT_AND_SOCIAL_PROTECTION: ("employment", "social security", "social protection"),
    SpecialCondition.NOT_FOR_PROFIT_BODY: ("not for profit", "not for profit body"),
    SpecialCondition.MADE_PUBLIC: ("manifestly made public", "made public"),
    SpecialCondition.LEGAL_CLAIMS: ("legal claims",),
    SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: ("substantial public interest",),
    SpecialCondition.HEALTH_OR_SOCIAL_CARE: ("health or social care", "occupational medicine", "medical diagnosis"),
    SpecialCondition.PUBLIC_HEALTH: ("public health",),
    SpecialCondition.ARCHIVING_RESEARCH_STATISTICS: ("archiving", "scientific research", "statistical purposes"),
}


def _articles(text: str, article: str, paragraph: str, letters: str) -> set[str]:
    """The points cited as `6(1)(f)`, `6.1.f`, `art. 6 alin. (1) lit. (f)` in `plain` text."""
    pattern = rf"\b{article} (?:alin )?{paragraph} (?:lit )?([{letters}])\b"
    return set(re.findall(pattern, text))


def _named(text: str, table: dict[str, tuple[str, ...]]) -> set[str]:
    padded = f" {text} "
    return {key for key, phrases in table.items() if any(f" {phrase} " in padded for phrase in phrases)}


def legal_basis(text: str) -> LegalBasis | None:
    """The Art. 6(1) basis `text` names, if it names exactly one."""
    words = plain(text)
    found = {_BASIS_LETTERS[letter] for letter in _articles(words, "6", "1", "a-f")}
    if not found:
        found = {LegalBasis(key) for key in _named(words, {basis.value: phrases for basis, phrases in _BASES.items()})}
    return found.pop() if len(found) == 1 else None


def special_condition(text: str) -> SpecialCondition | None:
    """The Art. 9(2) condition `text` names, if it names exactly one."""
    words = plain(text)
    found = {_CONDITION_LETTERS[letter] for letter in _articles(words, "9", "2", "a-j")}
    if not found:
        table = {condition.value: phrases for condition, phrases in _CONDITIONS.items()}
        found = {SpecialCondition(key) for key in _named(words, table)}
    return found.pop() if len(found) == 1 else None


def closest(text: str, vocabulary: type[LegalBasis] | type[SpecialCondition]) -> str | None:
    """The value of `vocabulary` whose words are nearest `text`, for a "did you mean" (never applied)."""
    table: dict[str, tuple[str, ...]] = (
        {basis.value: phrases for basis, phrases in _BASES.items()}
        if vocabulary is LegalBasis
        else {condition.value: phrases for condition, phrases in _CONDITIONS.items()}
    )
    phrases = {phrase: key for key, known in table.items() for phrase in (*known, plain(key))}
    near = difflib.get_close_matches(plain(text), list(phrases), n=1, cutoff=0.6)
    return phrases[near[0]] if near else None


_YES: Final = frozenset({"yes", "y", "true", "da", "oui", "x"})
_NO: Final = frozenset({"no", "n", "false", "nu", "non"})


def yes_no(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    words = plain(str(value))
    return True if words in _YES else False if words in _NO else None


_UNITS: Final = {
    "Y": ("year", "years", "yr", "yrs", "y", "an", "ani", "ans", "annee", "annees"),
    "M": ("month", "months", "mo", "mos", "luna", "luni", "mois"),
    "W": ("week", "weeks", "wk", "wks", "saptamana", "saptamani", "semaine", "semaines"),
    "D": ("day", "days", "d", "zi", "zile", "jour", "jours"),
}
_UNIT_OF: Final = {word: unit for unit, words in _UNITS.items() for word in words}
_ONE: Final = frozenset({"one", "a", "an", "un", "una", "o", "une"})
_PART = re.compile(r"(\d{1,5}|[a-z]+) ([a-z]+)")


def duration(text: str) -> str | None:
    """`6 years`, `6 ani`, `6 ans`, `1 year and 6 months` as an ISO 8601 duration (`P6Y`, `P1Y6M`).

    Only a text that is nothing but a duration; "6 years after the contract ends" is criteria, not a period.
    """
    words = " ".join(re.sub(r"\b(and|si|et|de)\b", " ", plain(text)).split())
    parts: dict[str, int] = {}
    rest = _PART.sub(lambda match: _take(match, parts), words)
    if rest.strip() or not parts or "?" in rest:
        return None
    return "P" + "".join(f"{parts[unit]}{unit}" for unit in "YMWD" if unit in parts)


def _take(match: re.Match[str], parts: dict[str, int]) -> str:
    count, word = match.group(1), match.group(2)
    unit = _UNIT_OF.get(word)
    number = int(count) if count.isdigit() else 1 if count in _ONE else None
    if unit is None or number is None or unit in parts or (unit == "Y" and count == "an" and word == "an"):
        return " ? "
    parts[unit] = number
    return " "
