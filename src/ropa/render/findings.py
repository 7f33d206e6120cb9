"""Findings as text for a terminal and as JSON for tools, in any language ropa writes."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ropa.checks import Finding, Severity
from ropa.render.terminal import printable
from ropa.words import counted, forms

__all__ = ["count_findings", "findings_to_json", "findings_to_text"]

# Terminal colours (ANSI SGR) for the severity word; the command decides whether to use them.
_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"
_NOT_IN_THE_REPORT = frozenset({"file", "column"})


def count_findings(findings: Sequence[Finding], lang: str = "en") -> str:
    """The one way ropa counts findings: `0 errors, 75 warnings, 1 info`, in `lang`'s words and plural rules
    (context `findings.count` of the catalogues)."""
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    return ", ".join(counted(count, lang, "findings.count", severity.value) for severity, count in counts.items())


def findings_to_text(
    findings: Sequence[Finding], *, file: str, summary: bool = True, colour: bool = False, lang: str = "en"
) -> str:
    """One line per finding, `FILE:LINE: CODE severity: path: message`, then (with `summary`) the count.

    The severity, the message and the count are in `lang`; the code and the path are the same in every language.
    With `colour`, the severity word is coloured for a terminal. Register text is escaped
    (`printable`) before the colour is added, so ropa's colours are the only control sequences.
    """
    lines = []
    for finding in findings:
        word = forms(lang, "findings.count", finding.severity.value)[0]  # "warning", "avertisment"
        severity = f"{_COLOURS[finding.severity]}{word}{_RESET}" if colour else word
        lines.append(
            printable(f"{file}:{finding.line or 1}: {finding.code} ")
            + severity
            + printable(f": {finding.where}: {finding.text(lang)}")
        )
    if summary:
        lines.append(printable(f"{file}: {count_findings(findings, lang)}"))
    return "\n".join(lines) + ("\n" if lines else "")


def findings_to_json(findings: Sequence[Finding], lang: str = "en") -> str:
    """A JSON list of objects with `code`, `severity`, `line`, `path`, `key`, `params` and `message`: only
    `message` depends on `lang` (`key` and `params` let another tool word the finding itself). The fields are
    `Finding.as_dict`'s without `file` and `column`, as `ropa check --format json` has always written them."""
    items = [
        {name: value for name, value in finding.as_dict(lang).items() if name not in _NOT_IN_THE_REPORT}
        for finding in findings
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
