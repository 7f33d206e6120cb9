"""The return flows of the data map: a processor activity → the client controller it acts for → its country.

A transfer `to_client_controller` (SCC Module 4) names a client controller (`register.client_controllers`),
not a recipient: it gets its own box (`client`) in the recipients' column, an `on-behalf` link from the
activity and a `return` link to the controller's country, coloured by the verdict of `register_transfers`.
"""

from __future__ import annotations

from ropa.render import page_labels
from ropa.render import workbook_labels as labels
from ropa.render.page_map_parts import (
    BOX_HEIGHT,
    BOX_WIDTH,
    COLUMNS_X,
    Flow,
    Link,
    Node,
    Places,
    curve,
    exporter,
    listed,
    short,
    text,
    worst,
)
from ropa.render.workbook_tables import Words
from ropa.transfers import RegisterTransfer

__all__ = ["return_flows"]


def return_flows(
    words: Words,
    places: Places,
    y_activity: dict[str, int],
    y_client: dict[str, int],
    y_destination: dict[str, int],
    anchored: set[str],
) -> tuple[list[Node], list[Link], list[Flow]]:
    """The boxes, links and rows of the table of flows of `places.returns` (anchoring places not yet in `anchored`)."""
    register = words.register
    x_activity, x_client, x_destination = COLUMNS_X[3]
    middle = BOX_HEIGHT // 2
    exporter_label, verdict_label = text(words, "exporter"), text(words, "verdict")
    by_client: dict[str, list[RegisterTransfer]] = {}
    for transfer in places.returns:
        by_client.setdefault(transfer.recipient, []).append(transfer)

    def names(transfers: list[RegisterTransfer]) -> str:
        return listed(words, list(dict.fromkeys(words.name(register.activities[t.activity].name) for t in transfers)))

    def data(transfer: RegisterTransfer) -> str:
        activity = register.activities[transfer.activity]
        found = dict.fromkeys(words.name(register.data_categories[c].name) for c in activity.data_categories)
        return listed(words, list(found))

    def purposes(transfer: RegisterTransfer) -> str:
        activity = register.activities[transfer.activity]
        return listed(words, list(dict.fromkeys(words.name(register.purposes[p].name) for p in activity.purposes)))

    nodes: list[Node] = []
    links: list[Link] = []
    flows: list[Flow] = []
    details: tuple[str, ...]
    verdict: str
    for client, transfers in by_client.items():
        party = register.client_controllers[client]
        first = transfers[0]
        place = places.place_name(first.destination)
        details = (
            words.label(labels.PHRASES["client_controller"]),
            f"{text(words, 'destinations_column')}: {place}",
            f"{text(words, 'activities_of')}: {names(transfers)}",
        )
        anchor = f"#transfer-{first.activity}.{client}.{first.destination}"
        nodes.append(Node("client", client, party.name, short(party.name), details, anchor, x_client, y_client[client]))
        for transfer in transfers:
            verdict = transfer.assessment.basis
            name = words.name(register.activities[transfer.activity].name)
            title = f"{name} → {party.name}: {words.label(page_labels.VERDICTS[verdict])}"
            details = (
                f"{text(words, 'data')}: {data(transfer)}",
                f"{text(words, 'purposes')}: {purposes(transfer)}",
                f"{text(words, 'destinations_column')}: {place}",
                f"{exporter_label}: {exporter(words, transfer)}",
            )
            path = curve(
                x_activity + BOX_WIDTH, y_activity[transfer.activity] + middle, x_client, y_client[client] + middle
            )
            href = f"#transfer-{transfer.activity}.{client}.{transfer.destination}"
            links.append(Link("on-behalf", transfer.activity, client, verdict, title, details, href, path))
            row_anchor = None if transfer.destination in anchored else f"destination-{transfer.destination}"
            anchored.add(transfer.destination)
            cells = (name, party.name, place, data(transfer), purposes(transfer))
            flows.append(Flow(cells, verdict, words.citation(transfer), row_anchor))
        verdict = worst(t.assessment.basis for t in transfers)
        citations = list(dict.fromkeys(c for c in (words.citation(t) for t in transfers) if c))
        details = (
            f"{text(words, 'activities_of')}: {names(transfers)}",
            f"{verdict_label}: {places.basistext(verdict)}",
            *([f"{text(words, 'citation')}: {' | '.join(citations)}"] if citations else []),
            f"{exporter_label}: {' | '.join(dict.fromkeys(exporter(words, t) for t in transfers))}",
        )
        title = f"{party.name} → {place}: {words.label(page_labels.VERDICTS[verdict])}"
        path = curve(
            x_client + BOX_WIDTH, y_client[client] + middle, x_destination, y_destination[first.destination] + middle
        )
        links.append(Link("return", client, first.destination, verdict, title, details, anchor, path))
    return nodes, links, flows
