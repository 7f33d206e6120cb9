"""Country names as people write them (English, Romanian, French) to ISO 3166-1 codes, with pycountry.

A name is recognised when it is a code, pycountry's name, common or official name, or the name's
Romanian or French translation in pycountry's own catalogues (compared without case or accents), or
one of a few everyday short names (`UK`, `USA`, `SUA`). Anything else is not a country for certain.
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import Final

from ropa.importing.vocabulary import plain

__all__ = ["country_code"]

TRANSLATED: Final = ("ro", "fr")
_EVERYDAY: Final = {
    "uk": "GB",
    "great britain": "GB",
    "marea britanie": "GB",
    "regatul unit": "GB",
    "royaume uni": "GB",
    "usa": "US",
    "us": "US",
    "u s": "US",
    "u s a": "US",
    "united states of america": "US",
    "sua": "US",
    "statele unite": "US",
    "statele unite ale americii": "US",
    "etats unis": "US",
    "south korea": "KR",
    "coreea de sud": "KR",
    "coree du sud": "KR",
    "russia": "RU",
    "rusia": "RU",
    "russie": "RU",
}


@cache
def _names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    translations = []
    for language in TRANSLATED:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]))
        except FileNotFoundError:
            continue
    for country in pycountry.countries:
        code: str = country.alpha_2
        written = [country.alpha_2, country.alpha_3, country.name]
        written += [getattr(country, name) for name in ("common_name", "official_name") if hasattr(country, name)]
        written += [translation.gettext(country.name) for translation in translations]
        for name in written:
            names.setdefault(plain(name), code)
    names.update(_EVERYDAY)
    return names


def country_code(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code `text` names, or None."""
    return _names().get(plain(text))
