"""`ropa watch` as text, JSON, or an iCalendar file (RFC 5545) a DPO subscribes to.

The calendar is deterministic: each event's UID is derived from the controller and the item, and its
DTSTAMP is the register's date (`updated`), else the window's first day, never the clock. Lines end in
CRLF and are folded at 75 octets, as RFC 5545 section 3.1 requires. Each item is one all-day VEVENT.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from uuid import NAMESPACE_URL, uuid5

from ropa.law.law_dates import LawDate
from ropa.law.verdict_changes import VerdictChange
from ropa.model import Register
from ropa.watching import WatchItem, verdict_words
from ropa.words import text

__all__ = ["transfer_changes_to_json", "transfer_changes_to_text", "watch_to_ics", "watch_to_json", "watch_to_text"]


def watch_to_text(items: Sequence[WatchItem], *, start: date, end: date, lang: str = "en") -> str:
    """One line per item: date, kind, what, and its source on the next line."""
    if not items:
        return text(lang, "watch", "none").format(start=start.isoformat(), end=end.isoformat()) + "\n"
    lines = []
    for item in items:
        lines += [f"{item.day.isoformat()}  {item.kind:<15} {item.what}", f"{'':12}{item.source}"]
    return "\n".join(lines) + "\n"


def watch_to_json(items: Sequence[WatchItem], *, start: date, end: date) -> str:
    """The window and its items (`date`, `kind`, `subject`, `what`, `source`)."""
    data = {
        "from": start.isoformat(),
        "until": end.isoformat(),
        "items": [
            {"date": i.day.isoformat(), "kind": i.kind, "subject": i.subject, "what": i.what, "source": i.source}
            for i in items
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def watch_to_ics(items: Sequence[WatchItem], register: Register, *, start: date, lang: str = "en") -> str:
    """An iCalendar file (RFC 5545) with one all-day VEVENT per item."""
    owner = str(register.controller.web or register.controller.name)
    stamp = f"{(register.updated or start).strftime('%Y%m%d')}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ropa//watch//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(text(lang, 'watch', 'calendar').format(controller=register.controller.name))}",
    ]
    for item in items:
        description = _escape(f"{item.subject}\n{item.source}")
        key = f"{owner}#watch/{item.day.isoformat()}/{item.kind}/{item.subject}/{item.what}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uuid5(NAMESPACE_URL, key)}@ropa",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{item.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(item.day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(item.what)}",
            f"DESCRIPTION:{description}",
            f"CATEGORIES:{_escape(item.kind)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _escape(value: str) -> str:
    """A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and newline escaped."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 section 3.1)."""
    parts, current, size, limit = [], "", 0, 75
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # a continuation line starts with a space
        current += character
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def transfer_changes_to_text(
    changes: Sequence[VerdictChange], law: Sequence[LawDate], register: Register, *, start: date, end: date, lang: str
) -> str:
    """Each transfer whose verdict changes (when, and the citation and facts that say why), then the law's dates."""

    def say(key: str) -> str:
        return text(lang, "watch", key)

    lines = [say("transfers_title").format(start=start.isoformat(), end=end.isoformat()), ""]
    if not changes:
        lines.append(say("transfers_none"))
    for change in changes:
        why = "; ".join([change.after.assessment.citation_in(lang), *change.why])
        lines += [f"{change.day.isoformat()}  {verdict_words(change, register, lang)}", f"{'':12}{say('why')}: {why}"]
    if law:
        lines += ["", say("law_title"), ""]
        for item in law:
            day = item.day.isoformat() if item.day else f"{'':10}"
            what = item.what if item.day else say("pending").format(what=item.what)
            lines += [f"{day}  {item.place}  {what}", f"{'':12}{item.source}"]
    return "\n".join(lines) + "\n"


def transfer_changes_to_json(
    changes: Sequence[VerdictChange], law: Sequence[LawDate], *, start: date, end: date
) -> str:
    """The window, the verdict changes (`date`, the transfer, `before`, `after`, `why`) and the law's dates."""

    def verdict(change: VerdictChange, side: str) -> dict[str, object]:
        assessment = getattr(change, side).assessment
        return {"lawful": assessment.lawful, "basis": assessment.basis, "citation": assessment.citation}

    data = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "verdict_changes": [
            {
                "date": c.day.isoformat(),
                "activity": c.after.activity,
                "recipient": c.after.recipient,
                "destination": c.after.destination,
                "before": verdict(c, "before"),
                "after": verdict(c, "after"),
                "why": list(c.why),
            }
            for c in changes
        ],
        "law": [
            {
                "date": None if i.day is None else i.day.isoformat(),
                "kind": i.kind,
                "place": i.place,
                "decision": i.reference,
                "what": i.what,
                "source": i.source,
            }
            for i in law
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
