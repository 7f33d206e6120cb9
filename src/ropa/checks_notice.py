"""Completeness of the privacy notice: each Art. 13 or 14 element the register cannot yet state.

Used by `ropa.checks` (codes `I9xx`, docs/checks.md). Other elements are found elsewhere: a purpose
without its Art. 6(1) basis or its legitimate interest is refused by the loader, and a data category
without retention is `D402`. Only the organisation's own (controller) activities are its notice's.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ropa.law.authorities import authority_for
from ropa.model import ActivityRole, Contact, Register
from ropa.model.consistency import Path

__all__ = ["notice_gaps"]


def notice_gaps(register: Register, on: date) -> Iterator[tuple[str, Path, str]]:
    """(code, path, message) for each element of Art. 13 or 14 the register cannot state."""
    controller = register.controller
    own = {
        key: activity
        for key, activity in register.activities.items()
        if activity.role is ActivityRole.CONTROLLER and (activity.ended is None or activity.ended >= on)
    }
    facts = authority_for(controller.country)
    if controller.supervisory_authority is None and facts is not None and facts.regional:
        yield (
            "I901",
            ("controller", "supervisory_authority"),
            f"{controller.country} has regional supervisory authorities: record the one competent for the controller "
            "in `supervisory_authority`, with its contact details; until then the notice states the right to lodge a "
            "complaint (Art. 13(2)(d), 14(2)(e), 77) without naming the authority",
        )
    elif controller.supervisory_authority is None and facts is None:
        yield (
            "I901",
            ("controller", "country"),
            f"ropa has no verified details of the supervisory authority for {controller.country}: the notice states "
            "the right to lodge a complaint (Art. 13(2)(d), 14(2)(e), 77) without naming the authority; or record "
            "it in `controller.supervisory_authority`",
        )
    if not any((controller.email, controller.phone, controller.web, controller.address, controller.contact_point)):
        yield (
            "I902",
            ("controller",),
            "the notice must give the controller's contact details (Art. 13(1)(a), 14(1)(a)): "
            "record an `email`, `phone`, `address`, `web` or `contact_point`",
        )
    if controller.dpo is not None and not _reachable(controller.dpo):
        yield (
            "I903",
            ("controller", "dpo"),
            "the notice must give the data protection officer's contact details (Art. 13(1)(b), 14(1)(b), 37(7))",
        )
    if controller.representative is not None and not _reachable(controller.representative):
        yield (
            "I904",
            ("controller", "representative"),
            "the notice must give the representative's contact details (Art. 13(1)(a), 14(1)(a), 27)",
        )
    # Art. 13(2)(e) applies only to data collected from the person: not to Art. 14 data.
    purposes = list(
        dict.fromkeys(p for activity in own.values() if activity.collected_from_subject for p in activity.purposes)
    )
    for key in purposes:
        if register.purposes[key].requirement is None:
            yield (
                "I905",
                ("purposes", key),
                "the notice must say whether providing the data is a statutory or contractual requirement, or "
                "needed to enter into a contract, whether it must be provided, and the consequences of not "
                "providing it (Art. 13(2)(e)): record `requirement`",
            )
    for key, activity in own.items():
        listed = {key for entry in activity.data_sources for key in entry.data}
        if activity.source is None and (not activity.data_sources or set(activity.data_categories) - listed):
            yield (
                "I906",
                ("activities", key),
                "the notice must say where the data comes from when it is not collected from the person, or that "
                "it is (Art. 14(1)(d), 14(2)(f)): record `source`",
            )

    if not register.cookies and not register.no_cookies:
        signs = [
            c
            for activity in own.values()
            for c in activity.data_categories
            if register.data_categories[c].online_identifiers
        ]
        signs += [r for activity in own.values() for r in activity.recipients if register.recipients[r].tracking]
        if signs:
            yield (
                "I908",
                ("cookies",),
                f"the data or recipients show tracking ({', '.join(dict.fromkeys(signs))}) but the register has no "
                "cookie inventory: the notice must say which cookies and similar technologies are used, what for and "
                "for how long (ePrivacy Directive art. 5(3); Art. 13(1)(c), (e)): record `cookies`, or `no_cookies: "
                "true` if none is used",
            )


def _reachable(contact: Contact) -> bool:
    return any((contact.email, contact.phone, contact.web, contact.address))
