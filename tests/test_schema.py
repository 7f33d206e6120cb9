"""The committed JSON Schema is the model's, and every example satisfies it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ropa.io.parsing import parse_yaml
from ropa.model.schema import register_schema, register_schema_text
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import run_ropa

SCHEMA = ROOT / "schemas" / "register.schema.json"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*/register.yaml"))


def test_the_committed_schema_is_up_to_date() -> None:
    # When this fails, regenerate it: `ropa schema > schemas/register.schema.json`.
    assert SCHEMA.read_text(encoding="utf-8") == register_schema_text()


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_ropa_schema_prints_the_committed_schema() -> None:
    result = run_ropa("schema")
    assert result.returncode == 0
    assert result.stdout == SCHEMA.read_text(encoding="utf-8")


def test_there_are_examples() -> None:
    assert {path.parent.name for path in EXAMPLE_FILES} >= {"onedu", "minimal"}


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda path: path.parent.name)
def test_every_example_satisfies_the_schema(example: Path) -> None:
    data = parse_yaml(example.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(register_schema()).validate(data)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda path: path.parent.name)
def test_every_example_points_editors_at_the_schema(example: Path) -> None:
    first_line = example.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../schemas/register.schema.json"
    assert (example.parent / "../../schemas/register.schema.json").resolve() == SCHEMA


def test_the_schema_rejects_what_the_model_rejects() -> None:
    validator = jsonschema.Draft202012Validator(register_schema())
    bad = {"format": 1, "languages": ["ro"], "controller": {"name": "X", "country": "RO"}, "colour": "red"}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({**bad, "colour": None} | {"format": 2})


def test_every_field_has_a_description() -> None:
    undocumented = []
    for name, definition in register_schema()["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            if not spec.get("description"):
                undocumented.append(f"{name}.{field}")
    assert undocumented == []


def test_field_docstrings_describe_the_fields_without_being_read_at_run_time() -> None:
    # The models are built without pydantic's `use_attribute_docstrings` (it reads every model's
    # source at every start); the schema reads the docstrings itself, with `ast`, when it is made.
    from ropa.model.activity import Activity
    from ropa.model.base import Record

    assert not Record.model_config.get("use_attribute_docstrings")
    assert Activity.model_fields["name"].description is None
    activity = register_schema()["$defs"]["Activity"]["properties"]
    assert activity["name"]["description"] == "Name of the activity."
    assert activity["function"]["description"].startswith("The business function")
