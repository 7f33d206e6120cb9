"""The data map of the HTML page: activities → recipients → places of processing, as nodes and links.

Pure and deterministic: the layout is three columns of boxes in the register's order, joined by curves
(hand-drawn SVG geometry, no layout library), so the same register and date give the same map.

A link from a recipient to a place is coloured by the Chapter V verdict on that place
(`ropa.transfers.register_transfers`; a place the transfers leave out is within the EEA); a link from an
activity to a recipient takes the worst verdict among that recipient's places, so a path shows the worst
its data meets. Only the activities carried out on the as-of date are drawn (the rule of
`register_transfers`). Above `GROUP_ABOVE` activities (or `GROUP_RECIPIENTS_ABOVE` recipients) the map
groups recipients by category and leaves activities out, so that it stays legible and bounded; each
activity's flows are then in its card.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ropa.law.register_transfers import Exporter, exporter_name
from ropa.model.queries import data_received, is_running, purposes_disclosed
from ropa.render import page_labels
from ropa.render import workbook_labels as labels
from ropa.render.workbook_tables import Words
from ropa.transfers import RegisterTransfer

__all__ = [
    "BOX_HEIGHT",
    "BOX_WIDTH",
    "COLUMNS_X",
    "GROUP_ABOVE",
    "GROUP_RECIPIENTS_ABOVE",
    "ROW",
    "TOP",
    "VERDICT_ORDER",
    "WIDTH",
    "DataMap",
    "Flow",
    "Link",
    "Node",
    "Places",
    "column",
    "curve",
    "data_map",
    "exporter",
    "listed",
    "short",
    "text",
    "worst",
]

GROUP_ABOVE: Final = 40
"""Above this many activities on the map, it groups recipients by category."""
GROUP_RECIPIENTS_ABOVE: Final = 60
"""Above this many recipients on the map, it groups them by category."""
LISTED: Final = 10
"""How many names a node's or link's details list before saying how many more there are."""

VERDICT_ORDER: Final = ("intra-eea", "adequacy", "safeguards", "derogation", "unknown", "none")
"""From best to worst: `intra-eea` … `none` are the bases of `ropa.transfers.assess`; `unknown`: no known place."""

UNKNOWN: Final = "unknown"
"""The destination key of a recipient whose places of processing the register does not know."""

# Geometry, in SVG user units (CSS pixels at 100 %).
WIDTH: Final = 960
BOX_WIDTH: Final = 250
BOX_HEIGHT: Final = 19
ROW: Final = 24
TOP: Final = 28
COLUMNS_X: Final = {3: (5, 355, 705), 2: (5, 705)}
_SHORT: Final = 34


@dataclass(frozen=True)
class Node:
    """A box of the map: an activity, a recipient (or a category of them) or a place of processing."""

    kind: str
    """`activity`, `recipient`, `client` (a client controller), `category`, `clients` or `destination`."""
    key: str
    """The id in the register, or for a destination its ISO code, `IO:` id or `unknown`."""
    label: str
    short: str
    """The label as the box shows it, cut to fit."""
    details: tuple[str, ...]
    href: str
    x: int
    y: int

    @property
    def id(self) -> str:
        return f"map-{self.kind}-{self.key}"


@dataclass(frozen=True)
class Link:
    """A curve of the map: data disclosed to a recipient, or processed by it in a place."""

    kind: str
    """`disclosure` (activity → recipient), `location` (recipient → place), `on-behalf` (processor activity →
    client controller), `return` (client controller → its country: the return flow) or `group` (category → place)."""
    source: str
    target: str
    """The keys of the two nodes it joins."""
    verdict: str
    """One of `VERDICT_ORDER`."""
    title: str
    details: tuple[str, ...]
    href: str
    path: str
    """The SVG path data of the curve."""


@dataclass(frozen=True)
class Flow:
    """A row of the table of flows: the map as text."""

    cells: tuple[str, ...]
    verdict: str
    citation: str
    anchor: str | None = None
    """An id for the row's place cell (the first row of each place), the target of the place's node."""


@dataclass(frozen=True)
class DataMap:
    grouped: bool
    columns: tuple[str, ...]
    """The heading of each column."""
    column_x: tuple[int, ...]
    """Where each column starts."""
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    flow_headings: tuple[str, ...]
    flows: tuple[Flow, ...]
    width: int
    height: int


def worst(verdicts: Iterable[str]) -> str:
    return max(verdicts, key=VERDICT_ORDER.index, default=UNKNOWN)


def short(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


def listed(words: Words, names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    more = len(names) - LISTED
    if more > 0:
        shown += ", " + words.label(page_labels.PAGE["and_more"]).format(count=more)
    return shown


def curve(x1: int, y1: int, x2: int, y2: int) -> str:
    middle = (x1 + x2) / 2
    return f"M{x1} {y1} C{middle:g} {y1} {middle:g} {y2} {x2} {y2}"


def exporter(words: Words, transfer: RegisterTransfer) -> str:
    """Who exports (the organisation as controller or as processor), with the module of the SCC when declared."""
    phrase = "exporter_processor" if transfer.exporter is Exporter.PROCESSOR else "exporter_controller"
    name = words.label(labels.PHRASES[phrase]).format(name=exporter_name(words.register, transfer))
    if transfer.scc_module is not None:
        name += ", " + text(words, "scc_module").format(module=transfer.scc_module)
    return name


class Places:
    """The verdict on each (recipient, place) pair on the date, from the register's transfers.

    The return flows to client controllers (`to_client_controller`) are kept apart in `returns`: their
    `recipient` is a client controller's id, not a recipient's.
    """

    def __init__(self, words: Words) -> None:
        self.words = words
        self.transfers: dict[tuple[str, str], RegisterTransfer] = {}
        self.exporters: dict[tuple[str, str, str], list[str]] = {}
        self.returns: list[RegisterTransfer] = []
        for transfer in words.transfers:
            if transfer.to_client_controller:
                self.returns.append(transfer)
                continue
            self.transfers.setdefault((transfer.recipient, transfer.destination), transfer)
            flow = (transfer.recipient, transfer.destination, transfer.activity)
            self.exporters.setdefault(flow, []).append(exporter(words, transfer))

    def exported_by(self, flows: Iterable[tuple[str, str, str]]) -> list[str]:
        """The line naming the exporters of these (recipient, place, activity) transfers; none within the EEA."""
        names = list(dict.fromkeys(name for flow in flows for name in self.exporters.get(flow, [])))
        return [f"{self.words.label(page_labels.PAGE['exporter'])}: {' | '.join(names)}"] if names else []

    def places(self, recipient: str) -> list[str]:
        return list(dict.fromkeys(self.words.register.recipients[recipient].locations)) or [UNKNOWN]

    def country(self, client: str) -> str | None:
        return self.words.register.client_controllers[client].country

    def verdict(self, recipient: str, place: str) -> str:
        if place == UNKNOWN:
            return UNKNOWN
        transfer = self.transfers.get((recipient, place))
        # register_transfers leaves out only the places within the EEA on the date.
        return transfer.assessment.basis if transfer else "intra-eea"

    def citation(self, recipient: str, place: str) -> str:
        transfer = self.transfers.get((recipient, place))
        return self.words.citation(transfer) if transfer else ""

    def basistext(self, verdict: str) -> str:
        if verdict == UNKNOWN:
            return self.words.label(page_labels.VERDICTS[UNKNOWN])
        return self.words.label(labels.TRANSFER_BASES[verdict])

    def place_name(self, place: str) -> str:
        if place == UNKNOWN:
            return self.words.label(page_labels.UNKNOWN_PLACES)
        return f"{self.words.country(place)} ({place})"


def data_map(words: Words) -> DataMap:
    """The map of the register's flows on `words.on`, grouped when the register is large."""
    register = words.register
    activities = [key for key, activity in register.activities.items() if is_running(activity, words.on)]
    recipients = list(dict.fromkeys(r for key in activities for r in register.activities[key].recipients))
    if len(activities) > GROUP_ABOVE or len(recipients) > GROUP_RECIPIENTS_ABOVE:
        from ropa.render.page_map_grouped import grouped_map

        return grouped_map(words, recipients)
    return _full_map(words, activities, recipients)


def destination_node(places: Places, place: str, details: tuple[str, ...], x: int, y: int) -> Node:
    """The node of a destination (a country or an international organisation), in the map's last column."""
    label = places.place_name(place)
    return Node("destination", place, label, short(label), details, f"#destination-{place}", x, y)


def column(keys: list[str], count: int, height: int) -> list[int]:
    offset = TOP + (height - TOP - count * ROW) // 2
    return [offset + index * ROW for index in range(len(keys))]


def text(words: Words, key: str) -> str:
    """A word of the page (`page_labels.PAGE`) in the map's language."""
    return words.label(page_labels.PAGE[key])


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
        from ropa.render.page_map_returns import return_flows

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
