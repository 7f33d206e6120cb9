"""The transfers a register implies, with their verdicts: as JSON for tools and as a table for people.

Both speak every language ropa writes (a catalogue each, `ropa.words`). In JSON only the `citation`,
`reasons` and `caveats` values change with the language; keys and vocabularies (basis, mechanisms) stay
as they are, for tools. The table is for people: its bases are words and its dates written as people
write them, in the language.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Final

from ropa.law.importers import art_3_2_caveat
from ropa.law.register_transfers import RegisterTransfer
from ropa.law.rules import Assessment
from ropa.law.wording import language
from ropa.render.dates import written
from ropa.render.markdown import typeset
from ropa.words import by_language, forms, plural_form, text

__all__ = ["transfers_to_json", "transfers_to_text"]

_WIDTH = 100

_WORDS: Final[dict[str, dict[str, str]]] = by_language("transfers.report")
"""The table's own words (catalogue context `transfers.report`); the verdicts' words are the law's."""


def _record(transfer: RegisterTransfer, lang: str) -> dict[str, object]:
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
        "citation": verdict.citation_in(lang),
        "reasons": list(verdict.reasons_in(lang)),
        "tia_required": verdict.tia_required,
        "relied_on": [mechanism.value for mechanism in verdict.relied_on],
        "authorisation_required": verdict.authorisation_required,
        "conditional": verdict.conditional,
        "fallbacks": [mechanism.value for mechanism in verdict.fallbacks],
        "exporter": transfer.exporter.value,
        "to_client_controller": transfer.to_client_controller,
        "role": transfer.role.value if transfer.role is not None else None,
        "scc_module": transfer.scc_module,
        "importer_subject_to_gdpr": transfer.importer_subject_to_gdpr,
        "caveats": _caveats(transfer, lang),
        # Only for a sub-processor under its processor, so that registers without chains keep their output.
        **({"exported_by": transfer.via} if transfer.via is not None else {}),
    }


def _caveats(transfer: RegisterTransfer, lang: str) -> list[str]:
    if not transfer.importer_subject_to_gdpr:
        return []
    caveat = art_3_2_caveat()
    return [f"{caveat.text.text(lang)} ({caveat.source.text(lang)})"]


def transfers_to_json(transfers: Sequence[RegisterTransfer], lang: str = "en") -> str:
    """A JSON list, one object per transfer, keys in a fixed order; UTF-8 text, indented, newline-terminated.

    `citation` and `reasons` are in `lang` (`en` or `ro`; English for any other); keys and vocabularies stay.
    """
    return json.dumps([_record(transfer, lang) for transfer in transfers], ensure_ascii=False, indent=2) + "\n"


class _Worded:
    """Each verdict's citation and wrapped reasons, written once: many transfers share one verdict."""

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._done: dict[int, tuple[str, list[str]]] = {}

    def __call__(self, verdict: Assessment) -> tuple[str, list[str]]:
        found = self._done.get(id(verdict))  # the transfers hold their verdicts: ids stay unique
        if found is None:
            lines: list[str] = []
            for reason in verdict.reasons_in(self._lang):
                lines.extend(textwrap.wrap(reason, _WIDTH, initial_indent="    - ", subsequent_indent="      "))
            found = self._done[id(verdict)] = (typeset(verdict.citation_in(self._lang), self._lang), lines)
        return found


def _row(transfer: RegisterTransfer, lang: str, worded: _Worded) -> tuple[str, ...]:
    verdict = transfer.assessment
    words = _WORDS[language(lang)]
    citation = worded(verdict)[0]  # first: a language ropa does not write is the verdict's ValueError
    return (
        transfer.activity,
        words[transfer.exporter.value],
        transfer.recipient,
        transfer.destination,
        words["lawful"] if verdict.lawful else words["unlawful"],
        text(lang, "page.verdicts", verdict.basis),
        words["tia"] if verdict.tia_required else "-",
        citation,
    )


def _caveat_lines(transfer: RegisterTransfer, lang: str) -> list[str]:
    lines: list[str] = []
    for caveat in _caveats(transfer, lang):
        lines.extend(textwrap.wrap(caveat, _WIDTH, initial_indent="    ! ", subsequent_indent="      "))
    return lines


def _count(count: int, forms: tuple[str, str, str], lang: str) -> str:
    return forms[plural_form(lang, count)]


def _summary(transfers: Sequence[RegisterTransfer], lang: str) -> str:
    lang = language(lang)
    unlawful = sum(not transfer.assessment.lawful for transfer in transfers)
    tia = sum(transfer.assessment.tia_required for transfer in transfers)
    return _WORDS[lang]["summary"].format(
        transfers=f"{len(transfers)} {_count(len(transfers), forms(lang, 'transfers.count', 'transfer'), lang)}",
        lawful=len(transfers) - unlawful,
        unlawful=unlawful,
        tia=tia,
        need=_count(tia, forms(lang, "transfers.count", "need"), lang),
    )


def transfers_to_text(transfers: Sequence[RegisterTransfer], lang: str = "en") -> str:
    """A plain-text table for a terminal: one row per transfer, its reasons beneath it, a summary last.

    In `lang` (`en` or `ro`; English for any other): headings, verdicts, citations, reasons and summary.
    """
    words = _WORDS[language(lang)]
    days = [written(day, lang) for day in sorted({transfer.assessment.on for transfer in transfers})]
    if not transfers:
        return words["none"] + "\n"
    headers = tuple(words["headers"].split("|"))
    worded = _Worded(lang)
    rows = [headers, *(_row(transfer, lang, worded) for transfer in transfers)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(headers) - 1)]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        return "  ".join([*cells, row[-1]]).rstrip()

    out = [words["title"].format(days=", ".join(days)), "", line(headers)]
    for transfer, row in zip(transfers, rows[1:], strict=True):
        out.append(line(row))
        out.extend(worded(transfer.assessment)[1])
        out.extend(_caveat_lines(transfer, lang))
    out += ["", _summary(transfers, lang)]
    return "\n".join(out) + "\n"
