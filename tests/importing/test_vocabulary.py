"""Free text to ropa's vocabulary: only where the mapping is certain."""

from __future__ import annotations

import pytest

from ropa.importing.countries import country_code
from ropa.importing.vocabulary import closest, duration, legal_basis, special_condition, yes_no
from ropa.model import LegalBasis, SpecialCondition
from ropa.render import workbook_labels as labels


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("6 years", "P6Y"),
        ("6 ani", "P6Y"),
        ("6 ans", "P6Y"),
        ("20 de ani", "P20Y"),
        ("1 year and 6 months", "P1Y6M"),
        ("un an și 6 luni", "P1Y6M"),
        ("18 mois", "P18M"),
        ("30 days", "P30D"),
        ("2 săptămâni", "P2W"),
        ("7 yrs", "P7Y"),
    ],
)
def test_durations_in_english_romanian_and_french(text: str, period: str) -> None:
    assert duration(text) == period


@pytest.mark.parametrize(
    "text", ["6 years after the contract ends", "until no longer needed", "years", "6", "6 years 2 years"]
)
def test_what_is_not_only_a_duration_is_not_one(text: str) -> None:
    assert duration(text) is None


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Consent", LegalBasis.CONSENT),
        ("consimțământ", LegalBasis.CONSENT),
        ("Art 6(1)(b)", LegalBasis.CONTRACT),
        ("art. 6 alin. (1) lit. (c)", LegalBasis.LEGAL_OBLIGATION),
        ("Legal obligation (HMRC)", LegalBasis.LEGAL_OBLIGATION),
        ("intérêt légitime", LegalBasis.LEGITIMATE_INTERESTS),
        ("Public task", LegalBasis.PUBLIC_TASK),
        ("vital interests", LegalBasis.VITAL_INTERESTS),
    ],
)
def test_lawful_bases_as_people_write_them(text: str, basis: LegalBasis) -> None:
    assert legal_basis(text) is basis


@pytest.mark.parametrize("text", ["Legit. interest", "consent and contract", "see policy", "6(1)(a) or 6(1)(b)"])
def test_a_basis_that_is_not_certain_is_not_taken(text: str) -> None:
    assert legal_basis(text) is None


def test_the_nearest_basis_is_offered_never_applied() -> None:
    assert closest("Legit. interest", LegalBasis) == "legitimate-interests"
    assert legal_basis("Legit. interest") is None


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_ropa_reads_its_own_wording_of_every_basis_and_condition(lang: str) -> None:
    for basis in LegalBasis:
        assert legal_basis(labels.LEGAL_BASES[basis][lang]) is basis
    for condition in SpecialCondition:
        assert special_condition(labels.SPECIAL_CONDITIONS[condition][lang]) is condition


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Germany", "DE"),
        ("Germania", "DE"),
        ("Allemagne", "DE"),
        ("United States", "US"),
        ("Statele Unite ale Americii", "US"),
        ("États-Unis", "US"),
        ("UK", "GB"),
        ("Elveția", "CH"),
        ("Suisse", "CH"),
        ("JPN", "JP"),
    ],
)
def test_countries_in_english_romanian_and_french(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["EU", "worldwide", "the cloud", "Europe"])
def test_a_place_that_is_not_one_country_is_not_guessed(text: str) -> None:
    assert country_code(text) is None


def test_yes_and_no() -> None:
    assert [yes_no(text) for text in ("Yes", "da", "Oui", "No", "nu", "non", "TBC")] == [True] * 3 + [False] * 3 + [
        None
    ]
