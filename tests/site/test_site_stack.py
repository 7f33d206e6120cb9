"""ONedu's site stack as a real client (marker `site`; run by .ci/site-check): each section file is rendered
exactly as the site renders it — gray-matter, react-markdown with remark-gfm and remark-breaks,
react-dom/server — by `.ci/site/render.mjs`, and the HTML is compared block by block with the site policy.

Needs node and `.ci/site/node_modules` (`npm ci` in `.ci/site`). Without them the tests are skipped, saying
why, unless ROPA_REQUIRE_SITE=1 (as .ci/site-check sets), which turns the skip into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ropa import cli
from tests.conftest import ONEDU, ROOT
from tests.render import onedu_site
from tests.render.site_blocks import normal

pytestmark = pytest.mark.site

STACK = ROOT / ".ci" / "site"
REQUIRED = os.environ.get("ROPA_REQUIRE_SITE") == "1"
SEED = ROOT / "tests" / "fixtures" / "seed" / "05-partajaredate.md"


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (STACK / "node_modules" / "react-markdown").is_dir():
        return f"the site stack is not installed: run `npm ci` in {STACK}"
    return None


class _Blocks(HTMLParser):
    """Each heading, paragraph and list item of the HTML, as text (a `<br>` is a space); an item's nested
    list is its own items, a paragraph inside an item is the item."""

    TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self._open:
            self._open[-1][1].append(" ")
        elif tag in self.TAGS:
            if tag == "p" and self._open and self._open[-1][0] == "li":
                return
            self._open.append((tag, []))
        elif tag in ("ul", "ol") and self._open and self._open[-1][0] == "li":
            self._close()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.TAGS and self._open and self._open[-1][0] == tag:
            self._close()

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)

    def _close(self) -> None:
        tag, parts = self._open.pop()
        self.blocks.append((tag, normal("".join(parts))))


def blocks(html: str) -> onedu_site.Blocks:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, onedu_site.Blocks]]:
    """Every site file, ropa's Romanian and English files and the seed, rendered by the site's stack."""
    why = _missing()
    if why is not None:
        if REQUIRED:
            pytest.fail(f"ROPA_REQUIRE_SITE=1 but {why}")
        pytest.skip(why)
    out = tmp_path_factory.mktemp("build") / "out"
    assert cli.main(["build", str(ONEDU), "-o", str(out), "--on", "2026-11-25", "--quiet"]) == 0
    files = {f"site/{name}": onedu_site.SITE / f"{name}.md" for name in onedu_site.SECTIONS}
    for lang in ("ro", "en"):
        files |= {f"{lang}/{name}": out / f"notice-{name}.{lang}.md" for name in onedu_site.SECTIONS}
    files["seed"] = SEED
    pages = {page["file"]: page for page in render_with_the_site(list(files.values()))}
    return {key: (pages[str(path)]["title"], blocks(pages[str(path)]["html"])) for key, path in files.items()}


def render_with_the_site(files: list[Path]) -> list[dict[str, str]]:
    """`{file, title, html}` of each Markdown file, as the site's stack renders it (`.ci/site/render.mjs`)."""
    result = subprocess.run(
        ["node", str(STACK / "render.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=STACK,
    )
    assert result.returncode == 0, result.stderr
    pages: list[dict[str, str]] = json.loads(result.stdout)
    return pages


@pytest.mark.parametrize("name", onedu_site.SECTIONS)
def test_every_block_of_the_site_policy_is_in_ropas_file(
    rendered: dict[str, tuple[str, onedu_site.Blocks]], name: str
) -> None:
    site_title, site = rendered[f"site/{name}"]
    title, ours = rendered[f"ro/{name}"]
    assert site  # the stack rendered something
    assert title == site_title
    assert onedu_site.missing(name, site, ours) == []
    assert onedu_site.unneeded(name, site, ours) == []


def test_the_data_sharing_section_carries_the_whole_seed(rendered: dict[str, tuple[str, onedu_site.Blocks]]) -> None:
    seed_title, seed = rendered["seed"]
    title, ours = rendered["ro/05-partajaredate"]
    assert title == seed_title == "Partajarea datelor"
    assert onedu_site.missing("05-partajaredate", seed, ours) == []


@pytest.mark.parametrize("name", onedu_site.SECTIONS)
def test_the_english_sections_have_the_same_structure(
    rendered: dict[str, tuple[str, onedu_site.Blocks]], name: str
) -> None:
    ro_title, ro = rendered[f"ro/{name}"]
    en_title, en = rendered[f"en/{name}"]
    assert en_title
    assert en_title != ro_title
    assert onedu_site.headings(en) == onedu_site.headings(ro)
    assert [kind for kind, _ in en].count("p") == [kind for kind, _ in ro].count("p")
