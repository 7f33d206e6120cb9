"""The JSON Schema of the register file, generated from the model (committed as `schemas/`)."""

from __future__ import annotations

import json
from typing import Any

from ropa.model.register import Register

__all__ = ["register_schema", "register_schema_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def register_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every register file satisfies."""
    schema = Register.model_json_schema(mode="validation")
    _close_keyed_collections(schema)
    return {"$schema": DIALECT, **schema}


def _close_keyed_collections(node: Any) -> None:
    """Keys of id-keyed collections must match the id pattern: refuse the others, as the model does."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_keyed_collections(value)
    elif isinstance(node, list):
        for value in node:
            _close_keyed_collections(value)


def register_schema_text() -> str:
    """The schema as the committed file holds it: indented JSON, UTF-8, one trailing newline."""
    return json.dumps(register_schema(), ensure_ascii=False, indent=2) + "\n"
