"""The dependency rules of README.md ("The house"), as the code keeps them: each part of ropa imports only
the parts it may (issue 24 made them true, and this test keeps them so)."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).parents[1] / "src" / "ropa"

EVERYTHING = frozenset(
    {
        "errors",
        "language_packs",
        "words",
        "model",
        "_boundary",
        "law",
        "transfers",
        "io",
        "checks",
        "checks_notice",
        "diff",
        "render",
    }
    | {"checks_grain", "checks_over_time", "checks_words", "watching", "importing", "streams"}
    | {"testing", "_api", "cli"}
)
ALLOWED: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "language_packs": frozenset({"errors"}),
    "words": frozenset({"errors", "language_packs"}),
    "model": frozenset(),
    "_boundary": frozenset({"model"}),
    "law": frozenset({"model", "_boundary", "words", "errors"}),
    "transfers": frozenset({"law"}),
    "io": frozenset({"model", "errors", "words", "_boundary"}),
    "checks_words": frozenset({"model", "law", "words"}),
    "checks_notice": frozenset({"model", "law", "checks_words"}),
    "checks_grain": frozenset({"model", "law", "checks_words"}),
    "checks_over_time": frozenset({"model", "law", "checks_words"}),
    "checks": frozenset(
        {"model", "law", "transfers", "checks_notice", "checks_grain", "checks_over_time", "checks_words"}
        | {"_boundary", "words"}
    ),
    "watching": frozenset({"model", "law", "transfers", "words"}),
    "diff": frozenset({"model", "law", "transfers", "_boundary"}),
    "render": frozenset(
        {"model", "law", "transfers", "checks", "checks_words", "diff", "watching", "words", "errors", "_boundary"}
    ),
    "importing": frozenset({"model", "law", "io", "render", "transfers", "words", "errors"}),
    "streams": frozenset(),
    "testing": frozenset({"model", "law"}),
    "_api": EVERYTHING - {"cli"},
    "cli": EVERYTHING | {"ropa"},
    "__main__": frozenset({"cli"}),
    "ropa": EVERYTHING - {"cli"},  # the façade, lazily
}


def _part(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "ropa":
        return None
    return parts[1] if len(parts) > 1 else "ropa"


def _imports() -> dict[str, set[tuple[str, str]]]:
    """For each part of ropa, (part imported, file) for every import of another part."""
    found: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        here = _part(".".join(part for part in parts if part != "__init__")) or "ropa"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                there = _part(name)
                if there is not None and there != here:
                    found.setdefault(here, set()).add((there, path.name))
    return found


def test_every_part_is_named_in_the_rules() -> None:
    parts = {_part(".".join(("ropa", path.stem))) for path in SOURCE.iterdir() if path.suffix == ".py" or path.is_dir()}
    parts -= {"__pycache__", "catalogues", "templates", "py", "__init__"}
    assert parts - set(ALLOWED) == set()


def test_each_part_imports_only_what_the_rules_allow() -> None:
    broken = sorted(
        f"{here} ({file}) imports {there}"
        for here, imported in _imports().items()
        for there, file in imported
        if there not in ALLOWED[here]
    )
    assert broken == []


def test_the_rules_see_a_broken_one() -> None:
    assert ("io", "publish.py") not in _imports().get("model", set())
    assert ("model", "loading.py") in {(there, file) for there, file in _imports()["io"]}


def test_only_the_command_and_the_package_import_importing() -> None:
    # `importing` reads spreadsheets in (`ropa import`); nothing that writes outputs depends on it.
    importers = sorted(
        here for here, imported in _imports().items() if any(there == "importing" for there, _ in imported)
    )
    assert importers == ["cli", "ropa"]
