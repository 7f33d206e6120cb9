"""The parts every drawing of the data map shares (`page_map`, `page_map_grouped`, `page_map_returns`): its
boxes, curves and rows, their geometry, and the verdict on each place. Imports no other part of the map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ropa.law.register_transfers import Exporter, exporter_name
from ropa.render import page_labels
from ropa.render import workbook_labels as labels
from ropa.render.workbook_tables import Words
from ropa.transfers import RegisterTransfer

__all__ = [
    "BOX_HEIGHT",
    "BOX_WIDTH",
    "COLUMNS_X",
    "LISTED",
    "MAP_ROWS",
    "ROW",
    "TOP",
    "UNKNOWN",
    "VERDICT_ORDER",
    "WIDTH",
    "DataMap",
    "Flow",
    "Link",
    "Node",
    "Places",
    "column",
    "curve",
    "destination_node",
    "exporter",
    "listed",
    "short",
    "text",
    "worst",
]

MAP_ROWS: Final = 60
"""The most boxes a column of the map has (about 1,500 px, two printed pages): above it, in either column
(categories of recipients, places), the map is not drawn and the table of flows shows every flow."""
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
    drawn: bool = True
    """False when a column would have more than `MAP_ROWS` boxes: the page shows the table of flows alone."""
    counts: tuple[int, int] = (0, 0)
    """The boxes the grouped map's two columns would have: categories of recipients, places."""


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
