"""The notice as a supervisory authority reads it (issue 22): the right to object on its own (Art. 21(4)),
rights exactly as they apply (Art. 17(3)(b), 21(2), 22), cookies, joint controllers (Art. 26(2)), the
Art. 13(2)(e) statement and transfers (Art. 13(1)(f)), each read through the Markdown parser in both languages."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ropa.checks import check
from ropa.model import Register
from tests.render.municipality import municipality, municipality_data
from tests.render.test_notice import ON, changed, load, notice

LANGS = ["en", "ro"]
OBJECTION = {"en": "Your right to object", "ro": "Dreptul dvs. la opoziție"}
MARKETING = {"en": "direct marketing", "ro": "marketing"}
ERASURE = {"en": "Article 17(3)(b)", "ro": "articolul 17 alineatul (3) litera (b)"}
PROFILING = {"en": "Profiling", "ro": "Crearea de profiluri"}
JOINT = {"en": "Joint controllers", "ro": "Operatori asociați"}
NO_COOKIES = {"en": "We use no cookies", "ro": "Nu folosim module cookie"}
MISSING = {"en": "is not yet recorded in our register", "ro": "nu este încă înregistrat în registrul nostru"}
NOT_REQUIRED = {"en": "Must you provide the data?", "ro": "Sunteți obligat să furnizați datele?"}
NO_ADEQUACY = {"en": "no adequacy decision", "ro": "nu există o decizie privind caracterul adecvat"}


def whole(register: Register, lang: str) -> str:
    return "\n".join(line for blocks in notice(register, lang).values() for line in blocks)


def section_after(blocks: list[str], heading: str) -> list[str]:
    """The blocks after `heading`, to the end of the notice section."""
    assert heading in blocks, blocks
    return blocks[blocks.index(heading) + 1 :]


def with_purposes(register: Register, **fields: Any) -> Register:
    """`register` with `fields` set on every purpose."""
    purposes = register.model_dump(mode="json", exclude_none=True)["purposes"]
    for purpose in purposes.values():
        purpose.update(fields)
    return changed(register, purposes=purposes)


def codes(register: Register) -> list[tuple[str, str]]:
    return [(f.code, ".".join(map(str, f.path))) for f in check(register, on=ON)]


# --- 1. The right to object, presented clearly and separately (Art. 21(4)) -------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_public_task_gives_the_objection_its_own_section_naming_the_purposes(lang: str) -> None:
    rights = notice(municipality(), lang)["06-rights"]
    assert OBJECTION[lang] in rights
    after = section_after(rights, OBJECTION[lang])
    named = {"en": "keeping the population register", "ro": "ținerea registrului populației"}[lang]
    safety = {"en": "keeping the town hall safe", "ro": "siguranța primăriei"}[lang]
    newsletter = {"en": "sending the municipal newsletter", "ro": "trimiterea buletinului informativ"}[lang]
    assert named in after
    assert safety in after
    assert newsletter not in after  # consent: no Art. 21(1) objection
    assert rights.index(OBJECTION[lang]) > 1  # after the list of rights, not inside it


@pytest.mark.parametrize("lang", LANGS)
def test_legitimate_interests_give_the_section_and_contract_alone_none(lang: str) -> None:
    clinic = load("clinic")  # contract only
    assert OBJECTION[lang] not in notice(clinic, lang)["06-rights"]
    interests = with_purposes(clinic, legal_basis="legitimate-interests", legitimate_interest={"ro": "x", "en": "x"})
    rights = notice(interests, lang)["06-rights"]
    assert OBJECTION[lang] in rights
    names = [purpose.name[lang] for purpose in interests.purposes.values()]
    assert set(names) <= set(section_after(rights, OBJECTION[lang]))


@pytest.mark.parametrize("lang", LANGS)
def test_direct_marketing_appears_only_where_the_register_records_it(lang: str) -> None:
    plain = municipality()
    assert MARKETING[lang] not in whole(plain, lang)
    data = municipality_data()
    data["purposes"]["newsletter"]["direct_marketing"] = True
    marketing = Register.model_validate(data)
    rights = notice(marketing, lang)["06-rights"]
    lines = [line for line in section_after(rights, OBJECTION[lang]) if MARKETING[lang] in line]
    assert len(lines) == 1
    assert marketing.purposes["newsletter"].name[lang] in lines[0]
    assert ("Article 21(2)" if lang == "en" else "articolul 21 alineatul (2)") in lines[0]


@pytest.mark.parametrize("lang", LANGS)
def test_direct_marketing_alone_still_gets_a_section_of_its_own(lang: str) -> None:
    clinic = load("clinic")
    purposes = clinic.model_dump(mode="json", exclude_none=True)["purposes"]
    first = next(iter(purposes))
    purposes[first]["direct_marketing"] = True
    rights = notice(changed(clinic, purposes=purposes), lang)["06-rights"]
    assert OBJECTION[lang] in rights
    assert any(MARKETING[lang] in line for line in section_after(rights, OBJECTION[lang]))


# --- 2. Rights exactly as they apply: erasure (Art. 17(3)(b)), Art. 22 against profiling ----------------


@pytest.mark.parametrize("lang", LANGS)
def test_erasure_states_its_exception_for_legal_obligation_and_public_task(lang: str) -> None:
    rights = notice(municipality(), lang)["06-rights"]
    erasure = [line for line in rights if ERASURE[lang] in line]
    assert len(erasure) == 1
    assert municipality().purposes["population"].name[lang] in erasure[0]
    assert municipality().purposes["newsletter"].name[lang] not in erasure[0]
    assert not any(ERASURE[lang] in line for line in notice(load("clinic"), lang)["06-rights"])


@pytest.mark.parametrize("lang", LANGS)
def test_profiling_without_significant_effect_is_profiling_not_article_22(lang: str) -> None:
    data = municipality_data()
    data["activities"]["website"]["profiling"] = {"en": "visit patterns by area", "ro": "tipare de vizită pe zone"}
    rights = notice(Register.model_validate(data), lang)["06-rights"]
    assert PROFILING[lang] in rights
    assert data["activities"]["website"]["profiling"][lang] in section_after(rights, PROFILING[lang])
    article_22 = "Article 22" if lang == "en" else "articolul 22"
    assert not any(article_22 in line for line in rights)
    data["activities"]["website"]["automated_decisions"] = {"en": "automatic fines", "ro": "amenzi automate"}
    rights = notice(Register.model_validate(data), lang)["06-rights"]
    assert any(article_22 in line for line in rights)
    assert data["activities"]["website"]["automated_decisions"][lang] in rights


# --- 3. Cookies: never "no cookies" unless the register says so ----------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_online_identifiers_without_an_inventory_say_it_is_missing_and_are_reported(lang: str) -> None:
    data = municipality_data()
    data["data_categories"]["online"]["online_identifiers"] = True
    register = Register.model_validate(data)
    cookies = notice(register, lang)["07-cookies"]
    assert any(MISSING[lang] in line for line in cookies)
    assert not any(NO_COOKIES[lang] in line for line in cookies)
    assert ("I908", "cookies") in codes(register)
    assert "I908" not in {code for code, _ in codes(municipality())}  # no sign, no finding


@pytest.mark.parametrize("lang", LANGS)
def test_a_tracking_recipient_is_a_sign_of_tracking_too(lang: str) -> None:
    data = municipality_data()
    data["recipients"]["hosting"]["tracking"] = True
    register = Register.model_validate(data)
    assert any(MISSING[lang] in line for line in notice(register, lang)["07-cookies"])
    assert ("I908", "cookies") in codes(register)


@pytest.mark.parametrize("lang", LANGS)
def test_no_cookies_is_said_only_when_the_register_says_so(lang: str) -> None:
    assert not any(NO_COOKIES[lang] in line for line in notice(municipality(), lang)["07-cookies"])
    stated = municipality(no_cookies=True)
    assert any(NO_COOKIES[lang] in line for line in notice(stated, lang)["07-cookies"])
    data = municipality_data()
    data["data_categories"]["online"]["online_identifiers"] = True
    data["no_cookies"] = True
    assert "I908" not in {code for code, _ in codes(Register.model_validate(data))}


def test_no_cookies_with_a_cookie_list_is_refused() -> None:
    cookie: dict[str, Any] = {"name": "sid", "purpose": {"en": "x", "ro": "x"}, "lifetime": {"en": "x", "ro": "x"}}
    cookie |= {"category": "strictly-necessary", "consent": False}
    with pytest.raises(ValidationError, match="no_cookies"):
        municipality(no_cookies=True, cookies={"sid": cookie})


# --- 4. Joint controllers (Art. 26(2)) -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_joint_controller_has_its_section_and_is_not_a_recipient(lang: str) -> None:
    register = municipality()
    recipients = notice(register, lang)["04-recipients"]
    assert JOINT[lang] in recipients
    tourism = register.recipients["tourism"]
    assert tourism.arrangement is not None
    joint = section_after(recipients, JOINT[lang])
    entry = next(line for line in joint if tourism.name in line)
    assert tourism.arrangement[lang] in entry
    assert register.activities["newsletter"].name[lang] in entry  # the processing it concerns
    listed = recipients[: recipients.index(JOINT[lang])]
    assert not any(tourism.name in line for line in listed)


def test_the_us_companys_partner_is_a_joint_controller_not_a_recipient() -> None:
    register = load("us-company")
    recipients = notice(register)["04-recipients"]
    partner = register.recipients["alpine-club"]
    assert partner.arrangement is not None
    assert any(partner.name in line and partner.arrangement["en"] in line for line in recipients)
    assert not any(partner.name in line for line in recipients[: recipients.index(JOINT["en"])])


@pytest.mark.parametrize("lang", LANGS)
def test_no_joint_controller_no_section(lang: str) -> None:
    assert JOINT[lang] not in notice(load("clinic"), lang)["04-recipients"]


# --- 5. Art. 13(2)(e) only for data collected from the person ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_article_14_data_gets_neither_the_statement_nor_i905(lang: str) -> None:
    data = municipality_data()
    del data["purposes"]["security"]["requirement"]
    assert ("I905", "purposes.security") in codes(Register.model_validate(data))
    data["activities"]["cctv"]["collected_from_subject"] = False
    assert ("I905", "purposes.security") not in codes(Register.model_validate(data))
    data = municipality_data()
    data["activities"]["cctv"]["collected_from_subject"] = False
    purposes = notice(Register.model_validate(data), lang)["03-purposes"]
    safety = data["purposes"]["security"]["name"][lang]
    after = section_after(purposes, safety)
    newsletter = data["purposes"]["newsletter"]["name"][lang]
    assert not any(NOT_REQUIRED[lang] in line for line in after[: after.index(newsletter)])
    population = section_after(purposes, data["purposes"]["population"]["name"][lang])
    assert any(NOT_REQUIRED[lang] in line for line in population[: population.index(safety)])


# --- 6. Transfers (Art. 13(1)(f), 14(1)(f)) ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_derogation_says_there_is_no_adequacy_decision_and_names_it_in_words(lang: str) -> None:
    recipients = notice(municipality(), lang)["04-recipients"]
    line = next(line for line in recipients if "Twin Town Office" in line and NO_ADEQUACY[lang] in line)
    assert "derogation-49-1-b" not in line
    words = {"en": "performance of a contract with you", "ro": "executarea unui contract cu dvs."}
    assert words[lang] in line


@pytest.mark.parametrize("lang", LANGS)
def test_a_recipient_without_known_places_is_not_given_a_country(lang: str) -> None:
    recipients = notice(municipality(), lang)["04-recipients"]
    third = [line for line in recipients if line.startswith(("United Arab Emirates", "Emiratele"))]
    assert third
    assert not any("Ticketline" in line for line in third)
    assert any("Ticketline" in line for line in recipients)


# --- 8. Dates as people write them ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "written"), [("en", "7 December 2026"), ("ro", "7 decembrie 2026")])
def test_the_notice_writes_dates_as_people_write_them(lang: str, written: str) -> None:
    history = [{"date": "2026-12-07", "change": {"en": "new recipient", "ro": "destinatar nou"}}]
    changes = notice(municipality(history=history), lang)["08-changes"]
    assert any(written in line for line in changes)
    assert not any("2026-12-07" in line for line in changes)
    updated = notice(municipality(updated="2026-12-07"), lang)["08-changes"]
    assert any(line.endswith(written + ".") for line in updated)


# --- 6. A copy of the safeguards -----------------------------------------------------------------------


def test_a_transfer_on_safeguards_says_how_to_obtain_a_copy_and_a_derogation_alone_does_not() -> None:
    recipients = notice(load("software-company"))["04-recipients"]
    assert any("copy of the appropriate safeguards" in line for line in recipients)
    assert not any("copy of the appropriate safeguards" in line for line in notice(municipality())["04-recipients"])


# --- Across the other kinds of register --------------------------------------------------------------


@pytest.mark.parametrize("name", ["clinic", "software-company", "us-company"])
def test_tracking_data_in_any_register_never_reads_as_no_cookies(name: str) -> None:
    register = load(name)
    categories = register.model_dump(mode="json", exclude_none=True)["data_categories"]
    for category in categories.values():
        category["online_identifiers"] = True
    tracked = changed(register, data_categories=categories)
    for lang in tracked.languages:
        cookies = notice(tracked, lang)["07-cookies"]
        assert any(MISSING[lang] in line for line in cookies)
        assert not any(NO_COOKIES[lang] in line for line in cookies)
    assert "I908" in {code for code, _ in codes(tracked)}
    assert "I908" not in {code for code, _ in codes(register)}


def test_the_software_companys_derogation_states_the_absence_of_adequacy() -> None:
    recipients = notice(load("software-company"))["04-recipients"]
    line = next(line for line in recipients if line.startswith("United Arab Emirates"))
    assert NO_ADEQUACY["en"] in line
    assert "derogation-49-1-b" not in line
