"""The HTML page, read as text and parsed (no browser here; tests/browser/ opens it in Chromium)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

import ropa
from benchmarks.generate import make_register
from ropa.model import Register
from ropa.render.page import render_page
from ropa.render.page_map import GROUP_ABOVE
from ropa.render.workbook_tables import Words, tables
from ropa.transfers import RegisterTransfer, register_transfers
from tests.conftest import EXAMPLES, MINIMAL, ONEDU
from tests.helpers import run_ropa
from tests.render.page_helpers import HOSTILE, ON, expected_map, hostile_register


class Elements(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def with_attribute(self, name: str) -> list[dict[str, str]]:
        return [attrs for _, attrs in self.tags if name in attrs]

    def ids(self) -> list[str]:
        return [attrs["id"] for attrs in self.with_attribute("id")]


@pytest.fixture(scope="module")
def onedu() -> Register:
    return ropa.load(ONEDU)


@pytest.fixture(scope="module")
def pages(onedu: Register) -> dict[str, str]:
    return {lang: ropa.render_page(onedu, lang, ON) for lang in ("ro", "en")}


def test_same_register_and_date_give_the_same_bytes(onedu: Register, pages: dict[str, str]) -> None:
    assert ropa.render_page(onedu, "en", ON) == pages["en"]
    assert pages["ro"] != pages["en"]
    assert '<html lang="ro">' in pages["ro"]


def test_nothing_can_be_fetched(pages: dict[str, str]) -> None:
    for text in pages.values():
        tags = Elements(text).tags
        assert {tag for tag, _ in tags} & {
            "img",
            "link",
            "iframe",
            "object",
            "embed",
            "video",
            "audio",
            "form",
        } == set()
        assert not [attrs for _, attrs in tags if {"src", "srcset", "action", "poster"} & set(attrs)]
        assert "url(" not in text
        assert "@import" not in text
        # every link stays inside the page
        assert all(attrs["href"].startswith("#") for tag, attrs in tags if tag == "a")
        assert "default-src 'none'" in text


def test_the_one_script_is_allowed_by_its_hash_and_no_other(pages: dict[str, str]) -> None:
    text = pages["en"]
    scripts = re.findall(r"<script>(.*?)</script>", text, flags=re.DOTALL)
    assert len(scripts) == 1
    assert text.count("<script") == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in text
    assert not [attrs for _, attrs in Elements(text).tags if any(name.startswith("on") for name in attrs)]


def test_the_map_has_a_node_per_activity_recipient_and_place_and_a_link_per_flow(
    onedu: Register, pages: dict[str, str]
) -> None:
    expected = expected_map(onedu)
    assert len(expected.nodes) > 30
    assert {link[0] for link in expected.links} == {"disclosure", "location"}
    for text in pages.values():
        found = Elements(text)
        nodes = [(attrs["data-kind"], attrs["data-key"]) for attrs in found.with_attribute("data-key")]
        links = [
            ((attrs["data-kind"], attrs["data-source"], attrs["data-target"]), attrs["data-verdict"])
            for attrs in found.with_attribute("data-source")
        ]
        assert Counter(nodes) == Counter(expected.nodes)
        assert len(links) == len(expected.links)
        assert dict(links) == expected.links
        for (kind, _, _), verdict in links:
            classes = next(a["class"] for a in found.with_attribute("data-source") if a["data-verdict"] == verdict)
            assert f"verdict-{verdict}" in classes.split(), kind


@pytest.mark.parametrize("on", [date(2019, 1, 1), date(2020, 7, 17), date(2023, 7, 10)])
def test_the_map_follows_the_verdicts_of_any_date(onedu: Register, on: date) -> None:
    found = Elements(render_page(onedu, "en", on))
    links = {
        (a["data-kind"], a["data-source"], a["data-target"]): a["data-verdict"]
        for a in found.with_attribute("data-source")
    }
    assert links == expected_map(onedu, on).links


def test_the_smallest_register_gives_a_page(tmp_path: Path) -> None:
    register = ropa.load(MINIMAL)
    text = render_page(register, register.languages[0], ON)
    assert text.startswith("<!DOCTYPE html>")
    assert Elements(text).with_attribute("data-source") == []


def test_every_transfer_of_ropa_transfers_is_a_link_of_its_verdict(onedu: Register, pages: dict[str, str]) -> None:
    found = Elements(pages["en"])
    links = {(a["data-source"], a["data-target"]): a for a in found.with_attribute("data-source")}
    transfers = register_transfers(onedu, ON)
    assert transfers
    for transfer in transfers:
        link = links[(transfer.recipient, transfer.destination)]
        assert f"verdict-{transfer.assessment.basis}" in link["class"].split()
        assert (transfer.activity, transfer.recipient) in links


def test_the_flows_table_holds_every_flow(onedu: Register, pages: dict[str, str]) -> None:
    found = Elements(pages["en"])
    rows = [attrs for tag, attrs in found.tags if tag == "tr" and "data-verdict" in attrs]
    expected = expected_map(onedu)
    flows = sum(1 for kind, _, _ in expected.links if kind == "location")
    transfers = register_transfers(onedu, ON)
    # one row per (activity, recipient, place) in the flows table, one per transfer in the transfers table
    per_activity = sum(
        len(onedu.recipients[r].locations or ["unknown"])
        for key, a in onedu.activities.items()
        if ("activity", key) in expected.nodes
        for r in dict.fromkeys(a.recipients)
    )
    assert len(rows) == per_activity + len(transfers)
    assert flows <= per_activity


def test_anchors_for_every_activity_recipient_and_transfer_and_every_link_lands(
    onedu: Register, pages: dict[str, str]
) -> None:
    found = Elements(pages["en"])
    ids = found.ids()
    assert len(ids) == len(set(ids))
    assert {f"activity-{key}" for key in onedu.activities} <= set(ids)
    assert {f"recipient-{key}" for key in onedu.recipients} <= set(ids)
    transfers = {f"transfer-{t.activity}.{t.recipient}.{t.destination}" for t in register_transfers(onedu, ON)}
    assert transfers <= set(ids)
    targets = {attrs["href"][1:] for tag, attrs in found.tags if tag == "a"}
    assert targets - set(ids) == set()


def test_the_cards_show_the_workbook_cells(onedu: Register, pages: dict[str, str]) -> None:
    for lang, text in pages.items():
        words = Words(onedu, lang, ON, register_transfers(onedu, ON))
        sheets = {table.sheet: table for table in tables(words)}
        for sheet in ("fiches", "controller", "recipients"):
            for row in sheets[sheet].cells():
                for value in row:
                    if isinstance(value, str) and value:
                        assert str(escape(value)) in text, (sheet, value)


def test_findings_are_listed_by_severity(onedu: Register, pages: dict[str, str]) -> None:
    from ropa.checks import check

    findings = check(onedu, on=ON)
    text = pages["en"]
    for finding in findings:
        assert str(escape(finding.message)) in text
    assert text.index('class="findings severity-warning"') < text.index('class="findings severity-info"')


def test_the_rights_and_the_contacts_the_register_holds(onedu: Register, pages: dict[str, str]) -> None:
    rights = pages["ro"][pages["ro"].index('<section id="rights"') :]
    assert "Dreptul de a depune o plângere la o autoritate de supraveghere — art. 77" in rights
    assert "Dreptul la opoziție — art. 21" in rights
    assert onedu.controller.contact_point is not None
    assert f"Punctul de contact pentru solicitări: {onedu.controller.contact_point}" in rights
    assert "Responsabilul cu protecția datelor" in rights
    no_dpo = onedu.model_copy(update={"controller": onedu.controller.model_copy(update={"dpo": None})})
    assert "Responsabilul cu protecția datelor</h4>" not in render_page(no_dpo, "ro", ON)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_hostile_names_appear_literally_and_never_as_markup(lang: str) -> None:
    text = render_page(hostile_register(), lang, ON)
    for name in HOSTILE.values():
        assert str(escape(name)) in text
    tags = Elements(text).tags
    assert [tag for tag, _ in tags].count("script") == 1
    assert "img" not in {tag for tag, _ in tags}
    assert not [attrs for _, attrs in tags if any(name.startswith("on") for name in attrs)]
    register = hostile_register()
    first = next(iter(register.recipients))
    assert register.recipients[first].name == HOSTILE["recipient"]
    assert ("recipient", first) in {(a["data-kind"], a["data-key"]) for a in Elements(text).with_attribute("data-key")}


def test_an_undeclared_language_is_an_error(onedu: Register) -> None:
    with pytest.raises(ValueError, match="'de'"):
        render_page(onedu, "de", ON)


def test_a_large_register_gets_a_grouped_map_of_bounded_size() -> None:
    register = Register.model_validate(make_register(1000))
    text = render_page(register, "en", ON)
    found = Elements(text)
    nodes = found.with_attribute("data-key")
    links = found.with_attribute("data-source")
    categories = len(register.recipient_categories)
    assert len(register.activities) > GROUP_ABOVE
    assert {a["data-kind"] for a in nodes} == {"category", "destination"}
    assert len([a for a in nodes if a["data-kind"] == "category"]) <= categories
    assert len(links) <= categories * 30
    svg = text[text.index("<svg id=") : text.index("</svg>", text.index("<svg id="))]
    assert len(svg) < 200_000
    assert len([i for i in found.ids() if i.startswith("activity-")]) >= 1000


def test_the_cli_writes_what_the_library_renders(tmp_path: Path, pages: dict[str, str]) -> None:
    out = tmp_path / "record.html"
    result = run_ropa("page", ONEDU, "--lang", "en", "--on", ON.isoformat(), "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == pages["en"]
    refused = run_ropa("page", ONEDU, "--lang", "de", "--on", ON.isoformat())
    assert refused.returncode == 2
    assert "--lang 'de'" in refused.stderr


def _exporter(register: Register, transfer: RegisterTransfer) -> str:
    # the words of the workbook's Transfers sheet, in English, with the module of the 2021 SCC when declared
    role = (
        "processor"
        if transfer.to_client_controller or register.activities[transfer.activity].role == "processor"
        else "controller"
    )
    module = f", standard contractual clauses, Module {transfer.scc_module}" if transfer.scc_module else ""
    return f"{register.controller.name}, as {role}{module}"


@pytest.mark.parametrize("example", ["clinic", "software-company", "us-company", "onedu"])
def test_every_transfer_has_one_link_of_its_verdict_naming_its_exporter(example: str) -> None:
    register = ropa.load(EXAMPLES / example / "register.yaml")
    transfers = register_transfers(register, ON)
    text = render_page(register, "en", ON)
    found = Elements(text)
    links = found.with_attribute("data-source")
    drawn = {(a["data-kind"], a["data-source"], a["data-target"]): a["data-verdict"] for a in links}
    assert drawn == expected_map(register).links
    descs = dict(
        zip(
            [(a["data-kind"], a["data-source"], a["data-target"]) for a in links],
            re.findall(
                r'data-source="[^"]*" data-target="[^"]*" data-verdict="[^"]*"><title>(.*?)</title><desc>(.*?)</desc>',
                text,
                flags=re.DOTALL,
            ),
            strict=True,
        )
    )
    assert transfers
    for transfer in transfers:
        kind = "return" if transfer.to_client_controller else "location"
        mine = [
            a
            for a in links
            if (a["data-kind"], a["data-source"], a["data-target"]) == (kind, transfer.recipient, transfer.destination)
        ]
        assert len(mine) == 1, transfer
        assert f"verdict-{transfer.assessment.basis}" in mine[0]["class"].split(), transfer
        title, desc = descs[(kind, transfer.recipient, transfer.destination)]
        assert str(escape(_exporter(register, transfer))) in desc, (transfer, desc)
        if transfer.to_client_controller:
            party = register.client_controllers[transfer.recipient]
            assert ("client", transfer.recipient) in {
                (a["data-kind"], a["data-key"]) for a in found.with_attribute("data-key")
            }
            assert (
                f"Exporter: {escape(_exporter(register, transfer))}"
                in descs[("on-behalf", transfer.activity, transfer.recipient)][1]
            )
            assert str(escape(party.name)) in title
            # and its row in the table of flows
            row = (
                f'<th scope="row">{escape(register.activities[transfer.activity].name["en"])}</th>'
                f"<td>{escape(party.name)}</td><td>"
            )
            assert row in text, row


def test_the_return_flows_of_a_grouped_map(monkeypatch: pytest.MonkeyPatch) -> None:
    register = ropa.load(EXAMPLES / "software-company" / "register.yaml")
    returns = [t for t in register_transfers(register, ON) if t.to_client_controller]
    assert returns
    monkeypatch.setattr("ropa.render.page_map.GROUP_ABOVE", 0)
    text = render_page(register, "en", ON)
    found = Elements(text)
    assert ("clients", "client-controllers") in {
        (a["data-kind"], a["data-key"]) for a in found.with_attribute("data-key")
    }
    for transfer in returns:
        mine = [
            a
            for a in found.with_attribute("data-source")
            if (a["data-kind"], a["data-source"], a["data-target"])
            == ("return", "client-controllers", transfer.destination)
        ]
        assert len(mine) == 1
        assert mine[0]["data-verdict"] == transfer.assessment.basis
        assert f"Exporter: {escape(_exporter(register, transfer))}" in text
