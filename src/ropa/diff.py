"""What changed between two versions of a register: records added, removed and changed, and verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from ropa._boundary import a_date, a_register
from ropa.model import Register
from ropa.transfers import RegisterTransfer, register_transfers

__all__ = ["COLLECTIONS", "Change", "CollectionDiff", "FieldChange", "RegisterDiff", "TransferChange", "diff"]

COLLECTIONS = ("activities", "recipients", "purposes")
"""The collections compared record by record, in the order a change log lists them."""


@dataclass(frozen=True)
class FieldChange:
    """One field of a record, before and after (as plain data: texts are `{lang: text}` mappings)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    """A record present in both versions whose fields differ."""

    id: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class CollectionDiff:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class TransferChange:
    """A transfer (activity, recipient, destination) whose verdict or basis changed."""

    old: RegisterTransfer
    new: RegisterTransfer


@dataclass(frozen=True)
class RegisterDiff:
    """The differences between an old and a new register, with transfers judged on `on`."""

    on: date
    collections: dict[str, CollectionDiff]
    transfers_added: tuple[RegisterTransfer, ...] = ()
    transfers_removed: tuple[RegisterTransfer, ...] = ()
    verdicts_changed: tuple[TransferChange, ...] = ()
    other_changes: tuple[str, ...] = field(default=())
    """Top-level parts other than the compared collections that changed (e.g. `controller`)."""

    def __bool__(self) -> bool:
        return bool(
            any(self.collections.values())
            or self.transfers_added
            or self.transfers_removed
            or self.verdicts_changed
            or self.other_changes
        )


def diff(old: Register, new: Register, *, on: date) -> RegisterDiff:
    """What changed from `old` to `new`; transfers of both are judged on `on`."""
    a_register("old", old)
    a_register("new", new)
    a_date("on", on)
    collections = {name: _collection_diff(getattr(old, name), getattr(new, name)) for name in COLLECTIONS}
    old_transfers = {_transfer_key(t): t for t in register_transfers(old, on)}
    new_transfers = {_transfer_key(t): t for t in register_transfers(new, on)}
    return RegisterDiff(
        on=on,
        collections=collections,
        transfers_added=tuple(t for key, t in new_transfers.items() if key not in old_transfers),
        transfers_removed=tuple(t for key, t in old_transfers.items() if key not in new_transfers),
        verdicts_changed=tuple(
            TransferChange(old_transfers[key], t)
            for key, t in new_transfers.items()
            if key in old_transfers and _verdict(old_transfers[key]) != _verdict(t)
        ),
        other_changes=tuple(
            name
            for name in Register.model_fields
            if name not in COLLECTIONS and _plain(getattr(old, name)) != _plain(getattr(new, name))
        ),
    )


def _collection_diff(old: dict[str, BaseModel], new: dict[str, BaseModel]) -> CollectionDiff:
    changed = []
    for key in new:
        if key in old:
            fields = _field_changes(old[key], new[key])
            if fields:
                changed.append(Change(key, fields))
    return CollectionDiff(
        added=tuple(key for key in new if key not in old),
        removed=tuple(key for key in old if key not in new),
        changed=tuple(changed),
    )


def _field_changes(old: BaseModel, new: BaseModel) -> tuple[FieldChange, ...]:
    changes = []
    for name in type(new).model_fields:
        before, after = _plain(getattr(old, name)), _plain(getattr(new, name))
        if before != after:
            changes.append(FieldChange(name, before, after))
    return tuple(changes)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def _transfer_key(transfer: RegisterTransfer) -> tuple[str, str, str]:
    return transfer.activity, transfer.recipient, transfer.destination


def _verdict(transfer: RegisterTransfer) -> tuple[bool, str, str]:
    assessment = transfer.assessment
    return assessment.lawful, assessment.basis, assessment.citation
