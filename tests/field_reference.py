"""The generated field reference of docs/register-format.md (between its `fields` markers).

Regenerate with `ROPA_UPDATE_DOCS=1 python -m pytest tests/test_docs.py`.
"""

from __future__ import annotations

from typing import Any

from ropa.model.schema import register_schema

START = "<!-- fields:start (generated from the model; do not edit by hand) -->"
END = "<!-- fields:end -->"


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        options = [_type(option) for option in spec["anyOf"] if option.get("type") != "null"]
        return " or ".join(options) + " (optional)"
    if "enum" in spec:
        return "one of " + ", ".join(f"`{value}`" for value in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type", "")
    if kind == "array":
        return f"list of {_type(spec.get('items', {}))}"
    if kind == "object" and "patternProperties" in spec:
        (value,) = spec["patternProperties"].values()
        return f"mapping of id → {_type(value)}"
    if spec.get("format") == "date":
        return "date (YYYY-MM-DD)"
    return f"{kind}" if kind else "value"


def field_reference() -> str:
    schema = register_schema()
    definitions = {"Register": schema, **schema["$defs"]}
    blocks = [START, ""]
    for name, definition in definitions.items():
        if "properties" not in definition:
            blocks += [f"### {name}", "", definition.get("description", ""), ""]
            if "enum" in definition:
                blocks += ["Values: " + ", ".join(f"`{value}`" for value in definition["enum"]), ""]
            continue
        required = set(definition.get("required", []))
        blocks += [f"### {name}", "", definition.get("description", ""), ""]
        blocks += ["| field | type | required | meaning |", "|---|---|---|---|"]
        for field, spec in definition["properties"].items():
            description = spec.get("description", "").replace("|", "\\|").replace("\n", " ")
            blocks.append(f"| `{field}` | {_type(spec)} | {'yes' if field in required else ''} | {description} |")
        blocks.append("")
    blocks.append(END)
    return "\n".join(blocks)
