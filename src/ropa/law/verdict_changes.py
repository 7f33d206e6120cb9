"""What changes between two dates: each transfer of a register whose verdict changes, on which day, and why.

Verdicts can only change on the law's boundary dates (`ropa.law.boundary_dates`: a fact starts, stops,
or stops accepting new contracts), so the register's transfers are judged on the first day and on each
boundary date in the window, never day by day. Why: the new verdict's own citation, and the judgment or act
the facts date on that day for the destination (an adequacy decision's events).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ropa.law.facts import boundary_dates, legal_facts
from ropa.law.register_transfers import RegisterTransfer, register_transfers
from ropa.model import Register

__all__ = ["VerdictChange", "verdict_changes"]


@dataclass(frozen=True)
class VerdictChange:
    """A transfer whose verdict on `day` differs from the day before."""

    day: date
    """The first day of the new verdict."""
    before: RegisterTransfer
    after: RegisterTransfer
    why: tuple[str, ...]
    """What the legal facts date on that day for the destination (an act and its effect), if anything."""


def verdict_changes(register: Register, start: date, end: date) -> tuple[VerdictChange, ...]:
    """Every change of a transfer's verdict (lawfulness, basis or citation) from `start` to `end`, both included,
    in date order. A transfer that exists on only one side (an activity that starts or ends) is not a change."""
    if end < start:
        raise ValueError(f"the window ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    days = [start, *(day for day in boundary_dates() if start < day <= end)]
    changes: list[VerdictChange] = []
    previous = _by_key(register_transfers(register, start))
    for day in days[1:]:
        current = _by_key(register_transfers(register, day))
        for key, transfer in current.items():
            before = previous.get(key)
            if before is not None and _verdict(before) != _verdict(transfer):
                changes.append(VerdictChange(day, before, transfer, _why(transfer.destination, day)))
        previous = current
    return tuple(changes)


def _by_key(transfers: list[RegisterTransfer]) -> dict[tuple[str, str, str, bool], RegisterTransfer]:
    return {(t.activity, t.recipient, t.destination, t.to_client_controller): t for t in transfers}


def _verdict(transfer: RegisterTransfer) -> tuple[bool, str, str]:
    return transfer.assessment.lawful, transfer.assessment.basis, transfer.assessment.citation


def _why(destination: str, day: date) -> tuple[str, ...]:
    found = []
    for decision in legal_facts().decisions_for(destination):
        for event in decision.events:
            if event.day == day:
                found.append(f"{event.act}: {event.effect}")
    return tuple(dict.fromkeys(found))
