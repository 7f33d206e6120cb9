"""The order of the law on a transfer (Chapter V GDPR), applied to the legal facts on a date.

Inside the EEA → adequacy in force and in scope (Art. 45) → appropriate safeguards (Art. 46, 47)
→ derogations (Art. 49) → unlawful (Art. 44). Pure and deterministic: the same question always
gets the same answer, whatever the order in which the transfer tools are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from ropa._boundary import a_bool, a_date, a_text, an_optional_date
from ropa.law import wording
from ropa.law.assessment import Assessment, Basis
from ropa.law.expiry import Expiry, adequacy_ending_between
from ropa.law.facts import AdequacyDecision, LegalFacts, MechanismRule, Membership, Part, Period, legal_facts
from ropa.law.places import ALIASES, normalise_destination
from ropa.law.sentences import CITATIONS
from ropa.law.wording import Localized, Place, Reason, Window
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


DOMAIN_START = date(2018, 5, 25)
"""The first day the engine judges: the GDPR applies from 25 May 2018 (Art. 99(2)); the facts file says the same."""


@dataclass(frozen=True)
class _Case:
    place: str
    on: date
    declared: tuple[TransferMechanism, ...]
    dpf_certified: bool
    outside_adequacy_scope: bool
    scc_legacy_concluded: date | None = None

    @property
    def named(self) -> Place:
        return Place(self.place)


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
    scc_legacy_concluded: date | None = None,
) -> Assessment:
    """Whether Chapter V GDPR allows a transfer to `destination` on `on`, and on what basis.

    `mechanisms` are the transfer tools declared for the recipient; `dpf_certified` says the importer
    is on the Data Privacy Framework List; `outside_adequacy_scope` says the importer falls outside
    the scope of a limited adequacy decision (e.g. a Canadian body not subject to PIPEDA);
    `scc_legacy_concluded` is the day the contract with the pre-2021 clauses (`scc-legacy`) was concluded.
    Raises `ValueError` for a date before 25 May 2018, an unknown destination or an unknown mechanism, and
    `TypeError` naming the argument for a value of the wrong type (a `datetime` for a date, "no" for a flag).
    """
    a_text("destination", destination)
    a_date("on", on)
    a_bool("dpf_certified", dpf_certified)
    a_bool("outside_adequacy_scope", outside_adequacy_scope)
    an_optional_date("scc_legacy_concluded", scc_legacy_concluded)
    if isinstance(mechanisms, str):
        raise TypeError(
            f"mechanisms must be a collection of mechanisms, not the str {mechanisms!r}: write [{mechanisms!r}]"
        )
    facts = legal_facts()
    place = normalise_destination(destination)
    day = _in_domain(on, facts)
    declared = parse_mechanisms(mechanisms)
    case = _Case(place, day, declared, dpf_certified, outside_adequacy_scope, scc_legacy_concluded)
    part = facts.part(place)
    if part is not None:
        return _as_part_of(case, part)
    membership = next((item for item in facts.memberships_of(place) if item.holds_on(day)), None)
    if membership is not None:
        return _intra_eea(case, membership)
    reasons = [Reason.of("third-country", place=case.named)]
    shared = facts.shared(place)
    if shared is not None:
        reasons.append(
            Reason.of(
                "shared-code",
                place=case.named,
                shared=case.place,
                assumed=shared.assumed_text,
                reference=shared.reference_text,
                part=Place(shared.place),
                country=Place(shared.part_of),
                code=shared.place,
            )
        )
    return (
        _adequacy(case, facts, reasons)
        or _safeguards(case, facts, reasons)
        or _derogation(case, facts, reasons)
        or _unlawful(case, reasons)
    )


def _as_part_of(case: _Case, part: Part) -> Assessment:
    """A place named apart from its ISO 3166-1 code (Jan Mayen) takes the verdict of its country, and says so."""
    whole = assess(
        part.part_of,
        case.on,
        mechanisms=case.declared,
        dpf_certified=case.dpf_certified,
        outside_adequacy_scope=case.outside_adequacy_scope,
        scc_legacy_concluded=case.scc_legacy_concluded,
    )
    said = Reason.of("part-of", place=case.named, country=Place(part.part_of), reference=part.reference_text)
    structured = (said, *whole.structured_reasons)
    citation = (part.reference_text, *whole.citation_parts)
    return replace(
        whole,
        destination=case.place,
        citation=wording.citation(citation, "en"),
        reasons=tuple(wording.sentence(reason, "en") for reason in structured),
        citation_parts=citation,
        structured_reasons=structured,
    )


def _in_domain(on: date, facts: LegalFacts) -> date:
    day = a_date("on", on)
    if day < facts.domain.start:
        raise ValueError(
            f"{day.isoformat()} is before {wording.day(facts.domain.start, 'en')}, when the GDPR started to apply "
            f"({facts.domain.reference}): ropa does not judge earlier transfers"
        )
    return day


def _window(period: Period) -> Window:
    return Window(period.start, period.until)


def _ids(mechanisms: Iterable[TransferMechanism]) -> tuple[str, ...]:
    return tuple(mechanism.value for mechanism in mechanisms)


def _assessment(
    case: _Case,
    basis: Basis,
    citation: tuple[Localized, ...],
    reasons: list[Reason],
    relied: tuple[TransferMechanism, ...] = (),
    authorisation: bool = False,
    conditional: bool = False,
    fallbacks: tuple[TransferMechanism, ...] = (),
) -> Assessment:
    return Assessment(
        destination=case.place,
        on=case.on,
        lawful=basis != "none",
        basis=basis,
        citation=wording.citation(citation, "en"),
        reasons=tuple(wording.sentence(reason, "en") for reason in reasons),
        tia_required=basis == "safeguards",
        relied_on=relied,
        authorisation_required=authorisation,
        conditional=conditional,
        fallbacks=fallbacks,
        citation_parts=citation,
        structured_reasons=tuple(reasons),
    )


def _intra_eea(case: _Case, membership: Membership) -> Assessment:
    until = {"until": membership.until} if membership.until else {}
    reasons = [Reason.of(f"intra-eea.{membership.status}", place=case.named, **until)]
    if case.declared:
        reasons.append(Reason.of("intra-eea.tools-not-needed"))
    return _assessment(case, "intra-eea", (membership.reference_text,), reasons)


def _adequacy(case: _Case, facts: LegalFacts, reasons: list[Reason]) -> Assessment | None:
    decisions = facts.decisions_for(case.place)
    unverified = [decision for decision in facts.decisions_not_relied_on_for(case.place) if decision.holds_on(case.on)]
    for decision in unverified:
        reference, other = decision.reference_text, Place(decision.place)
        reasons.append(Reason.of("adequacy.not-extended", place=case.named, reference=reference, other=other))
    if not decisions and not unverified:
        reasons.append(Reason.of("adequacy.none", place=case.named))
    for decision in decisions:
        problem = _why_not_covered(decision, case, facts)
        if problem is None:
            return _adequate(case, facts, decision, reasons)
        if problem is not _BESIDE_THE_POINT:
            reasons.append(problem)
    for mechanism in case.declared:
        rule = facts.rule(mechanism)
        if rule.decision is not None and facts.decision(rule.decision).place != case.place:
            where = Place(facts.decision(rule.decision).place)
            reasons.append(
                Reason.of("adequacy.other-place", mechanism=mechanism.value, reference=rule.reference_text, place=where)
            )
    return None


_BESIDE_THE_POINT = Reason("")
"""A decision that does not cover the case, and is not worth a reason."""


def _why_not_covered(decision: AdequacyDecision, case: _Case, facts: LegalFacts) -> Reason | None:
    """None if the decision covers the case; else why not (`_BESIDE_THE_POINT` when not worth saying)."""
    declared = any(facts.rule(mechanism).decision == decision.id for mechanism in case.declared)
    if decision.requires == "declared" and not declared:
        # Privacy Shield and Safe Harbour covered only importers that self-certified: a register says so
        # by declaring them; without that they are beside the point.
        return _BESIDE_THE_POINT
    reference = decision.reference_text
    early = decision.may_apply_from
    if early is not None and decision.start is not None and early <= case.on < decision.start:
        return Reason.of("adequacy.may-already-apply", reference=reference, adopted=early, start=decision.start)
    if not decision.holds_on(case.on):
        return Reason.of("adequacy.not-in-force", reference=reference, window=_window(decision))
    if decision.requires == "dpf-certified" and not case.dpf_certified:
        return Reason.of("adequacy.not-dpf-certified", reference=reference)
    scope = decision.scope_on(case.on)
    if scope.limited and case.outside_adequacy_scope:
        return Reason.of("adequacy.outside-scope", reference=reference, condition=scope.condition_text)
    return None


def _adequate(case: _Case, facts: LegalFacts, decision: AdequacyDecision, reasons: list[Reason]) -> Assessment:
    reasons.append(
        Reason.of(
            "adequacy.in-force", reference=decision.reference_text, place=case.named, article=decision.article_text
        )
    )
    scope = decision.scope_on(case.on)
    if scope.limited:
        reasons.append(Reason.of("adequacy.scope-condition", condition=scope.condition_text))
    elif case.outside_adequacy_scope:
        # The register's flag never vanishes: on this date the decision excludes no importer, and says so.
        reasons.append(
            Reason.of(
                "adequacy.scope-flag-no-effect", reference=decision.reference_text, condition=scope.condition_text
            )
        )
    if decision.caveat_text is not None:
        reasons.append(Reason.of("adequacy.caveat", caveat=decision.caveat_text))
    relied = tuple(mechanism for mechanism in case.declared if facts.rule(mechanism).decision == decision.id)
    spare = [mechanism for mechanism in case.declared if mechanism not in relied]
    standing = {mechanism: _fallback_standing(facts.rule(mechanism), case, facts) for mechanism in spare}
    fallbacks = tuple(mechanism for mechanism in spare if standing[mechanism] == "valid")
    for key, kind in (("adequacy.fallback", "valid"), ("adequacy.conditional-fallback", "conditional")):
        listed = _ids(mechanism for mechanism in spare if standing[mechanism] == kind)
        if listed:
            reasons.append(Reason.of(key, mechanisms=listed))
    invalid = _ids(mechanism for mechanism in spare if standing[mechanism] == "invalid")
    if invalid:
        reasons.append(Reason.of("adequacy.not-a-fallback", mechanisms=invalid))
    citation = (decision.article_text, decision.reference_text)
    return _assessment(case, "adequacy", citation, reasons, relied, fallbacks=fallbacks)


Standing = Literal["valid", "conditional", "invalid"]


def _standing(rule: MechanismRule, case: _Case) -> Standing:
    """Whether a tool counts for this transfer on its date: a tool closed to new contracts counts only for a
    contract concluded by then (Art. 4 of Implementing Decision (EU) 2021/914), and is conditional when the
    register does not date the contract."""
    if not rule.holds_on(case.on):
        return "invalid"
    if rule.new_contracts_until is None or case.on <= rule.new_contracts_until:
        return "valid"
    concluded = case.scc_legacy_concluded if rule.mechanism is TransferMechanism.SCC_LEGACY else None
    if concluded is None:
        return "conditional"
    return "valid" if concluded <= rule.new_contracts_until else "invalid"


def _fallback_standing(rule: MechanismRule, case: _Case, facts: LegalFacts) -> Standing:
    if rule.decision is not None and facts.decision(rule.decision).place != case.place:
        return "invalid"
    return _standing(rule, case)


def _safeguards(case: _Case, facts: LegalFacts, reasons: list[Reason]) -> Assessment | None:
    rules = [facts.rule(mechanism) for mechanism in case.declared if facts.rule(mechanism).tier == "safeguard"]
    standing = [(rule, _standing(rule, case)) for rule in rules]
    certain = [rule for rule, kind in standing if kind == "valid"]
    valid = certain + [rule for rule, kind in standing if kind == "conditional"]
    for rule, kind in standing:
        if kind == "invalid":
            reasons.append(_not_valid(rule, case))
    if not valid:
        if not rules:
            reasons.append(Reason.of("safeguards.none"))
        return None
    first = valid[0]
    reasons.append(Reason.of("safeguards.relied-on", reference=first.reference_text))
    if len(valid) > 1:
        reasons.append(Reason.of("safeguards.also-valid", references=tuple(rule.reference_text for rule in valid[1:])))
    for rule in valid:
        reasons.extend(_safeguard_conditions(rule, case))
    reasons.append(Reason.of("safeguards.tia"))
    derogations = _ids(mechanism for mechanism in case.declared if facts.rule(mechanism).tier == "derogation")
    if derogations:
        reasons.append(Reason.of("safeguards.derogations-not-needed", mechanisms=derogations))
    relied = tuple(rule.mechanism for rule in valid)
    authorisation = first.authorisation_required
    return _assessment(case, "safeguards", (first.reference_text,), reasons, relied, authorisation, not certain)


def _not_valid(rule: MechanismRule, case: _Case) -> Reason:
    if rule.holds_on(case.on) and rule.new_contracts_until is not None and case.scc_legacy_concluded is not None:
        return Reason.of(
            "tool.concluded-too-late",
            mechanism=rule.mechanism.value,
            day=rule.new_contracts_until,
            concluded=case.scc_legacy_concluded,
        )
    return Reason.of(
        "safeguards.not-valid", mechanism=rule.mechanism.value, reference=rule.reference_text, window=_window(rule)
    )


def _conditions(rule: MechanismRule) -> list[Reason]:
    mechanism = rule.mechanism.value
    return [Reason.of("tool.condition", mechanism=mechanism, condition=condition) for condition in rule.conditions_text]


def _safeguard_conditions(rule: MechanismRule, case: _Case) -> list[Reason]:
    mechanism = rule.mechanism.value
    found = _conditions(rule)
    if rule.new_contracts_until is not None and case.on > rule.new_contracts_until:
        found.append(Reason.of("tool.no-new-contracts", mechanism=mechanism, day=rule.new_contracts_until))
        concluded = case.scc_legacy_concluded
        if concluded is None:
            found.append(Reason.of("tool.conclusion-not-dated", mechanism=mechanism, day=rule.new_contracts_until))
        else:
            found.append(Reason.of("tool.concluded-in-time", mechanism=mechanism, concluded=concluded))
        found.extend(
            Reason.of("tool.condition", mechanism=mechanism, condition=condition)
            for condition in rule.old_contracts_conditions_text
        )
    if rule.until is not None:
        found.append(Reason.of("tool.valid-until", mechanism=mechanism, day=rule.until))
    if rule.authorisation_required:
        found.append(Reason.of("tool.authorisation", mechanism=mechanism))
    return found


def _derogation(case: _Case, facts: LegalFacts, reasons: list[Reason]) -> Assessment | None:
    rules = [facts.rule(mechanism) for mechanism in case.declared if facts.rule(mechanism).tier == "derogation"]
    valid = [rule for rule in rules if rule.holds_on(case.on)]
    points = [rule for rule in valid if rule.mechanism is not TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS]
    chosen = points or valid
    if not chosen:
        reasons.append(Reason.of("derogation.none"))
        return None
    if points and len(valid) > len(points):
        reasons.append(
            Reason.of(
                "derogation.second-subparagraph-not-relied-on",
                mechanism=TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS.value,
            )
        )
    for rule in chosen:
        reasons.append(Reason.of("derogation.relied-on", reference=rule.reference_text))
        reasons.extend(_conditions(rule))
    reasons.append(Reason.of("derogation.occasional"))
    citation = tuple(rule.reference_text for rule in chosen)
    relied = tuple(rule.mechanism for rule in chosen)
    return _assessment(case, "derogation", citation, reasons, relied)


_ART_44 = Localized.of(**CITATIONS["unlawful"])


def _unlawful(case: _Case, reasons: list[Reason]) -> Assessment:
    reasons.append(Reason.of("unlawful"))
    return _assessment(case, "none", (_ART_44,), reasons)
