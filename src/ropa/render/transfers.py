"""The transfers a register implies, with their verdicts: as JSON for tools and as a table for people."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from ropa.law.register_transfers import RegisterTransfer

__all__ = ["transfers_to_json", "transfers_to_text"]

_HEADERS = ("ACTIVITY", "RECIPIENT", "TO", "VERDICT", "BASIS", "TIA", "CITATION")
_WIDTH = 100


def _record(transfer: RegisterTransfer) -> dict[str, object]:
    verdict = transfer.assessment
    return {
        "activity": transfer.activity,
        "recipient": transfer.recipient,
        "destination": transfer.destination,
        "on": verdict.on.isoformat(),
        "mechanisms": [mechanism.value for mechanism in transfer.mechanisms],
        "dpf_certified": transfer.dpf_certified,
        "lawful": verdict.lawful,
        "basis": verdict.basis,
        "citation": verdict.citation,
        "reasons": list(verdict.reasons),
        "tia_required": verdict.tia_required,
        "relied_on": [mechanism.value for mechanism in verdict.relied_on],
        "authorisation_required": verdict.authorisation_required,
    }


def transfers_to_json(transfers: Sequence[RegisterTransfer]) -> str:
    """A JSON list, one object per transfer, keys in a fixed order; UTF-8 text, indented, newline-terminated."""
    return json.dumps([_record(transfer) for transfer in transfers], ensure_ascii=False, indent=2) + "\n"


def _row(transfer: RegisterTransfer) -> tuple[str, ...]:
    verdict = transfer.assessment
    return (
        transfer.activity,
        transfer.recipient,
        transfer.destination,
        "LAWFUL" if verdict.lawful else "UNLAWFUL",
        verdict.basis,
        "required" if verdict.tia_required else "-",
        verdict.citation,
    )


def _reasons(transfer: RegisterTransfer) -> list[str]:
    lines: list[str] = []
    for reason in transfer.assessment.reasons:
        lines.extend(textwrap.wrap(reason, _WIDTH, initial_indent="    - ", subsequent_indent="      "))
    return lines


def _summary(transfers: Sequence[RegisterTransfer]) -> str:
    unlawful = sum(not transfer.assessment.lawful for transfer in transfers)
    tia = sum(transfer.assessment.tia_required for transfer in transfers)
    noun = "transfer" if len(transfers) == 1 else "transfers"
    return (
        f"{len(transfers)} {noun} outside the EEA: {len(transfers) - unlawful} lawful, {unlawful} unlawful; "
        f"{tia} {'needs' if tia == 1 else 'need'} a transfer impact assessment."
    )


def transfers_to_text(transfers: Sequence[RegisterTransfer]) -> str:
    """A plain-text table for a terminal: one row per transfer, its reasons beneath it, a summary last."""
    days = sorted({transfer.assessment.on.isoformat() for transfer in transfers})
    if not transfers:
        return "No transfers outside the EEA.\n"
    rows = [_HEADERS, *(_row(transfer) for transfer in transfers)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(_HEADERS) - 1)]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        return "  ".join([*cells, row[-1]]).rstrip()

    out = [f"Transfers outside the EEA on {', '.join(days)}", "", line(_HEADERS)]
    for transfer, row in zip(transfers, rows[1:], strict=True):
        out.append(line(row))
        out.extend(_reasons(transfer))
    out += ["", _summary(transfers)]
    return "\n".join(out) + "\n"
