"""A register's languages: each works end to end, or the register is refused at load, located, exit 1.

ropa writes its own languages, `WRITTEN_LANGUAGES` (one per gettext catalogue of wording,
`src/ropa/catalogues/<lang>.po`, read by `ropa.words`), and those the language packs found add. Adding a
language is a pack: one catalogue plus its template folders outside ropa (docs/languages.md). The
catalogues are checked against en.po here, and a pseudo-language built from English is added as a pack and
taken through every command. No test names the languages ropa writes: an unwritten one is computed.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ropa import words
from ropa.law.sentences import LANGUAGES as VERDICT_LANGUAGES
from ropa.model.base import WRITTEN_LANGUAGES
from ropa.render import workbook_labels as labels
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import cannot_write, run_ropa, unused_language, write
from tests.pseudo_language import CATALOGUES, OUTPUTS_WITH_TEMPLATES, PSEUDO, TEMPLATES, build_pseudo_pack

UNWRITTEN = unused_language()
UNWRITTEN_REGISTER = f"""\
format: 1
languages: [{UNWRITTEN}, en]
controller: {{name: Beispiel GmbH, country: DE}}
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
    register = write(tmp_path, "register.yaml", UNWRITTEN_REGISTER)
    arguments = [part.replace("REGISTER", str(register)).replace("OUT", str(tmp_path)) for part in command]
    done = run_ropa(*arguments)
    assert done.returncode == 1, done.stderr
    assert f"{register}:2:13: languages[0]: {cannot_write(UNWRITTEN)}" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["register.yaml"]  # nothing written


def test_every_written_language_works_end_to_end(tmp_path: Path) -> None:
    for language in words.languages():
        text = f"format: 1\nlanguages: [{language}]\ncontroller: {{name: Example, country: DE}}\n"
        register = write(tmp_path, f"{language}.yaml", text)
        done = run_ropa("build", register, "-o", tmp_path / language, "--on", "2026-11-25")
        assert done.returncode == 0, done.stderr
        assert (tmp_path / language / f"article-30-record.{language}.xlsx").is_file()


# --- the catalogues ----------------------------------------------------------------------------------


def test_the_languages_ropa_writes_are_its_catalogues_and_each_has_its_templates() -> None:
    written = tuple(sorted(path.stem for path in CATALOGUES.glob("*.po")))
    assert written == WRITTEN_LANGUAGES == words.own_languages()
    assert set(written) >= {"en", "ro"}
    # The language packs found (`ROPA_LANGUAGES`, entry points) add to them, everywhere alike.
    added = tuple(pack.language for pack in words.packs())
    assert words.languages() == VERDICT_LANGUAGES == labels.LANGUAGES == tuple(sorted(written + added))
    for output in OUTPUTS_WITH_TEMPLATES:
        assert {path.name for path in (TEMPLATES / output).iterdir() if path.is_dir()} == set(written), output


def test_every_catalogue_has_the_messages_and_placeholders_of_english_and_no_empty_text() -> None:
    assert words.catalogue_problems() == []
    assert len(words.messages("en")) > 500


@pytest.mark.parametrize("lang", WRITTEN_LANGUAGES)
def test_every_catalogue_has_a_proper_header_and_marks_its_placeholders(lang: str) -> None:
    path = CATALOGUES / f"{lang}.po"
    text = path.read_text(encoding="utf-8")
    assert f'"Language: {lang}\\n"' in text
    assert '"Content-Type: text/plain; charset=utf-8\\n"' in text
    assert '"Plural-Forms: nplurals=' in text
    # Babel keeps the flag only where the msgid itself has braces; ids here are keys, so read the file's entries.
    for entry in (entry for entry in text.split("\n\n")[1:] if "msgstr" in entry):
        wording = entry.split('\nmsgstr "', 1)[1]
        if re.search(r"\{[a-z_]+\}", wording):
            assert "#, python-brace-format" in entry, entry
        assert entry.startswith(("msgctxt ", "#")), f"{lang}.po: an entry without a msgctxt naming its table: {entry}"


def test_romanian_writes_comma_below_s_and_t_only() -> None:
    romanian = " ".join(words.messages("ro").values())
    assert not set(romanian) & set("şţŞŢ")
    assert set(romanian) & set("șț")


def test_the_check_command_finds_what_a_catalogue_gets_wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done = run_ropa_module("check")
    assert done.returncode == 0, done.stderr
    assert f"{len(words.languages())} catalogues, 0 problems" in done.stdout
    folder = tmp_path / "catalogues"
    shutil.copytree(CATALOGUES, folder)
    romanian = (folder / "ro.po").read_text(encoding="utf-8")
    romanian = romanian.replace('msgstr "Operatorul"', 'msgstr "Operatorul ş"')
    romanian = romanian.replace('msgstr "Transferuri în afara SEE la data de {days}"', 'msgstr "Transferuri {day}"')
    romanian = romanian.replace(
        'msgctxt "page"\nmsgid "contents"\nmsgstr "Cuprins"', 'msgctxt "page"\nmsgid "contents"\nmsgstr ""'
    )
    romanian = romanian.replace('msgctxt "workbook.footer"\nmsgid "page"\nmsgstr "Pagina &P din &N"\n', "")
    (folder / "ro.po").write_text(romanian, encoding="utf-8")
    monkeypatch.setenv(words.CATALOGUES_VARIABLE, str(folder))
    problems = "\n".join(words.catalogue_problems())
    ro = folder / "ro.po"
    assert f"{ro}: no message 'page' in context 'workbook.footer'" in problems
    # Each located to its msgstr's line (the message in context `workbook.sheet_names` is the catalogue's first).
    assert (
        f"{ro}:15: message 'controller' in context 'workbook.sheet_names' writes ş or ţ (comma-below ș ț)" in problems
    )
    assert re.search(rf"{re.escape(str(ro))}:\d+: message 'title' in context 'transfers.report' has other pl", problems)
    assert re.search(rf"{re.escape(str(ro))}:\d+: message 'contents' in context 'page' is empty", problems)
    done = run_ropa_module("check")
    assert done.returncode == 1
    assert f"{ro}: no message 'page' in context 'workbook.footer'" in done.stderr
    # A catalogue with a placeholder English lacks is refused whole, at its line, before any message is used.
    with pytest.raises(
        words.CatalogueError, match=r"ro\.po:\d+: message 'title' in context 'transfers\.report': \{day\}"
    ):
        words.text("ro", "workbook.footer", "page")


def run_ropa_module(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ropa.words", *arguments], capture_output=True, text=True, encoding="utf-8", check=False
    )


# --- adding a language: a pseudo-language through every command ---------------------------------------


def _unmarked(text: str) -> str:
    """`text` without the pseudo-language's marked words «⟦…⟧» (which may hold others)."""
    previous = None
    while previous != text:
        previous, text = text, re.sub("⟦[^⟦⟧]*⟧", "", text)
    return text


def _english_left(text: str, register: str) -> list[str]:
    """The English catalogue texts (labels, sentences) found in `text` outside the pseudo-language's words
    and the register's own texts."""
    english = {wording for wording in words.messages("en").values() if len(wording) >= 8 and "{" not in wording}
    rest = _unmarked(text)
    english = {wording for wording in english if wording not in register}
    return sorted(wording for wording in english if wording in rest)


@pytest.fixture
def pseudo_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The software company's register, written in the pseudo-language, its pack named in `ROPA_LANGUAGES`."""
    pack = build_pseudo_pack(tmp_path / "language")
    monkeypatch.setenv(words.LANGUAGES_VARIABLE, str(pack))
    text = (EXAMPLES / "software-company" / "register.yaml").read_text(encoding="utf-8")
    assert "languages: [en]\n" in text
    text = re.sub(r"([{ ,])en: ", rf"\1{PSEUDO}: ", text.replace("languages: [en]\n", f"languages: [{PSEUDO}]\n"))
    return write(tmp_path, "register.yaml", text)


def test_a_new_language_is_a_pack_of_one_catalogue_and_its_template_folders(
    pseudo_register: Path, tmp_path: Path
) -> None:
    on = ("--on", "2026-11-25")
    assert run_ropa("validate", pseudo_register).returncode == 0
    done = run_ropa("check", pseudo_register, *on)
    assert done.returncode == 0, done.stderr
    text = run_ropa("transfers", pseudo_register, "--lang", PSEUDO, *on)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("⟦tRANSFERS OUTSIDE THE eea ON 2026-11-25⟧")
    as_json = run_ropa("transfers", pseudo_register, "--lang", PSEUDO, "--format", "json", *on)
    assert as_json.returncode == 0, as_json.stderr
    reasons = [reason for transfer in json.loads(as_json.stdout) for reason in transfer["reasons"]]
    assert reasons
    assert all(reason.startswith("⟦") for reason in reasons)
    diff = run_ropa("diff", pseudo_register, pseudo_register, *on)
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.startswith("# ⟦cHANGES TO THE REGISTER⟧")
    out = tmp_path / "site"
    done = run_ropa("build", pseudo_register, "-o", out, *on)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    workbook = load_workbook(out / f"article-30-record.{PSEUDO}.xlsx")
    assert workbook.sheetnames[0] == "⟦cONTROLLER⟧"
    cells = "\n".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value)
    assert "⟦aRT. 30(1)(B)⟧" in cells
    page = (out / f"record.{PSEUDO}.html").read_text(encoding="utf-8")
    assert "⟦dATA MAP⟧" in page
    for name, output in [("transfers", text.stdout), ("diff", diff.stdout), ("workbook", cells), ("page", page)]:
        assert _english_left(output, pseudo_register.read_text(encoding="utf-8")) == [], name
    # The notice, the policy and the sub-processors' list are the copied English templates, filled with its words.
    policy = (out / f"policy-data-sharing.{PSEUDO}.md").read_text(encoding="utf-8")
    assert "⟦STANDARD CONTRACTUAL CLAUSES ADOPTED BY THE cOMMISSION⟧" in policy
    notices = "".join(path.read_text(encoding="utf-8") for path in out.glob(f"notice-*.{PSEUDO}.md"))
    assert "⟦" in notices
    assert "⟦" in (out / f"subprocessors.{PSEUDO}.md").read_text(encoding="utf-8")


def test_a_message_missing_from_the_pack_is_named_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = build_pseudo_pack(tmp_path / "language", without=("workbook.sheet_names", "fiches"))
    monkeypatch.setenv(words.LANGUAGES_VARIABLE, str(pack))
    register = write(
        tmp_path, "register.yaml", f"format: 1\nlanguages: [{PSEUDO}]\ncontroller: {{name: X, country: DE}}\n"
    )
    out = tmp_path / "site"
    done = run_ropa("build", register, "-o", out, "--on", "2026-11-25")
    assert done.returncode == 1
    assert f"ropa: {pack / PSEUDO}.po: no message 'fiches' in context 'workbook.sheet_names'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_a_diff_is_worded_only_in_a_language_both_registers_are_written_in() -> None:
    english_only, both = EXAMPLES / "software-company" / "register.yaml", EXAMPLES / "minimal" / "register.yaml"
    done = run_ropa("diff", "--lang", "ro", english_only, both, "--on", "2026-11-25")
    assert done.returncode == 2
    assert "--lang 'ro': the register is written in en" in done.stderr
    assert "Traceback" not in done.stderr
    assert run_ropa("diff", english_only, both, "--on", "2026-11-25").returncode == 0


def test_the_words_import_no_other_part_of_ropa_and_validate_reads_no_catalogue() -> None:
    tree = ast.parse((ROOT / "src" / "ropa" / "words.py").read_text(encoding="utf-8"))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    # Only the exception root and the finding of language packs, which import nothing more of ropa (issue 24).
    assert sorted({module for module in imported if module.split(".")[0] == "ropa"}) == [
        "ropa.errors",
        "ropa.language_packs",
    ]
    code = (
        "import sys, ropa, ropa.model; from ropa.cli import main; main(['validate', '-q', sys.argv[1]]);"
        " words = sys.modules.get('ropa.words');"
        " print('babel' in sys.modules, words._read.cache_info().currsize if words else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLES / "onedu" / "register.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False 0"  # Babel not even imported, no catalogue read


def test_a_message_or_a_catalogue_ropa_lacks_is_an_error_naming_it_never_english() -> None:
    assert words.text("ro", "workbook.sheet_names", "controller") == "Operatorul"
    with pytest.raises(words.MissingWording, match=r"en\.po: no message 'nothing' in context 'workbook\.sheet_names'"):
        words.text("en", "workbook.sheet_names", "nothing")
    written = re.escape(", ".join(words.languages()))
    with pytest.raises(
        words.MissingWording,
        match=rf"ropa has no catalogue for '{UNWRITTEN}' \(.*{UNWRITTEN}\.po\); it writes {written}$",
    ):
        words.text(UNWRITTEN, "workbook.sheet_names", "controller")
