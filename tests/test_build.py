"""`ropa build`: every output in one step, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ropa import cli
from tests.conftest import ONEDU
from tests.helpers import run_ropa, write

# ONedu's own templates (its register's `policy.notice_templates`): its site's eight file names.
NOTICE_SECTIONS = (
    "01-introducere",
    "02-colectaredate",
    "03-utilizaredate",
    "04-drepturiuseri",
    "05-partajaredate",
    "06-protectiadatelor",
    "07-cookie",
    "08-modificari",
)
OUTPUTS = {
    "policy-data-sharing.ro.md",
    "policy-data-sharing.en.md",
    "article-30-record.ro.xlsx",
    "article-30-record.en.xlsx",
    "record.ro.html",
    "record.en.html",
    *(f"notice-{name}.{lang}.md" for name in NOTICE_SECTIONS for lang in ("ro", "en")),
    "subprocessors.ro.md",  # ONedu carries out processor activities
    "subprocessors.en.md",
    *(f"subprocessors.{lang}.{kind}" for lang in ("ro", "en") for kind in ("atom", "feed.json")),  # its feeds
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_build_writes_every_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_ropa("build", ONEDU, "-o", out, "--on", "2026-11-25")
    assert result.returncode == 0, result.stderr
    assert {path.name for path in out.iterdir()} == {*OUTPUTS, ".ropa-outputs-build"}
    assert set((out / ".ropa-outputs-build").read_text(encoding="utf-8").splitlines()) == OUTPUTS
    assert (
        (out / "policy-data-sharing.ro.md").read_text(encoding="utf-8").startswith("---\ntitle: Partajarea datelor\n")
    )
    assert (out / "article-30-record.ro.xlsx").read_bytes()[:2] == b"PK"
    assert (out / "record.en.html").read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "findings: 0 error" in result.stdout


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    for name in ("first", "second"):
        assert run_ropa("build", ONEDU, "-o", tmp_path / name, "--on", "2026-11-25").returncode == 0
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "second")


def test_a_build_failing_half_way_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert cli.main(["build", str(ONEDU), "-o", str(out), "--on", "2026-01-01"]) == 0
    before = snapshot(out)

    import ropa.render.workbook

    real = ropa.render.workbook.workbook_bytes

    def fail_in_english(register: object, *, lang: str, on: object) -> bytes:
        if lang == "en":
            raise RuntimeError("disk full (simulated)")
        return real(register, lang=lang, on=on)  # type: ignore[arg-type]

    monkeypatch.setattr(ropa.render.workbook, "workbook_bytes", fail_in_english)
    with pytest.raises(RuntimeError, match="simulated"):
        cli.main(["build", str(ONEDU), "-o", str(out), "--on", "2026-11-25"])
    assert snapshot(out) == before  # nothing replaced, no staged file left behind


def test_a_failed_build_into_a_new_folder_leaves_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ropa.render.policy

    def broken(*arguments: object, **keywords: object) -> str:
        raise RuntimeError("template error (simulated)")

    monkeypatch.setattr(ropa.render.policy, "render_policy", broken)
    with pytest.raises(RuntimeError):
        cli.main(["build", str(ONEDU), "-o", str(tmp_path / "new"), "--on", "2026-11-25"])
    assert not (tmp_path / "new").exists()


def test_a_folder_in_the_way_of_an_output_fails_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "article-30-record.en.xlsx").mkdir(parents=True)
    result = run_ropa("build", ONEDU, "-o", out, "--on", "2026-11-25")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [path.name for path in out.iterdir()] == ["article-30-record.en.xlsx"]


def test_an_error_finding_stops_the_build(tmp_path: Path) -> None:
    register = write(
        tmp_path,
        "register.yaml",
        """\
        format: 1
        languages: [en]
        controller: {name: X, country: RO}
        recipient_categories:
          email: {en: email}
        recipients:
          mailer: {name: Mailer, category: email, role: processor, locations: [US]}
        activities:
          news: {name: {en: News}, recipients: [mailer]}
        """,
    )
    out = tmp_path / "out"
    result = run_ropa("build", register, "-o", out, "--on", "2026-11-25")
    assert result.returncode == 1
    assert "T101 error" in result.stderr
    assert not out.exists()


def test_an_invalid_register_writes_nothing(tmp_path: Path) -> None:
    register = write(tmp_path, "register.yaml", "format: 1\nlanguages: [en]\ncontroller: {name: X, country: XX}\n")
    result = run_ropa("build", register, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert ":3:" in result.stderr
    assert not (tmp_path / "out").exists()
