"""The words ropa writes, one gettext catalogue per language: `ropa/catalogues/<lang>.po`.

Every label, heading, sentence and legal reference an output carries is a message of the catalogues:
`msgctxt` names the table (`workbook.headers`), `msgid` is a stable key (`activities.name`), `msgstr` the
text in that language, with `{name}` placeholders (python-brace-format). English is a catalogue like any
other. The languages ropa writes are the catalogues present; adding `<lang>.po` (and the template folders)
adds a language (docs/languages.md).

A catalogue is read with Babel on first use, once per language, never when `ropa` or `ropa.model` is
imported. A missing message is an error naming the catalogue, the context and the key: there is no
silent fallback to English.

`ROPA_CATALOGUES` names another folder of catalogues to read instead of ropa's own (for a translation
in progress, and for the tests' pseudo-language). This module imports no other part of ropa.

    python -m ropa.words check     # every catalogue against en.po: same messages, same placeholders
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Formatter

from ropa.errors import CatalogueError

__all__ = [
    "CATALOGUES_VARIABLE",
    "MissingWording",
    "by_language",
    "catalogue_folder",
    "catalogue_problems",
    "forms",
    "languages",
    "messages",
    "table",
    "text",
]

CATALOGUES_VARIABLE = "ROPA_CATALOGUES"
"""The environment variable naming a folder of catalogues to read instead of ropa's own."""


class MissingWording(CatalogueError):
    """A message a catalogue lacks (or a language ropa has no catalogue for)."""


def catalogue_folder() -> Path:
    """The folder of the catalogues: `$ROPA_CATALOGUES` if set, else the package's own."""
    chosen = os.environ.get(CATALOGUES_VARIABLE)
    return Path(chosen) if chosen else Path(str(files("ropa") / "catalogues"))


def languages() -> tuple[str, ...]:
    """The languages ropa writes: one per catalogue present, in alphabetical order."""
    return tuple(sorted(path.stem for path in catalogue_folder().glob("*.po")))


@cache
def _read(path: Path) -> dict[tuple[str, str], str]:
    from babel.messages.pofile import read_po

    with path.open("rb") as stream:
        catalogue = read_po(stream, abort_invalid=True)
    found: dict[tuple[str, str], str] = {}
    for message in catalogue:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str):
            found[(message.context or "", message.id)] = message.string
    return found


def _path(lang: str) -> Path:
    return catalogue_folder() / f"{lang}.po"


def messages(lang: str) -> Mapping[tuple[str, str], str]:
    """Every message of `lang`'s catalogue: (context, key) -> text."""
    path = _path(lang)
    try:
        return _read(path)
    except FileNotFoundError:
        raise MissingWording(
            f"ropa has no catalogue for {lang!r} ({path}); it writes {', '.join(languages())}"
        ) from None


def text(lang: str, context: str, key: str) -> str:
    """The text of message `key` of `context` in `lang`; an error naming catalogue, context and key if absent."""
    found = messages(lang).get((context, key))
    if not found:
        raise MissingWording(f"{_path(lang)}: no message {key!r} in context {context!r}")
    return found


def table(context: str, *, keys: Sequence[str] | None = None) -> dict[str, dict[str, str]]:
    """Every message of `context` (or just `keys`), each in every language: key -> language -> text.

    The keys are English's (every catalogue has the same); a language lacking one is an error."""
    if keys is None:
        keys = [key for (found_context, key) in messages("en") if found_context == context]
        if not keys:
            raise MissingWording(f"{_path('en')}: no message in context {context!r}")
    written = languages()
    return {key: {lang: text(lang, context, key) for lang in written} for key in keys}


def by_language(context: str) -> dict[str, dict[str, str]]:
    """Every message of `context` by language: language -> key -> text (the transpose of `table`)."""
    found = table(context)
    return {lang: {key: texts[lang] for key, texts in found.items()} for lang in languages()}


def forms(lang: str, context: str, key: str) -> tuple[str, str, str]:
    """A word counted: (one, several, several from 20 on), messages `key.one`, `key.several`, `key.many`.

    Romanian puts "de" before a count from 20 on ("20 de transferuri"); English repeats the plural."""
    one, several, many = (text(lang, context, f"{key}.{form}") for form in ("one", "several", "many"))
    return one, several, many


def _placeholders(template: str) -> frozenset[str]:
    try:
        return frozenset(name for _, name, _, _ in Formatter().parse(template) if name is not None)
    except ValueError:
        return frozenset({"<malformed>"})


def catalogue_problems() -> list[str]:
    """What is wrong with the catalogues, measured against en.po: missing or extra messages, empty texts,
    placeholders English does not have, and cedilla ş ţ where Romanian writes comma-below ș ț.

    A translation may leave out a placeholder its grammar does not need (Romanian "necesită" does not
    agree in number, so its transfers summary has no `{need}`); one English lacks could not be filled."""
    english = messages("en")
    problems: list[str] = []
    for lang in languages():
        found = messages(lang)
        path = _path(lang)
        for context, key in sorted(english.keys() - found.keys()):
            problems.append(f"{path}: no message {key!r} in context {context!r}")
        for context, key in sorted(found.keys() - english.keys()):
            problems.append(f"{path}: message {key!r} in context {context!r} is not in en.po")
        for (context, key), wording in sorted(found.items()):
            if not wording.strip():
                problems.append(f"{path}: message {key!r} in context {context!r} is empty")
            elif (context, key) in english and not _placeholders(wording) <= _placeholders(english[(context, key)]):
                problems.append(f"{path}: message {key!r} in context {context!r} has other placeholders than en.po")
            if found.get(("typography", "comma-below")) == "yes" and any(letter in wording for letter in "şţŞŢ"):
                problems.append(f"{path}: message {key!r} in context {context!r} writes ş or ţ (comma-below ș ț)")
    return problems


def _main(arguments: Sequence[str]) -> int:
    if list(arguments) != ["check"]:
        print("usage: python -m ropa.words check", file=sys.stderr)
        return 2
    problems = catalogue_problems()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(languages())} catalogues, {len(problems)} problems: {', '.join(languages())}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
