"""Round three: the data map has a bound in both directions (boxes of categories, boxes of places); above it
the page says why and the table of flows shows every flow, so the page stays printable."""

from __future__ import annotations

import re

import pytest

from ropa.io import load_text
from ropa.model import Register
from ropa.render.page import render_page
from ropa.render.page_map import data_map
from ropa.render.workbook_tables import Words
from ropa.transfers import register_transfers
from tests.render.page_helpers import ON

PLACES = ["RO", "DE", "FR", "IT", "ES", "AT", "BE", "NL", "PL", "PT", "SE", "FI", "DK", "IE", "CZ"]


def _register(categories: int, recipients: int, places: int) -> Register:
    lines = ["format: 1", "languages: [en, ro]", "controller: {name: Exemplu, country: RO}", "recipient_categories:"]
    lines += [f"  c{n}: {{en: category {n}, ro: categoria {n}}}" for n in range(categories)]
    lines.append("recipients:")
    lines += [
        f"  r{n}: {{name: Recipient {n}, category: c{n % categories}, role: processor,"
        f" locations: [{PLACES[n % places]}]}}"
        for n in range(recipients)
    ]
    lines += [
        "activities:",
        "  a:",
        "    name: {en: A, ro: A}",
        f"    recipients: [{', '.join(f'r{n}' for n in range(recipients))}]",
    ]
    return load_text("\n".join(lines) + "\n")


def _map_height(page: str) -> int | None:
    found = re.search(r'<svg id="data-map"[^>]* height="(\d+)"', page)
    return int(found.group(1)) if found else None


@pytest.mark.parametrize(("categories", "places"), [(12, 1), (1, 12)], ids=["categories", "places"])
def test_above_the_bound_the_map_is_a_table_with_a_sentence_saying_why(
    monkeypatch: pytest.MonkeyPatch, categories: int, places: int
) -> None:
    from ropa.render import page_map_parts  # here: the last test runs against a ropa without it too

    monkeypatch.setattr(page_map_parts, "MAP_ROWS", 10)
    register = _register(categories, 70, places)
    found = data_map(Words(register, "en", ON, register_transfers(register, ON)))
    assert not found.drawn
    assert found.nodes == ()
    assert found.links == ()
    assert len(found.flows) == max(categories, places)
    for lang in ("en", "ro"):
        page = render_page(register, lang, ON)
        assert _map_height(page) is None
        assert 'id="flows"' in page
        sentence = re.search(r'<p class="map-intro">([^<]*)</p>', page)
        assert sentence is not None
        assert f"{max(categories, places)}" in sentence.group(1)
        assert "10" in sentence.group(1)


def test_at_the_bound_the_map_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    from ropa.render import page_map_parts  # here: the last test runs against a ropa without it too

    monkeypatch.setattr(page_map_parts, "MAP_ROWS", 10)
    register = _register(10, 70, 10)
    found = data_map(Words(register, "en", ON, register_transfers(register, ON)))
    assert found.drawn
    assert len([node for node in found.nodes if node.kind == "category"]) == 10
    height = _map_height(render_page(register, "en", ON))
    assert height is not None
    assert height <= page_map_parts.TOP + 10 * page_map_parts.ROW + 6


def test_a_register_of_many_categories_gives_a_printable_page() -> None:
    # 400 recipients in 400 categories (5,000 × 5,000 grows the same way): no map taller than the bound, and
    # a map section of one table row per flow (about 240 bytes), not a drawing of every box with its details.
    register = _register(400, 400, 3)
    page = render_page(register, "en", ON)
    assert _map_height(page) is None
    the_map = page[page.index('<section id="map"') : page.index('<section id="controller"')]
    assert the_map.count("<tr ") == 400
    assert len(the_map.encode()) < 400 * 300
