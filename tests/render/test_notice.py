"""The whole privacy notice (Art. 13, 14): sections from the register, read through a Markdown parser."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

import ropa
from ropa import cli
from ropa.model import Register, country_name
from ropa.render.notice import NoticeTemplateError, Section, render_notice
from ropa.render.policy import _grounds
from ropa.render.subprocessors import render_subprocessors
from tests.conftest import EXAMPLES, MINIMAL, ROOT

SECTIONS = [
    "01-controller",
    "02-data",
    "03-purposes",
    "04-recipients",
    "05-retention",
    "06-rights",
    "07-cookies",
    "08-changes",
]
OTHERS = ["clinic", "software-company", "us-company"]
ON = date(2026, 11, 25)  # the examples' own date

# Distinctive wording of ONedu's site policy (tests/fixtures/onedu-site-policy/, each phrase checked to be there)
# and of its English translation (ONedu's templates), that no default template may carry.
ONEDU_PHRASES = {
    "ro": [
        "ONedu",
        "Produse",
        "soluțiile digitale",
        "soluții digitale",
        "Intimitatea dumneavoastră",
        "subiecți purtători de date",
        "Centrul de suport",
        "Direcția IT",
        "Nu vindem nimănui",
        "entitate națională",
        "Produse inovative comunității noastre",
        "pe cale amiabilă",
        "forță majoră",
        "Politica de confidențialitate",
        "cookie-uri",
    ],
    "en": [
        "ONedu",
        "Products",
        "digital solutions",
        "Your privacy is one of the organisation's fundamental obligations",
        "Support Centre",
        "IT department",
        "amicable settlement",
        "force majeure",
        "Privacy Policy",
        "Like most sites",
    ],
}


# The record page's label of the recipients' `privacy_policy` field: the generic term, not ONedu's wording.
RECIPIENTS_PRIVACY_POLICY = {
    "ro": "Politica de confidențialitate a destinatarului",
    "en": "The recipient's privacy policy",
}


def load(name: str) -> Register:
    return ropa.load(EXAMPLES / name / "register.yaml")


def changed(register: Register, **update: Any) -> Register:
    """`register` with top-level fields replaced, validated again as a whole."""
    data = register.model_dump(mode="json", exclude_none=True)
    data.update(update)
    return Register.model_validate(data)


def read(section: Section) -> list[str]:
    """What a reader sees, block by block: each heading, paragraph and list item as plain text."""
    front, body = section.text.split("---\n", 2)[1:]
    assert yaml.safe_load(front)["title"] == section.title
    blocks = []
    for token in MarkdownIt("commonmark").parse(body):
        if token.type == "inline":
            blocks.append("".join(child.content or "\n" for child in token.children or []))
    return blocks


def notice(register: Register, lang: str = "en") -> dict[str, list[str]]:
    return {section.name: read(section) for section in render_notice(register, lang, on=ON)}


def text(register: Register, lang: str = "en") -> str:
    return "\n".join(line for blocks in notice(register, lang).values() for line in blocks)


CASES = [(name, lang) for name in ["onedu", "minimal", *OTHERS] for lang in load(name).languages]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_register_gives_every_section_with_a_title(name: str, lang: str) -> None:
    sections = render_notice(load(name), lang, on=ON)
    assert [section.name for section in sections] == SECTIONS
    for section in sections:
        assert section.text.startswith("---\ntitle: ")
        assert section.text.endswith("\n")
        assert read(section)[0]  # a heading under the front matter
        if lang == "ro":
            assert not set("şţŞŢ") & set(section.text)


def test_the_public_function_is_the_renderer() -> None:
    register = load("clinic")
    assert ropa.render_notice(register, "ro", on=ON) == render_notice(register, "ro", on=ON)


def test_a_language_the_register_does_not_declare_is_refused() -> None:
    register = changed(load("clinic"))
    with pytest.raises(ValueError, match="not declared"):
        render_notice(register, "de")


@pytest.mark.parametrize(("name", "lang"), [case for case in CASES if case[0] in OTHERS])
def test_default_templates_carry_none_of_onedus_wording(name: str, lang: str) -> None:
    whole = text(load(name), lang).casefold()
    for phrase in ONEDU_PHRASES[lang]:
        assert phrase.casefold() not in whole, phrase


@pytest.fixture(scope="module")
def built_others(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """What `ropa build` writes for each of the other organisations, with ropa's default templates."""
    folders = {}
    for name in OTHERS:
        out = tmp_path_factory.mktemp(name) / "out"
        assert (
            cli.main(["build", str(EXAMPLES / name / "register.yaml"), "-o", str(out), "--on", ON.isoformat(), "-q"])
            == 0
        )
        folders[name] = out
    return folders


@pytest.mark.parametrize("name", OTHERS)
def test_no_file_the_build_writes_for_another_organisation_carries_onedus_wording(
    built_others: dict[str, Path], name: str
) -> None:
    # Every Markdown and HTML file: the notice, the data-sharing section (ropa policy's), the sub-processor list, the page.
    files = sorted(path for path in built_others[name].iterdir() if path.suffix in (".md", ".html"))
    languages = load(name).languages
    assert {f"policy-data-sharing.{lang}.md" for lang in languages} <= {path.name for path in files}
    assert {f"record.{lang}.html" for lang in languages} <= {path.name for path in files}
    for path in files:
        lang = path.suffixes[-2].removeprefix(".")
        whole = html.unescape(path.read_text(encoding="utf-8")).casefold()
        # The page's label of a recipient's `privacy_policy` field names that recipient's own document.
        whole = whole.replace(RECIPIENTS_PRIVACY_POLICY[lang].casefold(), "")
        for phrase in ONEDU_PHRASES[lang]:
            assert phrase.casefold() not in whole, (path.name, phrase)


@pytest.mark.parametrize(("name", "lang"), [case for case in CASES if case[0] in OTHERS])
def test_the_default_data_sharing_section_carries_none_of_onedus_wording(name: str, lang: str) -> None:
    whole = ropa.render_policy(load(name), lang).casefold()
    for phrase in ONEDU_PHRASES[lang]:
        assert phrase.casefold() not in whole, phrase


def test_the_phrases_are_onedus_own() -> None:
    site = " ".join(
        " ".join(path.read_text(encoding="utf-8").split()) for path in (ROOT / "tests" / "fixtures").glob("*/*.md")
    )
    for phrase in ONEDU_PHRASES["ro"]:
        assert phrase in site, phrase
    english = "\n".join(
        line
        for section in render_notice(load("onedu"), "en", on=ON, templates=EXAMPLES / "onedu" / "notice-templates")
        for line in read(section)
    )
    for phrase in ONEDU_PHRASES["en"]:
        assert phrase in english, phrase


def test_the_clinic_names_its_dpo_purposes_bases_retention_and_authority() -> None:
    register = load("clinic")
    sections = notice(register)
    assert "Email: dpo@clinica-exemplu.example" in sections["01-controller"]
    assert "Our data protection officer" in sections["01-controller"]
    assert "Legal basis: performance of a contract with the data subject — Art. 6(1)(b)" in sections["03-purposes"]
    assert any("Art. 9(2)(h)" in line for line in sections["03-purposes"])
    assert "health insurance details (Insurance claims): 5 years" in sections["05-retention"]
    assert any("National Supervisory Authority for Personal Data Processing" in line for line in sections["06-rights"])
    assert "Email: anspdcp@dataprotection.ro" in sections["06-rights"]
    transfers = "\n".join(sections["04-recipients"])
    for country in ("India", "United Kingdom", "Switzerland"):
        assert country in transfers


def test_ro_notice_names_anspdcp_in_romanian() -> None:
    rights = notice(load("clinic"), "ro")["06-rights"]
    assert any(
        "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)" in line
        for line in rights
    )


def test_no_dpo_means_no_dpo_line_at_all() -> None:
    register = load("clinic")
    controller = register.controller.model_dump(mode="json", exclude_none=True)
    del controller["dpo"]
    whole = text(changed(register, controller=controller))
    assert "data protection officer" not in whole
    assert "dpo@" not in whole


def test_a_controller_outside_the_union_names_its_representative_and_every_transfer() -> None:
    register = load("us-company")
    sections = notice(register)
    representative = register.controller.representative
    assert representative is not None
    assert any(representative.name in line for line in sections["01-controller"])
    assert any(line.startswith("United States:") for line in sections["04-recipients"])
    assert not any("Supervisory Authority" in line for line in sections["06-rights"])  # no verified facts for US


def test_processor_work_stays_out_of_the_organisations_own_sections() -> None:
    register = load("software-company")
    whole = text(register)
    processing = [activity for activity in register.activities.values() if activity.role.value == "processor"]
    assert processing
    own = {
        p for activity in register.activities.values() if activity.role.value == "controller" for p in activity.purposes
    }
    for activity in processing:
        for key in activity.purposes:
            if key not in own:
                assert register.purposes[key].name["en"] not in whole
    own_recipients = {
        r
        for activity in register.activities.values()
        if activity.role.value == "controller"
        for r in activity.recipients
    }
    only_processor = {r for activity in processing for r in activity.recipients} - own_recipients
    assert only_processor
    for key in only_processor:
        assert register.recipients[key].name not in whole


def test_rights_follow_the_legal_bases_in_use() -> None:
    register = load("clinic")  # contract only
    rights = "\n".join(notice(register)["06-rights"])
    assert "data portability" in rights
    assert "withdraw your consent" not in rights
    assert "Your right to object" not in rights
    assert "direct marketing" not in rights  # Art. 21(2): only where the register records direct marketing
    purposes = register.model_dump(mode="json", exclude_none=True)["purposes"]
    for purpose in purposes.values():
        purpose["legal_basis"] = "legitimate-interests"
        purpose["legitimate_interest"] = {"ro": "interesul clinicii", "en": "the clinic's interest"}
    rights = "\n".join(notice(changed(register, purposes=purposes))["06-rights"])
    assert "data portability" not in rights  # Art. 20(1)(a)
    assert "Your right to object" in rights  # Art. 21(1), (4)
    assert any("the clinic's interest" in line for line in notice(changed(register, purposes=purposes))["03-purposes"])
    for purpose in purposes.values():
        purpose["legal_basis"] = "consent"
        del purpose["legitimate_interest"]
    rights = "\n".join(notice(changed(register, purposes=purposes))["06-rights"])
    assert "withdraw your consent" in rights
    assert "data portability" in rights


def test_automated_decisions_bring_article_22() -> None:
    register = load("clinic")
    activities = register.model_dump(mode="json", exclude_none=True)["activities"]
    first = next(iter(activities.values()))
    first["automated_decisions"] = {"ro": "triaj automat", "en": "automatic triage"}
    rights = notice(changed(register, activities=activities))["06-rights"]
    assert any("Article 22" in line for line in rights)
    assert "automatic triage" in rights


@pytest.mark.parametrize(
    ("collection", "key", "field", "value", "section"),
    [
        ("data_categories", "insurance", "name", {"ro": "poliță", "en": "policy number"}, "02-data"),
        ("purposes", "care", "name", {"ro": "tratament", "en": "treatment"}, "03-purposes"),
        ("purposes", "care", "legal_basis", "legal-obligation", "03-purposes"),
        ("recipients", "lab", "name", "Other Lab", "04-recipients"),
    ],
)
def test_renaming_a_fact_changes_the_matching_text(
    collection: str, key: str, field: str, value: Any, section: str
) -> None:
    register = load("clinic")
    before = notice(register)[section]
    items = register.model_dump(mode="json", exclude_none=True)[collection]
    items[key][field] = value
    after = notice(changed(register, **{collection: items}))[section]
    assert before != after
    shown = value["en"] if isinstance(value, dict) else value
    if field == "legal_basis":
        shown = "compliance with a legal obligation of the controller"
    assert any(shown in line for line in after)


def test_changing_a_retention_period_changes_the_retention_section() -> None:
    register = load("clinic")
    activities = register.model_dump(mode="json", exclude_none=True)["activities"]
    activities["insurance-claims"]["retention"][0]["period"] = "P7Y"
    after = notice(changed(register, activities=activities))["05-retention"]
    assert "health insurance details (Insurance claims): 7 years" in after
    assert "health insurance details (Insurance claims): 5 years" not in after


def test_register_text_is_escaped() -> None:
    register = load("clinic")
    recipients = register.model_dump(mode="json", exclude_none=True)["recipients"]
    recipients["lab"]["name"] = "*Lab* <b>x</b> [y](z)"
    after = notice(changed(register, recipients=recipients))["04-recipients"]
    assert any("*Lab* <b>x</b> [y](z)" in line for line in after)


def test_the_changes_section_dates_from_the_register_never_the_clock() -> None:
    assert "This notice was last updated on 25 November 2026." in notice(load("clinic"))["08-changes"]
    assert not any("last updated" in line for line in notice(load("minimal"))["08-changes"])


# Each point of Art. 13(1)-(2) and 14(1)-(2) and the section of the default notice that states it.
ARTICLE_POINTS = {
    "13(1)(a)": "01-controller",
    "13(1)(b)": "01-controller",
    "13(1)(c)": "03-purposes",
    "13(1)(d)": "03-purposes",
    "13(1)(e)": "04-recipients",
    "13(1)(f)": "04-recipients",
    "13(2)(a)": "05-retention",
    "13(2)(b)": "06-rights",
    "13(2)(c)": "06-rights",
    "13(2)(d)": "06-rights",
    "13(2)(e)": "03-purposes",
    "13(2)(f)": "06-rights",
    "14(1)(a)": "01-controller",
    "14(1)(b)": "01-controller",
    "14(1)(c)": "03-purposes",
    "14(1)(d)": "02-data",
    "14(1)(e)": "04-recipients",
    "14(1)(f)": "04-recipients",
    "14(2)(a)": "05-retention",
    "14(2)(b)": "03-purposes",
    "14(2)(c)": "06-rights",
    "14(2)(d)": "06-rights",
    "14(2)(e)": "06-rights",
    "14(2)(f)": "02-data",
    "14(2)(g)": "06-rights",
}

TEMPLATES = Path(ropa.__file__).parent / "render" / "templates" / "notice"


_POINTS = [("13", "1", "abcdef"), ("13", "2", "abcdef"), ("14", "1", "abcdef"), ("14", "2", "abcdefg")]


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_every_point_of_articles_13_and_14_has_its_section(lang: str) -> None:
    assert set(ARTICLE_POINTS) == {f"{a}({p})({letter})" for a, p, letters in _POINTS for letter in letters}
    for point, section in ARTICLE_POINTS.items():
        header = (TEMPLATES / lang / f"{section}.md.j2").read_text(encoding="utf-8").split("\n", 1)[0]
        article, paragraph = point.split("(")[:2]
        cited = f"{article}({paragraph}" if lang == "en" else f"art. {article} alin. ({paragraph}"
        assert cited in header, (point, section, header)


def test_ropa_notice_writes_every_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "notice"
    assert cli.main(["notice", str(EXAMPLES / "clinic" / "register.yaml"), "--lang", "en", "-o", str(out)]) == 0
    assert sorted(path.name for path in out.iterdir()) == [".ropa-outputs-notice", *(f"{name}.md" for name in SECTIONS)]
    assert (out / "01-controller.md").read_text(encoding="utf-8").startswith("---\ntitle: Who we are\n")


def test_a_template_folder_without_the_language_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["notice", str(MINIMAL), "-o", str(tmp_path / "out"), "--templates", str(tmp_path)]) == 1
    assert "no notice template" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_section_without_a_title_is_refused(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "01-x.md.j2").write_text("# no front matter\n", encoding="utf-8")
    register = changed(ropa.load(MINIMAL), languages=["en"], controller={"name": "X", "country": "RO"})
    with pytest.raises(NoticeTemplateError, match="front matter"):
        render_notice(register, "en", templates=tmp_path)


def test_adding_a_cookie_adds_it_to_the_cookie_section() -> None:
    register = load("clinic")
    assert (
        notice(register)["07-cookies"][1]
        == "Our register does not yet record whether we use cookies or similar technologies."
    )
    cookie = {
        "name": "_ga_*",
        "recipient": "medcloud",
        "purpose": {"ro": "statistici", "en": "counting visits"},
        "lifetime": {"ro": "2 ani", "en": "2 years"},
        "category": "statistics",
        "consent": True,
    }
    after = notice(changed(register, cookies={"analytics": cookie}))["07-cookies"]
    assert after[1:] == [
        "We use the following cookies and similar technologies:",
        "_ga_* (statistics; set by MedCloud): counting visits; it lasts 2 years; set only with your consent",
    ]
    ro = notice(changed(register, cookies={"analytics": cookie}), "ro")["07-cookies"]
    assert (
        "_ga_* (statistice; plasat de MedCloud): statistici; durata: 2 ani; plasat numai cu consimțământul dvs." in ro
    )


def test_a_cookie_of_an_unknown_recipient_is_refused() -> None:
    cookie = {"name": "x", "recipient": "nobody", "purpose": {"ro": "a", "en": "a"}, "lifetime": {"ro": "a", "en": "a"}}
    with pytest.raises(ValueError, match="unknown recipient 'nobody'"):
        changed(load("clinic"), cookies={"x": cookie | {"category": "functional", "consent": True}})


def test_the_changes_section_states_the_registers_dated_history_latest_first() -> None:
    history = [
        {"date": "2026-01-10", "change": {"ro": "destinatar nou: MedCloud", "en": "new recipient: MedCloud"}},
        {"date": "2026-06-01", "change": {"ro": "cookie-uri noi", "en": "new cookies"}},
    ]
    changes = notice(changed(load("clinic"), history=history))["08-changes"]
    assert changes[1:] == [
        "This notice was last changed on 1 June 2026. What changed:",
        "1 June 2026: new cookies",
        "10 January 2026: new recipient: MedCloud",
    ]


def test_a_processor_gets_a_sub_processor_list_and_a_controller_only_organisation_none() -> None:
    register = load("software-company")
    page = render_subprocessors(register, "en", on=ON)
    assert page is not None
    blocks = read(page)
    assert "Seoul Analytics (Seoul Analytics Co., Ltd.)" in blocks
    assert "Where: South Korea (the Commission's adequacy decision)" in blocks
    assert not any("Gulf Business Hotel" in block for block in blocks)  # a recipient of its own processing
    assert render_subprocessors(load("clinic"), "ro", on=ON) is None


def test_build_writes_the_sub_processor_list_of_a_processor(tmp_path: Path) -> None:
    register = EXAMPLES / "software-company" / "register.yaml"
    assert cli.main(["build", str(register), "--on", "2026-11-25", "-o", str(tmp_path / "out")]) == 0
    assert (
        (tmp_path / "out" / "subprocessors.en.md")
        .read_text(encoding="utf-8")
        .startswith("---\ntitle: Sub-processors\n")
    )


@pytest.mark.parametrize("name", OTHERS)
def test_each_purpose_basis_retention_and_transfer_of_the_organisations_own_activities_is_stated(name: str) -> None:
    register = load(name)
    sections = notice(register)
    own = [a for a in register.activities.values() if a.role.value == "controller"]
    purposes = "\n".join(sections["03-purposes"])
    for key in dict.fromkeys(p for activity in own for p in activity.purposes):
        purpose = register.purposes[key]
        assert purpose.name["en"] in sections["03-purposes"]
        assert purpose.legal_basis is not None
        assert purpose.legal_basis.article in purposes
    retention = sections["05-retention"]
    for activity in own:
        for rule in activity.retention:
            for data in rule.data:
                line = f"{register.data_categories[data].name['en']} ({activity.name['en']}): "
                assert any(item.startswith(line) for item in retention), line
    transfers = sections["04-recipients"]
    for key in dict.fromkeys(r for activity in own for r in activity.recipients):
        recipient = register.recipients[key]
        for place in recipient.locations:
            if _grounds(recipient, place, ON):
                country = country_name(place, "en")
                assert any(item.startswith(f"{country}:") and recipient.name in item for item in transfers), (
                    key,
                    place,
                )


def test_recipients_whose_locations_are_unknown_are_named_not_dropped() -> None:
    recipients = notice(load("onedu"))["04-recipients"]
    unknown = [line for line in recipients if line.startswith("We have not yet recorded where")]
    assert len(unknown) == 1
    assert "C&C Financial Services SRL" in unknown[0]


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_no_transfer_is_denied_while_a_recipients_places_are_unknown(lang: str) -> None:
    register = load("clinic")
    recipients = register.model_dump(mode="json", exclude_none=True)["recipients"]
    for recipient in recipients.values():
        recipient["locations"] = ["RO"]
        recipient.pop("transfers", None)
        recipient.pop("mechanisms", None)
    located = notice(changed(register, recipients=recipients), lang)["04-recipients"]
    denial = {"en": "We do not transfer personal data", "ro": "Nu transferăm date cu caracter personal"}[lang]
    assert any(line.startswith(denial) for line in located)
    del recipients["medcloud"]["locations"]
    unlocated = notice(changed(register, recipients=recipients), lang)["04-recipients"]
    assert not any(line.startswith(denial) for line in unlocated)
    assert any("MedCloud" in line for line in unlocated)


def test_a_processors_data_sharing_section_leaves_out_its_processor_work() -> None:
    """Art. 30(2) work is the client controllers' sharing: recipients engaged only in processor activities (the
    sub-processors) are not presented as the organisation's own sharing; its own recipients are."""
    register = load("software-company")
    processing = {key for a in register.activities.values() if a.role.value == "processor" for key in a.recipients}
    own = {key for a in register.activities.values() if a.role.value == "controller" for key in a.recipients}
    assert processing - own
    assert own
    for lang in register.languages:
        policy = ropa.render_policy(register, lang)
        for key in processing - own:
            assert register.recipients[key].name not in policy, key
        for key in own:
            assert register.recipients[key].name in policy, key
