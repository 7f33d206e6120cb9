"""Headless Chromium for the page's real-browser tests (marker `browser`).

The tests need Playwright for Python (`pip install '.[browser]'`) and Chromium from Debian's packages
(`/usr/bin/chromium`, or the path in ROPA_CHROMIUM). Without them they are skipped, saying why — unless
ROPA_REQUIRE_BROWSER=1 (as `.ci/browser-check` sets), which turns that skip into a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ONEDU
from tests.helpers import run_ropa
from tests.render.page_helpers import ON

REQUIRED = os.environ.get("ROPA_REQUIRE_BROWSER") == "1"
CHROMIUM = os.environ.get("ROPA_CHROMIUM", "/usr/bin/chromium")
# No network, no background services: the page must need none of them.
ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ONEDU_SIZE = {"width": 1280, "height": 900}


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: pip install '.[browser]'"
    if shutil.which(CHROMIUM) is None:
        return f"Chromium is not at {CHROMIUM}: apt-get install chromium (or set ROPA_CHROMIUM)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing is not None:
        if REQUIRED:
            pytest.fail(f"ROPA_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def built(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`ropa build` of ONedu's register: the folder holding record.ro.html and record.en.html.

    It asks for the browser first, so that without one the tests are skipped before anything is built."""
    out = tmp_path_factory.mktemp("build") / "out"
    result = run_ropa("build", ONEDU, "-o", out, "--on", ON.isoformat())
    assert result.returncode == 0, result.stderr
    return out


@dataclass
class Opened:
    """A page opened from disk, with what it asked of the network and what it logged."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def network(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:"))]


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def opener(path: Path, **options: Any) -> Opened:
        context = browser.new_context(viewport=ONEDU_SIZE, **options)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda message: opened.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: opened.errors.append(str(error)))

        def dialog_opened(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dialog_opened)
        page.goto(path.resolve().as_uri())
        page.wait_for_load_state("load")
        return opened

    yield opener
    for context in contexts:
        context.close()
