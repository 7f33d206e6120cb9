"""A pseudo-language `xx` built from ropa's English as a language pack: to test adding a language.

Every text of en.po is turned into the pseudo-language's own words — the letters outside placeholders
swap case and the text is marked «⟦…⟧» — so an output in `xx` shows which words came from its catalogue
(marked) and any English label left (unmarked, in its own case). The English template folders are
copied as `xx`. The pack is a folder outside ropa (docs/languages.md): `xx.po` and
`notice/xx/`, `policy/xx/`, `subprocessors/xx/`; ropa finds it in `ROPA_LANGUAGES`, or beside a register
in `languages/xx/`.

    python -m tests.pseudo_language FOLDER    # writes the pack into FOLDER (e.g. to try a build by hand)
"""

from __future__ import annotations

import shutil
import sys
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


def build_pseudo_pack(folder: Path, *, without: tuple[str, str] | None = None, lang: str = PSEUDO) -> Path:
    """The pseudo-language's pack in `folder` (made): `<lang>.po` from en.po, and `<output>/<lang>/` copies of
    ropa's English templates. `without` = (context, key) leaves that message out. Returns `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    with (CATALOGUES / "en.po").open("rb") as stream:
        catalogue = read_po(stream)
    for message in list(catalogue):
        if not message.id:
            continue
        if without is not None and (message.context, message.id) == without:
            catalogue.delete(message.id, context=message.context)
        elif isinstance(message.string, str):
            message.string = pseudo(message.string)
    path = folder / f"{lang}.po"
    with path.open("wb") as stream:
        write_po(stream, catalogue, width=0)
    written = path.read_text(encoding="utf-8")
    assert '"Language: en\\n"' in written
    path.write_text(written.replace('"Language: en\\n"', f'"Language: {lang}\\n"'), encoding="utf-8")
    for output in OUTPUTS_WITH_TEMPLATES:
        shutil.copytree(TEMPLATES / output / "en", folder / output / lang)
    return folder


if __name__ == "__main__":
    build_pseudo_pack(Path(sys.argv[1]))
