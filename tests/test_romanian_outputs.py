"""Every Romanian output of every example speaks Romanian (issue 22): no register identifier (`scc`,
`derogation-49-1-b`, `intra-eea`) in a sentence, „Dispoziția" and never „Temeiul" for a provision, and a verdict
that is „nelegal", never „ilegal".

Each file `ropa build` writes in Romanian is read as a reader reads it: the workbook's cells (python-calamine),
the page's text (not its markup, whose classes are identifiers by design) with its findings, the Markdown as text.
Left out: the workbook's Register data sheet, which holds the register's own values for `ropa import` (like an ISO
date, for a machine) by design.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from ropa.io import load
from ropa.model import TransferMechanism
from ropa.render import workbook_labels as labels
from tests.conftest import EXAMPLES
from tests.helpers import run_ropa

ON = "2026-11-25"
ROMANIAN = sorted(path.parent.name for path in EXAMPLES.glob("*/register.yaml") if "ro" in load(path).languages)
IDENTIFIERS = re.compile(
    r"\b(?:intra-eea|" + "|".join(re.escape(m.value) for m in sorted(TransferMechanism, key=len, reverse=True)) + r")\b"
)
# „Temeiul" is the legal basis (of a processing, of a transfer): never the name of a column of provisions.
PROVISION_AS_TEMEIUL = re.compile(r"^Temeiul(?:\n| în art| citat|$)")
# A verdict stands alone or opens a verdict's text: „ilegal" / „ilegal: …". The GDPR's own „prelucrate ilegal"
# (Art. 17(1)(d)) and „neautorizate sau ilegale" (Art. 5(1)(f)) are the official text, not verdicts.
ILLEGAL_VERDICT = re.compile(r"^ilegal(?::|$)")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.skipping = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "script"}:
            self.skipping += 1
        elif self.skipping:
            self.skipping += tag not in {"br", "img", "input", "meta", "link", "hr", "wbr"}

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.texts.append(data.strip())


def texts(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for each text a reader of `path` reads."""
    if path.suffix == ".xlsx":
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            if name == labels.SHEET_NAMES["data"]["ro"]:
                continue
            for row_number, row in enumerate(book.get_sheet_by_name(name).to_python(), start=1):
                for value in row:
                    if isinstance(value, str):
                        yield f"{path.name}!{name}!{row_number}", value
    elif path.suffix == ".html":
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        yield from ((path.name, text) for text in parser.texts)
    else:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            yield f"{path.name}:{number}", line.strip().lstrip("-*|# ").strip()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    built: dict[str, list[Path]] = {}
    for name in ROMANIAN:
        folder = tmp_path_factory.mktemp(name)
        result = run_ropa("build", EXAMPLES / name / "register.yaml", "--on", ON, "-o", folder, "-q")
        assert result.returncode == 0, result.stderr
        built[name] = sorted(path for path in folder.iterdir() if ".ro." in path.name)
    return built


def offences(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        for where, text in texts(path):
            found += [f"{where}: identifier {m.group(0)!r} in {text!r}" for m in IDENTIFIERS.finditer(text)]
            for line in text.splitlines() or [text]:
                if PROVISION_AS_TEMEIUL.search(line):
                    found.append(f"{where}: „Temeiul” for a provision: {text!r}")
                if ILLEGAL_VERDICT.search(line):
                    found.append(f"{where}: verdict „ilegal”: {text!r}")
    return found


def test_the_romanian_examples_are_built() -> None:
    assert {"clinic", "minimal", "onedu"} <= set(ROMANIAN)


@pytest.mark.parametrize("name", ROMANIAN)
def test_no_english_identifier_no_temeiul_for_a_provision_no_ilegal_verdict(
    outputs: dict[str, list[Path]], name: str
) -> None:
    paths = outputs[name]
    assert {path.suffix for path in paths} >= {".md", ".html", ".xlsx"}
    assert offences(paths) == []


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    # The same reading on text that has each fault: the test can fail.
    page = tmp_path / "record.ro.html"
    page.write_text(
        "<table><tr><th>Temeiul în art. 30</th></tr><tr><td>ilegal: niciun temei</td><td>păstrate: scc.</td></tr>"
        '</table><section id="findings"><p>declare a fallback such as `scc`</p></section>',
        encoding="utf-8",
    )
    notice = tmp_path / "notice.ro.md"
    notice.write_text(
        "- derogarea derogation-49-1-b, în SEE (intra-eea)\n- datele au fost prelucrate ilegal;\n", "utf-8"
    )
    found = offences([page, notice])
    assert len(found) == 6
    assert [line for line in found if "fallback" in line]  # the findings are read too
    assert not [line for line in found if "prelucrate ilegal" in line]
