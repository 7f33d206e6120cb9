"""The data map of a large register: categories of recipients → places of processing (see `page_map`)."""

from __future__ import annotations

from ropa.render import page_labels, page_map_parts
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
    exporter,
    listed,
    short,
    text,
    worst,
)
from ropa.render.workbook_tables import Words
from ropa.transfers import RegisterTransfer

__all__ = ["grouped_map"]


def grouped_map(words: Words, recipients: list[str]) -> DataMap:
    """The map of a large register: categories of recipients → places, each link the worst of its recipients."""
    register = words.register
    places = Places(words)
    categories = list(dict.fromkeys(register.recipients[r].category for r in recipients))
    members: dict[str, list[str]] = {c: [] for c in categories}
    for recipient in recipients:
        members[register.recipients[recipient].category].append(recipient)
    destinations = list(
        dict.fromkeys([*(p for r in recipients for p in places.places(r)), *(t.destination for t in places.returns)])
    )
    # The return flows to client controllers (SCC Module 4) share one box, after the categories.
    boxes = len(categories) + (1 if places.returns else 0)
    height = TOP + max(boxes, len(destinations), 1) * ROW + 6
    x_category, x_destination = COLUMNS_X[2]
    y_left = column([""] * boxes, boxes, height)
    y_category = dict(zip(categories, y_left[: len(categories)], strict=True))
    y_destination = dict(zip(destinations, column(destinations, len(destinations), height), strict=True))
    middle = BOX_HEIGHT // 2
    recipients_label = text(words, "recipients_column")

    nodes: list[Node] = []
    details: tuple[str, ...]
    for category in categories:
        name = words.name(register.recipient_categories[category])
        details = (
            f"{recipients_label} ({len(members[category])}): {listed(words, [register.recipients[r].name for r in members[category]])}",
        )
        nodes.append(
            Node(
                "category",
                category,
                name,
                short(name),
                details,
                f"#recipient-{members[category][0]}",
                x_category,
                y_category[category],
            )
        )
    for place in destinations:
        served = [register.recipients[r].name for r in recipients if place in places.places(r)]
        details = (f"{recipients_label} ({len(served)}): {listed(words, served)}",)
        nodes.append(destination_node(places, place, details, x_destination, y_destination[place]))

    links: list[Link] = []
    flows: list[Flow] = []
    for category in categories:
        name = words.name(register.recipient_categories[category])
        by_place: dict[str, list[str]] = {}
        for recipient in members[category]:
            for place in places.places(recipient):
                by_place.setdefault(place, []).append(recipient)
        for place, served in by_place.items():
            verdicts = [places.verdict(r, place) for r in served]
            verdict = worst(verdicts)
            citations = list(dict.fromkeys(places.citation(r, place) for r in served if places.citation(r, place)))
            title = f"{name} → {places.place_name(place)}: {words.label(page_labels.VERDICTS[verdict])}"
            details = (
                f"{recipients_label} ({len(served)}): {listed(words, [register.recipients[r].name for r in served])}",
                f"{text(words, 'verdict')}: {'; '.join(dict.fromkeys(places.basistext(v) for v in sorted(verdicts, key=VERDICT_ORDER.index)))}",
                *([f"{text(words, 'citation')}: {' | '.join(citations)}"] if citations else []),
            )
            path = curve(
                x_category + BOX_WIDTH, y_category[category] + middle, x_destination, y_destination[place] + middle
            )
            links.append(Link("group", category, place, verdict, title, details, f"#destination-{place}", path))
            anchor = f"destination-{place}" if not any(f.anchor == f"destination-{place}" for f in flows) else None
            flows.append(
                Flow((name, places.place_name(place), str(len(served))), verdict, " | ".join(citations), anchor)
            )
    if places.returns:
        drawn = _returns(words, places, x_category, y_left[-1], x_destination, y_destination)
        nodes.append(drawn[0])
        links.extend(drawn[1])
        flows.extend(drawn[2])
    columns = (text(words, "categories_column"), text(words, "destinations_column"))
    headings = tuple(text(words, key) for key in ("category", "destination", "recipient_count", "verdict", "citation"))
    counts = (len(categories), len(destinations))
    if max(boxes, len(destinations)) > page_map_parts.MAP_ROWS:  # not legible, not printable: the table alone
        return DataMap(True, columns, COLUMNS_X[2], (), (), headings, tuple(flows), WIDTH, 0, False, counts)
    return DataMap(
        True, columns, COLUMNS_X[2], tuple(nodes), tuple(links), headings, tuple(flows), WIDTH, height, True, counts
    )


def _returns(
    words: Words, places: Places, x: int, y: int, x_destination: int, y_destination: dict[str, int]
) -> tuple[Node, list[Link], list[Flow]]:
    """The box of the client controllers the organisation processes for, and a `return` link per country."""
    register = words.register
    middle = BOX_HEIGHT // 2
    name = text(words, "client_controllers")
    clients = list(dict.fromkeys(register.client_controllers[t.recipient].name for t in places.returns))
    first = places.returns[0]
    href = f"#transfer-{first.activity}.{first.recipient}.{first.destination}"
    details = (f"{name} ({len(clients)}): {listed(words, clients)}",)
    node = Node("clients", "client-controllers", name, short(name), details, href, x, y)
    by_place: dict[str, list[RegisterTransfer]] = {}
    for transfer in places.returns:
        by_place.setdefault(transfer.destination, []).append(transfer)
    links: list[Link] = []
    flows: list[Flow] = []
    for place, transfers in by_place.items():
        verdict = worst(t.assessment.basis for t in transfers)
        served = list(dict.fromkeys(register.client_controllers[t.recipient].name for t in transfers))
        citations = list(dict.fromkeys(c for c in (words.citation(t) for t in transfers) if c))
        title = f"{name} → {places.place_name(place)}: {words.label(page_labels.VERDICTS[verdict])}"
        link_details = (
            f"{name} ({len(served)}): {listed(words, served)}",
            f"{text(words, 'verdict')}: {places.basistext(verdict)}",
            *([f"{text(words, 'citation')}: {' | '.join(citations)}"] if citations else []),
            f"{text(words, 'exporter')}: {' | '.join(dict.fromkeys(exporter(words, t) for t in transfers))}",
        )
        path = curve(x + BOX_WIDTH, y + middle, x_destination, y_destination[place] + middle)
        links.append(Link("return", "client-controllers", place, verdict, title, link_details, href, path))
        cells = (name, places.place_name(place), str(len(served)))
        flows.append(Flow(cells, verdict, " | ".join(citations), None))
    return node, links, flows
