"""Building blocks shared by every part of the register: ids, texts, countries, places."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
)

from ropa.model.places import EU_COUNTRY_CODES, INTERNATIONAL_ORGANISATIONS, TERRITORIES, country_name, is_country_code

__all__ = [
    "CountryCode",
    "Date",
    "Duration",
    "Id",
    "Language",
    "Location",
    "Record",
    "Text",
    "Url",
]


class Record(BaseModel):
    """Base of every register record: immutable, and unknown fields are rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64),
    Field(description="A short kebab-case id, unique within its collection (e.g. `google-workspace`)."),
]

Language = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2}$"),
    Field(description="An ISO 639-1 language code, lower case (e.g. `ro`, `en`)."),
]

NonEmpty = Annotated[str, StringConstraints(min_length=1)]


def _check_country(code: str) -> str:
    if code in EU_COUNTRY_CODES:
        iso = EU_COUNTRY_CODES[code]
        raise ValueError(f"{code!r} is the EU's code, not ISO 3166-1: use {iso!r} ({country_name(iso, 'en')})")
    if not is_country_code(code):
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    AfterValidator(_check_country),
    Field(description="An ISO 3166-1 alpha-2 country code, upper case (e.g. `RO`, `US`)."),
]


def _check_location(place: str) -> str:
    if place.startswith("IO:"):
        if place not in INTERNATIONAL_ORGANISATIONS:
            known = ", ".join(INTERNATIONAL_ORGANISATIONS)
            raise ValueError(f"unknown international organisation {place!r} (known: {known})")
        return place
    if "-" in place:
        if place not in TERRITORIES:
            known = ", ".join(TERRITORIES)
            raise ValueError(f"unknown territory {place!r} (known ISO 3166-2 codes: {known})")
        return place
    return _check_country(place)


Location = Annotated[
    str,
    StringConstraints(pattern=r"^([A-Z]{2}|IO:[A-Z0-9-]+|[A-Z]{2}-[A-Z0-9]{1,3})$"),
    AfterValidator(_check_location),
    Field(
        description=(
            "Where data is processed: an ISO 3166-1 alpha-2 country code, `IO:` and the id "
            "of an international organisation (e.g. `IO:EPO`), or the ISO 3166-2 code of a territory "
            "the law treats apart from the country code that covers it (`NO-22`, Jan Mayen)."
        )
    ),
]

Url = Annotated[
    str,
    StringConstraints(pattern=r"^https?://\S+$"),
    Field(description="An http(s) address."),
]

_DURATION = re.compile(r"^P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def _check_duration(value: str) -> str:
    if not _DURATION.match(value):
        raise ValueError(f"{value!r} is not an ISO 8601 duration in years, months, weeks or days (e.g. 'P10Y', 'P6M')")
    return value


Duration = Annotated[
    str,
    StringConstraints(pattern=r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$"),
    AfterValidator(_check_duration),
    Field(description="An ISO 8601 duration in years, months, weeks and days, e.g. `P10Y`, `P6M`, `P30D`."),
]

Date = Annotated[date, Field(description="A calendar date, ISO 8601 (YYYY-MM-DD).")]


def duration_parts(value: str) -> tuple[int, int, int, int]:
    """(years, months, weeks, days) of a validated ISO 8601 duration."""
    match = _DURATION.match(value)
    if match is None:
        raise ValueError(f"not a duration: {value!r}")
    years, months, weeks, days = (int(part) if part else 0 for part in match.groups())
    return years, months, weeks, days


class Text(RootModel[dict[Language, NonEmpty]]):
    """A text meant for people, in every language the register declares: `{ro: …, en: …}`."""

    model_config = ConfigDict(frozen=True, json_schema_extra={"additionalProperties": False})

    def __getitem__(self, language: str) -> str:
        return self.root[language]

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.root)

    def languages(self) -> tuple[str, ...]:
        return tuple(self.root)

    @classmethod
    def of(cls, **texts: str) -> Text:
        """`Text.of(ro="…", en="…")`, a convenience for code and tests."""
        return cls(texts)


def texts_in(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    """Every `Text` inside a model, with its path: used to check that each carries every language."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts_in(getattr(value, name), (*path, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(item, (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts_in(item, (*path, index))
