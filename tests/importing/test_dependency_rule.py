"""`importing` keeps its place (README "How it is built"): what it may import, and who may import it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SOURCE = ROOT / "src" / "ropa"
ALLOWED = (
    "ropa.model",
    "ropa.law",
    "ropa.io",
    "ropa.render",
    "ropa.words",
    "ropa.transfers",
    "ropa.importing",
    "ropa.errors",
)


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "ropa" or name.startswith("ropa.")}


def test_importing_imports_only_what_its_rule_allows() -> None:
    for path in sorted((SOURCE / "importing").glob("*.py")):
        for name in imported_modules(path):
            assert name.startswith(ALLOWED), f"{path.name} imports {name}"


def test_only_the_command_and_the_package_import_importing() -> None:
    importers = sorted(
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.py")
        if "importing" not in path.relative_to(SOURCE).parts
        and any(name.startswith("ropa.importing") for name in imported_modules(path))
    )
    assert importers == ["__init__.py", "cli.py"]
