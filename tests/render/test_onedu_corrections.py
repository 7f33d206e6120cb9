"""ONedu's templates correct what its site says unlawfully (issue 22): each correction is a documented difference
from the site with its article, listed for ONedu's DPO in examples/onedu/README.md, and the built notice no longer
says what the site said."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ropa import cli
from tests.conftest import EXAMPLES, ONEDU
from tests.render import onedu_site

ON = "2026-11-25"
# What the site says that the GDPR does not allow, or that misnames it, in each language of the templates.
GONE = {
    "ro": (
        "fără o notificare prealabilă",
        "30 de zile lucrătoare",
        "contract valabil încheiat",
        "nu este răspunzătoarea",
        "date sensibile",
        "controlori",
        "autoritatea de protecție a datelor",
        "reclamație la autoritatea",
        "date personale",
        "datele personale",
        "Nici una din",
        "își rezerva dreptul sa",
    ),
    "en": (
        "without prior notice",
        "30 working days",
        "validly concluded contract",
        "is not responsible",
        "sensitive data (",
        "data controllers",
        "data protection authority",
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("onedu") / "out"
    assert cli.main(["build", str(ONEDU), "-o", str(out), "--on", ON, "--quiet"]) == 0
    return out


def test_every_correction_is_a_documented_difference_with_its_article() -> None:
    assert len(onedu_site.CORRECTIONS) >= 10
    for section, block, reason in onedu_site.CORRECTIONS:
        assert section in onedu_site.SECTIONS
        assert (section, block, reason) in onedu_site.DIFFERENCES
        assert reason.startswith("correction (")
        assert re.search(r"Art\. \d+|typo", reason), reason


def test_the_readme_lists_each_corrections_articles_for_the_dpo() -> None:
    readme = (EXAMPLES / "onedu" / "README.md").read_text(encoding="utf-8")
    listed = readme.split("**Corrected from the site**", 1)[1].split("**Added**", 1)[0]
    for article in ("Art. 4(11), 7", "Art. 12(1), 13(3)", "WP260 rev.01 §29", "Art. 77, 79", "Art. 5(2), 24"):
        assert article in listed, article
    for term in ("operator", "plângere", "autoritate de supraveghere", "date cu caracter personal"):
        assert term in listed, term


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_notice_no_longer_says_what_the_site_said_unlawfully(built: Path, lang: str) -> None:
    notice = "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted(built.glob(f"notice-*.{lang}.md"))
        if "05-partajaredate" not in path.name  # the seed's section: tests/render/test_policy_seed.py
    )
    assert [phrase for phrase in GONE[lang] if phrase in notice] == []


def test_the_notice_offers_the_remedies_and_announces_changes(built: Path) -> None:
    final = (built / "notice-08-modificari.ro.md").read_text(encoding="utf-8")
    assert "nu este obligatorie" in final
    assert "(art. 77 din RGPD)" in final
    assert "(art. 79 din RGPD)" in final
    assert "art. 13 alin. (3) din RGPD" in final
    assert "nu este un contract" in final
    assert "**Ultima actualizare:** 25 noiembrie 2026" in final
    assert "- 2 februarie 2025: ultima actualizare a politicii" in final
