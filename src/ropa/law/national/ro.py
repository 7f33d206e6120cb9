"""Romania: Law 190/2018 implementing the GDPR (reference/law.md §3.4, verified).

- Art. 2(1)(a): associations and foundations of public utility are treated as public authorities or
  bodies: a DPO is mandatory (GDPR Art. 37(1)(a)) and Art. 6(1)(f) is not available for their public tasks.
- Art. 2(1)(b), Art. 4: a national identification number (CNP, identity card, passport, …) processed for
  legitimate interests needs safeguards, among them appointing a data protection officer.

Employee monitoring (Law 190/2018 art. 5) is not in the reference notes: ropa does not check it yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.law.national import NationalFinding, NationalLaw
from ropa.law.wording import Localized
from ropa.model.controller import Controller
from ropa.model.register import Register
from ropa.model.vocabulary import ActivityRole, LegalBasis, OrganisationKind

__all__ = ["ROMANIA", "can_be_of_public_utility"]

_PUBLIC_UTILITY_FORMS = (OrganisationKind.ASSOCIATION, OrganisationKind.FOUNDATION)


def can_be_of_public_utility(controller: Controller) -> bool:
    """Only associations and foundations can be recognised as of public utility (Law 190/2018 art. 2(1)(a)).

    A controller whose kind is not recorded is still asked: it may be one.
    """
    return controller.kind is None or controller.kind in _PUBLIC_UTILITY_FORMS


def _public_body(controller: Controller) -> bool | None:
    if not can_be_of_public_utility(controller):
        return False
    return controller.public_utility


def _findings(register: Register) -> Iterator[NationalFinding]:
    yield from _public_utility_dpo(register)
    yield from _legitimate_interests(register)
    yield from _national_id_dpo(register)


def _legitimate_interests(register: Register) -> Iterator[NationalFinding]:
    if not can_be_of_public_utility(register.controller):
        return
    relied_on = [
        key for key, purpose in register.purposes.items() if purpose.legal_basis is LegalBasis.LEGITIMATE_INTERESTS
    ]
    if not relied_on:
        return
    status = register.controller.public_utility
    if status is True:
        for key in relied_on:
            yield NationalFinding("B301", ("purposes", key, "legal_basis"), "B301")
    elif status is None:
        yield NationalFinding("B302", ("controller", "public_utility"), "B302", (("purposes", len(relied_on)),))


def _public_utility_dpo(register: Register) -> Iterator[NationalFinding]:
    if _public_body(register.controller) is True and register.controller.dpo is None:
        yield NationalFinding("C601", ("controller", "dpo"), "C601")


def _national_id_dpo(register: Register) -> Iterator[NationalFinding]:
    if register.controller.dpo is not None:
        return
    for key, activity in register.activities.items():
        if activity.role is ActivityRole.PROCESSOR:
            continue
        national_ids = [
            category for category in activity.data_categories if register.data_categories[category].national_id
        ]
        interests = [
            purpose
            for purpose in activity.purposes
            if register.purposes[purpose].legal_basis is LegalBasis.LEGITIMATE_INTERESTS
        ]
        if national_ids and interests:
            given = (("data_categories", ", ".join(national_ids)),)
            yield NationalFinding("N701", ("activities", key, "data_categories"), "N701", given)


ROMANIA = NationalLaw(
    country="RO",
    name=Localized.message("national.ro", "name"),
    findings=_findings,
    public_body=_public_body,
    asks_public_utility=can_be_of_public_utility,
    labels={
        "public_utility": Localized.message("national.ro", "public_utility"),
        "national_id": Localized.message("national.ro", "national_id"),
    },
)
