"""The destinations the rules accept: ISO 3166-1 codes (with the EU's own aliases), `IO:` ids, territories."""

from __future__ import annotations

from ropa.model.places import INTERNATIONAL_ORGANISATIONS, TERRITORIES, is_country_code

__all__ = ["ALIASES", "normalise_destination"]

ALIASES: dict[str, str] = {"EL": "GR", "UK": "GB"}
"""The EU's own country codes, accepted for their ISO 3166-1 equivalents."""


def normalise_destination(destination: str) -> str:
    """The ISO 3166-1 alpha-2 code or `IO:` id for `destination`; `EL` and `UK` are accepted as aliases."""
    place = destination.strip().upper()
    place = ALIASES.get(place, place)
    if place in INTERNATIONAL_ORGANISATIONS or place in TERRITORIES or (len(place) == 2 and is_country_code(place)):
        return place
    known = ", ".join(INTERNATIONAL_ORGANISATIONS)
    raise ValueError(
        f"unknown destination {destination!r}: give an ISO 3166-1 alpha-2 country code (e.g. 'US'; "
        f"'EL' and 'UK' are accepted for Greece and the United Kingdom), an international organisation ({known}) "
        f"or a territory's ISO 3166-2 code ({', '.join(TERRITORIES)})"
    )
