"""What the page tests share: the map's expected nodes and links, worked out from the register's transfers
independently of `ropa.render.page_map`, and a register carrying hostile names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from ropa.model import Register
from ropa.transfers import register_transfers
from tests.conftest import ONEDU

ON = date(2026, 11, 25)

HOSTILE = {
    "recipient": "<img src=x onerror=alert(1)>",
    "activity": "</script><script>alert(2)</script>",
    "category": '" onmouseover="alert(3)" x="',
    "purpose": "<svg onload=alert(4)>&amp;",
}

WORST_FIRST = ("none", "unknown", "derogation", "safeguards", "adequacy", "intra-eea")


@dataclass(frozen=True)
class ExpectedMap:
    nodes: set[tuple[str, str]]
    """(kind, key) of every node."""
    links: dict[tuple[str, str, str], str]
    """(kind, source, target) → verdict of every link."""


def expected_map(register: Register, on: date = ON) -> ExpectedMap:
    """The full (ungrouped) map from `register_transfers`: what `ropa transfers` says, drawn."""
    transfers = register_transfers(register, on)
    verdict = {(t.recipient, t.destination): t.assessment.basis for t in transfers if not t.to_client_controller}
    active = [
        key
        for key, activity in register.activities.items()
        if (activity.created is None or activity.created <= on) and (activity.ended is None or activity.ended >= on)
    ]
    nodes: set[tuple[str, str]] = {("activity", key) for key in active}
    links: dict[tuple[str, str, str], str] = {}
    for key in active:
        for recipient in register.activities[key].recipients:
            nodes.add(("recipient", recipient))
            places = register.recipients[recipient].locations or ["unknown"]
            found = []
            for place in places:
                nodes.add(("destination", place))
                basis = "unknown" if place == "unknown" else verdict.get((recipient, place), "intra-eea")
                links[("location", recipient, place)] = basis
                found.append(basis)
            links[("disclosure", key, recipient)] = min(found, key=WORST_FIRST.index)
    # the return flows: a processor activity → the client controller it acts for → the controller's country
    for t in transfers:
        if t.to_client_controller:
            nodes |= {("client", t.recipient), ("destination", t.destination)}
            links[("on-behalf", t.activity, t.recipient)] = t.assessment.basis
            earlier = links.get(("return", t.recipient, t.destination), "intra-eea")
            links[("return", t.recipient, t.destination)] = min(earlier, t.assessment.basis, key=WORST_FIRST.index)
    return ExpectedMap(nodes, links)


def onedu_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ONEDU.read_text(encoding="utf-8"))
    return data


def hostile_register() -> Register:
    """ONedu's register with a recipient, an activity, a category and a purpose named to break HTML."""
    data = onedu_data()
    first_recipient = next(iter(data["recipients"]))
    data["recipients"][first_recipient]["name"] = HOSTILE["recipient"]
    first_activity = next(iter(data["activities"]))
    data["activities"][first_activity]["name"] = {"ro": HOSTILE["activity"], "en": HOSTILE["activity"]}
    first_category = next(iter(data["recipient_categories"]))
    data["recipient_categories"][first_category] = {"ro": HOSTILE["category"], "en": HOSTILE["category"]}
    first_purpose = next(iter(data["purposes"]))
    data["purposes"][first_purpose]["name"] = {"ro": HOSTILE["purpose"], "en": HOSTILE["purpose"]}
    return Register.model_validate(data)
