"""What a privacy-notice template can use (Art. 13 and 14): the register's facts, escaped, in one language.

Only the organisation's own processing is here: activities it carries out as controller
(Art. 30(1)). Processor activities (Art. 30(2)) are the client controllers' processing, told in
their notices, so their purposes, data and recipients stay out. Every string is escaped Markdown
(`ropa.render.markdown.escape`), as in the data-sharing section; lists follow the register's order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ropa.model import Contact, Recipient, Register, Text, country_name
from ropa.model.base import duration_parts
from ropa.model.queries import categories_of_subject, engaged_below, sources_of
from ropa.model.vocabulary import LegalBasis
from ropa.render import workbook_labels as labels
from ropa.render.dates import written
from ropa.render.lists import distinct, present
from ropa.render.markdown import escape, typeset
from ropa.render.notice_parts import (
    AuthorityView,
    JointControllerView,
    authority_view,
    joint_controller_views,
    joint_only,
    own_activities,
    rights,
    special_purposes,
    tracking,
)
from ropa.render.policy import (
    _FRONT_MATTER,
    RecipientData,
    ThirdCountry,
    policy_context,
    render_policy,
    third_country_grounds,
)
from ropa.words import counted

__all__ = [
    "AuthorityView",
    "ContactView",
    "CookieView",
    "JointControllerView",
    "NoticeContext",
    "PurposeView",
    "RetentionView",
    "SubjectView",
    "notice_context",
]

_Safe = Callable[[str | None], str]


@dataclass(frozen=True)
class ContactView:
    """A party and how to reach it; empty strings for what the register does not say."""

    name: str
    email: str
    phone: str
    web: str
    address: str
    country: str
    grammatical_gender: str = ""
    """`feminine`, `masculine` or `neutral` as the register records it; empty when it does not."""


@dataclass(frozen=True)
class SubjectView:
    """A category of data subjects, the categories of data held about them, and where the data comes from."""

    name: str
    categories: tuple[str, ...]
    """Names of the categories of personal data (with their examples in brackets where given)."""
    special: tuple[str, ...]
    """The Art. 9(1) special categories among them, in words."""
    sources: tuple[str, ...]
    """Where the data comes from (Art. 14(1)(d), 14(2)(f)); empty when the register does not say."""
    data: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(name, examples) of each category of personal data, the examples as a list: the register's `examples`
    cut at each comma outside brackets (empty when it gives none)."""


@dataclass(frozen=True)
class PurposeView:
    """A purpose of the organisation's own processing and its legal basis."""

    name: str
    description: str
    basis: str
    """The Art. 6(1) basis in words with its article (several, `; ` between them, where the purpose rests on
    more than one); empty when the register has none (a finding)."""
    basis_code: str
    """The register's value: `consent`, `contract`, `legal-obligation`, …; empty when none."""
    legitimate_interest: str
    """The legitimate interest, in words, where the basis is (f) (Art. 13(1)(d)); else empty."""
    special_condition: str
    """The Art. 9(2) condition in words, where special categories are processed for it; else empty."""
    requirement: str
    """Whether the data must be provided and what happens if not (Art. 13(2)(e)); empty when the register does not say."""
    law: str = ""
    """For (c) and (e): the Union or Member State law that lays down the basis (Art. 6(3)); empty when not recorded."""
    direct_marketing: bool = False
    """True when the register records the purpose as direct marketing (Art. 21(2)-(3))."""
    from_subject: bool = True
    """True when some of its data is collected from the person: only then does the Art. 13(2)(e) statement apply."""


@dataclass(frozen=True)
class RetentionView:
    """How long one category of data is kept, and why that long."""

    category: str
    activity: str
    """The name of the activity the rule belongs to: one category may be kept for different times."""
    period: str
    """The period in words (e.g. `10 years`); empty when criteria set it."""
    criteria: str
    ground: str
    """The provision that requires the period, where the register names one."""


@dataclass(frozen=True)
class CookieView:
    """A cookie (or a family of them) as the cookie section lists it."""

    name: str
    party: str
    """Empty for a first-party cookie; else the name of the recipient that sets or reads it."""
    purpose: str
    lifetime: str
    category: str
    """The register's value: `strictly-necessary`, `functional`, `preferences`, `statistics`, `marketing`."""
    consent: bool


@dataclass(frozen=True)
class NoticeContext:
    """Everything a notice template can use. Every string is escaped Markdown."""

    lang: str
    controller: ContactView
    legal_form: str
    contact_point: str
    """Where requests go, when it is not the email address."""
    representative: ContactView | None
    """The Art. 27 representative in the Union; None for a controller established there."""
    dpo: ContactView | None
    """The data protection officer (Art. 37); None where none is designated: then say nothing of one."""
    subjects: tuple[SubjectView, ...]
    purposes: tuple[PurposeView, ...]
    recipient_groups: tuple[tuple[str, tuple[str, ...]], ...]
    """(category, recipient names) for the recipients of the organisation's own activities."""
    third_countries: tuple[ThirdCountry, ...]
    """Every place outside the EEA the data goes to, with the grounds of the transfers (Art. 13(1)(f))."""
    unlocated: tuple[str, ...]
    """Names of the recipients whose processing locations the register does not know (finding T107)."""
    safeguards_copy: bool
    """True when a transfer rests on Art. 46/47 safeguards: say how to get a copy."""
    retention: tuple[RetentionView, ...]
    rights: tuple[str, ...]
    """The rights that apply, as codes in the order of Articles 15-22: `access`, `rectification`,
    `erasure`, `restriction`, `portability`, `object`, `object-direct-marketing`, `withdraw-consent`,
    `automated-decisions`."""
    automated_decisions: tuple[str, ...]
    """The automated decisions and their logic, as the register describes them (Art. 13(2)(f))."""
    authority: AuthorityView | None
    """The supervisory authority of the controller's country; None when ropa has no verified facts for it."""
    updated: str
    """The register's date (ISO 8601), empty when it has none."""
    history: tuple[tuple[str, str], ...] = ()
    """(date ISO 8601, what changed) for each entry of the register's `history`, latest first."""
    cookies: tuple[CookieView, ...] = ()
    """The register's `cookies`, in its order."""
    possessive: str = ""
    """`policy.possessive` in the language (e.g. `Asociației ONedu`); empty when the register has none."""
    data_sharing: str = ""
    """The data-sharing section's Markdown as `ropa policy` writes it, without its front matter (docs/policy.md)."""
    recipient_data: tuple[RecipientData, ...] = ()
    """What each recipient the register records `disclosures` for receives, and for what (docs/notice.md)."""
    objection: tuple[str, ...] = ()
    """Names of the purposes on Art. 6(1)(e) or (f): the right to object, in a section of its own (Art. 21(4))."""
    direct_marketing: tuple[str, ...] = ()
    """Names of the purposes the register records as direct marketing (Art. 21(2)-(3)); empty: no such line."""
    erasure_excepted: tuple[str, ...] = ()
    """Names of the purposes on Art. 6(1)(c) or (e), to which the right to erasure does not extend (Art. 17(3)(b))."""
    profiling: tuple[str, ...] = ()
    """Profiling that leads to no decision within Art. 22(1), as the register describes it (Art. 13(2)(f))."""
    joint_controllers: tuple[JointControllerView, ...] = ()
    """The joint controllers and the essence of each arrangement (Art. 26(2))."""
    no_cookies: bool = False
    """True only when the register states that the organisation uses no cookies or similar technologies."""
    cookies_missing: bool = False
    """True when there is no cookie inventory, yet the data or recipients show tracking (finding I908)."""
    updated_words: str = ""
    """The register's date as people write it in the language (`7 December 2026`); empty when it has none."""
    history_words: tuple[tuple[str, str], ...] = ()
    """`history` with each date as people write it in the language."""


def notice_context(
    register: Register, lang: str, on: date, *, data_sharing_templates: Path | None = None
) -> NoticeContext:
    """The context the notice templates are rendered with; transfer grounds as judged on `on`;
    `data_sharing` from the data-sharing templates in `data_sharing_templates` (ropa's by default)."""
    if lang not in register.languages:
        declared = ", ".join(register.languages)
        raise ValueError(f"language {lang!r} is not declared by the register (it declares {declared})")

    def safe(text: str | None) -> str:
        if not text:
            return ""
        return escape(typeset(text, lang))

    def local(text: Text | None) -> str:
        return safe(text[lang]) if text is not None else ""

    def label(table: dict[str, dict[str, str]], key: str) -> str:
        return safe(table[key].get(lang, table[key]["en"]))

    own = own_activities(register)
    controller = register.controller

    subjects = []
    for key, subject in register.data_subjects.items():
        activities = [activity for activity in own.values() if key in activity.data_subjects]
        if not activities:
            continue
        # Only the data that concern this subject, and where those data come from (Art. 13(1), 14(1)(d), 14(2)(f)).
        held = [(activity, categories_of_subject(activity, key)) for activity in activities]
        category_ids = distinct(c for _, keys in held for c in keys)
        categories = [register.data_categories[c] for c in category_ids]
        subjects.append(
            SubjectView(
                name=local(subject.name),
                categories=present(
                    f"{local(c.name)} ({local(c.examples)})" if c.examples else local(c.name) for c in categories
                ),
                special=present(distinct(label(labels.SPECIAL_CATEGORIES, c.special) for c in categories if c.special)),
                sources=present(
                    distinct(local(text) for activity, keys in held for text in sources_of(activity, keys))
                ),
                data=tuple((local(c.name), _items(local(c.examples))) for c in categories),
            )
        )

    special = special_purposes(register, own)
    purposes = []
    for key in distinct(p for activity in own.values() for p in activity.purposes):
        purpose = register.purposes[key]
        basis = purpose.legal_basis
        law = purpose.law if {LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK} & set(purpose.legal_bases) else None
        condition = purpose.special_condition if key in special else None
        purposes.append(
            PurposeView(
                name=local(purpose.name),
                description=local(purpose.description),
                basis="; ".join(label(labels.LEGAL_BASES, each.value) for each in purpose.legal_bases),
                basis_code=basis.value if basis else "",
                legitimate_interest=local(purpose.legitimate_interest)
                if basis is LegalBasis.LEGITIMATE_INTERESTS
                else "",
                special_condition=label(labels.SPECIAL_CONDITIONS, condition.value) if condition else "",
                requirement=local(purpose.requirement),
                law=local(law.text) if law else "",
                direct_marketing=purpose.direct_marketing,
                from_subject=any(
                    activity.collected_from_subject for activity in own.values() if key in activity.purposes
                ),
            )
        )

    used = set(distinct(r for activity in own.values() for r in activity.recipients))
    used |= {below for key in list(used) for below, _ in engaged_below(register, key)}  # their sub-processors too
    recipients = [r for key, r in register.recipients.items() if key in used]
    sharing = policy_context(register, lang, on, only=used - joint_only(register, own))  # Art. 26: not recipients

    retention = []
    for activity in own.values():
        for rule in activity.retention:
            for data in rule.data:
                retention.append(
                    RetentionView(
                        category=local(register.data_categories[data].name),
                        activity=local(activity.name),
                        period=safe(_period(rule.period, lang)) if rule.period else "",
                        criteria=local(rule.criteria),
                        ground=local(rule.ground),
                    )
                )

    applying = rights(register, own, special, local)
    automated = present(distinct(local(activity.automated_decisions) for activity in own.values()))

    third_countries = _third_countries(recipients, on, lang, safe)
    changes = [
        (entry.date, local(entry.change))
        for entry in sorted(register.history, key=lambda entry: entry.date, reverse=True)
        if entry.subprocessor is None  # processor work for clients: the sub-processor list's log, not the notice's
    ]
    return NoticeContext(
        lang=lang,
        controller=ContactView(
            name=safe(controller.name),
            email=safe(controller.email),
            phone=safe(controller.phone),
            web=safe(controller.web),
            address=safe(controller.address),
            country=safe(country_name(controller.country, lang)),
        ),
        legal_form=local(controller.legal_form),
        contact_point=safe(controller.contact_point),
        representative=_contact(controller.representative, safe, lang),
        dpo=_contact(controller.dpo, safe, lang),
        subjects=tuple(subjects),
        purposes=tuple(purposes),
        recipient_groups=tuple((group.category, group.recipients) for group in sharing.recipient_groups),
        recipient_data=sharing.recipient_data,
        third_countries=third_countries,
        unlocated=sharing.unlocated_recipients,
        safeguards_copy=any(g.kind == "safeguards" for country in third_countries for g in country.grounds),
        retention=tuple(retention),
        rights=applying.codes,
        automated_decisions=automated,
        authority=authority_view(register, lang, safe),
        updated=register.updated.isoformat() if register.updated else "",
        history=tuple((day.isoformat(), change) for day, change in changes),
        history_words=tuple((safe(written(day, lang)), change) for day, change in changes),
        updated_words=safe(written(register.updated, lang)) if register.updated else "",
        cookies=tuple(
            CookieView(
                name=safe(cookie.name),
                party=safe(register.recipients[cookie.recipient].name) if cookie.recipient else "",
                purpose=local(cookie.purpose),
                lifetime=local(cookie.lifetime),
                category=cookie.category.value,
                consent=cookie.consent,
            )
            for cookie in register.cookies.values()
        ),
        possessive=local(register.policy.possessive),
        objection=applying.objection,
        direct_marketing=applying.direct_marketing,
        erasure_excepted=applying.erasure_excepted,
        profiling=present(distinct(local(activity.profiling) for activity in own.values())),
        joint_controllers=joint_controller_views(register, own, lang, safe),
        no_cookies=register.no_cookies,
        cookies_missing=tracking(register, own),
        data_sharing=_FRONT_MATTER.sub(
            "", render_policy(register, lang, templates=data_sharing_templates, on=on), count=1
        ),
    )


def _contact(contact: Contact | None, safe: _Safe, lang: str) -> ContactView | None:
    if contact is None:
        return None
    country = getattr(contact, "country", None)
    return ContactView(
        name=safe(contact.name),
        email=safe(contact.email),
        phone=safe(contact.phone),
        web=safe(contact.web),
        address=safe(contact.address),
        country=safe(country_name(country, lang)) if country else "",
        grammatical_gender=contact.grammatical_gender or "",
    )


def _third_countries(recipients: list[Recipient], on: date, lang: str, safe: _Safe) -> tuple[ThirdCountry, ...]:
    """Every place outside the EEA a recipient processes data in, with its grounds, the controller's own
    country included: a controller in a third country still transfers data it got from the Union."""
    places = distinct(place for recipient in recipients for place in recipient.locations)
    return third_country_grounds(
        places, recipients, on, lang, safe, lambda members: tuple(safe(recipient.name) for recipient in members)
    )


def _period(value: str, lang: str) -> str:
    named = []
    for unit, count in zip(("years", "months", "weeks", "days"), duration_parts(value), strict=True):
        if count:
            named.append(counted(count, lang, "duration", unit))
    return ", ".join(named) if named else counted(0, lang, "duration", "days")


def _items(text: str) -> tuple[str, ...]:
    items, depth, start = [], 0, 0
    for at, character in enumerate(text):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            items.append(text[start:at])
            start = at + 1
    return present(item.strip() for item in [*items, text[start:]])
