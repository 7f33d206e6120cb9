"""`policy.notice_templates`: the register names its own notice templates, a folder beside it, or is refused,
located at the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ropa import cli
from ropa.io import RegisterError, load
from ropa.io.templates import notice_templates
from tests.conftest import EXAMPLES, MINIMAL


def register_with(tmp_path: Path, value: str) -> Path:
    """The minimal example, copied into `tmp_path`, naming `value` as its notice templates."""
    text = MINIMAL.read_text(encoding="utf-8")
    if "\npolicy:" in text:
        text = text.replace("\npolicy:", f"\npolicy:\n  notice_templates: {value!r}", 1)
    else:
        text += f"\npolicy:\n  notice_templates: {value!r}\n"
    path = tmp_path / "register.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_onedus_register_names_its_folder() -> None:
    path = EXAMPLES / "onedu" / "register.yaml"
    assert notice_templates(path, load(path)) == (EXAMPLES / "onedu" / "notice-templates").resolve()
    assert notice_templates(MINIMAL, load(MINIMAL)) is None


@pytest.mark.parametrize("value", ["../templates", "/etc", "a/../../b", "C:/x", ""])
def test_a_folder_outside_the_registers_is_refused_at_load(tmp_path: Path, value: str) -> None:
    with pytest.raises(RegisterError, match=r"register\.yaml:\d+:\d+: policy\.notice_templates: .*inside the register"):
        load(register_with(tmp_path, value))


def test_a_missing_folder_is_refused_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = register_with(tmp_path, "nowhere")
    assert cli.main(["build", str(path), "-o", str(tmp_path / "out"), "--on", "2026-11-25"]) == 1
    error = capsys.readouterr().err
    assert "register.yaml:" in error
    assert "policy.notice_templates: 'nowhere': no such folder" in error
    assert not (tmp_path / "out").exists()


def test_a_link_out_of_the_registers_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    shutil.copytree(EXAMPLES / "onedu" / "notice-templates", outside)
    (tmp_path / "home").mkdir()
    path = register_with(tmp_path / "home", "templates")
    (tmp_path / "home" / "templates").symlink_to(outside)
    assert cli.main(["notice", str(path), "-o", str(tmp_path / "out"), "--on", "2026-11-25"]) == 1
    assert "policy.notice_templates: 'templates' leads outside the register's folder" in capsys.readouterr().err


def test_the_folder_is_used_and_templates_overrides_it(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "onedu" / "notice-templates", tmp_path / "mine")
    path = register_with(tmp_path, "mine")
    assert cli.main(["notice", str(path), "--lang", "en", "-o", str(tmp_path / "a"), "--on", "2026-11-25", "-q"]) == 0
    assert (tmp_path / "a" / "07-cookie.md").is_file()
    default = ["--templates", str(Path(cli.__file__).parent / "render" / "templates" / "notice")]
    assert cli.main(["notice", str(path), "--lang", "en", "-o", str(tmp_path / "b"), *default, "-q"]) == 0
    assert (tmp_path / "b" / "07-cookies.md").is_file()
