"""Hostile input: whatever a person (or an attacker) writes, ropa says what is wrong and exits 1.

Every case is a clear error located in the file, never a traceback, a hang, a memory blow-up or a
file half written. The corpus is `corpus/` (one file per case, expectations in `CORPUS` below);
cases that cannot be committed as files (a 64 MiB file, a folder, a device, a pipe, outputs that
cannot be written) are made in the tests.

The only timing and memory assertions of the suite are here, on hostile input, with generous
bounds (`SECONDS`, `MEBIBYTES`): they catch an alias bomb, a quadratic walk or an unbounded read,
which take minutes or gigabytes, not a slow machine. The time is the child's CPU time, not the
wall clock, so that a shared, busy machine does not turn a sound loader red. They run in a child process with a hard
timeout, so a regression fails the test instead of hanging the suite.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ropa.io import RegisterError, load, load_text
from ropa.io.parsing import MAX_BYTES
from tests.conftest import MINIMAL, ONEDU
from tests.helpers import MINIMAL_TEXT, run_ropa

HERE = Path(__file__).resolve().parent
CORPUS_FOLDER = HERE / "corpus"

# Each file of the corpus, and a fragment of the problem ropa must report for it.
CORPUS: dict[str, str] = {
    # Aliases and nesting: refused before anything expands them.
    "alias-bomb-lists.yaml": "aliases expand this 820-character document to 45,679,012,399 values and characters",
    "alias-bomb-mappings.yaml": "aliases expand this 880-character document",
    "alias-recursive-list.yaml": "refers to itself (a recursive alias)",
    "alias-recursive-mapping.yaml": "refers to itself (a recursive alias)",
    "alias-undefined.yaml": "found undefined alias",
    "nesting-flow-lists.yaml": "exceeded maximum nesting depth",
    "nesting-flow-mappings.yaml": "exceeded maximum nesting depth",
    "nesting-block.yaml": "nested too deeply (more than 64 levels)",
    "nesting-100-lists.yaml": "nested too deeply (more than 64 levels)",
    # Bytes that are not UTF-8 text, or characters YAML does not allow.
    "bytes-invalid-utf8.yaml": "is not UTF-8 text (byte 0xff at offset 122); save it as UTF-8",
    "bytes-latin1.yaml": "is not UTF-8 text (byte 0xe3",
    "bytes-utf16-le-bom.yaml": "is not UTF-8 text (byte 0xff at offset 0)",
    "bytes-utf16-be-no-bom.yaml": "unacceptable character #x0000",
    "bytes-truncated-utf8.yaml": "is not UTF-8 text (byte 0xc4",
    "bytes-binary-junk.yaml": "is not UTF-8 text",
    "bytes-nul.yaml": "unacceptable character #x0000",
    "bytes-control-character.yaml": "unacceptable character #x0007",
    "bytes-escaped-surrogate.yaml": "invalid Unicode character escape code",
    "bytes-bom-only.yaml": "the file is empty",
    # Documents that are not one mapping.
    "document-empty.yaml": "the file is empty; a register begins with `format: 1`",
    "document-whitespace.yaml": "the file is empty",
    "document-comments-only.yaml": "the file is empty",
    "document-null.yaml": "the file is empty",
    "document-scalar.yaml": "a register is a mapping of fields",
    "document-list.yaml": "a register is a mapping of fields",
    "document-two.yaml": "but found another document",
    "document-junk-after-end.yaml": "did not find expected <document start>",
    "document-yaml-2.yaml": "found incompatible YAML document",
    "document-tab-indent.yaml": "document-tab-indent.yaml:2:1: (file): a tab character: YAML indents with spaces",
    "document-tab-nested.yaml": "document-tab-nested.yaml:4:1: (file): a tab character: YAML indents with spaces",
    "document-tab-after-spaces.yaml": "document-tab-after-spaces.yaml:5:3: (file): a tab character: YAML indents",
    "document-unclosed-flow.yaml": "did not find expected ',' or ']'",
    # A key written twice: YAML keeps the last one silently, ropa refuses (a lost entry is lost data).
    "duplicate-top-level.yaml": "key 'languages' appears twice (first on line 2)",
    "duplicate-quoted-and-plain.yaml": "key 'format' appears twice",
    "duplicate-in-controller.yaml": "key 'name' appears twice (first on line 4)",
    "duplicate-activity-id.yaml": "key 'donations' appears twice (first on line 5)",
    "duplicate-language-in-text.yaml": "key 'ro' appears twice",
    "duplicate-via-merge-key.yaml": "a merge key (`<<:`) is not allowed: write the fields out in full",
    "duplicate-complex-key.yaml": "a key must be a plain value, not a list or mapping",
    # Tags: nothing is ever constructed from one, and no value is silently converted.
    "tag-python-object-apply.yaml": "python/object/apply:os.system' is not allowed: a register holds plain data only",
    "tag-python-object-new.yaml": "python/object/new:subprocess.Popen' is not allowed",
    "tag-python-name.yaml": "python/name:os.system' is not allowed",
    "tag-python-module.yaml": "python/module:os' is not allowed",
    "tag-custom-local.yaml": "the tag '!Ref' is not allowed",
    "tag-directive.yaml": "python/object:os.system' is not allowed",
    "tag-binary.yaml": "tag:yaml.org,2002:binary' is not allowed",
    "tag-set.yaml": "tag:yaml.org,2002:set' is not allowed",
    "tag-timestamp-invalid.yaml": "tag:yaml.org,2002:timestamp' is not allowed",
    "tag-bool-yes.yaml": "'yes'",  # YAML 1.1 would read True, ropa's `!!bool` False: refused
    "tag-null-on-text.yaml": "'office@exemplu.ro'",  # `!!null` would drop the address
    "tag-int-empty.yaml": "''",
    "tag-int-not-a-number.yaml": "'one'",
    "tag-float-not-a-number.yaml": "'call-me'",
    "tag-map-on-a-list.yaml": "expected a mapping",
    "tag-str-on-a-mapping.yaml": "expected a scalar node, but found mapping",
    # Numbers.
    "number-huge-int.yaml": "a number is too long to read (more than 4300 digits)",
    "number-huge-int-in-field.json": "a number is too long to read (more than 4300 digits)",
    "number-nan.json": "unknown format version nan",
    "number-infinity.json": "controller.phone: expected text, got the number -inf",
    "number-yaml-nan.yaml": "unknown format version nan",
    "number-format-true.yaml": "unknown format version True",
    "number-format-quoted.yaml": "unknown format version '1'",
    "number-format-missing.yaml": "missing `format: 1`",
    # JSON.
    "json-duplicate-key.json": "key 'name' appears twice in one object",
    "json-trailing-comma.json": "not valid JSON",
    "json-comment.json": "not valid JSON",
    "json-single-quotes.json": "not valid JSON",
    "json-empty.json": "not valid JSON",
    "json-two-documents.json": "not valid JSON: Extra data",
    "json-deep.json": "nested too deeply",
    "json-lone-surrogate.json": "surrogate",
    "json-array.json": "a register is a mapping of fields",
    "json-string.json": "a register is a mapping of fields",
    # Wrong types, in every kind of field.
    "type-list-for-text.yaml": "controller.name: input should be a valid string",
    "type-mapping-for-list.yaml": "languages: input should be a valid list",
    "type-number-for-text.yaml": "controller.name: expected text, got the number 1989: write it in quotes",
    "type-null-for-required.yaml": "controller.name: input should be a valid string",
    "type-bool-for-country.yaml": "controller.country: input should be a valid string, got True",
    "type-bool-for-id.yaml": "input should be a valid string, got True",
    "type-text-for-bool.yaml": "data_subjects.pupils.children: 'perhaps' is not a boolean: write true or false",
    "type-list-for-mapping.yaml": "controller: input should be a valid dictionary",
    "type-null-collection.yaml": "activities: input should be a valid dictionary",
    "type-scalar-for-text.yaml": "recipient_categories.banks: input should be a valid dictionary",
    # Wrong values.
    "value-missing-language.yaml": "recipient_categories.banks: missing the text in en",
    "value-empty-text.yaml": "recipient_categories.banks.ro: string should have at least 1 character",
    "value-bad-date.yaml": "updated: '2026-02-30' is not a date of the calendar (YYYY-MM-DD)",
    "value-bad-enum.yaml": "did you mean 'consent'?",
    "value-bad-id.yaml": "the key 'Donors And Friends' is not an id",
    "value-long-id.yaml": "should have at most 64 characters",
    "value-bad-country.yaml": "'XX' is not an ISO 3166-1 alpha-2 country code",
    "value-bad-duration.yaml": "'10 years' is not an ISO 8601 duration",
    "value-bad-url.yaml": "'javascript:alert(1)' is not a web address",
    "value-unknown-field.yaml": "colour: unknown field 'colour'",
    "value-dangling-reference.yaml": "activities.donations.purposes[0]: unknown purpose 'payments'",
    "value-languages-empty.yaml": "languages: list should have at least 1 item",
    "value-everything-wrong.yaml": "security_measures.m.point",
    # Values mean what the documentation says: booleans are true/false, dates ISO 8601 text within
    # 1900-03-01..2999-12-31, durations in ASCII digits (at most 5 to a number), format the integer 1.
    "value-bool-yes.yaml": "data_subjects.pupils.children: 'yes' is not a boolean: write true or false",
    "value-bool-on.yaml": "data_subjects.pupils.children: 'on' is not a boolean: write true or false",
    "value-bool-one.yaml": "data_subjects.pupils.children: 1 is not a boolean: write true or false",
    "value-bool-zero-float.yaml": "data_subjects.pupils.children: 0.0 is not a boolean: write true or false",
    "value-date-integer.yaml": "updated: 0 is not a date: write it as YYYY-MM-DD (ISO 8601)",
    "value-date-not-iso.yaml": "updated: '2026-1-5' is not a date: write it as YYYY-MM-DD",
    "value-date-before-1900-03-01.yaml": "updated: 1900-02-28 is outside the dates a register may hold, 1900-03-01",
    "value-date-year-9999.yaml": "updated: 9999-12-31 is outside the dates a register may hold",
    "value-duration-arabic-digits.yaml": "'P١٠Y' is not an ISO 8601 duration in years, months, weeks or days (e.g. `P10Y`, `P6M`), written with the digits 0-9",
    "value-duration-5000-digits.yaml": "at most 5 to a number",
    "json-format-float.json": "the format version is the whole number 1: write `format: 1`",
    # Text that deceives: bidi controls, invisible and control characters are refused, located.
    "text-bidi-override.yaml": "controller.name: U+202E (RIGHT-TO-LEFT OVERRIDE) at character 11",
    "text-bidi-isolate.yaml": "controller.name: U+2067 (RIGHT-TO-LEFT ISOLATE) at character 11",
    "text-bidi-in-json.json": "controller.name: U+202E (RIGHT-TO-LEFT OVERRIDE)",
    "text-zero-width-space.yaml": "controller.name: U+200B (ZERO WIDTH SPACE) at character 7",
    "text-escape-control.yaml": "controller.name: U+001B (a control or invisible character) at character 8",
    "text-c1-control.yaml": "controller.name: U+009B (a control or invisible character)",
    "text-bom-inside.yaml": "controller.name: U+FEFF (ZERO WIDTH NO-BREAK SPACE (byte-order mark))",
    "text-lone-zero-width-joiner.yaml": "U+200D (ZERO WIDTH JOINER) at character 18 joins nothing visible",
    # Messages that say what YAML did, not "a tag".
    "message-merge-key.yaml": "a merge key (`<<:`) is not allowed",
    "message-sexagesimal.yaml": "YAML 1.1 reads 1:20 as a number in base 60 (minutes:seconds): if it is a text (a phone number, a code, a time), write it in quotes: '1:20'",
    "message-octal-phone.yaml": "YAML 1.1 reads 0721123456 as a number in base 8 (121939758): if it is a text (a phone number, a code, a time), write it in quotes: '0721123456'",
}

SECONDS = 10.0
"""Generous bound on the time to refuse a hostile file (a sound loader takes well under a second)."""
MEBIBYTES = 300
"""Generous bound on the memory a hostile file may make the loader take, above the interpreter's."""
HARD_TIMEOUT = 90
"""A child still running after this long has hung: the test fails instead of waiting."""


def corpus_path(name: str) -> Path:
    return CORPUS_FOLDER / name


def test_the_corpus_and_its_expectations_agree() -> None:
    files = sorted(path.name for path in CORPUS_FOLDER.iterdir())
    assert files == sorted(CORPUS)
    assert len(files) >= 40


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_load_refuses_the_case_with_a_located_problem(name: str) -> None:
    path = corpus_path(name)
    with pytest.raises(RegisterError) as caught:
        load(path)
    assert CORPUS[name] in str(caught.value)
    assert caught.value.problems
    for problem in caught.value.problems:
        assert problem.file == str(path)
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message


def test_every_field_of_the_wrong_kind_is_reported_at_once() -> None:
    with pytest.raises(RegisterError) as caught:
        load(corpus_path("value-everything-wrong.yaml"))
    paths = {problem.path for problem in caught.value.problems}
    expected = {
        "languages",
        "controller.name",
        "controller.country",
        "controller.web",
        "controller.dpo",
        "data_subjects",
        "data_categories.health.special",
        "data_categories.health.criminal",
        "purposes.p.name",
        "purposes.p.legal_basis",
        "recipient_categories.c",
        "recipients.r.category",
        "recipients.r.role",
        "recipients.r.locations",
        "recipients.r.dpf_certified",
        "security_measures.m.point",
        "activities.a.purposes",
        "activities.a.dpia",
        "activities.a.occasional",
        "policy",
    }
    assert expected <= paths
    # Each problem is placed on its own line of the file, not at the start of the file.
    assert all(problem.line > 1 for problem in caught.value.problems if problem.path != "(file)")


def test_the_command_refuses_the_whole_corpus_without_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS_FOLDER, folder)
    before = sorted(folder.iterdir())
    result = run_ropa("validate", *sorted(folder.iterdir()))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    for name, fragment in CORPUS.items():
        lines = [line for line in result.stderr.splitlines() if line.startswith(f"{folder / name}:")]
        assert any(fragment in line for line in lines), (name, lines)
    assert sorted(folder.iterdir()) == before


# --- outputs: every command that writes refuses hostile input with nothing written ----------------

COMMANDS = {
    "validate": ("validate", "{register}"),
    "policy": ("policy", "{register}", "-o", "{out}/policy.md"),
    "workbook": ("workbook", "{register}", "--on", "2026-01-15", "-o", "{out}/record.xlsx"),
    "transfers": ("transfers", "{register}", "--on", "2026-01-15"),
    "check": ("check", "{register}", "--on", "2026-01-15"),
    "build": ("build", "{register}", "--on", "2026-01-15", "-o", "{out}/site"),
}
REPRESENTATIVE = [
    "alias-bomb-lists.yaml",
    "bytes-invalid-utf8.yaml",
    "duplicate-activity-id.yaml",
    "tag-python-object-apply.yaml",
    "tag-int-not-a-number.yaml",
    "json-lone-surrogate.json",
    "document-empty.yaml",
    "type-bool-for-id.yaml",
]


def _arguments(command: str, register: Path, out: Path) -> list[str]:
    return [part.format(register=register, out=out) for part in COMMANDS[command]]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_every_command_refuses_hostile_input_and_writes_nothing(tmp_path: Path, command: str, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run_ropa(*_arguments(command, corpus_path(name), out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert CORPUS[name] in result.stderr
    assert result.stdout == ""
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("command", ["policy", "workbook", "build"])
def test_an_existing_output_is_left_as_it_was_when_the_register_is_invalid(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = {"policy": out / "policy.md", "workbook": out / "record.xlsx", "build": out / "site"}[command]
    if command == "build":
        target.mkdir()
        (target / "policy-data-sharing.ro.md").write_text("the old policy\n", encoding="utf-8")
    else:
        target.write_text("the old output\n", encoding="utf-8")
    snapshot = _snapshot(out)
    result = run_ropa(*_arguments(command, corpus_path("duplicate-activity-id.yaml"), out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert _snapshot(out) == snapshot


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


def _unwritable(tmp_path: Path, kind: str, name: str) -> Path:
    """An output path that cannot be written: in a missing folder, a folder, or under a file."""
    if kind == "missing-folder":
        return tmp_path / "missing" / name
    if kind == "is-a-folder":
        (tmp_path / name).mkdir()
        return tmp_path / name
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    return tmp_path / "a-file" / name


@pytest.mark.parametrize("kind", ["missing-folder", "is-a-folder", "under-a-file"])
@pytest.mark.parametrize("command", ["policy", "workbook"])
def test_an_output_path_that_cannot_be_written_is_a_clear_error(tmp_path: Path, command: str, kind: str) -> None:
    target = _unwritable(tmp_path, kind, "policy.md" if command == "policy" else "record.xlsx")
    snapshot = _snapshot(tmp_path)
    extra = ["--on", "2026-01-15"] if command == "workbook" else []
    result = run_ropa(command, MINIMAL, *extra, "-o", target)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("ropa: cannot write ")
    # The message names the file the user asked for, not a temporary file beside it.
    assert f"cannot write {target}:" in result.stderr
    assert ".tmp" not in result.stderr
    assert _snapshot(tmp_path) == snapshot


def test_build_into_a_file_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("a file, not a folder\n", encoding="utf-8")
    result = run_ropa("build", MINIMAL, "--on", "2026-01-15", "-o", target)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(target) in result.stderr
    assert target.read_text(encoding="utf-8") == "a file, not a folder\n"


# --- atomic writes: a write that fails half-way leaves the old file, and no temporary file ---------


@pytest.mark.parametrize("command", ["policy", "workbook", "build"])
def test_a_disk_that_fills_up_half_way_leaves_the_old_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    from ropa.cli import main

    out = tmp_path / "out"
    out.mkdir()
    (out / "policy.md").write_text("the old policy\n", encoding="utf-8")
    (out / "record.xlsx").write_bytes(b"the old workbook")
    (out / "site").mkdir()
    (out / "site" / "policy-data-sharing.ro.md").write_text("the old site policy\n", encoding="utf-8")
    snapshot = _snapshot(out)
    calls: list[Path] = []
    write_bytes = Path.write_bytes

    def disk_full(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 2 or command != "build":  # build: fail on its second file
            write_bytes(self, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    fdopen = os.fdopen

    class FullDisk(io.BufferedWriter):
        def write(self, data: object) -> int:
            super().write(bytes(data)[: len(bytes(data)) // 2])  # type: ignore[call-overload]
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_file(descriptor: int, *arguments: object, **keywords: object) -> object:
        if "closefd" in keywords:  # a file `ropa.io.publish` stages
            calls.append(Path(str(descriptor)))
        if len(calls) == 2 and "closefd" in keywords:  # build: its second file fills the disk half way
            return FullDisk(io.FileIO(descriptor, "wb", closefd=bool(keywords.get("closefd", True))))
        return fdopen(descriptor, *arguments, **keywords)  # type: ignore[call-overload]

    if command == "build":
        monkeypatch.setattr(os, "fdopen", full_file)
    code = main(_arguments(command, ONEDU, out))
    monkeypatch.undo()
    assert calls  # the write was attempted, and failed
    assert code == 1
    assert _snapshot(out) == snapshot  # the old outputs, whole, and no temporary file left


# --- files that are not registers ----------------------------------------------------------------


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "register.yaml"
    folder.mkdir()
    with pytest.raises(RegisterError, match="is a folder, not a register file"):
        load(folder)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    # A missing file is a FileNotFoundError (and a ropa.RopaError), not an invalid register (issue 24).
    with pytest.raises(FileNotFoundError, match="cannot be read: No such file or directory"):
        load(tmp_path / "absent.yaml")


def test_a_file_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    if os.geteuid() == 0:
        # root reads a file whatever its mode: a symbolic link to itself cannot be read by anyone.
        path.symlink_to(path)
        expected = "cannot be read: Too many levels of symbolic links"
    else:
        path.write_text(MINIMAL_TEXT, encoding="utf-8")
        path.chmod(0)
        expected = "cannot be read: Permission denied"
    with pytest.raises(RegisterError, match=expected):
        load(path)


def test_a_path_through_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(RegisterError, match="cannot be read: Not a directory"):
        load(tmp_path / "a-file" / "register.yaml")


def test_an_unknown_file_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.txt"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    with pytest.raises(RegisterError, match=r"unknown file type '\.txt'"):
        load(path)


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    with path.open("wb") as stream:  # sparse: no disk is used, and nothing is read
        stream.write(MINIMAL_TEXT.encode())
        stream.truncate(MAX_BYTES + 1)
    outcome = _bounded(path)
    assert outcome.outcome == "RegisterError"
    assert f"a register file may be at most {MAX_BYTES:,} bytes" in outcome.message
    _assert_bounded(outcome)


def test_a_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    # Documented limit (`ropa.io.parsing.MAX_BYTES`): a file of exactly that size is still read.
    text = MINIMAL_TEXT + "#" * (MAX_BYTES - len(MINIMAL_TEXT.encode()) - 1) + "\n"
    path = tmp_path / "register.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size == MAX_BYTES
    assert load(path).controller.name == "Asociația Exemplu"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_named_like_a_register_is_refused_not_read_forever(tmp_path: Path, device: str) -> None:
    path = tmp_path / "register.yaml"
    path.symlink_to(device)
    outcome = _bounded(path)
    assert outcome.outcome == "RegisterError", outcome
    assert "not a regular file" in outcome.message
    _assert_bounded(outcome)


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    os.mkfifo(path)
    outcome = _bounded(path)
    assert outcome.outcome == "RegisterError", outcome
    assert "not a regular file" in outcome.message


# --- what is accepted ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path, suffix: str) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    if suffix == ".json":
        text = json.dumps({"format": 1, "languages": ["ro", "en"], "controller": {"name": "Exemplu", "country": "RO"}})
    plain, marked = tmp_path / f"plain{suffix}", tmp_path / f"marked{suffix}"
    plain.write_bytes(text.encode("utf-8"))
    marked.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load(marked) == load(plain)


def test_long_texts_load_whole_up_to_the_bound_and_are_refused_beyond(tmp_path: Path) -> None:
    from ropa.io.screening import MAX_TEXT_LENGTH

    name = "Asociația " + "ș" * (MAX_TEXT_LENGTH - len("Asociația "))
    path = tmp_path / "register.yaml"
    path.write_text(MINIMAL_TEXT.replace("Asociația Exemplu", name), encoding="utf-8")
    assert load(path).controller.name == name
    path.write_text(MINIMAL_TEXT.replace("Asociația Exemplu", name + "ș"), encoding="utf-8")
    with pytest.raises(
        RegisterError, match=r"controller.name: a text of 100,001 characters; a register allows at most 100,000"
    ):
        load(path)


def test_control_characters_written_as_yaml_escapes_are_refused() -> None:
    # YAML allows `\e` in a double-quoted string; a register text may not hold it (it would reach a
    # terminal or a page and act there): refused at load, located (issue 13).
    with pytest.raises(RegisterError, match=r"controller.name: U\+001B"):
        load_text(MINIMAL_TEXT.replace("name: Asociația Exemplu", 'name: "Exemplu\\e[31m"'))


def test_joiners_and_direction_marks_that_scripts_need_are_kept() -> None:
    persian = "می\u200cخواهم"  # ZWNJ inside a Persian word
    emoji = "👩\u200d💻"  # ZWJ sequence
    hebrew = "שלום\u200f ONedu"  # RIGHT-TO-LEFT MARK
    for name in (persian, emoji, hebrew):
        assert load_text(MINIMAL_TEXT.replace("Asociația Exemplu", f'"{name}"')).controller.name == name


# --- bounded time and memory ---------------------------------------------------------------------

_PROBE = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path

    def status(field):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
        return 0

    from ropa.io import RegisterError, load
    base = status("VmRSS")
    start = time.process_time()
    try:
        load(sys.argv[1])
        outcome, message, count = "loaded", "", 0
    except RegisterError as error:
        outcome, message, count = "RegisterError", str(error)[:2000], len(error.problems) + error.omitted
    except BaseException as error:
        outcome, message, count = type(error).__name__, str(error)[:2000], 0
    seconds = time.process_time() - start
    extra = (status("VmHWM") - base) / 2**20
    print(json.dumps({"outcome": outcome, "message": message, "problems": count, "seconds": seconds, "mebibytes": extra}))
    """
)


@dataclass(frozen=True)
class Outcome:
    """What loading a file in a child process did."""

    outcome: str
    """"loaded", "RegisterError", or the name of any other exception (a bug)."""
    message: str
    problems: int
    seconds: float
    """CPU seconds the child spent loading (process time: a busy machine does not inflate it)."""
    mebibytes: float
    """Peak memory above the interpreter's with ropa imported."""


def _bounded(path: Path) -> Outcome:
    """Load `path` in a child process; what happened, how long it took, how much memory it added.

    The child may use at most 4 GiB of address space (a blow-up ends in MemoryError, not in the
    machine swapping) and `HARD_TIMEOUT` seconds (a hang ends the test, not the suite).
    """

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))

    try:
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, str(path)],
            capture_output=True,
            text=True,
            timeout=HARD_TIMEOUT,
            preexec_fn=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"loading {path.name} did not finish in {HARD_TIMEOUT} s: it hangs")
    assert done.returncode == 0, done.stderr
    return Outcome(**json.loads(done.stdout))


def _assert_bounded(outcome: Outcome) -> None:
    assert outcome.seconds < SECONDS, f"took {outcome.seconds:.1f} s (bound {SECONDS} s)"
    assert outcome.mebibytes < MEBIBYTES, f"took {outcome.mebibytes:.0f} MiB more (bound {MEBIBYTES} MiB)"


@pytest.mark.parametrize("name", ["alias-bomb-lists.yaml", "alias-bomb-mappings.yaml"])
def test_an_alias_bomb_is_refused_fast_in_bounded_memory(name: str) -> None:
    outcome = _bounded(corpus_path(name))
    assert outcome.outcome == "RegisterError"
    assert CORPUS[name] in outcome.message
    _assert_bounded(outcome)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "register.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_aliases_below_the_value_limit_cannot_multiply_a_small_file_into_millions_of_problems(
    tmp_path: Path,
) -> None:
    # 16 KB: one activity naming the same purpose 1,000 times, repeated 1,000 times by an alias.
    # Below MAX_VALUES, yet each copy is 999 "listed twice" problems: a million, from 16 KB.
    purposes = ", ".join(["payments"] * 1000)
    text = MINIMAL_TEXT + "purposes: {payments: {name: {ro: plăți, en: payments}, legal_basis: contract}}\n"
    text += f"activities:\n  a0: &a {{name: {{ro: a, en: a}}, purposes: [{purposes}]}}\n"
    text += "".join(f"  a{index}: *a\n" for index in range(1, 1000))
    outcome = _bounded(_write(tmp_path, text))
    assert outcome.outcome == "RegisterError"
    _assert_bounded(outcome)


def test_aliases_cannot_multiply_a_long_text_into_every_activity(tmp_path: Path) -> None:
    # 250 KB of text named by 2,000 activities through one alias: 500 MB for the outputs to write.
    text = MINIMAL_TEXT.replace("[ro, en]", "[ro]")
    text += f"activities:\n  a0: {{name: &name {{ro: '{'lorem ipsum ' * 20_000}'}}}}\n"
    text += "".join(f"  a{index}: {{name: *name}}\n" for index in range(1, 2000))
    outcome = _bounded(_write(tmp_path, text))
    assert outcome.outcome == "RegisterError"
    assert "aliases" in outcome.message
    _assert_bounded(outcome)


def test_a_few_aliases_for_shared_texts_are_fine() -> None:
    # The ONedu register shares retention criteria between activities with anchors.
    assert "&criteria-products" in ONEDU.read_text(encoding="utf-8")
    assert len(load(ONEDU).activities) > 0


def test_a_hundred_thousand_wrong_values_in_one_list_are_one_problem_in_bounded_time(tmp_path: Path) -> None:
    # Beyond 50,000 items a list is refused whole (issue 13): one problem, not 100,000.
    text = MINIMAL_TEXT.replace("[ro, en]", "[" + ", ".join(["x"] * 100_000) + "]")
    outcome = _bounded(_write(tmp_path, text))
    assert outcome.outcome == "RegisterError"
    assert outcome.problems == 1
    assert "languages: holds 100,000 items; a register allows at most 50,000 in one list" in outcome.message
    _assert_bounded(outcome)


def test_forty_thousand_wrong_values_are_counted_and_the_first_thousand_listed(tmp_path: Path) -> None:
    text = MINIMAL_TEXT.replace("[ro, en]", "[" + ", ".join(["x"] * 40_000) + "]")
    outcome = _bounded(_write(tmp_path, text))
    assert outcome.outcome == "RegisterError"
    assert outcome.problems == 40_000
    _assert_bounded(outcome)
    with pytest.raises(RegisterError) as raised:
        load_text(text)
    assert len(raised.value.problems) == 1_000
    assert raised.value.omitted == 39_000
    assert str(raised.value).endswith("… and 39,000 more problems, not listed")


def _many(count: int, activity: str) -> Iterator[str]:
    for index in range(count):
        yield f"  a{index}: {activity.format(index=index)}\n"


def test_a_problem_in_each_of_20000_activities_is_located_in_bounded_time(tmp_path: Path) -> None:
    # Locating each problem must not walk the whole file again: 20,000 walks of 20,000 entries.
    text = MINIMAL_TEXT + "activities:\n" + "".join(_many(20_000, "{{name: 5}}"))
    outcome = _bounded(_write(tmp_path, text))
    assert outcome.outcome == "RegisterError"
    assert outcome.problems == 20_000
    assert ":6:8: activities.a1.name: input should be a valid dictionary" in outcome.message
    _assert_bounded(outcome)


def test_a_dangling_reference_in_each_of_4000_activities_is_reported_in_bounded_time(tmp_path: Path) -> None:
    # "Did you mean" must not compare every wrong id with every known one: 4,000 × 4,000.
    purposes = "".join(f"  p{index}: {{name: {{ro: p, en: p}}, legal_basis: consent}}\n" for index in range(4000))
    activities = "".join(_many(4000, "{{name: {{ro: a, en: a}}, purposes: [q{index}]}}"))
    text = MINIMAL_TEXT + "purposes:\n" + purposes + "activities:\n" + activities
    outcome = _bounded(_write(tmp_path, text))
    assert outcome.outcome == "RegisterError"
    assert outcome.problems == 4000
    _assert_bounded(outcome)
