"""A pseudo-language `xx` built from ropa's English catalogue and templates: to test adding a language.

Every text of en.po is turned into the pseudo-language's own words — the letters outside placeholders
swap case and the text is marked «⟦…⟧» — so an output in `xx` shows which words came from its catalogue
(marked) and any English label left (unmarked, in its own case). The English template folders are
copied as `xx`. ropa reads both through its documented overrides, `ROPA_CATALOGUES` and `ROPA_TEMPLATES`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from string import Formatter

from babel.messages.pofile import read_po, write_po

from tests.conftest import ROOT

PSEUDO = "xx"
OPEN, CLOSE = "⟦", "⟧"
CATALOGUES = ROOT / "src" / "ropa" / "catalogues"
TEMPLATES = ROOT / "src" / "ropa" / "render" / "templates"
OUTPUTS_WITH_TEMPLATES = ("policy", "notice", "subprocessors")


def pseudo(text: str) -> str:
    """`text` in the pseudo-language: marked, its letters' case swapped, its placeholders kept."""
    parts = []
    for literal, field, spec, conversion in Formatter().parse(text):
        parts.append(literal.swapcase().replace("{", "{{").replace("}", "}}"))
        if field is not None:
            parts.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return OPEN + "".join(parts) + CLOSE


def build_pseudo_language(folder: Path, *, without: tuple[str, str] | None = None) -> tuple[Path, Path]:
    """Catalogues (ropa's own and `xx.po`) and templates (ropa's own and `xx` copies of `en`) under `folder`;
    `without` = (context, key) leaves that message out of `xx.po`. Returns the two folders."""
    catalogues, templates = folder / "catalogues", folder / "templates"
    shutil.copytree(CATALOGUES, catalogues)
    with (CATALOGUES / "en.po").open("rb") as stream:
        catalogue = read_po(stream)
    for message in list(catalogue):
        if not message.id:
            continue
        if without is not None and (message.context, message.id) == without:
            catalogue.delete(message.id, context=message.context)
        elif isinstance(message.string, str):
            message.string = pseudo(message.string)
    with (catalogues / f"{PSEUDO}.po").open("wb") as stream:
        write_po(stream, catalogue, width=0)
    path = catalogues / f"{PSEUDO}.po"
    written = path.read_text(encoding="utf-8")
    assert '"Language: en\\n"' in written
    path.write_text(written.replace('"Language: en\\n"', f'"Language: {PSEUDO}\\n"'), encoding="utf-8")
    shutil.copytree(TEMPLATES, templates)
    for output in OUTPUTS_WITH_TEMPLATES:
        shutil.copytree(templates / output / "en", templates / output / PSEUDO)
    return catalogues, templates
