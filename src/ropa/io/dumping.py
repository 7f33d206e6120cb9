"""Write a `Register` back to YAML or JSON, so that loading the file gives an equal register."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from ropa._boundary import a_register
from ropa.io.atomic import write_text_atomic
from ropa.io.loading import SUFFIXES
from ropa.model.register import Register

__all__ = ["dump", "dumps"]

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(register: Register, path: str | os.PathLike[str]) -> None:
    """Write `register` to `path` as YAML (`.yaml`, `.yml`) or JSON (`.json`), atomically."""
    a_register("register", register)
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise ValueError(f"unknown file type {Path(path).suffix!r}: write .yaml, .yml or .json")
    write_text_atomic(path, dumps(register, kind=kind))


def dumps(register: Register, *, kind: str = "yaml") -> str:
    """The text of `register` as YAML or JSON; fields left at their defaults are omitted."""
    a_register("register", register)
    data: dict[str, Any] = register.model_dump(mode="json", exclude_defaults=True)
    data = {"format": register.format, **data}  # always first, even though it is a default-free field
    if kind == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text
