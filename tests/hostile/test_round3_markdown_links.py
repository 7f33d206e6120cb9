"""Round three: a web address from the register reaches the reader intact and clickable, and nothing around it
joins it. A fast proxy of the site's stack: markdown-it-py with GFM's autolink literals (`gfm-like`, linkify);
tests/site/test_site_links.py renders the same through react-markdown + remark-gfm + remark-breaks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from ropa.render.markdown import escape
from tests.helpers import run_ropa

ADDRESSES = [
    "https://example.org/privacy_policy#contact",
    "https://example.org/?topic=gdpr&lang=en",
    "https://example.org/~user/a%20b/*star*",
    "https://example.org/a_b_c/d__e__f#x_y",
    "https://example.org/(a)_b",
    "http://example.org/a\\b",
]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None


def links(markdown: str) -> list[tuple[str, str]]:
    """(address, text) of every link the Markdown renders to, percent-encoding undone."""
    parser = _Links()
    parser.feed(MarkdownIt("gfm-like").render(markdown))
    return [(unquote(href), unquote(text)) for href, text in parser.links]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize(("before", "after"), [("", ""), ("“", "”"), ("See ", ", then."), ("(", ")"), ("„", "”.")])
def test_an_address_in_register_text_is_one_link_to_itself(address: str, before: str, after: str) -> None:
    assert links(escape(f"{before}{address}{after}")) == [(unquote(address), unquote(address))]


def test_an_address_without_a_scheme_links_to_itself_over_http() -> None:
    assert links(escape("see www.example.org/a_b#c.")) == [("http://www.example.org/a_b#c", "www.example.org/a_b#c")]


def _register(folder: Path, name: str, web: str) -> Path:
    path = folder / name
    path.write_text(
        f"format: 1\nlanguages: [en]\ncontroller: {{name: Exemplu, country: RO, web: '{web}'}}\n"
        "recipient_categories: {cloud: {en: cloud providers}}\n"
        "recipients:\n  acme: {name: Acme, category: cloud, role: processor, country: RO, locations: [RO],"
        f" privacy_policy: '{web}'}}\n",
        encoding="utf-8",
    )
    return path


def test_diff_writes_a_changed_address_as_a_link_the_closing_quote_does_not_join(tmp_path: Path) -> None:
    old = _register(tmp_path, "old.yaml", ADDRESSES[0])
    new = _register(tmp_path, "new.yaml", ADDRESSES[1])
    result = run_ropa("diff", old, new, "--on", "2026-01-15")
    assert result.returncode == 0, result.stderr
    assert links(result.stdout) == [(unquote(address), unquote(address)) for address in ADDRESSES[:2]]


def test_the_notice_writes_the_controller_address_as_a_link(tmp_path: Path) -> None:
    register = _register(tmp_path, "register.yaml", ADDRESSES[2])
    out = tmp_path / "out"
    result = run_ropa("notice", register, "--on", "2026-01-15", "-o", out)
    assert result.returncode == 0, result.stderr
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(out.glob("*.md")))
    assert (unquote(ADDRESSES[2]), unquote(ADDRESSES[2])) in links(text)
