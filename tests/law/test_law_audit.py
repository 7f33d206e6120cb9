"""The audit of the transfer verdicts (issue 12): each item, on both sides of each of its dates.

Dates are literals from the references (reference/transfers.md and the citations in facts.yaml), not read
from the data file, so that a wrong date in the data fails here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ropa.checks import check
from ropa.law import assess, boundary_dates, legal_facts
from ropa.law.rules import Assessment
from ropa.model.vocabulary import TransferMechanism as M
from ropa.transfers import register_transfers
from tests.test_checks import register

TODAY = date(2026, 11, 25)


def text(verdict: Assessment) -> str:
    return "\n".join((verdict.citation, *verdict.reasons))


def keys(verdict: Assessment) -> list[str]:
    return [reason.key for reason in verdict.structured_reasons]


def days_around(day: date) -> tuple[date, date]:
    return day - timedelta(days=1), day


# --- Scope flags never vanish ----------------------------------------------------------------------------


@pytest.mark.parametrize("on", [date(2018, 5, 25), TODAY])
def test_a_scope_flag_on_an_unlimited_decision_says_it_has_no_effect(on: date) -> None:
    verdict = assess("CH", on, outside_adequacy_scope=True)
    assert (verdict.basis, verdict.lawful) == ("adequacy", True)
    assert "the mark has no effect" in text(verdict)
    assert "2000/518/EC" in verdict.citation
    assert "Directive 95/46/EC" in text(verdict)  # the scope it covers, from the facts
    assert "no effect" not in text(assess("CH", on))


def test_the_uk_immigration_exclusion_applies_until_22_december_2025_and_then_the_flag_has_no_effect() -> None:
    before, after = (assess("GB", day, outside_adequacy_scope=True) for day in days_around(date(2025, 12, 23)))
    assert before.basis == "none"
    assert "immigration control" in text(before)
    assert after.basis == "adequacy"
    assert "adequacy.scope-flag-no-effect" in keys(after)
    assert "exclusion was removed by the renewal" in text(after)


def test_a_limited_decision_still_excludes_a_flagged_recipient() -> None:
    verdict = assess("CA", TODAY, outside_adequacy_scope=True)
    assert verdict.basis == "none"
    assert "outside that scope" in text(verdict)


def test_on_every_day_a_flag_either_excludes_or_is_said_to_have_no_effect() -> None:
    places = sorted({decision.place for decision in legal_facts().adequacy if decision.regime == "gdpr"})
    for place in places:
        for day in boundary_dates():
            flagged = assess(place, day, outside_adequacy_scope=True, dpf_certified=True)
            plain = assess(place, day, dpf_certified=True)
            if flagged.basis == "adequacy":
                assert "adequacy.scope-flag-no-effect" in keys(flagged), (place, day)
            assert flagged.reasons != plain.reasons or plain.basis != "adequacy", (place, day)


# --- Old SCCs between 27 September 2021 and 26 December 2022 ---------------------------------------------


def legacy(on: date, concluded: date | None = None) -> Assessment:
    return assess("IN", on, mechanisms=["scc-legacy"], scc_legacy_concluded=concluded)


def test_old_sccs_before_27_september_2021_need_no_date() -> None:
    verdict = legacy(date(2021, 9, 26))
    assert (verdict.basis, verdict.conditional) == ("safeguards", False)
    assert "does not say when" not in text(verdict)


def test_old_sccs_from_27_september_2021_without_a_date_are_conditional_and_say_so() -> None:
    verdict = legacy(date(2021, 9, 27))
    assert (verdict.basis, verdict.lawful, verdict.conditional) == ("safeguards", True, True)
    assert "the register does not say when this one was concluded" in text(verdict)
    assert "Art. 4 of Implementing Decision (EU) 2021/914" in text(verdict)
    assert "remain unchanged" in text(verdict)


@pytest.mark.parametrize(
    ("concluded", "basis"),
    [(date(2021, 9, 26), "safeguards"), (date(2021, 9, 27), "none")],
)
def test_old_sccs_count_only_for_contracts_concluded_before_27_september_2021(concluded: date, basis: str) -> None:
    verdict = legacy(date(2022, 3, 1), concluded)
    assert verdict.basis == basis
    assert not verdict.conditional
    if basis == "none":
        assert "the register dates this one 27 September 2021" in text(verdict)
    else:
        assert "the register dates the contract 26 September 2021" in text(verdict)


def test_old_sccs_end_after_26_december_2022_even_for_an_old_contract() -> None:
    last, first = (legacy(day, date(2020, 1, 1)) for day in days_around(date(2022, 12, 27)))
    assert last.basis == "safeguards"
    assert first.basis == "none"
    assert "valid until 26 December 2022" in text(first)


def test_a_valid_tool_is_preferred_to_a_conditional_one() -> None:
    verdict = assess("IN", date(2022, 3, 1), mechanisms=["scc-legacy", "scc"])
    assert verdict.relied_on[0] is M.SCC
    assert not verdict.conditional


def test_the_register_carries_when_the_old_contract_was_concluded() -> None:
    dated = register(mechanisms="mechanisms: [scc-legacy]\n    scc_legacy_concluded: 2020-05-04")
    undated = register(mechanisms="mechanisms: [scc-legacy]")
    (transfer,) = register_transfers(dated, date(2022, 3, 1))
    assert (transfer.assessment.basis, transfer.assessment.conditional) == ("safeguards", False)
    (transfer,) = register_transfers(undated, date(2022, 3, 1))
    assert (transfer.assessment.basis, transfer.assessment.conditional) == ("safeguards", True)


def test_one_register_judges_each_old_contract_on_its_own_date() -> None:
    # The verdicts shared within one call (issue 14) must key on the contract's date too.
    dated = register(mechanisms="mechanisms: [scc-legacy]\n    scc_legacy_concluded: 2020-05-04")
    mailer = dated.recipients["mailer"]
    undated = mailer.model_copy(update={"scc_legacy_concluded": None})
    activity = dated.activities["newsletter"].model_copy(update={"recipients": ["mailer", "undated"]})
    both = dated.model_copy(
        update={"recipients": {"mailer": mailer, "undated": undated}, "activities": {"newsletter": activity}}
    )
    first, second = register_transfers(both, date(2022, 3, 1))
    assert (first.recipient, first.assessment.conditional) == ("mailer", False)
    assert (second.recipient, second.assessment.conditional) == ("undated", True)


# --- Fallbacks are only tools valid on the date ----------------------------------------------------------

EVERY_TOOL = tuple(M)


def test_invalid_tools_are_never_kept_as_a_fallback() -> None:
    verdict = assess("US", TODAY, mechanisms=["privacy-shield", "safe-harbor", "scc-legacy", "scc"], dpf_certified=True)
    assert verdict.basis == "adequacy"
    assert verdict.fallbacks == (M.SCC,)
    assert "kept as a fallback: scc." in text(verdict)
    assert "so not a fallback: scc-legacy, privacy-shield, safe-harbor." in text(verdict)


def test_the_2021_sccs_are_a_fallback_from_27_june_2021() -> None:
    before, after = (assess("US", day, mechanisms=["privacy-shield", "scc"]) for day in days_around(date(2021, 6, 27)))
    # Privacy Shield fell on 16 July 2020: neither day has an adequacy verdict to keep a fallback for.
    assert before.basis == "none"
    assert after.basis == "safeguards"
    last_shield = assess("US", date(2020, 7, 15), mechanisms=["privacy-shield", "scc", "scc-legacy"])
    assert last_shield.basis == "adequacy"
    assert last_shield.fallbacks == (M.SCC_LEGACY,)
    assert "so not a fallback: scc." in text(last_shield)


def test_the_2021_sccs_become_a_fallback_beside_an_adequacy_decision_on_27_june_2021() -> None:
    before, after = (assess("JP", day, mechanisms=["scc"]) for day in days_around(date(2021, 6, 27)))
    assert before.basis == after.basis == "adequacy"
    assert before.fallbacks == ()
    assert "so not a fallback: scc." in text(before)
    assert after.fallbacks == (M.SCC,)
    assert "kept as a fallback: scc." in text(after)


def test_a_tool_for_another_country_is_not_a_fallback() -> None:
    verdict = assess("JP", date(2019, 6, 1), mechanisms=["privacy-shield"])
    assert verdict.basis == "adequacy"
    assert verdict.fallbacks == ()
    assert "so not a fallback: privacy-shield." in text(verdict)


@pytest.mark.parametrize(
    ("on", "concluded", "fallbacks", "key"),
    [
        (date(2021, 9, 26), None, (M.SCC_LEGACY,), "adequacy.fallback"),
        (date(2021, 9, 27), None, (), "adequacy.conditional-fallback"),
        (date(2021, 9, 27), date(2021, 9, 26), (M.SCC_LEGACY,), "adequacy.fallback"),
        (date(2021, 9, 27), date(2021, 9, 27), (), "adequacy.not-a-fallback"),
        (date(2022, 12, 26), date(2021, 1, 1), (M.SCC_LEGACY,), "adequacy.fallback"),
        (date(2022, 12, 27), date(2021, 1, 1), (), "adequacy.not-a-fallback"),
    ],
)
def test_old_sccs_as_a_fallback_beside_the_uk_decision(
    on: date, concluded: date | None, fallbacks: tuple[M, ...], key: str
) -> None:
    verdict = assess("GB", on, mechanisms=["scc-legacy"], scc_legacy_concluded=concluded)
    assert verdict.basis == "adequacy"
    assert verdict.fallbacks == fallbacks
    assert key in keys(verdict)


def _valid_for(mechanism: M, verdict: Assessment, concluded: date | None) -> bool:
    facts = legal_facts()
    rule = facts.rule(mechanism)
    if not rule.holds_on(verdict.on):
        return False
    if rule.decision is not None and facts.decision(rule.decision).place != verdict.destination:
        return False
    last = rule.new_contracts_until
    if last is None or verdict.on <= last:
        return True
    return concluded is not None and concluded <= last


@settings(max_examples=300)
@given(
    place=st.sampled_from(["US", "GB", "JP", "CH", "CA", "KR", "BR", "IO:EPO"]),
    on=st.one_of(st.sampled_from(boundary_dates()), st.dates(date(2018, 5, 25), date(2032, 12, 31))),
    tools=st.lists(st.sampled_from(EVERY_TOOL), unique=True, max_size=5),
    certified=st.booleans(),
    concluded=st.one_of(st.none(), st.dates(date(2019, 1, 1), date(2022, 12, 31))),
)
def test_no_verdict_on_any_date_names_an_invalid_tool_as_a_fallback(
    place: str, on: date, tools: list[M], certified: bool, concluded: date | None
) -> None:
    verdict = assess(place, on, mechanisms=tools, dpf_certified=certified, scc_legacy_concluded=concluded)
    for mechanism in verdict.fallbacks:
        assert _valid_for(mechanism, verdict, concluded), mechanism
    for reason in verdict.structured_reasons:
        if reason.key == "adequacy.fallback":
            (named,) = (value for name, value in reason.params if name == "mechanisms")
            assert named == tuple(mechanism.value for mechanism in verdict.fallbacks)
    if verdict.basis != "adequacy":
        assert verdict.fallbacks == ()


@pytest.mark.parametrize(
    ("mechanisms", "warned"),
    [
        ("dpf_certified: true", True),
        ("dpf_certified: true\n    mechanisms: [privacy-shield, safe-harbor]", True),
        ("dpf_certified: true\n    mechanisms: [scc-legacy]", True),
        ("dpf_certified: true\n    mechanisms: [scc]", False),
        ("dpf_certified: true\n    mechanisms: [bcr]", False),
    ],
)
def test_ropa_check_t104_agrees_with_the_engine(mechanisms: str, warned: bool) -> None:
    subject = register(mechanisms=mechanisms)
    (transfer,) = register_transfers(subject, TODAY)
    assert ("T104" in {finding.code for finding in check(subject, on=TODAY)}) == warned
    assert (transfer.assessment.fallbacks == ()) == warned


# --- Gibraltar -------------------------------------------------------------------------------------------


def test_gibraltar_was_union_territory_until_31_january_2020() -> None:
    for day in (date(2018, 5, 25), date(2020, 1, 31)):
        verdict = assess("GI", day, mechanisms=["scc"])
        assert verdict.basis == "intra-eea"
        assert "Art. 355(3) TFEU" in verdict.citation
        assert "not a transfer to a third country" in text(verdict)


def test_gibraltar_was_in_the_transition_until_31_december_2020() -> None:
    for day in (date(2020, 2, 1), date(2020, 12, 31)):
        verdict = assess("GI", day)
        assert verdict.basis == "intra-eea"
        assert "Withdrawal Agreement, Art. 3(1)(b)" in verdict.citation
        assert "transition period (until 31 December 2020)" in text(verdict)


def test_gibraltar_is_a_third_country_without_adequacy_from_1_january_2021() -> None:
    verdict = assess("GI", date(2021, 1, 1))
    assert (verdict.basis, verdict.lawful) == ("none", False)
    assert "No adequacy decision covers Gibraltar" in text(verdict)
    # From the UK decision on, the verdict says ropa does not extend it to Gibraltar (not verified).
    before, after = (assess("GI", day) for day in days_around(date(2021, 6, 28)))
    assert "2021/1772" not in text(before)
    assert "No adequacy decision is known to cover Gibraltar" in text(after)
    assert "2021/1772" in text(after)
    assert after.basis == "none"
    assert assess("GI", date(2021, 1, 1), mechanisms=["scc-legacy"]).basis == "safeguards"
    assert assess("GI", TODAY, dpf_certified=True).basis == "none"


# --- Svalbard and Jan Mayen ------------------------------------------------------------------------------


def test_every_verdict_on_sj_says_it_assumes_svalbard_and_how_to_name_jan_mayen() -> None:
    for day in boundary_dates():
        verdict = assess("SJ", day)
        assert verdict.basis == "none"
        assert "ropa assumes Svalbard, which Norway excluded from the EEA Agreement" in text(verdict)
        assert "Protocol 40" in text(verdict)
        assert "NO-22" in text(verdict)


def test_jan_mayen_takes_norways_verdict() -> None:
    before, after = (assess("NO-22", day) for day in days_around(date(2018, 7, 20)))
    assert before.basis == after.basis == "intra-eea"
    assert before.destination == after.destination == "NO-22"
    assert "Jan Mayen is part of Norway" in before.reasons[0]
    assert "95/46/EC" in text(before)
    assert "154/2018" in text(after)
    assert "Protocol 40" in after.citation
    assert assess(" no-22 ", TODAY).destination == "NO-22"


def test_a_register_names_jan_mayen_by_its_iso_3166_2_code() -> None:
    in_jan_mayen = register(mechanisms="", edits={"locations: [US]": "locations: [NO-22]"})
    assert in_jan_mayen.recipients["mailer"].locations == ["NO-22"]
    assert register_transfers(in_jan_mayen, TODAY) == []
    with pytest.raises(ValueError, match="unknown territory 'NO-21'"):
        register(mechanisms="", edits={"locations: [US]": "locations: [NO-21]"})


# --- Unverified start dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "adopted", "start", "number"),
    [
        ("BR", date(2026, 1, 26), date(2026, 1, 28), "2026/179"),
        ("IO:EPO", date(2025, 7, 15), date(2025, 7, 18), "2025/1382"),
    ],
)
def test_between_adoption_and_the_date_used_the_verdict_says_the_transfer_may_be_covered(
    place: str, adopted: date, start: date, number: str
) -> None:
    before = assess(place, adopted - timedelta(days=1))
    assert before.basis == "none"
    assert "may already be covered" not in text(before)
    for day in (adopted, start - timedelta(days=1)):
        verdict = assess(place, day)
        assert verdict.basis == "none"
        assert "may already be covered" in text(verdict)
        assert number in text(verdict)
        assert "its date of effect is not verified" in text(verdict)
    assert assess(place, start).basis == "adequacy"


# --- No unsourced claim in a verdict ---------------------------------------------------------------------


def test_no_verdict_repeats_the_announced_action_against_the_dpf() -> None:
    for day in boundary_dates():
        verdict = assess("US", day, dpf_certified=True)
        for lang in ("en", "ro"):
            words = "\n".join(verdict.reasons_in(lang))
            assert "noyb" not in words
            assert "Slaughter" not in words


def test_what_a_caveat_cites_is_in_its_decisions_citation() -> None:
    for decision in legal_facts().adequacy:
        if decision.caveat is None:
            continue
        cited = re.findall(r"[CT]-\d+/\d+(?: P)?|OJ C/\d+/\d+", decision.caveat)
        assert cited, decision.id
        for source in cited:
            assert source in decision.citation, (decision.id, source)


# --- Romanian names --------------------------------------------------------------------------------------


def test_safe_harbour_by_the_name_of_its_official_romanian_text() -> None:
    verdict = assess("US", date(2019, 1, 1), mechanisms=["safe-harbor"])
    romanian = "\n".join((verdict.citation_in("ro"), *verdict.reasons_in("ro")))
    assert "Decizia 2000/520/CE a Comisiei (principiile „sferei de siguranță” privind protecția vieții private)" in (
        romanian
    )
    assert "Safe Harbo" not in romanian


def test_privacy_shield_is_an_implementing_decision_in_romanian() -> None:
    verdict = assess("US", date(2019, 1, 1), mechanisms=["privacy-shield"])
    assert "Decizia de punere în aplicare (UE) 2016/1250 (Scutul de confidențialitate UE-SUA)" in verdict.citation_in(
        "ro"
    )
