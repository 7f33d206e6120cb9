"""`import ropa` stays cheap (issue 24): the public API is imported on first use, name by name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ropa

MINIMAL = Path(__file__).parents[1] / "examples" / "minimal" / "register.yaml"


def _loaded_after(code: str) -> list[str]:
    probe = "import sys; print(sorted(m for m in ('pydantic', 'yaml', 'ruamel', 'openpyxl', 'jinja2', 'ropa.model') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", f"{code}; {probe}"], capture_output=True, text=True, check=True)
    return list(eval(result.stdout))  # our own probe's printed list


def test_import_ropa_loads_nothing_heavy() -> None:
    assert _loaded_after("import ropa") == []


def test_a_name_loads_only_what_it_needs() -> None:
    assert _loaded_after("import ropa; ropa.RopaError; ropa.__version__") == []
    assert "openpyxl" not in _loaded_after("import ropa; ropa.load")
    assert {"openpyxl", "jinja2"}.isdisjoint(_loaded_after("import ropa; ropa.check"))
    assert "ruamel" in _loaded_after(f"import ropa; ropa.edit({str(MINIMAL)!r})")


def test_every_public_name_resolves_and_unknown_ones_are_attribute_errors() -> None:
    for name in ropa.__all__:
        assert getattr(ropa, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = ropa.nothing_here
    assert "render_workbook" in dir(ropa)


def test_the_module_ropa_diff_does_not_hide_the_function() -> None:
    import ropa.diff

    assert callable(ropa.diff)
    assert ropa.diff.__name__ == "diff"
