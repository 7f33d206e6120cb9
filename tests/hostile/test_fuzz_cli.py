"""Fuzzing the command line: no value of an option, output path or template folder prints a traceback.

`ropa.cli.main` is called in-process with generated values; it must return 0, 1 or 2 (or exit 2 from
argparse) and never raise. Outputs go to a private folder (and to the special files `-o` refuses).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ropa.cli import main
from tests.conftest import MINIMAL

# Pieces of Jinja a hostile template is made of; joined in any order they reach deeper than random text.
SNIPPETS = [
    "---\ntitle: x\n---\n",
    "{{ ",
    " }}",
    "{% ",
    " %}",
    "{% for i in range(99999) %}",
    "{% endfor %}",
    "{% include 'ro/data-sharing.md.j2' %}",
    "{% include '../x' %}",
    "{% macro m() %}{{ m() }}{% endmacro %}",
    "{{ 1 / 0 }}",
    "{{ 'a' * 99999999 }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ controller.name | center(9999999) }}",
    "{{ '%s' % places }}",
    "{{ third_countries[0].grounds }}",
    "{{ recipient_groups | map(attribute='category') | join }}",
    "{{ nope }}",
    "{{ lang | yaml_string }}",
    "\xff",
    "{#",
    "#}",
    "\n",
]


@pytest.fixture(scope="module")
def work() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ropa-fuzz-cli-") as name:
        folder = Path(name)
        shutil.copy(MINIMAL, folder / "register.yaml")
        os.mkfifo(folder / "fifo")
        yield folder


def _run(arguments: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return main(arguments)
        except SystemExit as exit_:
            return int(exit_.code or 0)


values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2999-12-31", "3000-01-01", "9999-12-31", "0001-01-01", "2018-05-25", "20261125", "ro", "en"]),
)


@given(
    command=st.sampled_from(["validate", "transfers", "policy", "workbook", "check", "diff", "build"]),
    on=values,
    lang=values,
    output=st.one_of(
        st.text(st.characters(exclude_characters="/\x00"), min_size=1, max_size=20),
        st.sampled_from(["/dev/null", "register.yaml", "fifo", "."]),
    ),
    extra=st.sampled_from([[], ["--format", "json"], ["--format", "nope"], ["--quiet"]]),
)
@settings(max_examples=60)
def test_any_command_line_value_is_an_exit_code_not_a_traceback(
    work: Path, command: str, on: str, lang: str, output: str, extra: list[str]
) -> None:
    if "\x00" in on + lang:
        return  # no command line can carry a NUL byte
    register = str(work / "register.yaml")
    target = output if output.startswith("/") else str(work / "out" / output)
    (work / "out").mkdir(exist_ok=True)
    arguments = {
        "validate": ["validate", register],
        "transfers": ["transfers", register, "--on", on, "--lang", lang],
        "policy": ["policy", register, "--lang", lang, "-o", target],
        "workbook": ["workbook", register, "--on", on, "--lang", lang, "-o", target],
        "check": ["check", register, "--on", on],
        "diff": ["diff", register, register, "--on", on, "--lang", lang],
        "build": ["build", register, "--on", on, "-o", target],
    }[command]
    assert _run([*arguments, *extra]) in (0, 1, 2)
    assert Path("/dev/null").is_char_device()


@given(parts=st.lists(st.sampled_from(SNIPPETS), max_size=12), raw=st.binary(max_size=40))
@settings(max_examples=60)
def test_any_template_folder_is_an_exit_code_not_a_traceback(work: Path, parts: list[str], raw: bytes) -> None:
    folder = work / "templates"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "ro").mkdir(parents=True)
    (folder / "ro" / "data-sharing.md.j2").write_bytes("".join(parts).encode("utf-8", "surrogateescape") + raw)
    (folder / "ro" / "part.j2").write_bytes(raw)
    code = _run(["policy", str(work / "register.yaml"), "--templates", str(folder), "-o", str(work / "policy.md")])
    assert code in (0, 1)
