"""Findings as text for a terminal and as JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ropa.checks import Finding, Severity
from ropa.render.terminal import printable

__all__ = ["count_findings", "findings_to_json", "findings_to_text"]

# Terminal colours (ANSI SGR) for the severity word; the command decides whether to use them.
_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"


def count_findings(findings: Sequence[Finding]) -> str:
    """The one way ropa counts findings: `0 errors, 75 warnings, 1 info` ("info" has no plural)."""
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    return ", ".join(
        f"{count} {severity}{'s' if count != 1 and severity is not Severity.INFO else ''}"
        for severity, count in counts.items()
    )


def findings_to_text(findings: Sequence[Finding], *, file: str, summary: bool = True, colour: bool = False) -> str:
    """One line per finding, `FILE:LINE: CODE severity: message`, then (with `summary`) the count.

    With `colour`, the severity word is coloured for a terminal. Register text is escaped
    (`printable`) before the colour is added, so ropa's colours are the only control sequences.
    """
    lines = []
    for finding in findings:
        severity = f"{_COLOURS[finding.severity]}{finding.severity}{_RESET}" if colour else str(finding.severity)
        lines.append(
            printable(f"{file}:{finding.line or 1}: {finding.code} ")
            + severity
            + printable(f": {finding.where}: {finding.message}")
        )
    if summary:
        lines.append(printable(f"{file}: {count_findings(findings)}"))
    return "\n".join(lines) + ("\n" if lines else "")


def findings_to_json(findings: Sequence[Finding]) -> str:
    """A JSON list of objects with `code`, `severity`, `line`, `path` and `message`."""
    items = [
        {
            "code": finding.code,
            "severity": finding.severity.value,
            "line": finding.line,
            "path": finding.where,
            "message": finding.message,
        }
        for finding in findings
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
