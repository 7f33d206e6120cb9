"""The supervisory authorities (Art. 51) a privacy notice names for the right to complain (Art. 77).

Read from `authorities.yaml`, where every authority carries the official source of its details.
Only verified facts are there; a country without an entry has no authority ropa can name yet, which
`ropa check` reports (the notice then states the right without naming the authority).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

__all__ = ["Authority", "authority_for"]


class Authority(BaseModel):
    """A supervisory authority's name and contact details, each text by language where it is verified."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: dict[str, str]
    """The name by language, as the authority writes it."""
    official: list[str] = []
    """Its name in each official language of its country, where it has several: shown beside a name in another
    language, and instead of it in a language it has no name in (e.g. a Romanian notice naming Belgium's)."""
    address: dict[str, str] = {}
    """The address by language; a notice in another language gives the addresses in the others but English."""
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    web: str | None = None
    source: str
    """The official page the details were read on."""
    regional: bool = False
    """True where the country also has regional authorities (the German Länder): this one is competent only for
    some controllers, so the notice never names it by default; the register names its own
    (`controller.supervisory_authority`)."""

    def name_in(self, lang: str) -> str:
        """The name for a notice in `lang`, with the official names beside it where they differ."""
        own = self.name.get(lang)
        others = [name for name in self.official if name != own]
        if own is None:
            return " / ".join(others) or self.name["en"]
        return f"{own} ({' / '.join(others)})" if others else own

    def address_in(self, lang: str) -> str:
        """The address for a notice in `lang`: its own, else those in the other languages but English."""
        if lang in self.address:
            return self.address[lang]
        return " / ".join(text for language, text in self.address.items() if language != "en")


@cache
def _authorities() -> dict[str, Authority]:
    text = resources.files("ropa.law").joinpath("authorities.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {country: Authority.model_validate(entry) for country, entry in data.items()}


def authority_for(country: str) -> Authority | None:
    """The supervisory authority of `country` (ISO 3166-1 alpha-2), or None when ropa has no verified facts for it."""
    return _authorities().get(country)
