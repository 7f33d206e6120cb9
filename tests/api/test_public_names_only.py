"""Everything under tests/api/ uses ropa as another tool would: `ropa` and its public names only (issue 24)."""

from __future__ import annotations

import ast
from pathlib import Path

import ropa

HERE = Path(__file__).parent


def _uses(tree: ast.AST) -> list[tuple[int, str]]:
    """Every ropa name a module imports or reads off `ropa`, with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "ropa"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "ropa":
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ropa":
            found.append((node.lineno, f"ropa.{node.attr}"))
    return found


def _public(name: str) -> bool:
    return name in ("ropa", "ropa.__all__") or (name.count(".") == 1 and name.split(".")[1] in ropa.__all__)


def test_nothing_under_tests_api_uses_a_name_ropa_does_not_publish() -> None:
    private = [
        f"{path.name}:{line}: {name}"
        for path in sorted(HERE.glob("*.py"))
        for line, name in _uses(ast.parse(path.read_text(encoding="utf-8")))
        if not _public(name)
    ]
    assert private == []


def test_the_check_finds_a_private_name() -> None:
    code = "import ropa.io\nfrom ropa.checks import check\nfrom ropa import load\nropa._api\nropa.load\n"
    assert [name for _, name in _uses(ast.parse(code)) if not _public(name)] == [
        "ropa.io",
        "ropa.checks.check",
        "ropa._api",
    ]
