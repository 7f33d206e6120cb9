"""Round three (issue 27), through the site's real stack (marker `site`; run by .ci/site-check): a web address
from the register is one link to itself under react-markdown + remark-gfm + remark-breaks, with no
backslash shown and nothing after it (a closing quote of `ropa diff`) joined to it.
tests/hostile/test_round3_markdown_links.py checks the same with markdown-it-py, fast, on every run."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from ropa.render.markdown import escape
from tests.helpers import run_ropa
from tests.hostile.test_round3_markdown_links import ADDRESSES, _Links, _register
from tests.site.test_site_stack import REQUIRED, _missing, render_with_the_site

pytestmark = pytest.mark.site


def _site_links(files: list[Path]) -> list[list[tuple[str, str]]]:
    why = _missing()
    if why is not None:
        if REQUIRED:
            pytest.fail(f"ROPA_REQUIRE_SITE=1 but {why}")
        pytest.skip(why)
    found = []
    for page in render_with_the_site(files):
        parser = _Links()
        parser.feed(page["html"])
        found.append([(unquote(href), unquote(text)) for href, text in parser.links])
    return found


def test_register_text_with_addresses_renders_each_as_one_link_to_itself(tmp_path: Path) -> None:
    files = []
    for number, address in enumerate(ADDRESSES):
        path = tmp_path / f"{number}.md"
        path.write_text(escape(f"See “{address}”, then ({address}).") + "\n", encoding="utf-8")
        files.append(path)
    assert _site_links(files) == [[(unquote(a), unquote(a))] * 2 for a in ADDRESSES]


def test_diff_and_notice_addresses_are_links_through_the_site_stack(tmp_path: Path) -> None:
    old = _register(tmp_path, "old.yaml", ADDRESSES[0])
    new = _register(tmp_path, "new.yaml", ADDRESSES[1])
    diff = run_ropa("diff", old, new, "--on", "2026-01-15")
    assert diff.returncode == 0, diff.stderr
    (tmp_path / "diff.md").write_text(diff.stdout, encoding="utf-8")
    assert run_ropa("notice", new, "--on", "2026-01-15", "-o", tmp_path / "out").returncode == 0
    [in_diff, in_notice] = _site_links([tmp_path / "diff.md", tmp_path / "out" / "01-controller.md"])
    assert in_diff == [(unquote(address), unquote(address)) for address in ADDRESSES[:2]]
    assert (unquote(ADDRESSES[1]), unquote(ADDRESSES[1])) in in_notice
