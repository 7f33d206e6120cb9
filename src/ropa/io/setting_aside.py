"""Set aside what the schema refuses, so that the rest of a register can still be cross-checked.

A register with a wrong country code and a misspelt reference should show both mistakes in one
run. Cross-checks need a validated register, so the loader validates a copy without the parts the
schema refused: an optional field is dropped from its record, a record missing something it needs
is set aside whole. Cross-check problems that only come from a set-aside part (a reference to a
record set aside, a check on a field dropped) are not reported: they would be false alarms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ropa.model.consistency import Path
from ropa.model.register import Register

__all__ = ["SetAside", "set_aside"]

# The controller has no id and is referred to by nothing: a stand-in lets the rest be cross-checked.
_STAND_IN_CONTROLLER = {"name": "(set aside)", "country": "AQ"}  # any valid code: never shown


@dataclass
class SetAside:
    """A copy of a register's data without the parts with problems, and what was left out."""

    data: dict[str, Any]
    ids: set[str] = field(default_factory=set)
    """Ids of the records set aside whole (of any collection)."""
    parts: list[Path] = field(default_factory=list)
    """Paths of the fields and parts dropped or replaced."""

    def hides(self, original: dict[str, Any], path: Path) -> bool:
        """Whether a cross-check problem at `path` may come only from what was set aside."""
        if any(path[: len(part)] == part or part[: len(path)] == path for part in self.parts):
            return True
        value = _at(original, path)
        if isinstance(value, str):
            return value in self.ids
        return isinstance(value, list) and any(isinstance(item, str) and item in self.ids for item in value)


def set_aside(data: dict[str, Any], paths: Iterable[Path], earlier: SetAside | None = None) -> SetAside | None:
    """`data` without the parts at `paths` (and what `earlier` set aside); None when a part the
    register cannot do without is wrong."""
    result = SetAside(dict(data), set(earlier.ids), list(earlier.parts)) if earlier else SetAside(dict(data))
    copied: set[tuple[str | int, ...]] = set()
    for path in paths:
        if not _set_aside_one(result, path, copied):
            return None
    return result


def _set_aside_one(result: SetAside, path: Path, copied: set[tuple[str | int, ...]]) -> bool:
    data = result.data
    top = path[0] if path else None
    if not isinstance(top, str):
        return False
    if top == "controller":
        data["controller"] = _STAND_IN_CONTROLLER
        result.parts.append(("controller",))
        return True
    collection = data.get(top)
    if len(path) < 2 or top not in _COLLECTIONS or not isinstance(collection, dict):
        if top in _REQUIRED:
            return False
        data.pop(top, None)  # an unknown field, or an optional one of the wrong kind
        result.parts.append((top,))
        return True
    key = path[1]
    if (top,) not in copied:
        data[top] = collection = dict(collection)
        copied.add((top,))
    record = collection.get(key)
    required = _RECORD_REQUIRED.get(top)
    name = path[2] if len(path) > 2 else None
    if required is not None and isinstance(record, dict) and isinstance(name, str) and name not in required:
        if (top, key) not in copied:
            collection[key] = record = dict(record)
            copied.add((top, key))
        record.pop(name, None)
        result.parts.append((top, key, name))
        return True
    collection.pop(key, None)
    result.ids.add(str(key))
    return True


def _record_model(annotation: Any) -> type[BaseModel] | None:
    arguments: Sequence[Any] = getattr(annotation, "__args__", ())
    model = arguments[1] if len(arguments) == 2 else None
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


# The register's collections (`dict[Id, …]` fields), its required fields, and for each collection of
# records the fields a record needs: any other field (an unknown one too) can be dropped, the record kept.
_COLLECTIONS = {
    name: _record_model(field.annotation)
    for name, field in Register.model_fields.items()
    if getattr(field.annotation, "__origin__", None) is dict
}
_REQUIRED = {name for name, field in Register.model_fields.items() if field.is_required()}
_RECORD_REQUIRED = {
    name: {field for field, info in model.model_fields.items() if info.is_required()}
    for name, model in _COLLECTIONS.items()
    if model is not None
}


def _at(data: Any, path: Path) -> Any:
    for part in path:
        found = isinstance(data, dict) and part in data
        found = found or (isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data))
        if not found:
            return None
        data = data[part]
    return data
