"""Text bound for a terminal: every character a terminal would act on or hide is shown escaped."""

from __future__ import annotations

import re

__all__ = ["printable", "printable_name"]

# Characters a terminal would act on or hide rather than show: controls (C0, C1), format
# characters (bidi overrides and isolates, zero-width ones), line and paragraph separators.
_UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


def printable(text: str) -> str:
    """`text` with every character a terminal would not show as itself escaped (`\\u202e`); newlines kept."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def printable_name(name: str) -> str:
    """A name (of a file, a folder, a section) on one line: `printable`, and a line break escaped too (`\\n`)."""
    return printable(name).replace("\n", "\\n")
