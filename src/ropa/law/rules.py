"""The order of the law on a transfer (Chapter V GDPR), applied to the legal facts on a date.

Inside the EEA → adequacy in force and in scope (Art. 45) → appropriate safeguards (Art. 46, 47)
→ derogations (Art. 49) → unlawful (Art. 44). Pure and deterministic: the same question always
gets the same answer, whatever the order in which the transfer tools are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from ropa.law.facts import AdequacyDecision, LegalFacts, MechanismRule, Membership, Period, legal_facts
from ropa.model.places import INTERNATIONAL_ORGANISATIONS, country_name, is_country_code
from ropa.model.vocabulary import TransferMechanism

__all__ = [
    "ALIASES",
    "DOMAIN_START",
    "Assessment",
    "Basis",
    "Expiry",
    "adequacy_ending_between",
    "assess",
    "normalise_destination",
    "parse_mechanisms",
]

Basis = Literal["intra-eea", "adequacy", "safeguards", "derogation", "none"]

DOMAIN_START = date(2018, 5, 25)
"""The first day the engine judges: the GDPR applies from 25 May 2018 (Art. 99(2)); the facts file says the same."""

ALIASES: dict[str, str] = {"EL": "GR", "UK": "GB"}
"""The EU's own country codes, accepted for their ISO 3166-1 equivalents."""

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_OCCASIONAL = (
    "Art. 49 derogations are for occasional, non-repetitive transfers only and are read restrictively, so that "
    "the exception does not become the rule: not for regular transfers within a stable relationship "
    "(recital 111; EDPB Guidelines 2/2018)."
)
_TIA = (
    "A transfer impact assessment is required: check that the law and practice of the destination do not "
    "undermine the safeguards and add supplementary measures where needed (CJEU C-311/18; EDPB "
    "Recommendations 01/2020)."
)
_RIGHTS = "Art. 46(1) requires enforceable data subject rights and effective legal remedies to be available."


@dataclass(frozen=True)
class Assessment:
    """The verdict of Chapter V on one transfer on one date, with the law it rests on."""

    destination: str
    """The destination, normalised: an ISO 3166-1 alpha-2 code or an `IO:` id."""
    on: date
    """The date of the transfer."""
    lawful: bool
    """True when Chapter V allows the transfer on that date."""
    basis: Basis
    """What allows it: `intra-eea` (no transfer to a third country), `adequacy` (Art. 45), `safeguards`
    (Art. 46, 47), `derogation` (Art. 49), or `none`."""
    citation: str
    """The provision and act the verdict rests on."""
    reasons: tuple[str, ...]
    """Why, in words: what applies, what does not and on what condition."""
    tia_required: bool
    """True when a transfer impact assessment is required (Art. 46 tools; EDPB Recommendations 01/2020)."""
    relied_on: tuple[TransferMechanism, ...] = ()
    """The declared tools the verdict relies on, in the engine's order of preference."""
    authorisation_required: bool = False
    """True when the tool relied on needs the supervisory authority's authorisation (Art. 46(3))."""


@dataclass(frozen=True)
class _Case:
    place: str
    name: str
    on: date
    declared: tuple[TransferMechanism, ...]
    dpf_certified: bool
    outside_adequacy_scope: bool


def normalise_destination(destination: str) -> str:
    """The ISO 3166-1 alpha-2 code or `IO:` id for `destination`; `EL` and `UK` are accepted as aliases."""
    place = destination.strip().upper()
    place = ALIASES.get(place, place)
    if place in INTERNATIONAL_ORGANISATIONS or (len(place) == 2 and is_country_code(place)):
        return place
    known = ", ".join(INTERNATIONAL_ORGANISATIONS)
    raise ValueError(
        f"unknown destination {destination!r}: give an ISO 3166-1 alpha-2 country code (e.g. 'US'; "
        f"'EL' and 'UK' are accepted for Greece and the United Kingdom) or an international organisation ({known})"
    )


def parse_mechanisms(mechanisms: Iterable[str | TransferMechanism]) -> tuple[TransferMechanism, ...]:
    """The declared tools, without repeats, in the engine's fixed order of preference."""
    if isinstance(mechanisms, str):
        raise TypeError("`mechanisms` is a collection of tools, not a single string: write mechanisms=['scc']")
    found: set[TransferMechanism] = set()
    for mechanism in mechanisms:
        try:
            found.add(TransferMechanism(mechanism))
        except ValueError:
            known = ", ".join(item.value for item in TransferMechanism)
            raise ValueError(f"unknown transfer mechanism {mechanism!r} (known: {known})") from None
    order = [rule.mechanism for rule in legal_facts().mechanisms]
    return tuple(sorted(found, key=order.index))


def assess(
    destination: str,
    on: date,
    *,
    mechanisms: Iterable[str | TransferMechanism] = (),
    dpf_certified: bool = False,
    outside_adequacy_scope: bool = False,
) -> Assessment:
    """Whether Chapter V GDPR allows a transfer to `destination` on `on`, and on what basis.

    `mechanisms` are the transfer tools declared for the recipient; `dpf_certified` says the importer
    is on the Data Privacy Framework List; `outside_adequacy_scope` says the importer falls outside
    the scope of a limited adequacy decision (e.g. a Canadian body not subject to PIPEDA).
    Raises `ValueError` for a date before 25 May 2018, an unknown destination or an unknown mechanism.
    """
    facts = legal_facts()
    place = normalise_destination(destination)
    day = _in_domain(on, facts)
    case = _Case(place, _named(place), day, parse_mechanisms(mechanisms), dpf_certified, outside_adequacy_scope)
    membership = next((item for item in facts.memberships_of(place) if item.holds_on(day)), None)
    if membership is not None:
        return _intra_eea(case, membership)
    reasons = [f"{_capital(case.name)} is outside the EEA on that date: Chapter V GDPR applies (Art. 44)."]
    return (
        _adequacy(case, facts, reasons)
        or _safeguards(case, facts, reasons)
        or _derogation(case, facts, reasons)
        or _unlawful(case, reasons)
    )


def _in_domain(on: date, facts: LegalFacts) -> date:
    if not isinstance(on, date):
        raise TypeError(f"`on` must be a date, not {type(on).__name__}")
    day = on.date() if isinstance(on, datetime) else on
    if day < facts.domain.start:
        raise ValueError(
            f"{day.isoformat()} is before {_day(facts.domain.start)}, when the GDPR started to apply "
            f"({facts.domain.reference}): ropa does not judge earlier transfers"
        )
    return day


_NAMES_WITH_ARTICLE = ("United ", "Republic of ", "Netherlands", "Faroe ", "Isle of ", "Bailiwick ", "European ")


def _named(place: str) -> str:
    """The place's English name as a sentence uses it: "the United States", "Brazil"."""
    name = country_name(place, "en")
    return f"the {name}" if name.startswith(_NAMES_WITH_ARTICLE) else name


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _window(period: Period) -> str:
    """'valid from 12 July 2016 until 15 July 2020', 'valid from 10 July 2023', 'valid until 26 December 2022'."""
    parts = [f"from {_day(period.start)}"] if period.start else []
    parts += [f"until {_day(period.until)}"] if period.until else []
    return " ".join(["valid", *parts]) if parts else "valid throughout"


def _assessment(
    case: _Case,
    basis: Basis,
    citation: str,
    reasons: list[str],
    relied: tuple[TransferMechanism, ...] = (),
    authorisation: bool = False,
) -> Assessment:
    return Assessment(
        destination=case.place,
        on=case.on,
        lawful=basis != "none",
        basis=basis,
        citation=citation,
        reasons=tuple(reasons),
        tia_required=basis == "safeguards",
        relied_on=relied,
        authorisation_required=authorisation,
    )


_NOT_A_TRANSFER = "this is not a transfer to a third country, and Chapter V does not apply."

_MEMBERSHIP_REASONS = {
    "member-state": "{name} is a Member State of the European Union on that date: " + _NOT_A_TRANSFER,
    "eea-efta": "{name} is an EEA EFTA State applying the GDPR under the EEA Agreement on that date: "
    + _NOT_A_TRANSFER,
    "eea-directive": (
        "{name} is an EEA State, but until {until} the GDPR was not yet part of the EEA Agreement, which still "
        "applied Directive 95/46/EC there: ropa treats the flow as one within the EEA, so Chapter V does not apply."
    ),
    "withdrawal-transition": (
        "{name} is no longer a Member State, but during the transition period (until {until}) Union law applies "
        "to and in it with the same legal effects as in a Member State (Withdrawal Agreement, Art. 127): "
        + _NOT_A_TRANSFER
    ),
    "tca-bridge": (
        "Under the bridge of the EU-UK Trade and Cooperation Agreement (until the adequacy decisions), a "
        "transmission to {name} is not a transfer to a third country under Union law: Chapter V does not apply, "
        "and ropa reports the basis as intra-EEA."
    ),
    "outermost-region": "{name} is an outermost region, part of the Union (Art. 349 and 355(1) TFEU): "
    + _NOT_A_TRANSFER,
    "special-territory": "{name} is part of a Member State and of the Union: " + _NOT_A_TRANSFER,
}


def _intra_eea(case: _Case, membership: Membership) -> Assessment:
    until = _day(membership.until) if membership.until else ""
    reasons = [_capital(_MEMBERSHIP_REASONS[membership.status].format(name=case.name, until=until))]
    if case.declared:
        reasons.append("The declared transfer tools are not needed for this destination on that date.")
    return _assessment(case, "intra-eea", membership.reference, reasons)


def _adequacy(case: _Case, facts: LegalFacts, reasons: list[str]) -> Assessment | None:
    decisions = facts.decisions_for(case.place)
    if not decisions:
        reasons.append(f"No adequacy decision covers {case.name} (Art. 45).")
    for decision in decisions:
        problem = _why_not_covered(decision, case, facts)
        if problem is None:
            return _adequate(case, facts, decision, reasons)
        if problem:
            reasons.append(problem)
    for mechanism in case.declared:
        rule = facts.rule(mechanism)
        if rule.decision is not None and facts.decision(rule.decision).place != case.place:
            where = _named(facts.decision(rule.decision).place)
            reasons.append(f"'{mechanism}' stands for {rule.reference}, which covered only transfers to {where}.")
    return None


def _why_not_covered(decision: AdequacyDecision, case: _Case, facts: LegalFacts) -> str | None:
    """None if the decision covers the case; else why not ('' when not worth saying)."""
    declared = any(facts.rule(mechanism).decision == decision.id for mechanism in case.declared)
    if decision.requires == "declared" and not declared:
        # Privacy Shield and Safe Harbour covered only importers that self-certified: a register says so
        # by declaring them; without that they are beside the point.
        return ""
    if not decision.holds_on(case.on):
        return f"{decision.reference} is not in force on that date ({_window(decision)})."
    if decision.requires == "dpf-certified" and not case.dpf_certified:
        return (
            f"{decision.reference} covers only importers on the Data Privacy Framework List; "
            "the recipient is not marked DPF-certified."
        )
    scope = decision.scope_on(case.on)
    if scope.limited and case.outside_adequacy_scope:
        return f"{decision.reference} covers {scope.condition}; the recipient is marked outside that scope."
    return None


def _adequate(case: _Case, facts: LegalFacts, decision: AdequacyDecision, reasons: list[str]) -> Assessment:
    reasons.append(f"Adequacy: {decision.reference} is in force for {case.name} on that date ({decision.article}).")
    scope = decision.scope_on(case.on)
    if scope.limited:
        reasons.append(f"Scope condition: the decision covers {scope.condition}; the recipient must fall within it.")
    if decision.caveat:
        reasons.append(decision.caveat)
    relied = tuple(mechanism for mechanism in case.declared if facts.rule(mechanism).decision == decision.id)
    spare = [mechanism.value for mechanism in case.declared if mechanism not in relied]
    if spare:
        reasons.append(f"Not needed while the decision applies, kept as a fallback: {', '.join(spare)}.")
    citation = f"{decision.article}; {decision.reference}"
    return _assessment(case, "adequacy", citation, reasons, relied)


def _safeguards(case: _Case, facts: LegalFacts, reasons: list[str]) -> Assessment | None:
    rules = [facts.rule(mechanism) for mechanism in case.declared if facts.rule(mechanism).tier == "safeguard"]
    valid = [rule for rule in rules if rule.holds_on(case.on)]
    for rule in rules:
        if rule not in valid:
            reasons.append(f"'{rule.mechanism}' is not valid on that date ({rule.reference}: {_window(rule)}).")
    if not valid:
        if not rules:
            reasons.append("No appropriate safeguard under Art. 46 or 47 is declared.")
        return None
    first = valid[0]
    reasons.append(f"Appropriate safeguards: {first.reference}. {_RIGHTS}")
    if len(valid) > 1:
        reasons.append(f"Also declared and valid: {', '.join(rule.reference for rule in valid[1:])}.")
    for rule in valid:
        reasons.extend(_safeguard_conditions(rule, case.on))
    reasons.append(_TIA)
    derogations = [mechanism.value for mechanism in case.declared if facts.rule(mechanism).tier == "derogation"]
    if derogations:
        reasons.append(
            f"Not needed, as Art. 49 applies only in the absence of adequacy and of appropriate safeguards: "
            f"{', '.join(derogations)}."
        )
    relied = tuple(rule.mechanism for rule in valid)
    return _assessment(case, "safeguards", first.reference, reasons, relied, first.authorisation_required)


def _safeguard_conditions(rule: MechanismRule, on: date) -> list[str]:
    found = [f"Condition of '{rule.mechanism}': {condition}." for condition in rule.conditions]
    if rule.new_contracts_until is not None and on > rule.new_contracts_until:
        found.append(f"'{rule.mechanism}': no new contract may rely on it after {_day(rule.new_contracts_until)}.")
    if rule.until is not None:
        found.append(f"'{rule.mechanism}' is valid until {_day(rule.until)} only.")
    if rule.authorisation_required:
        found.append(
            f"'{rule.mechanism}' needs the authorisation of the competent supervisory authority "
            "(Art. 46(3), consistency mechanism of Art. 63)."
        )
    return found


def _derogation(case: _Case, facts: LegalFacts, reasons: list[str]) -> Assessment | None:
    rules = [facts.rule(mechanism) for mechanism in case.declared if facts.rule(mechanism).tier == "derogation"]
    valid = [rule for rule in rules if rule.holds_on(case.on)]
    points = [rule for rule in valid if rule.mechanism is not TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS]
    chosen = points or valid
    if not chosen:
        reasons.append("No derogation under Art. 49 is declared.")
        return None
    if points and len(valid) > len(points):
        reasons.append(
            "'compelling-legitimate-interests' is not relied on: the second subparagraph of Art. 49(1) applies "
            "only where none of the derogations of points (a) to (g) applies."
        )
    for rule in chosen:
        reasons.append(f"Derogation: {rule.reference}.")
        reasons.extend(f"Condition of '{rule.mechanism}': {condition}." for condition in rule.conditions)
    reasons.append(_OCCASIONAL)
    citation = "; ".join(rule.reference for rule in chosen)
    relied = tuple(rule.mechanism for rule in chosen)
    return _assessment(case, "derogation", citation, reasons, relied)


def _unlawful(case: _Case, reasons: list[str]) -> Assessment:
    reasons.append(
        "No adequacy decision, appropriate safeguard or derogation applies on that date: "
        "the transfer is not lawful (Art. 44 GDPR)."
    )
    return _assessment(case, "none", "Art. 44 GDPR", reasons)


@dataclass(frozen=True)
class Expiry:
    """An adequacy decision that will end: its reference, its last day and the decision itself."""

    reference: str
    until: date
    decision: AdequacyDecision


def adequacy_ending_between(destination: str, start: date, end: date) -> tuple[Expiry, ...]:
    """The GDPR adequacy decisions for `destination` in force on `start` whose last day falls in [start, end].

    For planning: a transfer resting on such a decision needs a fallback under Art. 46 before it expires.
    """
    place = normalise_destination(destination)
    return tuple(
        Expiry(decision.reference, decision.until, decision)
        for decision in legal_facts().decisions_for(place)
        if decision.holds_on(start) and decision.until is not None and start <= decision.until <= end
    )
