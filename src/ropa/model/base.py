"""Building blocks shared by every part of the register: ids, texts, countries, places."""

from __future__ import annotations

import functools
import os
import re
import typing
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from ropa.model.places import EU_COUNTRY_CODES, INTERNATIONAL_ORGANISATIONS, TERRITORIES, country_name, is_country_code

__all__ = [
    "AVAILABLE_LANGUAGES",
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_DURATION_DIGITS",
    "WRITTEN_LANGUAGES",
    "Boolean",
    "CountryCode",
    "Date",
    "Duration",
    "Id",
    "Language",
    "Location",
    "Provision",
    "Record",
    "Text",
    "Url",
    "WrittenLanguage",
    "available_languages",
]


class ReadOnlyList(list[Any]):
    """A record's list: read like any list (and equal to one), but never changed in place."""

    def _refuse(self, *arguments: object, **keywords: object) -> Any:
        raise TypeError(_READ_ONLY)

    append = extend = insert = pop = remove = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __reduce__(self) -> tuple[Any, ...]:  # copied and pickled as a whole, never item by item
        return (ReadOnlyList, (list(self),))


class ReadOnlyDict(dict[Any, Any]):
    """A record's mapping: read like any dict (and equal to one), but never changed in place."""

    def _refuse(self, *arguments: object, **keywords: object) -> Any:
        raise TypeError(_READ_ONLY)

    setdefault = pop = popitem = clear = update = _refuse
    __setitem__ = __delitem__ = __ior__ = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        return (ReadOnlyDict, (dict(self),))


_READ_ONLY = (
    "a register's records cannot be changed in place: make a new one with model_copy(update=...) "
    "(validated again), or change the file with ropa.edit"
)


def _read_only(value: Any) -> Any:
    """`value` with every list and dict in it read-only (records in it are read-only already)."""
    if type(value) is list:
        return ReadOnlyList([_read_only(item) for item in value])
    if type(value) is dict:
        return ReadOnlyDict({key: _read_only(item) for key, item in value.items()})
    return value


class Record(BaseModel):
    """Base of every register record: immutable, and unknown fields are rejected.

    Immutable all the way down: its lists and mappings are read-only (`ReadOnlyList`, `ReadOnlyDict`), and
    `model_copy(update=...)` validates the copy as a new record (a register referring to what it does not
    hold is refused, not made).

    A field's docstring is its description in the JSON Schema; `ropa.model.schema` reads it from the
    source only when the schema is generated (pydantic's `use_attribute_docstrings` would read every
    model's source at every start).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="after")
    def _containers_read_only(self) -> Self:
        fields = self.__dict__
        for name, value in fields.items():
            if type(value) is list or type(value) is dict:
                fields[name] = _read_only(value)
        return self

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        if not update:
            return super().model_copy(deep=deep)
        # A copy may declare the languages its original was validated with (a pack's, found by the loader).
        kept = self.__dict__.get("languages")
        context = {AVAILABLE_LANGUAGES: (*available_languages(), *kept)} if isinstance(kept, list) else None
        return self.model_validate({**self.__dict__, **update}, context=context)


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


def _catalogued_languages() -> tuple[str, ...]:
    # The names of the catalogues present (`ropa.words` reads them; the model imports no other part of ropa,
    # so it lists the same folder itself): `$ROPA_CATALOGUES`, else the package's `catalogues`.
    chosen = os.environ.get("ROPA_CATALOGUES")
    folder = Path(chosen) if chosen else Path(str(files("ropa") / "catalogues"))
    return tuple(sorted(path.stem for path in folder.glob("*.po")))


WRITTEN_LANGUAGES: tuple[str, ...] = _catalogued_languages()
"""ropa's own languages, which it writes every output in (verdicts, checks, workbook, policy, notice): one
per catalogue of wording present (`ropa/catalogues/<lang>.po`); a language pack adds others (docs/languages.md)."""

AVAILABLE_LANGUAGES = "ropa.available_languages"
"""The validation context's key for the languages a register may declare: ropa's own and the language
packs' (`ropa.words.languages()`, which the loader passes). Without it, ropa's own and those of the packs
named in `ROPA_LANGUAGES` (the model reads the variable itself, as it imports no other part of ropa)."""


def _pack_languages(variable: str) -> tuple[str, ...]:
    folders = (Path(folder) for folder in variable.split(os.pathsep) if folder)
    return tuple(path.stem for folder in folders for path in folder.glob("*.po"))


def available_languages(context: Any = None) -> tuple[str, ...]:
    """The languages a register may declare: `context[AVAILABLE_LANGUAGES]` if given, else ropa's own and
    the packs' of `ROPA_LANGUAGES`."""
    if isinstance(context, Mapping) and AVAILABLE_LANGUAGES in context:
        return tuple(context[AVAILABLE_LANGUAGES])
    return tuple(sorted({*WRITTEN_LANGUAGES, *_pack_languages(os.environ.get("ROPA_LANGUAGES", ""))}))


def _check_written(language: str, info: ValidationInfo) -> str:
    available = available_languages(info.context)
    if language not in available:
        raise ValueError(f"ropa cannot write {language!r} yet; it writes {', '.join(available)}")
    return language


WrittenLanguage = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2}$"),
    AfterValidator(_check_written),
    Field(
        description=f"A language ropa writes every output in: {' or '.join(f'`{lang}`' for lang in WRITTEN_LANGUAGES)}"
        " (ISO 639-1, lower case)."
    ),
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

MAX_DURATION_DIGITS = 5
"""Most digits in each number of a duration (`P99999D` at most): longer is a typing slip, not a period."""

_DURATION = re.compile(r"^P(?=[0-9])(?:([0-9]{1,5})Y)?(?:([0-9]{1,5})M)?(?:([0-9]{1,5})W)?(?:([0-9]{1,5})D)?$")


def _check_duration(value: str) -> str:
    if not _DURATION.match(value):
        raise ValueError(
            f"{value!r} is not an ISO 8601 duration in years, months, weeks or days (e.g. 'P10Y', 'P6M'), "
            f"written with the digits 0-9, at most {MAX_DURATION_DIGITS} to a number"
        )
    return value


Duration = Annotated[
    str,
    StringConstraints(pattern=r"^P([0-9]{1,5}Y)?([0-9]{1,5}M)?([0-9]{1,5}W)?([0-9]{1,5}D)?$"),
    AfterValidator(_check_duration),
    Field(description="An ISO 8601 duration in years, months, weeks and days, e.g. `P10Y`, `P6M`, `P30D`."),
]

EARLIEST_DATE = date(1900, 3, 1)
"""The earliest date a register may hold: spreadsheet applications show earlier dates wrongly (the
1900 leap-year bug of Lotus 1-2-3, kept by Excel), so the workbook could not show them truly."""
LATEST_DATE = date(2999, 12, 31)
"""The latest date a register (or `--on`) may hold: later is a typing slip, and date arithmetic near
the year 9999 overflows."""

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date_text(value: Any) -> Any:
    """A date is ISO 8601 text (`2026-11-25`): a number is not a date, whatever YAML 1.1 or a spreadsheet says."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # a date made in code
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD (ISO 8601), e.g. 2026-11-25")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date of the calendar (YYYY-MM-DD)") from None


def _date_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(
            f"{value.isoformat()} is outside the dates a register may hold, "
            f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
        )
    return value


Date = Annotated[
    date,
    BeforeValidator(_date_text),
    AfterValidator(_date_range),
    Field(description="A calendar date, ISO 8601 (YYYY-MM-DD), from 1900-03-01 to 2999-12-31."),
]


def _strict_boolean(value: Any) -> Any:
    if value is True or value is False:
        return value
    raise ValueError(f"{value!r} is not a boolean: write true or false")


Boolean = Annotated[bool, BeforeValidator(_strict_boolean)]
"""`true` or `false`, nothing else: not `yes`, `on`, `1` or `0.0`."""


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

    @model_validator(mode="after")
    def _read_only(self) -> Self:
        if type(self.root) is dict:
            self.__dict__["root"] = ReadOnlyDict(self.root)
        return self

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


def _check_jurisdiction(code: str) -> str:
    return code if code == "EU" else _check_country(code)


Jurisdiction = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    AfterValidator(_check_jurisdiction),
    Field(description="`EU` for Union law, else an ISO 3166-1 alpha-2 country code, upper case (e.g. `RO`)."),
]


class Provision(Record):
    """A provision of law, and whose law it is: the Union's, or a country's (Art. 6(3), Art. 10)."""

    text: Text
    """The provision in words, e.g. `{en: Accounting Law 82/1991, art. 25}`."""
    country: Jurisdiction
    """Whose law it is: `EU` for Union law, else the country's ISO 3166-1 alpha-2 code (e.g. `RO`)."""


def texts_in(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    """Every `Text` inside a model, with its path: used to check that each carries every language."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in _text_fields(type(value)):
            yield from texts_in(getattr(value, name), (*path, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(item, (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts_in(item, (*path, index))


@functools.cache
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` whose type can hold a `Text`, read from their annotations once per model:
    a register holds many ids, dates and flags, which `texts_in` need not look into."""
    return tuple(name for name, field in model.model_fields.items() if _can_hold_text(field.annotation, frozenset()))


def _can_hold_text(annotation: Any, seen: frozenset[type]) -> bool:
    if annotation is Any or annotation is object:
        return True  # anything, a text included
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if issubclass(annotation, Text):
            return True
        if annotation in seen:
            return False  # already being looked into, higher up
        return any(_can_hold_text(field.annotation, seen | {annotation}) for field in annotation.model_fields.values())
    # `list[X]`, `dict[K, V]`, `X | None`, `Annotated[X, …]`: what they are made of (a constraint or a
    # literal value has no parts, and holds no text).
    return any(_can_hold_text(part, seen) for part in typing.get_args(annotation))
