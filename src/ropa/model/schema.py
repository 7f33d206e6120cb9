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
    return {"$schema": DIALECT, **schema}


def register_schema_text() -> str:
    """The schema as the committed file holds it: indented JSON, UTF-8, one trailing newline."""
    return json.dumps(register_schema(), ensure_ascii=False, indent=2) + "\n"
