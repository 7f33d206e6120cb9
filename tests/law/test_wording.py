"""Verdicts in words, in every language ropa speaks: the same English as ever, complete Romanian."""

from __future__ import annotations

import doctest
import re
from collections.abc import Iterator, Mapping
from datetime import date
from functools import cache

import pytest
from hypothesis import given, settings

from ropa import words
from ropa.law import assess, boundary_dates, legal_facts, wording
from ropa.law.rules import Assessment
from ropa.law.sentences import ARTICLES, CITATIONS, DAY, LANGUAGES, MONTHS, SENTENCES, WINDOWS
from ropa.law.wording import Localized, Place, Reason, Window, day, placeholders, sentence
from ropa.model.places import TERRITORIES, country_name
from ropa.model.vocabulary import TransferMechanism
from ropa.testing._transfer_strategies import TransferCase, _named_places, transfers
from tests.conftest import ROOT
from tests.helpers import unused_language

EXAMPLES = 400
CEDILLAS = "şţŞŢ"  # s/t with cedilla (U+015F, U+0163, U+015E, U+0162): Romanian writes comma-below ș ț Ș Ț
TODAY = date(2026, 11, 25)

# Words that are English and not Romanian: one of them in a Romanian verdict is an English leftover.
# (Not "are", "date", "transfer", "in", "general": Romanian words too.)
ENGLISH_WORDS = frozenset(
    {
        *("the", "is", "of", "and", "not", "with", "which", "that", "to", "only", "by", "under", "for", "on"),
        *("from", "until", "valid", "applies", "required", "no", "or", "adequacy", "decision", "safeguards"),
        *("derogation", "covers", "needed", "declared"),
    }
)


def romanian_words(verdict: Assessment) -> str:
    """The Romanian citation and reasons, without what is not wording: place names and tool ids."""
    text = "\n".join((verdict.citation_in("ro"), *verdict.reasons_in("ro")))
    text = text.replace(country_name(verdict.destination, "ro"), " ")
    for code in TERRITORIES:  # a territory's ISO 3166-2 code, e.g. NO-22 (Jan Mayen), is not wording
        text = text.replace(code, " ")
    for mechanism in sorted((item.value for item in TransferMechanism), key=len, reverse=True):
        text = text.replace(mechanism, " ")
    return text.replace("intra-eea", " ")


def english_leftovers(text: str) -> set[str]:
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH_WORDS}


def _sweep() -> Iterator[TransferCase]:
    """Every place the facts name, on every day the law changes, with no tool or one, certified or not."""
    tools: list[tuple[TransferMechanism, ...]] = [(), *((mechanism,) for mechanism in TransferMechanism)]
    for place in _named_places():
        for on in boundary_dates():
            for mechanisms in tools:
                for certified in (False, True):
                    yield TransferCase(place, on, mechanisms, dpf_certified=certified)


@cache
def sweep() -> tuple[tuple[TransferCase, Assessment], ...]:
    return tuple((case, case.assess()) for case in _sweep())


# --- every reason has its words in every language -----------------------------------------------------


def test_ropa_words_verdicts_in_every_language_it_writes() -> None:
    # Its own (at least Romanian and English) and those of the language packs found: no test names them all.
    assert set(LANGUAGES) >= {"en", "ro"}
    assert words.languages() == LANGUAGES


@pytest.mark.parametrize("key", sorted(SENTENCES))
def test_every_reason_has_a_sentence_in_every_language(key: str) -> None:
    assert set(SENTENCES[key]) == set(LANGUAGES), f"{key}: a language lacks its sentence"
    assert all(SENTENCES[key][lang].strip() for lang in LANGUAGES)


@pytest.mark.parametrize("key", sorted(SENTENCES))
def test_every_language_says_the_same_things(key: str) -> None:
    english = placeholders(SENTENCES[key]["en"])
    for lang in LANGUAGES:
        assert placeholders(SENTENCES[key][lang]) == english, f"{key} in {lang}"


def test_every_other_table_has_every_language() -> None:
    tables: list[Mapping[str, object]] = [MONTHS, DAY, ARTICLES]
    tables += [*WINDOWS.values(), *CITATIONS.values()]
    for table in tables:
        assert set(table) == set(LANGUAGES), table
    assert all(len(MONTHS[lang]) == 12 for lang in LANGUAGES)


def test_the_rules_give_every_reason_of_the_templates_and_no_other() -> None:
    given_keys = {reason.key for _, verdict in sweep() for reason in verdict.structured_reasons}
    # Reasons that need two tools, or a scope the recipient is outside of, come from these cases.
    pairs = [
        assess("US", TODAY, mechanisms=["scc", "bcr", "derogation-49-1-a"], dpf_certified=False),
        assess("US", TODAY, mechanisms=["scc"], dpf_certified=True),
        assess("IN", TODAY, mechanisms=["derogation-49-1-a", "compelling-legitimate-interests"]),
        assess("CA", TODAY, outside_adequacy_scope=True),
        assess("CH", TODAY, outside_adequacy_scope=True),
        assess("NO-22", TODAY),
        assess("IN", date(2022, 1, 3), mechanisms=["scc-legacy"], scc_legacy_concluded=date(2021, 9, 1)),
        assess("IN", date(2022, 1, 3), mechanisms=["scc-legacy"], scc_legacy_concluded=date(2021, 10, 1)),
    ]
    given_keys |= {reason.key for verdict in pairs for reason in verdict.structured_reasons}
    assert given_keys == set(SENTENCES)


def test_a_sentence_needs_the_words_of_its_language() -> None:
    reason = Reason.of("third-country", place=Place("US"))
    assert (
        sentence(reason, "en") == "The United States is outside the EEA on that date: Chapter V GDPR applies (Art. 44)."
    )
    assert sentence(reason, "ro").startswith("Statele Unite se află în afara Spațiului Economic European (SEE)")
    with pytest.raises(KeyError):
        sentence(Reason.of("no-such-reason"), "ro")


@pytest.mark.parametrize(
    ("value", "lang", "words"),
    [
        (date(2023, 7, 10), "en", "10 July 2023"),
        (date(2023, 7, 10), "ro", "10 iulie 2023"),
        (date(2022, 12, 26), "ro", "26 decembrie 2022"),
        (date(2018, 5, 25), "xx", "25 May 2018"),
    ],
)
def test_dates_are_written_in_the_language(value: date, lang: str, words: str) -> None:
    assert day(value, lang) == words


def test_a_period_of_validity_is_written_in_the_language() -> None:
    window = Reason.of(
        "adequacy.not-in-force", reference=Localized.of(en="X", ro="X"), window=Window(date(2016, 7, 12), None)
    )
    assert sentence(window, "en") == "X is not in force on that date (valid from 12 July 2016)."
    assert sentence(window, "ro") == "X nu este în vigoare la acea dată (cu valabilitate de la 12 iulie 2016)."


# --- every verdict in every language ------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(transfers())
def test_every_verdict_is_worded_in_every_language(case: TransferCase) -> None:
    verdict = case.assess()
    for lang in LANGUAGES:
        reasons = verdict.reasons_in(lang)
        citation = verdict.citation_in(lang)
        assert len(reasons) == len(verdict.reasons) == len(verdict.structured_reasons)
        assert citation.strip()
        assert all(reason.strip() and reason[0] == reason[0].upper() for reason in reasons)
        assert not any(mark in text for text in (citation, *reasons) for mark in "{}")
        assert not any(letter in text for text in (citation, *reasons) for letter in CEDILLAS)


@settings(max_examples=EXAMPLES)
@given(transfers())
def test_romanian_verdicts_have_no_english_leftovers(case: TransferCase) -> None:
    verdict = case.assess()
    text = romanian_words(verdict)
    assert not english_leftovers(text), text
    for english in ("GDPR", "Art. ", "Implementing Decision", "Commission Decision", "TFEU", "TEU ", "EEA "):
        assert english not in text, (english, text)


def test_romanian_verdicts_on_every_day_the_law_changes_have_no_english_leftovers() -> None:
    found = {word for _, verdict in sweep() for word in english_leftovers(romanian_words(verdict))}
    assert not found


@pytest.mark.parametrize("lang", [unused_language(), "", "RO", "en-GB"])
def test_a_language_ropa_does_not_speak_is_an_error_not_english(lang: str) -> None:
    # Issue 24: an unknown language is an error naming the argument, not English given silently.
    verdict = assess("US", TODAY, mechanisms=["scc"])
    written = re.escape(", ".join(LANGUAGES))
    with pytest.raises(ValueError, match=rf"^lang: .* is not a language ropa writes \({written}\)"):
        verdict.citation_in(lang)
    with pytest.raises(ValueError, match=rf"^lang: .* is not a language ropa writes \({written}\)"):
        verdict.reasons_in(lang)


def test_an_assessment_made_without_structured_reasons_still_answers_in_english() -> None:
    verdict = Assessment("US", TODAY, False, "none", "Art. 44 GDPR", ("Not lawful.",), False)
    assert verdict.citation_in("ro") == "Art. 44 GDPR"
    assert verdict.reasons_in("ro") == ("Not lawful.",)


# --- the reasons are data -------------------------------------------------------------------------------


def test_reasons_carry_their_parameters_as_values_not_words() -> None:
    verdict = assess("CN", date(2022, 1, 1), mechanisms=["scc-legacy"])
    until = next(reason for reason in verdict.structured_reasons if reason.key == "tool.valid-until")
    assert dict(until.params) == {"mechanism": "scc-legacy", "day": date(2022, 12, 26)}
    outside = verdict.structured_reasons[0]
    assert outside == Reason.of("third-country", place=Place("CN"))


def test_the_citation_is_data_in_every_language() -> None:
    verdict = assess("US", TODAY, dpf_certified=True)
    decision = legal_facts().decision("us-dpf")
    assert verdict.citation_parts == (decision.article_text, decision.reference_text)
    assert verdict.citation_parts[1].text("ro").startswith("Decizia de punere în aplicare (UE) 2023/1795")


# --- Romanian, in the official vocabulary ---------------------------------------------------------------


def ro(verdict: Assessment) -> str:
    return "\n".join((verdict.citation_in("ro"), *verdict.reasons_in("ro")))


def test_a_dpf_transfer_in_romanian() -> None:
    verdict = assess("US", TODAY, mechanisms=["scc"], dpf_certified=True)
    assert verdict.citation_in("ro") == (
        "art. 45 alin. (3) din RGPD; Decizia de punere în aplicare (UE) 2023/1795 (Cadrul UE-SUA privind"
        " confidențialitatea datelor)"
    )
    text = ro(verdict)
    assert "Statele Unite se află în afara Spațiului Economic European (SEE)" in text
    assert "Decizie privind caracterul adecvat al nivelului de protecție" in text
    assert "C-703/25 P" in text
    # Issue 22: the tool in words, never the register's identifier `scc`, in a Romanian sentence.
    assert (
        "păstrate ca soluție de rezervă: clauze standard de protecție a datelor (art. 46 alin. (2) lit. (c))." in text
    )
    # One Romanian name for the Data Privacy Framework, and no unsourced claim (noyb's announced action).
    assert "Data Privacy Framework" not in text
    assert "noyb" not in text
    assert "Slaughter" not in text


def test_an_scc_transfer_in_romanian() -> None:
    verdict = assess("US", TODAY, mechanisms=["scc"])
    assert verdict.citation_in("ro") == (
        "art. 46 alin. (2) lit. (c) din RGPD; Decizia de punere în aplicare (UE) 2021/914 (clauzele contractuale"
        " standard)"
    )
    text = ro(verdict)
    for phrase in (
        "Garanții adecvate",
        "clauzele contractuale standard",
        "evaluarea impactului transferului (TIA)",
        "Hotărârea Curții de Justiție în cauza C-311/18 (Schrems II)",
        "drepturi opozabile și căi de atac eficiente pentru persoanele vizate",
    ):
        assert phrase in text, phrase


def test_an_unlawful_transfer_in_romanian() -> None:
    verdict = assess("US", TODAY)
    assert verdict.citation_in("ro") == "art. 44 din RGPD"
    assert verdict.reasons_in("ro")[-1] == (
        "La acea dată nu se aplică nicio decizie privind caracterul adecvat al nivelului de protecție, nicio"
        " garanție adecvată și nicio derogare: transferul nu este legal (art. 44 din RGPD)."
    )


def test_binding_corporate_rules_and_derogations_in_romanian() -> None:
    assert "reguli corporatiste obligatorii" in assess("IN", TODAY, mechanisms=["bcr"]).citation_in("ro")
    derogation = ro(assess("IN", TODAY, mechanisms=["derogation-49-1-e"]))
    assert "Derogare pentru situații specifice: art. 49 alin. (1) lit. (e) din RGPD" in derogation
    assert "Derogările pentru situații specifice (art. 49) sunt excepții și se interpretează restrictiv" in derogation
    assert "considerentul 111 limitează literele (b), (c) și (e) la transferuri ocazionale" in derogation
    assert "privesc numai transferuri ocazionale" not in derogation


def test_the_second_subparagraph_of_article_49_1_is_named_by_its_provision() -> None:
    verdict = assess("IN", TODAY, mechanisms=["compelling-legitimate-interests"])
    assert verdict.citation_in("ro") == "art. 49 alin. (1) al doilea paragraf din RGPD"
    text = ro(verdict).lower()
    assert "cele prevăzute la articolul 49 alineatul (1) al doilea paragraf din rgpd" in text
    # The Romanian adjective for "compelling" is not confirmed: none is invented.
    assert not any(word in text for word in ("imperioase", "imperative", "convingătoare", "majore", "compelling "))


def test_inside_the_eea_in_romanian() -> None:
    text = ro(assess("RO", TODAY, mechanisms=["scc"]))
    assert "România se află, la acea dată, printre statele membre ale Uniunii Europene" in text
    assert "nu este un transfer către o țară terță" in text
    assert "Instrumentele de transfer declarate nu sunt necesare" in text


def test_onedu_us_transfers_read_in_romanian(onedu_transfers: list[Assessment]) -> None:
    us = [verdict for verdict in onedu_transfers if verdict.destination == "US"]
    assert {verdict.basis for verdict in us} == {"adequacy", "safeguards"}
    for verdict in us:
        text = ro(verdict)
        assert "Statele Unite" in text
        assert "United States" not in text
        assert not english_leftovers(romanian_words(verdict))
        if verdict.basis == "adequacy":
            assert "Decizia de punere în aplicare (UE) 2023/1795" in verdict.citation_in("ro")
        else:
            assert "Decizia de punere în aplicare (UE) 2021/914" in verdict.citation_in("ro")
            assert "evaluarea impactului transferului (TIA)" in text


@pytest.fixture(scope="module")
def onedu_transfers() -> list[Assessment]:
    from ropa.io import load
    from ropa.transfers import register_transfers
    from tests.conftest import ONEDU

    return [transfer.assessment for transfer in register_transfers(load(ONEDU), TODAY)]


# --- comma-below everywhere -----------------------------------------------------------------------------


def test_the_romanian_templates_use_comma_below_only() -> None:
    texts = [
        *(sentences["ro"] for sentences in SENTENCES.values()),
        *(windows["ro"] for windows in WINDOWS.values()),
        *(citation["ro"] for citation in CITATIONS.values()),
        *MONTHS["ro"],
    ]
    assert all(not any(letter in text for letter in CEDILLAS) for text in texts)
    assert any("ț" in text for text in texts)
    assert any("ș" in text for text in texts)


# --- the documented examples run ------------------------------------------------------------------------


def _run_examples(text: str, name: str) -> doctest.TestResults:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_the_romanian_example_of_the_transfers_page_runs() -> None:
    text = (ROOT / "docs" / "transfers.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, re.DOTALL)
    assert len(blocks) == 1
    results = _run_examples(blocks[0], "docs/transfers.md")
    assert results.attempted >= 6
    assert results.failed == 0


def test_the_example_of_the_wording_module_runs() -> None:
    results = _run_examples(wording.__doc__ or "", "ropa.law.wording")
    assert results.attempted >= 3
    assert results.failed == 0
