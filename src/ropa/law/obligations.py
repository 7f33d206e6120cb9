"""Who must designate whom: the data protection officer (Art. 37(1)) and the representative (Art. 27).

Pure rules on the register; `ropa.checks` words them as findings (C602, C603, C604).
"""

from __future__ import annotations

from datetime import date

from ropa.law.rules import assess
from ropa.model.activity import Activity
from ropa.model.consistency import Path
from ropa.model.queries import is_running
from ropa.model.register import Register
from ropa.model.vocabulary import OrganisationKind

__all__ = ["dpo_required", "representative_problems"]


def _special_or_criminal(register: Register, activity: Activity) -> list[str]:
    return [
        key
        for key in activity.data_categories
        if register.data_categories[key].special is not None or register.data_categories[key].criminal
    ]


def dpo_required(register: Register, on: date) -> list[tuple[Path, str, tuple[tuple[str, str], ...]]]:
    """Why a data protection officer must be designated and is not (Art. 37(1)(a)-(c)), as (path, message key,
    parameters) for the finding C602 (context `findings` of the catalogues); empty when none is missing.

    Art. 37(1)(c) reads "special categories … and … criminal convictions"; like the Article 29 Working
    Party's DPO guidelines (WP243 rev.01), ropa reads it as either.
    """
    controller = register.controller
    if controller.dpo is not None:
        return []
    if controller.kind is OrganisationKind.PUBLIC_BODY:
        return [(("controller", "dpo"), "C602.public-body", ())]
    for key, activity in register.activities.items():
        if not (is_running(activity, on) and activity.core and activity.large_scale):
            continue
        special = _special_or_criminal(register, activity)
        if activity.systematic_monitoring:
            return [(("activities", key), "C602.monitoring", ())]
        if special:
            return [(("activities", key), "C602.special", (("data_categories", ", ".join(special)),))]
    return []


def _in_eea(place: str, on: date) -> bool:
    return assess(place, on).basis == "intra-eea"


def representative_problems(register: Register, on: date) -> list[tuple[str, Path, str, tuple[tuple[str, str], ...]]]:
    """(code, path, message key, parameters) for a missing representative (C603) or one outside the Union (C604)."""
    controller = register.controller
    representative = controller.representative
    if representative is not None:
        if _in_eea(representative.country, on):
            return []
        given = (("country", representative.country), ("on", on.isoformat()))
        return [("C604", ("controller", "representative", "country"), "C604", given)]
    if _in_eea(controller.country, on) or controller.kind is OrganisationKind.PUBLIC_BODY:
        return []  # established in the Union; or a public body, exempt under Art. 27(2)(b)
    carried_out = [activity for activity in register.activities.values() if is_running(activity, on)]
    if all(
        activity.occasional and not (activity.large_scale and _special_or_criminal(register, activity))
        for activity in carried_out
    ):
        return []  # Art. 27(2)(a): occasional, no large-scale Art. 9 or 10 data (the risk is for the DPO to judge)
    return [("C603", ("controller", "representative"), "C603", (("country", controller.country),))]
