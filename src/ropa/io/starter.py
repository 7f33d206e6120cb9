"""A new register from a few answers (`ropa init`): valid at once, commented, with one example of
each kind of record to replace. The wording is data: `starter/register.yaml` and the catalogues' context `starter` (`ropa.words`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ropa.io.atomic import write_text_atomic
from ropa.model.places import is_country_code
from ropa.words import languages, text

__all__ = ["SCHEMA_NAME", "Answers", "starter_register", "write_new"]

SCHEMA_NAME = "register.schema.json"
"""The schema's file name, beside the register: the starter's `$schema` line points to it."""

_FOLDER = Path(__file__).resolve().parent / "starter"
_PLACEHOLDER = re.compile(r"\{\{(?:(text|main):)?([a-z_]+)\}\}")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True)
class Answers:
    """What `ropa init` asks: the organisation's name and country, and the register's languages."""

    name: str
    country: str
    languages: tuple[str, ...]

    def problems(self) -> list[str]:
        """What is wrong with the answers, in words (empty when they can be used)."""
        found = []
        if not self.name.strip():
            found.append("the name is empty")
        if not is_country_code(self.country):
            found.append(f"{self.country!r} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. DE)")
        if not self.languages:
            found.append("give at least one language")
        found += [
            f"{language!r} is not an ISO 639-1 language code (two lower-case letters, e.g. en)"
            for language in self.languages
            if not _LANGUAGE.match(language)
        ]
        written = languages()
        found.extend(
            f"ropa cannot write {language!r} yet; it writes {', '.join(written)}"
            for language in self.languages
            if _LANGUAGE.match(language) and language not in written
        )
        if len(set(self.languages)) != len(self.languages):
            found.append("a language is given twice")
        return found


def _text(key: str, language: str) -> str:
    return text(language, "starter", key)


def _quoted(value: str) -> str:
    """`value` as a YAML double-quoted scalar; what YAML would not keep as written (U+0085, U+2028) is escaped,
    so that the register loads and then says what is wrong with the value, as it would of any register."""
    return "".join(
        letter
        if letter.isprintable()
        else f"\\u{ord(letter):04x}"
        if ord(letter) <= 0xFFFF
        else f"\\U{ord(letter):08x}"
        for letter in json.dumps(value, ensure_ascii=False)
    )


def starter_register(answers: Answers) -> str:
    """The text of a new register for `answers` (which must have no `problems()`)."""
    template = (_FOLDER / "register.yaml").read_text(encoding="utf-8")
    values = {
        "name": _quoted(answers.name.strip()),
        "country": answers.country,
        "languages": f"[{', '.join(answers.languages)}]",
    }

    def fill(match: re.Match[str]) -> str:
        kind, key = match.groups()
        if kind == "main":
            return json.dumps(_text(key, answers.languages[0]), ensure_ascii=False)
        if kind == "text":
            pairs = (
                f"{language}: {json.dumps(_text(key, language), ensure_ascii=False)}" for language in answers.languages
            )
            return "{" + ", ".join(pairs) + "}"
        return values[key]

    return _PLACEHOLDER.sub(fill, template)


def write_new(path: Path, text: str) -> None:
    """Write `text` to `path`, which must not exist: raises `FileExistsError` rather than overwrite."""
    write_text_atomic(path, text, new=True)
