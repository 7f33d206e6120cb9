"""The sub-processor feeds `ropa build` writes (Atom and JSON Feed 1.1), read by a real feed parser, and P204."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import jsonschema
import pytest

from ropa.checks import check
from ropa.io import load, load_text
from ropa.model import Register
from ropa.render.subprocessor_feed import subprocessor_atom, subprocessor_json_feed
from ropa.render.subprocessors import render_subprocessors
from tests.conftest import EXAMPLES, ONEDU
from tests.helpers import run_ropa

COMPANY = EXAMPLES / "software-company" / "register.yaml"
ON = "2026-12-07"

# What JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) requires of a feed and its items.
RFC_3339 = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$"
JSON_FEED_1_1 = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string"},
        "language": {"type": "string"},
        "authors": {"type": "array", "items": {"type": "object", "required": ["name"]}},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "content_text", "date_published"],
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "content_text": {"type": "string"},
                    "date_published": {"type": "string", "pattern": RFC_3339},
                    "tags": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}


def _build(register: Path, out: Path) -> Path:
    result = run_ropa("build", register, "-o", out, "--on", ON, "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def _with_history(register: Path, history: str, *, notice: str | None = None) -> str:
    """The register's text with its `history` replaced (and a promised notice), for a change of our making."""
    text = register.read_text(encoding="utf-8")
    head = text.split("\nhistory:")[0].replace("\nsubprocessor_notice: P30D", "")
    return head + (f"\nsubprocessor_notice: {notice}" if notice else "") + "\nhistory:\n" + history


def test_the_software_companys_feeds_have_one_entry_per_dated_change_with_the_notice(tmp_path: Path) -> None:
    out = _build(COMPANY, tmp_path / "out")
    register = load(COMPANY)
    dated = [change for change in register.history if change.subprocessor is not None]
    atom = feedparser.parse((out / "subprocessors.en.atom").read_bytes())
    assert not atom.bozo, atom.get("bozo_exception")
    assert len(atom.entries) == len(dated) == 6
    assert atom.feed.title == "Musterwerk Software GmbH: changes to the sub-processors"
    assert "30 days (P30D)" in atom.feed.subtitle
    for entry in atom.entries:
        assert "30 days (P30D)" in entry.content[0].value
        assert entry.published_parsed is not None
    newest = atom.entries[0]
    assert newest.title == "New sub-processor: São Paulo Support"
    assert newest.published.startswith("2026-01-20")
    assert "Applies from 1 March 2026. Announced on 20 January 2026." in newest.content[0].value
    assert [entry.tags[0].term for entry in atom.entries].count("removed") == 1
    assert len({entry.id for entry in atom.entries}) == 6

    # feedparser 6.0 reads Atom and RSS only: the JSON Feed is checked against the 1.1 specification's rules.
    json_feed = json.loads((out / "subprocessors.en.feed.json").read_text(encoding="utf-8"))
    jsonschema.validate(json_feed, JSON_FEED_1_1)
    assert [item["id"] for item in json_feed["items"]] == [entry.id for entry in atom.entries]
    assert all("30 days (P30D)" in item["content_text"] for item in json_feed["items"])
    items = json.loads((out / "subprocessors.en.feed.json").read_text(encoding="utf-8"))["items"]
    assert items[0]["_ropa"] == {
        "kind": "added",
        "recipient": "sao-paulo-support",
        "name": "São Paulo Support",
        "place": None,
        "mechanism": None,
        "applies": "2026-03-01",
        "announced": "2026-01-20",
        "notice_period": "P30D",
        "earliest_allowed": "2026-02-19",
    }


def test_the_list_page_carries_the_dated_change_log() -> None:
    section = render_subprocessors(load(COMPANY), "en")
    assert section is not None
    log = section.text.split("## Changes\n")[1]
    assert "- Sub-processor removed: Lisbon Support. Applies from 30 June 2025. Announced on 15 May 2025." in log
    assert log.index("São Paulo Support") < log.index("Lisbon Support") < log.index("Tokyo Support")


def test_onedus_feeds_parse_and_say_that_no_notice_period_is_recorded(tmp_path: Path) -> None:
    out = _build(ONEDU, tmp_path / "out")
    for lang, words in (("en", "not recorded"), ("ro", "neînregistrat")):
        atom = feedparser.parse((out / f"subprocessors.{lang}.atom").read_bytes())
        assert not atom.bozo
        assert words in atom.feed.subtitle
        assert len(atom.entries) == 0  # ONedu's history records no sub-processor change
        json_feed = json.loads((out / f"subprocessors.{lang}.feed.json").read_text(encoding="utf-8"))
        jsonschema.validate(json_feed, JSON_FEED_1_1)
        assert json_feed["items"] == []


def test_onedus_feed_states_a_dated_change_of_its_e_register_sub_processor(tmp_path: Path) -> None:
    history = """\
  - date: 2026-10-01
    announced: 2026-08-20
    change: {ro: loc nou de prelucrare pentru Microsoft Azure, en: new place of processing for Microsoft Azure}
    subprocessor: {kind: location, recipient: microsoft-azure, place: NL}
  - date: 2026-11-01
    announced: 2026-09-15
    change: {ro: instrument nou, en: new transfer tool}
    subprocessor: {kind: mechanism, recipient: microsoft-azure, place: US, mechanism: scc}
"""
    copy = tmp_path / "register.yaml"
    copy.write_text(_with_history(ONEDU, history, notice="P1M"), encoding="utf-8")
    for name in ("notice-templates", "policy-templates"):
        shutil.copytree(ONEDU.parent / name, tmp_path / name)
    out = _build(copy, tmp_path / "out")
    atom = feedparser.parse((out / "subprocessors.ro.atom").read_bytes())
    assert not atom.bozo
    assert [entry.title for entry in atom.entries] == [
        "Microsoft Azure: instrument de transfer nou pentru Statele Unite: clauzele standard de protecție a datelor adoptate de Comisie",
        "Microsoft Azure: loc nou de prelucrare: Olanda",
    ]
    assert all("1 lună (P1M)" in entry.content[0].value for entry in atom.entries)


def test_the_feeds_are_the_same_bytes_for_the_same_register() -> None:
    register = load(COMPANY)
    from datetime import date

    day = date(2026, 12, 7)
    assert subprocessor_atom(register, "en", on=day) == subprocessor_atom(load(COMPANY), "en", on=day)
    assert subprocessor_json_feed(register, "en", on=day) == subprocessor_json_feed(load(COMPANY), "en", on=day)


def _findings(text: str) -> list[str]:
    from datetime import date

    register: Register = load_text(text)
    return [finding.message for finding in check(register, on=date(2026, 12, 7)) if finding.code == "P204"]


CHANGE = """\
  - date: {applies}
    announced: 2026-03-01
    change: {{en: "new sub-processor: Tokyo Support"}}
    subprocessor: {{kind: added, recipient: tokyo-support}}
"""


@pytest.mark.parametrize(
    ("applies", "too_early"),
    [("2026-03-30", True), ("2026-03-31", False), ("2026-04-15", False), ("2026-03-01", True)],
)
def test_a_change_applying_before_the_promised_notice_is_a_finding(applies: str, too_early: bool) -> None:
    messages = _findings(_with_history(COMPANY, CHANGE.format(applies=applies), notice="P30D"))
    if too_early:
        assert messages == [
            f"Tokyo Support: the change applying on {applies} was announced on 2026-03-01, so under the notice "
            "promised to client controllers (P30D) it could not apply before 2026-03-31 (Art. 28(2), (4) GDPR)"
        ]
    else:
        assert messages == []


def test_without_a_promised_notice_or_an_announcement_there_is_no_finding() -> None:
    assert _findings(_with_history(COMPANY, CHANGE.format(applies="2026-03-02"))) == []
    unannounced = CHANGE.format(applies="2026-03-02").replace("    announced: 2026-03-01\n", "")
    assert _findings(_with_history(COMPANY, unannounced, notice="P30D")) == []
