"""Purposes of processing with their lawful basis (Art. 30(1)(b), Art. 6, Art. 9)."""

from __future__ import annotations

from pydantic import Field

from ropa.model.base import Boolean, Provision, Record, Text
from ropa.model.vocabulary import LegalBasis, SpecialCondition

__all__ = ["Purpose"]


class Purpose(Record):
    """A purpose of processing and the legal ground it rests on."""

    name: Text
    """The purpose in a few words, e.g. `{ro: facilitarea plăților, en: facilitating payments}`."""
    description: Text | None = None
    """The purpose in full, where a few words are not enough."""
    legal_basis: LegalBasis | None = None
    """The lawful basis of Art. 6(1); required for a purpose of the organisation's own (controller) activities, empty for one pursued only as processor, where it is the client controller's."""
    further_legal_bases: list[LegalBasis] = Field(default_factory=list)
    """Further Art. 6(1) bases the purpose rests on at once, where the law allows more than one (e.g. a
    population register kept under (c) and (e)); each differs from `legal_basis`."""
    law: Provision | None = None
    """The Union or Member State law that lays down the basis, for (c) `legal-obligation` and (e) `public-task`
    (Art. 6(3)), e.g. `{text: {en: Accounting Law 82/1991, art. 25}, country: RO}`."""
    legitimate_interest: Text | None = None
    """The legitimate interest pursued, in words: required when the basis is `legitimate-interests` (Art. 13(1)(d))."""
    requirement: Text | None = None
    """Whether providing the data is a statutory or contractual requirement, or needed to enter into a contract, whether the person must provide it, and what happens if they do not (Art. 13(2)(e))."""
    direct_marketing: Boolean = False
    """True when the purpose is direct marketing: the notice then states the right to object to it at any time,
    which is absolute (Art. 21(2)-(3)); otherwise the notice does not mention direct marketing."""
    special_condition: SpecialCondition | None = None
    """The Art. 9(2) condition, required when an activity with this purpose uses special data."""
    notes: str | None = None
    """Internal notes; never published."""

    @property
    def legal_bases(self) -> tuple[LegalBasis, ...]:
        """`legal_basis` then `further_legal_bases`; empty when the register gives none."""
        return (self.legal_basis, *self.further_legal_bases) if self.legal_basis else tuple(self.further_legal_bases)
