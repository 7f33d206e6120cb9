"""Processing activities: the rows of the record (Art. 30(1) and 30(2))."""

from __future__ import annotations

from pydantic import Field, model_validator

from ropa.model.base import Boolean, Date, Duration, Id, Provision, Record, Text
from ropa.model.vocabulary import ActivityRole, RecipientRole, SpecialCondition

__all__ = ["Activity", "DataSource", "Disclosure", "Dpia", "Retention"]


class Retention(Record):
    """How long some categories of data are kept (Art. 30(1)(f)): a period, or the criteria that set it."""

    data: list[Id] = Field(min_length=1)
    """Ids of the data categories this rule applies to."""
    period: Duration | None = None
    """The time limit for erasure as an ISO 8601 duration, e.g. `P10Y`."""
    criteria: Text | None = None
    """The criteria used to set the period, when no fixed period can be given (Art. 13(2)(a))."""
    ground: Text | None = None
    """The legal provision that requires the period, if one does (EDPB CEF 2025)."""
    notes: str | None = None
    """Internal notes on this rule (e.g. `exact provision to be confirmed`); never published."""

    @model_validator(mode="after")
    def _period_or_criteria(self) -> Retention:
        if self.period is None and self.criteria is None:
            raise ValueError("give a `period` (e.g. P10Y) or the `criteria` that set it")
        return self


class Disclosure(Record):
    """What one recipient of an activity receives, and for which of its purposes (Art. 13(1)(e), 30(1)(d))."""

    data: list[Id] | None = None
    """Ids of the activity's data categories the recipient receives; empty for every category of the activity."""
    purposes: list[Id] | None = None
    """Ids of the activity's purposes the data goes to it for; empty for every purpose of the activity."""


class DataSource(Record):
    """Where some categories of an activity's data come from (Art. 14(1)(d), 14(2)(f))."""

    data: list[Id] = Field(min_length=1)
    """Ids of the activity's data categories this source brings."""
    source: Text
    """The source, e.g. `{en: the referral from the family doctor}`."""


class Dpia(Record):
    """The data protection impact assessment decision for an activity (Art. 35)."""

    required: Boolean
    """Whether a DPIA is required (Art. 35(1), (3) and the supervisory authority's list)."""
    done: Boolean = False
    """Whether it has been carried out."""
    reference: str | None = None
    """Where the assessment, or the reasoning that none is required, is kept."""
    review_due: Date | None = None
    """When the assessment is next to be reviewed (Art. 35(11)); empty when no date is set."""


class Activity(Record):
    """A processing activity, carried out as controller (Art. 30(1)) or as processor (Art. 30(2))."""

    name: Text
    """Name of the activity."""
    function: Text | None = None
    """The business function that carries it out (ICO template, column 1)."""
    description: Text | None = None
    """What is done, in a sentence; for a processor activity, the categories of processing (Art. 30(2)(b))."""
    role: ActivityRole = ActivityRole.CONTROLLER
    """`controller`, or `processor` for processing on behalf of another controller (Art. 30(2))."""
    on_behalf_of: list[Id] = Field(default_factory=list)
    """For a processor activity: ids of the controllers it is carried out for (in `client_controllers`)."""
    purposes: list[Id] = Field(default_factory=list)
    """Ids of its purposes (in `purposes`)."""
    data_subjects: list[Id] = Field(default_factory=list)
    """Ids of the categories of data subjects (in `data_subjects`)."""
    data_categories: list[Id] = Field(default_factory=list)
    """Ids of the categories of personal data (in `data_categories`)."""
    subject_data: dict[Id, list[Id]] = Field(default_factory=dict)
    """Which of its data categories concern which of its data subjects, e.g. `{pupils: [identity, health],
    parents: [identity, contact]}`; a data subject not listed is concerned by every category of the activity."""
    recipients: list[Id] = Field(default_factory=list)
    """Ids of the recipients the data is disclosed to (in `recipients`)."""
    recipient_roles: dict[Id, RecipientRole] = Field(default_factory=dict)
    """The role of a recipient in this activity where it differs from its own `role`, e.g. `{aws: sub-processor}`."""
    disclosures: dict[Id, Disclosure] = Field(default_factory=dict)
    """Which data, for which purposes, go to which of its recipients, e.g. `{payroll-provider: {data: [identity,
    bank-details], purposes: [payroll]}}`; a recipient not listed receives every category for every purpose."""
    special_condition: SpecialCondition | None = None
    """The Art. 9(2) condition this activity relies on for its special-category data; empty to use its purposes' conditions."""
    retention: list[Retention] = Field(default_factory=list)
    """Time limits for erasure, per category of data."""
    security_measures: list[Id] = Field(default_factory=list)
    """Ids of the security measures that protect it (in `security_measures`)."""
    source: Text | None = None
    """Where the data comes from when not from the data subject (Art. 14(2)(f)), or that it is collected from them."""
    collected_from_subject: Boolean = True
    """False when none of its data is collected from the data subjects themselves (Art. 14 only): the notice then
    gives no Art. 13(2)(e) statement for its purposes, and `ropa check` asks for none (I905)."""
    data_sources: list[DataSource] = Field(default_factory=list)
    """Where some categories come from, per category (Art. 14(2)(f)); the categories not listed come from `source`."""
    criminal_data_law: Provision | None = None
    """For data relating to criminal convictions and offences: the Union or Member State law that authorises the
    processing, when it is not carried out under the control of official authority (Art. 10)."""
    automated_decisions: Text | None = None
    """Decisions based solely on automated processing, including profiling, which produce legal effects on the
    person or similarly significantly affect them (Art. 22(1)), and their logic; empty when there are none."""
    profiling: Text | None = None
    """Profiling that leads to no decision within Art. 22(1), in words (Art. 4(4), 13(2)(f)): the notice describes
    it as profiling, without the Art. 22 right; empty when there is none."""
    dpia: Dpia | None = None
    """The DPIA decision; empty when none has been taken."""
    large_scale: Boolean = False
    """True when the processing is on a large scale (Art. 35(3)(b)-(c), Art. 37(1)(b)-(c); recital 91; WP243 rev.01)."""
    systematic_monitoring: Boolean = False
    """True when it requires regular and systematic monitoring of data subjects (Art. 37(1)(b))."""
    publicly_accessible_area: Boolean = False
    """True when it systematically monitors a publicly accessible area, e.g. by CCTV of a street, a square or a public building's entrance (Art. 35(3)(c))."""
    core: Boolean = False
    """True when it is one of the organisation's core activities, not a support function such as payroll (Art. 37(1)(b)-(c); recital 97)."""
    occasional: Boolean = False
    """True when the processing is occasional, outside the regular course of activity (Art. 30(5); EDPB Guidelines 2/2018 for Art. 49)."""
    created: Date | None = None
    """When this entry was created."""
    updated: Date | None = None
    """When this entry was last reviewed or changed."""
    ended: Date | None = None
    """When the processing ended; the entry is kept as history."""
    notes: str | None = None
    """Internal notes (e.g. `exact provision to be confirmed`); never published."""

    reviewed: Date | None = None
    """When this entry was last reviewed against what is done, even if nothing changed; the register's `review_every` counts from it."""

    def role_of(self, recipient: str, default: RecipientRole) -> RecipientRole:
        """The role `recipient` has in this activity: its `recipient_roles` entry, else `default` (its own role)."""
        return self.recipient_roles.get(recipient, default)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Activity:
        if self.created and self.updated and self.updated < self.created:
            raise ValueError("`updated` is before `created`")
        if self.created and self.ended and self.ended < self.created:
            raise ValueError("`ended` is before `created`")
        return self
