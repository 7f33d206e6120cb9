"""The library's entry points that join the packages: the façade `ropa` re-exports (docs/api.md).

Like the command line, and only like it, this module imports every package: a register loaded from a
file is checked and rendered as `ropa check` and `ropa notice` would (findings located in the file, the
template folders the register names), and every argument is checked at the boundary (`ropa._boundary`).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ropa._boundary import a_date, a_language, a_register, a_text, an_optional_date
from ropa.checks import Finding
from ropa.checks import check as _check
from ropa.io import dumps, load_text
from ropa.io.atomic import write_bytes_atomic
from ropa.io.sources import source_of
from ropa.io.templates import data_sharing_templates, notice_templates
from ropa.model import Register

if TYPE_CHECKING:
    from ropa.render.notice import Section

__all__ = [
    "check",
    "findings_to_json",
    "loads",
    "render_notice",
    "render_page",
    "render_policy",
    "render_subprocessors",
    "render_workbook",
    "validate",
    "write_workbook",
]

_FORMATS = ("yaml", "json")


def loads(text: str, *, format: str = "yaml", file: str = "<register>") -> Register:
    """The register written in `text` (`format` "yaml" or "json"), validated as `load` validates a file;
    `file` names it in problems. Raises `RegisterError` listing every problem, located."""
    a_text("text", text)
    a_text("file", file)
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}, got {format!r}")
    return load_text(text, file=file, kind=format)


def validate(register: Register) -> Register:
    """`register` checked whole, as loading its file would check it: a register built in code, or changed with
    `model_copy`, that refers to what it does not hold raises `RegisterError` with the problems, located in
    its YAML text (`ropa.dumps(register)`) under the name `<register>`. Returns a register equal to it."""
    a_register("register", register)
    return load_text(dumps(register), file="<register>", kind="yaml")


def check(
    register: Register, *, on: date, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> list[Finding]:
    """Every finding about `register` with transfers judged on `on` (`ropa.checks.check`, with `select` and
    `ignore` codes or prefixes), in the register's order. A register loaded from a file gets each finding's
    file, line and column."""
    findings = _check(register, on=on, select=select, ignore=ignore)
    source = source_of(register)
    if source is None:
        return findings
    return [finding.located(*source.locator.locate(finding.path), file=source.file) for finding in findings]


def findings_to_json(findings: Sequence[Finding], lang: str = "en") -> str:
    """`findings` as a JSON list of objects (`Finding.as_dict`): code, severity, file, line, column, path, key,
    params and the message in `lang`; only the message differs from one language to another."""
    return json.dumps([finding.as_dict(lang) for finding in findings], ensure_ascii=False, indent=2) + "\n"


def _templates(register: Register, templates: Path | None, which: str) -> Path | None:
    """`templates` if given, else the folder the register names when it was loaded from a file (as the command
    line does), else None (ropa's own)."""
    if templates is not None:
        if not isinstance(templates, str | os.PathLike):
            raise TypeError(f"{which} must be a path to a folder, got {type(templates).__name__} {templates!r}")
        return Path(templates)
    source = source_of(register)
    if source is None or not source.is_file:
        return None
    find = notice_templates if which == "templates" else data_sharing_templates
    return find(source.file, register)


def render_notice(
    register: Register,
    lang: str,
    *,
    on: date | None = None,
    templates: Path | None = None,
    data_sharing_templates: Path | None = None,
) -> list[Section]:
    """The privacy notice (Art. 13, 14) in `lang` as sections, every one judged on `on` (by default the
    register's own date, never the clock). A register loaded from a file uses the template folders it names
    (`policy.notice_templates`, `policy.data_sharing_templates`), exactly as `ropa notice` does; `templates` and
    `data_sharing_templates` choose others. See docs/notice.md."""
    from ropa.render.notice import render_notice as render

    a_register("register", register)
    a_language("lang", lang, register.languages)
    day = an_optional_date("on", on)
    chosen = _templates(register, templates, "templates")
    sharing = _templates(register, data_sharing_templates, "data_sharing_templates")
    return render(register, lang, on=day, templates=chosen, data_sharing_templates=sharing)


def render_policy(register: Register, lang: str, *, on: date | None = None, templates: Path | None = None) -> str:
    """The public policy's data-sharing section in `lang`, as Markdown, transfer grounds judged on `on` (by
    default the register's own date); the register's `policy.data_sharing_templates` when it was loaded from
    a file, else `templates`, else ropa's. See docs/policy.md."""
    from ropa.render.policy import render_policy as render

    a_register("register", register)
    a_language("lang", lang, register.languages)
    day = an_optional_date("on", on)
    return render(register, lang, templates=_templates(register, templates, "data_sharing_templates"), on=day)


def render_subprocessors(register: Register, lang: str, *, on: date | None = None) -> Section | None:
    """The public sub-processor list (Art. 28(2), (4)) in `lang`, judged on `on`; None when the organisation
    carries out no processing as processor."""
    from ropa.render.subprocessors import render_subprocessors as render

    a_register("register", register)
    a_language("lang", lang, register.languages)
    return render(register, lang, on=an_optional_date("on", on))


def render_page(register: Register, lang: str, on: date, *, findings: Sequence[Finding] | None = None) -> str:
    """The register as one self-contained HTML page in `lang`, transfers judged on `on`, listing `findings`
    (by default `check(register, on=on)`). See docs/page.md."""
    from ropa.render.page import render_page as render

    a_register("register", register)
    a_language("lang", lang, register.languages)
    a_date("on", on)
    return render(register, lang, on, check(register, on=on) if findings is None else findings)


def render_workbook(register: Register, lang: str, *, on: date) -> bytes:
    """The Article 30 workbook (.xlsx) in `lang`, transfers judged on `on`, as bytes: the same register,
    language and date give the same bytes. See docs/workbook.md."""
    from ropa.render.workbook import workbook_bytes

    a_register("register", register)
    a_language("lang", lang, register.languages)
    return workbook_bytes(register, lang=lang, on=a_date("on", on))


def write_workbook(register: Register, target: str | os.PathLike[str] | BinaryIO, lang: str, *, on: date) -> None:
    """`render_workbook` written to `target`: a path (replaced atomically) or a binary stream."""
    content = render_workbook(register, lang, on=on)
    if isinstance(target, str | os.PathLike):
        write_bytes_atomic(target, content)
    elif isinstance(target, io.IOBase) or hasattr(target, "write"):
        target.write(content)
    else:
        raise TypeError(f"target must be a path or a binary stream, got {type(target).__name__} {target!r}")
