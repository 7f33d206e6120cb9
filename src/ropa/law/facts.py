"""The legal facts of GDPR Chapter V, read from `facts.yaml` and validated into frozen models.

Every fact carries the citation it comes from; a fact whose evidence is not plainly verified
carries a note saying why it is used as it is. Every text a verdict quotes (a reference, an article,
a scope condition, a caveat, a tool's conditions) is stated in English in the file, as the fact it is;
its words in every language ropa writes are messages of the catalogues (`ropa.words`, context `facts`,
keyed by that English text), so a changed fact without its words is a missing message the tests name.
The file is loaded once and cached.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ropa.law.facts_checks import check_mechanisms, check_memberships, check_places
from ropa.law.wording import Localized
from ropa.model.vocabulary import TransferMechanism

__all__ = [
    "AdequacyDecision",
    "Domain",
    "Event",
    "Fact",
    "LegalFacts",
    "MechanismRule",
    "Membership",
    "MembershipStatus",
    "NotInEea",
    "Part",
    "Period",
    "Scope",
    "boundary_dates",
    "legal_facts",
    "load_facts",
]


def _words(fact: str) -> Localized:
    """A text of the facts file in every language: the catalogues' message keyed by its English text."""
    return Localized.message("facts", fact)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

MembershipStatus = Literal[
    "member-state",
    "eea-efta",
    "eea-directive",
    "withdrawal-transition",
    "tca-bridge",
    "outermost-region",
    "special-territory",
    "european-territory",
]


class Fact(BaseModel):
    """A legal fact: where it comes from, how sure that source is, and a note where it needs one."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    citation: Text
    """Where the fact comes from: the act, the judgment, the page."""
    evidence: Text
    """V verified, S+ secondary quoting the text, S secondary, R recalled, NF not found (as in the reference)."""
    note: Text | None = None
    """Why a fact is used as it is, where the evidence is not plainly verified or a date is conservative."""

    @model_validator(mode="after")
    def _note_where_not_verified(self) -> Fact:
        if self.evidence.strip() != "V" and self.note is None:
            raise ValueError(f"evidence {self.evidence!r} is not plainly verified: add a note that says how it is used")
        return self


class Period(Fact):
    """A fact that holds from a first day to a last day, both included."""

    start: date | None = Field(default=None, alias="from")
    """First day it holds; empty for "since before 25 May 2018"."""
    until: date | None = None
    """Last day it holds; empty while it still holds."""

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is not None and self.until is not None and self.until < self.start:
            raise ValueError(f"`until` ({self.until}) is before `from` ({self.start})")
        return self

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)

    def changes(self) -> tuple[date, ...]:
        """The days on which this fact starts or stops holding."""
        days = [self.start] if self.start is not None else []
        if self.until is not None:
            days.append(self.until + timedelta(days=1))
        return tuple(days)


class Domain(Fact):
    """The first day the engine judges: the day the GDPR applies."""

    start: date = Field(alias="from")
    reference: Text


class Membership(Period):
    """Places where a transfer is not a transfer to a third country, over a period."""

    places: tuple[str, ...] = Field(min_length=1)
    status: MembershipStatus
    reference: Text

    @property
    def reference_text(self) -> Localized:
        return _words(self.reference)


class Part(Fact):
    """A place a register names apart from the ISO 3166-1 code that covers it, because the law treats it apart.

    Jan Mayen (ISO 3166-2 `NO-22`) is part of Norway and inside the EEA, while ISO 3166-1 lists it with
    Svalbard, which the EEA Agreement lets Norway exclude, under the one code `SJ`.
    """

    place: str
    """The code a register uses for it (ISO 3166-2)."""
    part_of: str
    """The ISO 3166-1 code of the country it is part of, whose verdict it takes."""
    shares_code: str
    """The ISO 3166-1 code that covers it together with other land, on which verdicts say what they assume."""
    assumed: str
    """What a verdict on `shares_code` assumes the code means, in English."""
    reference: Text

    @property
    def reference_text(self) -> Localized:
        return _words(self.reference)

    @property
    def assumed_text(self) -> Localized:
        return _words(self.assumed)


class NotInEea(Fact):
    """Places that are easy to mistake for EEA members: documented, and checked by the tests."""

    places: tuple[str, ...] = Field(min_length=1)
    reference: Text


class Scope(Period):
    """What an adequacy decision covers over a period of its life."""

    limited: bool
    """True when it does not cover every importer in the place."""
    condition: Text

    @property
    def condition_text(self) -> Localized:
        return _words(self.condition)


class Event(Fact):
    """A step in a decision's history: adoption, amendment, judgment, review."""

    day: date = Field(alias="date")
    act: Text
    effect: Text


class Watch(Fact):
    """A date to watch in a decision's life: a review due, a case pending. It changes no verdict by itself."""

    day: date | None = Field(default=None, alias="date")
    """The day it is due; empty for a pending case with no date yet (listed as pending in every window)."""
    what: Text


class AdequacyDecision(Period):
    """A Commission adequacy decision, in force or ended, with its scope."""

    id: Text
    place: str
    name: Text
    regime: Literal["gdpr", "led"]
    """`led` for decisions under the Law Enforcement Directive, never a GDPR transfer basis."""
    reference: Text
    article: Text
    adopted: date
    may_apply_from: date | None = None
    """Where the date of effect is not verified and `from` is the later candidate: the earliest day the decision
    may have taken effect (its adoption). Between it and `from` a verdict says the transfer may already be covered."""
    not_relied_on_for: tuple[str, ...] = ()
    """Places the decision may cover but that ropa does not extend it to, because that is not verified."""
    requires: Literal["dpf-certified", "declared"] | None = None
    """Only importers on the DPF List, or only those declaring the decision's mechanism, are covered."""
    caveat: Text | None = None
    """A warning every verdict relying on the decision repeats, e.g. that it is under challenge."""
    scope: tuple[Scope, ...] = Field(min_length=1)
    events: tuple[Event, ...] = ()
    watch: tuple[Watch, ...] = ()
    """Dates ahead to watch (reviews due, pending cases): `ropa watch` lists them with their source."""

    @model_validator(mode="after")
    def _scope_covers_life(self) -> AdequacyDecision:
        first, last = self.scope[0], self.scope[-1]
        if first.start not in (None, self.start) or last.until not in (None, self.until):
            raise ValueError(f"{self.id}: the scope periods must start and end with the decision")
        for before, after in pairwise(self.scope):
            if before.until is None or after.start != before.until + timedelta(days=1):
                raise ValueError(f"{self.id}: the scope periods must follow each other without gap or overlap")
        return self

    @model_validator(mode="after")
    def _may_apply_before_its_start(self) -> AdequacyDecision:
        if self.may_apply_from is not None and (self.start is None or not self.may_apply_from < self.start):
            raise ValueError(f"{self.id}: `may_apply_from` must come before `from`")
        return self

    @property
    def reference_text(self) -> Localized:
        return _words(self.reference)

    @property
    def article_text(self) -> Localized:
        return _words(self.article)

    @property
    def caveat_text(self) -> Localized | None:
        return None if self.caveat is None else _words(self.caveat)

    def scope_on(self, day: date) -> Scope:
        return next(scope for scope in self.scope if scope.holds_on(day))

    def changes(self) -> tuple[date, ...]:
        own = super().changes() + ((self.may_apply_from,) if self.may_apply_from else ())
        return own + tuple(day for scope in self.scope for day in scope.changes())


class MechanismRule(Period):
    """A transfer tool a register may declare, with the window in which it is valid."""

    mechanism: TransferMechanism
    tier: Literal["safeguard", "derogation", "adequacy"]
    reference: Text
    decision: str | None = None
    """For the `adequacy` tier: the id of the decision the tool stands for."""
    new_contracts_until: date | None = None
    """Last day a new contract may use the tool."""
    old_contracts_conditions: tuple[Text, ...] = ()
    """After `new_contracts_until`: what a contract concluded by then must still meet to count."""
    authorisation_required: bool = False
    """True for the Art. 46(3) tools, which need the supervisory authority's authorisation."""
    conditions: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _conditions_in_every_language(self) -> MechanismRule:
        if self.old_contracts_conditions and self.new_contracts_until is None:
            raise ValueError(f"{self.mechanism.value}: `old_contracts_conditions` need `new_contracts_until`")
        return self

    @property
    def reference_text(self) -> Localized:
        return _words(self.reference)

    @property
    def conditions_text(self) -> tuple[Localized, ...]:
        return tuple(_words(condition) for condition in self.conditions)

    @property
    def old_contracts_conditions_text(self) -> tuple[Localized, ...]:
        return tuple(_words(condition) for condition in self.old_contracts_conditions)

    def changes(self) -> tuple[date, ...]:
        extra = (self.new_contracts_until + timedelta(days=1),) if self.new_contracts_until else ()
        return super().changes() + extra


class LegalFacts(BaseModel):
    """All the facts: EEA membership, adequacy decisions and transfer tools, as of a date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    as_of: date
    domain: Domain
    memberships: tuple[Membership, ...]
    parts: tuple[Part, ...] = ()
    not_in_eea: tuple[NotInEea, ...]
    adequacy: tuple[AdequacyDecision, ...]
    mechanisms: tuple[MechanismRule, ...]

    @model_validator(mode="after")
    def _consistent(self) -> LegalFacts:
        check_places(self)
        check_memberships(self.memberships)
        check_mechanisms(self)
        return self

    def memberships_of(self, place: str) -> tuple[Membership, ...]:
        return tuple(membership for membership in self.memberships if place in membership.places)

    def part(self, place: str) -> Part | None:
        """The `Part` a register names with `place`, if any."""
        return next((part for part in self.parts if part.place == place), None)

    def shared(self, place: str) -> Part | None:
        """The `Part` whose land `place` (an ISO 3166-1 code) also covers, if any."""
        return next((part for part in self.parts if part.shares_code == place), None)

    def decisions_for(self, place: str) -> tuple[AdequacyDecision, ...]:
        return tuple(decision for decision in self.adequacy if decision.place == place and decision.regime == "gdpr")

    def decisions_not_relied_on_for(self, place: str) -> tuple[AdequacyDecision, ...]:
        return tuple(decision for decision in self.adequacy if place in decision.not_relied_on_for)

    def decision(self, id: str) -> AdequacyDecision:
        return next(decision for decision in self.adequacy if decision.id == id)

    def rule(self, mechanism: TransferMechanism) -> MechanismRule:
        return next(rule for rule in self.mechanisms if rule.mechanism is mechanism)


def load_facts(text: str) -> LegalFacts:
    """Validate the text of a facts file (YAML) into `LegalFacts`; raises `pydantic.ValidationError`."""
    return LegalFacts.model_validate(yaml.safe_load(text))


@cache
def legal_facts() -> LegalFacts:
    """The legal facts shipped with ropa (`ropa/law/facts.yaml`), loaded once."""
    return load_facts(resources.files("ropa.law").joinpath("facts.yaml").read_text(encoding="utf-8"))


@cache
def boundary_dates() -> tuple[date, ...]:
    """Every day on which a verdict can change: a fact starts, stops, or stops accepting new contracts."""
    facts = legal_facts()
    dated: list[Period] = [*facts.memberships, *facts.adequacy, *facts.mechanisms]
    days = {facts.domain.start, *(day for fact in dated for day in fact.changes())}
    return tuple(sorted(day for day in days if day >= facts.domain.start))
