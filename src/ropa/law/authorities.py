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
    address: dict[str, str] = {}
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    web: str | None = None
    source: str
    """The official page the details were read on."""


@cache
def _authorities() -> dict[str, Authority]:
    text = resources.files("ropa.law").joinpath("authorities.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {country: Authority.model_validate(entry) for country, entry in data.items()}


def authority_for(country: str) -> Authority | None:
    """The supervisory authority of `country` (ISO 3166-1 alpha-2), or None when ropa has no verified facts for it."""
    return _authorities().get(country)
