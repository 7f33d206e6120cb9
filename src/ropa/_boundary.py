"""The checks every public entry point makes on its arguments, written once: a wrong type is a `TypeError`
naming the argument, never a value silently taken for another (docs/api.md, "Arguments").

One rule for dates: a day is a `datetime.date`; a `datetime` is refused, since which day it means
(in which time zone) is the caller's to say. This module imports only `ropa.model`.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from ropa.model.register import Register

__all__ = ["a_bool", "a_date", "a_language", "a_register", "a_text", "an_optional_date"]


def _kind(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"


def a_date(name: str, value: Any) -> date:
    """`value`, which must be a `date` (not a `datetime`)."""
    if isinstance(value, datetime):
        raise TypeError(f"{name} must be a date (datetime.date), not a datetime ({value!r}): pass {name}.date()")
    if not isinstance(value, date):
        raise TypeError(f"{name} must be a date (datetime.date), got {_kind(value)}")
    return value


def an_optional_date(name: str, value: Any) -> date | None:
    """`value`, which must be None or a `date` (not a `datetime`)."""
    return None if value is None else a_date(name, value)


def a_bool(name: str, value: Any) -> bool:
    """`value`, which must be True or False: not "no", 0 or None."""
    if value is not True and value is not False:
        raise TypeError(f"{name} must be True or False, got {_kind(value)}")
    return bool(value)


def a_text(name: str, value: Any) -> str:
    """`value`, which must be a `str`."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {_kind(value)}")
    return value


def a_register(name: str, value: Any) -> Register:
    """`value`, which must be a `Register`; a path is refused with the call that loads it."""
    if isinstance(value, str | os.PathLike):
        raise TypeError(f"{name} must be a Register, not the path {os.fspath(value)!r}: load it with ropa.load(path)")
    if not isinstance(value, Register):
        raise TypeError(f"{name} must be a Register, got {_kind(value)}")
    return value


def a_language(name: str, value: Any, known: Collection[str], *, whose: str = "declared by the register") -> str:
    """`value`, which must be one of the languages `known` (`whose` says whose they are, in the message)."""
    a_text(name, value)
    if value not in known:
        raise ValueError(f"{name}: {value!r} is not {whose} ({', '.join(known)})")
    return str(value)
