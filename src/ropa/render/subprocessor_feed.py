"""The sub-processor changes as feeds a client controller subscribes to: Atom (RFC 4287) and JSON Feed 1.1.

Each dated sub-processor change of the register's history (`history[].subprocessor`, Art. 28(2), (4))
is one entry: what changed, the day it applies, the day it was announced and the notice the
organisation promises (`subprocessor_notice`). Every date comes from the register, never the clock,
and each entry's id is derived from what it says, so the same register gives the same bytes and an
entry keeps its id when later changes are added. docs/feeds.md describes the format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, uuid5
from xml.sax.saxutils import escape, quoteattr

from ropa.law.subprocessor_notice import SubprocessorNotice, subprocessor_notices
from ropa.model import Register, country_name
from ropa.render.dates import written
from ropa.render.notice_context import _period
from ropa.render.policy import _ground_label
from ropa.words import text

__all__ = ["FeedEntry", "feed_entries", "subprocessor_atom", "subprocessor_json_feed"]

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedEntry:
    """One sub-processor change in words (plain text, not escaped)."""

    change: SubprocessorNotice
    id: str
    """A `urn:uuid:` derived from the controller and the change itself: stable across versions of the register."""
    title: str
    dates: str
    """When it applies and when it was announced."""
    details: str
    """Its dates and the notice promised."""


def notice_words(register: Register, lang: str) -> str:
    """The notice promised to clients before a change applies, in words, or that it is not recorded."""
    period = register.subprocessor_notice
    if period is None:
        return text(lang, "subprocessors.feed", "no_notice")
    return text(lang, "subprocessors.feed", "notice").format(period=f"{_period(period, lang)} ({period})")


def feed_entries(register: Register, lang: str) -> tuple[FeedEntry, ...]:
    """The register's sub-processor changes in `lang`, newest first (the order feeds list them in)."""
    entries = []
    for change in reversed(subprocessor_notices(register)):
        place = country_name(change.place, lang) if change.place else ""
        mechanism = _ground_label(change.mechanism, lang) if change.mechanism else ""
        key = "mechanism_to" if change.kind == "mechanism" and change.place else change.kind
        title = text(lang, "subprocessors.feed", key).format(name=change.name, place=place, mechanism=mechanism)
        said = [text(lang, "subprocessors.feed", "applies").format(date=written(change.applies, lang))]
        if change.announced is None:
            said.append(text(lang, "subprocessors.feed", "not_announced"))
        else:
            said.append(text(lang, "subprocessors.feed", "announced").format(date=written(change.announced, lang)))
        dates = " ".join(said)
        entries.append(
            FeedEntry(change, _id(register, change), title, dates, f"{dates} {notice_words(register, lang)}")
        )
    return tuple(entries)


def subprocessor_atom(register: Register, lang: str, *, on: date) -> str:
    """The Atom feed (RFC 4287) of the sub-processor changes in `lang`; `on` dates it when no change does."""
    entries = feed_entries(register, lang)
    title = text(lang, "subprocessors.feed", "title").format(controller=register.controller.name)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"  <id>{_feed_id(register)}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(notice_words(register, lang))}</subtitle>",
        f"  <updated>{_stamp(_updated(register, entries, on))}</updated>",
        f"  <author><name>{escape(register.controller.name)}</name></author>",
    ]
    if register.controller.web:
        lines.append(f"  <link rel={quoteattr('alternate')} href={quoteattr(str(register.controller.web))}/>")
    for entry in entries:
        lines += [
            "  <entry>",
            f"    <id>{entry.id}</id>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <published>{_stamp(entry.change.published)}</published>",
            f"    <updated>{_stamp(entry.change.published)}</updated>",
            f"    <category term={quoteattr(entry.change.kind)}/>",
            f'    <content type="text">{escape(entry.details)}</content>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def subprocessor_json_feed(register: Register, lang: str, *, on: date) -> str:
    """The JSON Feed (version 1.1) of the sub-processor changes in `lang`; ropa's own fields under `_ropa`."""
    entries = feed_entries(register, lang)
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": text(lang, "subprocessors.feed", "title").format(controller=register.controller.name),
        "description": notice_words(register, lang),
        "language": lang,
        "authors": [{"name": register.controller.name}],
        "_ropa": {
            "notice_period": register.subprocessor_notice,
            "updated": _updated(register, entries, on).isoformat(),
        },
        "items": [_item(entry) for entry in entries],
    }
    if register.controller.web:
        feed["home_page_url"] = str(register.controller.web)
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def _item(entry: FeedEntry) -> dict[str, Any]:
    change = entry.change
    return {
        "id": entry.id,
        "title": entry.title,
        "content_text": entry.details,
        "date_published": _stamp(change.published),
        "tags": [change.kind],
        "_ropa": {
            "kind": change.kind,
            "recipient": change.recipient,
            "name": change.name,
            "place": change.place,
            "mechanism": change.mechanism,
            "applies": change.applies.isoformat(),
            "announced": None if change.announced is None else change.announced.isoformat(),
            "notice_period": change.notice,
            "earliest_allowed": None if change.earliest is None else change.earliest.isoformat(),
        },
    }


def _updated(register: Register, entries: tuple[FeedEntry, ...], on: date) -> date:
    if entries:
        return max(entry.change.published for entry in entries)
    return register.updated or on


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _owner(register: Register) -> str:
    return str(register.controller.web or register.controller.name)


def _feed_id(register: Register) -> str:
    return f"urn:uuid:{uuid5(NAMESPACE_URL, _owner(register) + '#subprocessors')}"


def _id(register: Register, change: SubprocessorNotice) -> str:
    what = "/".join(
        str(part)
        for part in (change.applies, change.kind, change.recipient or change.name, change.place, change.mechanism)
    )
    return f"urn:uuid:{uuid5(NAMESPACE_URL, _owner(register) + '#subprocessors/' + what)}"
