"""Round three: a catalogue of wording (`ROPA_CATALOGUES`, a language pack) is input: its placeholders are
only those of ropa's English message, plain, and reading it is bounded and located."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ropa import words
from ropa.words import CATALOGUES_VARIABLE, catalogue_folder
from tests.conftest import MINIMAL

OWN = catalogue_folder()
TITLE = 'msgstr "Record of processing activities — {controller}"'


def _catalogues(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogues"
    folder.mkdir()
    for name in ("en.po", "ro.po"):
        shutil.copy(OWN / name, folder / name)
    return folder


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def _page(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ropa", "page", str(MINIMAL), "--lang", "en", "--on", "2026-01-15"],
        capture_output=True,
        text=True,
        env={**os.environ, CATALOGUES_VARIABLE: str(folder)},
        check=False,
        timeout=60,
    )


PLACEHOLDERS = {
    "positional": "{0}",
    "unknown": "{x}",
    "attribute": "{controller.__class__.__init__.__globals__}",
    "index": "{controller[0]}",
    "width": "{controller:>100000000}",
    "conversion": "{controller!r}",
    "unclosed": "{controller",
}


@pytest.mark.parametrize("kind", sorted(PLACEHOLDERS))
def test_a_placeholder_english_does_not_have_or_with_a_format_is_refused_located(tmp_path: Path, kind: str) -> None:
    folder = _catalogues(tmp_path)
    en = folder / "en.po"
    line = _line_of(en, TITLE)
    en.write_text(
        en.read_text(encoding="utf-8").replace(TITLE, f'msgstr "Record — {PLACEHOLDERS[kind]}"'), encoding="utf-8"
    )
    result = _page(folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"ropa: {en}:{line}: message 'title' in context 'page': "), result.stderr


def _break(en: Path, kind: str) -> tuple[int, str]:
    """Spoil `en` in the way `kind` names; return the line the error must name, and a word it must say."""
    data = (OWN / "en.po").read_bytes()
    lines = data.split(b"\n")
    if kind == "latin-1":
        assert lines[14] == b'msgstr "Controller"'
        lines[14] = 'msgstr "Contrôleur"'.encode("latin-1")
        en.write_bytes(b"\n".join(lines))
        return 15, "UTF-8"
    if kind == "garbage":
        en.write_bytes(b"\n".join([*lines[:30], b"this is not a line of a catalogue", *lines[30:]]))
        return 31, "not a line"
    if kind == "unterminated":
        en.write_bytes(b"\n".join([*lines[:30], b'msgctxt "x"', b'msgid "abc', b'msgstr "y"', *lines[30:]]))
        return 32, "unterminated"
    if kind == "system-file":
        en.symlink_to("/etc/passwd")
        return 1, "not a line"
    if kind == "device":
        en.symlink_to("/dev/zero")
        return 0, "not a regular file"
    os.mkfifo(en)
    return 0, "not a regular file"


@pytest.mark.parametrize("kind", ["latin-1", "garbage", "unterminated", "system-file", "device", "fifo"])
def test_a_catalogue_that_cannot_be_read_is_a_located_error_never_a_hang(tmp_path: Path, kind: str) -> None:
    folder = _catalogues(tmp_path)
    en = folder / "en.po"
    en.unlink()
    line, word = _break(en, kind)
    result = _page(folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    where = f"{en}:{line}: " if line else f"{en}: "
    assert result.stderr.startswith(f"ropa: {where}"), result.stderr
    assert word in result.stderr


def test_reading_a_catalogue_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ropa.words import CatalogueError  # here: the module's other tests run against a ropa without it too

    folder = _catalogues(tmp_path)
    monkeypatch.setenv(CATALOGUES_VARIABLE, str(folder))
    monkeypatch.setattr(words, "MAX_CATALOGUE_BYTES", 1000)
    words.clear_cache()
    try:
        with pytest.raises(CatalogueError, match=r"en\.po: larger than 1,000 bytes"):
            words.messages("en")
    finally:
        words.clear_cache()


def test_ropa_own_catalogues_are_read_whole(tmp_path: Path) -> None:
    result = _page(_catalogues(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Record of processing activities — Asociația" in result.stdout
