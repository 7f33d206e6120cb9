"""The two ways the outputs make lists from the register: without empty items, and without repeats."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

__all__ = ["distinct", "present"]

_T = TypeVar("_T", bound=Hashable)


def present(texts: Iterable[str]) -> tuple[str, ...]:
    """The texts that are not empty: an empty item would break a list (`-` alone under a paragraph is a heading)."""
    return tuple(text for text in texts if text)


def distinct(items: Iterable[_T]) -> list[_T]:
    """`items` without repeats, in the order of their first appearance (the register's order)."""
    return list(dict.fromkeys(items))
