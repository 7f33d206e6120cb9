"""The template folders a register names (`policy.notice_templates`, `policy.data_sharing_templates`), found
beside the register file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ropa.io.errors import Problem, RegisterError
from ropa.io.locating import Locator
from ropa.model import Register

__all__ = ["data_sharing_templates", "notice_templates"]


def notice_templates(register_file: str | os.PathLike[str], register: Register) -> Path | None:
    """The folder `policy.notice_templates` names, resolved against the register file's folder; None when unset.

    Raises `RegisterError`, located at the field, when the folder does not exist or lies outside the
    register's folder once links are followed (the model already refuses `..` and absolute paths).
    """
    return _folder(register_file, "notice_templates", register.policy.notice_templates)


def data_sharing_templates(register_file: str | os.PathLike[str], register: Register) -> Path | None:
    """The folder `policy.data_sharing_templates` names, resolved and refused exactly as `notice_templates`."""
    return _folder(register_file, "data_sharing_templates", register.policy.data_sharing_templates)


def _folder(register_file: str | os.PathLike[str], field: str, value: str | None) -> Path | None:
    if value is None:
        return None
    file = Path(register_file)
    home = file.resolve().parent
    try:
        folder = (home / value).resolve(strict=True)
    except (OSError, RuntimeError) as error:  # RuntimeError: Python before 3.13 on a loop of links
        folder = None
        looped = isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP
    if folder is None:
        message = (
            f"{value!r} leads into a loop of links ({home / value})"
            if looped
            else f"{value!r}: no such folder beside the register ({home / value})"
        )
    elif not folder.is_relative_to(home):
        message = f"{value!r} leads outside the register's folder ({home})"
    elif not folder.is_dir():
        message = f"{value!r}: no such folder beside the register ({home / value})"
    else:
        return folder
    path = ("policy", field)
    line, column = Locator(file.read_text(encoding="utf-8-sig")).locate(path)
    raise RegisterError([Problem(os.fspath(register_file), line, column, ".".join(path), message)])
