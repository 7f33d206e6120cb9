"""The HTML page in a real browser: headless Chromium opens the files `ropa build` wrote, from disk."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import ropa
from ropa.render.page import render_page
from tests.browser.conftest import Opened
from tests.conftest import ONEDU
from tests.helpers import run_ropa
from tests.render.page_helpers import HOSTILE, ON, expected_map, hostile_register

pytestmark = pytest.mark.browser

LANGUAGES = ("ro", "en")
A4 = (595.3, 841.9)
"""A4 in PDF points (210 × 297 mm)."""

MAP_JS = """() => ({
  nodes: [...document.querySelectorAll('#data-map [data-key]')].map(a => [a.dataset.kind, a.dataset.key]),
  links: [...document.querySelectorAll('#data-map [data-source]')].map(a => ({
    kind: a.dataset.kind, source: a.dataset.source, target: a.dataset.target, verdict: a.dataset.verdict,
    classes: a.getAttribute('class').split(' '),
    stroke: getComputedStyle(a.querySelector('path.line')).stroke,
  })),
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_opens_from_disk_offline_without_errors(
    built: Path, open_page: Any, lang: str, tmp_path: Path
) -> None:
    opened: Opened = open_page(built / f"record.{lang}.html")
    assert opened.requests, "the page itself was loaded"
    assert opened.network == []
    assert opened.errors == []
    shot = tmp_path / f"record.{lang}.png"
    opened.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    title = opened.page.title()
    assert "Asociația ONedu" in title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_nodes_and_links_match_ropa_transfers(built: Path, open_page: Any, lang: str) -> None:
    drawn = open_page(built / f"record.{lang}.html").page.evaluate(MAP_JS)
    expected = expected_map(ropa.load(ONEDU))
    assert Counter(tuple(node) for node in drawn["nodes"]) == Counter(expected.nodes)
    links = {(link["kind"], link["source"], link["target"]): link for link in drawn["links"]}
    assert len(links) == len(drawn["links"]) == len(expected.links)
    assert {key: link["verdict"] for key, link in links.items()} == expected.links

    result = run_ropa("transfers", ONEDU, "--on", ON.isoformat(), "--format", "json")
    transfers = json.loads(result.stdout)
    assert transfers
    for transfer in transfers:
        link = links[("location", transfer["recipient"], transfer["destination"])]
        assert f"verdict-{transfer['basis']}" in link["classes"]
        assert ("disclosure", transfer["activity"], transfer["recipient"]) in links
    # each verdict has its own colour, the same on every link of that verdict
    colours: dict[str, set[str]] = {}
    for link in drawn["links"]:
        colours.setdefault(link["verdict"], set()).add(link["stroke"])
    assert all(len(found) == 1 for found in colours.values())
    assert len({next(iter(found)) for found in colours.values()}) == len(colours)


def test_hover_and_keyboard_focus_show_what_flows_and_on_what_basis(built: Path, open_page: Any) -> None:
    page = open_page(built / "record.en.html").page
    register = ropa.load(ONEDU)
    transfer = next(t for t in ropa.transfers.register_transfers(register, ON) if t.assessment.basis != "intra-eea")
    link = f'#data-map [data-kind="location"][data-source="{transfer.recipient}"][data-target="{transfer.destination}"]'
    # A real pointer over a recipient's box: its places and their verdicts.
    page.hover(f'#data-map [data-kind="recipient"][data-key="{transfer.recipient}"]')
    details = page.inner_text("#map-details")
    assert register.recipients[transfer.recipient].name in details
    assert "United States (US)" in details or transfer.destination in details
    # Links cross one another, so the pointer event is sent to the link itself.
    page.dispatch_event(link, "mouseover")
    details = page.inner_text("#map-details")
    assert register.recipients[transfer.recipient].name in details
    assert transfer.assessment.citation_in("en") in details
    category = register.data_categories[register.activities[transfer.activity].data_categories[0]].name["en"]
    assert category in details

    # Keyboard only: Tab from the top of the page reaches the map, and focus shows the details too.
    page.goto(page.url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => Boolean(document.activeElement.closest('#data-map a'))"):
            break
    else:
        pytest.fail("the map cannot be reached with the Tab key")
    focused = page.evaluate("() => document.activeElement.querySelector('title').textContent")
    assert focused in page.inner_text("#map-details")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accessibility_audit_finds_nothing_serious(built: Path, open_page: Any, lang: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(built / f"record.{lang}.html", bypass_csp=True).page
    results = Axe().run(page)
    violations = results.response["violations"]
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert page.locator("table.flows th[scope=col]").count() >= 5
    assert page.locator("table.flows tbody tr").count() >= len(expected_map(ropa.load(ONEDU)).links) // 2


def near(page: Any, size: tuple[float, float]) -> bool:
    return abs(float(page.width) - size[0]) < 1 and abs(float(page.height) - size[1]) < 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_to_pdf_the_record_is_readable_a4(built: Path, open_page: Any, lang: str, tmp_path: Path) -> None:
    import pdfplumber

    page = open_page(built / f"record.{lang}.html").page
    pdf = tmp_path / f"record.{lang}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    with pdfplumber.open(pdf) as document:
        pages = document.pages
        assert 8 <= len(pages) <= 150
        sizes = ["portrait" if near(p, A4) else "landscape" if near(p, A4[::-1]) else "other" for p in pages]
        assert "other" not in sizes
        assert sizes[1] == "landscape", "the map is on a page of its own, turned sideways"
        assert sizes.count("landscape") == 1
        body = [float(char["size"]) for p in pages for char in p.chars if char["text"].strip()]
        smallest = min(body)
        assert smallest >= 9 * 0.99, f"text of {smallest:.1f} pt"
        common = Counter(round(size, 1) for size in body).most_common(1)[0][0]
        assert common >= 9


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_hostile_recipient_name_appears_literally_and_runs_nothing(open_page: Any, lang: str, tmp_path: Path) -> None:
    path = tmp_path / f"hostile.{lang}.html"
    register = hostile_register()
    path.write_text(render_page(register, lang, ON), encoding="utf-8")
    opened: Opened = open_page(path)
    page = opened.page
    recipient = next(iter(register.recipients))
    node = f'#data-map [data-kind="recipient"][data-key="{recipient}"]'
    page.hover(node)
    page.focus(node)
    assert HOSTILE["recipient"] in page.inner_text(f"#recipient-{recipient}")
    assert HOSTILE["recipient"] in page.inner_text("#map-details")
    assert page.locator(f"{node} title").text_content() == HOSTILE["recipient"]
    assert HOSTILE["activity"] in page.inner_text("#activities")
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert page.evaluate("() => document.scripts.length") == 1
    assert opened.dialogs == []
    assert opened.errors == []
    assert opened.network == []
