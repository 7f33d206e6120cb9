"""The supervisory authority the default notice names (Art. 13(2)(d), 14(2)(e), 77): Belgium's, Romania's, a
German controller's own (regional authorities), and none without verified facts; read through the Markdown parser."""

from __future__ import annotations

from typing import Any

import pytest

from ropa.checks import check
from ropa.law.authorities import authority_for
from ropa.model import Register
from tests.render.municipality import municipality_data
from tests.render.test_notice import ON, load, notice

LANGS = ["en", "ro"]
NAMED = {
    "en": "The supervisory authority competent for us is ",
    "ro": "Autoritatea de supraveghere competentă pentru noi este ",
}
WHERE_THEY_LIVE = {"en": "where you habitually reside or work", "ro": "vă aveți reședința obișnuită sau locul de muncă"}


def authority_lines(register: Register, lang: str) -> list[str]:
    rights = notice(register, lang)["06-rights"]
    return [line for line in rights if line.startswith(NAMED[lang])] + [
        line
        for line in rights
        if line.startswith(("Address:", "Adresa:", "Email:", "E-mail:", "Telephone:", "Telefon:"))
    ]


def municipality_in(country: str, **controller: Any) -> Register:
    data = municipality_data()
    data["controller"] |= {"country": country, **controller}
    return Register.model_validate(data)


def i901(register: Register) -> list[str]:
    return [".".join(map(str, f.path)) for f in check(register, on=ON) if f.code == "I901"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_belgian_municipality_names_the_apd_gba_with_its_verified_details(lang: str) -> None:
    register = municipality_in("BE")
    lines = authority_lines(register, lang)
    assert "Autorité de protection des données" in lines[0]
    assert "Gegevensbeschermingsautoriteit" in lines[0]
    if lang == "en":
        assert "Data Protection Authority" in lines[0]
        assert "Address: Rue de la Presse 35, 1000 Brussels" in lines
    else:  # no Romanian name or address: the authority's own
        assert "Adresa: Rue de la Presse 35, 1000 Bruxelles / Drukpersstraat 35, 1000 Brussel" in lines
    assert any("contact@apd-gba.be" in line for line in lines)
    assert i901(register) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_romanian_controller_names_anspdcp(lang: str) -> None:
    lines = authority_lines(load("clinic"), lang)
    assert "ANSPDCP" in lines[0]
    assert any("anspdcp@dataprotection.ro" in line for line in lines)
    # its Romanian address is not on its own site (only secondary sources): the Romanian notice leaves it out
    assert any(line.startswith("Address:") for line in lines) is (lang == "en")
    assert not any(line.startswith("Adresa:") for line in lines)


@pytest.mark.parametrize("lang", LANGS)
def test_a_german_controller_names_the_authority_its_register_names(lang: str) -> None:
    unnamed = municipality_in("DE")
    assert authority_lines(unnamed, lang) == []  # never the federal one by default: the Länder have their own
    assert i901(unnamed) == ["controller.supervisory_authority"]
    own = {"name": "Landesbeauftragte für Datenschutz Musterland", "email": "poststelle@musterland.example"}
    named = municipality_in("DE", supervisory_authority=own | {"address": "Musterstraße 1, 10000 Musterstadt"})
    lines = authority_lines(named, lang)
    assert lines[0] == NAMED[lang] + "Landesbeauftragte für Datenschutz Musterland:"
    assert any("Musterstraße 1, 10000 Musterstadt" in line for line in lines)
    assert i901(named) == []


def test_the_federal_german_authority_is_encoded_as_verified_and_marked_regional() -> None:
    federal = authority_for("DE")
    assert federal is not None
    assert federal.regional
    assert federal.email == "poststelle@bfdi.bund.de"
    assert federal.source.startswith("https://www.bfdi.bund.de/")


@pytest.mark.parametrize("lang", LANGS)
def test_a_country_without_verified_facts_names_none_and_is_reported(lang: str) -> None:
    register = municipality_in("PT")
    assert authority_lines(register, lang) == []
    assert i901(register) == ["controller.country"]


@pytest.mark.parametrize(("name", "lang"), [("clinic", "en"), ("clinic", "ro"), ("us-company", "en")])
def test_the_person_may_also_complain_where_they_live_or_work(name: str, lang: str) -> None:
    rights = notice(load(name), lang)["06-rights"]
    assert any(WHERE_THEY_LIVE[lang] in line and ("77(1)" in line or "77 alineatul (1)" in line) for line in rights)


def test_a_controller_outside_the_union_claims_no_establishment_authority() -> None:
    rights = notice(load("us-company"))["06-rights"]
    complaint = next(line for line in rights if "(Article 77(1))" in line)
    assert "our establishment" not in complaint
    assert "our establishment" in next(
        line for line in notice(load("clinic"))["06-rights"] if "(Article 77(1))" in line
    )
