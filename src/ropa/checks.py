"""What a data protection officer must act on: findings about a register, each citing the law.

A finding is not an error in the file (the loader refuses those): it is a gap or a risk in what
the register says. Each has a stable code (see docs/checks.md), a severity, the path of the
record it is about and a message that cites the article. `ropa check` adds the line in the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import TypedDict

from ropa._boundary import a_date, a_register, a_text
from ropa.checks_grain import law_gaps, unfinished_texts
from ropa.checks_notice import notice_gaps
from ropa.checks_over_time import over_time_findings
from ropa.checks_words import FindingParams, finding_text, params, title
from ropa.law import adequacy_ending_between
from ropa.law.national import national_law
from ropa.law.obligations import dpo_required, representative_problems
from ropa.law.public_bodies import public_area_monitoring, public_authority_findings
from ropa.law.register_transfers import importer_name
from ropa.law.wording import Reason
from ropa.model import (
    ActivityRole,
    RecipientRole,
    Register,
    TransferMechanism,
    inconsistencies,
)
from ropa.model.consistency import Path, format_path
from ropa.model.queries import is_running
from ropa.transfers import RegisterTransfer, register_transfers

__all__ = ["CODES", "Finding", "Severity", "check"]


class Severity(StrEnum):
    ERROR = "error"
    """Unlawful or invalid as recorded: fix before publishing."""
    WARNING = "warning"
    """A gap or a risk the DPO should act on."""
    INFO = "info"
    """Worth knowing; no action may be needed."""


@dataclass(frozen=True)
class Finding:
    """One thing to act on: a stable code, a severity, where in the register, and why.

    Why is a message of the catalogues (`key`, context `findings`) with its language-neutral `params`:
    `text(lang)` words it in any language ropa writes; `message` is the English text."""

    code: str
    severity: Severity
    path: Path
    message: str
    """The finding in English (`text(lang)` for another language)."""
    line: int | None = None
    """The line in the register file, when the register was read from one (`ropa check` fills it)."""
    column: int | None = None
    """The column in the register file (1-based), when the register was read from one."""
    file: str | None = None
    """The register file, when the register was read from one (`ropa.check` fills it)."""
    key: str = ""
    """The message of the catalogues that words the finding (context `findings`): its code, or `code.variant`."""
    params: FindingParams = ()
    """The message's parameters, (name, value) pairs: register ids and names, ISO country codes, ISO dates,
    ISO 8601 durations, transfer tool ids, counts; never words of one language (docs/checks.md)."""
    reasons: tuple[Reason, ...] = field(default=(), repr=False)
    """For a transfer verdict (T101), its reasons as data, worded in the finding's language."""

    @property
    def where(self) -> str:
        return format_path(self.path)

    def text(self, lang: str) -> str:
        """The finding in `lang`: its message of the catalogues, its parameters in words of that language.

        A finding made without a `key` has only its English `message`; a missing message is `MissingWording`."""
        if not self.key:
            if lang == "en":
                return self.message
            raise ValueError(f"the finding {self.code} has no message key: it has only its English message")
        return finding_text(self.key, self.params, lang, self.reasons)

    def title(self, lang: str) -> str:
        """The title of the finding's code (`CODES`) in `lang`."""
        return title(self.code, lang)

    def located(self, line: int, column: int | None = None, file: str | None = None) -> Finding:
        return replace(self, line=line, column=column, file=file)

    def as_dict(self, lang: str = "en") -> dict[str, str | int | dict[str, str | int] | None]:
        """The finding as plain data for another tool (JSON): code, severity, file, line, column, path, key,
        params and the message in `lang`; only the message differs from one language to another."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.where,
            "key": self.key,
            "params": dict(self.params),
            "message": self.text(lang),
        }


# Every code ropa emits, with its severity and a title; docs/checks.md explains each one.
CODES: dict[str, tuple[Severity, str]] = {
    "R001": (Severity.ERROR, "the register is inconsistent"),
    "T101": (Severity.ERROR, "transfer unlawful on the date"),
    "T102": (Severity.WARNING, "derogation relied on for regular transfers"),
    "T103": (Severity.WARNING, "Art. 46 transfer without a transfer impact assessment"),
    "T104": (Severity.WARNING, "transfer resting on the Data Privacy Framework alone"),
    "T105": (Severity.ERROR, "compelling-legitimate-interests transfer without its documentation"),
    "T106": (Severity.WARNING, "adequacy decision ending within a year"),
    "T107": (Severity.WARNING, "recipient's processing locations unknown"),
    "P201": (Severity.WARNING, "processor without an Art. 28 contract on file"),
    "P202": (Severity.WARNING, "recipient's legal entity unknown"),
    "P203": (Severity.WARNING, "joint controller without the essence of the arrangement"),
    "B301": (Severity.WARNING, "legitimate interests relied on by a public-utility association"),
    "B302": (Severity.INFO, "public-utility status unknown while legitimate interests are relied on"),
    "D401": (Severity.WARNING, "children among the data subjects, no DPIA decision"),
    "D402": (Severity.WARNING, "data category without a retention period"),
    "D403": (Severity.WARNING, "activity without security measures"),
    "D404": (Severity.WARNING, "activity without purposes"),
    "D405": (Severity.WARNING, "activity without data subjects or data categories"),
    "U501": (Severity.WARNING, "recipient no activity uses"),
    "U502": (Severity.WARNING, "purpose no activity uses"),
    "C601": (Severity.ERROR, "no data protection officer for a public-utility association"),
    "C602": (Severity.ERROR, "data protection officer required and absent"),
    "C603": (Severity.WARNING, "controller outside the Union without a representative"),
    "C604": (Severity.ERROR, "representative not established in the Union"),
    "D406": (Severity.ERROR, "DPIA required and not done for a running activity"),
    "N701": (Severity.WARNING, "national identification number for legitimate interests without a DPO"),
    "I901": (Severity.INFO, "no verified facts on the supervisory authority for the notice"),
    "I902": (Severity.WARNING, "no contact details for the controller"),
    "I903": (Severity.WARNING, "data protection officer without contact details"),
    "I904": (Severity.WARNING, "representative without contact details"),
    "I905": (Severity.WARNING, "purpose without the Art. 13(2)(e) statement"),
    "I906": (Severity.WARNING, "activity without the source of its data"),
    "I908": (Severity.WARNING, "signs of tracking without a cookie inventory"),
    "B303": (Severity.WARNING, "legal obligation or public task without the law that lays it down"),
    "B304": (Severity.ERROR, "a third country's law given as the law behind (c), (e) or Art. 10"),
    "D407": (Severity.WARNING, "criminal-offence data without the law that authorises it"),
    "I907": (Severity.WARNING, "published text that reads like an unfinished note"),
    "P204": (Severity.WARNING, "sub-processor change applied before the promised notice"),
    "D408": (Severity.WARNING, "entry past its review date"),
    "B305": (Severity.WARNING, "legitimate interests relied on by a public authority"),
    "T108": (Severity.WARNING, "Art. 49(1)(a)-(c) or compelling-interests derogation relied on by a public authority"),
    "D409": (Severity.WARNING, "systematic monitoring of a publicly accessible area, no DPIA decision"),
}


def check(
    register: Register, *, on: date, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> list[Finding]:
    """Every finding about `register`, with transfers judged on `on`, in register order.

    `select` keeps only the findings whose code begins with one of its codes or prefixes (`"T1"`, `"D402"`);
    `ignore` then leaves out those whose code begins with one of its own. An unknown code is a `ValueError`.
    """
    a_register("register", register)
    a_date("on", on)
    chosen = None if select is None else _codes("select", select)
    left_out = _codes("ignore", ignore)
    transfers = register_transfers(register, on)
    findings: list[Finding] = []
    for rule in _RULES:
        findings.extend(rule(register, transfers, on))
    return [
        finding
        for finding in findings
        if (chosen is None or finding.code.startswith(chosen)) and not finding.code.startswith(left_out)
    ]


def _codes(name: str, codes: Iterable[str]) -> tuple[str, ...]:
    if isinstance(codes, str):
        raise TypeError(f"{name} must be a collection of codes, not the str {codes!r}: write [{codes!r}]")
    found = tuple(a_text(name, code) for code in codes)
    unknown = [code for code in found if not code or not any(known.startswith(code) for known in CODES)]
    if unknown:
        raise ValueError(f"{name}: no finding has a code beginning {', '.join(map(repr, unknown))} (docs/checks.md)")
    return found


def _finding(code: str, path: Path, *, verdict: tuple[Reason, ...] = (), **values: str | int | date) -> Finding:
    """The finding `code` at `path`, worded by its message (key: the code) with `values`; a transfer `verdict`'s
    reasons fill its `{reasons}` (its `reasons` parameter holds their keys)."""
    return _found(code, path, code, params(**values), verdict)


def _found(code: str, path: Path, key: str, given: FindingParams, verdict: tuple[Reason, ...] = ()) -> Finding:
    """A finding as (code, path, message key, parameters): its message in English, its words for every language."""
    severity, _ = CODES[code]
    english = finding_text(key, given, "en", verdict)
    return Finding(code, severity, path, english, key=key, params=given, reasons=verdict)


Rule = Callable[[Register, list[RegisterTransfer], date], Iterator[Finding]]


def _consistency(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    # A register read by `ropa.load` has none; one built in code with deferred checks may.
    for problem in inconsistencies(register):
        yield _finding("R001", problem.path, problem=problem.message)


def _transfer_path(transfer: RegisterTransfer) -> Path:
    if transfer.to_client_controller:
        return ("client_controllers", transfer.recipient, "country")
    return ("recipients", transfer.recipient, "locations")


def _unlawful_transfers(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for transfer in transfers:
        if not transfer.assessment.lawful:
            reasons = transfer.assessment.structured_reasons
            yield _finding(
                "T101",
                _transfer_path(transfer),
                verdict=reasons,
                **_transfer_words(register, transfer),
                on=on,
                reasons=", ".join(reason.key for reason in reasons),
            )


def _derogations(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for transfer in transfers:
        assessment = transfer.assessment
        if assessment.basis != "derogation":
            continue
        activity = register.activities[transfer.activity]
        if not activity.occasional:
            yield _finding("T102", ("activities", transfer.activity), **_transfer_words(register, transfer))
        if transfer.to_client_controller:
            continue
        recipient = register.recipients[transfer.recipient]
        relies_on_compelling_interests = TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS in transfer.mechanisms
        if relies_on_compelling_interests and recipient.derogation_safeguards is None:
            yield _finding(
                "T105",
                ("recipients", transfer.recipient, "derogation_safeguards"),
                **_transfer_words(register, transfer),
            )


def _safeguard_gaps(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    warned_tia: set[str] = set()
    warned_dpf: set[str] = set()
    for transfer in transfers:
        if transfer.to_client_controller:
            continue
        recipient = register.recipients[transfer.recipient]
        basis = transfer.assessment.basis
        if (
            basis == "safeguards"
            and recipient.transfer_impact_assessment is None
            and transfer.recipient not in warned_tia
        ):
            warned_tia.add(transfer.recipient)
            yield _finding(
                "T103",
                ("recipients", transfer.recipient, "transfer_impact_assessment"),
                recipient=recipient.name,
                destination=transfer.destination,
            )
        # The engine's own list of fallbacks valid on the date (never Safe Harbour, Privacy Shield or expired SCCs).
        only_dpf = basis == "adequacy" and transfer.dpf_certified and not transfer.assessment.fallbacks
        if only_dpf and transfer.destination == "US" and transfer.recipient not in warned_dpf:
            warned_dpf.add(transfer.recipient)
            yield _finding("T104", ("recipients", transfer.recipient, "mechanisms"), recipient=recipient.name)


def _adequacy_ending(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for transfer in transfers:
        if transfer.assessment.basis != "adequacy":
            continue
        for decision in adequacy_ending_between(transfer.destination, on, on + timedelta(days=365)):
            if (transfer.recipient, decision.reference) in seen:
                continue
            seen.add((transfer.recipient, decision.reference))
            yield _finding(
                "T106",
                _transfer_path(transfer),
                recipient=importer_name(register, transfer),
                destination=transfer.destination,
                decision=decision.reference,
                until=decision.until,
            )


def _unknown_recipient_facts(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    used = _used(register, "recipients")
    roles_of = _roles(register)
    for key, recipient in register.recipients.items():
        if key not in used:
            continue
        path: Path = ("recipients", key)
        if not recipient.locations:
            yield _finding("T107", (*path, "locations"), recipient=recipient.name)
        roles = roles_of.get(key, set())
        if any(role.processes_on_our_behalf for role in roles) and recipient.contract is None:
            yield _finding("P201", (*path, "contract"), recipient=recipient.name)
        if recipient.legal_entity is None and roles != {RecipientRole.PUBLIC_AUTHORITY}:
            yield _finding("P202", (*path, "legal_entity"), recipient=recipient.name)
        if recipient.role == "joint-controller" and recipient.arrangement is None:
            yield _finding("P203", (*path, "arrangement"), recipient=recipient.name)


def _national(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    # National rules apply by the controller's country only (ropa.law.national): a German or US
    # controller is never measured against Romanian law.
    law = national_law(register)
    if law is None:
        return
    for found in law.findings(register):
        yield _found(found.code, found.path, found.key, found.params)


def _data_protection_officer(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for path, key, given in dpo_required(register, on):
        yield _found("C602", path, key, given)


def _representative(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for code, path, key, given in representative_problems(register, on):
        yield _found(code, path, key, given)


def _activities(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for key, activity in register.activities.items():
        if activity.ended is not None and activity.ended < on:
            continue
        path: Path = ("activities", key)
        if not activity.security_measures:
            yield _finding("D403", (*path, "security_measures"))
        if activity.role is ActivityRole.PROCESSOR:
            # Purposes, retention and the DPIA are the controller's to decide (Art. 28(3), 35(1)); the
            # processor's record (Art. 30(2)) holds none of them.
            continue
        if activity.dpia is not None and activity.dpia.required and not activity.dpia.done and is_running(activity, on):
            yield _finding("D406", (*path, "dpia", "done"))
        children = [subject for subject in activity.data_subjects if register.data_subjects[subject].children]
        if children and activity.dpia is None:
            yield _finding("D401", (*path, "dpia"), data_subjects=", ".join(children))
        kept = {category for rule in activity.retention for category in rule.data}
        for category in activity.data_categories:
            if category not in kept:
                yield _finding("D402", (*path, "retention"), category=category)
        if not activity.purposes:
            yield _finding("D404", (*path, "purposes"))
        if not activity.data_subjects or not activity.data_categories:
            yield _finding("D405", path)


def _roles(register: Register) -> dict[str, set[RecipientRole]]:
    """The roles each recipient has in the activities that use it (its own role where an activity gives none).

    Gathered in one pass over the activities: looking them up per recipient is quadratic at scale.
    """
    roles: dict[str, set[RecipientRole]] = {}
    for activity in register.activities.values():
        for key in activity.recipients:
            recipient = register.recipients.get(key)
            if recipient is not None:
                roles.setdefault(key, set()).add(activity.role_of(key, recipient.role))
    return roles


def _used(register: Register, collection: str) -> set[str]:
    used: set[str] = set()
    for activity in register.activities.values():
        used.update(getattr(activity, collection))
    return used


def _unused(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    used_recipients = _used(register, "recipients")
    for key, recipient in register.recipients.items():
        if key not in used_recipients:
            yield _finding("U501", ("recipients", key), recipient=recipient.name)
    used_purposes = _used(register, "purposes")
    for key in register.purposes:
        if key not in used_purposes:
            yield _finding("U502", ("purposes", key))


class _TransferNames(TypedDict):
    """The parameters naming a transfer: its recipient (or client controller), destination and activity."""

    recipient: str
    destination: str
    activity: str


def _transfer_words(register: Register, transfer: RegisterTransfer) -> _TransferNames:
    return {
        "recipient": importer_name(register, transfer),
        "destination": transfer.destination,
        "activity": transfer.activity,
    }


def _notice(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for code, path, key, given in notice_gaps(register, on):  # Art. 13, 14: ropa.checks_notice
        yield _found(code, path, key, given)


def _law_and_text(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for code, path, key, given in [*law_gaps(register, on), *unfinished_texts(register)]:  # ropa.checks_grain
        yield _found(code, path, key, given)


def _over_time(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    for code, path, key, given in over_time_findings(register, on):  # P204, D408: ropa.checks_over_time
        yield _found(code, path, key, given)


def _public_bodies(register: Register, transfers: list[RegisterTransfer], on: date) -> Iterator[Finding]:
    # B305, T108 (Art. 6(1) last subparagraph, 49(3)), D409 (Art. 35(3)(c)): ropa.law.public_bodies
    for code, path, key, given in [
        *public_authority_findings(register, transfers),
        *public_area_monitoring(register, on),
    ]:
        yield _found(code, path, key, given)


_RULES: tuple[Rule, ...] = (
    _consistency,
    _national,
    _data_protection_officer,
    _representative,
    _unknown_recipient_facts,
    _unlawful_transfers,
    _derogations,
    _safeguard_gaps,
    _adequacy_ending,
    _activities,
    _unused,
    _notice,
    _law_and_text,
    _over_time,
    _public_bodies,
)
