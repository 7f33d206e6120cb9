"""The output folder: staged privately, never through a link, published as one set under a lock.

`benchmarks/publish_stress.py` kills builds at random moments and races two builds into one folder;
here it runs small (5 kills, 5 pairs, a register of 30 activities) so that CI runs it every time.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from benchmarks.publish_stress import run
from ropa.io.publish import STAGING_PREFIXES, publish, recover
from tests.conftest import MINIMAL
from tests.helpers import run_ropa


def test_killed_and_concurrent_builds_leave_one_complete_set_and_no_staged_file(tmp_path: Path) -> None:
    failures = run(activities=30, kills=5, pairs=5, seed=13, work=tmp_path, say=False)
    assert failures == []
    assert not [entry for entry in (tmp_path / "shared").iterdir() if entry.name.startswith(STAGING_PREFIXES)]
    assert [entry.name for entry in (tmp_path / "shared").iterdir() if entry.name.startswith(".")] == [
        ".ropa-outputs-build"
    ]


def _writer(data: bytes):  # type: ignore[no-untyped-def]
    return lambda file: file.write(data)


def test_a_link_planted_at_a_staging_or_output_name_is_never_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    victim.chmod(0o600)
    out = tmp_path / "out"
    out.mkdir()
    for name in (".policy.md.staged", ".ropa-staging-0", ".ropa-publishing-0", "policy.md"):
        (out / name).symlink_to(victim)
    written = publish(out, [("policy.md", _writer(b"new\n"))])
    assert written == [out / "policy.md"]
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert victim.stat().st_mode & 0o777 == 0o600
    assert not (out / "policy.md").is_symlink()
    assert (out / "policy.md").read_bytes() == b"new\n"


def test_the_old_build_command_staging_name_is_not_used(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for language in ("ro", "en"):
        for name in (f"policy-data-sharing.{language}.md", f"article-30-record.{language}.xlsx"):
            (out / f".{name}.staged").symlink_to(victim)
    result = run_ropa("build", MINIMAL, "--on", "2026-01-15", "-o", out)
    assert result.returncode == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_killed_publish_is_finished_by_the_next_and_partial_staging_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_bytes(b"old a")
    (out / "b.md").write_bytes(b"old b")
    ready = out / ".ropa-publishing-dead"  # a build killed after renaming a.md, before b.md
    ready.mkdir(mode=0o700)
    (ready / "b.md").write_bytes(b"new b")
    (ready / ".ropa-set").write_bytes(b"ropa set dead\na.md\nb.md\n")  # its record: ropa made it (round three)
    (out / "a.md").write_bytes(b"new a")
    partial = out / ".ropa-staging-dead"  # a build killed while writing
    partial.mkdir(mode=0o700)
    (partial / "a.md").write_bytes(b"half")
    recover(out)
    assert sorted(entry.name for entry in out.iterdir()) == ["a.md", "b.md"]
    assert (out / "b.md").read_bytes() == b"new b"


def test_a_staging_folder_of_a_running_build_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    live = out / ".ropa-staging-live"
    live.mkdir(parents=True)
    descriptor = os.open(live, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        recover(out)
        assert live.exists()
    finally:
        os.close(descriptor)
    recover(out)
    assert not live.exists()


def test_a_failing_output_names_the_file_asked_for(tmp_path: Path) -> None:
    def fail(file: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left") as raised:
        publish(tmp_path / "out", [("a.md", _writer(b"a")), ("b.md", fail)])
    assert raised.value.filename == str(tmp_path / "out" / "b.md")
    assert not (tmp_path / "out").exists()


_KILLED_MID_PUBLISH = """
import os, signal, sys
from pathlib import Path
from ropa.io.publish import publish
real = os.rename
calls = []
def rename(*arguments, **keywords):
    real(*arguments, **keywords)
    calls.append(arguments)
    if len(calls) == 2:  # the set marked complete, one file renamed into place: killed
        os.kill(os.getpid(), signal.SIGKILL)
os.rename = rename
publish(Path(sys.argv[1]), [(name, lambda file, name=name: file.write(b"new " + name.encode())) for name in ("a.md", "b.md", "c.md")])
"""


def test_a_build_killed_while_renaming_is_completed_by_the_next(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (out / name).write_bytes(b"old " + name.encode())
    killed = subprocess.run([sys.executable, "-c", _KILLED_MID_PUBLISH, str(out)], check=False)
    assert killed.returncode == -9
    leftovers = [entry.name for entry in out.iterdir() if entry.name.startswith(".")]
    assert len(leftovers) == 1
    assert leftovers[0].startswith(".ropa-publishing-")
    assert (out / "a.md").read_bytes() == b"new a.md"
    assert (out / "b.md").read_bytes() == b"old b.md"  # a mix, until the next build
    publish(out, [("d.md", _writer(b"d"))])  # the next build finishes the killed one first
    assert sorted(entry.name for entry in out.iterdir()) == ["a.md", "b.md", "c.md", "d.md"]
    assert [(out / name).read_bytes() for name in ("a.md", "b.md", "c.md")] == [b"new a.md", b"new b.md", b"new c.md"]


def test_without_unnamed_files_the_staging_is_named_exclusive_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ropa.io import publish as publishing

    monkeypatch.setattr(publishing._Staging, "_open_unnamed", lambda self: None)  # a file system without O_TMPFILE
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(victim)
    assert publish(out, [("a.md", _writer(b"new a")), ("b.md", _writer(b"new b"))]) == [out / "a.md", out / "b.md"]
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert sorted(entry.name for entry in out.iterdir()) == ["a.md", "b.md"]
    assert (out / "a.md").read_bytes() == b"new a"


def test_a_set_with_fewer_files_removes_what_the_previous_set_of_its_name_wrote_and_nothing_else(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_bytes(b"the user's own file")
    publish(out, [("a.md", _writer(b"a1")), ("b.md", _writer(b"b1")), ("c.md", _writer(b"c1"))], set_name="build")
    publish(out, [("n.md", _writer(b"n1"))], set_name="notice")
    publish(out, [("a.md", _writer(b"a2"))], set_name="build")
    assert sorted(entry.name for entry in out.iterdir() if not entry.name.startswith(".")) == [
        "a.md",
        "mine.txt",
        "n.md",
    ]
    assert (out / "a.md").read_bytes() == b"a2"
    assert (out / ".ropa-outputs-build").read_text(encoding="utf-8") == "a.md\n"


def test_a_planted_list_of_outputs_removes_no_hidden_file_and_nothing_outside_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".git").mkdir()
    (out / ".env").write_bytes(b"secret")
    (out / ".ropa-outputs-build").write_text("../outside.txt\n.env\n.git\n/etc/passwd\n", encoding="utf-8")
    publish(out, [("a.md", _writer(b"a"))], set_name="build")
    assert outside.read_bytes() == b"precious"
    assert (out / ".env").read_bytes() == b"secret"
    assert (out / ".git").is_dir()


def test_a_killed_publish_with_stale_files_is_finished_by_the_next_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_bytes(b"new a")  # renamed before the kill
    (out / "old.md").write_bytes(b"of the previous set")
    ready = out / ".ropa-publishing-dead"
    ready.mkdir(mode=0o700)
    (ready / ".ropa-outputs-build").write_text("a.md\n", encoding="utf-8")
    (ready / ".ropa-stale").write_text("old.md\n", encoding="utf-8")
    (ready / ".ropa-set").write_text("ropa set dead\na.md\n.ropa-outputs-build\n.ropa-stale\n", encoding="utf-8")
    recover(out)
    assert sorted(entry.name for entry in out.iterdir()) == [".ropa-outputs-build", "a.md"]


def test_build_after_a_build_of_a_register_with_fewer_languages_leaves_only_its_own_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_ropa("build", MINIMAL, "--on", "2026-01-15", "-o", out).returncode == 0
    first = {entry.name for entry in out.iterdir()}
    one_language = tmp_path / "one.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    assert "languages: [ro, en]" in text
    one_language.write_text(text.replace("languages: [ro, en]", "languages: [en]"), encoding="utf-8")
    result = run_ropa("build", one_language, "--on", "2026-01-15", "-o", out)
    assert result.returncode == 0, result.stderr
    second = {entry.name for entry in out.iterdir()}
    assert any(".ro." in name for name in first)
    assert not any(".ro." in name for name in second)
    assert second <= first
