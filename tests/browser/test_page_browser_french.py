"""The French page in a real browser (issue 23): the Belgian municipality's record.fr.html in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ropa.render.dates import written
from tests.browser.conftest import Opened
from tests.conftest import EXAMPLES
from tests.helpers import run_ropa
from tests.render.page_helpers import ON

pytestmark = pytest.mark.browser

BELGIAN = EXAMPLES / "belgian-municipality" / "register.yaml"


@pytest.fixture(scope="module")
def french_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("belgian") / "out"
    result = run_ropa("build", BELGIAN, "-o", out, "--on", ON.isoformat())
    assert result.returncode == 0, result.stderr
    return out / "record.fr.html"


def test_the_french_page_opens_offline_without_errors_in_french(french_page: Path, open_page: Any) -> None:
    opened: Opened = open_page(french_page)
    assert opened.network == []
    assert opened.errors == []
    page = opened.page
    assert page.evaluate("() => document.documentElement.lang") == "fr"
    assert "Commune de Saint-Exemple" in page.title()
    text = page.inner_text("body")
    assert "Registre des activités de traitement" in text
    assert written(ON, "fr") in text  # dates as people write them; ISO only in <time datetime>
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert page.locator("#data-map [data-source]").count() >= 2  # the map drew the two flows


def test_the_french_page_passes_the_accessibility_audit(french_page: Path, open_page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(french_page, bypass_csp=True).page
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
