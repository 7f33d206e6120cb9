"""Findings about time: sub-processor changes applied before the promised notice, entries past their review.

Used by `ropa.checks` (codes `P204` and `D408`, docs/checks.md), which words them (`ropa.checks_words`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ropa.checks_words import FindingParams, params
from ropa.law.durations import after
from ropa.law.subprocessor_notice import subprocessor_notices
from ropa.model import Register
from ropa.model.consistency import Path

__all__ = ["over_time_findings"]


def over_time_findings(register: Register, on: date) -> Iterator[tuple[str, Path, str, FindingParams]]:
    """(code, path, message key, parameters) for each sub-processor change applied too early and each entry due
    for review by `on`."""
    for change in subprocessor_notices(register):
        if change.too_early and change.announced and change.notice and change.earliest:
            yield (
                "P204",
                ("history", change.index, "date"),
                "P204",
                params(
                    recipient=change.name,
                    applies=change.applies,
                    announced=change.announced,
                    period=change.notice,
                    earliest=change.earliest,
                ),
            )
    cadence = register.review_every
    if cadence is None:
        return
    for key, activity in register.activities.items():
        if activity.ended is not None and activity.ended < on:
            continue
        last = activity.reviewed or activity.updated or activity.created
        if last is None:
            yield ("D408", ("activities", key), "D408.never", params(period=cadence))
        elif (due := after(last, cadence)) < on:
            path = ("activities", key, "reviewed") if activity.reviewed else ("activities", key)
            yield ("D408", path, "D408", params(reviewed=last, period=cadence, due=due))
