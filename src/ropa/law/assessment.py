"""The verdict of Chapter V on one transfer on one date: what the rules (`ropa.law.rules`) return."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ropa._boundary import a_language
from ropa.law import wording
from ropa.law.wording import Localized, Reason
from ropa.model.vocabulary import TransferMechanism

__all__ = ["Assessment", "Basis"]

Basis = Literal["intra-eea", "adequacy", "safeguards", "derogation", "none"]


@dataclass(frozen=True)
class Assessment:
    """The verdict of Chapter V on one transfer on one date, with the law it rests on."""

    destination: str
    """The destination, normalised: an ISO 3166-1 alpha-2 code, an `IO:` id or a territory's ISO 3166-2 code."""
    on: date
    """The date of the transfer."""
    lawful: bool
    """True when Chapter V allows the transfer on that date."""
    basis: Basis
    """What allows it: `intra-eea` (no transfer to a third country), `adequacy` (Art. 45), `safeguards`
    (Art. 46, 47), `derogation` (Art. 49), or `none`."""
    citation: str
    """The provision and act the verdict rests on, in English (`citation_in` for another language)."""
    reasons: tuple[str, ...]
    """Why, in words, in English (`reasons_in` for another language): what applies, what does not and on
    what condition."""
    tia_required: bool
    """True when a transfer impact assessment is required (Art. 46 tools; EDPB Recommendations 01/2020)."""
    relied_on: tuple[TransferMechanism, ...] = ()
    """The declared tools the verdict relies on, in the engine's order of preference."""
    authorisation_required: bool = False
    """True when the tool relied on needs the supervisory authority's authorisation (Art. 46(3))."""
    conditional: bool = False
    """True when the verdict holds only on a fact the register does not give; the reasons say which."""
    fallbacks: tuple[TransferMechanism, ...] = ()
    """On an adequacy verdict: the other declared tools valid for this transfer on that date (never an invalid one)."""
    citation_parts: tuple[Localized, ...] = field(default=(), repr=False)
    """The citation as data: each provision or act in every language ropa speaks."""
    structured_reasons: tuple[Reason, ...] = field(default=(), repr=False)
    """The reasons as data: each a stable key and its parameters (`ropa.law.wording`)."""

    def citation_in(self, lang: str) -> str:
        """`citation` in `lang` (`"ro"`, `"en"`); a `ValueError` for a language ropa has no wording for."""
        a_language("lang", lang, wording.LANGUAGES, whose="a language ropa writes")
        if not self.citation_parts:
            return self.citation
        return wording.citation(self.citation_parts, lang)

    def reasons_in(self, lang: str) -> tuple[str, ...]:
        """`reasons` in `lang` (`"ro"`, `"en"`), one for one; a `ValueError` for a language ropa has no wording for."""
        a_language("lang", lang, wording.LANGUAGES, whose="a language ropa writes")
        if not self.structured_reasons:
            return self.reasons
        return tuple(wording.sentence(reason, lang) for reason in self.structured_reasons)
