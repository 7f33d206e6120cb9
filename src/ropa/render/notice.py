"""The whole privacy notice (Art. 13 and 14) as sections: Markdown files with `title:` front matter.

Each section is one template, `<folder>/<lang>/<name>.md.j2`, rendered in the sandbox of
`ropa.render.templating` with the context of `ropa.render.notice_context` (every register text
already escaped). The sections are the folder's templates in the order of their file names; a file
whose name begins with `_` is a part other templates include, not a section. See `docs/notice.md`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from ropa.errors import MissingTemplateError
from ropa.model import Register
from ropa.render.markdown import typeset, yaml_string
from ropa.render.notice_context import NoticeContext, notice_context
from ropa.render.policy import _FRONT_MATTER, PolicyTemplateError, _check_front_matter, _policy_date, _tidy
from ropa.render.templating import TemplateFailure, TemplateRunner, ropa_runner, ropa_templates
from ropa.words import pack

__all__ = ["SUFFIX", "NoticeTemplateError", "Section", "render_notice", "section_names"]

SUFFIX = ".md.j2"
"""How a section's template file name ends; the section's name is the file name without it."""


class NoticeTemplateError(PolicyTemplateError):
    """A notice template failed (any error while rendering), or its output has no `title:`."""


@dataclass(frozen=True)
class Section:
    """One section of the notice: a file of the site."""

    name: str
    """The template's file name without `.md.j2`, e.g. `01-controller`: the section's file is `<name>.md`."""
    title: str
    """The `title:` of its front matter (the site labels the section's tab with it)."""
    text: str
    """The whole file: front matter, then Markdown; `\\n` line ends, one final newline."""


def render_notice(
    register: Register,
    lang: str,
    *,
    on: date | None = None,
    templates: Path | None = None,
    data_sharing_templates: Path | None = None,
) -> list[Section]:
    """The notice's sections in `lang`, in the order of their templates' file names.

    `on` is the day transfer grounds are judged on; by default the register's own date (else the day
    of ropa's legal facts), never the clock. `templates` is a folder laid out like ropa's,
    `<folder>/<lang>/<name>.md.j2`. `data_sharing_templates` is the folder of the data-sharing section
    the variable `data_sharing` holds (`render_policy`'s `templates`). Raises `ValueError` for a language the register does not declare,
    `FileNotFoundError` when the folder has no section for the language, `NoticeTemplateError` when a
    template fails (naming its file and line), `PolicyTemplateError` when the data-sharing template does.
    """
    context = notice_context(
        register, lang, on or _policy_date(register), data_sharing_templates=data_sharing_templates
    )
    try:
        runner = _runner(templates, lang)
    except TemplateFailure as error:
        raise NoticeTemplateError(str(error)) from None
    names = section_names(templates, lang)
    if not names:
        folder = templates if templates is not None else runner.display
        raise MissingTemplateError(f"no notice template for language {lang!r} in {folder}: expected {lang}/*{SUFFIX}")
    if templates is None and pack(lang) is not None:  # a pack has every section of ropa's, or the notice lacks one
        for name in section_names(None, "en"):
            if name not in names:
                raise MissingTemplateError(f"{runner.display}/{lang}/{name}{SUFFIX}: missing (ropa's English has it)")
    return [_section(runner, f"{lang}/{name}{SUFFIX}", name, context, lang) for name in names]


def section_names(templates: Path | None, lang: str) -> list[str]:
    """The names of the sections a template folder has for `lang`, sorted."""
    folder: Path | Traversable = _folder(templates, lang).joinpath(lang)
    if not folder.is_dir():
        return []
    return sorted(
        entry.name.removesuffix(SUFFIX)
        for entry in folder.iterdir()
        if entry.name.endswith(SUFFIX) and not entry.name.startswith(("_", "."))
    )


def _section(runner: TemplateRunner, template: str, name: str, context: NoticeContext, lang: str) -> Section:
    try:
        text = runner.render(template, {field.name: getattr(context, field.name) for field in fields(context)})
    except TemplateFailure as error:
        raise NoticeTemplateError(str(error)) from None
    text = _tidy(text)
    text = typeset(text, lang)
    try:
        _check_front_matter(text, f"{runner.display}/{template}")
    except PolicyTemplateError as error:
        raise NoticeTemplateError(str(error)) from None
    return Section(name=name, title=_title(text), text=text)


def _title(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    assert match is not None  # checked by _check_front_matter
    data: Any = yaml.safe_load(match.group(1))
    return str(data["title"])


def _folder(templates: Path | None, lang: str) -> Path | Traversable:
    return ropa_templates("notice", lang) if templates is None else templates


def _runner(templates: Path | None, lang: str) -> TemplateRunner:
    runner = ropa_runner("notice", lang, "ropa's default templates") if templates is None else TemplateRunner(templates)
    runner.add_filter("yaml_string", yaml_string)
    return runner
