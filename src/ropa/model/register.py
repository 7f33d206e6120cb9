"""The register: one typed source of truth for the record, the policy and the transfers."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ropa.model.activity import Activity
from ropa.model.base import Boolean, Date, Duration, Id, Location, Record, Text, WrittenLanguage
from ropa.model.controller import Controller, Party
from ropa.model.cookie import Cookie
from ropa.model.data_category import DataCategory
from ropa.model.data_subject import DataSubject
from ropa.model.purpose import Purpose
from ropa.model.recipient import Recipient
from ropa.model.security_measure import SecurityMeasure
from ropa.model.vocabulary import TransferMechanism

__all__ = ["FORMAT_VERSION", "SUBPROCESSOR_CHANGES", "Change", "PolicySettings", "Register", "SubprocessorChange"]

FORMAT_VERSION = 1

# Passed as validation context by the loader, which reports these problems itself, located in the file.
DEFER_CONSISTENCY = "ropa.defer_consistency"


class PolicySettings(Record):
    """What the public policy needs beyond the facts of the record."""

    possessive: Text | None = None
    """The controller's name as the policy's prose uses it in the possessive, e.g. `{ro: Asociației ONedu, en: Asociația ONedu's}`."""
    transfer_reasons: list[Id] = Field(default_factory=list)
    """Ids of the purposes the policy gives as the reasons for transfers abroad (in `purposes`)."""
    legal_requests: Id | None = None
    """Id of the activity whose purposes are the grounds for answering legal requests (in `activities`)."""
    notice_templates: str | None = None
    """The organisation's own notice templates: a folder inside the register's folder, written relative to the
    register file (e.g. `notice-templates`), laid out `<folder>/<lang>/<section>.md.j2`; see docs/notice.md."""
    data_sharing_templates: str | None = None
    """The organisation's own data-sharing template: a folder inside the register's folder, written relative to
    the register file (e.g. `policy-templates`), laid out `<folder>/<lang>/data-sharing.md.j2`; see docs/policy.md."""

    @field_validator("notice_templates", "data_sharing_templates")
    @classmethod
    def _inside_the_registers_folder(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = value.replace("\\", "/").split("/")
        if not value.strip() or value.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
            raise ValueError(
                f"{value!r} must be a folder inside the register's folder, written relative to it (no '..', not absolute)"
            )
        return value


SubprocessorChangeKind = Literal["added", "removed", "location", "mechanism"]
SUBPROCESSOR_CHANGES: tuple[str, ...] = get_args(SubprocessorChangeKind)
"""The kinds of sub-processor change the feed states, in its order."""


class SubprocessorChange(Record):
    """What a change of the sub-processors engaged for clients is (Art. 28(2), (4)), for the sub-processor feed."""

    kind: SubprocessorChangeKind
    """`added`, `removed`, `location` (a new place of processing) or `mechanism` (a new transfer tool)."""
    recipient: Id | None = None
    """Id of the sub-processor (in `recipients`); empty for one no longer in the register, named in `name`."""
    name: str | None = None
    """Its name as the clients know it, where it is not (or no longer) in `recipients`."""
    place: Location | None = None
    """For `location`: the new place of processing; for `mechanism`: the destination the tool is for, if one."""
    mechanism: TransferMechanism | None = None
    """For `mechanism`: the new transfer tool (Art. 46, 47, 49)."""

    @model_validator(mode="after")
    def _complete(self) -> SubprocessorChange:
        if self.recipient is None and self.name is None:
            raise ValueError("give the sub-processor's `recipient` id, or its `name` if it is no longer recorded")
        if self.kind == "location" and self.place is None:
            raise ValueError("a `location` change needs the new `place`")
        if self.kind == "mechanism" and self.mechanism is None:
            raise ValueError("a `mechanism` change needs the new `mechanism`")
        return self


class Change(Record):
    """One dated change of the register, in words, for the notice's changes section (WP260 rev.01 para 29)."""

    date: Date
    """The day the change took effect."""
    change: Text
    """What changed, in words, e.g. `{en: new recipient: MailRocket, ro: destinatar nou: MailRocket}`."""
    subprocessor: SubprocessorChange | None = None
    """For a change of the sub-processors engaged for clients: which one and what changed (the sub-processor feed)."""
    announced: Date | None = None
    """For a sub-processor change: the day the client controllers were told of it (Art. 28(2)); it applies on `date`."""

    @model_validator(mode="after")
    def _announced_before_it_applies(self) -> Change:
        if self.announced is not None and self.announced > self.date:
            raise ValueError("`announced` is after `date`, the day the change applies")
        return self


class Register(Record):
    """A record of processing activities (Art. 30 GDPR) and what the public policy says about it."""

    format: Literal[1]
    """Version of the register format; this is version 1."""
    languages: list[WrittenLanguage] = Field(min_length=1)
    """The languages every text is written in, e.g. `[ro, en]`; the first is the main one. Each must be one ropa writes (`en`, `ro`)."""
    updated: Date | None = None
    """Date of this version of the register."""
    controller: Controller
    """The organisation that keeps the register (Art. 30(1)(a))."""
    client_controllers: dict[Id, Party] = Field(default_factory=dict)
    """Controllers on whose behalf the organisation acts as processor (Art. 30(2)(a))."""
    data_subjects: dict[Id, DataSubject] = Field(default_factory=dict)
    """Categories of data subjects (Art. 30(1)(c))."""
    data_categories: dict[Id, DataCategory] = Field(default_factory=dict)
    """Categories of personal data (Art. 30(1)(c))."""
    purposes: dict[Id, Purpose] = Field(default_factory=dict)
    """Purposes of processing with their legal bases (Art. 30(1)(b), Art. 6, Art. 9)."""
    recipient_categories: dict[Id, Text] = Field(default_factory=dict)
    """Categories of recipients, named as the policy names them (Art. 30(1)(d))."""
    recipients: dict[Id, Recipient] = Field(default_factory=dict)
    """Recipients: processors, controllers, joint controllers and authorities."""
    security_measures: dict[Id, SecurityMeasure] = Field(default_factory=dict)
    """Technical and organisational security measures (Art. 30(1)(g), Art. 32(1))."""
    activities: dict[Id, Activity] = Field(default_factory=dict)
    """Processing activities, in the order the record lists them."""
    history: list[Change] = Field(default_factory=list)
    """The register's dated changes, oldest first: the notice's changes section states them."""
    review_every: Duration | None = None
    """How often each activity's entry must be reviewed, e.g. `P1Y`, counted from its `reviewed` date; empty for no cadence."""
    subprocessor_notice: Duration | None = None
    """The notice the organisation promises its client controllers before a sub-processor change applies (Art. 28(2), (4)), e.g. `P30D`."""
    cookies: dict[Id, Cookie] = Field(default_factory=dict)
    """Cookies and similar technologies, for the notice's cookie section."""
    no_cookies: Boolean = False
    """True when the organisation uses no cookies or similar technologies at all: only then does the notice say
    so; it cannot go with `cookies`."""
    policy: PolicySettings = Field(default_factory=PolicySettings)
    """Settings of the public policy text."""

    @field_validator("languages")
    @classmethod
    def _languages_unique(cls, languages: list[str]) -> list[str]:
        repeated = sorted({language for language in languages if languages.count(language) > 1})
        if repeated:
            raise ValueError(f"language declared twice: {', '.join(repeated)}")
        return languages

    @model_validator(mode="after")
    def _no_cookies_alone(self) -> Register:
        if self.no_cookies and self.cookies:
            raise ValueError("`no_cookies` is true, yet `cookies` lists some: keep one")
        return self

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Register:
        if info.context and info.context.get(DEFER_CONSISTENCY):
            return self
        from ropa.model.consistency import inconsistencies

        found = inconsistencies(self)
        if found:
            raise ValueError("the register is inconsistent:\n" + "\n".join(str(item) for item in found))
        return self

    @property
    def main_language(self) -> str:
        return self.languages[0]
