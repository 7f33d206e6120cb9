"""Round three: the output list and the publishing folders are input too. Names are checked when written
and when read back; a publishing folder is completed only when its own record proves ropa made it; every
failure happens before anything is renamed, and names the path."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from ropa.io.publish import publish
from tests.conftest import MINIMAL
from tests.helpers import run_ropa


def _writer(data: bytes):  # type: ignore[no-untyped-def]
    def write(file: BinaryIO) -> None:
        file.write(data)

    return write


BAD_NAMES = {
    "line-feed": "a\nb.md",
    "carriage-return": "a\rb.md",
    "line-separator": "a\u2028b.md",
    "next-line": "a\x85b.md",
    "nul": "a\x00b.md",
    "too-long": "a" * 256 + ".md",
}


@pytest.mark.parametrize("kind", sorted(BAD_NAMES))
def test_a_name_ropa_could_not_read_back_as_written_is_refused_before_anything_is_written(
    tmp_path: Path, kind: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_bytes(b"old")
    with pytest.raises(OSError, match="not a name ropa writes") as raised:
        publish(out, [("a.md", _writer(b"new")), (BAD_NAMES[kind], _writer(b"x"))], set_name="build")
    assert raised.value.filename == str(out / BAD_NAMES[kind])
    assert sorted(entry.name for entry in out.iterdir()) == ["a.md"]
    assert (out / "a.md").read_bytes() == b"old"


def test_a_list_entry_too_long_or_with_a_nul_is_ignored_and_the_set_is_published(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_bytes(b"mine")
    (out / ".ropa-outputs-build").write_bytes(b"a" * 300 + b"\nmine.txt\x00\nmine\r.txt\n")
    publish(out, [("a.md", _writer(b"a"))], set_name="build")
    assert (out / "mine.txt").read_bytes() == b"mine"
    assert (out / ".ropa-outputs-build").read_text(encoding="utf-8") == "a.md\n"


def test_a_planted_publishing_folder_is_not_published(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_bytes(b"the user's page")
    (out / "mine.txt").write_bytes(b"the user's file")
    planted = out / ".ropa-publishing-0123456789abcdef"
    planted.mkdir(mode=0o700)
    (planted / "index.html").write_bytes(b"defaced")
    (planted / ".htaccess").write_bytes(b"Redirect / https://attacker.example/")
    (planted / ".ropa-stale").write_bytes(b"mine.txt\n")
    publish(out, [("a.md", _writer(b"a"))], set_name="build")
    assert (out / "index.html").read_bytes() == b"the user's page"
    assert (out / "mine.txt").read_bytes() == b"the user's file"
    assert not (out / ".htaccess").exists()


def test_the_list_as_a_folder_is_refused_before_anything_is_renamed_naming_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish(out, [("a.md", _writer(b"a1"))], set_name="build")
    (out / ".ropa-outputs-build").unlink()
    (out / ".ropa-outputs-build").mkdir()
    with pytest.raises(OSError, match="not a file") as raised:
        publish(out, [("a.md", _writer(b"a2"))], set_name="build")
    assert raised.value.filename == str(out / ".ropa-outputs-build")
    assert (out / "a.md").read_bytes() == b"a1"
    assert sorted(entry.name for entry in out.iterdir()) == [".ropa-outputs-build", "a.md"]


@pytest.mark.parametrize("prefix", [".ropa-staging-", ".ropa-publishing-"])
def test_a_sub_folder_in_a_staging_or_publishing_folder_does_not_break_later_builds(
    tmp_path: Path, prefix: str
) -> None:
    out = tmp_path / "out"
    (out / f"{prefix}dead" / "sub").mkdir(parents=True)
    result = run_ropa("build", MINIMAL, "--on", "2026-01-15", "-o", out)
    assert result.returncode == 0, result.stderr
    assert (out / "record.en.html").is_file()
    assert (out / f"{prefix}dead" / "sub").is_dir()  # not ropa's: left alone


def test_a_killed_build_of_ropa_is_still_completed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish(out, [("a.md", _writer(b"a1")), ("b.md", _writer(b"b1"))], set_name="build")
    # what a build killed after renaming a.md leaves: its publishing folder with b.md and its record
    ready = out / ".ropa-publishing-00000000000000aa"
    ready.mkdir(mode=0o700)
    (ready / "b.md").write_bytes(b"b2")
    (ready / ".ropa-outputs-build").write_bytes(b"a.md\nb.md\n")
    (ready / ".ropa-set").write_bytes(b"ropa set 00000000000000aa\na.md\nb.md\n.ropa-outputs-build\n")
    (out / "a.md").write_bytes(b"a2")
    publish(out, [("c.md", _writer(b"c"))])
    assert (out / "b.md").read_bytes() == b"b2"
    assert not ready.exists()
