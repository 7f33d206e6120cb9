"""Completeness of the privacy notice: each Art. 13 or 14 element the register cannot yet state.

Used by `ropa.checks` (codes `I9xx`, docs/checks.md). Other elements are found elsewhere: a purpose
without its Art. 6(1) basis or its legitimate interest is refused by the loader, and a data category
without retention is `D402`. Only the organisation's own (controller) activities are its notice's.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ropa.checks_words import FindingParams, params
from ropa.law.authorities import authority_for
from ropa.model import ActivityRole, Contact, Register
from ropa.model.consistency import Path

__all__ = ["notice_gaps"]


def notice_gaps(register: Register, on: date) -> Iterator[tuple[str, Path, str, FindingParams]]:
    """(code, path, message key, parameters) for each element of Art. 13 or 14 the register cannot state."""
    controller = register.controller
    own = {
        key: activity
        for key, activity in register.activities.items()
        if activity.role is ActivityRole.CONTROLLER and (activity.ended is None or activity.ended >= on)
    }
    facts = authority_for(controller.country)
    if controller.supervisory_authority is None and facts is not None and facts.regional:
        yield ("I901", ("controller", "supervisory_authority"), "I901.regional", params(country=controller.country))
    elif controller.supervisory_authority is None and facts is None:
        yield ("I901", ("controller", "country"), "I901.unknown", params(country=controller.country))
    if not any((controller.email, controller.phone, controller.web, controller.address, controller.contact_point)):
        yield ("I902", ("controller",), "I902", ())
    if controller.dpo is not None and not _reachable(controller.dpo):
        yield ("I903", ("controller", "dpo"), "I903", ())
    if controller.representative is not None and not _reachable(controller.representative):
        yield ("I904", ("controller", "representative"), "I904", ())
    # Art. 13(2)(e) applies only to data collected from the person: not to Art. 14 data.
    purposes = list(
        dict.fromkeys(p for activity in own.values() if activity.collected_from_subject for p in activity.purposes)
    )
    for key in purposes:
        if register.purposes[key].requirement is None:
            yield ("I905", ("purposes", key), "I905", ())
    for key, activity in own.items():
        listed = {key for entry in activity.data_sources for key in entry.data}
        if activity.source is None and (not activity.data_sources or set(activity.data_categories) - listed):
            yield ("I906", ("activities", key), "I906", ())

    if not register.cookies and not register.no_cookies:
        signs = [
            c
            for activity in own.values()
            for c in activity.data_categories
            if register.data_categories[c].online_identifiers
        ]
        signs += [r for activity in own.values() for r in activity.recipients if register.recipients[r].tracking]
        if signs:
            yield ("I908", ("cookies",), "I908", params(signs=", ".join(dict.fromkeys(signs))))


def _reachable(contact: Contact) -> bool:
    return any((contact.email, contact.phone, contact.web, contact.address))
