"""A register's languages: each works end to end, or the register is refused at load, located, exit 1.

ropa writes `WRITTEN_LANGUAGES`; every table of wording must speak exactly those (docs/languages.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ropa.law.importers import art_3_2_caveat
from ropa.law.national.ro import ROMANIA
from ropa.law.sentences import LANGUAGES as VERDICT_LANGUAGES
from ropa.model.base import WRITTEN_LANGUAGES
from ropa.render import transfers as transfer_report
from ropa.render import workbook_labels as labels
from tests.conftest import ROOT
from tests.helpers import run_ropa, write

GERMAN = """\
format: 1
languages: [de, en]
controller: {name: Beispiel GmbH, country: DE}
"""

COMMANDS = [
    ("validate", "REGISTER"),
    ("check", "REGISTER"),
    ("transfers", "REGISTER"),
    ("transfers", "REGISTER", "--format", "json"),
    ("workbook", "REGISTER", "-o", "OUT/record.xlsx"),
    ("policy", "REGISTER"),
    ("build", "REGISTER", "-o", "OUT/site"),
    ("diff", "REGISTER", "REGISTER"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:1] + command[2:]))
def test_a_language_ropa_cannot_write_is_refused_at_load(command: tuple[str, ...], tmp_path: Path) -> None:
    register = write(tmp_path, "register.yaml", GERMAN)
    arguments = [part.replace("REGISTER", str(register)).replace("OUT", str(tmp_path)) for part in command]
    done = run_ropa(*arguments)
    assert done.returncode == 1, done.stderr
    assert f"{register}:2:13: languages[0]: ropa cannot write 'de' yet; it writes en, ro" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["register.yaml"]  # nothing written


def test_every_written_language_works_end_to_end(tmp_path: Path) -> None:
    for language in WRITTEN_LANGUAGES:
        text = f"format: 1\nlanguages: [{language}]\ncontroller: {{name: Example, country: DE}}\n"
        register = write(tmp_path, f"{language}.yaml", text)
        done = run_ropa("build", register, "-o", tmp_path / language, "--on", "2026-11-25")
        assert done.returncode == 0, done.stderr
        assert (tmp_path / language / f"article-30-record.{language}.xlsx").is_file()


def _labels(value: object) -> Iterator[dict[str, str]]:
    """Every text-in-each-language mapping inside `value` (a dict keyed by two-letter language codes)."""
    if isinstance(value, dict):
        keyed_by_language = value and all(isinstance(key, str) and len(key) == 2 and key.islower() for key in value)
        if keyed_by_language and all(isinstance(item, str) for item in value.values()):
            yield value
            return
        for key, item in value.items():
            if not (isinstance(key, str) and key.startswith("__")):
                yield from _labels(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _labels(item)


def test_every_table_of_wording_speaks_exactly_the_written_languages() -> None:
    written = set(WRITTEN_LANGUAGES)
    assert set(VERDICT_LANGUAGES) == written
    assert set(labels.LANGUAGES) == written
    assert set(transfer_report._WORDS) == written
    templates = ROOT / "src" / "ropa" / "render" / "templates" / "policy"
    assert {path.name for path in templates.iterdir() if path.is_dir()} == written
    found = list(_labels(vars(labels)))
    assert len(found) > 100
    for label in found:
        assert set(label) == written, label
    caveat = art_3_2_caveat()
    assert all(caveat.text.text(language) for language in written)
    assert all(label.text(language) for label in ROMANIA.labels.values() for language in written)
