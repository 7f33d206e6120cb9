"""The data map of the HTML page: activities → recipients → places of processing, as nodes and links.

Pure and deterministic: the layout is three columns of boxes in the register's order, joined by curves
(hand-drawn SVG geometry, no layout library), so the same register and date give the same map.

A link from a recipient to a place is coloured by the Chapter V verdict on that place
(`ropa.transfers.register_transfers`; a place the transfers leave out is within the EEA); a link from an
activity to a recipient takes the worst verdict among that recipient's places, so a path shows the worst
its data meets. Only the activities carried out on the as-of date are drawn (the rule of
`register_transfers`). Above `GROUP_ABOVE` activities (or `GROUP_RECIPIENTS_ABOVE` recipients) the map
groups recipients by category and leaves activities out, so that it stays legible and bounded; each
activity's flows are then in its card. Above `page_map_parts.MAP_ROWS` boxes in a column (categories, or
places) the map is not drawn at all: the page says why and its table of flows shows every flow.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from ropa.model.queries import data_received, is_running, purposes_disclosed
from ropa.render import page_labels, page_map_parts
from ropa.render import workbook_labels as labels
from ropa.render.page_map_grouped import grouped_map
from ropa.render.page_map_parts import (
    BOX_HEIGHT,
    BOX_WIDTH,
    COLUMNS_X,
    ROW,
    TOP,
    VERDICT_ORDER,
    WIDTH,
    DataMap,
    Flow,
    Link,
    Node,
    Places,
    column,
    curve,
    destination_node,
    listed,
    short,
    text,
    worst,
)
from ropa.render.page_map_returns import return_flows
from ropa.render.workbook_tables import Words

__all__ = [
    "BOX_HEIGHT",
    "BOX_WIDTH",
    "GROUP_ABOVE",
    "GROUP_RECIPIENTS_ABOVE",
    "VERDICT_ORDER",
    "DataMap",
    "data_map",
]

GROUP_ABOVE: Final = 40
"""Above this many activities on the map, it groups recipients by category."""
GROUP_RECIPIENTS_ABOVE: Final = 60
"""Above this many recipients on the map, it groups them by category."""


def data_map(words: Words) -> DataMap:
    """The map of the register's flows on `words.on`, grouped when the register is large."""
    register = words.register
    activities = [key for key, activity in register.activities.items() if is_running(activity, words.on)]
    recipients = list(dict.fromkeys(r for key in activities for r in register.activities[key].recipients))
    places = dict.fromkeys(p for r in recipients for p in register.recipients[r].locations or ["unknown"])
    if (
        len(activities) > GROUP_ABOVE
        or len(recipients) > GROUP_RECIPIENTS_ABOVE
        or len(places) > page_map_parts.MAP_ROWS
    ):
        return grouped_map(words, recipients)
    return _full_map(words, activities, recipients)


def _full_map(words: Words, activities: list[str], recipients: list[str]) -> DataMap:
    register = words.register
    places = Places(words)
    clients = list(dict.fromkeys(t.recipient for t in places.returns))
    destinations = list(
        dict.fromkeys([*(p for r in recipients for p in places.places(r)), *(t.destination for t in places.returns)])
    )
    middles = len(recipients) + len(clients)
    height = TOP + max(len(activities), middles, len(destinations), 1) * ROW + 6
    x_activity, x_recipient, x_destination = COLUMNS_X[3]
    data_label, purposes_label, verdict_label = text(words, "data"), text(words, "purposes"), text(words, "verdict")

    # A link to a recipient carries only what travels on it (the activity's `disclosures`).
    def data_of(keys: Iterable[str], recipient: str | None = None) -> str:
        activities = [register.activities[a] for a in keys]
        names = dict.fromkeys(
            words.name(register.data_categories[c].name)
            for a in activities
            for c in (data_received(a, recipient) if recipient else a.data_categories)
        )
        return listed(words, list(names))

    def purposes_of(keys: Iterable[str], recipient: str | None = None) -> str:
        activities = [register.activities[a] for a in keys]
        names = dict.fromkeys(
            words.name(register.purposes[p].name)
            for a in activities
            for p in (purposes_disclosed(a, recipient) if recipient else a.purposes)
        )
        return listed(words, list(names))

    users: dict[str, list[str]] = {r: [] for r in recipients}
    for key in activities:
        for recipient in dict.fromkeys(register.activities[key].recipients):
            users[recipient].append(key)

    y_activity = dict(zip(activities, column(activities, len(activities), height), strict=True))
    y_middle = column([*recipients, *clients], middles, height)
    y_recipient = dict(zip(recipients, y_middle[: len(recipients)], strict=True))
    y_client = dict(zip(clients, y_middle[len(recipients) :], strict=True))
    y_destination = dict(zip(destinations, column(destinations, len(destinations), height), strict=True))
    middle = BOX_HEIGHT // 2

    def recipient_places(recipient: str) -> str:
        return "; ".join(
            f"{places.place_name(p)}: {words.label(page_labels.VERDICTS[places.verdict(recipient, p)])}"
            for p in places.places(recipient)
        )

    nodes: list[Node] = []
    details: tuple[str, ...]
    for key in activities:
        activity = register.activities[key]
        name = words.name(activity.name)
        recipient_names = [register.recipients[r].name for r in dict.fromkeys(activity.recipients)]
        details = (
            f"{data_label}: {data_of([key])}",
            f"{purposes_label}: {purposes_of([key])}",
            f"{text(words, 'recipients_column')}: {listed(words, recipient_names)}",
        )
        nodes.append(Node("activity", key, name, short(name), details, f"#activity-{key}", x_activity, y_activity[key]))
    for key in recipients:
        entry = register.recipients[key]
        details = (
            f"{words.label(labels.RECIPIENT_ROLES[entry.role])}; {words.name(register.recipient_categories[entry.category])}",
            f"{text(words, 'destinations_column')}: {recipient_places(key)}",
            f"{text(words, 'activities_of')}: {listed(words, [words.name(register.activities[a].name) for a in users[key]])}",
        )
        label = entry.name
        nodes.append(
            Node("recipient", key, label, short(label), details, f"#recipient-{key}", x_recipient, y_recipient[key])
        )
    for place in destinations:
        served = [register.recipients[r].name for r in recipients if place in places.places(r)]
        served += [register.client_controllers[c].name for c in clients if places.country(c) == place]
        details = (f"{text(words, 'recipients_column')}: {listed(words, served)}",)
        nodes.append(destination_node(places, place, details, x_destination, y_destination[place]))

    links: list[Link] = []
    flows: list[Flow] = []
    anchored: set[str] = set()
    for key in activities:
        activity = register.activities[key]
        name = words.name(activity.name)
        for recipient in dict.fromkeys(activity.recipients):
            verdict = worst(places.verdict(recipient, p) for p in places.places(recipient))
            title = f"{name} → {register.recipients[recipient].name}: {words.label(page_labels.VERDICTS[verdict])}"
            details = (
                f"{data_label}: {data_of([key], recipient)}",
                f"{purposes_label}: {purposes_of([key], recipient)}",
                f"{text(words, 'destinations_column')}: {recipient_places(recipient)}",
                *places.exported_by((recipient, p, key) for p in places.places(recipient)),
            )
            path = curve(x_activity + BOX_WIDTH, y_activity[key] + middle, x_recipient, y_recipient[recipient] + middle)
            links.append(Link("disclosure", key, recipient, verdict, title, details, f"#activity-{key}", path))
            for place in places.places(recipient):
                place_verdict = places.verdict(recipient, place)
                anchor = None if place in anchored else f"destination-{place}"
                anchored.add(place)
                cells = (
                    name,
                    register.recipients[recipient].name,
                    places.place_name(place),
                    data_of([key], recipient),
                    purposes_of([key], recipient),
                )
                flows.append(Flow(cells, place_verdict, places.citation(recipient, place), anchor))
    for recipient in recipients:
        for place in places.places(recipient):
            verdict = places.verdict(recipient, place)
            title = f"{register.recipients[recipient].name} → {places.place_name(place)}: {words.label(page_labels.VERDICTS[verdict])}"
            citation = places.citation(recipient, place)
            details = (
                f"{text(words, 'activities_of')}: {listed(words, [words.name(register.activities[a].name) for a in users[recipient]])}",
                f"{data_label}: {data_of(users[recipient], recipient)}",
                f"{purposes_label}: {purposes_of(users[recipient], recipient)}",
                f"{verdict_label}: {places.basistext(verdict)}",
                *([f"{text(words, 'citation')}: {citation}"] if citation else []),
                *places.exported_by((recipient, place, key) for key in users[recipient]),
            )
            path = curve(
                x_recipient + BOX_WIDTH, y_recipient[recipient] + middle, x_destination, y_destination[place] + middle
            )
            links.append(Link("location", recipient, place, verdict, title, details, f"#recipient-{recipient}", path))
    if places.returns:
        drawn = return_flows(words, places, y_activity, y_client, y_destination, anchored)
        nodes.extend(drawn[0])
        links.extend(drawn[1])
        flows.extend(drawn[2])
    columns = (
        text(words, "activities_column"),
        text(words, "recipients_column"),
        text(words, "destinations_column"),
    )
    headings = tuple(
        text(words, key) for key in ("activity", "recipient", "destination", "data", "purposes", "verdict", "citation")
    )
    return DataMap(False, columns, COLUMNS_X[3], tuple(nodes), tuple(links), headings, tuple(flows), WIDTH, height)
