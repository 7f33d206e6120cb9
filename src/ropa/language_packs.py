"""Language packs: a language added to ropa's own from outside it (docs/languages.md).

A pack is a folder holding one gettext catalogue, `<lang>.po`, and its template folders laid out as
ropa's own: `notice/<lang>/`, `policy/<lang>/`, `subprocessors/<lang>/`. ropa finds packs

- in the folders `ROPA_LANGUAGES` names (separated by `os.pathsep`, `:` on Linux and macOS);
- in the installed packages declaring an entry point in the group `ropa.languages`: the object named
  is the pack's folder (a `str` or a path) or a function returning it;
- for the `ropa` command, in the folder `languages/` beside the register file: each folder in it is a
  pack (`beside`; the command adds them to `ROPA_LANGUAGES` for its run).

A pack adds a language: it never replaces one of ropa's own, and two packs may not bring the same one.
A pack that is not one (no catalogue, two, a catalogue not named by a language code) is an error naming
its folder. `start` begins a pack from ropa's English; `template_problems` says which of ropa's English
templates a pack lacks. This module imports no other part of ropa but its exceptions.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from importlib.resources import files
from pathlib import Path

from ropa.errors import CatalogueError

__all__ = [
    "BESIDE_REGISTER",
    "ENTRY_POINT_GROUP",
    "LANGUAGES_VARIABLE",
    "Pack",
    "beside",
    "clear_cache",
    "packs",
    "read",
    "start",
    "template_problems",
]

LANGUAGES_VARIABLE = "ROPA_LANGUAGES"
"""The environment variable naming language packs, folders separated by `os.pathsep`."""
ENTRY_POINT_GROUP = "ropa.languages"
"""The entry point group through which an installed package offers a language pack."""
BESIDE_REGISTER = "languages"
"""The folder beside a register file whose folders are language packs (read by the `ropa` command)."""

OUTPUTS = ("notice", "policy", "subprocessors")
"""The outputs with prose templates; a pack has a `<output>/<lang>/` folder for each."""

_CODE = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class Pack:
    """A language pack: `language` (ISO 639-1), its `folder`, and where it was found (`origin`)."""

    language: str
    folder: Path
    origin: str

    @property
    def catalogue(self) -> Path:
        """The pack's catalogue, `<folder>/<language>.po`."""
        return self.folder / f"{self.language}.po"

    def templates(self, output: str) -> Path:
        """The pack's template folder for `output` (`notice`, `policy`, `subprocessors`): `<folder>/<output>`."""
        return self.folder / output


def packs(own: tuple[str, ...]) -> tuple[Pack, ...]:
    """The language packs found (`ROPA_LANGUAGES`, then entry points), by language; `own` are ropa's own
    languages, which no pack may replace. Raises `CatalogueError` naming a folder that is not a pack."""
    return _packs(os.environ.get(LANGUAGES_VARIABLE, ""), own)


def beside(register_file: str | os.PathLike[str]) -> tuple[Path, ...]:
    """The language packs beside a register: the folders in `languages/` next to it, sorted by name."""
    folder = Path(register_file).parent / BESIDE_REGISTER
    if not folder.is_dir():
        return ()
    return tuple(sorted(entry for entry in folder.iterdir() if entry.is_dir() and not entry.name.startswith(".")))


def clear_cache() -> None:
    """Find the packs again (after a package was installed, or a pack's catalogue was added)."""
    _packs.cache_clear()
    _offered.cache_clear()


@cache
def _packs(variable: str, own: tuple[str, ...]) -> tuple[Pack, ...]:
    found = [read(Path(folder), LANGUAGES_VARIABLE, own) for folder in variable.split(os.pathsep) if folder]
    found += [read(folder, origin, own) for folder, origin in _offered()]
    by_language: dict[str, Pack] = {}
    for pack in found:
        if pack.language in by_language and by_language[pack.language].folder != pack.folder:
            first = by_language[pack.language]
            raise CatalogueError(
                f"{pack.catalogue}: a second language pack for {pack.language!r} ({pack.origin}); "
                f"the first is {first.folder} ({first.origin})"
            )
        by_language[pack.language] = pack
    return tuple(by_language[language] for language in sorted(by_language))


def read(folder: Path, origin: str, own: tuple[str, ...]) -> Pack:
    """The pack at `folder`, found through `origin`; `CatalogueError` if it is not one, or brings one of
    ropa's `own` languages."""
    if not folder.is_dir():
        raise CatalogueError(f"{folder}: no such folder; a language pack is a folder ({origin})")
    catalogues = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".po"))
    if len(catalogues) != 1:
        found = ", ".join(catalogues) or "none"
        raise CatalogueError(f"{folder}: a language pack holds one catalogue, <language>.po; found {found} ({origin})")
    language = catalogues[0].removesuffix(".po")
    if not _CODE.fullmatch(language):
        raise CatalogueError(
            f"{folder / catalogues[0]}: a pack's catalogue is named by its language's ISO 639-1 code, "
            f"lower case (e.g. de.po) ({origin})"
        )
    if language in own:
        raise CatalogueError(
            f"{folder / catalogues[0]}: a language pack adds a language; {language!r} is ropa's own "
            f"(ropa writes {', '.join(own)}), which a pack may not replace ({origin})"
        )
    return Pack(language, folder, origin)


@cache
def _offered() -> tuple[tuple[Path, str], ...]:
    """The folders the installed packages offer through the entry point group, by entry point name."""
    offered = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda point: (point.name, point.value)):
        origin = f"entry point {point.name!r} = {point.value!r} of the group {ENTRY_POINT_GROUP!r}"
        try:
            target: object = point.load()
            if callable(target):
                target = target()
            if isinstance(target, os.PathLike):
                target = os.fspath(target)
            if not isinstance(target, str):
                raise TypeError(f"gives {type(target).__name__}, not a folder")
        except Exception as error:  # an installed package is outside ropa: any failure is the package's
            raise CatalogueError(f"{origin}: {error}") from None
        offered.append((Path(target), origin))
    return tuple(offered)


def start(language: str, folder: Path, own: tuple[str, ...]) -> Pack:
    """Begin a pack for `language` in `folder` (new or empty): `<language>.po` holding every message of
    ropa's English with an empty text to translate (its English kept as a translator's comment), and
    ropa's English templates as `<output>/<language>/`, to be translated in place. Raises `CatalogueError`
    for a folder that holds something, a code that is not ISO 639-1, or one of ropa's `own` languages."""
    if not _CODE.fullmatch(language):
        raise CatalogueError(f"{language!r}: a language is its ISO 639-1 code, lower case (e.g. de)")
    if language in own:
        raise CatalogueError(f"{language!r} is ropa's own language (ropa writes {', '.join(own)}); a pack adds another")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CatalogueError(f"{folder}: not an empty folder; a new pack is begun in a new one")
    header, *entries = (files("ropa") / "catalogues" / "en.po").read_text(encoding="utf-8").split("\n\n")
    begun = [header.replace('"Language: en\\n"', f'"Language: {language}\\n"')]
    for entry in entries:
        lines = entry.split("\n")
        at = next((number for number, line in enumerate(lines) if line.startswith("msgstr ")), None)
        if at is None:
            begun.append(entry)
            continue
        wording = "".join(line.strip()[1:-1] for line in [lines[at].removeprefix("msgstr "), *lines[at + 1 :]] if line)
        begun.append("\n".join([f"#. English: {wording}", *lines[:at], 'msgstr ""']))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{language}.po").write_text("\n\n".join(begun).rstrip("\n") + "\n", encoding="utf-8")
    for output in OUTPUTS:
        shutil.copytree(Path(str(files("ropa.render") / "templates" / output / "en")), folder / output / language)
    return Pack(language, folder, "begun")


def template_problems(found: Pack) -> tuple[list[str], list[str]]:
    """The templates of ropa's English a pack lacks, and those it has that English has not."""
    missing: list[str] = []
    extra: list[str] = []
    for output in OUTPUTS:
        english = _template_names(Path(str(files("ropa.render") / "templates" / output / "en")))
        where = found.templates(output) / found.language
        theirs = _template_names(where)
        missing += [
            f"{where / name}: missing (ropa's English has {output}/en/{name})" for name in sorted(english - theirs)
        ]
        extra += [f"{where / name}: not a template of ropa's English (never used)" for name in sorted(theirs - english)]
    return missing, extra


def _template_names(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
