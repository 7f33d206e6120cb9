"""The words ropa writes, one gettext catalogue per language: `ropa/catalogues/<lang>.po`, and a language
pack's (`ropa.language_packs`).

Every label, heading, sentence and legal reference an output carries is a message of the catalogues:
`msgctxt` names the table (`workbook.headers`), `msgid` is a stable key (`activities.name`), `msgstr` the
text in that language, with `{name}` placeholders (python-brace-format). English is a catalogue like any
other. The languages ropa writes are its own catalogues and those of the language packs found: a pack
(a folder with `<lang>.po` and its template folders) adds a language without touching ropa
(docs/languages.md).

A catalogue is read with Babel on first use, once per language, never when `ropa` or `ropa.model` is
imported. A missing message is an error naming the catalogue, the context and the key: there is no
silent fallback to English.

`ROPA_CATALOGUES` names another folder of catalogues to read instead of ropa's own (kept for translations
begun that way; a pack is the way to add a language). This module imports no other part of ropa but its
exceptions and its language packs.

    python -m ropa.words check            # ropa's catalogues and the packs found, against en.po
    python -m ropa.words check PACK...    # these packs: messages, placeholders, templates, untranslated
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Formatter
from typing import NamedTuple

from ropa.errors import CatalogueError
from ropa.language_packs import BESIDE_REGISTER, ENTRY_POINT_GROUP, LANGUAGES_VARIABLE, Pack, beside, read, start
from ropa.language_packs import clear_cache as _forget_packs
from ropa.language_packs import packs as _packs_found
from ropa.language_packs import template_problems as _template_problems

__all__ = [
    "BESIDE_REGISTER",
    "CATALOGUES_VARIABLE",
    "ENTRY_POINT_GROUP",
    "LANGUAGES_VARIABLE",
    "MAX_CATALOGUE_BYTES",
    "SAME_AS_ENGLISH",
    "UNVERIFIED",
    "CatalogueError",
    "MissingWording",
    "Pack",
    "beside",
    "by_language",
    "catalogue_folder",
    "catalogue_problems",
    "clear_cache",
    "counted",
    "forms",
    "languages",
    "messages",
    "own_languages",
    "pack",
    "pack_problems",
    "packs",
    "plural_form",
    "table",
    "text",
]

CATALOGUES_VARIABLE = "ROPA_CATALOGUES"
"""The environment variable naming a folder of catalogues to read instead of ropa's own."""


MAX_CATALOGUE_BYTES = 8 << 20
"""The largest catalogue ropa reads (ropa's own are about 100 kB): a planted huge file is not read whole."""


class MissingWording(CatalogueError):
    """A message a catalogue lacks (or a language ropa has no catalogue for)."""


def catalogue_folder() -> Path:
    """The folder of the catalogues: `$ROPA_CATALOGUES` if set, else the package's own."""
    chosen = os.environ.get(CATALOGUES_VARIABLE)
    return Path(chosen) if chosen else Path(str(files("ropa") / "catalogues"))


def own_languages() -> tuple[str, ...]:
    """ropa's own languages: one per catalogue in its folder, in alphabetical order."""
    return tuple(sorted(path.stem for path in catalogue_folder().glob("*.po")))


def packs() -> tuple[Pack, ...]:
    """The language packs found (`ROPA_LANGUAGES`, installed packages' entry points), by language.
    Raises `CatalogueError` naming a folder that is not a pack, or a pack that would replace ropa's own."""
    return _packs_found(own_languages())


def pack(lang: str) -> Pack | None:
    """The language pack that brings `lang`, or None (ropa's own language, or no such language)."""
    return next((found for found in packs() if found.language == lang), None)


def languages() -> tuple[str, ...]:
    """The languages ropa writes: its own and those the language packs add, in alphabetical order."""
    return tuple(sorted((*own_languages(), *(found.language for found in packs()))))


@cache
def _read(path: Path) -> dict[tuple[str, str], str]:
    """The messages of the catalogue at `path`, each checked against ropa's own English message."""
    english = _parse(_own_english())
    found: dict[tuple[str, str], str] = {}
    for (context, key), (wording, line, _, _) in _parse(path).items():
        allowed = _placeholders(english[(context, key)][0]) if (context, key) in english else frozenset()
        problem = _placeholder_problem(wording, allowed)
        if problem is not None:
            raise CatalogueError(f"{path}:{line}: message {key!r} in context {context!r}: {problem}")
        found[(context, key)] = wording
    return found


def clear_cache() -> None:
    """Forget the catalogues read and the packs found (after a catalogue or a pack changed)."""
    _read.cache_clear()
    _parse.cache_clear()
    _plural_rule.cache_clear()
    _forget_packs()


def _own_english() -> Path:
    return Path(str(files("ropa") / "catalogues" / "en.po"))


# A line of a gettext catalogue: blank, a comment, a keyword and a whole string, or a string continued.
_STRING = r'"(?:[^"\\\n]|\\.)*"'
_LINE = re.compile(rf"\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_STRING}|{_STRING})?\s*")
_STRING_BEGUN = re.compile(r'\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"')


class _Entry(NamedTuple):
    text: str
    line: int  # of its msgstr
    flags: frozenset[str]  # `#, same-as-english`
    notes: tuple[str, ...]  # the translator's comments, `#. unverified: …`


@cache
def _parse(path: Path) -> dict[tuple[str, str], _Entry]:
    """(context, key) -> its entry: read bounded, as UTF-8, every line checked first."""
    from babel.messages.pofile import PoFileError, read_po

    text = _decoded(path, _bytes(path))
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if not _LINE.fullmatch(line):
            what = "an unterminated string" if _STRING_BEGUN.match(line) else "not a line of a gettext catalogue"
            raise CatalogueError(f"{path}:{number}: {what}: {line[:60]!r}")
    try:
        catalogue = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as error:
        raise CatalogueError(f"{path}:{error.lineno + 1}: {str(error).rsplit(' on ', 1)[0]}") from None
    found: dict[tuple[str, str], _Entry] = {}
    for message in catalogue:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str):
            where = next(
                (n for n in range(message.lineno or 1, len(lines) + 1) if lines[n - 1].lstrip().startswith("msgstr")),
                message.lineno or 1,
            )
            notes = tuple(message.auto_comments)
            found[(message.context or "", message.id)] = _Entry(message.string, where, frozenset(message.flags), notes)
    return found


def _bytes(path: Path) -> bytes:
    try:  # O_NONBLOCK: a FIFO planted at a catalogue's name is refused, not waited on
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise CatalogueError(f"{path}: cannot be read: {error.strerror}") from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise CatalogueError(f"{path}: not a regular file; a catalogue is a gettext file (.po)")
        data = file.read(MAX_CATALOGUE_BYTES + 1)
    if len(data) > MAX_CATALOGUE_BYTES:
        raise CatalogueError(f"{path}: larger than {MAX_CATALOGUE_BYTES:,} bytes; not read as a catalogue")
    return data


def _decoded(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CatalogueError(f"{path}:{line}: not UTF-8; a catalogue is written in UTF-8") from None


def _placeholder_problem(wording: str, allowed: frozenset[str]) -> str | None:
    """Why `wording` could not be filled as ropa fills English's message, or None: only plain `{name}`s English has."""
    try:
        parts = list(Formatter().parse(wording))
    except ValueError:
        return "a brace that opens or closes no placeholder (write {{ or }} for a brace itself)"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if spec or conversion:
            return f"{{{name}…}} has a format or a conversion; a placeholder is a plain {{name}}"
        if name not in allowed:
            known = ", ".join(f"{{{known}}}" for known in sorted(allowed)) or "none"
            return f"{{{name}}} is not a placeholder of ropa's English message (it has {known})"
    return None


def _path(lang: str) -> Path:
    found = pack(lang)
    return found.catalogue if found is not None else catalogue_folder() / f"{lang}.po"


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
    """A word counted: (one, several, several from 20 on), messages `key.one`, `key.several`, `key.many`;
    `plural_form` says which of them a count takes.

    Romanian puts "de" before a count from 20 on ("20 de transferuri"); English repeats the plural."""
    one, several, many = (text(lang, context, f"{key}.{form}") for form in ("one", "several", "many"))
    return one, several, many


_PLURAL_FORMS = re.compile(r"^Plural-Forms:\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+);?\s*$", re.MULTILINE)


def plural_form(lang: str, count: int) -> int:
    """Which form of a counted word (`forms`) `count` takes in `lang`: 0 `.one`, 1 `.several`, 2 `.many`.

    The choice is the catalogue's own `Plural-Forms` header (gettext's expression): English `n != 1`,
    French `n > 1` (0 and 1 take the singular: "0 jour"), Romanian's three forms ("20 de zile")."""
    messages(lang)  # a language without a catalogue: the error naming it
    return min(_plural_rule(_path(lang))(count), 2)


def counted(count: int, lang: str, context: str, key: str) -> str:
    """`count` and the word `key` of `context` in the form `plural_form` gives it: "1 year", "20 de ani"."""
    return f"{count} {forms(lang, context, key)[plural_form(lang, count)]}"


@cache
def _plural_rule(path: Path) -> Callable[[int], int]:
    import gettext

    found = _PLURAL_FORMS.search(_parse_header(path))
    if found is None:
        raise CatalogueError(f'{path}: no Plural-Forms header (e.g. "nplurals=2; plural=(n != 1);")')
    try:
        rule: Callable[[int], int] = gettext.c2py(found.group(2).strip())
    except (ValueError, RecursionError):
        raise CatalogueError(f"{path}: the Plural-Forms expression is not gettext's: {found.group(2)!r}") from None
    return rule


def _parse_header(path: Path) -> str:
    """The header of the catalogue at `path`, one `Name: value` a line, as gettext writes it."""
    from babel.messages.pofile import read_po

    catalogue = read_po(io.StringIO(_decoded(path, _bytes(path))))
    return "\n".join(f"{name}: {value}" for name, value in catalogue.mime_headers)


def _placeholders(template: str) -> frozenset[str]:
    try:
        return frozenset(name for _, name, _, _ in Formatter().parse(template) if name is not None)
    except ValueError:
        return frozenset({"<malformed>"})


def catalogue_problems() -> list[str]:
    """What is wrong with the catalogues ropa writes (its own and the packs found), measured against en.po:
    missing or extra messages, empty texts, placeholders English does not have, cedilla ş ţ where Romanian
    writes comma-below ș ț, and prose left in English (`_problems`).

    A translation may leave out a placeholder its grammar does not need (Romanian "necesită" does not
    agree in number, so its transfers summary has no `{need}`); one English lacks could not be filled."""
    try:
        written = languages()
    except CatalogueError as error:
        return [str(error)]
    return [problem for lang in written for problem in _problems(lang, _path(lang))]


def _problems(lang: str, path: Path) -> list[str]:
    try:
        english, found = _unchecked("en"), _parse(path)
    except CatalogueError as error:
        return [str(error)]
    missing = sorted(english.keys() - found.keys())
    problems = [f"{path}: no message {key!r} in context {context!r}" for context, key in missing]
    comma_below = (typography := found.get(("typography", "comma-below"))) is not None and typography.text == "yes"
    for (context, key), entry in sorted(found.items()):
        where, wording = f"{path}:{entry.line}: message {key!r} in context {context!r}", entry.text
        if (context, key) not in english:
            problems.append(f"{where} is not in en.po")
        elif not wording.strip():
            problems.append(f"{where} is empty")
        elif _placeholder_problem(wording, _placeholders(english[(context, key)])):
            problems.append(f"{where} has other placeholders than en.po")
        elif _untranslated(lang, entry, english[(context, key)]):
            problems.append(f"{where} is English's text, not translated (if it is right, flag it #, {SAME_AS_ENGLISH})")
        if comma_below and any(letter in wording for letter in "şţŞŢ"):
            problems.append(f"{where} writes ş or ţ (comma-below ș ț)")
    return problems


SAME_AS_ENGLISH = "same-as-english"
"""The flag (`#, same-as-english`) of a message rightly written as English writes it ("Cookies", a name)."""
UNVERIFIED = "unverified:"
"""The translator's comment (`#. unverified: …`) on a legal term not yet found in the official text."""
_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_prose(wording: str) -> bool:
    """Whether `wording` has two words or more outside its placeholders (a copy of it is not a translation)."""
    return len(_WORD.findall(re.sub(r"\{[^{}]*\}", "", wording))) >= 2


def _untranslated(lang: str, entry: _Entry, english: str) -> bool:
    return lang != "en" and entry.text == english and _is_prose(english) and SAME_AS_ENGLISH not in entry.flags


def _warnings(path: Path) -> list[str]:
    """The terms a catalogue marks as not yet verified in the official text (`#. unverified: …`)."""
    try:
        found = _parse(path)
    except CatalogueError:
        return []  # a problem already
    return [
        f"{path}:{entry.line}: message {key!r} in context {context!r}: {note}"
        for (context, key), entry in sorted(found.items())
        for note in entry.notes
        if note.startswith(UNVERIFIED)
    ]


def pack_problems(folder: Path) -> tuple[list[str], list[str]]:
    """What is wrong with the language pack at `folder` (problems), and what it marks as unverified (warnings).

    Its catalogue is checked as ropa's own are (`catalogue_problems`), and it must hold every template of
    ropa's English, as `<output>/<lang>/<name>`; a template English does not have is a warning."""
    try:
        found = read(folder, "checked", own_languages())
    except CatalogueError as error:
        return [str(error)], []
    missing, extra = _template_problems(found)
    return [*_problems(found.language, found.catalogue), *missing], [*_warnings(found.catalogue), *extra]


def _unchecked(lang: str) -> dict[tuple[str, str], str]:
    """Every message of `lang`'s catalogue as it is written, its placeholders not checked yet."""
    return {message: entry.text for message, entry in _parse(_path(lang)).items()}


def _main(arguments: Sequence[str]) -> int:
    if len(arguments) == 3 and arguments[0] == "new":
        try:
            begun = start(arguments[1], Path(arguments[2]), own_languages())
        except CatalogueError as error:
            print(f"python -m ropa.words: {error}", file=sys.stderr)
            return 1
        print(f"{begun.catalogue}: {len(_parse(_own_english()))} messages to translate, and its templates")
        return 0
    if not arguments or arguments[0] != "check":
        print(
            "usage: python -m ropa.words check [PACK...]\n       python -m ropa.words new LANG FOLDER", file=sys.stderr
        )
        return 2
    problems: list[str] = []
    warnings: list[str] = []
    if arguments[1:]:
        for folder in arguments[1:]:
            more, more_warnings = pack_problems(Path(folder))
            problems, warnings = [*problems, *more], [*warnings, *more_warnings]
        summary = f"{len(arguments) - 1} pack{'s' if len(arguments) > 2 else ''}, {len(problems)} problems"
    else:
        problems = catalogue_problems()
        try:
            found, written = packs(), languages()
        except CatalogueError:  # listed by catalogue_problems
            found, written = (), own_languages()
        warnings = [warning for lang in written for warning in _warnings(_path(lang))]
        for each in found:
            missing, extra = _template_problems(each)
            problems, warnings = [*problems, *missing], [*warnings, *extra]
        summary = f"{len(written)} catalogues, {len(problems)} problems: {', '.join(written)}"
    for problem in problems:
        print(problem, file=sys.stderr)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{summary}; {len(warnings)} warnings")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
