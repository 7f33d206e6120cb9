"""Findings as text for a terminal and as JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ropa.checks import Finding, Severity

__all__ = ["findings_to_json", "findings_to_text"]


def findings_to_text(findings: Sequence[Finding], *, file: str) -> str:
    """One line per finding, `FILE:LINE: CODE severity: message`, then a count by severity."""
    lines = [
        f"{file}:{finding.line or 1}: {finding.code} {finding.severity}: {finding.where}: {finding.message}"
        for finding in findings
    ]
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    summary = ", ".join(f"{count} {severity}{'s' if count != 1 else ''}" for severity, count in counts.items())
    lines.append(f"{file}: {summary}")
    return "\n".join(lines) + "\n"


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
