"""docs/api.md runs as written: each Python block of the guide, from a copy of the repository's examples."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
GUIDE = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", GUIDE, re.DOTALL)


def test_the_guide_has_its_six_scripts() -> None:
    assert len(BLOCKS) == 6


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_each_script_runs(number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(BLOCKS[number], f"docs/api.md, script {number + 1}", "exec"), {"__name__": "guide"})
    assert sorted(path.name for path in tmp_path.iterdir()) == ["examples"]  # nothing written beside them


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_each_script_uses_public_names_only(number: int) -> None:
    imported = re.findall(r"^(?:from|import) (ropa\S*)", BLOCKS[number], re.MULTILINE)
    assert set(imported) <= {"ropa"}
    assert not re.search(r"\bropa\._", BLOCKS[number])
