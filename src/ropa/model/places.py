"""Places data can go: countries (ISO 3166-1 via pycountry) and international organisations."""

from __future__ import annotations

from functools import cache

__all__ = ["EU_COUNTRY_CODES", "INTERNATIONAL_ORGANISATIONS", "TERRITORIES", "country_name", "is_country_code"]

EU_COUNTRY_CODES: dict[str, str] = {"EL": "GR", "UK": "GB"}
"""The EU's own style codes, and their ISO 3166-1 equivalents (Interinstitutional Style Guide)."""

# International organisations have no ISO 3166 code; ropa names them `IO:<ID>`.
# Only organisations a register may need to name are listed; add one here to use it.
INTERNATIONAL_ORGANISATIONS: dict[str, dict[str, str]] = {
    "IO:EPO": {
        "en": "European Patent Organisation",
        "ro": "Organizația Europeană de Brevete",
    },
}

# A few places share an ISO 3166-1 code with land the law treats differently; a register names them by
# their ISO 3166-2 code. Jan Mayen (NO-22) is listed with Svalbard under SJ, but the EEA Agreement lets
# Norway exclude only Svalbard (Protocol 40), so Jan Mayen is inside the EEA.
TERRITORIES: dict[str, dict[str, str]] = {
    "NO-22": {"en": "Jan Mayen", "ro": "Jan Mayen"},
}


@cache
def _alpha2_codes() -> frozenset[str]:
    import pycountry  # imported here: loading its database is only needed when a code is checked

    return frozenset(country.alpha_2 for country in pycountry.countries)


def is_country_code(code: str) -> bool:
    """True if `code` is an ISO 3166-1 alpha-2 code."""
    return code in _alpha2_codes()


@cache
def country_name(place: str, language: str) -> str:
    """The name of a country code, a territory's ISO 3166-2 code or an `IO:` id in `language` (English where no
    translation exists)."""
    named = INTERNATIONAL_ORGANISATIONS.get(place) or TERRITORIES.get(place)
    if named is not None:
        return named.get(language, named["en"])
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_2=place)
    if country is None:
        raise ValueError(f"unknown country code {place!r}")
    name: str = getattr(country, "common_name", None) or country.name
    if language == "en":
        return name
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except FileNotFoundError:
        return name
    # Translations are keyed by the official ISO name, not the common one.
    return translation.gettext(country.name)
