"""ONedu's own templates carry the sections the law asks for where its register calls for them (issue 22): the
right to object in a section of its own (Art. 21(4)), direct marketing only where recorded (Art. 21(2)-(3)),
its joint controller with the essence of the arrangement (Art. 26(2)), and a cookie section that never says
"no cookies" over tracking data. Read as the site reads them (tests/render/site_blocks.py), in both languages."""

from __future__ import annotations

from typing import Any

import pytest

import ropa
from ropa.model import Register
from tests.conftest import ONEDU
from tests.render.test_notice_onedu import sections

HEADINGS = {
    "ro": ("Dreptul la opoziție", "Operatori asociați"),
    "en": ("The right to object", "Joint controllers"),
}
MARKETING = {
    "ro": "în orice moment, în mod gratuit și fără nici o justificare, ca datele care o vizează să fie prelucrate în "
    "scop de marketing direct.",
    "en": "at any time, free of charge and without any justification, to their data being processed for direct "
    "marketing.",
}
NO_COOKIES = {"ro": "Site-ul nu folosește cookie-uri.", "en": "The site uses no cookies."}


def changed(change: Any) -> Register:
    data = ropa.load(ONEDU).model_dump(mode="json", exclude_none=True)
    change(data)
    return Register.model_validate(data)


def after_heading(blocks: list[str], heading: str) -> list[str]:
    return blocks[blocks.index(heading) + 1 :]


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_right_to_object_has_its_own_section_naming_the_purposes(lang: str) -> None:
    rights = sections(ropa.load(ONEDU), lang)["04-drepturiuseri"]
    assert HEADINGS[lang][0] in rights
    objection = after_heading(rights, HEADINGS[lang][0])
    survey = {"ro": "realizarea de studii și de sondaje", "en": "conducting studies and surveys"}[lang]
    assert survey in objection  # on legitimate interests (Art. 6(1)(f))
    assert MARKETING[lang] in objection
    newsletter = {"ro": "trimiterea de informări electronice (newsletter)", "en": "sending electronic updates"}[lang]
    assert any(newsletter in text and "21" in text for text in objection)  # recorded as direct marketing


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_no_direct_marketing_line_without_direct_marketing(lang: str) -> None:
    def no_marketing(data: dict[str, Any]) -> None:
        for purpose in data["purposes"].values():
            purpose.pop("direct_marketing", None)

    rights = sections(changed(no_marketing), lang)["04-drepturiuseri"]
    assert MARKETING[lang] not in rights
    assert not any("marketing" in text for text in after_heading(rights, HEADINGS[lang][0]))


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_no_objection_section_without_e_f_or_direct_marketing(lang: str) -> None:
    def obligations_only(data: dict[str, Any]) -> None:
        for purpose in data["purposes"].values():
            purpose.update(legal_basis="legal-obligation")
            purpose.pop("legitimate_interest", None)
            purpose.pop("direct_marketing", None)
            purpose.pop("further_legal_bases", None)

    rights = sections(changed(obligations_only), lang)["04-drepturiuseri"]
    assert HEADINGS[lang][0] not in rights
    assert not any(text.startswith(("**Dreptul la opoziție**", "**The right to object**")) for text in rights)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_joint_controller_is_named_with_the_essence_of_the_arrangement(lang: str) -> None:
    register = ropa.load(ONEDU)
    uses = sections(register, lang)["03-utilizaredate"]
    joint = after_heading(uses, HEADINGS[lang][1])
    arrangement = register.recipients["facebook-pixel"].arrangement
    assert arrangement is not None
    assert any(text.startswith("Facebook Pixel, ") and arrangement[lang] in text for text in joint)
    assert any("26" in text and "(3)" in text for text in joint)  # rights against each controller


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_without_a_cookie_list_the_cookie_section_says_it_is_missing(lang: str) -> None:
    assert NO_COOKIES[lang] not in sections(ropa.load(ONEDU), lang)["07-cookie"]
    unlisted = sections(changed(lambda data: data.pop("cookies")), lang)["07-cookie"]
    assert NO_COOKIES[lang] not in unlisted  # its data show tracking: online identifiers, analytics recipients
    assert any("not yet recorded" in text or "nu este încă înregistrată" in text for text in unlisted)
    declared = sections(changed(lambda data: (data.pop("cookies"), data.update(no_cookies=True))), lang)
    assert NO_COOKIES[lang] in declared["07-cookie"]
