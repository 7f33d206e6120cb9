"""The public surface is small, deliberate and pinned (like httpx's)."""

from __future__ import annotations

import subprocess
import sys

import ropa
import ropa.testing.strategies

PUBLIC = {
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
    "render_notice",
    "render_page",
    "render_policy",
    "render_subprocessors",
    "render_workbook",
    "strategies",
    "testing",
    "register_transfers",
    "validate",
    "watch",
    "write_workbook",
}


def test_all_is_exactly_the_public_api() -> None:
    assert set(ropa.__all__) == PUBLIC
    assert len(ropa.__all__) == len(PUBLIC)


def test_every_public_name_exists() -> None:
    for name in ropa.__all__:
        assert getattr(ropa, name) is not None


def test_strategies_export_what_they_list() -> None:
    for name in ropa.testing.strategies.__all__:
        assert getattr(ropa.testing.strategies, name) is not None


def test_importing_ropa_loads_neither_renderers_nor_hypothesis() -> None:
    code = "import sys, ropa; print(sorted(m for m in ('openpyxl', 'jinja2', 'hypothesis', 'pycountry') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_register_error_is_a_value_error() -> None:
    assert issubclass(ropa.RegisterError, ValueError)
