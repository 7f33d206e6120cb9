"""The controller and the other parties Article 30(1)(a) and 30(2)(a) name."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ropa.model.base import Boolean, CountryCode, Record, Text, Url
from ropa.model.vocabulary import OrganisationKind, TransferMechanism

__all__ = ["Contact", "Controller", "Party", "Representative", "SupervisoryAuthority"]


class Contact(Record):
    """A person or office and the ways to reach them."""

    name: str | None = None
    """Name of the person or office; empty when not published."""
    email: str | None = None
    """Email address."""
    phone: str | None = None
    """Telephone number."""
    web: Url | None = None
    """Web page or contact form."""
    address: str | None = None
    """Postal address."""
    grammatical_gender: Literal["feminine", "masculine", "neutral"] | None = None
    """How a language with grammatical gender names this person's role ("notre déléguée à la protection des
    données"), as the person wishes; empty or `neutral`: a wording without gender, never a guess."""


class Representative(Contact):
    """The representative in the Union of a controller or processor not established there (Art. 27).

    Its own party, never a recipient: designated in writing, established in a Member State where
    the data subjects are (Art. 27(3)), and addressed in addition to or instead of the controller (Art. 27(4)).
    """

    name: str
    """Name of the person or organisation designated."""
    country: CountryCode
    """Member State where it is established (Art. 27(3))."""


class SupervisoryAuthority(Contact):
    """The supervisory authority competent for the controller (Art. 51, 55), where the register names it:
    in a country with regional authorities (the German Länder, Spain's regions) the register must."""

    name: str
    """Name as the authority writes it, e.g. `Berliner Beauftragte für Datenschutz und Informationsfreiheit`."""


class Party(Record):
    """Another organisation the record must name, such as a controller a processor acts for (Art. 30(2)(a))."""

    name: str
    """Name as the organisation itself writes it."""
    country: CountryCode | None = None
    """Country of establishment; empty when unknown."""
    contact: Contact | None = None
    """How to reach it; empty when unknown."""
    representative: Representative | None = None
    """Its representative in the Union under Art. 27, where it has one."""
    dpo: Contact | None = None
    """Its data protection officer (Art. 37), where it has one."""
    description: Text | None = None
    """Who this party is, in words, when the name alone does not say (e.g. a category of clients)."""
    mechanisms: list[TransferMechanism] = Field(default_factory=list)
    """For a client controller outside the EEA: the transfer tools for returning its data to it (e.g. `scc`, Module 4)."""
    dpf_certified: Boolean = False
    """For a client controller in the US: True when it is on the Data Privacy Framework List."""


class Controller(Record):
    """The organisation that keeps the register: the controller of Art. 30(1)(a)."""

    name: str
    """Legal name, e.g. `Asociația ONedu`."""
    legal_form: Text | None = None
    """Legal form in words, e.g. `{ro: asociație, en: association}`."""
    kind: OrganisationKind | None = None
    """What kind of body it is: `association`, `foundation`, `company`, `public-body`, `other`; empty when not said."""
    fiscal_code: str | None = None
    """Fiscal identification code (in Romania: CIF/CUI)."""
    registration: str | None = None
    """Number in the register of legal persons (associations, companies), where known."""
    address: str | None = None
    """Registered office."""
    country: CountryCode
    """Country of establishment."""
    email: str | None = None
    """Contact email address."""
    web: Url | None = None
    """Web site."""
    phone: str | None = None
    """Contact telephone number."""
    contact_point: Url | None = None
    """Where data subjects send requests (e.g. a help-desk), when it is not the email address."""
    dpo: Contact | None = None
    """The data protection officer (Art. 37-39); empty when none is designated."""
    representative: Representative | None = None
    """The representative in the Union (Art. 27); empty for a controller established in the Union."""
    supervisory_authority: SupervisoryAuthority | None = None
    """The supervisory authority competent for it, with its contact details, named in the notice (Art. 13(2)(d),
    77) instead of ropa's verified authority of its country; required where that country has regional authorities."""
    public_utility: Boolean | None = None
    """For a Romanian association or foundation: recognised as of public utility, which Law 190/2018 art. 2(1)(a) treats as a public body. Empty when unknown."""
