"""The JSON Schema of the register file, generated from the model (committed as `schemas/`)."""

from __future__ import annotations

import ast
import inspect
import json
import sys
from functools import cache
from typing import Any

from pydantic import BaseModel

from ropa.model.base import Record
from ropa.model.register import Register

__all__ = ["register_schema", "register_schema_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def register_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every register file satisfies."""
    schema = Register.model_json_schema(mode="validation")
    _describe_fields(schema)
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


def _describe_fields(schema: dict[str, Any]) -> None:
    """Each field without a description of its own is described by its docstring, as pydantic's
    `use_attribute_docstrings` would (the models are built without it: it reads their source at every start)."""
    own = [record for record in _subclasses(Record) if record.__module__.startswith("ropa.")]
    records = {record.__name__: record for record in own}
    if len(records) != len(own):
        raise AssertionError("two records share a name: the schema's definitions would be ambiguous")
    definitions: dict[str, Any] = {"Register": schema, **schema.get("$defs", {})}
    for name, definition in definitions.items():
        record = records.get(name)
        if record is None or "properties" not in definition:
            continue
        for field, property_schema in definition["properties"].items():
            docstring = _field_docstring(record, field)
            if docstring is not None and "description" not in property_schema:
                property_schema["description"] = docstring
                ordered = dict(sorted(property_schema.items()))  # pydantic sorts a field's keys
                property_schema.clear()
                property_schema.update(ordered)


def _subclasses(model: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for subclass in model.__subclasses__():
        found += [subclass, *_subclasses(subclass)]
    return found


def _field_docstring(record: type[BaseModel], field: str) -> str | None:
    """The docstring of the class that declares the field, as pydantic reads it (the string right after
    the annotated assignment, cleaned with `inspect.cleandoc`)."""
    for owner in record.__mro__:
        if field in inspect.get_annotations(owner):
            return _attribute_docstrings(owner).get(field)
    return None


@cache
def _attribute_docstrings(owner: type) -> dict[str, str]:
    for statement in _module_tree(owner.__module__).body:
        if isinstance(statement, ast.ClassDef) and statement.name == owner.__name__:
            docstrings: dict[str, str] = {}
            for previous, current in zip(statement.body, statement.body[1:], strict=False):
                if (
                    isinstance(previous, ast.AnnAssign)
                    and isinstance(previous.target, ast.Name)
                    and isinstance(current, ast.Expr)
                    and isinstance(current.value, ast.Constant)
                    and isinstance(current.value.value, str)
                ):
                    docstrings[previous.target.id] = inspect.cleandoc(current.value.value)
            return docstrings
    return {}


@cache
def _module_tree(module: str) -> ast.Module:
    return ast.parse(inspect.getsource(sys.modules[module]))


def register_schema_text() -> str:
    """The schema as the committed file holds it: indented JSON, UTF-8, one trailing newline."""
    return json.dumps(register_schema(), ensure_ascii=False, indent=2) + "\n"
