"""Load a register file into a `Register`, or say everything that is wrong with it, located."""

from __future__ import annotations

import difflib
import os
import re
import stat
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ropa.io.errors import Problem, RegisterError, RegisterFileNotFoundError
from ropa.io.locating import Locator, Places
from ropa.io.parsing import MAX_BYTES, TAB_MESSAGE, ParseError, parse_json, parse_yaml
from ropa.io.screening import screen
from ropa.io.setting_aside import set_aside
from ropa.io.sources import Source, remember
from ropa.model.base import AVAILABLE_LANGUAGES
from ropa.model.consistency import Path as RegisterPath
from ropa.model.consistency import format_path, inconsistencies
from ropa.model.register import DEFER_CONSISTENCY, FORMAT_VERSION, Register
from ropa.words import languages

__all__ = ["MAX_PROBLEMS", "SUFFIXES", "load", "load_located", "load_text"]

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_FILE = "(file)"
MAX_PROBLEMS = 1_000
"""Most problems one load lists; `RegisterError.omitted` counts the rest."""


def load(path: str | os.PathLike[str]) -> Register:
    """Read, validate and cross-check the register at `path` (`.yaml`, `.yml` or `.json`).

    Raises `RegisterError` listing every problem found, each located to file, line and column.
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a path to a register file (str or os.PathLike), got {type(path).__name__}")
    file = os.fspath(path)
    register, locator = _load(_read_text(file), file, _kind(file), keep_places=False)
    remember(register, Source(file, locator, is_file=True))
    return register


def _kind(file: str) -> str:
    kind = SUFFIXES.get(Path(file).suffix.lower())
    if kind is None:
        raise _error(file, f"unknown file type {Path(file).suffix or '(none)'!r}: a register is .yaml, .yml or .json")
    return kind


def load_located(path: str | os.PathLike[str]) -> tuple[Register, Locator]:
    """`load`, and a `Locator` of the file from the same reading: where each part of it begins.

    Locating the findings of `ropa check` with it reads nothing again (a YAML file's places are kept
    as it is loaded, at a little more time and memory than `load`).
    """
    file = os.fspath(path)
    register, locator = _load(_read_text(file), file, _kind(file), keep_places=True)
    remember(register, Source(file, locator, is_file=True))
    return register, locator


def load_text(text: str, *, file: str = "<register>", kind: str = "yaml") -> Register:
    """Validate the register written in `text` (`kind` is "yaml" or "json"); `file` names it in problems.

    Every problem that can be seen is reported in one `RegisterError`: keys written twice, what the
    schema refuses and the cross-checks (references, languages) of everything the schema accepts.
    Only a file that is not well-formed YAML or JSON stops at its first syntax error.
    """
    register, locator = _load(text, file, kind, keep_places=False)
    remember(register, Source(file, locator, is_file=False))
    return register


def _load(text: str, file: str, kind: str, *, keep_places: bool) -> tuple[Register, Locator]:
    duplicates: list[ParseError] = []
    places: list[Places] = []
    try:
        if kind == "yaml":
            data = parse_yaml(text, duplicates=duplicates, places=places if keep_places else None)
        else:
            data = parse_json(text)
    except ParseError as error:
        stops = _more_tabs(text, error) if error.message == TAB_MESSAGE else [error]
        raise RegisterError([Problem(file, stop.line, stop.column, _FILE, stop.message) for stop in stops]) from None
    paths = _key_paths(text) if duplicates else {}
    problems = [
        Problem(file, found.line, found.column, paths.get((found.line, found.column), _FILE), found.message)
        for found in duplicates
    ]
    locator = Locator(text, places[0] if places else None)
    try:
        _check_format(data, file, locator)
    except RegisterError as error:
        raise RegisterError(sorted([*problems, *error.problems])) from None
    screened, over_bounds = screen(data)
    problems += _located(file, locator, screened)
    if over_bounds:
        raise RegisterError(sorted(problems))
    register, found = _validated(data)
    # Only the first MAX_PROBLEMS are located and listed: a file of a million wrong values costs
    # what a thousand do in the listing; `omitted` counts the rest.
    listed = found[: max(0, MAX_PROBLEMS - len(problems))]
    problems += _located(file, locator, listed)
    if problems or register is None:
        raise RegisterError(sorted(problems), omitted=len(found) - len(listed))
    return register, locator


def _validated(data: dict[str, Any]) -> tuple[Register | None, list[tuple[RegisterPath, str]]]:
    """The register (None if the schema refuses any of it) and every problem, as (path, message)."""
    # The languages it may declare are ropa's own and those the language packs add (`ropa.words`).
    context = {DEFER_CONSISTENCY: True, AVAILABLE_LANGUAGES: languages()}
    try:
        register = Register.model_validate(data, context=context)
    except ValidationError as error:
        schema = [_describe(detail) for detail in error.errors()]
    else:
        return register, [(item.path, item.message) for item in inconsistencies(register)]
    # Cross-check what the schema accepts, on a copy without what it refused (a few rounds: a
    # record's own rules only run once its fields are right).
    aside = set_aside(data, (path for path, _ in schema))
    for _ in range(3):
        if aside is None:
            return None, schema
        try:
            partial = Register.model_validate(aside.data, context=context)
        except ValidationError as error:
            aside = set_aside(aside.data, (_describe(detail)[0] for detail in error.errors()), aside)
            continue
        crossed = [(item.path, item.message) for item in inconsistencies(partial) if not aside.hides(data, item.path)]
        return None, [*schema, *crossed]
    return None, schema


# How many more tabs one run looks for after the first: each costs a reading of the file, so a
# large file gets fewer (none from a million characters on), and reading stays bounded.
_MORE_TABS = 20
_TAB_BUDGET = 1_000_000


def _more_tabs(text: str, first: ParseError) -> list[ParseError]:
    """The tab of `first` and the tabs after it: the file is read again with each tab found read as
    the indentation of the line above, until it stops at something other than a tab (not reported:
    it may come from that guess) or reads through."""
    found = [first]
    lines = text.split("\n")
    shifts: dict[int, int] = {}  # per line, how far the spaces put in move the columns after them
    tab = first
    for _ in range(min(_MORE_TABS, _TAB_BUDGET // max(len(text), 1))):
        line = lines[tab.line - 1]
        above = next((row for row in reversed(lines[: tab.line - 1]) if row.strip()), "")
        width = max(1, len(above) - len(above.lstrip(" ")) - (tab.column - 1))
        lines[tab.line - 1] = line[: tab.column - 1] + " " * width + line[tab.column :]
        shifts[tab.line] = shifts.get(tab.line, 0) + width - 1
        try:
            parse_yaml("\n".join(lines), duplicates=[])
        except ParseError as error:
            if error.message != TAB_MESSAGE or (error.line, error.column) <= (tab.line, tab.column):
                break
            tab = error
            found.append(ParseError(error.line, error.column - shifts.get(error.line, 0), error.message))
        else:
            break
    return found


def _key_paths(text: str) -> dict[tuple[int, int], str]:
    """The register path of every mapping key, by its place (1-based): to name a key written twice."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return {}
    found: dict[tuple[int, int], str] = {}
    stack: list[tuple[yaml.Node, RegisterPath]] = [(root, ())] if root is not None else []
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    found[(key.start_mark.line + 1, key.start_mark.column + 1)] = format_path((*path, key.value))
                    stack.append((value, (*path, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))
    return found


def _read_text(file: str) -> str:
    try:
        status = os.stat(file)
        if stat.S_ISDIR(status.st_mode):
            raise _error(file, "is a folder, not a register file")
        if not stat.S_ISREG(status.st_mode):
            raise _error(file, "is not a regular file (a device, a pipe or a socket); a register is a file")
        size = status.st_size
        if size > MAX_BYTES:
            raise _error(file, f"is {size:,} bytes; a register file may be at most {MAX_BYTES:,} bytes")
        raw = Path(file).read_bytes()
    except FileNotFoundError as error:
        message = f"cannot be read: {error.strerror or error}"
        raise RegisterFileNotFoundError(Problem(file, 1, 1, _FILE, message)) from None
    except OSError as error:
        raise _error(file, f"cannot be read: {error.strerror or error}") from None
    try:
        return raw.decode("utf-8-sig")  # a UTF-8 byte-order mark is accepted and dropped
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8"
        raise RegisterError([Problem(file, line, column, _FILE, message)]) from None


def _error(file: str, message: str) -> RegisterError:
    return RegisterError([Problem(file, 1, 1, _FILE, message)])


def _check_format(data: Any, file: str, locator: Locator) -> None:
    """Refuse anything but a mapping that declares a format this version of ropa reads."""
    if data is None:
        raise _error(file, "the file is empty; a register begins with `format: 1`")
    if not isinstance(data, dict):
        raise _error(file, "a register is a mapping of fields (format, languages, controller, …), not a single value")
    if "format" not in data:
        raise _error(file, f"missing `format: {FORMAT_VERSION}`: the register must declare its format version")
    if type(data["format"]) is not int or data["format"] != FORMAT_VERSION:
        line, column = locator.locate(("format",))
        message = f"unknown format version {data['format']!r}; this version of ropa reads format {FORMAT_VERSION}"
        if data["format"] == FORMAT_VERSION and not isinstance(data["format"], bool):  # 1.0
            message = f"the format version is the whole number {FORMAT_VERSION}: write `format: {FORMAT_VERSION}`"
        raise RegisterError([Problem(file, line, column, "format", message)])


def _located(file: str, locator: Locator, found: Iterable[tuple[RegisterPath, str]]) -> list[Problem]:
    problems = []
    for path, message in found:
        line, column = locator.locate(path)
        problems.append(Problem(file, line, column, format_path(path), message))
    return problems


# Friendlier words for the patterns of `ropa.model.base`.
_PATTERN_MESSAGES = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "is not an id: use lower-case letters, digits and single hyphens (e.g. `google-workspace`)",
    r"^[A-Z]{2}$": "is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. `RO`)",
    r"^[a-z]{2}$": "is not an ISO 639-1 language code (two lower-case letters, e.g. `ro`)",
    r"^https?://\S+$": "is not a web address (it must begin with http:// or https://)",
    r"^([A-Z]{2}|IO:[A-Z0-9-]+)$": "is not a place: give an ISO 3166-1 alpha-2 country code (e.g. `US`) or `IO:` and an organisation id",
    r"^P([0-9]{1,5}Y)?([0-9]{1,5}M)?([0-9]{1,5}W)?([0-9]{1,5}D)?$": "is not an ISO 8601 duration in years, months, "
    "weeks or days (e.g. `P10Y`, `P6M`), written with the digits 0-9, at most 5 to a number",
}


def _describe(detail: ErrorDetails) -> tuple[RegisterPath, str]:
    """A register path and a message a person can act on, for one pydantic error."""
    loc = detail["loc"]
    key_error = "[key]" in loc
    path: RegisterPath = tuple(part for part in loc if part != "[key]")
    kind, value = detail["type"], detail.get("input")
    if kind == "extra_forbidden":
        message = f"unknown field {path[-1]!r}"
        known = _fields_at(path[:-1])
        close = difflib.get_close_matches(str(path[-1]), known, n=1, cutoff=0.6)
        message += f"; did you mean {close[0]!r}?" if close else (f" (allowed: {', '.join(known)})" if known else "")
    elif kind == "missing":
        message = f"missing required field {path[-1]!r}"
    elif kind == "string_pattern_mismatch":
        pattern = str((detail.get("ctx") or {}).get("pattern", ""))
        message = f"{value!r} " + _PATTERN_MESSAGES.get(pattern, f"does not match {pattern}")
    elif kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        message = f"expected text, got the number {value!r}: write it in quotes"
    elif kind == "enum":
        expected = re.findall(r"'([^']*)'", str((detail.get("ctx") or {}).get("expected", "")))
        close = difflib.get_close_matches(str(value), expected, n=1, cutoff=0.6)
        message = f"{value!r} is not one of: {', '.join(expected)}" + (f"; did you mean {close[0]!r}?" if close else "")
    elif kind in ("value_error", "assertion_error"):
        message = detail["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    else:
        message = detail["msg"][:1].lower() + detail["msg"][1:]
        if (
            kind not in ("dict_type", "list_type", "model_type")
            and value is not None
            and not isinstance(value, dict | list)
        ):
            message += f", got {value!r}"
    if key_error:
        message = f"the key {path[-1]!r} {message.removeprefix(f'{path[-1]!r} ')}"
    return path, message


def _fields_at(path: RegisterPath) -> list[str]:
    """The field names of the record at `path`, for "did you mean" suggestions."""
    annotation: Any = Register
    for part in path:
        annotation = _step(annotation, part)
    return list(annotation.model_fields) if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one step down `part` from `annotation` (None when there is no such step)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        steps = [_step(option, part) for option in typing.get_args(annotation) if option is not type(None)]
        return next((found for found in steps if found is not None), None)
    if origin is list and isinstance(part, int):
        return typing.get_args(annotation)[0]
    if origin is dict:
        return typing.get_args(annotation)[1]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(part, str):
        field = annotation.model_fields.get(part)
        return field.annotation if field else None
    return None
