"""A language added from outside ropa, as a pack, exactly as docs/languages.md says: begun with
`python -m ropa.words new`, translated, checked with `python -m ropa.words check`, put beside the register
in `languages/<lang>/`, and every output of every example built in it. A pack holds only what it adds:
what it lacks is an error naming its file, and nothing is written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import escape, unescape
from openpyxl import load_workbook

from ropa import words
from ropa.io import RegisterError, load
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import cannot_write, run_module, run_ropa, unused_language
from tests.pseudo_language import PSEUDO, build_pseudo_pack, pseudo

ON = ("--on", "2026-11-25")
EXAMPLE_NAMES = sorted(path.name for path in EXAMPLES.iterdir() if (path / "register.yaml").is_file())


def run_words(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return run_module("ropa.words", *arguments)


def translate(catalogue: Path) -> None:
    """What the translator does (docs/languages.md, step 2), in the pseudo-language: every empty `msgstr`
    of a begun pack gets the English its `#. English:` comment shows, in the pseudo-language's words."""
    entries = catalogue.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    for number, entry in enumerate(entries[1:], 1):
        english = next(line for line in entry.split("\n") if line.startswith("#. English: "))
        wording = unescape('"' + english.removeprefix("#. English: ") + '"')
        assert entry.endswith('\nmsgstr ""'), entry
        entries[number] = entry.removesuffix('msgstr ""') + "msgstr " + escape(pseudo(wording))
    catalogue.write_text("\n\n".join(entries) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def begun_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pack begun and translated by the documented commands, in a folder outside ropa."""
    folder = tmp_path_factory.mktemp("pack") / PSEUDO
    done = run_words("new", PSEUDO, folder)
    assert done.returncode == 0, done.stderr
    unfinished = run_words("check", folder)  # a begun pack is all to translate: every message is empty
    assert unfinished.returncode == 1
    assert f"{folder / PSEUDO}.po:" in unfinished.stderr
    assert "is empty" in unfinished.stderr
    translate(folder / f"{PSEUDO}.po")
    done = run_words("check", folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "1 pack, 0 problems; 0 warnings\n"
    return folder


def written_in(example: Path, lang: str) -> None:
    """Step 4 of the docs: `lang` added to the register's languages and to every text of it (here marked
    texts), and to the organisation's own template folders (copies of its English, to translate)."""
    register = example / "register.yaml"
    data: dict[str, Any] = yaml.safe_load(register.read_text(encoding="utf-8"))
    declared = data["languages"]

    def add(value: Any) -> Any:
        if isinstance(value, dict):
            if value and set(value) == set(declared):
                return {**value, lang: f"⟦{value['en'] if 'en' in value else value[declared[0]]}⟧"}
            return {key: add(item) for key, item in value.items()}
        if isinstance(value, list):
            return [add(item) for item in value]
        return value

    data = add(data)
    data["languages"] = [*declared, lang]
    register.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for field in ("notice_templates", "data_sharing_templates"):
        own = data.get("policy", {}).get(field)
        if own is not None:
            shutil.copytree(example / own / "en", example / own / lang)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_pack_beside_the_register_builds_every_output_of_every_example(
    name: str, begun_pack: Path, tmp_path: Path
) -> None:
    example = tmp_path / name
    shutil.copytree(EXAMPLES / name, example)
    shutil.copytree(begun_pack, example / "languages" / PSEUDO)
    written_in(example, PSEUDO)
    done = run_ropa("build", example / "register.yaml", "-o", example / "site", *ON)
    assert done.returncode == 0, done.stderr
    built = sorted(path.name for path in (example / "site").iterdir())
    english = {file for file in built if ".en." in file}
    assert english, built
    assert {file.replace(".en.", f".{PSEUDO}.") for file in english} <= set(built)
    page = (example / "site" / f"record.{PSEUDO}.html").read_text(encoding="utf-8")
    assert "⟦dATA MAP⟧" in page
    workbook = load_workbook(example / "site" / f"article-30-record.{PSEUDO}.xlsx", read_only=True)
    assert workbook.sheetnames[0] == "⟦cONTROLLER⟧"


def _minimal_beside(tmp_path: Path, pack: Path) -> Path:
    shutil.copytree(pack, tmp_path / "languages" / PSEUDO)
    register = tmp_path / "register.yaml"
    register.write_text(
        f"format: 1\nlanguages: [{PSEUDO}]\ncontroller: {{name: Example, country: DE}}\n", encoding="utf-8"
    )
    return register


def test_a_message_the_pack_lacks_is_named_in_its_file_and_nothing_is_written(tmp_path: Path) -> None:
    pack = build_pseudo_pack(tmp_path / "made", without=("workbook.sheet_names", "fiches"))
    register = _minimal_beside(tmp_path, pack)
    done = run_ropa("build", register, "-o", tmp_path / "site", *ON)
    assert done.returncode == 1
    catalogue = tmp_path / "languages" / PSEUDO / f"{PSEUDO}.po"
    assert f"ropa: {catalogue}: no message 'fiches' in context 'workbook.sheet_names'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "template", ["notice/xx/03-purposes.md.j2", "policy/xx/data-sharing.md.j2", "subprocessors/xx/subprocessors.md.j2"]
)
def test_a_template_the_pack_lacks_is_named_in_the_pack_never_taken_from_english(tmp_path: Path, template: str) -> None:
    example = tmp_path / "software-company"  # a processor: it publishes its sub-processor list too
    shutil.copytree(EXAMPLES / "software-company", example)
    build_pseudo_pack(example / "languages" / PSEUDO)
    written_in(example, PSEUDO)
    missing = example / "languages" / PSEUDO / template
    missing.unlink()
    done = run_ropa("build", example / "register.yaml", "-o", tmp_path / "site", *ON)
    assert done.returncode == 1
    # The file itself, or (the policy) its pack's folder and the name expected in it.
    assert str(missing) in done.stderr or f"in {missing.parents[1]}: expected {PSEUDO}/{missing.name}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


def test_a_pack_may_not_replace_ropa_own_language(tmp_path: Path) -> None:
    register = _minimal_beside(tmp_path, build_pseudo_pack(tmp_path / "made", lang="en"))
    shutil.move(tmp_path / "languages" / PSEUDO, tmp_path / "languages" / "en")
    done = run_ropa("validate", register)
    assert done.returncode == 1
    assert "a language pack adds a language; 'en' is ropa's own" in done.stderr
    assert f"{tmp_path / 'languages' / 'en' / 'en.po'}:" in done.stderr
    assert "Traceback" not in done.stderr
    begun = run_words("new", "en", tmp_path / "other")
    assert begun.returncode == 1
    assert "'en' is ropa's own language" in begun.stderr


def test_a_folder_that_is_not_a_pack_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv(words.LANGUAGES_VARIABLE, str(tmp_path / "empty"))
    words.clear_cache()
    try:
        with pytest.raises(words.CatalogueError, match=r"empty: a language pack holds one catalogue.*found none"):
            words.languages()
    finally:
        monkeypatch.delenv(words.LANGUAGES_VARIABLE)
        words.clear_cache()


def test_the_library_loads_a_register_in_a_pack_language_only_where_the_pack_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = build_pseudo_pack(tmp_path / "made")
    register = tmp_path / "register.yaml"
    register.write_text(f"format: 1\nlanguages: [{PSEUDO}]\ncontroller: {{name: X, country: DE}}\n", encoding="utf-8")
    with pytest.raises(RegisterError, match=rf"register\.yaml:2:13: languages\[0\]: {cannot_write(PSEUDO)}"):
        load(register)
    monkeypatch.setenv(words.LANGUAGES_VARIABLE, str(pack))
    loaded = load(register)
    assert loaded.languages == [PSEUDO]
    assert loaded.model_copy(update={"languages": [PSEUDO]}).languages == [PSEUDO]  # a copy keeps it


def test_an_installed_package_offers_a_pack_through_its_entry_point(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    build_pseudo_pack(site / "ropa_xx" / "pack")
    (site / "ropa_xx" / "__init__.py").write_text(
        "from pathlib import Path\n\ndef pack() -> Path:\n    return Path(__file__).parent / 'pack'\n", encoding="utf-8"
    )
    info = site / "ropa_xx-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: ropa-xx\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[ropa.languages]\nxx = ropa_xx:pack\n", encoding="utf-8")
    register = tmp_path / "register.yaml"
    register.write_text(f"format: 1\nlanguages: [{PSEUDO}]\ncontroller: {{name: X, country: DE}}\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "ropa", "workbook", str(register), "-o", str(tmp_path / "x.xlsx"), *ON],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x.xlsx").is_file()


def test_the_check_finds_english_left_and_lists_unverified_terms(tmp_path: Path) -> None:
    pack = build_pseudo_pack(tmp_path / "made")
    catalogue = pack / f"{PSEUDO}.po"
    text = catalogue.read_text(encoding="utf-8")
    # A copy of English prose is not a translation; a flagged one is (a name, a word the language shares).
    text = text.replace('msgstr "⟦aCTIVITY SHEETS⟧"', 'msgstr "Activity sheets"')
    text = text.replace('msgstr "⟦pURPOSES⟧"', 'msgstr "Purposes"')  # one word: not prose, allowed
    text = text.replace(
        'msgctxt "workbook.sheet_names"\nmsgid "activities"\nmsgstr "⟦aCTIVITIES aRT. 30(1)⟧"',
        '#, same-as-english\nmsgctxt "workbook.sheet_names"\nmsgid "activities"\nmsgstr "Activities Art. 30(1)"',
    )
    text = text.replace(
        'msgctxt "workbook.sheet_names"\nmsgid "controller"',
        '#. unverified: the GDPR\'s own word not found yet\nmsgctxt "workbook.sheet_names"\nmsgid "controller"',
    )
    catalogue.write_text(text, encoding="utf-8")
    (pack / "subprocessors" / PSEUDO / "subprocessors.md.j2").unlink()
    done = run_words("check", pack)
    assert done.returncode == 1
    problems = [line for line in done.stderr.splitlines() if not line.startswith("warning: ")]
    assert len(problems) == 2, done.stderr
    assert problems[0].startswith(f"{catalogue}:")
    assert problems[0].endswith(
        "message 'fiches' in context 'workbook.sheet_names' is English's text, not translated"
        " (if it is right, flag it #, same-as-english)"
    )
    assert problems[1] == (
        f"{pack / 'subprocessors' / PSEUDO / 'subprocessors.md.j2'}: missing (ropa's English has"
        " subprocessors/en/subprocessors.md.j2)"
    )
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1
    assert "message 'controller' in context 'workbook.sheet_names': unverified: the GDPR's own word" in warnings[0]
    assert done.stdout == "1 pack, 2 problems; 1 warnings\n"


def test_the_language_dependent_tests_pass_with_an_added_language(tmp_path: Path) -> None:
    """Whatever language is added (here the pseudo-language under a code ropa does not write), ropa's
    language-dependent tests still pass: none of them names the languages ropa writes."""
    added = unused_language()
    pack = build_pseudo_pack(tmp_path / "added", lang=added)
    files = ["tests/test_languages.py", "tests/law/test_wording.py", "tests/render/test_transfers_lang.py"]
    slow = "not test_the_rules_give_every_reason_of_the_templates_and_no_other"  # the rules, not the languages
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", "-p", "no:cacheprovider", "-k", slow, *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, words.LANGUAGES_VARIABLE: str(pack)},
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:]
    assert " passed" in done.stdout
