"""ropa: a GDPR record of processing activities (Art. 30) as one typed source of truth.

    >>> import ropa
    >>> register = ropa.load("examples/onedu/register.yaml")
    >>> markdown = ropa.render_policy(register, lang="ro")

The renderers are imported on first use, so that `import ropa` stays quick.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ropa.io import Problem, RegisterError, dump, load
from ropa.model import (
    Activity,
    Controller,
    DataCategory,
    DataSubject,
    LegalBasis,
    Purpose,
    Recipient,
    RecipientRole,
    Register,
    SecurityMeasure,
    Text,
    TransferMechanism,
)

if TYPE_CHECKING:
    from ropa.importing import Imported
    from ropa.render.notice import Section

__version__ = "0.1.0"

__all__ = [
    "Activity",
    "Controller",
    "DataCategory",
    "DataSubject",
    "LegalBasis",
    "Problem",
    "Purpose",
    "Recipient",
    "RecipientRole",
    "Register",
    "RegisterError",
    "SecurityMeasure",
    "Text",
    "TransferMechanism",
    "__version__",
    "dump",
    "import_register",
    "load",
    "render_notice",
    "render_page",
    "render_policy",
    "write_workbook",
]


def render_policy(register: Register, lang: str = "ro", *, templates: Path | None = None) -> str:
    """The public policy's data-sharing section, as Markdown for the website (see docs/policy.md)."""
    from ropa.render.policy import render_policy as render

    return render(register, lang, templates=templates)


def render_notice(
    register: Register, lang: str, *, on: date | None = None, templates: Path | None = None
) -> list[Section]:
    """The whole privacy notice (Art. 13, 14) as sections, each Markdown with `title:` (see docs/notice.md)."""
    from ropa.render.notice import render_notice as render

    return render(register, lang, on=on, templates=templates)


def write_workbook(register: Register, path: str | os.PathLike[str], lang: str = "ro", *, on: date) -> None:
    """Write the Article 30 workbook (.xlsx) of `register`, with transfers judged on `on` (see docs/workbook.md)."""
    from ropa.render.workbook import write_workbook as write

    write(register, path, lang=lang, on=on)


def render_page(register: Register, lang: str, on: date) -> str:
    """The register as one self-contained HTML page: the data map and the record, with the findings of
    `ropa.checks.check` and transfers judged on `on` (see docs/page.md)."""
    from ropa.checks import check
    from ropa.render.page import render_page as render

    return render(register, lang, on, check(register, on=on))


def import_register(
    path: str | os.PathLike[str],
    *,
    mapping: str | os.PathLike[str] | None = None,
    language: str | None = None,
    country: str | None = None,
) -> Imported:
    """A register and its import report from a spreadsheet: ropa's workbook, the ICO template, or one described
    by a mapping file (see docs/importing.md)."""
    from ropa.importing import import_register as read

    return read(path, mapping=mapping, language=language, country=country)
