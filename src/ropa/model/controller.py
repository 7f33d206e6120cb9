"""The controller and the other parties Article 30(1)(a) and 30(2)(a) name."""

from __future__ import annotations

from ropa.model.base import Boolean, CountryCode, Record, Text, Url

__all__ = ["Contact", "Controller", "Party"]


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


class Party(Record):
    """Another organisation the record must name, such as a controller a processor acts for (Art. 30(2)(a))."""

    name: str
    """Name as the organisation itself writes it."""
    country: CountryCode | None = None
    """Country of establishment; empty when unknown."""
    contact: Contact | None = None
    """How to reach it; empty when unknown."""
    representative: Contact | None = None
    """Its representative in the Union under Art. 27, where it has one."""
    dpo: Contact | None = None
    """Its data protection officer (Art. 37), where it has one."""
    description: Text | None = None
    """Who this party is, in words, when the name alone does not say (e.g. a category of clients)."""


class Controller(Record):
    """The organisation that keeps the register: the controller of Art. 30(1)(a)."""

    name: str
    """Legal name, e.g. `Asociația ONedu`."""
    legal_form: Text | None = None
    """Legal form in words, e.g. `{ro: asociație, en: association}`."""
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
    representative: Contact | None = None
    """The representative in the Union (Art. 27); empty for a controller established in the Union."""
    public_utility: Boolean | None = None
    """Recognised as of public utility; Romanian Law 190/2018 art. 2(1)(a) then treats it as a public body. Empty when unknown."""
