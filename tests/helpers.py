"""Small helpers shared by the tests."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

MINIMAL_TEXT = """\
format: 1
languages: [ro, en]
controller: {name: Asociația Exemplu, country: RO}
"""


def run_ropa(*arguments: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m ropa` in a child process, as a user would, and capture what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "ropa", *map(str, arguments)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def write(folder: Path, name: str, text: str) -> Path:
    """Write a dedented text file into `folder` and return its path."""
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
