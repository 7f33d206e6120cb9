"""Screen a register's plain data before validation: sizes within bounds, no text that deceives.

Run on the parsed data, before the model reads it, so that a huge or deceptive file costs one walk
and a few located problems rather than a model built in full:

- every list and mapping holds at most `MAX_ITEMS` entries, every text at most `MAX_TEXT_LENGTH`
  characters;
- no text holds a character that changes what a reader sees without being seen itself: C0 and C1
  control characters (tab and newline excepted), the bidirectional embeddings, overrides and
  isolates (U+202A–U+202E, U+2066–U+2069, the "Trojan Source" characters), zero-width and other
  invisible characters (U+200B, U+2060–U+2064, U+FEFF, U+180E, U+034F, the Hangul fillers, the
  interlinear annotation marks, the tag characters U+E0000–U+E007F), and the line and paragraph
  separators U+2028, U+2029.

Kept, because scripts need them: the zero-width joiner and non-joiner (U+200D, U+200C: Persian,
the Indic scripts, emoji sequences) between two visible characters, and the left-to-right and
right-to-left marks (U+200E, U+200F, U+061C) that mixed-direction text needs and that cannot
reorder a text the way an override does. A joiner at either end of a text, or next to another
invisible character, is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ropa.io.parsing import MAX_ENTRIES

__all__ = ["MAX_ITEMS", "MAX_SCREENED_PROBLEMS", "MAX_TEXT_LENGTH", "screen"]

MAX_ITEMS = MAX_ENTRIES
"""Most entries in any one list or mapping of a register (activities, recipients, a list of ids, …): 50,000."""
MAX_TEXT_LENGTH = 100_000
"""Longest text (characters) a register may hold in one value."""
MAX_SCREENED_PROBLEMS = 1_000
"""The walk stops after this many problems: a file of a million bad texts costs a thousand."""

_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u034f\u115f\u1160\u180e\u200b\u2028-\u202e\u2060-\u2064\u2066-\u2069"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_JOINERS = "\u200c\u200d"
_INVISIBLE = _JOINERS + "\u200e\u200f\u061c"
_LONE_JOINER = re.compile(f"^[{_JOINERS}]|[{_JOINERS}]$|[{_INVISIBLE}][{_JOINERS}]|[{_JOINERS}][{_INVISIBLE}]")

_NAMES = {
    "\r": "a carriage return (write line ends as newlines)",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u200b": "ZERO WIDTH SPACE",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
}

Path = tuple[str | int, ...]
_BOUND = "a register allows at most"  # the words of every bound's problem


def screen(data: Any) -> tuple[list[tuple[Path, str]], bool]:
    """The problems of `data` (parsed plain data), with the register path of each (at most
    `MAX_SCREENED_PROBLEMS`), and whether any is a bound gone over: then nothing more should read
    the data; deceptive characters alone leave it safe to validate further."""
    problems: list[tuple[Path, str]] = []
    if _clean(data):
        return problems, False
    for found in _walk(data, ()):
        problems.append(found)
        if len(problems) >= MAX_SCREENED_PROBLEMS:
            break
    return problems, any(_BOUND in message for _, message in problems)


def _clean(data: Any) -> bool:
    """True when `data` has nothing to report: the common case, told without building a path.

    Every bound is checked on the way; the texts are searched together, once (a forbidden
    character is one whatever text it is in; a joiner is looked at text by text only if there is
    one). Anything found, and the walk that locates it begins.
    """
    texts: list[str] = []
    pending = [data]
    while pending:
        value = pending.pop()
        if value.__class__ is str:
            if len(value) > MAX_TEXT_LENGTH:
                return False
            texts.append(value)
        elif value.__class__ is dict:
            if len(value) > MAX_ITEMS:
                return False
            pending.extend(value)
            pending.extend(value.values())
        elif value.__class__ is list:
            if len(value) > MAX_ITEMS:
                return False
            pending.extend(value)
        elif isinstance(value, str | dict | list):  # a subclass: the walk takes it as it comes
            return False
    joined = "\n".join(texts)
    return _FORBIDDEN.search(joined) is None and not any(joiner in joined for joiner in _JOINERS)


def _walk(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield from _text(value, path)
    elif isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            yield path, f"holds {len(value):,} entries; a register allows at most {MAX_ITEMS:,} in one place"
            return
        for key, item in value.items():
            if isinstance(key, str):
                yield from ((path, f"the key {key[:40]!r}: {message}") for _, message in _text(key, path))
            yield from _walk(item, (*path, key if isinstance(key, str | int) else str(key)))
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            yield path, f"holds {len(value):,} items; a register allows at most {MAX_ITEMS:,} in one list"
            return
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _text(text: str, path: Path) -> Iterator[tuple[Path, str]]:
    if len(text) > MAX_TEXT_LENGTH:
        yield path, f"a text of {len(text):,} characters; a register allows at most {MAX_TEXT_LENGTH:,} in one value"
        return
    found = _FORBIDDEN.search(text)
    if found is None:
        found = _LONE_JOINER.search(text)
        if found is None:
            return
        character = next(c for c in found.group() if c in _JOINERS)
        where = found.start() + found.group().index(character)
        yield (
            path,
            (
                f"U+{ord(character):04X} ({'ZERO WIDTH JOINER' if character == chr(0x200D) else 'ZERO WIDTH NON-JOINER'}) "
                f"at character {where + 1} joins nothing visible: remove it"
            ),
        )
        return
    character = found.group()
    name = _NAMES.get(character, "a control or invisible character")
    yield (
        path,
        (
            f"U+{ord(character):04X} ({name}) at character {found.start() + 1}: a character that changes or hides "
            "what a reader sees is not allowed in a register text; remove it"
        ),
    )
