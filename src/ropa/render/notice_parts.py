"""The parts of the notice that depend on how the law applies to the register: which rights and how
(Art. 17(3), 21, 22), joint controllers (Art. 26(2)), cookies, and the supervisory authority (Art. 77).

Used by `ropa.render.notice_context`; every string returned is escaped Markdown already.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ropa.law.authorities import authority_for
from ropa.model import Activity, ActivityRole, Register, Text
from ropa.model.vocabulary import LegalBasis, RecipientRole, SpecialCondition
from ropa.render.lists import distinct, present

__all__ = [
    "AuthorityView",
    "JointControllerView",
    "Rights",
    "authority_view",
    "joint_controller_views",
    "joint_only",
    "own_activities",
    "right_codes",
    "rights",
    "special_purposes",
    "tracking",
]

_Safe = Callable[[str | None], str]

_OBJECTION = frozenset({LegalBasis.PUBLIC_TASK, LegalBasis.LEGITIMATE_INTERESTS})  # Art. 21(1)
_ERASURE_EXCEPTED = frozenset({LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK})  # Art. 17(3)(b)


@dataclass(frozen=True)
class AuthorityView:
    """The supervisory authority named for the right to complain (Art. 77), with its contact details."""

    name: str
    address: str
    phone: str
    email: str
    web: str


@dataclass(frozen=True)
class JointControllerView:
    """A joint controller (Art. 26) and the essence of the arrangement, for the processing it concerns."""

    name: str
    arrangement: str
    """The essence of the arrangement (Art. 26(2)); empty when the register does not record it."""
    activities: tuple[str, ...]
    """Names of the organisation's activities it is a joint controller for."""
    contact: str


@dataclass(frozen=True)
class Rights:
    """The rights that apply, and the purposes each depends on (names, escaped)."""

    codes: tuple[str, ...]
    objection: tuple[str, ...]
    """Purposes on Art. 6(1)(e) or (f): the right to object of Art. 21(1), presented separately (Art. 21(4))."""
    direct_marketing: tuple[str, ...]
    """Purposes the register records as direct marketing (Art. 21(2)-(3))."""
    erasure_excepted: tuple[str, ...]
    """Purposes on Art. 6(1)(c) or (e), for which erasure does not apply (Art. 17(3)(b))."""


def rights(
    register: Register, own: Mapping[str, Activity], special_purposes: set[str], local: Callable[[Text | None], str]
) -> Rights:
    """The rights that apply to the organisation's own activities `own`, as codes in the order of Articles
    15-22 (`access` … `automated-decisions`), with the purposes the right to object and erasure depend on."""
    keys = distinct(p for activity in own.values() for p in activity.purposes)
    purposes = [register.purposes[key] for key in keys]
    bases = {basis for purpose in purposes for basis in purpose.legal_bases}
    conditions = {register.purposes[key].special_condition for key in special_purposes}
    codes = ["access", "rectification", "erasure", "restriction"]
    if bases & {LegalBasis.CONSENT, LegalBasis.CONTRACT}:
        codes.append("portability")  # Art. 20(1)(a)
    objecting = [p for p in purposes if _OBJECTION & set(p.legal_bases)]
    if objecting:
        codes.append("object")  # Art. 21(1)
    marketing = [p for p in purposes if p.direct_marketing]
    if marketing:
        codes.append("object-direct-marketing")  # Art. 21(2)-(3)
    if LegalBasis.CONSENT in bases or SpecialCondition.EXPLICIT_CONSENT in conditions:
        codes.append("withdraw-consent")  # Art. 7(3), 13(2)(c), 14(2)(d)
    if any(activity.automated_decisions for activity in own.values()):
        codes.append("automated-decisions")  # Art. 22(1): only decisions within it
    excepted = present(local(p.name) for p in purposes if _ERASURE_EXCEPTED & set(p.legal_bases))
    return Rights(
        tuple(codes), present(local(p.name) for p in objecting), present(local(p.name) for p in marketing), excepted
    )


def own_activities(register: Register) -> dict[str, Activity]:
    """The activities the organisation carries out as controller (Art. 30(1)): the processing its notice tells."""
    return {key: activity for key, activity in register.activities.items() if activity.role is ActivityRole.CONTROLLER}


def special_purposes(register: Register, own: Mapping[str, Activity]) -> set[str]:
    """Ids of the purposes of `own` activities that process special categories of data (Art. 9)."""
    return {
        p
        for activity in own.values()
        for p in activity.purposes
        if any(register.data_categories[c].special is not None for c in activity.data_categories)
    }


def right_codes(register: Register) -> tuple[str, ...]:
    """The rights that apply to the register's own processing, as `rights` gives them: the one decision the
    notice and the page both state (Art. 13(2)(b)-(c), 14(2)(c)-(d))."""
    own = own_activities(register)
    return rights(register, own, special_purposes(register, own), lambda text: "").codes


def joint_only(register: Register, own: Mapping[str, Activity]) -> set[str]:
    """Ids of the recipients that are joint controllers in every own activity that names them: never
    presented as plain recipients."""
    found = []
    for key in distinct(r for activity in own.values() for r in activity.recipients):
        recipient = register.recipients[key]
        roles = {activity.role_of(key, recipient.role) for activity in own.values() if key in activity.recipients}
        if roles == {RecipientRole.JOINT_CONTROLLER}:
            found.append(key)
    return set(found)


def joint_controller_views(
    register: Register, own: Mapping[str, Activity], lang: str, safe: _Safe
) -> tuple[JointControllerView, ...]:
    """Each recipient that is a joint controller in some own activity, with the arrangement (Art. 26(2))."""
    views = []
    for key in distinct(r for activity in own.values() for r in activity.recipients):
        recipient = register.recipients[key]
        activities = [
            activity
            for activity in own.values()
            if key in activity.recipients and activity.role_of(key, recipient.role) is RecipientRole.JOINT_CONTROLLER
        ]
        if activities:
            views.append(
                JointControllerView(
                    name=safe(recipient.name),
                    arrangement=safe(recipient.arrangement[lang]) if recipient.arrangement else "",
                    activities=present(distinct(safe(activity.name[lang]) for activity in activities)),
                    contact=safe(recipient.contact),
                )
            )
    return tuple(views)


def tracking(register: Register, own: Mapping[str, Activity]) -> bool:
    """True when the data or the recipients of the organisation's own activities show tracking (online
    identifiers, an analytics or advertising recipient) and the register has no cookie inventory."""
    if register.cookies or register.no_cookies:
        return False
    return any(
        register.data_categories[c].online_identifiers for activity in own.values() for c in activity.data_categories
    ) or any(register.recipients[r].tracking for activity in own.values() for r in activity.recipients)


def authority_view(register: Register, lang: str, safe: _Safe) -> AuthorityView | None:
    """The authority the register names (`controller.supervisory_authority`), else ropa's verified authority
    of the controller's country; None when there is neither (finding I901)."""
    named = register.controller.supervisory_authority
    facts = authority_for(register.controller.country)
    if named is not None:
        parts = (named.name, named.address, named.phone, named.email, named.web)
    elif facts is not None and not facts.regional:
        parts = (facts.name_in(lang), facts.address_in(lang), facts.phone, facts.email, facts.web)
    else:
        return None
    return AuthorityView(*(safe(part) for part in parts))
