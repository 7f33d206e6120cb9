"""Findings on what the register publishes as law and as text: the law behind (c) and (e) (Art. 6(3)), the
authorisation of Art. 10 data, and published texts that read like an internal note (`notes` is their place).

`ropa.checks` words each as a finding (B303, B304, D407, I907); see docs/checks.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ropa.checks_words import FindingParams, params
from ropa.law.rules import assess
from ropa.model import ActivityRole, LegalBasis, Register
from ropa.model.base import Provision, texts_in
from ropa.model.consistency import Path

__all__ = ["law_gaps", "unfinished_texts"]

_LAID_DOWN = {LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK}

# What a DPO writes while a fact is still open, in the languages ropa writes: a published text holding one
# of these is a note that belongs in `notes`.
_UNFINISHED = re.compile(
    r"\b(?:todo|tbd|tbc|fixme|xxx|to be (?:confirmed|checked|verified|completed|decided)|"
    r"de (?:confirmat|verificat|completat|stabilit))\b|\?\?|\[\?\]",
    re.IGNORECASE,
)


def unfinished_texts(register: Register) -> Iterator[tuple[str, Path, str, FindingParams]]:
    """(code, path, message key, parameters) for each published text of `register` that reads like an unfinished
    note."""
    for path, text in texts_in(register):
        for language in text.languages():
            found = _UNFINISHED.search(text[language])
            if found:
                yield ("I907", (*path, language), "I907", params(note=found.group(0)))
                break


def law_gaps(register: Register, on: date) -> Iterator[tuple[str, Path, str, FindingParams]]:
    """(code, path, message key, parameters) for (c)/(e) without its law or with a third country's (Art. 6(3)),
    and for Art. 10 data processed without the law that authorises it."""
    own = [a for a in register.activities.values() if a.role is ActivityRole.CONTROLLER]
    own_purposes = {key for activity in own for key in activity.purposes}
    for key, purpose in register.purposes.items():
        if key not in own_purposes or not _LAID_DOWN & set(purpose.legal_bases):
            continue
        path: Path = ("purposes", key)
        if purpose.law is None:
            yield ("B303", (*path, "law"), "B303", ())
        elif _third_country(purpose.law, on):
            yield ("B304", (*path, "law", "country"), "B304.basis", params(country=purpose.law.country))
    for key, activity in register.activities.items():
        if activity.role is not ActivityRole.CONTROLLER:
            continue  # as processor, Art. 10 is the client controller's to meet
        criminal = [c for c in activity.data_categories if register.data_categories[c].criminal]
        if not criminal:
            continue
        path = ("activities", key, "criminal_data_law")
        if activity.criminal_data_law is None:
            yield ("D407", path, "D407", params(data_categories=", ".join(criminal)))
        elif _third_country(activity.criminal_data_law, on):
            country = activity.criminal_data_law.country
            yield ("B304", (*path, "country"), "B304.criminal", params(country=country))


def _third_country(provision: Provision, on: date) -> bool:
    # Outside the EEA on the day, as ropa's transfer rules know it. The law of an EEA EFTA state is not flagged:
    # the GDPR applies there through the EEA Agreement (a choice that errs on the side of no false error).
    return provision.country != "EU" and assess(provision.country, on).basis != "intra-eea"
