"""ropa: a GDPR record of processing activities (Art. 30) as one typed source of truth.

    >>> import ropa
    >>> register = ropa.load("examples/onedu/register.yaml")
    >>> markdown = ropa.render_policy(register, "ro")

Every public name is importable from `ropa` itself and imported on first use (module `__getattr__`),
so that `import ropa` stays quick; docs/api.md is the guide, docs/reference/index.md the reference.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ropa import testing as testing
    from ropa._api import (
        check,
        findings_to_json,
        loads,
        render_notice,
        render_page,
        render_policy,
        render_subprocessors,
        render_workbook,
        validate,
        write_workbook,
    )
    from ropa.checks import Finding, Severity
    from ropa.diff import RegisterDiff, diff
    from ropa.errors import CatalogueError, MissingTemplateError, OutputError, RopaError, TemplateError
    from ropa.importing import import_register
    from ropa.io import dump, dumps, load
    from ropa.io.editing import RegisterFile, edit
    from ropa.io.errors import Problem, RegisterError, RegisterFileNotFoundError
    from ropa.law import Assessment, RegisterTransfer, assess, register_transfers
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
    from ropa.render.notice import Section
    from ropa.render.policy import PolicyTemplateError
    from ropa.testing import strategies as strategies
    from ropa.watching import watch

__version__ = "0.1.0"

# Each public name and the module it lives in: imported on first use.
_WHERE = {
    **dict.fromkeys(
        (
            "Activity",
            "Controller",
            "DataCategory",
            "DataSubject",
            "LegalBasis",
            "Purpose",
            "Recipient",
            "RecipientRole",
            "Register",
            "SecurityMeasure",
            "Text",
            "TransferMechanism",
        ),
        "ropa.model",
    ),
    **dict.fromkeys(("dump", "dumps", "load"), "ropa.io"),
    **dict.fromkeys(("Problem", "RegisterError", "RegisterFileNotFoundError"), "ropa.io.errors"),
    **dict.fromkeys(
        ("CatalogueError", "MissingTemplateError", "OutputError", "RopaError", "TemplateError"), "ropa.errors"
    ),
    **dict.fromkeys(
        (
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
        ),
        "ropa._api",
    ),
    **dict.fromkeys(("Finding", "Severity"), "ropa.checks"),
    **dict.fromkeys(("RegisterDiff", "diff"), "ropa.diff"),
    **dict.fromkeys(("RegisterFile", "edit"), "ropa.io.editing"),
    **dict.fromkeys(("Assessment", "RegisterTransfer", "assess", "register_transfers"), "ropa.law"),
    "PolicyTemplateError": "ropa.render.policy",
    "Section": "ropa.render.notice",
    "watch": "ropa.watching",
    "import_register": "ropa.importing",
}
# Public modules, imported on first use too.
_MODULES = {"strategies": "ropa.testing.strategies", "testing": "ropa.testing"}

__all__ = [
    "Activity",
    "Assessment",
    "CatalogueError",
    "Controller",
    "DataCategory",
    "DataSubject",
    "Finding",
    "LegalBasis",
    "MissingTemplateError",
    "OutputError",
    "PolicyTemplateError",
    "Problem",
    "Purpose",
    "Recipient",
    "RecipientRole",
    "Register",
    "RegisterDiff",
    "RegisterError",
    "RegisterFile",
    "RegisterFileNotFoundError",
    "RegisterTransfer",
    "RopaError",
    "Section",
    "SecurityMeasure",
    "Severity",
    "TemplateError",
    "Text",
    "TransferMechanism",
    "__version__",
    "assess",
    "check",
    "diff",
    "dump",
    "dumps",
    "edit",
    "findings_to_json",
    "import_register",
    "load",
    "loads",
    "register_transfers",
    "render_notice",
    "render_page",
    "render_policy",
    "render_subprocessors",
    "render_workbook",
    "strategies",
    "testing",
    "validate",
    "watch",
    "write_workbook",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
    elif name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    elif not name.startswith("_"):
        try:  # a package of ropa not listed above (`ropa.io`, `ropa.render`, …), as a plain import would give it
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module 'ropa' has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module 'ropa' has no attribute {name!r}")
    globals()[name] = value  # once: the next access does not come here
    return value


class _Ropa(types.ModuleType):
    """`ropa` itself: importing the module `ropa.diff` does not hide the function `ropa.diff`."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _WHERE and isinstance(value, types.ModuleType):
            return  # the import system naming a submodule on its package; the submodule is in sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Ropa


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
