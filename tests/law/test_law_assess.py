"""Examples of the order of the law: what `assess` decides, on what basis, and what it says."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ropa.law import DOMAIN_START, adequacy_ending_between, assess, normalise_destination, parse_mechanisms
from ropa.model.vocabulary import TransferMechanism as M

DAY = date(2026, 11, 25)


def joined(reasons: tuple[str, ...]) -> str:
    return "\n".join(reasons)


@pytest.mark.parametrize(
    ("given", "code"), [("EL", "GR"), ("UK", "GB"), ("gb", "GB"), (" ro ", "RO"), ("io:epo", "IO:EPO")]
)
def test_aliases_and_case_are_normalised(given: str, code: str) -> None:
    assert normalise_destination(given) == code
    assert assess(given, DAY).destination == code


def test_greece_by_its_eu_code_is_inside_the_eea() -> None:
    verdict = assess("EL", DAY)
    assert (verdict.lawful, verdict.basis) == (True, "intra-eea")


@pytest.mark.parametrize("destination", ["XX", "USA", "", "IO:WHO", "EU"])
def test_unknown_destinations_are_refused(destination: str) -> None:
    with pytest.raises(ValueError, match="unknown destination"):
        assess(destination, DAY)


def test_unknown_mechanisms_are_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown transfer mechanism 'dpf'.*scc"):
        assess("US", DAY, mechanisms=["dpf"])


def test_a_single_string_is_not_a_collection_of_mechanisms() -> None:
    with pytest.raises(TypeError, match="collection"):
        parse_mechanisms("scc")


def test_mechanisms_may_be_strings_or_members() -> None:
    assert assess("IN", DAY, mechanisms=["scc"]) == assess("IN", DAY, mechanisms=[M.SCC])


def test_dates_before_the_gdpr_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match=r"before 25 May 2018.*Art\. 99"):
        assess("US", date(2017, 1, 1))


def test_a_datetime_is_refused_as_every_entry_point_refuses_it() -> None:
    # Issue 24: one rule for dates at every entry point; which day a datetime means is the caller's to say.
    with pytest.raises(TypeError, match=r"^on must be a date \(datetime.date\), not a datetime"):
        assess("US", datetime(2024, 1, 1, 23, 59), dpf_certified=True)


def test_a_us_importer_on_the_dpf_list_is_covered_by_adequacy() -> None:
    verdict = assess("US", DAY, dpf_certified=True, mechanisms=["scc"])
    assert (verdict.lawful, verdict.basis, verdict.tia_required) == (True, "adequacy", False)
    assert "2023/1795" in verdict.citation
    assert "Data Privacy Framework List" in joined(verdict.reasons)
    assert "fallback: scc" in joined(verdict.reasons)


def test_a_us_importer_off_the_dpf_list_needs_safeguards() -> None:
    verdict = assess("US", DAY, mechanisms=["scc"])
    assert (verdict.basis, verdict.tia_required, verdict.relied_on) == ("safeguards", True, (M.SCC,))
    assert "not marked DPF-certified" in joined(verdict.reasons)
    assert "transfer impact assessment" in joined(verdict.reasons)


def test_a_us_importer_without_tools_is_unlawful_with_reasons() -> None:
    verdict = assess("US", DAY)
    assert (verdict.lawful, verdict.basis, verdict.citation) == (False, "none", "Art. 44 GDPR")
    assert "not lawful" in verdict.reasons[-1]


def test_privacy_shield_counts_only_for_the_united_states() -> None:
    verdict = assess("CA", date(2019, 1, 1), mechanisms=["privacy-shield"], outside_adequacy_scope=True)
    assert verdict.basis == "none"
    assert "covered only transfers to the United States" in joined(verdict.reasons)


def test_privacy_shield_was_adequacy_not_a_safeguard() -> None:
    verdict = assess("US", date(2019, 1, 1), mechanisms=["privacy-shield", "scc-legacy"])
    assert (verdict.basis, verdict.relied_on, verdict.tia_required) == ("adequacy", (M.PRIVACY_SHIELD,), False)


def test_after_schrems_ii_old_sccs_carry_us_transfers() -> None:
    verdict = assess("US", date(2020, 8, 1), mechanisms=["privacy-shield", "scc-legacy"])
    assert (verdict.basis, verdict.relied_on) == ("safeguards", (M.SCC_LEGACY,))
    assert "15 July 2020" in joined(verdict.reasons)


def test_limited_scope_is_stated_when_adequacy_is_relied_on() -> None:
    verdict = assess("CA", DAY)
    assert verdict.basis == "adequacy"
    assert "Scope condition" in joined(verdict.reasons)
    assert "PIPEDA" in joined(verdict.reasons)


def test_an_importer_outside_a_limited_scope_gets_no_adequacy() -> None:
    verdict = assess("CA", DAY, outside_adequacy_scope=True)
    assert verdict.basis == "none"
    assert "marked outside that scope" in joined(verdict.reasons)


def test_outside_scope_changes_nothing_for_a_decision_without_limits() -> None:
    assert assess("CH", DAY, outside_adequacy_scope=True).basis == "adequacy"
    assert assess("NZ", DAY, outside_adequacy_scope=True).basis == "adequacy"


def test_the_dpf_is_relied_on_with_its_caveat() -> None:
    verdict = assess("US", DAY, dpf_certified=True)
    assert "C-703/25 P" in joined(verdict.reasons)


@pytest.mark.parametrize("tool", ["ad-hoc-clauses", "administrative-arrangement"])
def test_art_46_3_tools_need_the_authorities_authorisation(tool: str) -> None:
    verdict = assess("IN", DAY, mechanisms=[tool])
    assert (verdict.basis, verdict.authorisation_required, verdict.tia_required) == ("safeguards", True, True)
    assert "authorisation of the competent supervisory authority" in joined(verdict.reasons)
    assert "46(3)" in verdict.citation


def test_the_precedence_of_safeguards_is_fixed() -> None:
    verdict = assess("IN", DAY, mechanisms=["ad-hoc-clauses", "bcr", "scc"])
    assert verdict.relied_on == (M.SCC, M.BCR, M.AD_HOC_CLAUSES)
    assert "2021/914" in verdict.citation
    assert verdict.authorisation_required is False


def test_safeguards_come_before_derogations() -> None:
    verdict = assess("IN", DAY, mechanisms=["derogation-49-1-a", "bcr"])
    assert verdict.basis == "safeguards"
    assert "Not needed" in joined(verdict.reasons)


@pytest.mark.parametrize("letter", "abcdefg")
def test_each_derogation_is_lawful_and_read_restrictively(letter: str) -> None:
    verdict = assess("IN", DAY, mechanisms=[f"derogation-49-1-{letter}"])
    assert (verdict.lawful, verdict.basis, verdict.tia_required) == (True, "derogation", False)
    assert f"Art. 49(1)({letter})" in verdict.citation
    assert "read restrictively" in joined(verdict.reasons)
    # Recital 111 limits only (b), (c) and (e) to occasional transfers; no sentence says every derogation is.
    assert ("occasional transfers only (recital 111)" in joined(verdict.reasons)) == (letter in "bce")
    assert "derogations are for occasional" not in joined(verdict.reasons)
    # Art. 49(3): (a), (b), (c) and the second subparagraph are not for public authorities' public powers.
    assert ("Art. 49(3)" in joined(verdict.reasons)) == (letter in "abc")


def test_the_second_subparagraph_is_not_for_public_authorities_and_must_not_be_repetitive() -> None:
    verdict = assess("IN", DAY, mechanisms=["compelling-legitimate-interests"])
    assert verdict.basis == "derogation"
    assert "not available to public authorities in the exercise of their public powers (Art. 49(3))" in joined(
        verdict.reasons
    )
    assert "the transfer is not repetitive" in joined(verdict.reasons)
    romanian = joined(verdict.reasons_in("ro"))
    # Issue 22: the conditions in Romanian as in English (the words of reference/romanian-gdpr.md §3.2; the
    # unconfirmed adjective for "compelling" is left out: the interests are those "prevăzute la acel paragraf").
    assert "cele prevăzute la articolul 49 alineatul (1) al doilea paragraf din RGPD" in romanian
    assert "transferul nu este repetitiv" in romanian
    assert "vizează doar un număr limitat de persoane vizate" in romanian
    assert "informează autoritatea de supraveghere" in romanian
    assert "art. 49 alin. (3)" in romanian


def test_compelling_legitimate_interests_list_their_conditions() -> None:
    verdict = assess("IN", DAY, mechanisms=["compelling-legitimate-interests"])
    assert (verdict.lawful, verdict.basis) == (True, "derogation")
    reasons = joined(verdict.reasons)
    for condition in ("not repetitive", "limited number of data subjects", "supervisory authority", "Art. 49(6)"):
        assert condition in reasons
    assert "second subparagraph" in verdict.citation


def test_compelling_legitimate_interests_give_way_to_a_listed_derogation() -> None:
    verdict = assess("IN", DAY, mechanisms=["compelling-legitimate-interests", "derogation-49-1-b"])
    assert verdict.relied_on == (M.DEROGATION_49_1_B,)
    assert "is not relied on" in joined(verdict.reasons)


def test_the_european_patent_organisation_has_adequacy() -> None:
    verdict = assess("IO:EPO", DAY)
    assert (verdict.destination, verdict.basis) == ("IO:EPO", "adequacy")
    assert "2025/1382" in verdict.citation


def test_norway_before_the_gdpr_joined_the_eea_agreement_is_treated_as_inside() -> None:
    verdict = assess("NO", date(2018, 6, 1), mechanisms=["scc"])
    assert (verdict.lawful, verdict.basis) == (True, "intra-eea")
    assert "Directive 95/46/EC" in verdict.reasons[0]
    assert "not needed" in verdict.reasons[-1]


@pytest.mark.parametrize("destination", ["CH", "FO", "GI", "GL", "SJ"])
def test_places_outside_the_eea_are_judged_under_chapter_v(destination: str) -> None:
    assert assess(destination, DAY).basis != "intra-eea"


def test_gibraltar_gets_no_uk_adequacy() -> None:
    assert assess("GI", DAY).basis == "none"


@pytest.mark.parametrize("destination", ["RE", "GP", "AX"])
def test_union_territories_with_their_own_iso_code_are_inside(destination: str) -> None:
    assert assess(destination, DAY).basis == "intra-eea"


def test_the_led_decision_is_not_a_gdpr_basis_for_the_uk() -> None:
    assert "2021/1773" not in assess("GB", DAY).citation


def test_the_reasons_never_name_the_date_asked() -> None:
    verdict = assess("US", date(2024, 3, 5), mechanisms=["scc-legacy", "derogation-49-1-a"])
    assert all("2024" not in reason and "5 March" not in reason for reason in verdict.reasons)


def test_the_uk_adequacy_is_ending_within_a_year_before_its_last_day() -> None:
    ending = adequacy_ending_between("UK", date(2031, 6, 1), date(2032, 6, 1))
    assert [item.until for item in ending] == [date(2031, 12, 27)]
    assert "2021/1772" in ending[0].reference
    assert adequacy_ending_between("GB", date(2024, 1, 1), date(2025, 1, 1)) == ()
    assert adequacy_ending_between("US", date(2021, 1, 1), date(2040, 1, 1)) == ()
    assert [item.until for item in adequacy_ending_between("US", DOMAIN_START, DAY)] == [date(2020, 7, 15)]
