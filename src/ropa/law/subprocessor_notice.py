"""Sub-processor changes and the notice promised to client controllers (Art. 28(2) and (4) GDPR).

A processor engages another processor only with the controller's authorisation; under a general
authorisation it must inform the controller of any intended addition or replacement, giving it the
opportunity to object (Art. 28(2)). Processors commonly promise a notice period in their contracts
(the register's `subprocessor_notice`): a change that applies before that period has run from the
day it was announced breaks the promise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ropa.law.durations import after
from ropa.model import Register

__all__ = ["SubprocessorNotice", "subprocessor_notices"]


@dataclass(frozen=True)
class SubprocessorNotice:
    """One dated sub-processor change of the register's history, with the notice it was given."""

    index: int
    """Its position in the register's `history`."""
    applies: date
    """The day the change applies (the history entry's `date`)."""
    announced: date | None
    """The day the client controllers were told; None when not recorded."""
    kind: str
    """`added`, `removed`, `location` or `mechanism`."""
    recipient: str | None
    name: str
    place: str | None
    mechanism: str | None
    notice: str | None
    """The notice period the register promises (`subprocessor_notice`), an ISO 8601 duration; None when none."""

    @property
    def earliest(self) -> date | None:
        """The first day the promised notice allows the change to apply; None when either date is unknown."""
        if self.announced is None or self.notice is None:
            return None
        return after(self.announced, self.notice)

    @property
    def too_early(self) -> bool:
        """True when the change applies before the promised notice has run (Art. 28(2))."""
        earliest = self.earliest
        return earliest is not None and self.applies < earliest

    @property
    def published(self) -> date:
        """The day a feed dates the change by: its announcement, else the day it applies."""
        return self.announced or self.applies


def subprocessor_notices(register: Register) -> tuple[SubprocessorNotice, ...]:
    """Every sub-processor change in the register's history, oldest first (by the day it applies)."""
    found = []
    for index, change in enumerate(register.history):
        named = change.subprocessor
        if named is None:
            continue
        recorded = register.recipients.get(named.recipient) if named.recipient else None
        name = named.name or (recorded.name if recorded else named.recipient) or ""
        found.append(
            SubprocessorNotice(
                index=index,
                applies=change.date,
                announced=change.announced,
                kind=named.kind,
                recipient=named.recipient,
                name=name,
                place=named.place,
                mechanism=None if named.mechanism is None else named.mechanism.value,
                notice=register.subprocessor_notice,
            )
        )
    return tuple(sorted(found, key=lambda notice: (notice.applies, notice.index)))
