"""What falls due in a window of dates: the register's own dates and the law's, for a DPO to act on in time.

From the register: contracts, transfer impact assessments and DPIAs due for review (their `review_due`),
entries due for review (`reviewed`, else `updated`, else `created`, plus the register's `review_every`),
and the retention periods of ended activities running out (counted from `ended`). From the law
(`ropa.law.law_dates`, for the places the register's transfers go to): adequacy decisions taking effect or
ending, their dated events and reviews, and the cases pending; and each transfer whose verdict changes
(`ropa.law.verdict_changes`). Every item has its date and its source; nothing reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ropa.law.durations import after
from ropa.law.law_dates import law_dates
from ropa.law.register_transfers import importer_name, register_transfers
from ropa.law.verdict_changes import VerdictChange, verdict_changes
from ropa.model import Register, Text, country_name
from ropa.words import text

__all__ = ["WatchItem", "verdict_words", "watch"]


@dataclass(frozen=True)
class WatchItem:
    """One date to act on: when, what kind, what it concerns, in words, and where the date comes from."""

    day: date
    """The date it falls due; for a pending case, the window's first day."""
    kind: str
    """`contract-review`, `tia-review`, `dpia-review`, `entry-review`, `retention-ends`, `verdict-change`,
    or the law's `in-force`, `ends`, `event`, `watch`, `pending`."""
    subject: str
    """What it concerns: a record's id path in the register, or the decision's reference."""
    what: str
    source: str
    """Where the date comes from: the register's field, or the facts' citation with its evidence mark."""


def watch(register: Register, until: date, *, start: date, lang: str = "en") -> tuple[WatchItem, ...]:
    """Every date from `start` to `until` (both included) that changes what the register is or says, in date order."""
    if until < start:
        raise ValueError(f"the window ends ({until.isoformat()}) before it starts ({start.isoformat()})")
    items = [*_register_dates(register, lang), *_verdicts(register, start, until, lang)]
    items = [item for item in items if start <= item.day <= until]
    places = {t.destination for t in register_transfers(register, start) + register_transfers(register, until)}
    for law in law_dates(places, start, until):
        what = law.what if law.day is not None else _say(lang, "pending").format(what=law.what)
        items.append(WatchItem(law.day or start, law.kind, law.reference, what, law.source))
    return tuple(sorted(items, key=lambda item: (item.day, item.kind, item.subject)))


def verdict_words(change: VerdictChange, register: Register, lang: str) -> str:
    """A transfer's change of verdict in words: activity → recipient → destination: before → after."""

    def verdict(lawful: bool, basis: str) -> str:
        return _say(lang, "lawful").format(basis=basis) if lawful else _say(lang, "unlawful")

    before, after_ = change.before.assessment, change.after.assessment
    return _say(lang, "verdict").format(
        activity=register.activities[change.after.activity].name[
            lang if lang in register.languages else register.main_language
        ],
        recipient=importer_name(register, change.after),
        destination=country_name(change.after.destination, lang),
        before=verdict(before.lawful, before.basis),
        after=verdict(after_.lawful, after_.basis),
    )


def _verdicts(register: Register, start: date, until: date, lang: str) -> list[WatchItem]:
    items = []
    for change in verdict_changes(register, start, until):
        subject = (
            f"activities.{change.after.activity} → recipients.{change.after.recipient} → {change.after.destination}"
        )
        source = "; ".join([change.after.assessment.citation, *change.why])
        items.append(WatchItem(change.day, "verdict-change", subject, verdict_words(change, register, lang), source))
    return items


def _register_dates(register: Register, lang: str) -> list[WatchItem]:
    def name(texts: Text) -> str:
        return texts[lang if lang in register.languages else register.main_language]

    items = []
    for key, recipient in register.recipients.items():
        contract = recipient.contract
        if contract is not None and contract.review_due is not None:
            where = f"recipients.{key}.contract.review_due" + (f" ({contract.reference})" if contract.reference else "")
            what = _say(lang, "contract").format(name=recipient.name)
            items.append(WatchItem(contract.review_due, "contract-review", f"recipients.{key}", what, where))
        if recipient.transfer_impact_assessment_review_due is not None:
            reference = recipient.transfer_impact_assessment
            where = f"recipients.{key}.transfer_impact_assessment_review_due" + (f" ({reference})" if reference else "")
            what = _say(lang, "tia").format(name=recipient.name)
            items.append(
                WatchItem(
                    recipient.transfer_impact_assessment_review_due, "tia-review", f"recipients.{key}", what, where
                )
            )
    for key, activity in register.activities.items():
        title = name(activity.name)
        dpia = activity.dpia
        if dpia is not None and dpia.review_due is not None:
            where = f"activities.{key}.dpia.review_due" + (f" ({dpia.reference})" if dpia.reference else "")
            what = _say(lang, "dpia").format(name=title)
            items.append(WatchItem(dpia.review_due, "dpia-review", f"activities.{key}", what, where))
        last = activity.reviewed or activity.updated or activity.created
        if register.review_every is not None and last is not None and activity.ended is None:
            field = "reviewed" if activity.reviewed else "updated" if activity.updated else "created"
            what = _say(lang, "entry").format(name=title, period=register.review_every, last=last.isoformat())
            due = after(last, register.review_every)
            items.append(
                WatchItem(due, "entry-review", f"activities.{key}", what, f"activities.{key}.{field}; review_every")
            )
        if activity.ended is not None:
            for index, rule in enumerate(activity.retention):
                if rule.period is None:
                    continue
                data = ", ".join(name(register.data_categories[d].name) for d in rule.data)
                what = _say(lang, "retention").format(
                    period=rule.period, ended=activity.ended.isoformat(), data=data, name=title
                )
                where = f"activities.{key}.ended; activities.{key}.retention[{index}].period"
                items.append(
                    WatchItem(after(activity.ended, rule.period), "retention-ends", f"activities.{key}", what, where)
                )
    return items


def _say(lang: str, key: str) -> str:
    return text(lang, "watch", key)
