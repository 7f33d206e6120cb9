"""A register diff in words: Markdown for a DPO or a policy's change log, JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from ropa.diff import Change, FieldChange, RegisterDiff
from ropa.law.register_transfers import importer_name
from ropa.model import Register
from ropa.render.change_words import SUBRECORDS, ChangeWords
from ropa.render.markdown import typeset
from ropa.render.workbook_labels import TRANSFER_BASES
from ropa.transfers import RegisterTransfer
from ropa.words import by_language

__all__ = ["diff_to_json", "diff_to_markdown"]

_WORDS: dict[str, dict[str, str]] = by_language("changes.report")


def diff_to_markdown(difference: RegisterDiff, old: Register, new: Register, *, lang: str = "en") -> str:
    """The changes in words, in `lang` (ro or en): fields by their labels, values as the register's text.

    Names are taken from the register that has the record; every text from a register is escaped,
    so that it reads literally in Markdown (never a link, an image or HTML).
    """
    words = _WORDS[lang] if lang in _WORDS else _WORDS["en"]
    say = ChangeWords(old, new, lang)
    lines = [f"# {words['title']}", ""]
    if not difference:
        return "\n".join([*lines, words["none"]]) + "\n"
    for name, changes in difference.collections.items():
        if not changes:
            continue
        lines += [f"## {words[name]}", ""]
        lines += [f"- {words['added']}: {say.quoted(say.record_name(name, key))}" for key in changes.added]
        lines += [f"- {words['removed']}: {say.quoted(say.record_name(name, key))}" for key in changes.removed]
        lines += [
            f"- {words['changed']}: {say.quoted(say.record_name(name, c.id))} — {_fields(name, c, say, words)}"
            for c in changes.changed
        ]
        lines.append("")
    transfers = [
        *(f"- {words['added']}: {_transfer(t, new, say, words)}" for t in difference.transfers_added),
        *(f"- {words['removed']}: {_transfer(t, old, say, words)}" for t in difference.transfers_removed),
        *(
            f"- {words['verdict']}: {_transfer(c.old, old, say, words)} → {_verdict(c.new, say, words)}"
            for c in difference.verdicts_changed
        ),
    ]
    if transfers:
        lines += [f"## {words['transfers'].format(on=difference.on.isoformat())}", "", *transfers, ""]
    if difference.other_changes:
        lines += [
            f"## {words['other']}",
            "",
            *(f"- {say.label('(register)', part)}" for part in difference.other_changes),
            "",
        ]
    return typeset("\n".join(lines).rstrip("\n") + "\n", lang if lang in _WORDS else "en")


def diff_to_json(difference: RegisterDiff) -> str:
    """The changes as JSON: per collection `added`, `removed`, `changed` (field: old/new), then transfers."""
    data: dict[str, Any] = {"on": difference.on.isoformat()}
    for name, changes in difference.collections.items():
        data[name] = {
            "added": list(changes.added),
            "removed": list(changes.removed),
            "changed": {c.id: {f.field: {"old": f.old, "new": f.new} for f in c.fields} for c in changes.changed},
        }
    data["transfers"] = {
        "added": [_transfer_data(t) for t in difference.transfers_added],
        "removed": [_transfer_data(t) for t in difference.transfers_removed],
        "verdict_changed": [
            {"old": _transfer_data(c.old), "new": _transfer_data(c.new)} for c in difference.verdicts_changed
        ],
    }
    data["other_changes"] = list(difference.other_changes)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _fields(collection: str, change: Change, say: ChangeWords, words: dict[str, str]) -> str:
    parts = []
    for field in change.fields:
        if (collection, field.field) in SUBRECORDS:
            old, new = field.old or {}, field.new or {}
            parts += [
                _field(collection, FieldChange(name, old.get(name), new.get(name)), say, words, (field.field, name))
                for name in dict.fromkeys([*old, *new])
                if old.get(name) != new.get(name)
            ]
        else:
            parts.append(_field(collection, field, say, words, (field.field,)))
    return "; ".join(parts)


def _field(collection: str, change: FieldChange, say: ChangeWords, words: dict[str, str], path: tuple[str, ...]) -> str:
    old, new = change.old, change.new
    label = say.label(collection, *path)
    if isinstance(old, list) and isinstance(new, list):
        added = [item for item in new if item not in old]
        removed = [item for item in old if item not in new]
        parts = [f"{words['list_added']} {say.value(collection, change.field, item)}" for item in added]
        parts += [f"{words['list_removed']} {say.value(collection, change.field, item)}" for item in removed]
        return f"{label}: {', '.join(parts) or words['reordered']}"
    return f"{label}: {_show(collection, change.field, old, say, words)} → {_show(collection, change.field, new, say, words)}"


def _show(collection: str, field: str, value: Any, say: ChangeWords, words: dict[str, str]) -> str:
    if value is None or value == [] or value == {}:
        return words["empty"]
    return say.value(collection, field, value)


def _transfer(transfer: RegisterTransfer, register: Register, say: ChangeWords, words: dict[str, str]) -> str:
    activity = register.activities[transfer.activity].name[say.lang]
    recipient = importer_name(register, transfer)
    destination = say.country(transfer.destination)
    return f"{say.quoted(activity)} → {say.quoted(recipient)} → {destination} ({_verdict(transfer, say, words)})"


def _verdict(transfer: RegisterTransfer, say: ChangeWords, words: dict[str, str]) -> str:
    assessment = transfer.assessment
    verdict = words["lawful"] if assessment.lawful else words["unlawful"]
    basis = TRANSFER_BASES[assessment.basis][say.words] if assessment.basis in TRANSFER_BASES else assessment.basis
    return f"{verdict}, {basis}: {assessment.citation_in(say.words)}"


def _transfer_data(transfer: RegisterTransfer) -> dict[str, Any]:
    return {
        "activity": transfer.activity,
        "recipient": transfer.recipient,
        "destination": transfer.destination,
        "lawful": transfer.assessment.lawful,
        "basis": transfer.assessment.basis,
        "citation": transfer.assessment.citation,
    }
