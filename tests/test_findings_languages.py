"""Findings in every language: `ropa check --lang`, the JSON report's key and parameters, the catalogues' messages."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

import ropa
from ropa.render.findings import count_findings
from ropa.words import MissingWording, clear_cache, languages
from tests.conftest import EXAMPLES, ONEDU, ROOT
from tests.helpers import finding_prose, findings_json, run_ropa

ON = date(2026, 11, 25)
REGISTERS = [
    *sorted(EXAMPLES.glob("*/register.yaml")),
    ROOT / "tests" / "fixtures" / "public-body" / "municipality.yaml",
    ROOT / "tests" / "render" / "data" / "sample.yaml",
    ROOT / "tests" / "render" / "workbook_fixtures" / "small.yaml",
]
DAYS = (ON, date(2031, 6, 1))
# Words of English sentences that no Romanian sentence has (not "a", "an", "are", "in": Romanian words too).
ENGLISH = re.compile(
    r"\b(?:the|is|of|and|not|no|to|be|but|which|must|for|with|this|has|have|its|recorded|should|where|when|from"
    r"|by|under|none|rest|rests|on)\b",
    re.IGNORECASE,
)
IDENTIFIERS = re.compile(r"\bscc\b|intra-eea|derogation-|\badequacy\b|\b\d{4}-\d{2}-\d{2}\b|\bP\d+[YMWD]\b")


def _check(lang: str, *extra: str) -> list[dict[str, object]]:
    return findings_json(ONEDU, lang, "--on", ON.isoformat(), *extra)


def test_ropa_check_lang_ro_prints_every_finding_in_romanian() -> None:
    english = _check("en")
    romanian = _check("ro")
    assert len(romanian) == len(english)
    for ro, en in zip(romanian, english, strict=True):
        assert ENGLISH.findall(finding_prose(en)), en["message"]  # the check would see English
        text = finding_prose(ro)
        assert ENGLISH.findall(text) == [], ro["message"]
        assert IDENTIFIERS.findall(text) == [], ro["message"]
        assert ro["message"] != en["message"]
        assert finding_prose(en).strip() not in str(ro["message"])


def test_the_text_report_in_romanian_has_romanian_severities_and_count() -> None:
    done = run_ropa("check", ONEDU, "--on", ON.isoformat(), "--lang", "ro")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].endswith(": 0 erori, 78 de avertismente, 1 informare")
    assert all(re.search(r" [A-Z]\d{3} (eroare|avertisment|informare): ", line) for line in lines[:-1])
    assert not any(re.search(r" (error|warning|info): ", line) for line in lines)


def test_the_json_report_is_the_same_in_every_language_apart_from_the_message() -> None:
    reports = {lang: _check(lang) for lang in languages()}
    bare = {
        lang: [{k: v for k, v in item.items() if k != "message"} for item in found] for lang, found in reports.items()
    }
    assert all(found == bare["en"] for found in bare.values())
    assert {"code", "severity", "line", "path", "key", "params", "message"} == set(reports["en"][0])
    messages = {lang: [item["message"] for item in found] for lang, found in reports.items()}
    assert messages["ro"] != messages["en"]


def test_the_parameters_are_language_neutral() -> None:
    register = ropa.load(EXAMPLES / "us-company" / "register.yaml")
    for finding in [*ropa.check(ropa.load(ONEDU), on=ON), *ropa.check(register, on=ON)]:
        for name, value in finding.params:
            assert isinstance(value, str | int), (finding.code, name)
            if name in {"country", "destination"}:
                assert re.fullmatch(r"[A-Z]{2}|IO:[a-z-]+", str(value)), (finding.code, value)
            if name in {"on", "until", "reviewed", "due", "applies", "announced", "earliest"}:
                date.fromisoformat(str(value))


@pytest.mark.parametrize("path", REGISTERS, ids=lambda path: path.parent.name + "/" + path.name)
def test_every_finding_emitted_has_its_message_and_title_in_every_catalogue(path: Path) -> None:
    register = ropa.load(path)
    findings = [finding for day in DAYS for finding in ropa.check(register, on=day)]
    for finding in findings:
        assert finding.key.split(".")[0] == finding.code
        for lang in languages():
            said = finding.text(lang)
            assert said.strip()
            assert not re.search(r"\{[a-z_]+\}", said), (finding.key, lang)
            assert finding.title(lang).strip()
        assert finding.text("en") == finding.message


def test_every_code_has_a_title_in_every_catalogue() -> None:
    from ropa.checks import CODES
    from ropa.checks_words import title

    for code, (_, english) in CODES.items():
        assert title(code, "en") == english
        for lang in languages():
            assert title(code, lang).strip(), (code, lang)


def test_the_page_shows_the_findings_in_its_language() -> None:
    register = ropa.load(ONEDU)
    findings = ropa.check(register, on=ON)
    page = ropa.render_page(register, "ro", ON)
    from html import escape

    for finding in findings:
        assert escape(finding.text("ro"), quote=False) in page.replace("&#39;", "'").replace("&#34;", '"')
        assert escape(finding.message, quote=False) not in page


def test_counts_follow_the_language_s_plural_rules() -> None:
    register = ropa.load(ONEDU)
    warning = next(finding for finding in ropa.check(register, on=ON) if finding.severity is ropa.Severity.WARNING)
    for count, expected in [
        (0, "0 avertismente"),
        (1, "1 avertisment"),
        (2, "2 avertismente"),
        (20, "20 de avertismente"),
        (101, "101 avertismente"),
    ]:
        assert expected in count_findings([warning] * count, "ro")
    assert count_findings([warning] * 1, "en") == "0 errors, 1 warning, 0 info"
    assert count_findings([], "ro") == "0 erori, 0 avertismente, 0 informări"


def test_a_catalogue_lacking_a_finding_s_message_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "catalogues"
    shutil.copytree(ROOT / "src" / "ropa" / "catalogues", folder)
    romanian = folder / "ro.po"
    text = romanian.read_text(encoding="utf-8")
    entry = re.search(r'(#, python-brace-format\n)?msgctxt "findings"\nmsgid "T107"\nmsgstr "[^\n]*"\n', text)
    assert entry is not None
    romanian.write_text(text.replace(entry.group(0), ""), encoding="utf-8")
    monkeypatch.setenv("ROPA_CATALOGUES", str(folder))
    clear_cache()
    try:
        finding = next(f for f in ropa.check(ropa.load(ONEDU), on=ON) if f.key == "T107")
        with pytest.raises(MissingWording, match=r"ro\.po: no message 'T107' in context 'findings'"):
            finding.text("ro")
        done = run_ropa("check", ONEDU, "--on", ON.isoformat(), "--lang", "ro")
        assert done.returncode == 1
        assert done.stdout == ""
        assert "Traceback" not in done.stderr
        assert f"{romanian}: no message 'T107' in context 'findings'" in done.stderr
    finally:
        monkeypatch.delenv("ROPA_CATALOGUES")
        clear_cache()


def test_a_language_ropa_does_not_write_is_a_usage_error() -> None:
    done = run_ropa("check", ONEDU, "--lang", "qq")
    assert done.returncode == 2
    assert "--lang 'qq'" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unlawful_transfer_gives_the_verdict_s_reasons_in_the_finding_s_language() -> None:
    from tests.test_checks import register

    (finding,) = [f for f in ropa.check(register(mechanisms="dpf_certified: false"), on=ON) if f.code == "T101"]
    assert len({finding, finding.located(3), finding.located(3)}) == 2  # frozen and hashable: parameters are pairs
    reasons = dict(finding.params)["reasons"]
    assert isinstance(reasons, str)
    assert reasons.split(", ")[0] == "third-country"  # the verdict's reason keys, for another tool
    romanian = finding.text("ro")
    assert "Statele Unite se află în afara Spațiului Economic European" in romanian
    assert "25 noiembrie 2026" in romanian
    assert "United States" not in romanian
    assert "este nelegal la 25 noiembrie 2026" in romanian  # a verdict is „nelegal" (issue 22)
    assert "The United States is outside the EEA on that date" in finding.message
