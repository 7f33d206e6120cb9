"""Who gets what (issue 21): the model's new fields, their located errors, and `ropa.model.queries`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ropa.io import RegisterError, load_text
from ropa.model import ActivityRole
from ropa.model.queries import (
    activities_by_recipient,
    activities_of_recipient,
    categories_of_subject,
    data_received,
    engaged_below,
    engaged_chain,
    group_members,
    is_running,
    purposes_disclosed,
    recipients_for_purpose,
    sources_of,
    sub_processors_of,
    subjects_of_category,
)
from tests.grain_register import GRAIN, grain
from tests.helpers import run_ropa, write


def test_without_the_grain_every_subject_has_every_category_and_every_recipient_gets_everything() -> None:
    register = grain(
        GRAIN,
        ("    subject_data:\n      pupils: [identity, health, allergies]\n      parents: [identity, contact]\n", ""),
    )
    school = register.activities["school"]
    assert categories_of_subject(school, "parents") == ("identity", "contact", "health", "allergies")
    assert data_received(school, "cloud-host") == ("identity", "contact", "health", "allergies")
    assert purposes_disclosed(school, "cloud-host") == ("schooling", "trips")


def test_the_grain_answers_per_subject_and_per_recipient() -> None:
    school = grain().activities["school"]
    assert categories_of_subject(school, "pupils") == ("identity", "health", "allergies")
    assert categories_of_subject(school, "parents") == ("identity", "contact")
    assert categories_of_subject(school, "teachers") == ()
    assert subjects_of_category(school, "identity") == ("pupils", "parents")
    assert subjects_of_category(school, "contact") == ("parents",)
    assert data_received(school, "insurer") == ("identity",)
    assert purposes_disclosed(school, "insurer") == ("trips",)
    assert data_received(school, "mail-relay") == ()


def test_sources_per_data() -> None:
    school = grain().activities["school"]
    assert [text["en"] for text in sources_of(school, ["health"])] == ["from the family doctor"]
    assert [text["en"] for text in sources_of(school, ["identity"])] == ["from the parents"]
    assert [text["en"] for text in sources_of(school, ["health", "contact"])] == [
        "from the family doctor",
        "from the parents",
    ]


def test_recipients_activities_purposes_chains_and_groups() -> None:
    register = grain()
    assert list(activities_of_recipient(register, "cloud-host")) == ["school", "hosting"]
    assert list(activities_of_recipient(register, "cloud-host", role=ActivityRole.CONTROLLER)) == ["school"]
    assert activities_by_recipient(register) == {"cloud-host": ("school", "hosting"), "insurer": ("school",)}
    # shared_for, and the purposes disclosures name; a processor purpose only when processor work is asked for
    assert recipients_for_purpose(register, "trips") == ("insurer",)
    assert recipients_for_purpose(register, "hosting-for-clients") == ("cloud-host",)
    assert recipients_for_purpose(register, "hosting-for-clients", role=ActivityRole.CONTROLLER) == ()
    assert sub_processors_of(register, "cloud-host") == ("mail-relay",)
    assert engaged_chain(register, "mail-relay") == ("cloud-host",)
    assert engaged_below(register, "cloud-host") == (("mail-relay", "cloud-host"),)
    assert group_members(register, "Example Group") == ("cloud-host",)
    assert register.purposes["schooling"].legal_bases[1].value == "public-task"


@pytest.mark.parametrize(
    ("created", "ended", "running"),
    [
        (None, None, True),
        (date(2026, 1, 1), None, True),
        (date(2027, 1, 1), None, False),
        (None, date(2026, 11, 24), False),
    ],
)
def test_is_running(created: date | None, ended: date | None, running: bool) -> None:
    school = grain().activities["school"].model_copy(update={"created": created, "ended": ended})
    assert is_running(school, date(2026, 11, 25)) is running


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "pupils: [identity, health, allergies]",
            "pupils: [identity, helth]",
            "unknown data category 'helth'; did you mean 'health'?",
        ),
        (
            "      parents: [identity, contact]",
            "      parent: [identity]",
            "unknown data subject category 'parent'; did you mean 'parents'?",
        ),
        (
            "      parents: [identity, contact]",
            "      parents: [photos]",
            "data category 'photos' is not among the activity's data_categories",
        ),
        (
            "insurer: {data: [identity]",
            "insurer: {data: [bank]",
            "data category 'bank' is not among the activity's data_categories",
        ),
        (
            "insurer: {data: [identity], purposes: [trips]}",
            "insuror: {}",
            "unknown recipient 'insuror'; did you mean 'insurer'?",
        ),
        (
            "purposes: [trips]}",
            "purposes: [hosting-for-clients]}",
            "purpose 'hosting-for-clients' is not among the activity's purposes",
        ),
        (
            "      - data: [health]\n",
            "      - data: [healt]\n",
            "unknown data category 'healt'; did you mean 'health'?",
        ),
        (
            "engaged_by: cloud-host",
            "engaged_by: cloud-hots",
            "unknown recipient 'cloud-hots'; did you mean 'cloud-host'?",
        ),
        ("engaged_by: cloud-host", "engaged_by: mail-relay", "the chain of processors comes back to itself"),
        (
            "further_legal_bases: [public-task]",
            "further_legal_bases: [legal-obligation]",
            "legal basis 'legal-obligation' is given twice",
        ),
        ("country: RO}\n    special_condition", "country: EU-X}\n    special_condition", "law.country"),
    ],
)
def test_a_wrong_id_is_a_located_error(old: str, new: str, message: str, tmp_path: Path) -> None:
    text = GRAIN.replace(old, new, 1)
    assert text != GRAIN
    with pytest.raises(RegisterError) as raised:
        load_text(text, file="grain.yaml")
    assert message in str(raised.value)
    path = write(tmp_path, "grain.yaml", text)
    done = run_ropa("validate", path)
    assert done.returncode == 1
    line = text[: text.index(new)].count("\n") + 1
    assert any(f"grain.yaml:{line}:" in row and message in row for row in done.stderr.splitlines()), done.stderr
