"""What a layout made, validated by ropa's own loader; its problems located back to the cells they came from."""

from __future__ import annotations

import json
from typing import Any

from ropa.importing.problems import SpreadsheetError, SpreadsheetProblem
from ropa.io import RegisterError, load_text
from ropa.model import Register

__all__ = ["validated"]


def validated(data: dict[str, Any], origins: dict[str, str], file: str) -> Register:
    """The register `data` describes; `SpreadsheetError` (each problem at its cell) when it is not valid.

    `origins` maps a place in the register (`activities.x.name`) to the cell it was read from."""
    try:
        return load_text(json.dumps(data, ensure_ascii=False), file=file, kind="json")
    except RegisterError as error:
        raise SpreadsheetError(
            SpreadsheetProblem(_origin(problem.path, origins, file), problem.message) for problem in error.problems
        ) from None


def _origin(path: str, origins: dict[str, str], file: str) -> str:
    """The cell a place came from: the place itself, else the nearest enclosing place that has a cell."""
    parts = path.replace("[", ".[").split(".")
    for end in range(len(parts), 0, -1):
        found = origins.get(".".join(parts[:end]).replace(".[", "["))
        if found is not None:
            return f"{found} ({path})"
    return f"{file} ({path})"
