"""Small helpers shared by the tests."""

from __future__ import annotations

import json
import re
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
    return run_module("ropa", *arguments, cwd=cwd)


def run_module(module: str, *arguments: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m <module>` (e.g. `ropa.words`) in a child process and capture what it prints."""
    return subprocess.run(
        [sys.executable, "-m", module, *map(str, arguments)],
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


def unused_language() -> str:
    """A language code that neither ropa's catalogues nor a language pack found provides: the example of a
    language ropa cannot write, computed (ropa may ship more languages, and a pack may add any)."""
    from ropa import words

    written = set(words.languages())
    candidates = ["de", "it", "es", "pl", "nl", "sv", "fi", "cs", "hu", "pt"]
    candidates += [first + second for first in "abcdefghijklmnopqrstuvwxyz" for second in "abcdefghijklmnopqrstuvwxyz"]
    return next(code for code in candidates if code not in written)


def cannot_write(language: str) -> str:
    """The message refusing a register in `language`: it names the languages ropa writes now."""
    from ropa import words

    return f"ropa cannot write {language!r} yet; it writes {', '.join(words.languages())}"


def findings_json(register: Path, lang: str, *extra: str) -> list[dict[str, object]]:
    """`ropa check REGISTER --format json --lang LANG`: the findings (at least one), the command having exited 0."""
    done = run_ropa("check", register, "--format", "json", "--lang", lang, *extra)
    assert done.returncode == 0, done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)
    assert found
    return found


def finding_prose(item: dict[str, object]) -> str:
    """A finding's message without the register's own words (its parameters) and without code in backticks."""
    message = str(item["message"])
    params = item["params"]
    assert isinstance(params, dict)
    for value in sorted((str(v) for v in params.values()), key=len, reverse=True):
        message = message.replace(value, " ")
    return re.sub(r"`[^`]*`", " ", message)
