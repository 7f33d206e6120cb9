"""Where a loaded register came from: its file and a `Locator` of its text, kept beside the register (not in
it: a `Register` is a value, equal to any other with the same fields, wherever it was read from).

`ropa.load` remembers them, so that the library locates findings in the file and renders with the template
folders the register names, as the command line does. A register built in code, or changed with
`model_copy`, has no source.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from ropa.io.locating import Locator
from ropa.model.register import Register

__all__ = ["Source", "remember", "source_of"]


@dataclass(frozen=True)
class Source:
    """The text a register was read from: `file` names it; `is_file` is False for text given as a string."""

    file: str
    locator: Locator
    is_file: bool


_SOURCES: dict[int, tuple[weakref.ref[Register], Source]] = {}
_LOCK = threading.Lock()


def remember(register: Register, source: Source) -> None:
    """Keep `source` as where `register` came from, for as long as `register` lives.

    The sources of registers no longer alive are dropped here, not by a weakref callback: a callback can
    run in the middle of any allocation, the lock held or not."""
    with _LOCK:
        for key in [key for key, (alive, _) in _SOURCES.items() if alive() is None]:
            del _SOURCES[key]
        _SOURCES[id(register)] = (weakref.ref(register), source)


def source_of(register: Register) -> Source | None:
    """Where `register` was loaded from; None for a register built in code or copied with changes."""
    with _LOCK:
        found = _SOURCES.get(id(register))
    if found is None or found[0]() is not register:
        return None
    return found[1]
