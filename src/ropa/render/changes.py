"""A register diff in words: Markdown for a DPO or a policy's change log, JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from ropa.diff import Change, FieldChange, RegisterDiff
from ropa.model import Register
from ropa.transfers import RegisterTransfer

__all__ = ["diff_to_json", "diff_to_markdown"]

_WORDS: dict[str, dict[str, str]] = {
    "ro": {
        "title": "Modificări ale registrului",
        "none": "Nicio modificare.",
        "activities": "Activități de prelucrare",
        "recipients": "Destinatari",
        "purposes": "Scopuri",
        "transfers": "Transferuri în afara SEE (evaluate la data de {on})",
        "other": "Alte părți ale registrului modificate",
        "added": "Adăugat",
        "removed": "Eliminat",
        "changed": "Modificat",
        "verdict": "Verdict schimbat",
        "lawful": "legal",
        "unlawful": "nelegal",
        "list_added": "adăugat",
        "list_removed": "eliminat",
        "empty": "(necompletat)",
    },
    "en": {
        "title": "Changes to the register",
        "none": "No changes.",
        "activities": "Processing activities",
        "recipients": "Recipients",
        "purposes": "Purposes",
        "transfers": "Transfers outside the EEA (judged on {on})",
        "other": "Other parts of the register changed",
        "added": "Added",
        "removed": "Removed",
        "changed": "Changed",
        "verdict": "Verdict changed",
        "lawful": "lawful",
        "unlawful": "unlawful",
        "list_added": "added",
        "list_removed": "removed",
        "empty": "(empty)",
    },
}


def diff_to_markdown(difference: RegisterDiff, old: Register, new: Register, *, lang: str = "en") -> str:
    """The changes in words, in `lang` (ro or en); names are taken from the register that has the record."""
    words = _WORDS[lang] if lang in _WORDS else _WORDS["en"]
    lines = [f"# {words['title']}", ""]
    if not difference:
        return "\n".join([*lines, words["none"]]) + "\n"
    for name, changes in difference.collections.items():
        if not changes:
            continue
        lines += [f"## {words[name]}", ""]
        lines += [f"- {words['added']}: {_name(new, name, key, lang)}" for key in changes.added]
        lines += [f"- {words['removed']}: {_name(old, name, key, lang)}" for key in changes.removed]
        lines += [
            f"- {words['changed']}: {_name(new, name, c.id, lang)} — {_fields(c, lang, words)}" for c in changes.changed
        ]
        lines.append("")
    transfers = [
        *(f"- {words['added']}: {_transfer(t, new, lang, words)}" for t in difference.transfers_added),
        *(f"- {words['removed']}: {_transfer(t, old, lang, words)}" for t in difference.transfers_removed),
        *(
            f"- {words['verdict']}: {_transfer(c.old, old, lang, words)} → {_verdict(c.new, lang, words)}"
            for c in difference.verdicts_changed
        ),
    ]
    if transfers:
        lines += [f"## {words['transfers'].format(on=difference.on.isoformat())}", "", *transfers, ""]
    if difference.other_changes:
        lines += [f"## {words['other']}", "", *(f"- `{part}`" for part in difference.other_changes), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


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


def _name(register: Register, collection: str, key: str, lang: str) -> str:
    record = getattr(register, collection)[key]
    name = record.name if isinstance(record.name, str) else record.name[lang]
    return f"„{name}” (`{key}`)" if lang == "ro" else f"“{name}” (`{key}`)"


def _fields(change: Change, lang: str, words: dict[str, str]) -> str:
    return "; ".join(_field(field, lang, words) for field in change.fields)


def _field(change: FieldChange, lang: str, words: dict[str, str]) -> str:
    old, new = change.old, change.new
    if isinstance(old, list) and isinstance(new, list):
        added = [item for item in new if item not in old]
        removed = [item for item in old if item not in new]
        parts = [f"{words['list_added']} {_show(item, lang, words)}" for item in added]
        parts += [f"{words['list_removed']} {_show(item, lang, words)}" for item in removed]
        return f"{change.field}: {', '.join(parts) or '…'}"
    return f"{change.field}: {_show(old, lang, words)} → {_show(new, lang, words)}"


def _show(value: Any, lang: str, words: dict[str, str]) -> str:
    if value is None or value == [] or value == {}:
        return words["empty"]
    if isinstance(value, dict) and lang in value and isinstance(value[lang], str):
        value = value[lang]
    if isinstance(value, dict | list):
        return f"`{json.dumps(value, ensure_ascii=False)}`"
    return f"„{value}”" if lang == "ro" else f"“{value}”"


def _transfer(transfer: RegisterTransfer, register: Register, lang: str, words: dict[str, str]) -> str:
    activity = register.activities[transfer.activity].name[lang]
    recipient = register.recipients[transfer.recipient].name
    return f"{activity} → {recipient} → {transfer.destination} ({_verdict(transfer, lang, words)})"


def _verdict(transfer: RegisterTransfer, lang: str, words: dict[str, str]) -> str:
    assessment = transfer.assessment
    verdict = words["lawful"] if assessment.lawful else words["unlawful"]
    return f"{verdict}, {assessment.basis}: {assessment.citation_in(lang)}"


def _transfer_data(transfer: RegisterTransfer) -> dict[str, Any]:
    return {
        "activity": transfer.activity,
        "recipient": transfer.recipient,
        "destination": transfer.destination,
        "lawful": transfer.assessment.lawful,
        "basis": transfer.assessment.basis,
        "citation": transfer.assessment.citation,
    }
