"""One date per output, and the library's notice is the command line's (issue 24)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import ropa

EXAMPLE = Path(__file__).parents[2] / "examples" / "onedu"
TODAY = date(2026, 11, 25)
AHEAD = date(2032, 6, 1)  # the UK's adequacy decision expires on 27 December 2031 (Implementing Decision 2025/2574)
ADEQUACY = "- United Kingdom: the Commission's adequacy decision (Oblio.eu)"
NOT_RECORDED = "- United Kingdom: the ground for the transfer is not yet recorded in our register (Oblio.eu)"


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> ropa.Register:
    """ONedu's register with its invoicing processor moved to the United Kingdom, edited as a tool would."""
    folder = tmp_path_factory.mktemp("onedu") / "onedu"
    shutil.copytree(EXAMPLE, folder)
    file = ropa.edit(folder / "register.yaml")
    oblio = file.register.recipients["oblio"]
    file.replace("recipients", "oblio", oblio.model_copy(update={"country": "GB", "locations": ["GB"]}))
    file.save()
    return ropa.load(folder / "register.yaml")


def _lines(sections: list[ropa.Section]) -> list[str]:
    return [line for section in sections for line in section.text.splitlines()]


def test_the_notice_judges_every_section_on_its_one_date(moved: ropa.Register) -> None:
    assert moved.updated == TODAY  # the register's own date, on which the decision still holds
    today = _lines(ropa.render_notice(moved, "en", on=TODAY))
    ahead = _lines(ropa.render_notice(moved, "en", on=AHEAD))
    assert ADEQUACY in today
    assert NOT_RECORDED not in today
    assert NOT_RECORDED in ahead
    assert ADEQUACY not in ahead  # not in the data-sharing section inside the notice either


def test_the_notice_and_the_policy_agree_on_one_date(moved: ropa.Register) -> None:
    for on in (TODAY, AHEAD):
        policy = ropa.render_policy(moved, "en", on=on).split("---\n", 2)[2]
        notice = "\n".join(section.text for section in ropa.render_notice(moved, "en", on=on))
        assert policy.strip() in notice


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_library_and_the_command_line_give_the_same_notice(tmp_path: Path, lang: str) -> None:
    register = EXAMPLE / "register.yaml"
    command = ["notice", str(register), "--lang", lang, "--on", TODAY.isoformat(), "-o", str(tmp_path)]
    subprocess.run(
        [sys.executable, "-m", "ropa", *command],
        check=True,
        capture_output=True,
    )
    sections = ropa.render_notice(ropa.load(register), lang, on=TODAY)
    written = {path.name: path.read_bytes() for path in tmp_path.iterdir() if not path.name.startswith(".")}
    assert written == {f"{section.name}.md": section.text.encode("utf-8") for section in sections}
    assert len(written) >= 8  # ONedu's own templates, not ropa's neutral ones


def test_a_register_from_text_takes_its_templates_as_an_argument() -> None:
    text = (EXAMPLE / "register.yaml").read_text(encoding="utf-8")
    from_text = ropa.loads(text)
    neutral = ropa.render_notice(from_text, "ro", on=TODAY)
    own = ropa.render_notice(from_text, "ro", on=TODAY, templates=EXAMPLE / "notice-templates")
    assert [s.name for s in own] == [s.name for s in ropa.render_notice(ropa.load(EXAMPLE / "register.yaml"), "ro")]
    assert [s.name for s in neutral] != [s.name for s in own]
