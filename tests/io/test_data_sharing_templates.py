"""`policy.data_sharing_templates`: the register names its own data-sharing template folder, beside it, resolved and
refused exactly as `policy.notice_templates`; `ropa policy`, `ropa notice` and `ropa build` use it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ropa import cli
from ropa.io import RegisterError, load
from ropa.io.templates import data_sharing_templates
from ropa.render.policy import render_policy
from tests.conftest import EXAMPLES, MINIMAL, ONEDU

ONEDUS = EXAMPLES / "onedu" / "policy-templates"


def register_with(folder: Path, value: str) -> Path:
    """The minimal example, copied into `folder`, naming `value` as its data-sharing templates."""
    text = MINIMAL.read_text(encoding="utf-8")
    if "\npolicy:" in text:
        text = text.replace("\npolicy:", f"\npolicy:\n  data_sharing_templates: {value!r}", 1)
    else:
        text += f"\npolicy:\n  data_sharing_templates: {value!r}\n"
    path = folder / "register.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_onedus_register_names_its_folder() -> None:
    assert data_sharing_templates(ONEDU, load(ONEDU)) == ONEDUS.resolve()
    assert data_sharing_templates(MINIMAL, load(MINIMAL)) is None


def test_ropa_policy_writes_onedus_wording_from_its_register(capsys: pytest.CaptureFixture[str]) -> None:
    register = load(ONEDU)
    for lang in ("ro", "en"):
        assert cli.main(["policy", str(ONEDU), "--lang", lang]) == 0
        written = capsys.readouterr().out
        assert written == render_policy(register, lang, templates=ONEDUS)
        assert written != render_policy(register, lang)  # not ropa's neutral defaults
    assert "Nu vindem nimănui" in render_policy(register, "ro", templates=ONEDUS)


@pytest.mark.parametrize("value", ["../templates", "/etc", "a/../../b", "C:/x", ""])
def test_a_folder_outside_the_registers_is_refused_at_load(tmp_path: Path, value: str) -> None:
    pattern = r"register\.yaml:\d+:\d+: policy\.data_sharing_templates: .*inside the register"
    with pytest.raises(RegisterError, match=pattern):
        load(register_with(tmp_path, value))


@pytest.mark.parametrize("command", ["policy", "notice", "build"])
def test_a_missing_folder_is_refused_located(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    path = register_with(tmp_path, "nowhere")
    output = [] if command == "policy" else ["-o", str(tmp_path / "out")]
    assert cli.main([command, str(path), *output]) == 1
    error = capsys.readouterr().err
    assert "register.yaml:" in error
    assert "policy.data_sharing_templates: 'nowhere': no such folder" in error
    assert "Traceback" not in error
    assert not (tmp_path / "out").exists()


def test_a_link_out_of_the_registers_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ONEDUS, tmp_path / "outside")
    (tmp_path / "home").mkdir()
    path = register_with(tmp_path / "home", "templates")
    (tmp_path / "home" / "templates").symlink_to(tmp_path / "outside")
    assert cli.main(["policy", str(path)]) == 1
    assert "policy.data_sharing_templates: 'templates' leads outside the register's folder" in capsys.readouterr().err


def test_the_folder_is_used_and_templates_overrides_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ONEDUS, tmp_path / "mine")
    path = register_with(tmp_path, "mine")
    assert cli.main(["policy", str(path), "--lang", "en"]) == 0
    assert "We do not sell any of your information" in capsys.readouterr().out
    default = ["--templates", str(Path(cli.__file__).parent / "render" / "templates" / "policy")]
    assert cli.main(["policy", str(path), "--lang", "en", *default]) == 0
    assert "We do not sell" not in capsys.readouterr().out
    # ropa build writes the register's wording, in its policy-data-sharing file
    assert cli.main(["build", str(path), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert "We do not sell any of your information" in (tmp_path / "out" / "policy-data-sharing.en.md").read_text(
        encoding="utf-8"
    )


def test_a_broken_template_of_the_register_is_reported_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("ro", "en"):
        (tmp_path / "mine" / lang).mkdir(parents=True)
        (tmp_path / "mine" / lang / "data-sharing.md.j2").write_text(
            "---\ntitle: x\n---\n{{ nope }}\n", encoding="utf-8"
        )
    path = register_with(tmp_path, "mine")
    for command in ("build", "notice"):
        assert cli.main([command, str(path), "-o", str(tmp_path / "out")]) == 1
        error = capsys.readouterr().err
        assert "data-sharing.md.j2" in error
        assert "nope" in error
        assert "Traceback" not in error
        assert not (tmp_path / "out").exists()
