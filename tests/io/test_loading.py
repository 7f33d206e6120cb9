"""Loading: every problem found, each located to file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

import ropa
from ropa.io import Problem, RegisterError, load
from tests.helpers import MINIMAL_TEXT, write

VALID = """\
format: 1
languages: [ro, en]
controller: {name: Asociația Exemplu, country: RO}
purposes:
  payments:
    name: {ro: facilitarea plăților, en: facilitating payments}
    legal_basis: contract
recipient_categories:
  payment: {ro: furnizorii de servicii de plată, en: payment service providers}
recipients:
  netopia:
    name: Netopia Payments
    category: payment
    role: processor
    country: RO
    locations: [RO, "NO"]
    shared_for: [payments]
activities:
  donations:
    name: {ro: Gestionarea donațiilor, en: Managing donations}
    purposes: [payments]
    recipients: [netopia]
"""


def problems_of(tmp_path: Path, text: str, name: str = "register.yaml") -> tuple[Problem, ...]:
    path = write(tmp_path, name, text)
    with pytest.raises(RegisterError) as caught:
        load(path)
    return caught.value.problems


def test_a_valid_register_loads(tmp_path: Path) -> None:
    register = load(write(tmp_path, "register.yaml", VALID))
    assert list(register.activities) == ["donations"]
    assert register.recipients["netopia"].locations == ["RO", "NO"]
    assert register.purposes["payments"].name["ro"] == "facilitarea plăților"


def test_yaml_11_booleans_stay_strings(tmp_path: Path) -> None:
    # Unquoted NO is Norway, not False (the "Norway problem" of YAML 1.1).
    register = load(write(tmp_path, "register.yaml", VALID.replace('[RO, "NO"]', "[RO, NO]")))
    assert register.recipients["netopia"].locations == ["RO", "NO"]


def test_the_error_is_a_value_error_listing_file_line_column_path(tmp_path: Path) -> None:
    path = write(tmp_path, "register.yaml", MINIMAL_TEXT + "colour: red\n")
    with pytest.raises(ValueError, match=r"register\.yaml:4:1: colour: unknown field 'colour'") as caught:
        load(path)
    assert isinstance(caught.value, ropa.RegisterError)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column, problem.path) == (str(path), 4, 1, "colour")


def test_unknown_field_suggests_the_near_one(tmp_path: Path) -> None:
    missing, unknown = problems_of(tmp_path, MINIMAL_TEXT.replace("country: RO", "contry: RO"))
    assert unknown.path == "controller.contry"
    assert "did you mean 'country'?" in unknown.message
    assert (missing.path, missing.message) == ("controller.country", "missing required field 'country'")


def test_every_problem_is_collected_in_file_order(tmp_path: Path) -> None:
    text = VALID.replace("category: payment", "category: paymnt").replace(
        "recipients: [netopia]", "recipients: [netopa]"
    )
    text = text.replace("shared_for: [payments]", "shared_for: [paymens]")
    problems = problems_of(tmp_path, text)
    assert [p.path for p in problems] == [
        "recipients.netopia.category",
        "recipients.netopia.shared_for[0]",
        "activities.donations.recipients[0]",
    ]
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert "did you mean 'payment'?" in problems[0].message
    assert "did you mean 'payments'?" in problems[1].message
    assert "did you mean 'netopia'?" in problems[2].message


def test_a_dangling_reference_is_located(tmp_path: Path) -> None:
    (problem,) = problems_of(
        tmp_path, VALID.replace("purposes: [payments]\n    recipients", "purposes: [marketing]\n    recipients")
    )
    assert problem.path == "activities.donations.purposes[0]"
    assert problem.line == 21
    assert problem.message == "unknown purpose 'marketing'"


def test_an_unknown_country_is_located(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, VALID.replace("country: RO\n    locations", "country: XX\n    locations"))
    assert (problem.path, problem.line) == ("recipients.netopia.country", 15)
    assert "'XX' is not an ISO 3166-1 alpha-2 country code" in problem.message


@pytest.mark.parametrize(("alias", "code"), [("UK", "GB"), ("EL", "GR")])
def test_eu_style_country_aliases_name_the_iso_code(tmp_path: Path, alias: str, code: str) -> None:
    (problem,) = problems_of(tmp_path, VALID.replace('[RO, "NO"]', f"[RO, {alias}]"))
    assert problem.path == "recipients.netopia.locations[1]"
    assert f"use '{code}'" in problem.message


def test_a_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, MINIMAL_TEXT + "purposes: [unclosed\n")
    assert problem.path == "(file)"
    assert problem.line >= 4


def test_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, MINIMAL_TEXT + "languages: [en]\n")
    assert problem.line == 4
    assert "'languages' appears twice (first on line 2)" in problem.message


def test_a_duplicate_id_is_refused(tmp_path: Path) -> None:
    text = VALID + "  donations:\n    name: {ro: Altele, en: Other}\n"
    (problem,) = problems_of(tmp_path, text)
    assert "'donations' appears twice" in problem.message


def test_a_text_missing_a_declared_language(tmp_path: Path) -> None:
    missing, undeclared = problems_of(
        tmp_path, VALID.replace("en: facilitating payments", "fr: faciliter les paiements")
    )
    assert missing.path == undeclared.path == "purposes.payments.name"
    assert "missing the text in en" in missing.message
    assert "undeclared language fr" in undeclared.message


def test_legitimate_interests_need_the_interest_in_words(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, VALID.replace("legal_basis: contract", "legal_basis: legitimate-interests"))
    assert problem.path == "purposes.payments.legitimate_interest"
    assert "Art. 6(1)(f)" in problem.message


def test_special_data_needs_an_article_9_condition(tmp_path: Path) -> None:
    text = VALID + (
        "    data_categories: [health]\n"
        "data_categories:\n"
        "  health: {name: {ro: date privind sănătatea, en: health data}, special: health}\n"
    )
    (problem,) = problems_of(tmp_path, text)
    assert problem.path == "activities.donations.purposes"
    assert "Art. 9(2)" in problem.message
    fixed = text.replace("legal_basis: contract", "legal_basis: contract\n    special_condition: explicit-consent")
    assert load(write(tmp_path, "fixed.yaml", fixed)).activities["donations"].data_categories == ["health"]


def test_a_processor_activity_names_its_controller(tmp_path: Path) -> None:
    (problem,) = problems_of(
        tmp_path, VALID.replace("    recipients: [netopia]\n", "    recipients: [netopia]\n    role: processor\n")
    )
    assert problem.path == "activities.donations.on_behalf_of"
    assert "Art. 30(2)(a)" in problem.message


@pytest.mark.parametrize("version", ["2", "0", "'1'", "true"])
def test_an_unknown_format_version_is_refused_not_guessed(tmp_path: Path, version: str) -> None:
    (problem,) = problems_of(tmp_path, MINIMAL_TEXT.replace("format: 1", f"format: {version}"))
    assert (problem.path, problem.line) == ("format", 1)
    assert "unknown format version" in problem.message


def test_json_registers_load_too(tmp_path: Path) -> None:
    text = '{"format": 1, "languages": ["ro"], "controller": {"name": "X", "country": "RO"}}'
    assert load(write(tmp_path, "register.json", text)).controller.name == "X"


def test_json_problems_are_located(tmp_path: Path) -> None:
    text = '{\n  "format": 1,\n  "languages": ["ro"],\n  "controller": {"name": "X", "country": "XX"}\n}\n'
    (problem,) = problems_of(tmp_path, text, "register.json")
    assert (problem.path, problem.line) == ("controller.country", 4)


def test_a_number_where_text_is_expected_says_to_quote_it(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, MINIMAL_TEXT.replace("country: RO}", "country: RO, fiscal_code: 49039313}"))
    assert problem.path == "controller.fiscal_code"
    assert "write it in quotes" in problem.message


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, MINIMAL_TEXT, "register.txt")
    assert "unknown file type '.txt'" in problem.message
