"""ONedu's own voice (issue 10): its template folder gives its site's eight files, which carry the whole site
policy, read as the site reads them (CommonMark + GFM here; the site's own stack in tests/site/), and their facts
come from the register."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import ropa
from ropa import cli
from ropa.io.templates import data_sharing_templates
from ropa.model import Register
from ropa.render.notice import render_notice
from ropa.render.policy import render_policy
from tests.conftest import EXAMPLES, ONEDU
from tests.render import onedu_site
from tests.render.site_blocks import read_section

TEMPLATES = EXAMPLES / "onedu" / "notice-templates"
DATA_SHARING = EXAMPLES / "onedu" / "policy-templates"  # its register's policy.data_sharing_templates
ON = date(2026, 11, 25)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `ropa build examples/onedu/register.yaml -o out/` writes (the register names its templates)."""
    out = tmp_path_factory.mktemp("build") / "out"
    assert cli.main(["build", str(ONEDU), "-o", str(out), "--on", ON.isoformat(), "--quiet"]) == 0
    return out


def section(built: Path, name: str, lang: str = "ro") -> str:
    return (built / f"notice-{name}.{lang}.md").read_text(encoding="utf-8")


def test_the_build_writes_the_sites_eight_files_in_each_language(built: Path) -> None:
    assert onedu_site.SECTIONS == [
        "01-introducere",
        "02-colectaredate",
        "03-utilizaredate",
        "04-drepturiuseri",
        "05-partajaredate",
        "06-protectiadatelor",
        "07-cookie",
        "08-modificari",
    ]
    written = sorted(path.name for path in built.glob("notice-*.md"))
    assert written == sorted(f"notice-{name}.{lang}.md" for name in onedu_site.SECTIONS for lang in ("ro", "en"))


@pytest.mark.parametrize("name", onedu_site.SECTIONS)
def test_every_block_of_the_site_policy_is_in_ropas_file(built: Path, name: str) -> None:
    site_title, site = read_section((onedu_site.SITE / f"{name}.md").read_text(encoding="utf-8"))
    title, ours = read_section(section(built, name))
    assert title == site_title
    assert onedu_site.missing(name, site, ours) == []
    assert onedu_site.unneeded(name, site, ours) == []


def test_the_data_sharing_section_is_ropa_policys_whole(built: Path) -> None:
    register = ropa.load(ONEDU)
    templates = data_sharing_templates(ONEDU, register)
    assert templates == DATA_SHARING.resolve()
    for lang in ("ro", "en"):
        assert section(built, "05-partajaredate", lang) == render_policy(register, lang, templates=templates)
        assert (built / f"policy-data-sharing.{lang}.md").read_text(encoding="utf-8") == section(
            built, "05-partajaredate", lang
        )


@pytest.mark.parametrize("name", onedu_site.SECTIONS)
def test_the_english_sections_have_the_same_structure(built: Path, name: str) -> None:
    ro_title, ro = read_section(section(built, name, "ro"))
    en_title, en = read_section(section(built, name, "en"))
    assert en_title
    assert en_title != ro_title
    assert onedu_site.headings(en) == onedu_site.headings(ro)
    assert [kind for kind, _ in en].count("p") == [kind for kind, _ in ro].count("p")
    assert not set("ăâîșț") & set(en_title)


def test_the_romanian_files_use_comma_below(built: Path) -> None:
    for name in onedu_site.SECTIONS:
        assert not set("şţŞŢ") & set(section(built, name))


# --- The facts come from the register ------------------------------------------------------------------------


def sections(register: Register, lang: str = "ro") -> dict[str, list[str]]:
    return {
        s.name: [text for _, text in read_section(s.text)[1]]
        for s in render_notice(register, lang, on=ON, templates=TEMPLATES, data_sharing_templates=DATA_SHARING)
    }


def changed(register: Register, collection: str, key: str, field: str, value: Any) -> Register:
    data = register.model_dump(mode="json", exclude_none=True)
    data[collection][key][field] = value
    return Register.model_validate(data)


@pytest.mark.parametrize(
    ("collection", "key", "field", "value", "name", "shown"),
    [
        (
            "data_categories",
            "date-of-birth",
            "name",
            {"ro": "ziua nașterii", "en": "birthday"},
            "02-colectaredate",
            "ziua nașterii",
        ),
        (
            "data_categories",
            "bank-details",
            "name",
            {"ro": "contul bancar", "en": "bank account"},
            "04-drepturiuseri",
            "contul bancar (Donații): ",
        ),
        (
            "purposes",
            "newsletter",
            "name",
            {"ro": "buletin informativ", "en": "bulletin"},
            "03-utilizaredate",
            "buletin informativ",
        ),
        (
            "purposes",
            "surveys",
            "legal_basis",
            "public-task",
            "03-utilizaredate",
            "temeiul juridic: îndeplinirea unei sarcini care servește unui interes public",
        ),
        ("recipients", "oblio", "name", "Facturi SRL", "05-partajaredate", "Facturi SRL"),
    ],
)
def test_renaming_a_fact_changes_the_matching_text(
    collection: str, key: str, field: str, value: Any, name: str, shown: str
) -> None:
    register = ropa.load(ONEDU)
    before = sections(register)[name]
    after = sections(changed(register, collection, key, field, value))[name]
    assert before != after
    assert any(shown in text for text in after)
    assert not any(shown in text for text in before)


def test_changing_a_retention_period_changes_the_retention_text() -> None:
    register = ropa.load(ONEDU)
    data = register.model_dump(mode="json", exclude_none=True)
    rule = data["activities"]["donations"]["retention"][1]
    rule.pop("criteria")
    rule["period"] = "P10Y"
    after = sections(Register.model_validate(data))["04-drepturiuseri"]
    assert "date bancare (Donații): 10 ani" in after
    assert "date bancare (Donații): 10 ani" not in sections(register)["04-drepturiuseri"]


def test_adding_a_cookie_adds_it_to_the_cookie_section() -> None:
    register = ropa.load(ONEDU)
    cookie = {
        "name": "yt-remote",
        "recipient": "youtube",
        "purpose": {"ro": "redarea videoclipurilor", "en": "playing videos"},
        "lifetime": {"ro": "sesiunea", "en": "the session"},
        "category": "functional",
        "consent": True,
    }
    data = register.model_dump(mode="json", exclude_none=True)
    data["cookies"]["yt"] = cookie
    after = sections(Register.model_validate(data))["07-cookie"]
    line = "yt-remote (funcționale; de la YouTube): redarea videoclipurilor; durata: sesiunea; folosit numai cu consimțământul dvs."
    assert line in after
    assert line not in sections(register)["07-cookie"]


def test_the_rights_follow_the_bases_in_use() -> None:
    register = ropa.load(ONEDU)
    portability = "Dreptul la portabilitatea datelor"
    assert any(text.startswith(portability) for text in sections(register)["04-drepturiuseri"])
    data = register.model_dump(mode="json", exclude_none=True)
    for purpose in data["purposes"].values():
        purpose["legal_basis"] = "legal-obligation"
        purpose.pop("legitimate_interest", None)
    rights = sections(Register.model_validate(data))["04-drepturiuseri"]
    assert not any(text.startswith(portability) for text in rights)
    assert not any(text.startswith("Dreptul de a vă retrage consimțământul") for text in rights)


def test_the_last_update_comes_from_the_registers_history() -> None:
    register = ropa.load(ONEDU)
    # Issue 22: the register (updated 2026-11-25) is newer than its last history entry: its date is the last update.
    assert "Ultima actualizare: 25 noiembrie 2026" in sections(register)["08-modificari"]
    assert "Last updated: 25 November 2026" in sections(register, "en")["08-modificari"]
    data = register.model_dump(mode="json", exclude_none=True)
    data["history"].append({"date": "2026-11-25", "change": {"ro": "cookie-uri noi", "en": "new cookies"}})
    after = sections(Register.model_validate(data))["08-modificari"]
    assert "Ultima actualizare: 25 noiembrie 2026" in after
    assert "2 februarie 2025: ultima actualizare a politicii de confidențialitate publicate pe site" in after
