"""`ropa check --lang fr`: every finding of a French register, and of ONedu's, worded in French."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ONEDU
from tests.helpers import finding_prose, findings_json, run_ropa

ON = date(2026, 11, 25)
BELGIAN = EXAMPLES / "belgian-municipality" / "register.yaml"
# Words of English sentences that no French sentence has ("on", "est", "a" are French words too).
ENGLISH = re.compile(
    r"\b(?:the|is|of|and|not|no|to|be|but|which|must|for|with|this|has|have|its|recorded|should|where|when|from"
    r"|by|under|none|rest|rests)\b",
    re.IGNORECASE,
)
IDENTIFIERS = re.compile(r"\bscc\b|intra-eea|derogation-|\badequacy\b|\b\d{4}-\d{2}-\d{2}\b|\bP\d+[YMWD]\b")


def _check(register: Path, lang: str) -> list[dict[str, object]]:
    return findings_json(register, lang, "--on", ON.isoformat())


@pytest.mark.parametrize("register", [BELGIAN, ONEDU], ids=["belgian-municipality", "onedu"])
def test_ropa_check_lang_fr_prints_every_finding_in_french(register: Path) -> None:
    english = _check(register, "en")
    french = _check(register, "fr")
    assert [item["code"] for item in french] == [item["code"] for item in english]
    for fr, en in zip(french, english, strict=True):
        assert ENGLISH.findall(finding_prose(en)), en["message"]  # the same check sees the English
        assert ENGLISH.findall(finding_prose(fr)) == [], fr["message"]
        assert IDENTIFIERS.findall(finding_prose(fr)) == [], fr["message"]
        assert fr["message"] != en["message"]
        assert {key: value for key, value in fr.items() if key != "message"} == {
            key: value for key, value in en.items() if key != "message"
        }


def test_the_french_text_report_has_french_severities_and_count() -> None:
    done = run_ropa("check", BELGIAN, "--on", ON.isoformat(), "--lang", "fr")
    assert done.returncode == 0, done.stderr
    *findings, count = done.stdout.splitlines()
    assert findings
    # `FILE:LINE: CODE severity: …` is a machine-readable layout, the same in every language; its words are French.
    assert all(re.search(r": [A-Z]\d{3} (?:avertissement|erreur|information): ", line) for line in findings), findings
    # French counts zero in the singular (CLDR: one covers 0 and 1).
    assert re.search(r": 0 erreur, \d+ avertissements?, 0 information$", count), count
