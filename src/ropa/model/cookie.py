"""Cookies and similar technologies a site or app sets (ePrivacy Directive art. 5(3); GDPR Art. 13)."""

from __future__ import annotations

from ropa.model.base import Boolean, Id, Record, Text
from ropa.model.vocabulary import CookieCategory

__all__ = ["Cookie"]


class Cookie(Record):
    """A cookie, or a family of cookies sharing a name pattern, as the notice's cookie section lists it."""

    name: str
    """Its name, or a pattern for a family of names, e.g. `_ga` or `_ga_*`."""
    recipient: Id | None = None
    """The recipient that sets or reads it (a third-party cookie), in `recipients`; empty for a first-party cookie."""
    purpose: Text
    """What it is used for, in words."""
    lifetime: Text
    """How long it lasts, in words, e.g. `{en: 2 years, ro: 2 ani}` or `{en: the session, ro: sesiunea}`."""
    category: CookieCategory
    """`strictly-necessary`, `functional`, `preferences`, `statistics` or `marketing`."""
    consent: Boolean
    """True when it is set only with the person's consent (everything but the strictly necessary)."""
